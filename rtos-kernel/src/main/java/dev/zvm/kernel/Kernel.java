package dev.zvm.kernel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * A priority-preemptive cooperative kernel on one carrier thread: tasks with 32 priorities and time
 * quanta, wait queues, semaphores, mutexes with priority inheritance, event flags, mailboxes, byte FIFOs,
 * timers, a real or virtual clock, and the ISR gateway through which other threads get in. See the
 * package documentation for the body protocol and the calling contexts.
 *
 * <p>The carrier is whichever thread calls {@link #run()} / {@link #runFor} (or runs the
 * {@link KernelAgent}). While it runs, every operation except the {@code ...FromIsr} calls, {@link #stop()}
 * and the metrics must come from the carrier (a task body, an interrupt handler or a timer callback);
 * other threads get an {@link IllegalStateException}. While it does not run, one thread at a time may
 * create and configure objects.
 */
public final class Kernel
{
    /** Number of priority levels. */
    public static final int PRIORITIES = 32;
    /** The lowest priority. */
    public static final int MIN_PRIORITY = 0;
    /** The highest priority. */
    public static final int MAX_PRIORITY = PRIORITIES - 1;
    /** The priority of tasks built without one. */
    public static final int NORMAL_PRIORITY = 16;
    /** Timeout: wait as long as it takes. */
    public static final long FOREVER = Long.MAX_VALUE;
    /** Timeout: do not wait; return {@link WaitResult#TIMEOUT} if the call cannot complete at once. */
    public static final long NO_WAIT = 0;
    /** Default quantum: safe points a task may pass before equal-priority peers get their turn. */
    public static final long DEFAULT_QUANTUM_SAFE_POINTS = 1000;
    /** Default virtual time charged per safe point under a {@link VirtualClock}. */
    public static final long DEFAULT_SAFE_POINT_COST_NANOS = 1000;
    /** Default safe points between clock reads under a real clock when timers or a time quantum need it. */
    public static final int DEFAULT_CLOCK_CHECK_INTERVAL = 64;
    /** Default capacity of the gateway queue (distinct objects pending at once before a sweep). */
    public static final int DEFAULT_GATEWAY_CAPACITY = 1024;
    /** Default bound of an interrupt line's pending raises. */
    public static final int DEFAULT_MAX_PENDING_INTERRUPTS = 1 << 16;

    /**
     * Debug mode, off by default ({@code -Dzvm.kernel.debug=true}): checks every invariant after each
     * dispatch. The module's tests run with it on.
     */
    static final boolean DEBUG = Boolean.getBoolean("zvm.kernel.debug");

    /** Gateway objects serviced per pass: background work takes a limit. */
    private static final int GATEWAY_DRAIN_LIMIT = 256;

    // Why a body yields (or none).
    private static final int YIELD_NONE = 0;
    private static final int YIELD_PREEMPT = 1;
    private static final int YIELD_QUANTUM = 2;
    private static final int YIELD_STOP = 3;
    private static final int YIELD_LEFT_RUNNING = 4;

    private static final VarHandle ATTENTION;
    private static final VarHandle STOP;
    private static final VarHandle IDLING;
    private static final VarHandle RUN_STATE;

    static
    {
        try
        {
            final MethodHandles.Lookup lookup = MethodHandles.lookup();
            ATTENTION = lookup.findVarHandle(Kernel.class, "attention", int.class);
            STOP = lookup.findVarHandle(Kernel.class, "stopRequested", int.class);
            IDLING = lookup.findVarHandle(Kernel.class, "idling", int.class);
            RUN_STATE = lookup.findVarHandle(Kernel.class, "runState", int.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    // ---- configuration (immutable) ----
    private final String name;
    private final Clock clock;
    /** The clock, if virtual (the kernel advances it), else null. */
    private final VirtualClock virtualClock;
    private final long safePointCostNanos;
    private final QuantumMode quantumMode;
    private final long defaultQuantum;
    private final int clockCheckInterval;
    private final IdleStrategy idleStrategy;
    /**
     * False for strategies that never park (busy-spin, yielding, no-op): then the carrier skips the
     * idling handshake (a full fence per idle loop) and raisers never call {@code unpark}. Measured by
     * {@code IsrLatency} (busy-spin, idle carrier): p50 from about 1.35 us down to about 260 ns.
     */
    private final boolean idleParks;
    /** Latency histograms on (two System.nanoTime per switch, one per raise). */
    private final boolean latencyMetrics;
    private final KernelMetrics metrics;
    private final TraceHook trace;
    private final FailureHandler failureHandler;

    // ---- carrier-owned state ----
    final ReadyQueues ready = new ReadyQueues();
    final TimerService timers = new TimerService();
    final IsrGateway gateway;
    /** Every live object (the gateway sweeps them after an overflow; the debug check walks them). */
    private final ArrayList<KernelObject> objects = new ArrayList<>();
    /** The carrier thread while running, else null. Written at attach/detach; read by any thread. */
    private volatile Thread carrier;
    /** The task whose body is executing, else null. */
    Task current;
    /** True while an interrupt handler or timer callback runs. */
    boolean inInterrupt;
    /** Safe points left before {@link #shouldYield()} takes its slow path. */
    private int budget;
    /** {@link #budget} as last granted or accounted; the difference is safe points passed. */
    private int budgetGranted;
    private boolean yieldLatched;
    private int yieldReason;
    private long sliceStartNanos;
    private long quantumSpentAtNanos;
    /** Deadline of the current runFor, else FOREVER. */
    private long runDeadline = FOREVER;
    /** Started, non-daemon, not terminated. */
    private int liveTasks;
    private int nextTaskId = 1;
    private int nextObjectNumber = 1;
    /** Raise stamp of the gateway object being serviced; tasks it wakes carry it to their dispatch. */
    long isrStamp;
    private Task lastRun;
    private long lastReturnNanos;

    // ---- shared across threads (VarHandle access only, but for attention()'s plain read) ----
    /** Something needs the carrier: raisers and stop() set it (volatile), the carrier sets it for preemption
     *  (opaque) and clears it (getAndSet) before servicing. Bodies read it (opaque) at every shouldYield(),
     *  and may read it (plain) through attention() at the safe points between. */
    private int attention;
    /** stop() sets it (volatile); the carrier reads and clears it. */
    private int stopRequested;
    /** The carrier sets it (volatile) around idling; raisers read it (volatile) to decide to unpark. */
    private int idling;
    /** 1 while attached to a carrier; CAS by the attaching thread. */
    private int runState;

    private Kernel(final Builder b)
    {
        name = b.name;
        clock = b.clock != null ? b.clock : new RealClock();
        if (clock instanceof VirtualClock)
        {
            virtualClock = (VirtualClock)clock;
            virtualClock.claim(this);
        }
        else
        {
            virtualClock = null;
        }
        safePointCostNanos = b.safePointCostNanos;
        quantumMode = b.quantumMode;
        defaultQuantum = b.quantum;
        clockCheckInterval = b.clockCheckInterval;
        idleStrategy = b.idleStrategy != null ? b.idleStrategy : new BackoffIdleStrategy(100, 10, 1_000, 100_000);
        idleParks = !(idleStrategy instanceof BusySpinIdleStrategy || idleStrategy instanceof YieldingIdleStrategy ||
            idleStrategy instanceof NoOpIdleStrategy);
        latencyMetrics = b.metrics;
        trace = b.trace;
        failureHandler = b.failureHandler;
        gateway = new IsrGateway(this, b.gatewayCapacity);
        metrics = new KernelMetrics(gateway);
    }

    /** @return a builder with the defaults: real clock, 1000-safe-point quantum, backoff idling, metrics on */
    public static Builder builder()
    {
        return new Builder();
    }

    // =====================================================================================================
    // Objects
    // =====================================================================================================

    /**
     * Creates a task in state NEW with the default quantum; {@link Task#start()} makes it ready.
     * Carrier, or any single thread while not running.
     *
     * @param name a name for traces and messages, or null for a generated one
     * @param priority 0..31, higher runs first
     * @param body the task's code
     * @return the task
     */
    public Task newTask(final String name, final int priority, final TaskBody body)
    {
        return taskBuilder(name, body).priority(priority).create();
    }

    /**
     * @param name a name, or null for a generated one
     * @param body the task's code
     * @return a builder for a task with more options (quantum, daemon, attachment)
     */
    public TaskBuilder taskBuilder(final String name, final TaskBody body)
    {
        if (body == null)
        {
            throw new IllegalArgumentException("body is null");
        }
        return new TaskBuilder(name, body);
    }

    /**
     * @param name a name, or null
     * @param initialCount {@code >= 0}
     * @return a new counting semaphore
     */
    public Semaphore newSemaphore(final String name, final int initialCount)
    {
        if (initialCount < 0)
        {
            throw new IllegalArgumentException("initialCount=" + initialCount + " must be >= 0");
        }
        return register(new Semaphore(this, nameOr(name, "semaphore"), initialCount));
    }

    /**
     * @param name a name, or null
     * @return a new mutex with priority inheritance
     */
    public Mutex newMutex(final String name)
    {
        return register(new Mutex(this, nameOr(name, "mutex")));
    }

    /**
     * @param name a name, or null
     * @return new event flags, all clear
     */
    public EventFlags newEventFlags(final String name)
    {
        return register(new EventFlags(this, nameOr(name, "events")));
    }

    /**
     * @param name a name, or null
     * @param capacity messages it holds, {@code >= 1}
     * @param <T> the message type
     * @return a new empty mailbox
     */
    public <T> Mailbox<T> newMailbox(final String name, final int capacity)
    {
        checkCapacity(capacity);
        return register(new Mailbox<>(this, nameOr(name, "mailbox"), capacity));
    }

    /**
     * @param name a name, or null
     * @param capacity bytes it holds, {@code >= 1}
     * @return a new empty byte FIFO
     */
    public ByteFifo newByteFifo(final String name, final int capacity)
    {
        checkCapacity(capacity);
        return register(new ByteFifo(this, nameOr(name, "fifo"), capacity));
    }

    /**
     * @param name a name, or null
     * @param callback run on the carrier, in interrupt context, at each expiry
     * @return a new disarmed timer
     */
    public Timer newTimer(final String name, final TimerCallback callback)
    {
        if (callback == null)
        {
            throw new IllegalArgumentException("callback is null");
        }
        return register(new Timer(this, nameOr(name, "timer"), callback));
    }

    /**
     * @param name a name, or null
     * @param handler run on the carrier, in interrupt context, once per raise
     * @return a new interrupt line holding up to {@link #DEFAULT_MAX_PENDING_INTERRUPTS} pending raises
     */
    public InterruptLine newInterruptLine(final String name, final InterruptHandler handler)
    {
        return newInterruptLine(name, handler, DEFAULT_MAX_PENDING_INTERRUPTS);
    }

    /**
     * @param name a name, or null
     * @param handler run on the carrier, in interrupt context, once per raise
     * @param maxPending raises it holds before refusing more, {@code >= 1}
     * @return a new interrupt line
     */
    public InterruptLine newInterruptLine(final String name, final InterruptHandler handler, final int maxPending)
    {
        if (handler == null)
        {
            throw new IllegalArgumentException("handler is null");
        }
        if (maxPending < 1)
        {
            throw new IllegalArgumentException("maxPending=" + maxPending + " must be >= 1");
        }
        return register(new InterruptLine(this, nameOr(name, "irq"), handler, maxPending));
    }

    // =====================================================================================================
    // Calls from task bodies
    // =====================================================================================================

    /**
     * The safe point. A body calls it where it could stop (the interpreter: backward jumps, calls, every N
     * instructions) and returns when it says true: a higher-priority task is ready, the quantum is spent,
     * the kernel is stopping, or the task has left RUNNING (it parked, suspended or terminated itself, or
     * a handler did). Each call counts one safe point toward the quantum and, under a virtual clock,
     * advances time by the safe-point cost. Pending ISR events and due timers are serviced here, so a raise
     * that wakes only a lower-priority task does not disturb the body.
     *
     * <p>Fast path: a decrement and an opaque read. The read must not be plain: C2 hoists a plain read
     * out of the caller's loop, while an opaque one costs nothing measurable (jvm-measurements.md 4c).
     * {@code TaskSwitchBenchmark.quantumSwitch} measures the slow path with a one-safe-point quantum.
     * Carrier, from a running task body only.
     *
     * @return true if the body should return now (it will be run again later unless it parked)
     */
    public boolean shouldYield()
    {
        if (--budget > 0 && (int)ATTENTION.getOpaque(this) == 0)
        {
            return false;
        }
        return safePoint();
    }

    /**
     * Whether something wants the carrier now: an interrupt was raised, a task of higher priority than the
     * running one became ready, or the kernel is asked to stop. Then the body's next {@link #shouldYield()}
     * takes its slow path whatever its budget. A body that calls {@link #shouldYield()} only every few safe
     * points (an interpreter that counts them in a register) reads this at the others, so that these
     * events still take effect at its very next safe point.
     *
     * <p>A plain read of a flag other threads set: it costs a load, and a body that misses a raise still
     * sees it at its next {@link #shouldYield()}. Carrier, from a running task body.
     *
     * @return true if the body should call {@link #shouldYield()} at this safe point
     */
    public boolean attention()
    {
        return attention != 0;
    }

    /**
     * Sleeps for {@code nanos} of the kernel clock: the task becomes DELAYED. Blocking: from a running
     * task body only.
     *
     * @param nanos {@code >= 0}; 0 returns OK at once
     * @return {@link WaitResult#OK} for 0, else {@link WaitResult#PENDING} (the body returns; it is run
     *     again after the delay with OK)
     */
    public int sleep(final long nanos)
    {
        final Task t = blockingCaller("sleep");
        if (nanos < 0 || nanos == FOREVER)
        {
            throw new IllegalArgumentException("nanos=" + nanos + " must be >= 0 and finite (to wait for a resume, suspend())");
        }
        if (nanos == 0)
        {
            t.waitResult = WaitResult.OK;
            return WaitResult.OK;
        }
        return parkUntil(t, null, null, TaskState.DELAYED, saturatedAdd(nanos(), nanos));
    }

    /**
     * Sleeps until the kernel clock reads {@code deadlineNanos}. Blocking: from a running task body only.
     *
     * @param deadlineNanos a time of {@link #nanos()}; a past one returns OK at once
     * @return {@link WaitResult#OK} if already past, else {@link WaitResult#PENDING}
     */
    public int sleepUntil(final long deadlineNanos)
    {
        final Task t = blockingCaller("sleepUntil");
        if (deadlineNanos == FOREVER)
        {
            throw new IllegalArgumentException("deadlineNanos=FOREVER: to wait for a resume, suspend()");
        }
        if (deadlineNanos <= nanos())
        {
            t.waitResult = WaitResult.OK;
            return WaitResult.OK;
        }
        return parkUntil(t, null, null, TaskState.DELAYED, deadlineNanos);
    }

    /**
     * Charges {@code nanos} of simulated time for work the running body did besides passing safe points
     * (the interpreter charges its opcodes this way, with a safe-point cost of 0). Under a real clock it
     * does nothing. If that makes a deadline (a timer, the run's end, a time quantum) due, the body's next
     * safe point takes its slow path and serves it. From a running task body only.
     *
     * @param nanos {@code >= 0}
     */
    public void chargeNanos(final long nanos)
    {
        if (nanos < 0)
        {
            throw new IllegalArgumentException("nanos=" + nanos + " must be >= 0");
        }
        final Task t = current;
        if (t == null || inInterrupt || carrier != Thread.currentThread())
        {
            throw new IllegalStateException("chargeNanos() is for a running task body");
        }
        if (virtualClock == null || nanos == 0)
        {
            return;
        }
        accountSafePoints(t);
        virtualClock.advanceBy(nanos);
        long horizon = Math.min(timers.nextDeadline(), runDeadline);
        if (quantumMode == QuantumMode.TIME)
        {
            horizon = Math.min(horizon, saturatedAdd(sliceStartNanos, t.quantumLeft));
        }
        if (virtualClock.nanos() >= horizon)
        {
            grant(1);
        }
    }

    /**
     * @return the task whose body is running on the carrier, or null (outside bodies, or from another thread)
     */
    public Task currentTask()
    {
        return carrier == Thread.currentThread() ? current : null;
    }

    /**
     * The kernel clock's time, including the safe points the running body has passed (under a virtual
     * clock). Any thread.
     *
     * @return nanoseconds
     */
    public long nanos()
    {
        final Task t = current;
        if (t != null && carrier == Thread.currentThread())
        {
            accountSafePoints(t);
        }
        return clock.nanos();
    }

    // =====================================================================================================
    // Running
    // =====================================================================================================

    /**
     * Runs the kernel on the calling thread until {@link #stop()} or until every started non-daemon task
     * has terminated. Under a virtual clock an idle kernel jumps to its next deadline; with no deadline it
     * waits (on its idle strategy) for the gateway. May be called again after it returns.
     *
     * @return why it returned
     * @throws IllegalStateException if the kernel is already running
     */
    public RunOutcome run()
    {
        return runUntil(FOREVER);
    }

    /**
     * {@link #run()}, returning {@link RunOutcome#TIME_UP} once {@code duration} has passed on the kernel
     * clock (under a virtual clock: simulated time). A body that is running then yields at its next safe
     * point.
     *
     * @param duration {@code >= 0}
     * @return why it returned
     */
    public RunOutcome runFor(final Duration duration)
    {
        if (duration.isNegative())
        {
            throw new IllegalArgumentException("duration=" + duration + " must be >= 0");
        }
        long nanos;
        try
        {
            nanos = duration.toNanos();
        }
        catch (final ArithmeticException ex)
        {
            nanos = FOREVER;
        }
        return runForNanos(nanos);
    }

    /**
     * {@link #runFor(Duration)} in nanoseconds.
     *
     * @param nanos {@code >= 0}
     * @return why it returned
     */
    public RunOutcome runForNanos(final long nanos)
    {
        if (nanos < 0)
        {
            throw new IllegalArgumentException("nanos=" + nanos + " must be >= 0");
        }
        return runUntil(saturatedAdd(clock.nanos(), nanos));
    }

    /**
     * Asks the kernel to stop: {@code run} returns {@link RunOutcome#STOPPED} after the running body's next
     * safe point (an idle carrier is woken). If the kernel is not running, the next {@code run} returns at
     * once. Any thread; never blocks.
     */
    public void stop()
    {
        STOP.setVolatile(this, 1);
        signalAttention();
    }

    /** @return true while a carrier runs the kernel; any thread */
    public boolean isRunning()
    {
        return (int)RUN_STATE.getVolatile(this) != 0;
    }

    /** @return an Agrona agent that runs this kernel; see {@link KernelAgent} */
    public KernelAgent agent()
    {
        return new KernelAgent(this);
    }

    /** @return started, non-daemon tasks not yet terminated */
    public int liveTasks()
    {
        return liveTasks;
    }

    /** @return the name given at build time */
    public String name()
    {
        return name;
    }

    /** @return the kernel's clock */
    public Clock clock()
    {
        return clock;
    }

    /** @return the quantum mode */
    public QuantumMode quantumMode()
    {
        return quantumMode;
    }

    /** @return the metrics; readable from any thread */
    public KernelMetrics metrics()
    {
        return metrics;
    }

    @Override
    public String toString()
    {
        return "kernel '" + name + "'";
    }

    private RunOutcome runUntil(final long deadline)
    {
        attachCarrier();
        runDeadline = deadline;
        try
        {
            return loop(deadline);
        }
        finally
        {
            runDeadline = FOREVER;
            detachCarrier();
        }
    }

    private RunOutcome loop(final long deadline)
    {
        boolean idled = false;
        for (;;)
        {
            if ((int)STOP.getVolatile(this) != 0)
            {
                STOP.setVolatile(this, 0);
                return RunOutcome.STOPPED;
            }
            final int work = doWork();
            if (liveTasks == 0)
            {
                return RunOutcome.ALL_ENDED; // daemon tasks may still be ready: they do not keep the run going
            }
            if (deadline != FOREVER && clock.nanos() >= deadline)
            {
                return RunOutcome.TIME_UP;
            }
            if (work > 0)
            {
                if (idled)
                {
                    idleStrategy.reset();
                    idled = false;
                }
                continue;
            }
            if (jumpToNextDeadline(deadline))
            {
                continue;
            }
            idleOnce();
            idled = true;
        }
    }

    /**
     * One duty cycle: services the gateway and due timers, then runs the highest-priority ready task's
     * body once. Carrier only.
     *
     * @return work done (objects serviced + timers expired + bodies run); 0 means idle
     */
    int doWork()
    {
        int work = 0;
        if ((int)ATTENTION.getOpaque(this) != 0)
        {
            work += serviceAttention();
        }
        if (!timers.isEmpty())
        {
            final long now = clock.nanos();
            if (timers.due(now))
            {
                work += serviceTimers(now);
            }
        }
        final Task t = ready.pollHighest();
        if (t != null)
        {
            dispatch(t);
            work++;
        }
        return work;
    }

    /** Virtual clock only: moves time to the next deadline (a timer or the run's end). */
    private boolean jumpToNextDeadline(final long runEnd)
    {
        if (virtualClock == null)
        {
            return false;
        }
        final long next = Math.min(timers.nextDeadline(), runEnd);
        if (next == FOREVER)
        {
            return false;
        }
        virtualClock.advanceTo(next);
        metrics.increment(KernelMetrics.VIRTUAL_JUMPS);
        return true;
    }

    private void idleOnce()
    {
        lastReturnNanos = 0;
        metrics.increment(KernelMetrics.IDLE_CYCLES);
        if (!idleParks)
        {
            idleStrategy.idle();
            return;
        }
        IDLING.setVolatile(this, 1);
        if ((int)ATTENTION.getVolatile(this) == 0 && (int)STOP.getVolatile(this) == 0)
        {
            idleStrategy.idle();
        }
        IDLING.setOpaque(this, 0);
    }

    /** Agent duty cycle; see {@link KernelAgent}. */
    int agentDoWork()
    {
        IDLING.setOpaque(this, 0);
        if ((int)STOP.getVolatile(this) != 0)
        {
            STOP.setVolatile(this, 0);
            throw new AgentTerminationException(this + " stopped");
        }
        final int work = doWork();
        if (work > 0 || jumpToNextDeadline(FOREVER))
        {
            return 1 + work;
        }
        lastReturnNanos = 0;
        IDLING.setVolatile(this, 1);
        // A raise between doWork and IDLING=1 did not unpark us: look again before the runner idles.
        return (int)ATTENTION.getVolatile(this) != 0 || (int)STOP.getVolatile(this) != 0 ? 1 : 0;
    }

    void attachCarrier()
    {
        if (!RUN_STATE.compareAndSet(this, 0, 1))
        {
            final Thread c = carrier;
            throw new IllegalStateException(this + " is already running" + (c == null ? "" : " on thread '" + c.getName() + "'"));
        }
        carrier = Thread.currentThread();
    }

    void detachCarrier()
    {
        if (carrier != Thread.currentThread())
        {
            return;
        }
        IDLING.setVolatile(this, 0);
        carrier = null;
        RUN_STATE.setVolatile(this, 0);
    }

    // =====================================================================================================
    // Dispatch and the safe point
    // =====================================================================================================

    private void dispatch(final Task t)
    {
        if (latencyMetrics)
        {
            final long start = System.nanoTime();
            if (t != lastRun && lastReturnNanos != 0)
            {
                metrics.recordTaskSwitch(start - lastReturnNanos);
            }
            if (t.wokenByIsrNanos != 0)
            {
                metrics.recordIsrToTask(start - t.wokenByIsrNanos);
            }
        }
        t.wokenByIsrNanos = 0;
        if (t != lastRun)
        {
            metrics.increment(KernelMetrics.SWITCHES);
        }
        metrics.increment(KernelMetrics.DISPATCHES);
        t.dispatches++;
        current = t;
        t.state = TaskState.RUNNING;
        yieldLatched = false;
        yieldReason = YIELD_NONE;
        final long now = virtualClock != null || quantumMode == QuantumMode.TIME || trace != null ? clock.nanos() : 0;
        sliceStartNanos = now;
        if (trace != null)
        {
            trace.onDispatch(now, t);
        }
        grant(computeGrant(t, now));
        final boolean more;
        try
        {
            more = t.body.run(t);
        }
        catch (final Throwable ex)
        {
            endRun(t);
            bodyFailed(t, ex);
            return;
        }
        endRun(t);
        afterRun(t, more);
    }

    private void endRun(final Task t)
    {
        budget--; // returning is a safe point too: time always moves, even for bodies that never check
        accountSafePoints(t);
        budget = 0;
        budgetGranted = 0;
        current = null;
        lastRun = t;
        if (latencyMetrics)
        {
            lastReturnNanos = System.nanoTime();
        }
    }

    /** The quantum rule: spent or yielded goes behind its peers; preempted early goes ahead of them. */
    private void afterRun(final Task t, final boolean more)
    {
        if (!more)
        {
            terminateTask(t, null);
        }
        else if (t.state == TaskState.RUNNING)
        {
            t.state = TaskState.READY;
            if (yieldReason == YIELD_PREEMPT || yieldReason == YIELD_STOP)
            {
                if (yieldReason == YIELD_PREEMPT)
                {
                    metrics.increment(KernelMetrics.PREEMPTIONS);
                }
                if (quantumMode == QuantumMode.TIME)
                {
                    t.quantumLeft = Math.max(1, t.quantumLeft - (clock.nanos() - sliceStartNanos));
                }
                ready.addHead(t);
            }
            else
            {
                if (yieldReason == YIELD_QUANTUM)
                {
                    metrics.increment(KernelMetrics.QUANTUM_EXPIRIES);
                    if (latencyMetrics)
                    {
                        metrics.recordQuantumOverrun(clock.nanos() - quantumSpentAtNanos);
                    }
                }
                t.quantumLeft = t.quantum;
                ready.addTail(t);
            }
        }
        else if (t.state == TaskState.READY)
        {
            // Parked and woken again within its own run.
            t.quantumLeft = t.quantum;
            ready.addTail(t);
        }
        if (DEBUG)
        {
            checkConsistency();
        }
    }

    private boolean safePoint()
    {
        final Task t = current;
        if (t == null || inInterrupt || carrier != Thread.currentThread())
        {
            throw new IllegalStateException("shouldYield() is the safe point of a running task body; it was called " +
                (inInterrupt ? "from an interrupt handler or timer callback" : "with no task body running on this thread"));
        }
        accountSafePoints(t);
        long now = 0;
        if (!yieldLatched)
        {
            if ((int)ATTENTION.getOpaque(this) != 0)
            {
                serviceAttention();
            }
            now = clock.nanos();
            if (timers.due(now))
            {
                serviceTimers(now);
            }
            if ((int)STOP.getOpaque(this) != 0 || now >= runDeadline)
            {
                latch(YIELD_STOP);
            }
            else if (t.state != TaskState.RUNNING)
            {
                latch(YIELD_LEFT_RUNNING);
            }
            else if (ready.highestPriority() > t.priority)
            {
                latch(YIELD_PREEMPT);
            }
            else if (quantumMode == QuantumMode.SAFE_POINTS ? t.quantumLeft <= 0 : now - sliceStartNanos >= t.quantumLeft)
            {
                quantumSpentAtNanos = now;
                latch(YIELD_QUANTUM);
            }
        }
        if (yieldLatched)
        {
            grant(1);
            return true;
        }
        grant(computeGrant(t, now));
        return false;
    }

    private void latch(final int reason)
    {
        yieldLatched = true;
        yieldReason = reason;
    }

    /** Makes the running body's next safe point say yield; called when the task leaves RUNNING. */
    private void latchCurrent(final Task t)
    {
        if (t == current && !yieldLatched)
        {
            accountSafePoints(t);
            latch(YIELD_LEFT_RUNNING);
            grant(1);
        }
    }

    private void grant(final int safePoints)
    {
        budget = safePoints;
        budgetGranted = safePoints;
    }

    /** Charges the safe points passed since the last grant or account: quantum and virtual time. */
    private void accountSafePoints(final Task t)
    {
        final int passed = budgetGranted - budget;
        budgetGranted = budget;
        if (passed > 0)
        {
            metrics.add(KernelMetrics.SAFE_POINTS, passed);
            if (quantumMode == QuantumMode.SAFE_POINTS)
            {
                t.quantumLeft -= passed;
            }
            if (virtualClock != null)
            {
                virtualClock.advanceBy(passed * safePointCostNanos);
            }
        }
    }

    /**
     * Safe points the body may pass before the next slow path: the quantum left, and, under a virtual
     * clock, no further than the next deadline; under a real clock, {@code clockCheckInterval} when
     * something time-based is pending.
     */
    private int computeGrant(final Task t, final long now)
    {
        long g = quantumMode == QuantumMode.SAFE_POINTS ? t.quantumLeft : Integer.MAX_VALUE;
        if (virtualClock != null)
        {
            if (safePointCostNanos > 0)
            {
                long horizon = Math.min(timers.nextDeadline(), runDeadline);
                if (quantumMode == QuantumMode.TIME)
                {
                    horizon = Math.min(horizon, saturatedAdd(sliceStartNanos, t.quantumLeft));
                }
                if (horizon != FOREVER)
                {
                    final long d = horizon - now;
                    g = Math.min(g, d <= 0 ? 1 : (d - 1) / safePointCostNanos + 1);
                }
            }
        }
        else if (quantumMode == QuantumMode.TIME || !timers.isEmpty() || runDeadline != FOREVER)
        {
            g = Math.min(g, clockCheckInterval);
        }
        return (int)Math.max(1, Math.min(g, Integer.MAX_VALUE));
    }

    private int serviceAttention()
    {
        ATTENTION.getAndSet(this, 0); // full fence: raises after this point set it again
        final int n = gateway.drain(GATEWAY_DRAIN_LIMIT);
        metrics.add(KernelMetrics.ISR_SERVICED, n);
        return n;
    }

    private int serviceTimers(final long now)
    {
        final int n = timers.poll(now);
        for (int i = 0; i < n; i++)
        {
            final TimerSlot s = timers.expired(i);
            if (!s.expiryPending)
            {
                continue; // cancelled by an earlier expiry of this batch
            }
            s.expiryPending = false;
            metrics.increment(KernelMetrics.TIMER_EXPIRIES);
            if (latencyMetrics)
            {
                metrics.recordTimerLateness(now - s.deadline);
            }
            if (s.task != null)
            {
                taskTimerExpired(s.task);
            }
            else
            {
                s.timer.expired(now);
            }
        }
        return n;
    }

    private void taskTimerExpired(final Task t)
    {
        if (t.state == TaskState.DELAYED)
        {
            wake(t, WaitResult.OK);
        }
        else if (t.state == TaskState.BLOCKED)
        {
            final KernelObject on = t.waitingOn;
            wake(t, WaitResult.TIMEOUT);
            if (on != null)
            {
                on.waiterLeft(t);
            }
        }
    }

    /** Runs a timer callback or interrupt handler in interrupt context; a throw is counted and reported. */
    void runInterruptCode(final KernelObject source, final TimerCallback callback, final InterruptHandler handler,
        final InterruptLine line)
    {
        final boolean outer = inInterrupt;
        inInterrupt = true;
        try
        {
            if (callback != null)
            {
                callback.onTimer((Timer)source);
            }
            else
            {
                handler.onInterrupt(line);
            }
        }
        catch (final Throwable ex)
        {
            inInterrupt = outer;
            failed(source, ex);
        }
        finally
        {
            inInterrupt = outer;
        }
    }

    private void bodyFailed(final Task t, final Throwable ex)
    {
        terminateTask(t, ex);
        failed(t, ex);
    }

    private void failed(final KernelObject source, final Throwable ex)
    {
        metrics.increment(KernelMetrics.FAILURES);
        if (ex instanceof VirtualMachineError)
        {
            throw (VirtualMachineError)ex;
        }
        try
        {
            failureHandler.onFailure(source, ex);
        }
        catch (final RuntimeException handlerEx)
        {
            System.err.println("zvm-kernel: the failure handler of " + this + " threw " + handlerEx);
        }
    }

    // =====================================================================================================
    // Task state changes (carrier)
    // =====================================================================================================

    int park(final Task t, final KernelObject on, final WaitQueue queue, final TaskState state, final long timeoutNanos)
    {
        return parkUntil(t, on, queue, state, timeoutNanos == FOREVER ? FOREVER : saturatedAdd(nanos(), timeoutNanos));
    }

    private int parkUntil(final Task t, final KernelObject on, final WaitQueue queue, final TaskState state,
        final long deadline)
    {
        t.state = state;
        t.waitingOn = on;
        t.waitResult = WaitResult.PENDING;
        if (queue != null)
        {
            queue.insert(t);
        }
        if (deadline != FOREVER)
        {
            timers.schedule(t.timeout, deadline);
        }
        latchCurrent(t);
        return WaitResult.PENDING;
    }

    /** Ends {@code t}'s wait with {@code result}: out of its wait queue, timeout cancelled, READY (or SUSPENDED). */
    void wake(final Task t, final int result)
    {
        final TaskList list = t.list;
        if (list != null)
        {
            list.remove(t);
        }
        timers.cancel(t.timeout);
        t.waitingOn = null;
        t.waitResult = result;
        if (isrStamp != 0 && t.wokenByIsrNanos == 0)
        {
            t.wokenByIsrNanos = isrStamp;
        }
        if (t.suspendRequested)
        {
            t.suspendRequested = false;
            t.state = TaskState.SUSPENDED;
        }
        else
        {
            makeReady(t);
        }
    }

    private void makeReady(final Task t)
    {
        t.state = TaskState.READY;
        if (t == current)
        {
            return; // woken within its own run: requeued when its body returns
        }
        t.quantumLeft = t.quantum;
        ready.addTail(t);
        final Task c = current;
        if (c != null && t.priority > c.priority)
        {
            ATTENTION.setOpaque(this, 1);
        }
    }

    void startTask(final Task t)
    {
        if (!t.daemon)
        {
            liveTasks++;
        }
        makeReady(t);
    }

    void suspendTask(final Task t)
    {
        switch (t.state)
        {
            case NEW:
                throw new IllegalStateException(t + " was never started; nothing to suspend");
            case READY:
                if (t.list != null)
                {
                    ready.remove(t);
                }
                t.state = TaskState.SUSPENDED;
                latchCurrent(t); // READY and current: woken within its own run, not queued yet
                break;
            case RUNNING:
                t.state = TaskState.SUSPENDED;
                latchCurrent(t);
                break;
            case BLOCKED:
            case DELAYED:
                t.suspendRequested = true;
                break;
            default:
                break;
        }
    }

    void resumeTask(final Task t)
    {
        if (t.state == TaskState.SUSPENDED)
        {
            makeReady(t);
        }
        else
        {
            t.suspendRequested = false;
        }
    }

    void terminateTask(final Task t, final Throwable failure)
    {
        if (t.state == TaskState.TERMINATED)
        {
            return;
        }
        final boolean started = t.state != TaskState.NEW;
        final TaskList list = t.list;
        if (list != null)
        {
            list.remove(t);
        }
        timers.cancel(t.timeout);
        final KernelObject on = t.waitingOn;
        t.waitingOn = null;
        t.state = TaskState.TERMINATED;
        t.suspendRequested = false;
        t.failure = failure;
        if (on != null)
        {
            on.waiterLeft(t);
        }
        t.message = null;
        while (t.ownedMutexes != null)
        {
            t.ownedMutexes.release();
        }
        Task j;
        while ((j = t.joiners.first()) != null)
        {
            wake(j, WaitResult.OK);
        }
        if (started && !t.daemon)
        {
            liveTasks--;
        }
        t.markDestroyed();
        latchCurrent(t);
    }

    /** Priority inheritance: recomputes {@code t}'s effective priority, then its blocker's owner's, and so on. */
    void updatePriority(Task t)
    {
        // The guard ends the walk in a deadlock cycle, where priorities settle within a few turns anyway.
        for (int guard = 0; t != null && guard < 4 * PRIORITIES; guard++)
        {
            int p = t.basePriority;
            for (Mutex m = t.ownedMutexes; m != null; m = m.nextOwned)
            {
                final Task w = m.waiters.first();
                if (w != null && w.priority > p)
                {
                    p = w.priority;
                }
            }
            if (p == t.priority)
            {
                return;
            }
            setEffectivePriority(t, p);
            t = t.state == TaskState.BLOCKED && t.waitingOn instanceof Mutex ? ((Mutex)t.waitingOn).owner : null;
        }
    }

    private void setEffectivePriority(final Task t, final int p)
    {
        final TaskList list = t.list;
        if (list == ready)
        {
            ready.remove(t);
            t.priority = p;
            ready.addTail(t);
        }
        else if (list != null)
        {
            t.priority = p;
            ((WaitQueue)list).reposition(t);
        }
        else
        {
            t.priority = p;
        }
        final Task c = current;
        if (c != null && (t == c ? ready.highestPriority() > p : t.state == TaskState.READY && p > c.priority))
        {
            ATTENTION.setOpaque(this, 1);
        }
    }

    // =====================================================================================================
    // Gateway support
    // =====================================================================================================

    /** Any thread: wake the carrier's attention (and the carrier itself if it idles). */
    void signalAttention()
    {
        ATTENTION.setVolatile(this, 1);
        if ((int)IDLING.getVolatile(this) != 0)
        {
            final Thread c = carrier;
            if (c != null)
            {
                LockSupport.unpark(c);
            }
        }
    }

    /** Any thread: the stamp for a raise, or 0 when latency metrics are off. */
    long isrStampNow()
    {
        return latencyMetrics ? System.nanoTime() : 0;
    }

    int sweepIsrTargets()
    {
        int n = 0;
        for (int i = objects.size() - 1; i >= 0; i--)
        {
            if (i < objects.size())
            {
                gateway.service(objects.get(i));
                n++;
            }
        }
        return n;
    }

    private <T extends KernelObject> T register(final T object)
    {
        checkCarrier("create");
        object.registryIndex = objects.size();
        objects.add(object);
        return object;
    }

    void unregisterIsrTarget(final KernelObject object)
    {
        final int i = object.registryIndex;
        if (i < 0)
        {
            return;
        }
        final KernelObject last = objects.remove(objects.size() - 1);
        if (last != object)
        {
            objects.set(i, last);
            last.registryIndex = i;
        }
        object.registryIndex = -1;
    }

    // =====================================================================================================
    // Argument and context checks
    // =====================================================================================================

    /** Carrier-side calls: from the carrier while running, from any single thread while not. */
    void checkCarrier(final String operation)
    {
        final Thread c = carrier;
        if (c != null && c != Thread.currentThread())
        {
            throw new IllegalStateException(operation + "() called on thread '" + Thread.currentThread().getName() +
                "' while " + this + " runs on '" + c.getName() + "': other threads may only call ...FromIsr() and stop()");
        }
    }

    /** The running task, for a call that may block. */
    Task blockingCaller(final String operation)
    {
        final Task t = taskCaller(operation);
        if (t.state != TaskState.RUNNING)
        {
            throw new IllegalStateException(operation + "(): " + t + " already left RUNNING (now " + t.state +
                ") in this run; its body must return before it may block again");
        }
        return t;
    }

    /** The running task, for a call that needs one (blocking calls, unlock). */
    Task taskCaller(final String operation)
    {
        checkCarrier(operation);
        if (inInterrupt)
        {
            throw new IllegalStateException(operation + "() needs a task: not allowed in an interrupt handler or timer callback");
        }
        final Task t = current;
        if (t == null)
        {
            throw new IllegalStateException(operation + "() must be called from a running task body; " + this +
                " is running no task");
        }
        return t;
    }

    static void checkTimeout(final long timeoutNanos)
    {
        if (timeoutNanos < 0)
        {
            throw new IllegalArgumentException("timeoutNanos=" + timeoutNanos +
                " must be NO_WAIT (0), a positive number of nanoseconds, or FOREVER");
        }
    }

    static void checkPriority(final int priority)
    {
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY)
        {
            throw new IllegalArgumentException("priority=" + priority + " out of range " + MIN_PRIORITY + ".." + MAX_PRIORITY);
        }
    }

    private static void checkCapacity(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("capacity=" + capacity + " must be >= 1");
        }
    }

    private String nameOr(final String given, final String kind)
    {
        return given != null ? given : kind + "-" + nextObjectNumber++;
    }

    static long saturatedAdd(final long a, final long b)
    {
        final long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? FOREVER : r;
    }

    /**
     * Checks every invariant of the kernel: ready queues and bitmap, task states against the queues they
     * are in, wait-queue order, priority inheritance, counts. Carrier, or any thread while not running.
     *
     * @throws IllegalStateException naming the first broken invariant
     */
    public void checkConsistency()
    {
        String problem = ready.check();
        int live = 0;
        for (int i = 0; problem == null && i < objects.size(); i++)
        {
            final KernelObject o = objects.get(i);
            if (o.registryIndex != i)
            {
                problem = o + " has registry index " + o.registryIndex + ", not " + i;
            }
            else if (o instanceof Task)
            {
                final Task t = (Task)o;
                if (t.state != TaskState.NEW && !t.daemon)
                {
                    live++;
                }
                problem = checkTask(t);
            }
            else if (o instanceof Semaphore)
            {
                problem = ((Semaphore)o).check();
            }
            else if (o instanceof Mutex)
            {
                problem = ((Mutex)o).check();
            }
            else if (o instanceof EventFlags)
            {
                problem = ((EventFlags)o).check();
            }
            else if (o instanceof Mailbox)
            {
                problem = ((Mailbox<?>)o).check();
            }
            else if (o instanceof ByteFifo)
            {
                problem = ((ByteFifo)o).check();
            }
        }
        if (problem == null && live != liveTasks)
        {
            problem = "liveTasks=" + liveTasks + " but " + live + " started non-daemon tasks are alive";
        }
        if (problem != null)
        {
            throw new IllegalStateException(this + " is inconsistent: " + problem);
        }
    }

    private String checkTask(final Task t)
    {
        switch (t.state)
        {
            case READY:
                if (t.list != ready && t != current)
                {
                    return t + " is READY but not in the ready queues";
                }
                break;
            case RUNNING:
                if (t != current)
                {
                    return t + " is RUNNING but not current";
                }
                break;
            case BLOCKED:
                if (t.waitingOn == null || !(t.list instanceof WaitQueue))
                {
                    return t + " is BLOCKED on " + t.waitingOn + " outside any wait queue";
                }
                break;
            case DELAYED:
                if (t.list != null || !t.timeout.isArmed())
                {
                    return t + " is DELAYED without a timer or inside a queue";
                }
                break;
            default:
                if (t.list != null && t != current)
                {
                    return t + " is " + t.state + " yet in a queue";
                }
                break;
        }
        int p = t.basePriority;
        for (Mutex m = t.ownedMutexes; m != null; m = m.nextOwned)
        {
            if (m.owner != t)
            {
                return t + " lists " + m + " owned by " + m.owner;
            }
            final Task w = m.waiters.first();
            if (w != null && w.priority > p)
            {
                p = w.priority;
            }
        }
        return p != t.priority ? t + " has priority " + t.priority + ", inheritance says " + p : null;
    }

    // =====================================================================================================
    // Builders
    // =====================================================================================================

    /** Builds a task. */
    public final class TaskBuilder
    {
        private final String taskName;
        private final TaskBody body;
        private int priority = NORMAL_PRIORITY;
        private long quantum = defaultQuantum;
        private boolean daemon;
        private Object attachment;

        private TaskBuilder(final String taskName, final TaskBody body)
        {
            this.taskName = taskName;
            this.body = body;
        }

        /**
         * @param priority 0..31 (default {@link #NORMAL_PRIORITY})
         * @return this
         */
        public TaskBuilder priority(final int priority)
        {
            checkPriority(priority);
            this.priority = priority;
            return this;
        }

        /**
         * @param quantum {@code > 0}, in safe points or nanoseconds according to the kernel's
         *     {@link QuantumMode} (default: the kernel's)
         * @return this
         */
        public TaskBuilder quantum(final long quantum)
        {
            if (quantum <= 0)
            {
                throw new IllegalArgumentException("quantum=" + quantum + " must be > 0");
            }
            this.quantum = quantum;
            return this;
        }

        /**
         * @param daemon true if the task must not keep {@link Kernel#run()} going (like an interrupt thread)
         * @return this
         */
        public TaskBuilder daemon(final boolean daemon)
        {
            this.daemon = daemon;
            return this;
        }

        /**
         * @param attachment a user object for {@link Task#attachment()}
         * @return this
         */
        public TaskBuilder attachment(final Object attachment)
        {
            this.attachment = attachment;
            return this;
        }

        /** @return the task, NEW */
        public Task create()
        {
            checkCarrier("newTask");
            final int id = nextTaskId++;
            return register(new Task(Kernel.this, taskName != null ? taskName : "task-" + id, id, priority, quantum,
                daemon, body, attachment));
        }

        /** @return the task, started (READY) */
        public Task start()
        {
            final Task t = create();
            t.start();
            return t;
        }
    }

    /** Builds a kernel. */
    public static final class Builder
    {
        private String name = "kernel";
        private Clock clock;
        private long safePointCostNanos = DEFAULT_SAFE_POINT_COST_NANOS;
        private QuantumMode quantumMode = QuantumMode.SAFE_POINTS;
        private long quantum = DEFAULT_QUANTUM_SAFE_POINTS;
        private int clockCheckInterval = DEFAULT_CLOCK_CHECK_INTERVAL;
        private IdleStrategy idleStrategy;
        private int gatewayCapacity = DEFAULT_GATEWAY_CAPACITY;
        private boolean metrics = true;
        private TraceHook trace;
        private FailureHandler failureHandler = FailureHandler.PRINT;

        private Builder()
        {
        }

        /** @param name for messages and the agent's role name @return this */
        public Builder name(final String name)
        {
            if (name == null || name.isEmpty())
            {
                throw new IllegalArgumentException("name is empty");
            }
            this.name = name;
            return this;
        }

        /** @param clock the kernel's clock (default: a new {@link RealClock}) @return this */
        public Builder clock(final Clock clock)
        {
            if (clock == null)
            {
                throw new IllegalArgumentException("clock is null");
            }
            this.clock = clock;
            return this;
        }

        /** Uses a new {@link VirtualClock} at time 0. @return this */
        public Builder virtualClock()
        {
            return clock(new VirtualClock());
        }

        /**
         * @param nanos virtual time charged per safe point under a virtual clock, {@code >= 0} (default
         *     {@link #DEFAULT_SAFE_POINT_COST_NANOS}); 0 means running tasks do not advance time
         * @return this
         */
        public Builder safePointCostNanos(final long nanos)
        {
            if (nanos < 0)
            {
                throw new IllegalArgumentException("safePointCostNanos=" + nanos + " must be >= 0");
            }
            this.safePointCostNanos = nanos;
            return this;
        }

        /** @param safePoints default quantum counted in safe points, {@code > 0} @return this */
        public Builder quantumSafePoints(final long safePoints)
        {
            if (safePoints <= 0)
            {
                throw new IllegalArgumentException("quantumSafePoints=" + safePoints + " must be > 0");
            }
            quantumMode = QuantumMode.SAFE_POINTS;
            quantum = safePoints;
            return this;
        }

        /** @param nanos default quantum counted in clock time, {@code > 0} @return this */
        public Builder quantumNanos(final long nanos)
        {
            if (nanos <= 0)
            {
                throw new IllegalArgumentException("quantumNanos=" + nanos + " must be > 0");
            }
            quantumMode = QuantumMode.TIME;
            quantum = nanos;
            return this;
        }

        /**
         * @param safePoints under a real clock, safe points between clock reads while timers, a time
         *     quantum or a runFor deadline are pending, {@code > 0} (default {@link #DEFAULT_CLOCK_CHECK_INTERVAL})
         * @return this
         */
        public Builder clockCheckInterval(final int safePoints)
        {
            if (safePoints <= 0)
            {
                throw new IllegalArgumentException("clockCheckInterval=" + safePoints + " must be > 0");
            }
            this.clockCheckInterval = safePoints;
            return this;
        }

        /**
         * @param idleStrategy how an idle carrier waits (default {@code BackoffIdleStrategy(100, 10, 1 us,
         *     100 us)}: 100 spins keep a wake-up near 60 ns, see shared/reference/jvm-measurements.md 4a);
         *     the gateway unparks a parked carrier
         * @return this
         */
        public Builder idleStrategy(final IdleStrategy idleStrategy)
        {
            if (idleStrategy == null)
            {
                throw new IllegalArgumentException("idleStrategy is null");
            }
            this.idleStrategy = idleStrategy;
            return this;
        }

        /** @param capacity gateway queue capacity, {@code >= 2} @return this */
        public Builder gatewayCapacity(final int capacity)
        {
            if (capacity < 2)
            {
                throw new IllegalArgumentException("gatewayCapacity=" + capacity + " must be >= 2");
            }
            this.gatewayCapacity = capacity;
            return this;
        }

        /** @param on latency histograms on (default) or off; counters always run @return this */
        public Builder metrics(final boolean on)
        {
            this.metrics = on;
            return this;
        }

        /** @param trace told of every dispatch, or null @return this */
        public Builder traceHook(final TraceHook trace)
        {
            this.trace = trace;
            return this;
        }

        /** @param handler told of failures (default {@link FailureHandler#PRINT}) @return this */
        public Builder failureHandler(final FailureHandler handler)
        {
            if (handler == null)
            {
                throw new IllegalArgumentException("failureHandler is null");
            }
            this.failureHandler = handler;
            return this;
        }

        /** @return a new kernel, not running */
        public Kernel build()
        {
            return new Kernel(this);
        }
    }
}
