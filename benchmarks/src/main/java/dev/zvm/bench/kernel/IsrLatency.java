package dev.zvm.bench.kernel;

import dev.zvm.kernel.Kernel;
import dev.zvm.kernel.RunOutcome;
import dev.zvm.kernel.Semaphore;
import dev.zvm.kernel.Task;
import dev.zvm.kernel.TaskBody;
import dev.zvm.kernel.WaitResult;
import java.io.PrintStream;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * ISR-to-task latency as a percentile table: a producer thread raises {@code signalFromIsr()} on a
 * semaphore; a top-priority task waits on it. Latency is the kernel's own metric: from the raise to the
 * woken task's first run ({@code KernelMetrics.isrToTaskLatency()}).
 *
 * <p>Four configurations: a lower-priority task is CPU-bound (it passes a safe point every ~100 ns of
 * work, like the interpreter) or the carrier is idle; the idle strategy is busy-spin or the kernel's
 * default backoff. With a CPU-bound task the carrier never idles, so the strategy hardly matters: the
 * raise is seen at the running body's next safe point. The producer waits until the previous event was
 * taken, then pauses a random 5-25 us (spinning) before the next raise.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.zvm.bench.kernel.IsrLatency [events] [--rows=1,3] [--full]
 * </pre>
 * {@code events} per configuration (default 200000, after 20000 of warm-up); {@code --rows} picks
 * configurations by number (default all four); {@code --full} also prints HdrHistogram's full percentile
 * distribution of each configuration.
 */
public final class IsrLatency
{
    private volatile long taken;
    private volatile boolean done;

    public static void main(final String[] args) throws InterruptedException
    {
        int events = 200_000;
        boolean full = false;
        String rowsWanted = "1,2,3,4";
        for (final String a : args)
        {
            if (a.equals("--full"))
            {
                full = true;
            }
            else if (a.startsWith("--rows="))
            {
                rowsWanted = "," + a.substring("--rows=".length()) + ",";
            }
            else
            {
                events = Integer.parseInt(a);
            }
        }
        final PrintStream out = System.out;
        out.printf("ISR-to-task latency, ns (%d events per row, JDK %s)%n", events, System.getProperty("java.version"));
        out.printf("%-34s %8s %8s %8s %8s %9s %9s %10s%n", "configuration", "p50", "p90", "p99", "p99.9", "p99.99", "max", "count");
        final String[][] rows = {
            {"busy-spin, CPU-bound low task", "spin", "cpu"},
            {"backoff (default), CPU-bound low", "backoff", "cpu"},
            {"busy-spin, idle carrier", "spin", "idle"},
            {"backoff (default), idle carrier", "backoff", "idle"},
        };
        for (int r = 0; r < rows.length; r++)
        {
            if (!("," + rowsWanted + ",").contains("," + (r + 1) + ","))
            {
                continue;
            }
            final String[] row = rows[r];
            final IdleStrategy idle = row[1].equals("spin") ? new BusySpinIdleStrategy() : null;
            final Histogram h = new IsrLatency().measure(idle, row[2].equals("cpu"), events);
            out.printf("%-34s %8d %8d %8d %8d %9d %9d %10d%n", row[0],
                h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getValueAtPercentile(99.99), h.getMaxValue(), h.getTotalCount());
            if (full)
            {
                out.println("  " + row[0] + " (values in us):");
                h.outputPercentileDistribution(out, 5, 1000.0);
            }
        }
    }

    private Histogram measure(final IdleStrategy idle, final boolean cpuBound, final int events)
        throws InterruptedException
    {
        final Kernel.Builder b = Kernel.builder().name("isr-latency");
        if (idle != null)
        {
            b.idleStrategy(idle);
        }
        final Kernel k = b.build();
        final Semaphore sem = k.newSemaphore("irq", 0);
        final int warmup = 20_000;
        final int total = warmup + events;
        k.newTask("handler", Kernel.MAX_PRIORITY, new HandlerBody(k, sem, warmup, total)).start();
        if (cpuBound)
        {
            k.taskBuilder("cpu", self ->
            {
                long x = 0x9E3779B97F4A7C15L;
                for (;;)
                {
                    for (int i = 0; i < 40; i++)
                    {
                        x ^= x << 13;
                        x ^= x >>> 7;
                        x ^= x << 17;
                    }
                    sink = x;
                    if (k.shouldYield())
                    {
                        return true;
                    }
                }
            }).priority(1).daemon(true).start();
        }
        final Thread producer = new Thread(() -> produce(sem, total), "producer");
        producer.setDaemon(true);
        producer.start();
        final RunOutcome outcome = k.run();
        done = true;
        producer.join();
        if (outcome != RunOutcome.ALL_ENDED)
        {
            throw new IllegalStateException("run ended with " + outcome);
        }
        return k.metrics().isrToTaskLatency();
    }

    /** The top-priority task: takes one unit per event, counting, parking when none is there. */
    private final class HandlerBody implements TaskBody
    {
        private final Kernel k;
        private final Semaphore sem;
        private final int warmup;
        private final int total;
        private boolean parked;

        HandlerBody(final Kernel k, final Semaphore sem, final int warmup, final int total)
        {
            this.k = k;
            this.sem = sem;
            this.warmup = warmup;
            this.total = total;
        }

        @Override
        public boolean run(final Task self)
        {
            for (;;)
            {
                if (parked)
                {
                    parked = false;
                    count();
                }
                else if (sem.acquire(Kernel.FOREVER) == WaitResult.PENDING)
                {
                    parked = true;
                    return true;
                }
                else
                {
                    count();
                }
                if (taken == total)
                {
                    return false;
                }
            }
        }

        private void count()
        {
            final long n = taken + 1;
            taken = n;
            if (n == warmup)
            {
                k.metrics().resetHistograms();
            }
        }
    }

    /** Keeps the CPU-bound task's work alive. */
    private volatile long sink;

    private void produce(final Semaphore sem, final int total)
    {
        final SplittableRandom rnd = new SplittableRandom(42);
        for (int i = 0; i < total && !done; i++)
        {
            while (taken < i && !done)
            {
                Thread.onSpinWait();
            }
            final long until = System.nanoTime() + 5_000 + rnd.nextInt(20_000);
            while (System.nanoTime() < until)
            {
                Thread.onSpinWait();
            }
            if (!sem.signalFromIsr())
            {
                LockSupport.parkNanos(1_000);
            }
        }
    }
}
