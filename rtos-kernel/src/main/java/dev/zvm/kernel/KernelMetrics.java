package dev.zvm.kernel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * What a kernel measures, readable from any thread while it runs.
 *
 * <p>Histograms (nanoseconds, 2 significant digits: within 1%, and exact below 256 ns; values clamped to
 * one hour, which keeps each histogram at 36 KB): the carrier records into
 * HdrHistogram {@link SingleWriterRecorder}s (wait-free, allocation-free); a reader takes the interval
 * since its last read and folds it into a running total, so readers never stop the carrier.
 * <ul>
 *   <li>{@link #isrToTaskLatency()}: from a raise on another thread ({@code ...FromIsr}) to the first run of
 *       the task it made ready. Real time ({@code System.nanoTime}) whatever the kernel clock.</li>
 *   <li>{@link #taskSwitchLatency()}: from one body's return to the next body's start when the task
 *       changes and the kernel did not idle in between: the kernel's own cost per switch. Real time.</li>
 *   <li>{@link #timerLateness()}: from a timer's deadline to its expiry, on the kernel clock.</li>
 *   <li>{@link #quantumOverrun()}: from the safe point that found a quantum spent to the body's return, on
 *       the kernel clock.</li>
 * </ul>
 * Counters: written by the carrier with ordered stores (single writer) or by raising threads atomically.
 * Latency histograms and timestamps cost two {@code System.nanoTime()} calls per switch; they are off when
 * the kernel is built with {@code metrics(false)}, while counters always run.
 */
public final class KernelMetrics
{
    private static final long HIGHEST_NANOS = 3_600_000_000_000L;
    private static final int DIGITS = 2;
    private static final VarHandle COUNTERS;

    static
    {
        COUNTERS = MethodHandles.arrayElementVarHandle(long[].class);
    }

    static final int SWITCHES = 0;
    static final int DISPATCHES = 1;
    static final int PREEMPTIONS = 2;
    static final int QUANTUM_EXPIRIES = 3;
    static final int TIMER_EXPIRIES = 4;
    static final int FAILURES = 5;
    static final int SAFE_POINTS = 6;
    static final int IDLE_CYCLES = 7;
    static final int VIRTUAL_JUMPS = 8;
    static final int ISR_SERVICED = 9;
    private static final int COUNTER_COUNT = 10;

    /** Carrier-written counters (ordered stores); the gateway's raise counters are atomics of their own. */
    private final long[] counters = new long[COUNTER_COUNT];
    private final IsrGateway gateway;
    private final Latency isrToTask = new Latency();
    private final Latency taskSwitch = new Latency();
    private final Latency timerLateness = new Latency();
    private final Latency quantumOverrun = new Latency();

    KernelMetrics(final IsrGateway gateway)
    {
        this.gateway = gateway;
    }

    /** Carrier only. */
    void increment(final int counter)
    {
        COUNTERS.setRelease(counters, counter, counters[counter] + 1);
    }

    /** Carrier only. */
    void add(final int counter, final long delta)
    {
        COUNTERS.setRelease(counters, counter, counters[counter] + delta);
    }

    private long read(final int counter)
    {
        return (long)COUNTERS.getAcquire(counters, counter);
    }

    void recordIsrToTask(final long nanos)
    {
        isrToTask.record(nanos);
    }

    void recordTaskSwitch(final long nanos)
    {
        taskSwitch.record(nanos);
    }

    void recordTimerLateness(final long nanos)
    {
        timerLateness.record(nanos);
    }

    void recordQuantumOverrun(final long nanos)
    {
        quantumOverrun.record(nanos);
    }

    /** @return dispatches that ran a different task than the previous one */
    public long switches()
    {
        return read(SWITCHES);
    }

    /** @return body calls */
    public long dispatches()
    {
        return read(DISPATCHES);
    }

    /** @return bodies that yielded because a higher-priority task became ready */
    public long preemptions()
    {
        return read(PREEMPTIONS);
    }

    /** @return bodies that yielded because their quantum was spent */
    public long quantumExpiries()
    {
        return read(QUANTUM_EXPIRIES);
    }

    /** @return timers (task timeouts and sleeps included) that expired */
    public long timerExpiries()
    {
        return read(TIMER_EXPIRIES);
    }

    /** @return task bodies, handlers and timer callbacks that threw */
    public long failures()
    {
        return read(FAILURES);
    }

    /** @return safe points passed by task bodies */
    public long safePoints()
    {
        return read(SAFE_POINTS);
    }

    /** @return times the carrier idled on its idle strategy */
    public long idleCycles()
    {
        return read(IDLE_CYCLES);
    }

    /** @return times a virtual-clock kernel jumped to its next deadline */
    public long virtualJumps()
    {
        return read(VIRTUAL_JUMPS);
    }

    /** @return ISR raises accepted (by any {@code ...FromIsr} call) */
    public long isrEvents()
    {
        return gateway.raised.get();
    }

    /** @return ISR raises refused because a bound was reached (full mailbox, FIFO, pending limit) */
    public long isrRejected()
    {
        return gateway.rejected.get();
    }

    /** @return times the gateway queue was full; nothing was lost (the carrier swept every object) */
    public long gatewayOverflows()
    {
        return gateway.overflows.get();
    }

    /** @return objects serviced by the carrier after raises */
    public long isrServiced()
    {
        return read(ISR_SERVICED);
    }

    /** @return ISR-to-task latency since start (or the last {@link #resetHistograms()}), ns */
    public Histogram isrToTaskLatency()
    {
        return isrToTask.total();
    }

    /** @return task-switch latency, ns */
    public Histogram taskSwitchLatency()
    {
        return taskSwitch.total();
    }

    /** @return timer lateness, ns of the kernel clock */
    public Histogram timerLateness()
    {
        return timerLateness.total();
    }

    /** @return quantum overrun, ns of the kernel clock */
    public Histogram quantumOverrun()
    {
        return quantumOverrun.total();
    }

    /** Forgets every histogram's values (counters keep counting). Any thread. */
    public void resetHistograms()
    {
        isrToTask.reset();
        taskSwitch.reset();
        timerLateness.reset();
        quantumOverrun.reset();
    }

    @Override
    public String toString()
    {
        return "KernelMetrics[switches=" + switches() + " dispatches=" + dispatches() + " preemptions=" +
            preemptions() + " quantumExpiries=" + quantumExpiries() + " timerExpiries=" + timerExpiries() +
            " failures=" + failures() + " isrEvents=" + isrEvents() + " isrRejected=" + isrRejected() +
            " gatewayOverflows=" + gatewayOverflows() + "]";
    }

    /** One latency: a single-writer recorder for the carrier, a running total for readers. */
    private static final class Latency
    {
        private final SingleWriterRecorder recorder = new SingleWriterRecorder(1, HIGHEST_NANOS, DIGITS);
        /** Reader side, created at the first read. */
        private Histogram total;
        private Histogram interval;

        void record(final long nanos)
        {
            recorder.recordValue(nanos < 0 ? 0 : Math.min(nanos, HIGHEST_NANOS));
        }

        synchronized Histogram total()
        {
            if (total == null)
            {
                total = new Histogram(1, HIGHEST_NANOS, DIGITS);
            }
            interval = recorder.getIntervalHistogram(interval);
            total.add(interval);
            return total.copy();
        }

        synchronized void reset()
        {
            interval = recorder.getIntervalHistogram(interval);
            if (total != null)
            {
                total.reset();
            }
        }
    }
}
