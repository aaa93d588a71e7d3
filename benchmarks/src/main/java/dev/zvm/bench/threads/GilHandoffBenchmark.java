package dev.zvm.bench.threads;

import dev.zvm.vm.Vm;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The GIL handoff, in ns one way: two Python threads of equal priority ping-pong through two
 * {@code threading.Lock}s, each release handing the lock to the thread blocked on it and each acquire
 * blocking its own thread, so every step is a task switch inside the carrier: release (wake the
 * other), acquire (park, the native returns BLOCKED), the body returns, the kernel dispatches the other
 * thread, whose acquire is called again and returns True. One invocation is a batch of {@link #ROUND_TRIPS}
 * round trips, two handoffs each; the figure includes the Python loop around them (a few opcodes)
 * and, amortised over the batch, the edge that starts it. Goal: at most 1 us. Check zero garbage with
 * {@code -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class GilHandoffBenchmark {
  static final int ROUND_TRIPS = 20_000;

  private BoardDriven vm;

  @Setup(Level.Trial)
  public void setUp() {
    String setup = String.join("\n",
        "ping = threading.Lock()",
        "pong = threading.Lock()",
        "ping.acquire()",
        "pong.acquire()",
        "def ponger():",
        "    while True:",
        "        pong.acquire()",
        "        ping.release()",
        "thread(ponger)",
        "");
    String batch = String.join("\n",
        "        for i in range(" + ROUND_TRIPS + "):",
        "            pong.release()",
        "            ping.acquire()");
    vm = new BoardDriven(BoardDriven.program(setup, batch), Vm.builder());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    vm.stop();
  }

  @Benchmark
  @OperationsPerInvocation(2 * ROUND_TRIPS)
  public void handoff() {
    vm.batch();
  }
}
