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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the scheduler's safe point costs a thread that runs Python at top level (preemptible), in ns
 * per loop iteration of InterpreterBenchmark's two loops: {@code dispatch} ({@code while i < n: i += 1},
 * one backward jump per iteration) and {@code call} (the same with a call of a one-argument function:
 * three safe points per iteration). With {@code safePointInterval} 1 every safe point asks VOSAL
 * whether to yield (a decrement and an opaque read); larger intervals ask less often, at the price of
 * that many safe points of latency for interrupts, preemption and stop(). The nested figures of
 * InterpreterBenchmark (which never ask) are the floor.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class SafePointBenchmark {
  static final int N = 1_000_000;

  @Param({"1", "16", "256"})
  public int interval;

  private BoardDriven dispatchVm;
  private BoardDriven callVm;

  @Setup(Level.Trial)
  public void setUp() {
    String ident = "def ident(x):\n    return x\n";
    dispatchVm = new BoardDriven(BoardDriven.program("", String.join("\n",
        "        i = 0",
        "        while i < " + N + ":",
        "            i += 1")), Vm.builder().safePointInterval(interval));
    callVm = new BoardDriven(BoardDriven.program(ident, String.join("\n",
        "        i = 0",
        "        while i < " + N + ":",
        "            ident(i)",
        "            i += 1")), Vm.builder().safePointInterval(interval));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    dispatchVm.stop();
    callVm.stop();
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void dispatch() {
    dispatchVm.batch();
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void call() {
    callVm.batch();
  }
}
