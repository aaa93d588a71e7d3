package dev.zvm.vosal;

import dev.zvm.kernel.Kernel;
import dev.zvm.kernel.RunOutcome;
import dev.zvm.kernel.ScheduleRecorder;
import dev.zvm.kernel.Task;
import java.time.Duration;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.IdleStrategy;

/**
 * One VOSAL system: Zerynth's OS abstraction over a kernel of its own, with one carrier thread. The VM
 * creates one per VM instance. Every object comes from here; the kernel underneath is not visible.
 *
 * <p>Contexts, as in the kernel: <b>thread body</b> calls may block (they return {@link VRes#PENDING} and
 * the body returns); <b>carrier-side</b> calls come from a thread body, a timer callback or an interrupt
 * handler while the system runs, or from any one thread while it does not; <b>ISR-safe</b> calls
 * ({@code ...FromIsr}) and {@link #stop()} come from any thread. Misuse throws with a message and changes
 * nothing.
 */
public final class Vosal
{
    /** Zerynth's default thread stack size, used when a negative size is given. */
    public static final int DEFAULT_STACK_SIZE = 512;

    final Kernel kernel;
    private final ScheduleRecorder schedule;
    private final VStats stats;

    private Vosal(final Builder b)
    {
        final Kernel.Builder kb = Kernel.builder().name(b.name).metrics(b.metrics)
            .gatewayCapacity(b.isrQueueCapacity).clockCheckInterval(b.clockCheckInterval);
        if (b.virtualTime)
        {
            kb.virtualClock().safePointCostNanos(b.safePointCostNanos);
        }
        if (b.quantumNanos > 0)
        {
            kb.quantumNanos(b.quantumNanos);
        }
        else
        {
            kb.quantumSafePoints(b.quantumSafePoints);
        }
        if (b.idleStrategy != null)
        {
            kb.idleStrategy(b.idleStrategy);
        }
        if (b.failureHandler != null)
        {
            final VFailureHandler h = b.failureHandler;
            kb.failureHandler((source, error) -> h.onFailure(source.name(), error));
        }
        schedule = b.recordSchedule ? new ScheduleRecorder() : null;
        kb.traceHook(schedule);
        kernel = kb.build();
        stats = new VStats(kernel.metrics());
    }

    /** @return a builder: real time, 1000-safe-point quantum, backoff idling, metrics on */
    public static Builder builder()
    {
        return new Builder();
    }

    // ---- threads ----

    /**
     * {@code vosThCreate}: a thread, INACTIVE until {@link VThread#start()}. Carrier-side.
     *
     * @param name a name, or null for a generated one
     * @param prio {@link VPrio#IDLE}..{@link VPrio#HIGHEST}, or {@link VPrio#INTERRUPT}
     * @param stackSize bytes; negative means {@link #DEFAULT_STACK_SIZE}
     * @param body the thread's code
     */
    public VThread threadCreate(final String name, final int prio, final int stackSize, final VThreadBody body)
    {
        return threadCreate(name, prio, stackSize, false, body);
    }

    /**
     * As {@link #threadCreate(String, int, int, VThreadBody)}; a daemon thread does not keep {@link #run()}
     * going (the VM's interrupt thread is one).
     */
    public VThread threadCreate(final String name, final int prio, final int stackSize, final boolean daemon,
        final VThreadBody body)
    {
        if (body == null)
        {
            throw new IllegalArgumentException("body is null");
        }
        return new VThread(this, name, prio, stackSize < 0 ? DEFAULT_STACK_SIZE : stackSize, daemon, body);
    }

    /** @return {@code vosThCurrent}: the thread whose body is running, or null outside thread bodies */
    public VThread current()
    {
        final Task t = kernel.currentTask();
        return t == null ? null : (VThread)t.attachment();
    }

    /**
     * {@code vosThSleep}. Blocking: from a thread body.
     *
     * @param nanos {@code >= 0}; 0 returns OK at once (return {@code true} from the body to yield)
     * @return {@link VRes#OK} for 0, else {@link VRes#PENDING} (the body returns; it runs again after the delay)
     */
    public int sleep(final long nanos)
    {
        return kernel.sleep(nanos);
    }

    /**
     * The safe point: call it where the body could stop; return from the body when it says true. Counts
     * toward the quantum and, under virtual time, advances time by the safe-point cost. A decrement and an
     * opaque read when nothing is pending. From a thread body.
     *
     * @return true if the body should return now
     */
    public boolean shouldYield()
    {
        return kernel.shouldYield();
    }

    /**
     * Whether the next safe point must ask {@link #shouldYield()}: an interrupt was raised, a thread of
     * higher priority than the running one became ready, or the OS is being stopped. A body that asks
     * {@code shouldYield()} only every N safe points reads this at the others (a load), so that
     * preemption and interrupts still take effect at its very next safe point. From a thread body.
     *
     * @return true if something is pending that {@link #shouldYield()} would act on
     */
    public boolean attention()
    {
        return kernel.attention();
    }

    /**
     * Under virtual time, charges {@code nanos} of work the running body did besides its safe points (a VM
     * charges its opcodes); nothing under real time. A deadline this makes due is served at the body's next
     * safe point. From a thread body.
     *
     * @param nanos {@code >= 0}
     */
    public void charge(final long nanos)
    {
        kernel.chargeNanos(nanos);
    }

    // ---- objects ----

    /** @return {@code vosSemCreate(count)}; carrier-side */
    public VSemaphore semCreate(final int count)
    {
        return new VSemaphore(kernel.newSemaphore(null, count));
    }

    /**
     * {@code vosSemSignalWait}: signals {@code toSignal}, then waits on {@code toWait}, with no other thread
     * running in between. Blocking: from a thread body.
     *
     * @return as {@link VSemaphore#waitTimeout}
     */
    public int semSignalWait(final VSemaphore toSignal, final VSemaphore toWait, final long timeoutNanos)
    {
        if (toSignal == null || toWait == null)
        {
            throw new IllegalArgumentException("semaphore is null");
        }
        toSignal.signal();
        return toWait.waitTimeout(timeoutNanos);
    }

    /** @return {@code vosMtxCreate}; carrier-side */
    public VMutex mutexCreate()
    {
        return new VMutex(kernel.newMutex(null));
    }

    /** @return {@code vosMBoxCreate(size)}; carrier-side */
    public <T> VMailbox<T> mboxCreate(final int size)
    {
        return new VMailbox<>(kernel.newMailbox(null, size));
    }

    /** @return {@code vosFifoCreate(size)}; carrier-side */
    public VFifo fifoCreate(final int size)
    {
        return new VFifo(kernel.newByteFifo(null, size));
    }

    /** @return {@code vosEventCreate}: a clear flag; carrier-side */
    public VEvent eventCreate()
    {
        return new VEvent(kernel.newEventFlags(null));
    }

    /** @return {@code vosTimerCreate}: an inactive timer whose stopwatch starts now; carrier-side */
    public VTimer timerCreate()
    {
        return new VTimer(kernel, null);
    }

    /**
     * {@code vosInstallHandler}: an interrupt line. Carrier-side.
     *
     * @param name a name, or null
     * @param handler runs on the carrier once per raise
     */
    public VIsrLine installHandler(final String name, final VIsrHandler handler)
    {
        if (handler == null)
        {
            throw new IllegalArgumentException("handler is null");
        }
        final VIsrLine[] self = new VIsrLine[1];
        self[0] = new VIsrLine(kernel.newInterruptLine(name, line -> handler.onInterrupt(self[0])));
        return self[0];
    }

    // ---- time ----

    /** @return system time in nanoseconds since the system was built; any thread */
    public long nanos()
    {
        return kernel.nanos();
    }

    /** @return system time in microseconds ({@code ticks_to_micros(vosTicks())}); any thread */
    public long micros()
    {
        return kernel.nanos() / 1_000L;
    }

    /** @return system time in milliseconds ({@code vosMillis}); any thread */
    public long millis()
    {
        return kernel.nanos() / 1_000_000L;
    }

    // ---- running ----

    /**
     * Runs the system on the calling thread (the carrier) until {@link #stop()} or until every non-daemon
     * thread has finished.
     *
     * @return true if it stopped because every thread finished, false if stopped
     */
    public boolean run()
    {
        return kernel.run() == RunOutcome.ALL_ENDED;
    }

    /**
     * Runs for {@code duration} of system time (simulated time under {@link Builder#virtualTime}).
     *
     * @return true if every non-daemon thread finished first
     */
    public boolean runFor(final Duration duration)
    {
        return kernel.runFor(duration) == RunOutcome.ALL_ENDED;
    }

    /** Stops {@link #run()} at the running body's next safe point. Any thread; never blocks. */
    public void stop()
    {
        kernel.stop();
    }

    /** @return true while running */
    public boolean isRunning()
    {
        return kernel.isRunning();
    }

    /** @return an Agrona agent running this system inside a service's {@code AgentRunner} */
    public Agent agent()
    {
        return kernel.agent();
    }

    /** @return the scheduler's statistics; any thread */
    public VStats stats()
    {
        return stats;
    }

    /** @return the recorded schedule, one "time thread" line per run, if built with {@code recordSchedule} */
    public String scheduleTrace()
    {
        if (schedule == null)
        {
            throw new IllegalStateException("build with recordSchedule(true) to record the schedule");
        }
        return schedule.toString();
    }

    /** Checks every scheduler invariant; throws {@link IllegalStateException} naming a broken one. */
    public void checkConsistency()
    {
        kernel.checkConsistency();
    }

    @Override
    public String toString()
    {
        return "vosal over " + kernel;
    }

    /** Builds a {@link Vosal}. */
    public static final class Builder
    {
        private String name = "vosal";
        private boolean virtualTime;
        private long safePointCostNanos = Kernel.DEFAULT_SAFE_POINT_COST_NANOS;
        private long quantumSafePoints = Kernel.DEFAULT_QUANTUM_SAFE_POINTS;
        private long quantumNanos;
        private int clockCheckInterval = Kernel.DEFAULT_CLOCK_CHECK_INTERVAL;
        private IdleStrategy idleStrategy;
        private int isrQueueCapacity = Kernel.DEFAULT_GATEWAY_CAPACITY;
        private boolean metrics = true;
        private boolean recordSchedule;
        private VFailureHandler failureHandler;

        private Builder()
        {
        }

        /** @param name for messages @return this */
        public Builder name(final String name)
        {
            this.name = name;
            return this;
        }

        /**
         * Simulated time: an idle system jumps to its next deadline, and each safe point a thread passes
         * costs {@code safePointCostNanos} of it. Runs with the same inputs are identical.
         *
         * @return this
         */
        public Builder virtualTime(final long safePointCostNanos)
        {
            if (safePointCostNanos < 0)
            {
                throw new IllegalArgumentException("safePointCostNanos=" + safePointCostNanos + " must be >= 0");
            }
            this.virtualTime = true;
            this.safePointCostNanos = safePointCostNanos;
            return this;
        }

        /** Wall-clock time ({@code System.nanoTime}); the default. @return this */
        public Builder realTime()
        {
            this.virtualTime = false;
            return this;
        }

        /** @param safePoints the quantum (the GIL slice) in safe points, > 0 (default 1000) @return this */
        public Builder quantumSafePoints(final long safePoints)
        {
            if (safePoints <= 0)
            {
                throw new IllegalArgumentException("quantumSafePoints=" + safePoints + " must be > 0");
            }
            this.quantumSafePoints = safePoints;
            this.quantumNanos = 0;
            return this;
        }

        /** @param nanos the quantum in system time, > 0 @return this */
        public Builder quantumNanos(final long nanos)
        {
            if (nanos <= 0)
            {
                throw new IllegalArgumentException("quantumNanos=" + nanos + " must be > 0");
            }
            this.quantumNanos = nanos;
            return this;
        }

        /** @param safePoints under real time, safe points between clock reads when timers are armed @return this */
        public Builder clockCheckInterval(final int safePoints)
        {
            this.clockCheckInterval = safePoints;
            return this;
        }

        /** @param idleStrategy how the idle carrier waits (default: backoff, woken by ISR calls) @return this */
        public Builder idleStrategy(final IdleStrategy idleStrategy)
        {
            this.idleStrategy = idleStrategy;
            return this;
        }

        /** @param capacity distinct objects with ISR calls pending at once before a sweep @return this */
        public Builder isrQueueCapacity(final int capacity)
        {
            this.isrQueueCapacity = capacity;
            return this;
        }

        /** @param on latency histograms (default on) @return this */
        public Builder metrics(final boolean on)
        {
            this.metrics = on;
            return this;
        }

        /** @param on record the schedule for {@link Vosal#scheduleTrace()} @return this */
        public Builder recordSchedule(final boolean on)
        {
            this.recordSchedule = on;
            return this;
        }

        /** @param handler told when a thread, callback or handler throws (default: printed) @return this */
        public Builder failureHandler(final VFailureHandler handler)
        {
            this.failureHandler = handler;
            return this;
        }

        /** @return the system, not running */
        public Vosal build()
        {
            return new Vosal(this);
        }
    }
}
