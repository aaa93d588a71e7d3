package dev.zvm.cli;

import static dev.zvm.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.zvm.cli.bench.Implementation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code zvm bench} end to end, with CPython standing in for zvm (the hidden --zvm-command). */
class BenchCommandTest {

  private static final String CORPUS = Path.of("..", "benchmarks", "programs").toString();

  @Test
  void runsACorpusProgramAndWritesEveryReport(@TempDir Path tmp) throws IOException {
    Implementation python = Implementation.peer("python3", System.getenv("PATH"));
    assumeTrue(python.available(), "python3 is not on PATH");
    Path out = tmp.resolve("bench-out");
    String[] r = run("bench", "--zvm-command", python.command().get(0),
        "--peers", "python3,no-such-python-for-zvm-tests", "--workload", "tiny", "--repeat", "1",
        "--inner", "2", "--filter", "nqueens", "--programs", CORPUS, "--out", out.toString());
    assertEquals("0", r[0], r[1] + r[2]);
    assertTrue(r[1].contains("no-such-python-for-zvm-tests missing: not found on PATH"), r[1]);
    assertTrue(r[1].contains("python3"), r[1]);
    assertTrue(r[1].contains("over 1 programs"), r[1]);
    for (String file : new String[] {"bench.csv", "bench.json", "bench.svg"}) {
      assertTrue(Files.size(out.resolve(file)) > 0, file);
    }
    assertTrue(Files.readString(out.resolve("bench.csv")).contains("nqueens,zvm,ok,"));
  }

  @Test
  void usageErrorsExitWithTwo(@TempDir Path tmp) {
    String out = tmp.toString();
    String[] r = run("bench", "--workload", "huge", "--programs", CORPUS, "--out", out);
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("--workload must be tiny, small or default"), r[2]);
    r = run("bench", "--filter", "no-program-has-this-name", "--programs", CORPUS, "--out", out);
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("matches --filter"), r[2]);
    r = run("bench", "--programs", tmp.toString(), "--out", out);
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("no corpus"), r[2]);
    r = run("bench", "--inner", "0", "--programs", CORPUS, "--out", out);
    assertEquals("2", r[0]);
  }

  @Test
  void theZvmProcessesGetAnAbsoluteClasspath() {
    String sep = java.io.File.pathSeparator;
    String cp = BenchCommand.absoluteClassPath("cli/target/zvm.jar" + sep + "/opt/x.jar");
    assertEquals(Path.of("cli/target/zvm.jar").toAbsolutePath() + sep + "/opt/x.jar", cp);
  }
}
