package dev.zvm.kernel;

/**
 * A mutex with priority inheritance (ChibiOS {@code chmtx.c}). While tasks wait for it, its owner runs at
 * the priority of the highest waiter, and so does the owner of any mutex that owner waits for: the kernel
 * walks the owner chain. When the owner unlocks (in any order), its priority falls back to the highest of
 * its base priority and the first waiters of the mutexes it still owns, and the mutex passes straight to
 * its first waiter. Not recursive. From running task bodies only.
 */
public final class Mutex extends KernelObject
{
    Task owner;
    final WaitQueue waiters = new WaitQueue();
    /** Next in the owner's list of owned mutexes. */
    Mutex nextOwned;

    Mutex(final Kernel kernel, final String name)
    {
        super(kernel, name);
    }

    @Override
    String kind()
    {
        return "mutex";
    }

    /**
     * Acquires the mutex, waiting if another task owns it; the owner inherits the caller's priority while
     * it waits. Blocking: from a running task body only.
     *
     * @param timeoutNanos {@link Kernel#NO_WAIT}, a positive number of nanoseconds, or {@link Kernel#FOREVER}
     * @return {@link WaitResult#OK} if acquired at once; {@link WaitResult#TIMEOUT} if owned and the timeout
     *     is NO_WAIT; else {@link WaitResult#PENDING} (OK, TIMEOUT or RESET come with the next run)
     * @throws IllegalStateException if the caller already owns it
     */
    public int lock(final long timeoutNanos)
    {
        final Task caller = kernel.blockingCaller("lock");
        Kernel.checkTimeout(timeoutNanos);
        checkUsable();
        if (owner == null)
        {
            acquire(caller);
            caller.waitResult = WaitResult.OK;
            return WaitResult.OK;
        }
        if (owner == caller)
        {
            throw new IllegalStateException(this + " is already owned by " + caller + " (mutexes are not recursive)");
        }
        if (timeoutNanos == Kernel.NO_WAIT)
        {
            caller.waitResult = WaitResult.TIMEOUT;
            return WaitResult.TIMEOUT;
        }
        final int r = kernel.park(caller, this, waiters, TaskState.BLOCKED, timeoutNanos);
        kernel.updatePriority(owner);
        return r;
    }

    /**
     * @return true if the mutex was free and the calling task now owns it; from a running task body only
     */
    public boolean tryLock()
    {
        return lock(Kernel.NO_WAIT) == WaitResult.OK;
    }

    /**
     * Releases the mutex: it passes to its first waiter, and the caller's priority is recomputed (which
     * may preempt it: its next safe point says yield). From the owning task's body only; never blocks.
     *
     * @throws IllegalStateException if the calling task does not own the mutex
     */
    public void unlock()
    {
        final Task caller = kernel.taskCaller("unlock");
        checkUsable();
        if (owner != caller)
        {
            throw new IllegalStateException(this + " is owned by " + (owner == null ? "no task" : owner) +
                ", not by " + caller);
        }
        release();
    }

    /** @return the owning task, or null */
    public Task owner()
    {
        return owner;
    }

    /** @return how many tasks wait */
    public int waiting()
    {
        return waiters.size();
    }

    /**
     * Destroys an unowned mutex; any further use throws. Carrier-side.
     *
     * @throws IllegalStateException if a task owns it
     */
    public void destroy()
    {
        kernel.checkCarrier("destroy");
        checkUsable();
        if (owner != null)
        {
            throw new IllegalStateException(this + " is owned by " + owner + " and cannot be destroyed");
        }
        markDestroyed();
    }

    private void acquire(final Task task)
    {
        owner = task;
        nextOwned = task.ownedMutexes;
        task.ownedMutexes = this;
    }

    /** Carrier: the owner lets go (unlock, or the owner terminates). */
    void release()
    {
        final Task previous = owner;
        unlinkFromOwner(previous);
        final Task w = waiters.first();
        if (w != null)
        {
            acquire(w);
            kernel.wake(w, WaitResult.OK);
            kernel.updatePriority(w);
        }
        else
        {
            owner = null;
        }
        if (previous.state != TaskState.TERMINATED)
        {
            kernel.updatePriority(previous);
        }
    }

    private void unlinkFromOwner(final Task task)
    {
        if (task.ownedMutexes == this)
        {
            task.ownedMutexes = nextOwned;
        }
        else
        {
            Mutex m = task.ownedMutexes;
            while (m.nextOwned != this)
            {
                m = m.nextOwned;
            }
            m.nextOwned = nextOwned;
        }
        nextOwned = null;
    }

    @Override
    void waiterLeft(final Task task)
    {
        if (owner != null)
        {
            kernel.updatePriority(owner);
        }
    }

    String check()
    {
        if (owner == null && !waiters.isEmpty())
        {
            return this + " has waiters and no owner";
        }
        if (owner != null && !waiters.isEmpty() && owner.priority < waiters.first().priority)
        {
            return this + ": owner " + owner + " at " + owner.priority + " below waiter " + waiters.first();
        }
        return waiters.check(TaskState.BLOCKED);
    }
}
