package dev.zvm.kernel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A task: a {@link TaskBody} with a priority, a quantum and a state, scheduled by its kernel on the
 * carrier. Fields are carrier-owned unless said otherwise; from another thread the getters give a
 * snapshot that may be stale, and only {@link #resumeFromIsr()} may be called.
 *
 * <p>A task is created {@link TaskState#NEW} by {@link Kernel#newTask} or {@link Kernel#taskBuilder} and
 * runs after {@link #start()}. When a blocking call returns {@link WaitResult#PENDING} the body returns;
 * when the body runs again {@link #waitResult()} tells how the wait ended, and {@link #waitValue()} or
 * {@link #takeMessage()} carry what it received.
 */
public final class Task extends KernelObject
{
    private static final VarHandle RESUME_PENDING;

    static
    {
        try
        {
            RESUME_PENDING = MethodHandles.lookup().findVarHandle(Task.class, "resumePending", int.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    final int id;
    final TaskBody body;
    final boolean daemon;
    /** The quantum in the kernel's {@link QuantumMode} unit (safe points or nanoseconds). */
    final long quantum;

    /** The priority given by the user. */
    int basePriority;
    /** The priority used for scheduling: the base, or higher while a mutex it owns has a higher waiter. */
    int priority;
    TaskState state = TaskState.NEW;
    /** What is left of the current quantum, in the quantum's unit. */
    long quantumLeft;

    // Intrusive links: the ready queues or one wait queue.
    Task prev;
    Task next;
    TaskList list;

    // The wait in progress, or the last one finished.
    KernelObject waitingOn;
    int waitResult = WaitResult.OK;
    /** Event flags matched, a FIFO byte received or to be put. */
    int waitValue;
    /** Mailbox message received, or to be posted. */
    Object message;
    int waitMask;
    int waitMode;
    final TimerSlot timeout = new TimerSlot(this);

    /** Head of the list of mutexes this task owns, linked through {@link Mutex#nextOwned}. */
    Mutex ownedMutexes;
    /** Suspend requested while the task waited: it becomes SUSPENDED, not READY, when the wait ends. */
    boolean suspendRequested;
    final WaitQueue joiners = new WaitQueue();
    /** Real-time stamp of the ISR raise that made this task ready, 0 if none; read at its next dispatch. */
    long wokenByIsrNanos;
    Throwable failure;
    long dispatches;
    private Object attachment;
    /** Set to 1 by {@link #resumeFromIsr()} on any thread; taken by the carrier. */
    int resumePending;

    Task(final Kernel kernel, final String name, final int id, final int priority, final long quantum,
        final boolean daemon, final TaskBody body, final Object attachment)
    {
        super(kernel, name);
        this.id = id;
        this.basePriority = priority;
        this.priority = priority;
        this.quantum = quantum;
        this.quantumLeft = quantum;
        this.daemon = daemon;
        this.body = body;
        this.attachment = attachment;
    }

    @Override
    String kind()
    {
        return "task";
    }

    /** @return a number unique within the kernel, from 1 in creation order */
    public int id()
    {
        return id;
    }

    /** @return the effective priority (raised by priority inheritance while it owns a contended mutex) */
    public int priority()
    {
        return priority;
    }

    /** @return the priority set by the user */
    public int basePriority()
    {
        return basePriority;
    }

    /** @return the quantum, in safe points or nanoseconds according to the kernel's {@link QuantumMode} */
    public long quantum()
    {
        return quantum;
    }

    /** @return the current state */
    public TaskState state()
    {
        return state;
    }

    /** @return true if the task does not keep {@link Kernel#run()} going */
    public boolean isDaemon()
    {
        return daemon;
    }

    /** @return the object a BLOCKED task waits on (a task, for join), else null */
    public KernelObject waitingOn()
    {
        return waitingOn;
    }

    /**
     * @return how the last wait ended: {@link WaitResult#OK}, {@link WaitResult#TIMEOUT} or
     *     {@link WaitResult#RESET}; {@link WaitResult#PENDING} while it is still in progress
     */
    public int waitResult()
    {
        return waitResult;
    }

    /** @return the event flags that satisfied the last event wait, or the byte the last FIFO get received */
    public int waitValue()
    {
        return waitValue;
    }

    /** @return the message the last mailbox fetch received, clearing it; null if none */
    public Object takeMessage()
    {
        final Object m = message;
        message = null;
        return m;
    }

    /** @return what the body threw, if it failed; else null */
    public Throwable failure()
    {
        return failure;
    }

    /** @return how many times the body has been called */
    public long dispatches()
    {
        return dispatches;
    }

    /** @return the user's object attached to this task (VOSAL attaches its thread handle) */
    public Object attachment()
    {
        return attachment;
    }

    /**
     * Attaches a user object. Carrier, or any single thread while the kernel is not running.
     *
     * @param attachment anything, or null
     */
    public void attach(final Object attachment)
    {
        this.attachment = attachment;
    }

    /**
     * Makes a NEW task READY. Carrier (a task, a handler) or, while the kernel is not running, any thread.
     * Never blocks.
     *
     * @throws IllegalStateException if the task was already started
     */
    public void start()
    {
        kernel.checkCarrier("start");
        checkUsable();
        if (state != TaskState.NEW)
        {
            throw new IllegalStateException(this + " was already started (state " + state + ")");
        }
        kernel.startTask(this);
    }

    /**
     * Takes the task out of scheduling until {@link #resume()}. A READY task leaves its queue; the RUNNING
     * task (suspending itself, or suspended by a handler) is suspended when its body returns, and its next
     * safe point says yield; a BLOCKED or DELAYED task keeps waiting and is suspended when the wait ends.
     * Carrier or not running. Suspending a SUSPENDED task does nothing.
     *
     * @throws IllegalStateException if the task is NEW or TERMINATED
     */
    public void suspend()
    {
        kernel.checkCarrier("suspend");
        checkUsable();
        kernel.suspendTask(this);
    }

    /**
     * Makes a SUSPENDED task READY (with its last wait result), or cancels a pending suspension of a
     * waiting task. Does nothing to a READY or RUNNING task. Carrier or not running; from other threads
     * use {@link #resumeFromIsr()}.
     *
     * @throws IllegalStateException if the task is NEW or TERMINATED
     */
    public void resume()
    {
        kernel.checkCarrier("resume");
        checkUsable();
        if (state == TaskState.NEW)
        {
            throw new IllegalStateException(this + " was never started; call start()");
        }
        kernel.resumeTask(this);
    }

    /**
     * ISR-safe {@link #resume()}: any thread, lock-free, never blocks. Resumes the task if it is SUSPENDED
     * when the carrier takes the request; otherwise does nothing (as FreeRTOS's xTaskResumeFromISR).
     *
     * @return true (a resume request never fills a queue)
     * @throws IllegalStateException if the task has terminated
     */
    public boolean resumeFromIsr()
    {
        checkUsable();
        final long stamp = kernel.isrStampNow();
        RESUME_PENDING.setVolatile(this, 1);
        kernel.gateway.notify(this, stamp);
        return true;
    }

    @Override
    int serviceIsr()
    {
        if ((int)RESUME_PENDING.getAndSet(this, 0) == 0)
        {
            return 0;
        }
        if (state == TaskState.SUSPENDED || (suspendRequested && state != TaskState.TERMINATED))
        {
            kernel.resumeTask(this);
        }
        return 1;
    }

    /**
     * Ends the task in any state: it leaves whatever queue it is in, the mutexes it owns pass to their
     * next waiters, and its joiners wake with OK. A task terminating itself (or terminated by a handler
     * during its run) stops at its next return; its next safe point says yield. Terminating a TERMINATED
     * task does nothing. Carrier or not running.
     */
    public void terminate()
    {
        kernel.checkCarrier("terminate");
        kernel.terminateTask(this, null);
    }

    /**
     * Waits until this task terminates. Blocking: from a running task body only.
     *
     * @param timeoutNanos {@link Kernel#NO_WAIT}, a positive number of nanoseconds, or {@link Kernel#FOREVER}
     * @return {@link WaitResult#OK} if already terminated, {@link WaitResult#TIMEOUT} if not and the timeout
     *     is NO_WAIT, else {@link WaitResult#PENDING} (the result, OK or TIMEOUT, comes with the next run)
     * @throws IllegalStateException if a task joins itself, or if not called from a running task body
     */
    public int join(final long timeoutNanos)
    {
        final Task caller = kernel.blockingCaller("join");
        Kernel.checkTimeout(timeoutNanos);
        if (caller == this)
        {
            throw new IllegalStateException(this + " cannot join itself");
        }
        if (state == TaskState.TERMINATED)
        {
            caller.waitResult = WaitResult.OK;
            return WaitResult.OK;
        }
        if (timeoutNanos == Kernel.NO_WAIT)
        {
            caller.waitResult = WaitResult.TIMEOUT;
            return WaitResult.TIMEOUT;
        }
        return kernel.park(caller, this, joiners, TaskState.BLOCKED, timeoutNanos);
    }

    /**
     * Sets the base priority; the effective priority follows unless inheritance holds it higher. May
     * preempt the caller (its next safe point says yield). Carrier or not running.
     *
     * @param newPriority 0..31
     * @throws IllegalArgumentException if out of range
     * @throws IllegalStateException if the task has terminated
     */
    public void setPriority(final int newPriority)
    {
        kernel.checkCarrier("setPriority");
        Kernel.checkPriority(newPriority);
        checkUsable();
        basePriority = newPriority;
        kernel.updatePriority(this);
    }

    @Override
    public String toString()
    {
        return "task '" + name + "'";
    }
}
