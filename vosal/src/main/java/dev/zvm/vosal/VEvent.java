package dev.zvm.vosal;

import dev.zvm.kernel.EventFlags;

/**
 * An event flag ({@code vosEvent*}): initially clear; {@link #set()} wakes every waiter and the flag stays
 * set until {@link #clear()}.
 */
public final class VEvent
{
    private static final int FLAG = 1;
    private final EventFlags flags;

    VEvent(final EventFlags flags)
    {
        this.flags = flags;
    }

    /** {@code vosEventSet}: sets the flag, waking every waiter. */
    public void set()
    {
        flags.set(FLAG);
    }

    /** {@code vosEventClear}. */
    public void clear()
    {
        flags.clear(FLAG);
    }

    /** ISR-safe set: any thread. @return true */
    public boolean setFromIsr()
    {
        return flags.setFromIsr(FLAG);
    }

    /**
     * {@code vosEventWait}: waits until the flag is set. Blocking: from a thread body.
     *
     * @return {@link VRes#OK}, {@link VRes#TIMEOUT} or {@link VRes#PENDING}
     */
    public int waitTimeout(final long timeoutNanos)
    {
        return flags.await(FLAG, EventFlags.ANY, timeoutNanos);
    }

    /** @return {@code vosEventGetFlag} */
    public boolean flag()
    {
        return (flags.get() & FLAG) != 0;
    }

    /** {@code vosEventDestroy}: waiters get {@link VRes#RESET}. */
    public void destroy()
    {
        flags.destroy();
    }

    @Override
    public String toString()
    {
        return flags.toString();
    }
}
