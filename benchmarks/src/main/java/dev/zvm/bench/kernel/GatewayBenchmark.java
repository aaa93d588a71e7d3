package dev.zvm.bench.kernel;

import dev.zvm.kernel.Kernel;
import dev.zvm.kernel.KernelAgent;
import dev.zvm.kernel.Mailbox;
import dev.zvm.kernel.Semaphore;
import dev.zvm.kernel.Task;
import dev.zvm.kernel.TaskBody;
import dev.zvm.kernel.WaitResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ISR gateway's own cost, without a second thread: one operation is a raise
 * ({@code signalFromIsr} / {@code postFromIsr}) followed by the carrier's {@code doWork()}, which drains
 * the gateway, wakes the waiting task and runs it until it waits again. Run with {@code -prof gc}:
 * {@code gc.alloc.rate.norm} must be 0 B/op (the mailbox posts a preallocated message). Cross-thread
 * wake-up latency is {@link IsrLatency}'s business.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class GatewayBenchmark
{
    private static final Object MESSAGE = new Object();

    private KernelAgent semAgent;
    private Semaphore sem;
    private KernelAgent boxAgent;
    private Mailbox<Object> box;
    private long received;

    @Setup(Level.Trial)
    public void setUp()
    {
        final Kernel k1 = Kernel.builder().name("gateway-sem").build();
        sem = k1.newSemaphore("irq", 0);
        k1.newTask("waiter", Kernel.MAX_PRIORITY, new Waiter()).start();
        semAgent = k1.agent();

        final Kernel k2 = Kernel.builder().name("gateway-mailbox").build();
        box = k2.newMailbox("irq", 8);
        k2.newTask("fetcher", Kernel.MAX_PRIORITY, new Fetcher()).start();
        boxAgent = k2.agent();
    }

    /** Takes a unit per run, parking when there is none. */
    private final class Waiter implements TaskBody
    {
        private boolean parked;

        @Override
        public boolean run(final Task self)
        {
            for (;;)
            {
                if (parked)
                {
                    parked = false;
                    received++;
                }
                else if (sem.acquire(Kernel.FOREVER) == WaitResult.PENDING)
                {
                    parked = true;
                    return true;
                }
                else
                {
                    received++;
                }
            }
        }
    }

    /** Fetches a message per run, parking when the mailbox is empty. */
    private final class Fetcher implements TaskBody
    {
        private boolean parked;

        @Override
        public boolean run(final Task self)
        {
            for (;;)
            {
                if (parked)
                {
                    parked = false;
                    received += self.takeMessage() == MESSAGE ? 1 : 0;
                }
                else if (box.fetch(Kernel.FOREVER) == WaitResult.PENDING)
                {
                    parked = true;
                    return true;
                }
                else
                {
                    received += self.takeMessage() == MESSAGE ? 1 : 0;
                }
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        semAgent.onClose();
        boxAgent.onClose();
    }

    @Benchmark
    public long semaphoreSignalFromIsr()
    {
        attach(semAgent);
        sem.signalFromIsr();
        semAgent.doWork();
        return received;
    }

    @Benchmark
    public long mailboxPostFromIsr()
    {
        attach(boxAgent);
        box.postFromIsr(MESSAGE);
        boxAgent.doWork();
        return received;
    }

    private static void attach(final KernelAgent agent)
    {
        if (!agent.kernel().isRunning())
        {
            agent.onStart();
        }
    }
}
