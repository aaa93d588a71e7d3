package dev.zvm.cli;

import static dev.zvm.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code zvm latency}: a short run prints the latency table and the GC line (no durations asserted). */
class LatencyCommandTest {
  @Test
  void aShortRunPrintsThePercentileTable() {
    String[] r = run("latency", "--events", "200", "--warmup", "50", "--idle", "backoff");
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].startsWith("zvm latency: 200 edges on BTN0"), r[1]);
    // Each edge waits for the previous callback, so none can be dropped (a callback later than
    // 100 ms on a starved machine is counted, not asserted).
    assertTrue(r[1].matches("(?s).*\ncallbacks \\d+, dropped \\(queue full\\) 0, not seen within 100 ms \\d+, .*"), r[1]);
    assertTrue(r[1].contains("interrupt latency, from the raise to the callback's first opcode (us):"), r[1]);
    assertTrue(r[1].contains("Value     Percentile TotalCount 1/(1-Percentile)"), r[1]);
    assertTrue(r[1].contains("Total count    ="), r[1]);
    assertTrue(r[1].contains("GC pauses"), r[1]);
  }

  @Test
  void theIdleLoadAndEveryStrategyRun() {
    for (String idle : new String[] {"spin", "yield", "park"}) {
      String[] r = run("latency", "--events", "20", "--warmup", "0", "--idle", idle, "--load", "idle");
      assertEquals("0", r[0], r[2]);
      assertTrue(r[1].contains("idle strategy " + idle + ", load idle"), r[1]);
    }
  }

  @Test
  void aParkingRaiserGivesEveryCallback() {
    String[] r = run("latency", "--events", "50", "--warmup", "0", "--raiser", "park");
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("load cpu, raiser park"), r[1]);
    assertTrue(r[1].contains("callbacks 50, dropped (queue full) 0, not seen within 100 ms 0"), r[1]);
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertEquals("2", run("latency", "--raiser", "nap")[0]);
    assertEquals("2", run("latency", "--idle", "nap")[0]);
    assertEquals("2", run("latency", "--load", "heavy")[0]);
    assertEquals("2", run("latency", "--events", "0")[0]);
  }
}
