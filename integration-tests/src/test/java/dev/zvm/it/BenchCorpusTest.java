package dev.zvm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zvm.cli.bench.HarnessLine;
import dev.zvm.cli.bench.SideBySide;
import dev.zvm.compiler.Compilation;
import dev.zvm.compiler.Compiler;
import dev.zvm.vm.RunResult;
import dev.zvm.vm.Vm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the benchmark corpus ({@code benchmarks/programs/}) running on zvm: every program, at the
 * tiny workload, once, through the same kind of wrapper main file {@code zvm bench} generates,
 * must compile, run without an exception, and print exactly one harness line that passed its
 * self-check. The heap is 4 MiB, the size binary_trees is meant to live within.
 */
class BenchCorpusTest {

  private static final Path CORPUS = Path.of("..", "benchmarks", "programs");
  private static final int HEAP_BYTES = 4 << 20;

  @Test
  void theCorpusHasTheProgramsTheIssueAsksFor() throws IOException {
    List<String> programs = SideBySide.programs(CORPUS, null);
    assertTrue(programs.size() >= 12, programs.toString());
    for (String name : List.of("pystone", "richards", "nbody", "fannkuch", "spectral_norm",
        "nqueens", "binary_trees", "mandelbrot", "strings", "wordcount", "attributes",
        "raise_catch")) {
      assertTrue(programs.contains(name), name + " missing from " + programs);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyProgramPassesItsSelfCheckOnZvm() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String program : SideBySide.programs(CORPUS, null)) {
      tests.add(DynamicTest.dynamicTest(program, () -> runTiny(program)));
    }
    return tests.stream();
  }

  private static void runTiny(String program) {
    String wrapper = "import harness\nharness.configure(\"tiny\", 1)\nimport " + program + "\n";
    Compilation c = Compiler.builder().searchPath(List.of(CORPUS)).build()
        .compileSource("_run_" + program + ".py", wrapper);
    assertTrue(c.ok(), () -> program + " does not compile:\n" + c.formatDiagnostics());

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Vm vm = Vm.builder().heapBytes(HEAP_BYTES)
        .stdout(new PrintStream(out, true, StandardCharsets.UTF_8))
        .stderr(new PrintStream(err, true, StandardCharsets.UTF_8))
        .build();
    vm.load(c.image());
    RunResult r = vm.run();
    String stdout = out.toString(StandardCharsets.UTF_8);
    assertTrue(r.ok(), () -> program + " raised " + r.exception().type() + ": "
        + r.exception().message() + "\n" + r.exception().traceback() + "\nstdout:\n" + stdout);

    List<HarnessLine> lines = new ArrayList<>();
    for (String line : stdout.split("\n")) {
      assertFalse(line.startsWith("FAIL "), () -> program + ": " + line);
      if (HarnessLine.isHarnessLine(line)) {
        lines.add(HarnessLine.parse(line));
      }
    }
    assertEquals(1, lines.size(), () -> program + " printed:\n" + stdout);
    HarnessLine h = lines.get(0);
    assertEquals(program, h.name());
    assertEquals("tiny", h.scale());
    assertEquals(0, h.rep());
    assertTrue(h.ok(), () -> program + " failed its self-check:\n" + stdout);
  }
}
