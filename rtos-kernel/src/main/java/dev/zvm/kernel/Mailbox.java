package dev.zvm.kernel;

import java.util.Objects;

/**
 * A bounded mailbox of object references (Zerynth's {@code vosMBox*}, ChibiOS mailboxes). Messages come
 * out in the order they went in; fetchers and posters that must wait queue by priority, then by arrival.
 * Other threads post with {@link #postFromIsr(Object)}; only tasks and handlers on the carrier fetch.
 *
 * @param <T> the message type; null is not a message
 */
public final class Mailbox<T> extends KernelObject
{
    private final BoundedMpscStore<Object> store;
    private final WaitQueue fetchers = new WaitQueue();
    /** Posters waiting for room; each holds its message in {@link Task#message}. */
    private final WaitQueue posters = new WaitQueue();

    Mailbox(final Kernel kernel, final String name, final int capacity)
    {
        super(kernel, name);
        store = new BoundedMpscStore<>(capacity);
    }

    @Override
    String kind()
    {
        return "mailbox";
    }

    /**
     * Posts a message, waiting for room if the mailbox is full. Blocking: from a running task body only
     * (with {@link Kernel#NO_WAIT} prefer {@link #tryPost}, which handlers may call too).
     *
     * @param message not null
     * @param timeoutNanos {@link Kernel#NO_WAIT}, a positive number of nanoseconds, or {@link Kernel#FOREVER}
     * @return {@link WaitResult#OK} if posted at once; {@link WaitResult#TIMEOUT} if full and the timeout is
     *     NO_WAIT; else {@link WaitResult#PENDING} (OK, TIMEOUT or RESET with the next run; the message is
     *     posted only on OK)
     */
    public int post(final T message, final long timeoutNanos)
    {
        Objects.requireNonNull(message, "message");
        final Task caller = kernel.blockingCaller("post");
        Kernel.checkTimeout(timeoutNanos);
        checkUsable();
        if (posters.isEmpty() && store.offer(message))
        {
            balance();
            caller.waitResult = WaitResult.OK;
            return WaitResult.OK;
        }
        if (timeoutNanos == Kernel.NO_WAIT)
        {
            caller.waitResult = WaitResult.TIMEOUT;
            return WaitResult.TIMEOUT;
        }
        caller.message = message;
        return kernel.park(caller, this, posters, TaskState.BLOCKED, timeoutNanos);
    }

    /**
     * Posts without waiting. Carrier-side (a task or a handler); never blocks.
     *
     * @param message not null
     * @return false if the mailbox is full (or tasks already wait to post)
     */
    public boolean tryPost(final T message)
    {
        Objects.requireNonNull(message, "message");
        kernel.checkCarrier("tryPost");
        checkUsable();
        if (!posters.isEmpty() || !store.offer(message))
        {
            return false;
        }
        balance();
        return true;
    }

    /**
     * ISR-safe post: any thread, lock-free, never blocks. The message is in the mailbox when this returns;
     * a waiting fetcher is woken by the carrier at its next safe point or between tasks.
     *
     * @param message not null
     * @return false, counted in {@link KernelMetrics#isrRejected()}, if the mailbox is full
     * @throws IllegalStateException if the mailbox has been destroyed
     */
    public boolean postFromIsr(final T message)
    {
        Objects.requireNonNull(message, "message");
        checkUsable();
        final long stamp = kernel.isrStampNow();
        if (!store.offer(message))
        {
            kernel.gateway.reject();
            return false;
        }
        kernel.gateway.notify(this, stamp);
        return true;
    }

    /**
     * Takes the oldest message, waiting for one if the mailbox is empty. Blocking: from a running task
     * body only.
     *
     * @param timeoutNanos {@link Kernel#NO_WAIT}, a positive number of nanoseconds, or {@link Kernel#FOREVER}
     * @return {@link WaitResult#OK} if a message was taken at once; {@link WaitResult#TIMEOUT} if empty and
     *     the timeout is NO_WAIT; else {@link WaitResult#PENDING}. On OK the message is in
     *     {@link Task#takeMessage()} (or {@link #received()}).
     */
    public int fetch(final long timeoutNanos)
    {
        final Task caller = kernel.blockingCaller("fetch");
        Kernel.checkTimeout(timeoutNanos);
        checkUsable();
        final Object m = store.poll();
        if (m != null)
        {
            caller.message = m;
            balance();
            caller.waitResult = WaitResult.OK;
            return WaitResult.OK;
        }
        if (timeoutNanos == Kernel.NO_WAIT)
        {
            caller.waitResult = WaitResult.TIMEOUT;
            return WaitResult.TIMEOUT;
        }
        return kernel.park(caller, this, fetchers, TaskState.BLOCKED, timeoutNanos);
    }

    /**
     * Takes the oldest message without waiting. Carrier-side (a task or a handler).
     *
     * @return the message, or null if the mailbox is empty
     */
    @SuppressWarnings("unchecked")
    public T tryFetch()
    {
        kernel.checkCarrier("tryFetch");
        checkUsable();
        final Object m = store.poll();
        if (m != null)
        {
            balance();
        }
        return (T)m;
    }

    /**
     * @return the message the running task's last {@link #fetch} received, clearing it
     */
    @SuppressWarnings("unchecked")
    public T received()
    {
        return (T)kernel.taskCaller("received").takeMessage();
    }

    /** @return messages in the mailbox (including posts from other threads still being written) */
    public int usedSlots()
    {
        return store.size();
    }

    /** @return room left */
    public int freeSlots()
    {
        return store.capacity() - store.size();
    }

    /** @return the capacity given at creation */
    public int capacity()
    {
        return store.capacity();
    }

    /**
     * Drops every message and wakes every waiting fetcher and poster with {@link WaitResult#RESET}.
     * Carrier-side.
     */
    public void reset()
    {
        kernel.checkCarrier("reset");
        checkUsable();
        resetAll();
    }

    /** {@link #reset()}, then any further use throws. Carrier-side. */
    public void destroy()
    {
        kernel.checkCarrier("destroy");
        checkUsable();
        resetAll();
        markDestroyed();
    }

    private void resetAll()
    {
        while (store.poll() != null)
        {
            // dropping
        }
        Task w;
        while ((w = fetchers.first()) != null)
        {
            kernel.wake(w, WaitResult.RESET);
        }
        while ((w = posters.first()) != null)
        {
            w.message = null;
            kernel.wake(w, WaitResult.RESET);
        }
    }

    /** Hands messages to waiting fetchers and room to waiting posters until neither can progress. */
    private void balance()
    {
        boolean progress = true;
        while (progress)
        {
            progress = false;
            Task w;
            Object m;
            while ((w = fetchers.first()) != null && (m = store.poll()) != null)
            {
                w.message = m;
                kernel.wake(w, WaitResult.OK);
                progress = true;
            }
            while ((w = posters.first()) != null && store.offer(w.message))
            {
                w.message = null;
                kernel.wake(w, WaitResult.OK);
                progress = true;
            }
        }
    }

    @Override
    int serviceIsr()
    {
        if (!isDestroyed())
        {
            balance();
        }
        return 1;
    }

    @Override
    void waiterLeft(final Task task)
    {
        task.message = null;
    }

    String check()
    {
        final String f = fetchers.check(TaskState.BLOCKED);
        return f != null ? f : posters.check(TaskState.BLOCKED);
    }
}
