package dev.zvm.vosal;

import dev.zvm.kernel.Mutex;

/**
 * A mutex with priority inheritance ({@code vosMtx*}); not recursive. From thread bodies only.
 */
public final class VMutex
{
    private final Mutex mutex;

    VMutex(final Mutex mutex)
    {
        this.mutex = mutex;
    }

    /**
     * {@code vosMtxLock} with a timeout. Blocking.
     *
     * @return {@link VRes#OK}, {@link VRes#TIMEOUT} or {@link VRes#PENDING}
     */
    public int lock(final long timeoutNanos)
    {
        return mutex.lock(timeoutNanos);
    }

    /** @return true if acquired without waiting ({@code vosMtxTryLock}) */
    public boolean tryLock()
    {
        return mutex.tryLock();
    }

    /** {@code vosMtxUnlock}; throws if the calling thread does not own it. */
    public void unlock()
    {
        mutex.unlock();
    }

    /** @return the owning thread, or null */
    public VThread owner()
    {
        return mutex.owner() == null ? null : (VThread)mutex.owner().attachment();
    }

    /** {@code vosMtxDestroy}; throws if owned. */
    public void destroy()
    {
        mutex.destroy();
    }

    @Override
    public String toString()
    {
        return mutex.toString();
    }
}
