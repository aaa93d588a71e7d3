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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The interpreter's core costs, in ns per Python loop iteration. Each benchmark calls a Python
 * function of the program below (through {@link Vm.Function}, no Java allocation per call) that
 * runs {@link #N} iterations of a {@code while} loop; the score is divided by N. Every loop but
 * {@code dispatch} also pays the loop's own overhead ({@code dispatch}'s figure).
 *
 * <ul>
 *   <li>{@code dispatch}: {@code while i < n: i += 1} (9 opcodes). Floors measured on this machine
 *       (jvm-measurements.md 4d): a minimal Java switch interpreter ≈14 ns, CPython 3.11 28.5 ns;
 *       the goal is ≤ 18 ns with 0 B/op of Java allocation ({@code -prof gc}).</li>
 *   <li>{@code call}: a call of a one-argument Python function returning its argument.</li>
 *   <li>{@code attributeRead}: an instance attribute read (inline cache hit).</li>
 *   <li>{@code methodCall}: a method call on an instance (LOAD_METHOD cache, CALL_METHOD).</li>
 *   <li>{@code listAppendIndex}: {@code l.append(i)}, {@code l[-1]} and {@code l.pop()}.</li>
 *   <li>{@code dictGetSet}: {@code d[k] = i} and {@code d.get(k)} with str keys.</li>
 *   <li>{@code floatArith}: {@code y = x * x + x} on floats: two boxed floats made per iteration.</li>
 * </ul>
 *
 * <p>{@code profile} says what the JIT saw before the measurement. {@code clean}: only the
 * benchmark's own loop ran long enough to be profiled, so C2 compiles the dispatch loop with
 * every other opcode as an uncommon trap: the floor. {@code mixed}: every loop above ran
 * 300,000 iterations first, as in a real program that uses many opcodes, so C2 compiles all
 * their cases into the loop and the register pressure that comes with them. The corpus runs in
 * the second condition; a change to the loop must hold up in both. {@code tier} says whether the
 * functions run compiled (the baseline compiler's JVM methods) or interpreted.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class InterpreterBenchmark {
  static final int N = 1_000_000;

  static final String PROGRAM = String.join("\n",
      "def dispatch(n):",
      "    i = 0",
      "    while i < n:",
      "        i += 1",
      "    return i",
      "",
      "def ident(x):",
      "    return x",
      "",
      "def call(n):",
      "    i = 0",
      "    while i < n:",
      "        ident(i)",
      "        i += 1",
      "    return i",
      "",
      "class Point:",
      "    def __init__(self, x):",
      "        self.x = x",
      "    def get(self):",
      "        return self.x",
      "",
      "def attribute_read(n):",
      "    p = Point(3)",
      "    s = 0",
      "    i = 0",
      "    while i < n:",
      "        s = p.x",
      "        i += 1",
      "    return s",
      "",
      "def method_call(n):",
      "    p = Point(3)",
      "    i = 0",
      "    while i < n:",
      "        p.get()",
      "        i += 1",
      "    return i",
      "",
      "def list_append_index(n):",
      "    l = [0, 1, 2]",
      "    i = 0",
      "    while i < n:",
      "        l.append(i)",
      "        x = l[-1]",
      "        l.pop()",
      "        i += 1",
      "    return len(l)",
      "",
      "def dict_get_set(n):",
      "    d = {'alpha': 0, 'beta': 1}",
      "    k = 'beta'",
      "    i = 0",
      "    while i < n:",
      "        d[k] = i",
      "        x = d.get(k)",
      "        i += 1",
      "    return d[k]",
      "",
      "def float_arith(n):",
      "    x = 1.5",
      "    i = 0",
      "    while i < n:",
      "        y = x * x + x",
      "        i += 1",
      "    return i",
      "",
      "for f in [dispatch, call, attribute_read, method_call, list_append_index, dict_get_set, float_arith]:",
      "    f(10)",
      "");

  @Param({"clean", "mixed"})
  public String profile;

  /**
   * {@code compiled}: every function compiled by the baseline compiler at its first call (Jit, the
   * VM's default after 1000 entries); {@code interpreted}: the fast loop and execute only.
   */
  @Param({"compiled", "interpreted"})
  public String tier;

  private Vm.Function dispatch;
  private Vm.Function call;
  private Vm.Function attributeRead;
  private Vm.Function methodCall;
  private Vm.Function listAppendIndex;
  private Vm.Function dictGetSet;
  private Vm.Function floatArith;

  @Setup(Level.Trial)
  public void setUp() {
    Vm vm = LoadedProgram.run("bench.py", PROGRAM,
        Vm.builder().heapBytes(1 << 20).jitThreshold(tier.equals("compiled") ? 1 : 0).compileInBackground(false));
    dispatch = vm.function("dispatch");
    call = vm.function("call");
    attributeRead = vm.function("attribute_read");
    methodCall = vm.function("method_call");
    listAppendIndex = vm.function("list_append_index");
    dictGetSet = vm.function("dict_get_set");
    floatArith = vm.function("float_arith");
    if (profile.equals("mixed")) {
      for (int round = 0; round < 10; round++) {
        for (Vm.Function f : new Vm.Function[] {dispatch, call, attributeRead, methodCall, listAppendIndex,
            dictGetSet, floatArith}) {
          f.call(30_000);
        }
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long dispatch() {
    return dispatch.call(N);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long call() {
    return call.call(N);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long attributeRead() {
    return attributeRead.call(N);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long methodCall() {
    return methodCall.call(N);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long listAppendIndex() {
    return listAppendIndex.call(N);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long dictGetSet() {
    return dictGetSet.call(N);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long floatArith() {
    return floatArith.call(N);
  }
}
