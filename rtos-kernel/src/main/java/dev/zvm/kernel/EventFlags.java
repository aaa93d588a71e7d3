package dev.zvm.kernel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Thirty-two event flags (FreeRTOS event groups). A task waits for any or all of a mask, optionally
 * clearing them when it wakes; a set wakes every waiter whose condition holds, in queue order, and the
 * bits consumed by clear-on-exit waiters are cleared after all have been evaluated.
 * Carrier-side calls as for {@link Semaphore}; from other threads {@link #setFromIsr(int)} only.
 */
public final class EventFlags extends KernelObject
{
    /** Wait mode: wake when any bit of the mask is set. */
    public static final int ANY = 0;
    /** Wait mode bit: wake only when every bit of the mask is set. */
    public static final int ALL = 1;
    /** Wait mode bit: clear the mask's bits when the wait is satisfied. */
    public static final int CLEAR_ON_EXIT = 2;

    private static final VarHandle PENDING;

    static
    {
        try
        {
            PENDING = MethodHandles.lookup().findVarHandle(EventFlags.class, "pendingBits", int.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private int flags;
    private final WaitQueue waiters = new WaitQueue();
    /** Bits raised by {@link #setFromIsr(int)}: raisers OR them in, the carrier takes them all. */
    private int pendingBits;

    EventFlags(final Kernel kernel, final String name)
    {
        super(kernel, name);
    }

    @Override
    String kind()
    {
        return "event flags";
    }

    /**
     * Waits until the flags match. Blocking: from a running task body only.
     *
     * @param mask the bits waited for, not 0
     * @param mode {@link #ANY} or {@link #ALL}, optionally | {@link #CLEAR_ON_EXIT}
     * @param timeoutNanos {@link Kernel#NO_WAIT}, a positive number of nanoseconds, or {@link Kernel#FOREVER}
     * @return {@link WaitResult#OK} if they match now; {@link WaitResult#TIMEOUT} if not and the timeout is
     *     NO_WAIT; else {@link WaitResult#PENDING}. On OK the flags that matched are in
     *     {@link Task#waitValue()}.
     */
    public int await(final int mask, final int mode, final long timeoutNanos)
    {
        final Task caller = kernel.blockingCaller("event wait");
        checkMask(mask);
        if ((mode & ~(ALL | CLEAR_ON_EXIT)) != 0)
        {
            throw new IllegalArgumentException("mode=" + mode + " is not ANY or ALL, optionally | CLEAR_ON_EXIT");
        }
        Kernel.checkTimeout(timeoutNanos);
        checkUsable();
        if (matches(flags, mask, mode))
        {
            caller.waitValue = flags;
            if ((mode & CLEAR_ON_EXIT) != 0)
            {
                flags &= ~mask;
            }
            caller.waitResult = WaitResult.OK;
            return WaitResult.OK;
        }
        if (timeoutNanos == Kernel.NO_WAIT)
        {
            caller.waitResult = WaitResult.TIMEOUT;
            return WaitResult.TIMEOUT;
        }
        caller.waitMask = mask;
        caller.waitMode = mode;
        return kernel.park(caller, this, waiters, TaskState.BLOCKED, timeoutNanos);
    }

    /**
     * Sets bits and wakes the waiters they satisfy. Never blocks; may preempt the caller. Carrier-side.
     *
     * @param mask the bits to set
     * @return the flags after the call (after clear-on-exit waiters took theirs)
     */
    public int set(final int mask)
    {
        kernel.checkCarrier("set");
        checkUsable();
        return apply(mask);
    }

    /**
     * Clears bits. Never blocks. Carrier-side.
     *
     * @param mask the bits to clear
     * @return the flags before the call
     */
    public int clear(final int mask)
    {
        kernel.checkCarrier("clear");
        checkUsable();
        final int before = flags;
        flags &= ~mask;
        return before;
    }

    /** @return the flags now */
    public int get()
    {
        return flags;
    }

    /** @return how many tasks wait */
    public int waiting()
    {
        return waiters.size();
    }

    /**
     * ISR-safe {@link #set(int)}: any thread, lock-free, never blocks. Bits raised before the carrier
     * services the object are set together (setting bits is idempotent, so nothing is lost).
     *
     * @param mask the bits to set, not 0
     * @return true (bits never fill a queue)
     */
    public boolean setFromIsr(final int mask)
    {
        checkMask(mask);
        checkUsable();
        final long stamp = kernel.isrStampNow();
        PENDING.getAndBitwiseOr(this, mask);
        kernel.gateway.notify(this, stamp);
        return true;
    }

    @Override
    int serviceIsr()
    {
        final int bits = (int)PENDING.getAndSet(this, 0);
        if (bits == 0 || isDestroyed())
        {
            return 0;
        }
        apply(bits);
        return 1;
    }

    private int apply(final int mask)
    {
        flags |= mask;
        int consumed = 0;
        Task w = waiters.first();
        while (w != null)
        {
            final Task next = w.next;
            if (matches(flags, w.waitMask, w.waitMode))
            {
                w.waitValue = flags;
                if ((w.waitMode & CLEAR_ON_EXIT) != 0)
                {
                    consumed |= w.waitMask;
                }
                kernel.wake(w, WaitResult.OK);
            }
            w = next;
        }
        flags &= ~consumed;
        return flags;
    }

    /** Wakes every waiter with {@link WaitResult#RESET} and clears the flags. Carrier-side. */
    public void reset()
    {
        kernel.checkCarrier("reset");
        checkUsable();
        wakeAll();
        flags = 0;
    }

    /** Wakes every waiter with {@link WaitResult#RESET}; any further use throws. Carrier-side. */
    public void destroy()
    {
        kernel.checkCarrier("destroy");
        checkUsable();
        wakeAll();
        markDestroyed();
    }

    private void wakeAll()
    {
        Task w;
        while ((w = waiters.first()) != null)
        {
            kernel.wake(w, WaitResult.RESET);
        }
    }

    private static boolean matches(final int flags, final int mask, final int mode)
    {
        return (mode & ALL) != 0 ? (flags & mask) == mask : (flags & mask) != 0;
    }

    private static void checkMask(final int mask)
    {
        if (mask == 0)
        {
            throw new IllegalArgumentException("mask=0: wait for or set at least one bit");
        }
    }

    String check()
    {
        for (Task w = waiters.first(); w != null; w = w.next)
        {
            if (w.state == TaskState.BLOCKED && matches(flags, w.waitMask, w.waitMode))
            {
                return this + ": " + w + " waits though its condition holds";
            }
        }
        return waiters.check(TaskState.BLOCKED);
    }
}
