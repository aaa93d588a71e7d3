package dev.zvm.bench.vm;

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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Float arithmetic in compiled Python loops: ns per iteration of loops like the corpus's
 * {@code mandelbrot} and {@code nbody}, each iteration a handful of float operations and
 * comparisons on boxed floats. With {@code -prof "perfasm:events=cpu-clock"} it shows what the
 * compiled code of each operation became.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar FloatsBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class FloatsBenchmark {
  static final int N = 100_000;

  static final String PROGRAM = String.join("\n",
      "def escape(n):",
      "    # z = z * z + c, n steps from one point that never escapes: 7 float operations a step",
      "    cr = -0.5",
      "    ci = 0.25",
      "    zr = 0.0",
      "    zi = 0.0",
      "    tr = 0.0",
      "    ti = 0.0",
      "    i = 0",
      "    while i < n and tr + ti <= 4.0:",
      "        zi = 2.0 * zr * zi + ci",
      "        zr = tr - ti + cr",
      "        tr = zr * zr",
      "        ti = zi * zi",
      "        i += 1",
      "    return i",
      "",
      "def advance(n):",
      "    # one body pulled towards the origin: a division and a comparison among the operations",
      "    x = 1.0",
      "    v = 0.0",
      "    dt = 0.01",
      "    e = 0.0",
      "    for i in range(n):",
      "        d2 = x * x + 0.01",
      "        v -= dt * x / d2",
      "        x += dt * v",
      "        if x > e:",
      "            e = x",
      "    return i",
      "",
      "escape(100)",
      "advance(100)",
      "");

  private Vm.Function escape;
  private Vm.Function advance;

  @Setup(Level.Trial)
  public void setUp() {
    Vm vm = LoadedProgram.run("floats.py", PROGRAM,
        Vm.builder().heapBytes(4 << 20).jitThreshold(1).compileInBackground(false));
    escape = vm.function("escape");
    advance = vm.function("advance");
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long escape() {
    return escape.call(N);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long advance() {
    return advance.call(N);
  }
}
