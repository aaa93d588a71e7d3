package dev.zvm.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * {@link DecimalDigits} against {@code BigDecimal}, which rounds the exact binary value half-even
 * as CPython's dtoa does: both of its ways (the 64/128-bit one and the big-integer expansion) on
 * seeded random doubles of every kind, each value at several precisions. A failure names the seed
 * and the value's bits.
 */
class DecimalDigitsTest {
  /** The reference: {@code digits@decpt}, the layout-free form {@link DecimalDigits} produces. */
  private static String reference(BigDecimal r) {
    if (r.signum() == 0) {
      return "0@1";
    }
    BigDecimal s = r.stripTrailingZeros();
    String digits = s.unscaledValue().toString();
    return digits + "@" + (digits.length() - s.scale());
  }

  private static String got(DecimalDigits d) {
    return new String(d.digits, 0, d.count, StandardCharsets.ISO_8859_1) + "@" + d.decpt;
  }

  private static void check(DecimalDigits d, double a, int prec, long seed) {
    BigDecimal exact = new BigDecimal(Math.abs(a));
    String where = "seed " + seed + ", bits 0x" + Long.toHexString(Double.doubleToRawLongBits(a)) + " (" + a + ")";
    d.fixed(a, prec);
    assertEquals(reference(exact.setScale(prec, RoundingMode.HALF_EVEN)), got(d), "%." + prec + "f of " + where);
    int n = prec + 1;
    d.significant(a, n);
    String want = a == 0 ? "0@1" : reference(exact.round(new MathContext(n, RoundingMode.HALF_EVEN)));
    assertEquals(want, got(d), n + " significant digits of " + where);
  }

  /** Values of every kind: random bits, everyday decimals, ties, subnormals, huge and tiny. */
  private static DoubleSupplier values(SplittableRandom rnd) {
    return () -> {
      switch (rnd.nextInt(7)) {
        case 0:
          return Double.longBitsToDouble(rnd.nextLong() & Long.MAX_VALUE); // may be inf or nan: skipped
        case 1: // a decimal of few digits: 2.675, 0.125, 1234.5
          return Double.parseDouble(rnd.nextLong(1, 100_000_000) + "e" + rnd.nextInt(-12, 8));
        case 2: // an exact binary tie at some decimal place: k + 0.5, (2k+1) / 2^j
          return Math.scalb((double) (2 * rnd.nextLong(0, 1L << 40) + 1), -rnd.nextInt(1, 12));
        case 3:
          return Double.longBitsToDouble(rnd.nextLong(1, 1L << 52)); // subnormal
        case 4:
          return rnd.nextDouble() * Math.pow(10, rnd.nextInt(-20, 25));
        case 5: // an integer, up to 2^63 and past it
          return (double) rnd.nextLong(0, Long.MAX_VALUE) / (1L << rnd.nextInt(0, 40));
        default:
          return Math.scalb(1.0, rnd.nextInt(-1074, 1024)) * (rnd.nextBoolean() ? 1 : 0.75);
      }
    };
  }

  @Test
  void bothWaysRoundAsBigDecimalDoes() {
    long seed = 0xD161_7500L;
    SplittableRandom rnd = new SplittableRandom(seed);
    DoubleSupplier next = values(rnd);
    DecimalDigits fast = new DecimalDigits();
    DecimalDigits slow = new DecimalDigits();
    slow.slowOnly = true;
    int checked = 0;
    while (checked < 40_000) {
      double a = next.getAsDouble();
      if (!Double.isFinite(a)) {
        continue;
      }
      a = rnd.nextBoolean() ? a : -a;
      int prec = rnd.nextInt(8) == 0 ? rnd.nextInt(0, 60) : rnd.nextInt(0, 18);
      check(fast, a, prec, seed);
      check(slow, a, prec, seed);
      checked++;
    }
    assertTrue(fast.slowCount < checked, "the fast way took " + (checked - fast.slowCount) + " values");
  }

  @Test
  void edgesRoundAsBigDecimalDoes() {
    double[] edges = {
      0.0, -0.0, 0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 1.005, 0.05, 0.15, 0.25, 0.35, 99.995, 9.9999995,
      1e22, 1e23, 1e15 + 0.5, 9007199254740993.0, 4503599627370495.5, Double.MIN_VALUE, Double.MIN_NORMAL,
      Double.MAX_VALUE, 0.1, 1.0 / 3, 123456789.125, 1e-5, 1e16, 9.5, 0.95, 999.5, 9999999999999999e-5,
      Math.scalb(1.0, 63), Math.scalb(1.0, 64), Math.scalb(1.0, -64), 5e-324, 1.7976931348623157e308,
    };
    DecimalDigits fast = new DecimalDigits();
    DecimalDigits slow = new DecimalDigits();
    slow.slowOnly = true;
    for (double a : edges) {
      for (int prec = 0; prec <= 40; prec++) {
        check(fast, a, prec, 0);
        check(slow, a, prec, 0);
      }
    }
  }

  @Test
  void neitherWayAllocates() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    DecimalDigits d = new DecimalDigits();
    SplittableRandom rnd = new SplittableRandom(0xA110CL);
    double[] values = new double[1024];
    DoubleSupplier next = values(rnd);
    for (int i = 0; i < values.length; i++) {
      double a = next.getAsDouble();
      values[i] = Double.isFinite(a) ? a : 1.0;
    }
    long sink = 0;
    for (int round = 0; round < 2; round++) {
      long before = threads.getThreadAllocatedBytes(thread);
      for (int i = 0; i < 50_000; i++) {
        d.fixed(values[i & 1023], i % 40);
        sink += d.count;
        d.significant(values[i & 1023], 1 + i % 30);
        sink += d.decpt;
      }
      long allocated = threads.getThreadAllocatedBytes(thread) - before;
      if (round == 1) {
        assertTrue(allocated < 1024, "allocated " + allocated + " bytes (" + sink + ")");
      }
    }
  }
}
