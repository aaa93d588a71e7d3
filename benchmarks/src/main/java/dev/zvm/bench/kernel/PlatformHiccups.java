package dev.zvm.bench.kernel;

import java.io.PrintStream;
import org.HdrHistogram.Histogram;

/**
 * The machine's own latency floor, in the spirit of jHiccup: threads that do nothing but read
 * {@code System.nanoTime()} in a loop, recording every gap between two reads. A gap longer than a
 * few hundred nanoseconds is time the thread was not running: a host or guest interrupt, the
 * hypervisor, the OS scheduler, a JVM safepoint. No software running on such a thread can react
 * faster than the gap lets it.
 *
 * <p>What it prints, per thread:
 * <ul>
 *   <li>the gaps: how many per second exceed 10 us, 100 us and 1 ms, and the longest;</li>
 *   <li>the share of the time spent in gaps over 10 us;</li>
 *   <li>the <em>floor for an event</em>: the share of moments at which an event arriving then would
 *       wait more than 5, 10, 20 and 100 us before this thread runs again. An event arriving at a
 *       random moment inside a gap of length g waits the rest of the gap, so a gap contributes
 *       {@code max(0, g - t)} of time to the threshold t. When that share is above 0.1 %, no
 *       event-handling code served by such a thread can have a p99.9 below t on this machine.</li>
 * </ul>
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.zvm.bench.kernel.PlatformHiccups [threads] [seconds]
 * </pre>
 * Defaults: 2 threads (a carrier and a raiser, as in {@link IsrLatency} and {@code zvm latency}),
 * 10 seconds.
 */
public final class PlatformHiccups
{
    /** Gaps at or below this are the loop itself (two nanoTime reads are about 50 ns here). */
    private static final long NOISE_NS = 1_000;
    private static final long[] THRESHOLDS_NS = {5_000, 10_000, 20_000, 100_000};

    private PlatformHiccups()
    {
    }

    public static void main(final String[] args) throws InterruptedException
    {
        final int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        final long seconds = args.length > 1 ? Long.parseLong(args[1]) : 10;
        final Probe[] probes = new Probe[threads];
        final Thread[] running = new Thread[threads];
        for (int i = 0; i < threads; i++)
        {
            probes[i] = new Probe(seconds * 1_000_000_000L);
            running[i] = new Thread(probes[i], "hiccup-" + i);
            running[i].start();
        }
        for (final Thread t : running)
        {
            t.join();
        }
        final PrintStream out = System.out;
        out.printf("platform hiccups: %d spinning thread(s), %d s, JDK %s, %d CPUs%n", threads, seconds,
            System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        out.printf("%-7s %10s %10s %10s %10s %9s | %s%n", "thread", ">10us/s", ">100us/s", ">1ms/s", "max us",
            "stalled", "share of moments an event would wait > 5 / 10 / 20 / 100 us");
        for (int i = 0; i < threads; i++)
        {
            probes[i].print(out, i);
        }
    }

    private static final class Probe implements Runnable
    {
        private final long durationNs;
        private final Histogram gaps = new Histogram(10_000_000_000L, 2);
        private final long[] waitedPast = new long[THRESHOLDS_NS.length];
        private long over10us;
        private long over100us;
        private long over1ms;
        private long stalledNs;
        private long elapsedNs;

        Probe(final long durationNs)
        {
            this.durationNs = durationNs;
        }

        @Override
        public void run()
        {
            final long start = System.nanoTime();
            long last = start;
            for (;;)
            {
                final long now = System.nanoTime();
                final long gap = now - last;
                last = now;
                if (gap > NOISE_NS)
                {
                    record(gap);
                }
                if (now - start >= durationNs)
                {
                    break;
                }
            }
            elapsedNs = last - start;
        }

        private void record(final long gap)
        {
            gaps.recordValue(gap);
            for (int t = 0; t < THRESHOLDS_NS.length; t++)
            {
                if (gap > THRESHOLDS_NS[t])
                {
                    waitedPast[t] += gap - THRESHOLDS_NS[t];
                }
            }
            if (gap > 10_000)
            {
                over10us++;
                stalledNs += gap;
            }
            if (gap > 100_000)
            {
                over100us++;
            }
            if (gap > 1_000_000)
            {
                over1ms++;
            }
        }

        void print(final PrintStream out, final int index)
        {
            final double s = elapsedNs / 1e9;
            final StringBuilder shares = new StringBuilder();
            for (int t = 0; t < THRESHOLDS_NS.length; t++)
            {
                shares.append(t == 0 ? "" : " / ").append(String.format("%.3f%%", 100.0 * waitedPast[t] / elapsedNs));
            }
            out.printf("%-7d %10.1f %10.1f %10.1f %10.1f %8.3f%% | %s%n", index, over10us / s, over100us / s,
                over1ms / s, gaps.getMaxValue() / 1e3, 100.0 * stalledNs / elapsedNs, shares);
        }
    }
}
