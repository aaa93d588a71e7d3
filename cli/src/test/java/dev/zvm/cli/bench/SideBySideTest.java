package dev.zvm.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner, proven without zvm: CPython stands in for it (started with {@code -E}, so that a
 * program can tell which of the two it runs under) and for a peer.
 */
class SideBySideTest {

  private static final String QUICK = """
      import sys
      import harness

      def work(n):
          return sum(range(n))

      def check(n, result):
          if result != n * (n - 1) // 2:
              return "sum %d" % result
          return None

      log = open("order.txt", "a")
      log.write("Z" if sys.flags.ignore_environment else "P")
      log.close()
      harness.bench("quick", {"tiny": 1000, "small": 2000, "default": 3000}, work, check)
      """;

  private static final String BROKEN = """
      import harness

      def work(n):
          return n

      def check(n, result):
          return "wrong on purpose"

      harness.bench("broken", {"tiny": 1, "small": 1, "default": 1}, work, check)
      """;

  @Test
  void runsInterleavedAndReportsFailuresAndMissingPeers(@TempDir Path tmp)
      throws IOException, InterruptedException {
    Implementation python = Implementation.peer("python3", System.getenv("PATH"));
    assumeTrue(python.available(), "python3 is not on PATH");
    Path corpus = Files.createDirectories(tmp.resolve("programs"));
    Files.copy(Path.of("..", "benchmarks", "programs", "harness.py"), corpus.resolve("harness.py"));
    Files.writeString(corpus.resolve("quick.py"), QUICK);
    Files.writeString(corpus.resolve("broken.py"), BROKEN);
    List<String> zvmCommand = new ArrayList<>(python.command());
    zvmCommand.add("-E");
    Implementation ghost = Implementation.peer("no-such-python-for-zvm-tests", "/nonexistent");
    List<Implementation> impls = List.of(Implementation.zvm(zvmCommand), python, ghost);

    Path out = tmp.resolve("out");
    StringWriter progress = new StringWriter();
    Report report = new SideBySide(
        new SideBySide.Settings(corpus, out, "tiny", 2, 3, 1, null, 120), impls,
        new PrintWriter(progress)).run();

    assertEquals(List.of("broken", "quick"), report.programs());
    assertEquals("ZPZP", Files.readString(out.resolve("work").resolve("order.txt")),
        "zvm and the peer alternate, round after round");

    Result zvm = report.result("quick", "zvm");
    assertTrue(zvm.ok(), zvm.statusText());
    assertEquals(4, zvm.warm().length, "2 rounds x (3 repetitions - 1 warm-up)");
    assertEquals(2, zvm.first().length);
    assertEquals(2, zvm.process().length);
    assertTrue(zvm.process()[0] > 0);
    assertTrue(report.result("quick", "python3").ok());
    assertTrue(report.ratio("quick", "python3").isPresent());

    Result broken = report.result("broken", "python3");
    assertEquals(Result.Status.FAILED, broken.status());
    assertEquals("FAIL broken n=1: wrong on purpose", broken.reason());
    assertFalse(report.result("broken", "zvm").ok());
    assertFalse(report.zvmAllOk());

    for (String program : report.programs()) {
      Result missing = report.result(program, "no-such-python-for-zvm-tests");
      assertEquals(Result.Status.MISSING, missing.status());
      assertEquals("not found on PATH", missing.reason());
    }
    assertTrue(Files.exists(out.resolve("logs").resolve("quick.zvm.1.out")));
    assertTrue(progress.toString().contains("FAILED: FAIL broken"), progress.toString());
  }

  @Test
  void findsProgramsButNotTheHarnessOrWrappers(@TempDir Path tmp) throws IOException {
    for (String name : List.of("harness.py", "_zvm_a.py", "b.py", "a.py", "notes.txt", "ab.py")) {
      Files.writeString(tmp.resolve(name), "");
    }
    assertEquals(List.of("a", "ab", "b"), SideBySide.programs(tmp, null));
    assertEquals(List.of("a", "ab"), SideBySide.programs(tmp, "a"));
  }

  @Test
  void wrappersConfigureTheHarnessThenImportTheProgram() {
    assertEquals("import harness\nharness.configure(\"small\", 5)\nimport nbody\n",
        Wrappers.zvmWrapper("nbody", "small", 5));
    String peer = Wrappers.peerWrapper("nbody", "small", 5);
    assertTrue(peer.startsWith("import time\n"), peer);
    assertTrue(peer.endsWith(Wrappers.zvmWrapper("nbody", "small", 5)), peer);
    assertThrows(IllegalArgumentException.class, () -> Wrappers.zvmWrapper("a; b", "small", 1));
    assertThrows(IllegalArgumentException.class, () -> Wrappers.zvmWrapper("a", "\"x", 1));
  }

  @Test
  void settingsRejectAWarmUpThatLeavesNothing() {
    Path p = Path.of(".");
    assertThrows(IllegalArgumentException.class,
        () -> new SideBySide.Settings(p, p, "tiny", 1, 2, 2, null, 10));
    assertThrows(IllegalArgumentException.class,
        () -> new SideBySide.Settings(p, p, "tiny", 0, 2, 1, null, 10));
  }
}
