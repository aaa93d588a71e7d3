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
 * The str methods that text processing is made of, each on lines like those of the corpus's
 * {@code strings} program ({@code "kalo,17, KALO "}), in compiled Python loops: ns per line (or per
 * call where a call makes one line). The corpus runner gives the whole program against CPython;
 * this says which method the time goes to, and with {@code -prof perfasm}, where in it.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar StringsBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class StringsBenchmark {
  static final int LINES = 250;
  static final int N = 100_000;

  static final String PROGRAM = String.join("\n",
      "LINES = " + LINES,
      "TEXT = '\\n'.join(['kalo,%d, KALO ' % i for i in range(LINES)])",
      "ITEMS = TEXT.split('\\n')",
      "",
      "def split_comma(n):",
      "    line = 'kalo,123, KALO '",
      "    for i in range(n):",
      "        x = line.split(',')",
      "    return len(x)",
      "",
      "def split_lines(n):",
      "    for i in range(n // LINES):",
      "        x = TEXT.split('\\n')",
      "    return len(x)",
      "",
      "def split_words(n):",
      "    for i in range(n // LINES):",
      "        x = TEXT.split()",
      "    return len(x)",
      "",
      "def replace(n):",
      "    for i in range(n // LINES):",
      "        x = TEXT.replace(',', ' ; ')",
      "    return len(x)",
      "",
      "def join(n):",
      "    for i in range(n // LINES):",
      "        x = '\\n'.join(ITEMS)",
      "    return len(x)",
      "",
      "def format(n):",
      "    for i in range(n):",
      "        x = '%s,%d, %s ' % ('kalo', i, 'KALO')",
      "    return len(x)",
      "",
      "def strip_upper(n):",
      "    s = ' kalo '",
      "    for i in range(n):",
      "        x = s.strip().upper()",
      "    return len(x)",
      "",
      "for f in [split_comma, split_lines, split_words, replace, join, format, strip_upper]:",
      "    f(LINES)",
      "");

  private Vm.Function splitComma;
  private Vm.Function splitLines;
  private Vm.Function splitWords;
  private Vm.Function replace;
  private Vm.Function join;
  private Vm.Function format;
  private Vm.Function stripUpper;

  @Setup(Level.Trial)
  public void setUp() {
    Vm vm = LoadedProgram.run("strings.py", PROGRAM,
        Vm.builder().heapBytes(4 << 20).jitThreshold(1).compileInBackground(false));
    splitComma = vm.function("split_comma");
    splitLines = vm.function("split_lines");
    splitWords = vm.function("split_words");
    replace = vm.function("replace");
    join = vm.function("join");
    format = vm.function("format");
    stripUpper = vm.function("strip_upper");
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long splitComma() {
    return splitComma.call(N);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long splitLines() {
    return splitLines.call(N);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long splitWords() {
    return splitWords.call(N);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long replace() {
    return replace.call(N);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long join() {
    return join.call(N);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long format() {
    return format.call(N);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long stripUpper() {
    return stripUpper.call(N);
  }
}
