package dev.zvm.vosal;

import dev.zvm.kernel.Task;

/**
 * A VOSAL thread ({@code vosTh*}): a kernel task whose body is a {@link VThreadBody}. Created INACTIVE by
 * {@link Vosal#threadCreate} (as {@code vosThCreate} creates threads suspended) and started with
 * {@link #start()}. Calls are carrier-side (a thread body, a timer callback or an interrupt handler, or any
 * one thread while the system is not running) unless marked ISR-safe.
 */
public final class VThread
{
    private final Vosal os;
    final Task task;
    private final int stackSize;
    private Object data;

    VThread(final Vosal os, final String name, final int prio, final int stackSize, final boolean daemon,
        final VThreadBody body)
    {
        this.os = os;
        this.stackSize = stackSize;
        this.task = os.kernel.taskBuilder(name, self -> body.run(this))
            .priority(VPrio.toKernel(prio)).daemon(daemon).attachment(this).create();
    }

    /** @return the thread's name */
    public String name()
    {
        return task.name();
    }

    /** @return a number unique within the system ({@code vosThGetId}) */
    public int id()
    {
        return task.id();
    }

    /** @return the stack size given at creation, in bytes (the VM may use it as a frame budget) */
    public int stackSize()
    {
        return stackSize;
    }

    /** @return true if the thread does not keep {@link Vosal#run()} going */
    public boolean isDaemon()
    {
        return task.isDaemon();
    }

    /** Starts an INACTIVE thread. Carrier-side. */
    public void start()
    {
        task.start();
    }

    /** @return the priority set ({@code vosThGetPriority}), {@link VPrio#IDLE}..{@link VPrio#INTERRUPT} */
    public int priority()
    {
        return VPrio.fromKernel(task.basePriority());
    }

    /**
     * Sets the priority ({@code vosThSetPriority}); may preempt the caller. Carrier-side.
     *
     * @param prio {@link VPrio#IDLE}..{@link VPrio#HIGHEST}, or {@link VPrio#INTERRUPT}
     */
    public void setPriority(final int prio)
    {
        task.setPriority(VPrio.toKernel(prio));
    }

    /** @return the status ({@code vosThGetStatus}) */
    public VThreadStatus status()
    {
        switch (task.state())
        {
            case NEW: return VThreadStatus.INACTIVE;
            case READY: return VThreadStatus.READY;
            case RUNNING: return VThreadStatus.RUNNING;
            case BLOCKED:
            case DELAYED: return VThreadStatus.WAITING;
            case SUSPENDED: return VThreadStatus.SUSPENDED;
            default: return VThreadStatus.FINISHED;
        }
    }

    /**
     * Suspends the thread ({@code vosThSuspend}). A thread suspending itself must then return from its
     * body (its next {@link #shouldYield()} says true). A waiting thread is suspended when its wait ends.
     * Carrier-side.
     */
    public void suspend()
    {
        task.suspend();
    }

    /** Resumes a suspended thread ({@code vosThResume}). Carrier-side. */
    public void resume()
    {
        task.resume();
    }

    /**
     * ISR-safe resume ({@code vosThResumeIsr}): any thread, lock-free.
     *
     * @return true
     */
    public boolean resumeFromIsr()
    {
        return task.resumeFromIsr();
    }

    /**
     * Waits for this thread to finish. Blocking: from a thread body.
     *
     * @param timeoutNanos {@link VTime#IMMEDIATE}, nanoseconds, or {@link VTime#INFINITE}
     * @return {@link VRes#OK}, {@link VRes#TIMEOUT} or {@link VRes#PENDING}
     */
    public int join(final long timeoutNanos)
    {
        return task.join(timeoutNanos);
    }

    /** Ends the thread ({@code vosThDestroy}); its mutexes pass on. Carrier-side. */
    public void destroy()
    {
        task.terminate();
    }

    /** @return how this thread's last wait ended: {@link VRes#OK}, {@link VRes#TIMEOUT}, {@link VRes#RESET} */
    public int waitResult()
    {
        return task.waitResult();
    }

    /** @return the byte the last {@link VFifo#getTimeout} received, or the flags of the last event wait */
    public int waitValue()
    {
        return task.waitValue();
    }

    /** @return the message the last {@link VMailbox#fetchTimeout} received, clearing it */
    public Object takeMessage()
    {
        return task.takeMessage();
    }

    /** @return what the body threw, if it failed */
    public Throwable failure()
    {
        return task.failure();
    }

    /** @return the object attached with {@link #setData} ({@code vosThGetData}: the VM's thread object) */
    public Object data()
    {
        return data;
    }

    /** @param data anything ({@code vosThSetData}) */
    public void setData(final Object data)
    {
        this.data = data;
    }

    /**
     * The safe point, as {@link Vosal#shouldYield()}.
     *
     * @return true if the body should return now
     */
    public boolean shouldYield()
    {
        return os.kernel.shouldYield();
    }

    @Override
    public String toString()
    {
        return "thread '" + name() + "'";
    }
}
