package dev.zvm.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Float text: CPython's own output for ~430 values, and seeded properties of repr. */
class FloatFormatTest {
  @Test
  void matchesCPythonForReprAndPrintfForms() throws IOException {
    String table;
    try (InputStream in = FloatFormatTest.class.getResourceAsStream("float_format_cpython.txt")) {
      table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int checked = 0;
    for (String line : table.split("\n")) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split(" ");
      double d = Double.longBitsToDouble(Long.parseLong(f[0]));
      int p = Integer.parseInt(f[2]);
      assertEquals(f[1], FloatFormat.repr(d), "repr of " + f[1]);
      if (!f[3].equals("skip")) {
        assertEquals(f[3], FloatFormat.fixed(d, p, false), "%." + p + "f of " + f[1]);
      }
      assertEquals(f[4], FloatFormat.exp(d, p, false), "%." + p + "e of " + f[1]);
      assertEquals(f[5], FloatFormat.general(d, p, false, false), "%." + p + "g of " + f[1]);
      checked++;
    }
    assertEquals(true, checked > 400, "checked " + checked);
  }

  @RepeatedTest(20)
  void reprIsTheShortestTextThatReadsBack(RepetitionInfo info) {
    long seed = 0x5EEDL * info.getCurrentRepetition();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < 500; i++) {
      double d = Double.longBitsToDouble(rnd.nextLong());
      if (!Double.isFinite(d)) {
        continue;
      }
      String r = FloatFormat.repr(d);
      assertEquals(d, Double.parseDouble(r), "seed " + seed + ": " + r + " does not read back");
      FloatFormat.Digits digits = FloatFormat.shortest(Math.abs(d));
      if (digits.digits().length() > 1) {
        String shorter = digits.digits().substring(0, digits.digits().length() - 1);
        double up = Double.parseDouble("0." + shorter + "e" + digits.decpt());
        assertNotEquals(Math.abs(d), up, "seed " + seed + ": " + r + " is not the shortest");
      }
    }
  }
}
