package dev.zvm.vm;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Float to text exactly as CPython writes it. {@code repr} is the shortest string that reads back
 * as the same double (David Gay's mode 0, as CPython's {@code float_repr_style = 'short'}), laid
 * out as CPython does: fixed notation when the decimal exponent is in [-4, 16), else {@code 1e+16}
 * style. Java's {@code Double.toString} differs in layout (1.0E16, 1.0E-5, Infinity) and, on JDK
 * 17, is not always shortest, so it is not used. The printf-style forms round the exact binary
 * value half-to-even, as C's printf does ({@code '%.2f' % 0.125} is {@code 0.12}; Java's
 * {@code String.format} says 0.13).
 *
 * <p>Pure functions, no VM state. Allocates Java objects: float formatting is not a hot path.
 */
final class FloatFormat {
  private FloatFormat() {}

  /** Shortest round-tripping digits of a positive finite double: digits and decimal point position. */
  record Digits(String digits, int decpt) {}

  static Digits shortest(double a) {
    BigDecimal exact = new BigDecimal(a);
    int lo = 1;
    int hi = 17;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (candidate(exact, mid, a) != null) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    BigDecimal r = candidate(exact, lo, a);
    if (r == null) {
      r = exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }
    return digitsOf(r);
  }

  private static BigDecimal candidate(BigDecimal exact, int p, double a) {
    BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
    if (r.doubleValue() == a) {
      return r;
    }
    BigDecimal dn = exact.round(new MathContext(p, RoundingMode.FLOOR));
    BigDecimal up = exact.round(new MathContext(p, RoundingMode.CEILING));
    boolean okDn = dn.doubleValue() == a;
    boolean okUp = up.doubleValue() == a;
    if (okDn && okUp) {
      return exact.subtract(dn).compareTo(up.subtract(exact)) <= 0 ? dn : up;
    }
    return okDn ? dn : okUp ? up : null;
  }

  private static Digits digitsOf(BigDecimal r) {
    BigDecimal s = r.stripTrailingZeros();
    String digits = s.unscaledValue().abs().toString();
    return new Digits(digits, digits.length() - s.scale());
  }

  /** Python's {@code repr(float)} and {@code str(float)}. */
  static String repr(double d) {
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
    Digits g = shortest(Math.abs(d));
    String digits = g.digits;
    int decpt = g.decpt;
    int n = digits.length();
    if (decpt <= -4 || decpt > 16) {
      sb.append(digits.charAt(0));
      if (n > 1) {
        sb.append('.').append(digits, 1, n);
      }
      appendExponent(sb, decpt - 1, 'e');
    } else if (decpt <= 0) {
      sb.append("0.");
      for (int i = 0; i < -decpt; i++) {
        sb.append('0');
      }
      sb.append(digits);
    } else if (decpt >= n) {
      sb.append(digits);
      for (int i = n; i < decpt; i++) {
        sb.append('0');
      }
      sb.append(".0");
    } else {
      sb.append(digits, 0, decpt).append('.').append(digits, decpt, n);
    }
    return sb.toString();
  }

  private static void appendExponent(StringBuilder sb, int exp, char e) {
    sb.append(e).append(exp < 0 ? '-' : '+');
    int a = Math.abs(exp);
    if (a < 10) {
      sb.append('0');
    }
    sb.append(a);
  }

  private static String nonFinite(double d, boolean upper) {
    String s = Double.isNaN(d) ? "nan" : d > 0 ? "inf" : "-inf";
    return upper ? s.toUpperCase() : s;
  }

  private static boolean negative(double d) {
    return Double.doubleToRawLongBits(d) < 0;
  }

  /** C's {@code %.{prec}f}; the sign is kept for -0.0 and values rounding to zero. */
  static String fixed(double d, int prec, boolean upper) {
    if (!Double.isFinite(d)) {
      return nonFinite(d, upper);
    }
    String s = new BigDecimal(Math.abs(d)).setScale(prec, RoundingMode.HALF_EVEN).toPlainString();
    return negative(d) ? "-" + s : s;
  }

  /** C's {@code %.{prec}e}. */
  static String exp(double d, int prec, boolean upper) {
    if (!Double.isFinite(d)) {
      return nonFinite(d, upper);
    }
    StringBuilder sb = new StringBuilder();
    if (negative(d)) {
      sb.append('-');
    }
    double a = Math.abs(d);
    String digits;
    int exp;
    if (a == 0) {
      digits = "0".repeat(prec + 1);
      exp = 0;
    } else {
      BigDecimal r = new BigDecimal(a).round(new MathContext(prec + 1, RoundingMode.HALF_EVEN));
      String u = r.unscaledValue().toString();
      exp = u.length() - r.scale() - 1;
      if (u.length() < prec + 1) {
        u = u + "0".repeat(prec + 1 - u.length());
      } else if (u.length() > prec + 1) {
        u = u.substring(0, prec + 1);
      }
      digits = u;
    }
    sb.append(digits.charAt(0));
    if (prec > 0) {
      sb.append('.').append(digits, 1, prec + 1);
    }
    appendExponent(sb, exp, upper ? 'E' : 'e');
    return sb.toString();
  }

  /** C's {@code %.{prec}g}, with {@code alt} as the {@code #} flag (keep trailing zeros). */
  static String general(double d, int prec, boolean upper, boolean alt) {
    if (!Double.isFinite(d)) {
      return nonFinite(d, upper);
    }
    int p = prec == 0 ? 1 : prec;
    double a = Math.abs(d);
    int x;
    if (a == 0) {
      x = 0;
    } else {
      BigDecimal r = new BigDecimal(a).round(new MathContext(p, RoundingMode.HALF_EVEN));
      x = r.precision() - r.scale() - 1;
    }
    String s;
    if (x >= -4 && x < p) {
      s = fixed(d, p - 1 - x, upper);
    } else {
      s = exp(d, p - 1, upper);
    }
    if (!alt) {
      s = stripZeros(s);
    } else if (s.indexOf('.') < 0) {
      int e = s.indexOf(upper ? 'E' : 'e');
      s = e < 0 ? s + "." : s.substring(0, e) + "." + s.substring(e);
    }
    return s;
  }

  /** Removes trailing zeros of the fraction (and the point if nothing is left after it). */
  static String stripZeros(String s) {
    int e = s.indexOf('e');
    if (e < 0) {
      e = s.indexOf('E');
    }
    String mant = e < 0 ? s : s.substring(0, e);
    String tail = e < 0 ? "" : s.substring(e);
    if (mant.indexOf('.') >= 0) {
      int end = mant.length();
      while (mant.charAt(end - 1) == '0') {
        end--;
      }
      if (mant.charAt(end - 1) == '.') {
        end--;
      }
      mant = mant.substring(0, end);
    }
    return mant + tail;
  }

  /**
   * {@code format(x, '.{prec}')} and {@code '{:.3}'}: like 'g' but a fixed result keeps at least
   * one digit after the point, and the exponent switch uses the repr rule when no precision.
   */
  static String noType(double d, int prec) {
    if (prec < 0) {
      return repr(d);
    }
    String s = general(d, prec, false, false);
    if (Double.isFinite(d) && s.indexOf('.') < 0 && s.indexOf('e') < 0) {
      s = s + ".0";
    }
    return s;
  }

  /** CPython's {@code _Py_HashDouble} (a NaN hashes to 0 here; CPython uses its identity). */
  static long hash(double v) {
    if (!Double.isFinite(v)) {
      return Double.isNaN(v) ? 0 : v > 0 ? 314159 : -314159;
    }
    final int bits = 61;
    final long modulus = (1L << bits) - 1;
    if (v == 0) {
      return 0;
    }
    // frexp
    int e;
    double m;
    double av = Math.abs(v);
    if (av < Double.MIN_NORMAL) {
      int e0 = Math.getExponent(av * 0x1p54) + 1;
      e = e0 - 54;
      m = Math.scalb(av, -e);
    } else {
      e = Math.getExponent(av) + 1;
      m = Math.scalb(av, -e);
    }
    long sign = v < 0 ? -1 : 1;
    long x = 0;
    while (m != 0) {
      x = ((x << 28) & modulus) | x >>> (bits - 28);
      m *= 268435456.0;
      e -= 28;
      long y = (long) m;
      m -= y;
      x += y;
      if (Long.compareUnsigned(x, modulus) >= 0) {
        x -= modulus;
      }
    }
    e = e >= 0 ? e % bits : bits - 1 - ((-1 - e) % bits);
    x = ((x << e) & modulus) | x >>> (bits - e);
    x = x * sign;
    if (x == -1) {
      x = -2;
    }
    return x;
  }

  /** round(x, n): the exact value rounded half-to-even at n decimal places, as CPython does. */
  static double round(double x, int ndigits) {
    if (!Double.isFinite(x) || x == 0) {
      return x;
    }
    if (ndigits > 330) {
      return x;
    }
    if (ndigits < -330) {
      return Math.copySign(0.0, x);
    }
    double r = new BigDecimal(x).setScale(ndigits, RoundingMode.HALF_EVEN).doubleValue();
    return r == 0 ? Math.copySign(0.0, x) : r;
  }
}
