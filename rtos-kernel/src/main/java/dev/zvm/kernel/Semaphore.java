package dev.zvm.kernel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A counting semaphore (ChibiOS {@code chSem*}, Zerynth {@code vosSem*}). Waiters queue by priority, then
 * by arrival; a signal with waiters hands the unit straight to the first of them.
 * Carrier-side calls: from a task body or handler on the carrier, or from any single thread while the
 * kernel is not running. From other threads: {@link #signalFromIsr()} only.
 */
public final class Semaphore extends KernelObject
{
    private static final VarHandle PENDING;
    /** Bound on signals raised from other threads and not yet applied. */
    static final int MAX_PENDING = Integer.MAX_VALUE - 1;

    static
    {
        try
        {
            PENDING = MethodHandles.lookup().findVarHandle(Semaphore.class, "pendingSignals", int.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private int count;
    private final WaitQueue waiters = new WaitQueue();
    /** Signals raised by {@link #signalFromIsr()}: raisers CAS up, the carrier takes them all. */
    private int pendingSignals;

    Semaphore(final Kernel kernel, final String name, final int initialCount)
    {
        super(kernel, name);
        count = initialCount;
    }

    @Override
    String kind()
    {
        return "semaphore";
    }

    /**
     * Takes a unit, waiting if there is none. Blocking: from a running task body only.
     *
     * @param timeoutNanos {@link Kernel#NO_WAIT}, a positive number of nanoseconds, or {@link Kernel#FOREVER}
     * @return {@link WaitResult#OK} if a unit was taken at once; {@link WaitResult#TIMEOUT} if none was
     *     free and the timeout is NO_WAIT; else {@link WaitResult#PENDING}: the body must return, and its
     *     next run finds OK, TIMEOUT or RESET in {@link Task#waitResult()}
     */
    public int acquire(final long timeoutNanos)
    {
        final Task caller = kernel.blockingCaller("acquire");
        Kernel.checkTimeout(timeoutNanos);
        checkUsable();
        if (count > 0)
        {
            count--;
            caller.waitResult = WaitResult.OK;
            return WaitResult.OK;
        }
        if (timeoutNanos == Kernel.NO_WAIT)
        {
            caller.waitResult = WaitResult.TIMEOUT;
            return WaitResult.TIMEOUT;
        }
        return kernel.park(caller, this, waiters, TaskState.BLOCKED, timeoutNanos);
    }

    /**
     * Takes a unit if one is free. Never blocks; carrier-side (a task or a handler).
     *
     * @return true if a unit was taken
     */
    public boolean tryAcquire()
    {
        kernel.checkCarrier("tryAcquire");
        checkUsable();
        if (count > 0)
        {
            count--;
            return true;
        }
        return false;
    }

    /**
     * Releases a unit: wakes the first waiter, or counts up. Never blocks; may preempt the caller (its next
     * safe point says yield). Carrier-side.
     *
     * @throws IllegalStateException if the count would pass {@link Integer#MAX_VALUE}
     */
    public void signal()
    {
        kernel.checkCarrier("signal");
        checkUsable();
        if (count == Integer.MAX_VALUE && waiters.isEmpty())
        {
            throw new IllegalStateException(this + " count overflow");
        }
        signalOnce();
    }

    /**
     * Releases a unit without counting past {@code cap} (Zerynth's {@code vosSemSignalCap}): wakes the
     * first waiter if any; else counts up only while the count is below {@code cap}. Carrier-side.
     *
     * @param cap the highest count, {@code >= 1}
     */
    public void signalCapped(final int cap)
    {
        kernel.checkCarrier("signalCapped");
        if (cap < 1)
        {
            throw new IllegalArgumentException("cap=" + cap + " must be >= 1");
        }
        checkUsable();
        final Task w = waiters.first();
        if (w != null)
        {
            kernel.wake(w, WaitResult.OK);
        }
        else if (count < cap)
        {
            count++;
        }
    }

    /**
     * ISR-safe signal: any thread, lock-free, never blocks; applied on the carrier at its next safe point
     * or between tasks. Every accepted signal is applied exactly once.
     *
     * @return true if accepted; false (and counted in {@link KernelMetrics#isrRejected()}) if
     *     {@link #MAX_PENDING} signals are already waiting to be applied
     * @throws IllegalStateException if the semaphore has been destroyed
     */
    public boolean signalFromIsr()
    {
        checkUsable();
        final long stamp = kernel.isrStampNow();
        int p;
        do
        {
            p = (int)PENDING.getVolatile(this);
            if (p >= MAX_PENDING)
            {
                kernel.gateway.reject();
                return false;
            }
        }
        while (!PENDING.compareAndSet(this, p, p + 1));
        kernel.gateway.notify(this, stamp);
        return true;
    }

    @Override
    int serviceIsr()
    {
        final int n = (int)PENDING.getAndSet(this, 0);
        if (isDestroyed())
        {
            return n;
        }
        int left = n;
        while (left > 0 && !waiters.isEmpty())
        {
            kernel.wake(waiters.first(), WaitResult.OK);
            left--;
        }
        count = (int)Math.min(Integer.MAX_VALUE, (long)count + left);
        return n;
    }

    private void signalOnce()
    {
        final Task w = waiters.first();
        if (w != null)
        {
            kernel.wake(w, WaitResult.OK);
        }
        else
        {
            count++;
        }
    }

    /**
     * Wakes every waiter with {@link WaitResult#RESET} and sets the count. Carrier-side.
     *
     * @param newCount {@code >= 0}
     */
    public void reset(final int newCount)
    {
        kernel.checkCarrier("reset");
        if (newCount < 0)
        {
            throw new IllegalArgumentException("count=" + newCount + " must be >= 0");
        }
        checkUsable();
        wakeAll(WaitResult.RESET);
        count = newCount;
    }

    /** @return the free units */
    public int count()
    {
        return count;
    }

    /** @return how many tasks wait */
    public int waiting()
    {
        return waiters.size();
    }

    /** @return Zerynth's value: the count if positive, else minus the number of waiters */
    public int value()
    {
        return count > 0 ? count : -waiters.size();
    }

    /** Wakes every waiter with {@link WaitResult#RESET}; any further use throws. Carrier-side. */
    public void destroy()
    {
        kernel.checkCarrier("destroy");
        checkUsable();
        wakeAll(WaitResult.RESET);
        markDestroyed();
    }

    private void wakeAll(final int result)
    {
        Task w;
        while ((w = waiters.first()) != null)
        {
            kernel.wake(w, result);
        }
    }

    String check()
    {
        return count > 0 && !waiters.isEmpty() ? this + " has count " + count + " and waiters" :
            waiters.check(TaskState.BLOCKED);
    }
}
