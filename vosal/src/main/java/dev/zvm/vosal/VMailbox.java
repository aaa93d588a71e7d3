package dev.zvm.vosal;

import dev.zvm.kernel.Mailbox;

/**
 * A bounded mailbox of references ({@code vosMBox*}). Posts from other threads with
 * {@link #postFromIsr}; fetches on the carrier.
 *
 * @param <T> the message type; null is not a message
 */
public final class VMailbox<T>
{
    private final Mailbox<T> box;

    VMailbox(final Mailbox<T> box)
    {
        this.box = box;
    }

    /**
     * {@code vosMBoxPostTimeout}. Blocking: from a thread body.
     *
     * @return {@link VRes#OK}, {@link VRes#TIMEOUT} or {@link VRes#PENDING}
     */
    public int postTimeout(final T message, final long timeoutNanos)
    {
        return box.post(message, timeoutNanos);
    }

    /** @return true if posted without waiting; tasks, timer callbacks and handlers */
    public boolean tryPost(final T message)
    {
        return box.tryPost(message);
    }

    /**
     * {@code vosMBoxPostIsr}: any thread, lock-free.
     *
     * @return false (and counted) if the mailbox is full
     */
    public boolean postFromIsr(final T message)
    {
        return box.postFromIsr(message);
    }

    /**
     * {@code vosMBoxFetchTimeout}. Blocking: from a thread body. On OK the message is in
     * {@link #received()} (or {@link VThread#takeMessage()}), also after a PENDING wait.
     *
     * @return {@link VRes#OK}, {@link VRes#TIMEOUT} or {@link VRes#PENDING}
     */
    public int fetchTimeout(final long timeoutNanos)
    {
        return box.fetch(timeoutNanos);
    }

    /** @return the oldest message, or null if empty ({@code vosMBoxFetchIsr}'s carrier-side twin) */
    public T tryFetch()
    {
        return box.tryFetch();
    }

    /** @return the message the calling thread's last fetch received, clearing it */
    public T received()
    {
        return box.received();
    }

    /** @return {@code vosMBoxUsedSlots} */
    public int usedSlots()
    {
        return box.usedSlots();
    }

    /** @return {@code vosMBoxFreeSlots} */
    public int freeSlots()
    {
        return box.freeSlots();
    }

    /** Drops every message; waiters get {@link VRes#RESET}. */
    public void reset()
    {
        box.reset();
    }

    /** {@code vosMBoxDestroy}. */
    public void destroy()
    {
        box.destroy();
    }

    @Override
    public String toString()
    {
        return box.toString();
    }
}
