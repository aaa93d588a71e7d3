package dev.zvm.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Formatting against CPython 3.11, case by case. {@code formatting/cases.py} applies 52 {@code %}
 * formats and 74 format specs to 103 floats (55 edges: halfway cases such as 0.125 and 2.675, 1e22,
 * subnormals, the largest double, 2^63, negative zero, inf, nan; and 48 drawn from a seeded random,
 * of every kind: random bits, short decimals, exact binary ties, subnormals, huge and tiny), 37
 * {@code %} formats and 57 specs to 26 ints (±2^30, ±2^31, ±2^63-1 boxed, -2^63, bools), more to strs,
 * then {@code str.format} templates, one-off cases and f-strings, errors included (type and message):
 * 16,517 lines. {@code formatting/cases.exp} is what CPython 3.11 printed for it; this test runs the
 * same program on zvm and compares every line, once as it is and once with a collection before
 * every allocation.
 *
 * <p>After a change to {@code cases.py}, regenerate the expected output with CPython 3.11 and review
 * its diff: {@code cd interpreter/src/test/resources/dev/zvm/vm/formatting && python3 cases.py >
 * cases.exp}. CI needs no Python.
 */
class FormattingCPythonTest {
  private static String resource(String name) throws IOException {
    try (InputStream in = FormattingCPythonTest.class.getResourceAsStream("formatting/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void everyCaseMatchesCPython() throws IOException {
    compare(Vm.builder().heapBytes(4 << 20));
  }

  /** The same with a collection before every allocation: what formatting holds must survive it. */
  @Test
  void everyCaseMatchesCPythonUnderGcStress() throws IOException {
    compare(Vm.builder().heapBytes(256 << 10).stressGc(true));
  }

  private static void compare(Vm.Builder vm) throws IOException {
    String[] want = resource("cases.exp").split("\n", -1);
    Py.Run run = Py.run(resource("cases.py"), vm);
    assertTrue(run.result().ok(), run::traceback);
    String[] got = run.out().split("\n", -1);
    StringBuilder diffs = new StringBuilder();
    int mismatches = 0;
    String value = "";
    for (int i = 0; i < Math.max(want.length, got.length); i++) {
      String w = i < want.length ? want[i] : "<missing>";
      String g = i < got.length ? got[i] : "<missing>";
      if (w.startsWith("value ")) {
        value = w;
      }
      if (!w.equals(g) && ++mismatches <= 40) {
        diffs.append("line ").append(i + 1).append(" (").append(value).append(")\n  CPython: ").append(w)
            .append("\n  zvm:     ").append(g).append('\n');
      }
    }
    assertEquals(0, mismatches, mismatches + " of " + want.length + " lines differ:\n" + diffs);
    assertTrue(want.length > 15_000, "cases: " + want.length);
  }
}
