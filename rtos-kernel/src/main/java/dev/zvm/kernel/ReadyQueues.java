package dev.zvm.kernel;

/**
 * One FIFO of READY tasks per priority, and an {@code int} bitmap with bit p set when queue p is
 * non-empty, so the highest ready priority is {@code 31 - numberOfLeadingZeros(bitmap)}: O(1) whatever
 * the number of tasks. Carrier only; zero allocation.
 *
 * <p>The quantum rule (ChibiOS) is the caller's: a task whose quantum is spent, or that yields, goes
 * behind its peers ({@link #addTail}); one preempted before its quantum is spent goes ahead of them
 * ({@link #addHead}).
 */
final class ReadyQueues implements TaskList
{
    private final Task[] heads = new Task[Kernel.PRIORITIES];
    private final Task[] tails = new Task[Kernel.PRIORITIES];
    private int bitmap;

    void addTail(final Task task)
    {
        final int p = task.priority;
        final Task t = tails[p];
        task.next = null;
        task.prev = t;
        if (t == null)
        {
            heads[p] = task;
            bitmap |= 1 << p;
        }
        else
        {
            t.next = task;
        }
        tails[p] = task;
        task.list = this;
    }

    void addHead(final Task task)
    {
        final int p = task.priority;
        final Task h = heads[p];
        task.prev = null;
        task.next = h;
        if (h == null)
        {
            tails[p] = task;
            bitmap |= 1 << p;
        }
        else
        {
            h.prev = task;
        }
        heads[p] = task;
        task.list = this;
    }

    @Override
    public void remove(final Task task)
    {
        final int p = task.priority;
        final Task prev = task.prev;
        final Task next = task.next;
        if (prev == null)
        {
            heads[p] = next;
        }
        else
        {
            prev.next = next;
        }
        if (next == null)
        {
            tails[p] = prev;
        }
        else
        {
            next.prev = prev;
        }
        if (heads[p] == null)
        {
            bitmap &= ~(1 << p);
        }
        task.prev = null;
        task.next = null;
        task.list = null;
    }

    /** @return the first task of the highest non-empty priority, unlinked, or null when none is ready */
    Task pollHighest()
    {
        final int b = bitmap;
        if (b == 0)
        {
            return null;
        }
        final Task task = heads[31 - Integer.numberOfLeadingZeros(b)];
        remove(task);
        return task;
    }

    /** @return the highest priority with a ready task, or -1 */
    int highestPriority()
    {
        return 31 - Integer.numberOfLeadingZeros(bitmap);
    }

    boolean isEmpty()
    {
        return bitmap == 0;
    }

    /** Debug: checks links, bitmap and states; returns a problem or null. */
    String check()
    {
        for (int p = 0; p < Kernel.PRIORITIES; p++)
        {
            final boolean bit = (bitmap & (1 << p)) != 0;
            if (bit != (heads[p] != null))
            {
                return "bitmap bit " + p + " is " + bit;
            }
            Task prev = null;
            for (Task t = heads[p]; t != null; t = t.next)
            {
                if (t.prev != prev || t.list != this || t.priority != p || t.state != TaskState.READY)
                {
                    return "ready queue " + p + " holds " + t + " (" + t.state + ", priority " + t.priority + ")";
                }
                prev = t;
            }
            if (prev != tails[p])
            {
                return "ready queue " + p + " tail mismatch";
            }
        }
        return null;
    }
}
