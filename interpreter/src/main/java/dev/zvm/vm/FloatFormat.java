package dev.zvm.vm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Float to text exactly as CPython writes it. {@code repr} is the shortest string that reads back
 * as the same double (David Gay's mode 0, as CPython's {@code float_repr_style = 'short'}), laid
 * out as CPython does: fixed notation when the decimal exponent is in [-4, 16), else {@code 1e+16}
 * style. Java's {@code Double.toString} differs in layout (1.0E16, 1.0E-5, Infinity) and, on JDK
 * 17, is not always shortest, so it is not used. The printf-style forms ({@link #format}: {@code %e},
 * {@code %f}, {@code %g} and {@code format()}'s types) round the exact binary value half-to-even,
 * as CPython's dtoa does ({@code '%.2f' % 0.125} is {@code 0.12}; Java's {@code String.format}
 * says 0.13); {@link DecimalDigits} computes those digits.
 *
 * <p>Pure functions, no VM state, no allocation: {@link #reprInto} takes Schubfach's digits (see
 * {@link #shortest}), {@link #format} a caller's {@link DecimalDigits}.
 */
final class FloatFormat {
  private FloatFormat() {}

  // Shortest digits: Schubfach (Raffaello Giulietti, "The Schubfach way to render doubles").
  //
  // A positive finite double is v = c * 2^q, c its integer significand (hidden bit included).
  // Every real in its rounding interval reads back as v: v - ulp/2 .. v + ulp/2, closed when c is
  // even (a tie reads as the even neighbour), open when c is odd; when c = 2^52 above the
  // subnormals the double below is only ulp/2 away, so the lower half is ulp/4 wide. With
  // 10^k <= width < 10^(k+1), the interval scaled by 10^-k is 1 to 10 wide: it holds an integer and
  // at most one multiple of 10. Its bounds and v are computed, scaled, to two fractional bits and
  // rounded to odd (the floor, low bit set when not an integer): candidates are integers, so every
  // comparison with them below is exact. 10^-k comes from a 126-bit table rounded up, so a scaled
  // value is overestimated by less than 2^-67; the paper shows that a scaled value that is not an
  // integer lies further than that from the integers around it, so floor and low bit are exact.
  //
  // The choice among candidates is CPython's, not the paper's (which keeps two digits at least and
  // looks one digit shorter only): the largest power of ten with a multiple in the interval gives
  // the fewest digits; from 10 up that multiple is unique, as the interval is less than 10 wide,
  // and at 1 the closer of the integers around v is taken, the even one on a tie.

  private static final long MASK_63 = (1L << 63) - 1;
  /** The 10^e table covers e = -k for every double, subnormals and the ulp/4 case included. */
  private static final int POW10_MIN = -292;
  private static final int POW10_MAX = 324;
  /** High 63 bits of g(e) = floor(10^e * 2^(125 - floor(log2(10^e)))) + 1, in [2^125, 2^126). */
  private static final long[] POW10_HI = new long[POW10_MAX - POW10_MIN + 1];
  /** Low 63 bits of g(e). */
  private static final long[] POW10_LO = new long[POW10_MAX - POW10_MIN + 1];
  /** floor(log2(10^e)). */
  private static final int[] POW10_LOG2 = new int[POW10_MAX - POW10_MIN + 1];
  /** 10^0 .. 10^18. */
  /** 10^0 .. 10^18: the powers of ten a long holds (also DecimalDigits'). */
  static final long[] POW10_LONG = new long[19];

  static {
    for (int e = POW10_MIN; e <= POW10_MAX; e++) {
      BigInteger p = BigInteger.TEN.pow(Math.abs(e));
      int log2;
      BigInteger g;
      if (e >= 0) {
        log2 = p.bitLength() - 1;
        g = log2 >= 125 ? p.shiftRight(log2 - 125) : p.shiftLeft(125 - log2);
      } else {
        log2 = -p.bitLength(); // 10^-e is not a power of two, so log2(10^e) is not an integer
        g = BigInteger.ONE.shiftLeft(p.bitLength() + 125).divide(p);
      }
      g = g.add(BigInteger.ONE);
      int i = e - POW10_MIN;
      POW10_HI[i] = g.shiftRight(63).longValueExact();
      POW10_LO[i] = g.longValue() & MASK_63;
      POW10_LOG2[i] = log2;
    }
    long p = 1;
    for (int i = 0; i < POW10_LONG.length; i++, p *= 10) {
      POW10_LONG[i] = p;
    }
  }

  /** floor(log10(2^q)) for |q| <= 1100; 661971961083 / 2^41 is log10(2) rounded down. */
  static int floorLog10Pow2(int q) {
    return (int) ((q * 661971961083L) >> 41);
  }

  /** floor(log10(3/4 * 2^q)) for |q| <= 1100; 274743187321 / 2^41 is log10(4/3) rounded down. */
  static int floorLog10ThreeQuartersPow2(int q) {
    return (int) ((q * 661971961083L - 274743187321L) >> 41);
  }

  /**
   * Shortest digits of a positive finite double, chosen as CPython (David Gay's mode 0) chooses:
   * the fewest significant digits that read back as {@code a}; among those, the closest to
   * {@code a}; of two equally close, the even one. Returns the significand (at most 17 digits, no
   * trailing zeros) and stores the decimal exponent e, with a = significand * 10^e once read back,
   * in {@code exp10[0..1]} as a big-endian 16-bit value (read it with {@link #exponent}). The
   * pair holds about 66 bits of information, so it cannot be packed in a long; a byte scratch lets
   * {@link #reprInto} lend its own buffer. No allocation.
   *
   * <p>{@link #shortestReference} is the slow reference the tests compare this with.
   */
  static long shortest(double a, byte[] exp10) {
    long bits = Double.doubleToRawLongBits(a);
    int biased = (int) (bits >>> 52);
    long fraction = bits & ((1L << 52) - 1);
    long c = biased == 0 ? fraction : fraction | 1L << 52;
    int q = biased == 0 ? -1074 : biased - 1075;
    int open = (int) c & 1;
    long cb = c << 2; // v, lower and upper bound in units of 2^(q-2)
    long cbl;
    int k;
    if (fraction == 0 && biased > 1) {
      cbl = cb - 1;
      k = floorLog10ThreeQuartersPow2(q);
    } else {
      cbl = cb - 2;
      k = floorLog10Pow2(q);
    }
    long cbr = cb + 2;
    int i = -k - POW10_MIN;
    long g1 = POW10_HI[i];
    long g0 = POW10_LO[i];
    int h = q + POW10_LOG2[i] + 2; // 2..5: scaled = (cb << h) * g / 2^127
    long vb = scaleRoundToOdd(g1, g0, cb << h);
    long vbl = scaleRoundToOdd(g1, g0, cbl << h);
    long vbr = scaleRoundToOdd(g1, g0, cbr << h);
    long lower = vbl + open; // integer u is in the interval iff lower <= 4u && 4u <= upper
    long upper = vbr - open;

    // The fewest digits: the largest power of ten p with a multiple in the interval. From p = 10
    // up there is at most one, the multiple just below v or the one just above. The loop ends by
    // p = 10^18, as the upper bound is below 10^17 (so shifted, 4 * 1.1 * 10^18 fits a long).
    long s = vb >> 2; // floor(v scaled)
    long quotient = s;
    long p = 1;
    long significand = 0;
    int m = 0;
    while (true) {
      long nextQuotient = quotient / 10;
      long nextP = p * 10;
      long below = nextQuotient * nextP;
      if (lower <= below << 2) {
        significand = nextQuotient;
      } else if ((below + nextP) << 2 <= upper) {
        significand = nextQuotient + 1;
      } else {
        break;
      }
      quotient = nextQuotient;
      p = nextP;
      m++;
    }
    if (m == 0) {
      // Only integers: s or s + 1, whichever is in; if both, the closer to v, on a tie the even.
      boolean sIn = lower <= s << 2;
      boolean tIn = (s + 1) << 2 <= upper;
      long cmp = vb - ((s << 2) + 2);
      boolean takeS = sIn && (!tIn || cmp < 0 || cmp == 0 && (s & 1) == 0);
      significand = takeS ? s : s + 1;
    }
    int e = k + m;
    exp10[0] = (byte) (e >> 8);
    exp10[1] = (byte) e;
    return significand;
  }

  /** The decimal exponent {@link #shortest} stored. */
  static int exponent(byte[] exp10) {
    return exp10[0] << 8 | exp10[1] & 0xFF;
  }

  /**
   * (cp * g) / 2^127 rounded to odd, g = g1 * 2^63 + g0: the floor, with the low bit set when
   * the fraction is at least 2^-63 (a product of an integer scaled value exceeds it by less than
   * 2^-67, as g exceeds 10^-k by less than one unit and cp < 2^61).
   */
  private static long scaleRoundToOdd(long g1, long g0, long cp) {
    long yHigh = Math.multiplyHigh(g1, cp); // g1 * cp, weight 2^63
    long yLow = g1 * cp;
    long xHigh = Math.multiplyHigh(g0, cp); // g0 * cp, weight 1
    long xLow = g0 * cp;
    long low = xLow + (yLow << 63); // weight 1, with its carry into weight 2^64
    long carry = Long.compareUnsigned(low, xLow) < 0 ? 1 : 0;
    long mid = (yLow >>> 1) + xHigh + carry; // weight 2^64: bit 63 carries into the integer
    long floor = yHigh + (mid >>> 63);
    return floor | ((mid & MASK_63) + MASK_63) >>> 63;
  }

  /**
   * The BigDecimal search the tests compare {@link #shortest} against: the fewest digits that
   * read back, the closest of those, half-to-even. Slow and allocating; not for the VM.
   */
  static Digits shortestReference(double a) {
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

  /** Digits of a positive finite double as {@link #shortestReference} returns them. */
  record Digits(String digits, int decpt) {}

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
    byte[] out = new byte[32];
    int n = reprInto(d, out);
    return new String(out, 0, n, StandardCharsets.ISO_8859_1);
  }

  /**
   * Writes {@code repr(d)} as ASCII to {@code out} (at least 32 bytes; the longest repr is 24) and
   * returns its length. Fixed notation when the decimal exponent of the first digit is in
   * [-4, 16), else {@code d.ddde+XX}; {@code nan}, {@code inf}, {@code -inf}, {@code -0.0}. No
   * allocation.
   *
   * <p>{@link #repr} copies this into a String; a caller with a buffer of its own can skip both.
   */
  static int reprInto(double d, byte[] out) {
    int n = 0;
    if (Double.isNaN(d)) {
      return put('n', 'a', 'n', out, 0);
    }
    if (negative(d)) {
      out[n++] = '-';
    }
    if (Double.isInfinite(d)) {
      return put('i', 'n', 'f', out, n);
    }
    if (d == 0) {
      return put('0', '.', '0', out, n);
    }
    long significand = shortest(Math.abs(d), out); // out[0..1] lent as the exponent scratch
    int e = exponent(out);
    if (n > 0) {
      out[0] = '-'; // the scratch overwrote the sign
    }
    int len = digitCount(significand);
    int decpt = len + e;
    if (decpt <= -4 || decpt > 16) {
      // d.ddd: the digits written one place to the right, then the first moved before the point
      writeDigits(significand, len, out, n + 1);
      out[n] = out[n + 1];
      n++;
      if (len > 1) {
        out[n] = '.';
        n += len;
      }
      return writeExponent(decpt - 1, 'e', out, n);
    }
    if (decpt <= 0) {
      out[n++] = '0';
      out[n++] = '.';
      for (int z = 0; z < -decpt; z++) {
        out[n++] = '0';
      }
      return writeDigits(significand, len, out, n);
    }
    if (decpt >= len) {
      n = writeDigits(significand, len, out, n);
      for (int z = len; z < decpt; z++) {
        out[n++] = '0';
      }
      out[n++] = '.';
      out[n++] = '0';
      return n;
    }
    int end = writeDigits(significand, len, out, n + 1);
    System.arraycopy(out, n + 1, out, n, decpt);
    out[n + decpt] = '.';
    return end;
  }

  private static int put(char c0, char c1, char c2, byte[] out, int at) {
    out[at] = (byte) c0;
    out[at + 1] = (byte) c1;
    out[at + 2] = (byte) c2;
    return at + 3;
  }

  /** The decimal digits of {@code v} (0 or more): 1 to 19. */
  static int digitCount(long v) {
    int len = 1;
    while (len < POW10_LONG.length && v >= POW10_LONG[len]) {
      len++;
    }
    return len;
  }

  /** Writes the len decimal digits of v at out[at..]; returns the end. */
  private static int writeDigits(long v, int len, byte[] out, int at) {
    int end = at + len;
    for (int i = end - 1; i >= at; i--) {
      out[i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    return end;
  }

  /**
   * Writes the exponent as C's printf does: {@code e} (or {@code E}), the sign, then at least two
   * digits ({@code e+05}, {@code e-123}), at {@code out[at..]}; returns the end.
   */
  private static int writeExponent(int exp, char e, byte[] out, int at) {
    out[at++] = (byte) e;
    out[at++] = (byte) (exp < 0 ? '-' : '+');
    int a = Math.abs(exp);
    if (a >= 100) {
      out[at++] = (byte) ('0' + a / 100);
      a %= 100;
    }
    out[at++] = (byte) ('0' + a / 10);
    out[at++] = (byte) ('0' + a % 10);
    return at;
  }

  private static boolean negative(double d) {
    return Double.doubleToRawLongBits(d) < 0;
  }

  /** {@link #format}'s flags, CPython's {@code Py_DTSF_ALT}: keep the point and trailing zeros. */
  static final int ALT = 1;
  /** {@code Py_DTSF_ADD_DOT_0}: {@code format(x, '.3')}, an integral result gets {@code .0}. */
  static final int ADD_DOT_0 = 2;

  /** An upper bound of {@link #format}'s length for this type, precision and flags. */
  static long maxLength(char type, int precision, int flags) {
    switch (type | 0x20) {
      case 'e':
        return precision + 10L;
      case 'f':
        return precision + 320L; // 309 digits before the point at most
      default: // 'g' and 'r': 767 significant digits at most, unless # keeps the zeros up to the precision
        return ((flags & ALT) != 0 ? Math.max(precision, 800) : 800) + 20L;
    }
  }

  /**
   * CPython's {@code PyOS_double_to_string} without the sign: |d| as {@code '%.{precision}e'},
   * {@code f}, {@code g} (upper case: {@code E}, {@code INF}), or {@code r} ({@code repr}'s
   * digits; the precision is unused), with the {@link #ALT} and {@link #ADD_DOT_0} flags, written
   * at {@code out[at..]} (at least {@link #maxLength} bytes); returns the end. {@code dd} holds the
   * rounded digits afterwards (the one digit {@code 0} when |d| rounded to zero). No allocation.
   *
   * <p>The layout is CPython's {@code format_float_short}: the output is a window
   * {@code [start, end)} on the digits padded with zeros on both sides, around the decimal point.
   */
  static int format(double d, char type, int precision, int flags, DecimalDigits dd, byte[] out, int at) {
    boolean upper = type <= 'Z';
    char code = (char) (type | 0x20);
    if (!Double.isFinite(d)) {
      int n = Double.isNaN(d) ? put('n', 'a', 'n', out, at) : put('i', 'n', 'f', out, at);
      for (int i = at; upper && i < n; i++) {
        out[i] &= ~0x20;
      }
      return n;
    }
    boolean alt = (flags & ALT) != 0;
    boolean addDot0 = (flags & ADD_DOT_0) != 0;
    int p = code == 'e' ? precision + 1 : code == 'g' && precision == 0 ? 1 : precision;
    if (code == 'f') {
      dd.fixed(d, p);
    } else if (code == 'r') {
      dd.shortest(d);
    } else {
      dd.significant(d, p);
    }
    int len = dd.count;
    int decpt = dd.decpt;
    int end = len;
    boolean useExp;
    switch (code) {
      case 'e':
        useExp = true;
        end = p;
        break;
      case 'f':
        useExp = false;
        end = decpt + p;
        break;
      case 'g':
        useExp = decpt <= -4 || decpt > (addDot0 ? p - 1 : p);
        end = alt ? p : len;
        break;
      default:
        useExp = decpt <= -4 || decpt > 16;
    }
    int exp = decpt - 1;
    if (useExp) {
      decpt = 1;
    }
    int start = decpt <= 0 ? decpt - 1 : 0;
    end = Math.max(end, !useExp && addDot0 ? decpt + 1 : decpt);
    int n = at;
    if (decpt <= 0) {
      n = zeros(out, n, decpt - start);
      out[n++] = '.';
      n = zeros(out, n, -decpt);
    }
    byte[] digits = dd.digits;
    if (0 < decpt && decpt <= len) {
      System.arraycopy(digits, 0, out, n, decpt);
      n += decpt;
      out[n++] = '.';
      System.arraycopy(digits, decpt, out, n, len - decpt);
      n += len - decpt;
    } else {
      System.arraycopy(digits, 0, out, n, len);
      n += len;
    }
    if (len < decpt) {
      n = zeros(out, n, decpt - len);
      out[n++] = '.';
      n = zeros(out, n, end - decpt);
    } else {
      n = zeros(out, n, end - len);
    }
    if (out[n - 1] == '.' && !alt) {
      n--;
    }
    return useExp ? writeExponent(exp, upper ? 'E' : 'e', out, n) : n;
  }

  private static int zeros(byte[] out, int at, int n) {
    for (int i = 0; i < n; i++) {
      out[at + i] = '0';
    }
    return at + Math.max(n, 0);
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
