package dev.zvm.bench.kernel;

import dev.zvm.kernel.Kernel;
import dev.zvm.kernel.KernelAgent;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A task switch between two tasks of equal priority, in ns per switch (goal: 100 ns or less, and
 * {@code gc.alloc.rate.norm} of 0 B/op under {@code -prof gc}). The benchmark thread is the carrier: it
 * drives the kernel through its Agrona agent, one {@code doWork()} (one body run) per switch.
 * <ul>
 *   <li>{@code yieldSwitch}: each body returns at once (a voluntary yield): the bare switch, ready queue to
 *       ready queue.</li>
 *   <li>{@code quantumSwitch}: each body passes safe points until {@code shouldYield()} says its
 *       one-safe-point quantum is spent: the switch the interpreter's GIL handoff costs.</li>
 *   <li>{@code semaphorePingPong}: A signals B's semaphore and waits on its own, B the reverse: wake,
 *       park and switch.</li>
 * </ul>
 * {@code metrics=true} adds the latency histograms (two {@code System.nanoTime()} per switch).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class TaskSwitchBenchmark
{
    private static final int SWITCHES = 1_000;

    @Param({"false", "true"})
    public boolean metrics;

    private KernelAgent yieldAgent;
    private KernelAgent quantumAgent;
    private KernelAgent pingPongAgent;
    private long bodyRuns;

    @Setup(Level.Trial)
    public void setUp()
    {
        final Kernel yielding = Kernel.builder().name("yield").metrics(metrics).build();
        yielding.newTask("A", 10, self -> ++bodyRuns > 0).start();
        yielding.newTask("B", 10, self -> ++bodyRuns > 0).start();
        yieldAgent = yielding.agent();

        final Kernel quantum = Kernel.builder().name("quantum").metrics(metrics).quantumSafePoints(1).build();
        quantum.newTask("A", 10, self -> spinUntilYield(quantum)).start();
        quantum.newTask("B", 10, self -> spinUntilYield(quantum)).start();
        quantumAgent = quantum.agent();

        final Kernel pingPong = Kernel.builder().name("pingpong").metrics(metrics).build();
        final Semaphore a = pingPong.newSemaphore("a", 0);
        final Semaphore b = pingPong.newSemaphore("b", 1);
        pingPong.newTask("A", 10, new Passer(a, b)).start();
        pingPong.newTask("B", 10, new Passer(b, a)).start();
        pingPongAgent = pingPong.agent();
    }

    private boolean spinUntilYield(final Kernel k)
    {
        while (!k.shouldYield())
        {
            bodyRuns++;
        }
        return true;
    }

    /** Takes {@code mine} (parking if needed), then gives {@code theirs}, forever. */
    private static final class Passer implements TaskBody
    {
        private final Semaphore mine;
        private final Semaphore theirs;
        /** True while a PENDING acquire is in progress: the next run starts holding the unit. */
        private boolean parked;

        Passer(final Semaphore mine, final Semaphore theirs)
        {
            this.mine = mine;
            this.theirs = theirs;
        }

        @Override
        public boolean run(final Task self)
        {
            for (;;)
            {
                if (parked)
                {
                    parked = false; // woken with the unit: the wait completed OK
                }
                else if (mine.acquire(Kernel.FOREVER) == WaitResult.PENDING)
                {
                    parked = true;
                    return true;
                }
                theirs.signal();
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        yieldAgent.onClose();
        quantumAgent.onClose();
        pingPongAgent.onClose();
    }

    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    public int yieldSwitch()
    {
        return drive(yieldAgent);
    }

    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    public int quantumSwitch()
    {
        return drive(quantumAgent);
    }

    /** One operation is one body run (take, give, park); a full round (A then B) is two. */
    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    public int semaphorePingPong()
    {
        return drive(pingPongAgent);
    }

    private static int drive(final KernelAgent agent)
    {
        // The carrier is the thread that runs the benchmark method: attach on first use.
        if (!agent.kernel().isRunning())
        {
            agent.onStart();
        }
        int work = 0;
        for (int i = 0; i < SWITCHES; i++)
        {
            work += agent.doWork();
        }
        return work;
    }
}
