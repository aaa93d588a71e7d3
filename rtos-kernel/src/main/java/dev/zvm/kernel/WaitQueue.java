package dev.zvm.kernel;

/**
 * The queue of tasks blocked on one kernel object: ordered by effective priority, highest first, and by
 * arrival within a priority (FreeRTOS's event lists, ChibiOS's thread queues). Insertion walks from the
 * tail, so a new waiter of the lowest priority costs O(1). Carrier only.
 */
final class WaitQueue implements TaskList
{
    private Task head;
    private Task tail;
    private int size;

    /** Links {@code task} behind every waiter of the same or a higher priority. */
    void insert(final Task task)
    {
        Task before = tail;
        while (before != null && before.priority < task.priority)
        {
            before = before.prev;
        }
        task.prev = before;
        if (before == null)
        {
            task.next = head;
            if (head != null)
            {
                head.prev = task;
            }
            else
            {
                tail = task;
            }
            head = task;
        }
        else
        {
            task.next = before.next;
            if (before.next != null)
            {
                before.next.prev = task;
            }
            else
            {
                tail = task;
            }
            before.next = task;
        }
        task.list = this;
        size++;
    }

    @Override
    public void remove(final Task task)
    {
        final Task p = task.prev;
        final Task n = task.next;
        if (p == null)
        {
            head = n;
        }
        else
        {
            p.next = n;
        }
        if (n == null)
        {
            tail = p;
        }
        else
        {
            n.prev = p;
        }
        task.prev = null;
        task.next = null;
        task.list = null;
        size--;
    }

    /** Moves {@code task} to the place its (changed) priority gives it; it goes behind its new peers. */
    void reposition(final Task task)
    {
        remove(task);
        insert(task);
    }

    /** @return the waiter that is served next, or null */
    Task first()
    {
        return head;
    }

    boolean isEmpty()
    {
        return head == null;
    }

    int size()
    {
        return size;
    }

    /** Debug: checks links, membership and ordering; returns a problem or null. */
    String check(final TaskState expected)
    {
        int n = 0;
        Task p = null;
        for (Task t = head; t != null; t = t.next)
        {
            if (t.prev != p || t.list != this)
            {
                return "broken link at " + t;
            }
            if (p != null && p.priority < t.priority)
            {
                return "order: " + p + " before " + t;
            }
            if (t.state != expected)
            {
                return t + " in a wait queue in state " + t.state;
            }
            p = t;
            n++;
        }
        return p != tail || n != size ? "tail or size mismatch" : null;
    }
}
