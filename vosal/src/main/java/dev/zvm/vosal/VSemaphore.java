package dev.zvm.vosal;

import dev.zvm.kernel.Semaphore;

/**
 * A counting semaphore ({@code vosSem*}); waiters queue by priority, then arrival. Carrier-side unless
 * ISR-safe; waits from thread bodies only.
 */
public final class VSemaphore
{
    final Semaphore sem;

    VSemaphore(final Semaphore sem)
    {
        this.sem = sem;
    }

    /**
     * {@code vosSemWaitTimeout}. Blocking: from a thread body.
     *
     * @param timeoutNanos {@link VTime#IMMEDIATE}, nanoseconds, or {@link VTime#INFINITE}
     * @return {@link VRes#OK}, {@link VRes#TIMEOUT} or {@link VRes#PENDING}
     */
    public int waitTimeout(final long timeoutNanos)
    {
        return sem.acquire(timeoutNanos);
    }

    /** @return true if a unit was taken without waiting ({@code vosSemTryWait}); tasks and handlers */
    public boolean tryWait()
    {
        return sem.tryAcquire();
    }

    /** {@code vosSemSignal}: wakes the first waiter or counts up. Never blocks. */
    public void signal()
    {
        sem.signal();
    }

    /** {@code vosSemSignalCap}: as signal, never counting past {@code cap}. */
    public void signalCap(final int cap)
    {
        sem.signalCapped(cap);
    }

    /**
     * {@code vosSemSignalIsr}: any thread, lock-free; applied by the carrier.
     *
     * @return false (and counted) only if two billion signals are already pending
     */
    public boolean signalFromIsr()
    {
        return sem.signalFromIsr();
    }

    /** {@code vosSemReset}: wakes every waiter with {@link VRes#RESET}; the count becomes {@code count}. */
    public void reset(final int count)
    {
        sem.reset(count);
    }

    /** @return {@code vosSemGetValue}: the count, or minus the number of waiters */
    public int value()
    {
        return sem.value();
    }

    /** {@code vosSemDestroy}: waiters get {@link VRes#RESET}; further use throws. */
    public void destroy()
    {
        sem.destroy();
    }

    @Override
    public String toString()
    {
        return sem.toString();
    }
}
