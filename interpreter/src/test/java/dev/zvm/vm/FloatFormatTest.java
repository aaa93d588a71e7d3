package dev.zvm.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Float text: CPython's own output for ~430 values, seeded properties of repr, and the
 * allocation-free {@code reprInto} against the BigDecimal reference {@code shortestReference}.
 */
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
        assertEquals(f[3], printf(d, 'f', p), "%." + p + "f of " + f[1]);
      }
      assertEquals(f[4], printf(d, 'e', p), "%." + p + "e of " + f[1]);
      assertEquals(f[5], printf(d, 'g', p), "%." + p + "g of " + f[1]);
      checked++;
    }
    assertEquals(true, checked > 400, "checked " + checked);
  }

  /** C's {@code %.{p}f}, {@code e} or {@code g} of d, with its sign. */
  private static String printf(double d, char type, int p) {
    byte[] out = new byte[(int) FloatFormat.maxLength(type, p, 0)];
    int n = FloatFormat.format(d, type, p, 0, new DecimalDigits(), out, 0);
    String s = new String(out, 0, n, StandardCharsets.ISO_8859_1);
    return Double.doubleToRawLongBits(d) < 0 && !Double.isNaN(d) ? "-" + s : s;
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
      FloatFormat.Digits digits = FloatFormat.shortestReference(Math.abs(d));
      if (digits.digits().length() > 1) {
        String shorter = digits.digits().substring(0, digits.digits().length() - 1);
        double up = Double.parseDouble("0." + shorter + "e" + digits.decpt());
        assertNotEquals(Math.abs(d), up, "seed " + seed + ": " + r + " is not the shortest");
      }
    }
  }

  /** The layout repr had before reprInto, over the reference digits. */
  private static String referenceRepr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return (Double.doubleToRawLongBits(d) < 0) ? "-0.0" : "0.0";
    }
    StringBuilder sb = new StringBuilder(24);
    if (d < 0) {
      sb.append('-');
    }
    FloatFormat.Digits g = FloatFormat.shortestReference(Math.abs(d));
    String digits = g.digits();
    int decpt = g.decpt();
    int n = digits.length();
    if (decpt <= -4 || decpt > 16) {
      sb.append(digits.charAt(0));
      if (n > 1) {
        sb.append('.').append(digits, 1, n);
      }
      int exp = decpt - 1;
      sb.append('e').append(exp < 0 ? '-' : '+');
      if (Math.abs(exp) < 10) {
        sb.append('0');
      }
      sb.append(Math.abs(exp));
    } else if (decpt <= 0) {
      sb.append("0.").append("0".repeat(-decpt)).append(digits);
    } else if (decpt >= n) {
      sb.append(digits).append("0".repeat(decpt - n)).append(".0");
    } else {
      sb.append(digits, 0, decpt).append('.').append(digits, decpt, n);
    }
    return sb.toString();
  }

  /**
   * Compares reprInto, writing over its own earlier output in one buffer, and repr with the layout
   * of the reference digits; counts the values.
   */
  private static final class Checker implements DoubleConsumer {
    final long seed;
    final byte[] out = new byte[32];
    int count;

    Checker(long seed) {
      this.seed = seed;
      Arrays.fill(out, (byte) '#');
    }

    @Override
    public void accept(double d) {
      String expected = referenceRepr(d);
      int n = FloatFormat.reprInto(d, out);
      String got = new String(out, 0, n, StandardCharsets.ISO_8859_1);
      if (!expected.equals(got) || !expected.equals(FloatFormat.repr(d))) {
        String where = "seed " + seed + ", bits " + Long.toHexString(Double.doubleToRawLongBits(d));
        assertEquals(expected, got, where);
        assertEquals(expected, FloatFormat.repr(d), where);
      }
      count++;
    }
  }

  @Test
  void reprMatchesReferenceAtTheEdges() {
    Checker check = new Checker(0);
    double[] fixed = {
      0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1e16, 1e-4, 1e-5, 0.0001,
      1e23, 5e-324, 9007199254740993.0, 0.1, 0.3, 2.0 / 3, 123456789012345678.0, 1e22, 1e21,
    };
    for (double d : fixed) {
      check.accept(d);
      check.accept(-d);
      double up = d;
      double down = d;
      for (int i = 0; i < 50; i++) {
        up = Math.nextUp(up);
        down = Math.nextDown(down);
        check.accept(up);
        check.accept(down);
      }
    }
    for (long c = 1; c < 5000; c++) { // the smallest subnormals, where digits are few
      check.accept(Double.longBitsToDouble(c));
    }
    for (int e = -1074; e <= 1023; e++) { // powers of two and their neighbours
      double p = Math.scalb(1.0, e);
      check.accept(p);
      check.accept(Math.nextUp(p));
      check.accept(Math.nextDown(p));
      check.accept(Math.scalb(3.0, e - 1));
    }
    for (int e = -325; e <= 308; e++) { // powers of ten and their neighbours
      double p = Double.parseDouble("1e" + e);
      for (int i = -3; i <= 3; i++) {
        double d = p;
        for (int j = 0; j < Math.abs(i); j++) {
          d = i < 0 ? Math.nextDown(d) : Math.nextUp(d);
        }
        check.accept(d);
      }
    }
    assertTrue(check.count > 19_000, "checked " + check.count);
  }

  @Test
  void decimalExponentEstimatesAreExactFloors() {
    for (int q = -1100; q <= 1100; q++) {
      BigDecimal p = q >= 0 ? new BigDecimal(java.math.BigInteger.ONE.shiftLeft(q))
          : BigDecimal.ONE.divide(new BigDecimal(java.math.BigInteger.ONE.shiftLeft(-q)));
      assertEquals(floorLog10(p), FloatFormat.floorLog10Pow2(q), "log10 2^" + q);
      BigDecimal t = p.multiply(new BigDecimal("0.75"));
      assertEquals(floorLog10(t), FloatFormat.floorLog10ThreeQuartersPow2(q), "log10 3/4 2^" + q);
    }
  }

  private static int floorLog10(BigDecimal x) {
    return x.precision() - x.scale() - 1;
  }

  /** Multiplies the random counts for a longer soak: -Dzvm.floatformat.scale=10. */
  private static final int SCALE = Integer.getInteger("zvm.floatformat.scale", 1);

  /**
   * Runs {@code generate} in 8 seeded chunks on the common pool (the reference costs 2 to 20 us a
   * value, most for large exponents, so the mix leans on the fixed range), each until its checker
   * has seen count / 8 values. The five random tests check 2.05 million values together.
   */
  private static void checkInChunks(
      long seed, int count, BiConsumer<SplittableRandom, Checker> generate) {
    int chunks = 8;
    int checked = IntStream.range(0, chunks).parallel().map(chunk -> {
      SplittableRandom rnd = new SplittableRandom(seed + chunk);
      Checker check = new Checker(seed + chunk);
      while (check.count < (long) count * SCALE / chunks) {
        generate.accept(rnd, check);
      }
      return check.count;
    }).sum();
    assertTrue(checked >= count * SCALE, "checked " + checked);
  }

  @Test
  void reprMatchesReferenceOnRandomBits() {
    checkInChunks(0xB175L, 60_000, (rnd, check) -> {
      double d = Double.longBitsToDouble(rnd.nextLong());
      if (Double.isFinite(d)) {
        check.accept(d);
      }
    });
  }

  @Test
  void reprMatchesReferenceOnDecimals() {
    checkInChunks(0xDEC1L, 250_000, (rnd, check) -> {
      long k = rnd.nextLong(1, 1L << rnd.nextInt(1, 58));
      // mostly everyday scales; one in eight anywhere in range
      int j = rnd.nextInt(8) == 0 ? rnd.nextInt(0, 330) : rnd.nextInt(0, 25);
      double d = rnd.nextBoolean()
          ? Double.parseDouble(k + "e-" + j) : Double.parseDouble(k + "e" + (j % 300));
      if (Double.isFinite(d) && d != 0) {
        check.accept(rnd.nextBoolean() ? d : -d);
      }
    });
  }

  @Test
  void reprMatchesReferenceOnSeventeenDigitsAndSubnormals() {
    checkInChunks(0x17D1L, 80_000, (rnd, check) -> {
      long k = rnd.nextLong(10_000_000_000_000_000L, 100_000_000_000_000_000L);
      double d = Double.parseDouble(k + "e" + rnd.nextInt(-340, 292));
      if (Double.isFinite(d) && d != 0) {
        check.accept(d);
      }
      check.accept(Double.longBitsToDouble(rnd.nextLong(1, 1L << 52))); // subnormal
    });
  }

  @Test
  void reprMatchesReferenceNearPowersOfTwoAndTen() {
    checkInChunks(0x2A10L, 60_000, (rnd, check) -> {
      double p = rnd.nextBoolean()
          ? Math.scalb(1.0, rnd.nextInt(-1074, 1024))
          : Double.parseDouble("1e" + rnd.nextInt(-323, 309));
      long bits = Double.doubleToRawLongBits(p) + rnd.nextLong(-1000, 1000);
      double d = Double.longBitsToDouble(bits);
      if (Double.isFinite(d) && d > 0) {
        check.accept(d);
      }
    });
  }

  @Test
  void reprMatchesReferenceInTheFixedRange() {
    checkInChunks(0x5A11L, 1_600_000, (rnd, check) -> {
      // the fixed-notation range and its edges, 1e-4 and 1e16, with any number of digits
      double d = rnd.nextDouble() * Math.pow(10, rnd.nextInt(-6, 19));
      if (d != 0) {
        check.accept(rnd.nextBoolean() ? d : -d);
      }
    });
  }

  @Test
  void reprIntoAllocatesNothing() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    byte[] out = new byte[32];
    double[] values = new double[1024];
    SplittableRandom rnd = new SplittableRandom(0xA110CL);
    for (int i = 0; i < values.length; i++) {
      double d = Double.longBitsToDouble(rnd.nextLong());
      values[i] = i % 4 == 0 ? Math.rint(d) : i % 4 == 1 ? 1.0 / (i + 1) : d;
    }
    long sink = 0;
    for (int i = 0; i < 100_000; i++) {
      sink += FloatFormat.reprInto(values[i & 1023], out);
    }
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 100_000; i++) {
      sink += FloatFormat.reprInto(values[i & 1023], out);
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    assertTrue(sink > 0);
    assertTrue(allocated < 16 * 1024, "reprInto allocated " + allocated + " bytes in 100k calls");
  }
}
