package dev.zvm.vm;

import org.junit.jupiter.api.Test;

/** {@code gc.enable(period)} collects every period of VM time; {@code gc.disable()} stops it (virtual time: exact counts). */
class GcPeriodTest {
  @Test
  void enableCollectsEveryPeriodAndDisableStops() {
    String src = String.join("\n",
        "import gc",
        "runs = gc.info()[4]",
        "sleep(50)",
        "print(gc.info()[4] - runs, gc.info()[5])",
        "gc.enable(10)",
        "runs = gc.info()[4]",
        "sleep(35)",
        "print(gc.info()[4] - runs, gc.info()[5])",
        "gc.disable()",
        "runs = gc.info()[4]",
        "sleep(100)",
        "print(gc.info()[4] - runs, gc.info()[5])",
        "");
    ThreadsTest.assertOut("0 0\n3 10\n0 0\n", ThreadsTest.run(src, ThreadsTest.virtual()));
  }
}
