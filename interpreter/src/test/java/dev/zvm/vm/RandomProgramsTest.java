package dev.zvm.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zvm.compiler.Compilation;
import dev.zvm.gc.HeapVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential tests on generated programs ({@link ProgramGenerator}): each seed's program must
 * print the same, and end the same way, interpreted; compiled at the first run of every code
 * object; compiled at the third, after two runs in the fast loop have filled its call sites'
 * profiles (known callees, classes and leaves: Jit#knownCall); and compiled with a collection at
 * every allocation on a small heap, under a quantum of a
 * few safe points (so compiled loops hand the thread back at every other backward jump). The heap
 * verifier then checks every object. What the hand-written tests cannot reach, seeds do: the
 * combinations of paths (a float path after an exit, a raise inside a compiled loop under
 * preemption, a collection between two instructions of a fused pair).
 *
 * <p>A third as many programs start threads ({@link #generatedProgramsWithThreadsKeepTheirScheduleCompiled}).
 *
 * <p>A failure names the seed and prints the program, which runs as it is under {@code ./zvm run}
 * ({@code ProgramGenerator}'s main prints any seed's program). More seeds, and each program also
 * run on CPython, which must print what the interpreter prints (a tool for finding where our
 * semantics differ, not a test of the build: CPython need not be installed):
 *
 * <pre>
 * mvn -pl interpreter -am test -Dtest=RandomProgramsTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dzvm.randomPrograms=1500 -Dzvm.cpython=python3
 * </pre>
 *
 * That ran clean on 2026-11-26: 1,500 programs agreed with CPython 3.11 and across the three
 * runs, and 500 programs with threads kept their schedule; and again after the compiler's direct
 * calls and bound locals, with 600 and 200; and after the innermost-loop sites, the comparison
 * table and owned float boxes, with 800 and 266; and after float statements in doubles, with 1,500
 * and 500; and on 2026-11-27 with the profiled tier, after known callees and leaves, with 1,500
 * and 500.
 */
class RandomProgramsTest {
  private static final int SEEDS = Integer.getInteger("zvm.randomPrograms", 100);
  private static final String CPYTHON = System.getProperty("zvm.cpython");

  @TestFactory
  Stream<DynamicTest> generatedProgramsRunTheSameEveryWay() {
    return LongStream.range(0, SEEDS).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> check(seed)));
  }

  private static void check(long seed) throws Exception {
    String src = new ProgramGenerator(seed).program();
    Compilation c = Py.compile(src);
    if (!c.ok()) {
      throw new AssertionError("seed " + seed + ": the generator wrote a program that does not compile:\n"
          + c.formatDiagnostics() + "\n" + numbered(src));
    }
    Py.Run reference = Py.run(src, Vm.builder().jitThreshold(0));
    String interpreted = Py.rendered(reference);
    Py.Run compiled = Py.run(src, Vm.builder().jitThreshold(1).compileInBackground(false));
    same(seed, src, "compiled", interpreted, Py.rendered(compiled));
    Py.Run profiled = Py.run(src, Vm.builder().jitThreshold(3).compileInBackground(false));
    same(seed, src, "compiled after two runs in the fast loop (call sites with known callees)", interpreted,
        Py.rendered(profiled));
    Py.Run stressed = Py.run(src, Vm.builder().heapBytes(256 * 1024).stressGc(true).quantum(2).safePointInterval(3)
        .jitThreshold(1).compileInBackground(false));
    same(seed, src, "compiled, collecting at every allocation, preempted often", interpreted, Py.rendered(stressed));
    HeapVerifier.verify(stressed.vm().runtime().heap);
    if (CPYTHON != null) {
      same(seed, src, "CPython", reference.out() + raised(reference.traceback()), cpython(src));
    }
  }

  /**
   * Programs with threads, under virtual time: the schedule (who prints when) must be the same
   * interpreted and compiled, with the default quantum, and with a quantum of two safe points while
   * collecting at every allocation.
   */
  @TestFactory
  Stream<DynamicTest> generatedProgramsWithThreadsKeepTheirScheduleCompiled() {
    return LongStream.range(0, SEEDS / 3).mapToObj(seed -> DynamicTest.dynamicTest("seed t" + seed, () -> {
      String src = new ProgramGenerator(seed, true).program();
      Compilation c = Py.compile(src);
      if (!c.ok()) {
        throw new AssertionError("seed t" + seed + ": the generator wrote a program that does not compile:\n"
            + c.formatDiagnostics() + "\n" + numbered(src));
      }
      String interpreted = Py.rendered(Py.run(src, Vm.builder().virtualTime(1_000).jitThreshold(0)));
      String compiled = Py.rendered(Py.run(src, Vm.builder().virtualTime(1_000).jitThreshold(1).compileInBackground(false)));
      same(seed, src, "compiled (threads)", interpreted, compiled);
      String profiled =
          Py.rendered(Py.run(src, Vm.builder().virtualTime(1_000).jitThreshold(3).compileInBackground(false)));
      same(seed, src, "compiled after two runs in the fast loop (threads)", interpreted, profiled);
      String often = Py.rendered(Py.run(src, Vm.builder().virtualTime(1_000).quantum(2).safePointInterval(3).jitThreshold(0)));
      Py.Run stressed = Py.run(src, Vm.builder().virtualTime(1_000).quantum(2).safePointInterval(3).heapBytes(256 * 1024)
          .stressGc(true).jitThreshold(1).compileInBackground(false));
      same(seed, src, "compiled (threads, preempted often, collecting at every allocation)", often, Py.rendered(stressed));
      HeapVerifier.verify(stressed.vm().runtime().heap);
    }));
  }

  private static void same(long seed, String src, String how, String expected, String actual) {
    if (!expected.equals(actual)) {
      assertEquals(expected, actual, "seed " + seed + ": " + how + " differs from the interpreter. The program:\n"
          + numbered(src));
    }
  }

  private static String numbered(String src) {
    StringBuilder b = new StringBuilder();
    String[] lines = src.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      b.append(String.format("%4d  %s%n", i + 1, lines[i]));
    }
    return b.toString();
  }

  /** A traceback's last line (the exception), as {@link #cpython} shows it; "" for none. */
  private static String raised(String traceback) {
    return traceback == null ? "" : "(raised) " + traceback.strip().lines().reduce((a, b) -> b).orElse("");
  }

  /** What CPython prints for src, then the last line of its traceback if it raised. */
  private static String cpython(String src) throws IOException, InterruptedException {
    Path file = Files.createTempFile("zvm-random", ".py");
    try {
      Files.writeString(file, src);
      Process p = new ProcessBuilder(CPYTHON, file.toString()).redirectErrorStream(false).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(60, TimeUnit.SECONDS);
      return err.isEmpty() ? out : out + "(raised) " + err.strip().lines().reduce((a, b) -> b).orElse("");
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
