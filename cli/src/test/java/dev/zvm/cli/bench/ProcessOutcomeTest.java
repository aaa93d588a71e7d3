package dev.zvm.cli.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessOutcomeTest {

  private static List<String> lines(String program, double... seconds) {
    List<String> out = new ArrayList<>();
    for (int rep = 0; rep < seconds.length; rep++) {
      out.add("@bench name=" + program + " scale=tiny n=5 rep=" + rep + " seconds=" + seconds[rep]
          + " ok=1");
    }
    return out;
  }

  @Test
  void keepsTheRepetitionsAfterTheWarmUp() {
    List<String> out = new ArrayList<>(List.of("some other output"));
    out.addAll(lines("calls", 0.9, 0.5, 0.2, 0.3));
    ProcessOutcome o = ProcessOutcome.evaluate("calls", 4, 2, false, 0, out, List.of());
    assertTrue(o.ok(), o.failure());
    assertArrayEquals(new double[] {0.2, 0.3}, o.warm());
    assertEquals(0.9, o.first());
  }

  @Test
  void aFailedSelfCheckNamesTheHarnessesReason() {
    List<String> out = new ArrayList<>(lines("nbody", 0.1));
    out.add("@bench name=nbody scale=tiny n=5 rep=1 seconds=0.1 ok=0");
    out.add("FAIL nbody n=5: energy drifted");
    ProcessOutcome o = ProcessOutcome.evaluate("nbody", 2, 1, false, 1, out,
        List.of("Traceback", "RuntimeError: nbody: the self-check failed 1 time(s)"));
    assertFalse(o.ok());
    assertEquals("FAIL nbody n=5: energy drifted", o.failure());
  }

  @Test
  void aCrashNamesTheExitCodeAndTheLastErrorLine() {
    ProcessOutcome o = ProcessOutcome.evaluate("nbody", 2, 1, false, 1, List.of(),
        List.of("Traceback (most recent call last):", "ImportError: no perf_counter", ""));
    assertEquals("exit 1: ImportError: no perf_counter", o.failure());
  }

  @Test
  void tooFewRepetitionsIsAFailure() {
    ProcessOutcome o = ProcessOutcome.evaluate("calls", 3, 1, false, 0, lines("calls", 0.1, 0.2),
        List.of());
    assertEquals("2 of 3 repetitions printed", o.failure());
  }

  @Test
  void aTimeOutIsAFailure() {
    ProcessOutcome o = ProcessOutcome.evaluate("calls", 1, 0, true, -1, lines("calls", 0.1),
        List.of());
    assertEquals("timed out", o.failure());
  }

  @Test
  void linesOfAnotherProgramOrRepeatedRepetitionsAreFailures() {
    assertFalse(ProcessOutcome.evaluate("calls", 1, 0, false, 0, lines("nbody", 0.1), List.of())
        .ok());
    List<String> twice = new ArrayList<>(lines("calls", 0.1));
    twice.addAll(lines("calls", 0.1));
    assertTrue(ProcessOutcome.evaluate("calls", 2, 0, false, 0, twice, List.of()).failure()
        .startsWith("unexpected rep=0"));
    assertTrue(ProcessOutcome.evaluate("calls", 1, 0, false, 0,
        List.of("@bench name=calls n=1 rep=0 seconds=x ok=1"), List.of()).failure()
        .startsWith("bad harness line"));
  }
}
