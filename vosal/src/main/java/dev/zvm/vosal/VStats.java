package dev.zvm.vosal;

import dev.zvm.kernel.KernelMetrics;
import org.HdrHistogram.Histogram;

/**
 * The scheduler's figures, readable from any thread: counters, and latency histograms in nanoseconds
 * (see the kernel's {@code KernelMetrics} for their exact definitions).
 */
public final class VStats
{
    private final KernelMetrics metrics;

    VStats(final KernelMetrics metrics)
    {
        this.metrics = metrics;
    }

    /** @return thread switches */
    public long switches()
    {
        return metrics.switches();
    }

    /** @return body runs */
    public long dispatches()
    {
        return metrics.dispatches();
    }

    /** @return times a higher-priority thread took over at a safe point */
    public long preemptions()
    {
        return metrics.preemptions();
    }

    /** @return quanta spent */
    public long quantumExpiries()
    {
        return metrics.quantumExpiries();
    }

    /** @return safe points passed */
    public long safePoints()
    {
        return metrics.safePoints();
    }

    /** @return ISR-safe calls accepted */
    public long isrEvents()
    {
        return metrics.isrEvents();
    }

    /** @return ISR-safe calls refused because a bound was reached */
    public long isrRejected()
    {
        return metrics.isrRejected();
    }

    /** @return thread bodies, handlers and callbacks that threw */
    public long failures()
    {
        return metrics.failures();
    }

    /** @return from an ISR-safe call to the first run of the thread it woke */
    public Histogram isrToThreadLatency()
    {
        return metrics.isrToTaskLatency();
    }

    /** @return the scheduler's cost between two different threads' runs */
    public Histogram switchLatency()
    {
        return metrics.taskSwitchLatency();
    }

    /** @return timer lateness, on the system clock */
    public Histogram timerLateness()
    {
        return metrics.timerLateness();
    }

    @Override
    public String toString()
    {
        return metrics.toString();
    }
}
