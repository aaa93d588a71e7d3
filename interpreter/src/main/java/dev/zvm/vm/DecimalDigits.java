package dev.zvm.vm;

/**
 * The decimal digits of a double, rounded as CPython's {@code _Py_dg_dtoa} rounds them for the
 * printf-style forms: half-to-even on the exact binary value ({@code '%.2f' % 0.125} is
 * {@code 0.12}, {@code '%.2f' % 2.675} is {@code 2.67}, as 2.675 is really 2.67499999...). Mode 3
 * ({@link #fixed}: a number of digits after the point, C's {@code %.Nf}), mode 2
 * ({@link #significant}: a number of significant digits, {@code %.Ne} and {@code %.Ng}) and mode 0
 * ({@link #shortest}, {@code repr}'s digits, from {@link FloatFormat#shortest}).
 *
 * <p>The result is {@code digits[0 .. count)}, ASCII, without leading or trailing zeros, and
 * {@code decpt}: the value is {@code 0.d1d2d3... * 10^decpt}. Zero, and a value that rounds to
 * zero, is the one digit {@code 0} with {@code decpt} 1, as dtoa gives for 0.0 (the layouts then
 * write the same text as for dtoa's empty digit string).
 *
 * <p>Allocation-free, always exact. Two ways: when the rounded result fits 18 digits and the scale
 * is within 10^27 (every {@code %.2f} of an everyday number, {@code %e} and {@code %g} of numbers
 * between about 1e-11 and 1e17 with up to 17 digits), 64- and 128-bit integer arithmetic
 * ({@link Math#multiplyHigh}) computes the scaled value and its remainder exactly. Otherwise
 * (huge or tiny exponents, more than 17 digits, {@code %.30f}) the double is expanded in full into
 * its exact decimal digits (at most 767 of them, for the smallest subnormals) with a small big
 * integer in a preallocated array, and the digit string is rounded. That way costs some
 * microseconds at the extremes, but it allocates nothing either; {@code DecimalDigitsTest} compares
 * both with {@code BigDecimal}.
 *
 * <p>One instance per VM (the formatter's); not thread-safe, not re-entrant (nothing it calls runs
 * Python).
 */
final class DecimalDigits {
  /** The exact expansion of the smallest subnormal has 767 significant digits. */
  private static final int MAX_DIGITS = 800;
  /** 53 + 1074 * log2(5) = 2547 bits for m * 5^1074; 1024 for m * 2^971. */
  private static final int BIG_WORDS = 84;
  private static final long BILLION = 1_000_000_000L;
  /** 5^0 .. 5^27: the powers of five below 2^63. */
  private static final long[] POW5 = new long[28];
  private static final long[] POW10 = FloatFormat.POW10_LONG;

  static {
    POW5[0] = 1;
    for (int i = 1; i < POW5.length; i++) {
      POW5[i] = POW5[i - 1] * 5;
    }
  }

  final byte[] digits = new byte[MAX_DIGITS];
  int count;
  int decpt;

  /** Little-endian 32-bit words of the big integer the slow way expands. */
  private final int[] big = new int[BIG_WORDS];
  private int bigLength;
  /** {@link FloatFormat#shortest}'s exponent. */
  private final byte[] exp10 = new byte[2];
  /** Base-10^9 chunks of the big integer, least significant first. */
  private final int[] chunks = new int[BIG_WORDS + 4];

  /** The double being converted is m * 2^e, m odd and below 2^53 ({@link #load}). */
  private long m;
  private int e;

  /** How {@link #scaled} left the part it dropped: exact, below, at or above one half. */
  private static final int EXACT = 0;
  private static final int BELOW_HALF = 1;
  private static final int HALF = 2;
  private static final int ABOVE_HALF = 3;
  private int tail;

  /** Counts the values that took the big-integer way, for tests. */
  long slowCount;
  /** For tests: always the big-integer way. */
  boolean slowOnly;

  /** |a| (finite) rounded half-even to {@code prec} digits after the point: dtoa's mode 3. */
  void fixed(double a, int prec) {
    if (!load(a)) {
      return;
    }
    if (prec <= 27 && !slowOnly) {
      long q = scaled(prec);
      if (q >= 0) {
        setRounded(q, prec);
        return;
      }
    }
    expand();
    roundAt(decpt + prec);
  }

  /** |a| (finite) rounded half-even to {@code n >= 1} significant digits: dtoa's mode 2. */
  void significant(double a, int n) {
    if (!load(a)) {
      return;
    }
    if (n <= 17 && !slowOnly) {
      // a is in [2^g, 2^(g+1)), so its decimal exponent is E or E + 1
      int g = 63 - Long.numberOfLeadingZeros(m) + e;
      int k = n - 1 - FloatFormat.floorLog10Pow2(g); // a * 10^k has n digits, or n + 1
      long q = k >= -18 && k <= 27 ? scaled(k) : -1;
      if (q >= POW10[n] && k - 1 >= -18) {
        q = scaled(--k);
      }
      if (q >= 0 && q < POW10[n]) {
        setRounded(q, k);
        return;
      }
    }
    expand();
    roundAt(n);
  }

  /** The shortest digits that read back as |a| (finite): dtoa's mode 0, as {@code repr} has them. */
  void shortest(double a) {
    a = Math.abs(a);
    if (a == 0) {
      zero();
      return;
    }
    long s = FloatFormat.shortest(a, exp10);
    decpt = writeDigits(s) + FloatFormat.exponent(exp10);
  }

  private void zero() {
    digits[0] = '0';
    count = 1;
    decpt = 1;
  }

  /**
   * Sets {@link #m} and {@link #e} for |a| (finite), {@code |a| = m * 2^e} with m odd; for zero
   * sets the digits to {@code 0} and returns false.
   */
  private boolean load(double a) {
    long bits = Double.doubleToRawLongBits(a);
    int biased = (int) (bits >>> 52) & 0x7FF;
    long fraction = bits & ((1L << 52) - 1);
    if (biased == 0 && fraction == 0) {
      zero();
      return false;
    }
    long c = biased == 0 ? fraction : fraction | 1L << 52;
    int zeros = Long.numberOfTrailingZeros(c);
    m = c >>> zeros;
    e = (biased == 0 ? -1074 : biased - 1075) + zeros;
    return true;
  }

  // ---- the fast way: 64 and 128 bits ----------------------------------------------------------

  /**
   * floor(m * 2^e * 10^k), with how the dropped part compares to one half in {@link #tail}; -1 when
   * that takes more than 64 bits here or is 10^18 or more. {@code k} is in [-18, 27].
   */
  private long scaled(int k) {
    if (k >= 0) {
      long p5 = POW5[k]; // m * 10^k * 2^e = (m * 5^k) * 2^(e + k): a 117-bit product, then a shift
      long hi = Math.multiplyHigh(m, p5);
      long lo = m * p5;
      int s = e + k;
      if (s >= 0) {
        if (hi != 0 || lo < 0 || s > 62 || lo > (POW10[18] - 1) >> s) {
          return -1;
        }
        tail = EXACT;
        return lo << s;
      }
      return shiftRight(hi, lo, -s);
    }
    long p10 = POW10[-k]; // k < 0: round the integer part to a multiple of 10^-k, the fraction a tie-breaker
    long integer;
    boolean fraction;
    if (e >= 0) {
      if (e > 10) { // m << e would pass 2^63
        return -1;
      }
      integer = m << e;
      fraction = false;
    } else if (e <= -64) {
      integer = 0;
      fraction = true;
    } else {
      integer = m >>> -e;
      fraction = (m & ((1L << -e) - 1)) != 0;
    }
    long r = integer % p10;
    long half = p10 / 2;
    tail = r < half ? (r == 0 && !fraction ? EXACT : BELOW_HALF)
        : r == half && !fraction ? HALF : ABOVE_HALF;
    long q = integer / p10;
    return q < POW10[18] ? q : -1;
  }

  /** (hi:lo) >>> t for t >= 1 (128-bit, unsigned), with {@link #tail}; -1 if 10^18 or more. */
  private long shiftRight(long hi, long lo, int t) {
    if (t >= 128) { // the product is below 2^117, so below half of 2^t
      tail = BELOW_HALF;
      return 0;
    }
    long q;
    long qHigh;
    long remHigh; // the dropped bits, and half = 2^(t-1), as 128-bit pairs
    long remLow;
    long halfHigh;
    long halfLow;
    if (t < 64) {
      q = (lo >>> t) | (hi << (64 - t));
      qHigh = hi >>> t;
      remHigh = 0;
      remLow = lo & ((1L << t) - 1);
      halfHigh = 0;
      halfLow = 1L << (t - 1);
    } else {
      q = t == 64 ? hi : hi >>> (t - 64);
      qHigh = 0;
      remHigh = t == 64 ? 0 : hi & ((1L << (t - 64)) - 1);
      remLow = lo;
      halfHigh = t == 64 ? 0 : 1L << (t - 65);
      halfLow = t == 64 ? Long.MIN_VALUE : 0;
    }
    if (qHigh != 0 || q < 0 || q >= POW10[18]) {
      return -1;
    }
    int c = remHigh != halfHigh ? Long.compareUnsigned(remHigh, halfHigh) : Long.compareUnsigned(remLow, halfLow);
    tail = c > 0 ? ABOVE_HALF : c == 0 ? HALF : remHigh == 0 && remLow == 0 ? EXACT : BELOW_HALF;
    return q;
  }

  /** q rounded by {@link #tail}: up above one half, and at one half when q is odd. */
  private long roundUp(long q) {
    return tail == ABOVE_HALF || tail == HALF && (q & 1) != 0 ? q + 1 : q;
  }

  /** The digits of q * 10^-scale, q rounded by {@link #tail} first. */
  private void setRounded(long q, int scale) {
    q = roundUp(q);
    if (q == 0) {
      zero();
      return;
    }
    decpt = writeDigits(q) - scale;
  }

  /** Writes the decimal digits of q > 0 at digits[0..]; returns (and sets) their count. */
  private int writeDigits(long q) {
    int n = FloatFormat.digitCount(q);
    for (int i = n - 1; i >= 0; i--) {
      digits[i] = (byte) ('0' + q % 10);
      q /= 10;
    }
    count = n;
    while (digits[count - 1] == '0') {
      count--;
    }
    return n;
  }

  // ---- the slow way: every digit, from a big integer ------------------------------------------

  /** Sets digits, count and decpt to the exact decimal value of m * 2^e. */
  private void expand() {
    slowCount++;
    big[0] = (int) m;
    big[1] = (int) (m >>> 32);
    bigLength = big[1] != 0 ? 2 : 1;
    if (e >= 0) {
      shiftLeft(e);
      decpt = toDecimal();
    } else {
      for (int k = -e; k > 0; k -= 13) { // m * 2^e = m * 5^-e / 10^-e
        multiply((int) POW5[Math.min(k, 13)]);
      }
      decpt = toDecimal() + e;
    }
    while (digits[count - 1] == '0') {
      count--;
    }
  }

  private void multiply(int factor) {
    long carry = 0;
    for (int i = 0; i < bigLength; i++) {
      long p = (big[i] & 0xFFFFFFFFL) * factor + carry;
      big[i] = (int) p;
      carry = p >>> 32;
    }
    if (carry != 0) {
      big[bigLength++] = (int) carry;
    }
  }

  private void shiftLeft(int bits) {
    int words = bits >>> 5;
    int shift = bits & 31;
    int n = bigLength;
    big[n] = 0;
    if (shift != 0) {
      for (int i = n; i > 0; i--) {
        big[i] = (big[i] << shift) | (big[i - 1] >>> (32 - shift));
      }
      big[0] <<= shift;
      n++;
    }
    System.arraycopy(big, 0, big, words, n);
    java.util.Arrays.fill(big, 0, words, 0);
    bigLength = n + words;
    while (big[bigLength - 1] == 0) {
      bigLength--;
    }
  }

  /** Writes the big integer's decimal digits (it becomes 0); returns their number. */
  private int toDecimal() {
    int nChunks = 0;
    while (bigLength > 0) {
      long rem = 0;
      for (int i = bigLength - 1; i >= 0; i--) {
        long cur = (rem << 32) | (big[i] & 0xFFFFFFFFL);
        big[i] = (int) (cur / BILLION);
        rem = cur % BILLION;
      }
      chunks[nChunks++] = (int) rem;
      while (bigLength > 0 && big[bigLength - 1] == 0) {
        bigLength--;
      }
    }
    int top = chunks[nChunks - 1];
    int n = FloatFormat.digitCount(top);
    for (int i = n - 1, v = top; i >= 0; i--, v /= 10) {
      digits[i] = (byte) ('0' + v % 10);
    }
    for (int c = nChunks - 2; c >= 0; c--) {
      for (int i = n + 8, v = chunks[c]; i >= n; i--, v /= 10) {
        digits[i] = (byte) ('0' + v % 10);
      }
      n += 9;
    }
    count = n;
    return n;
  }

  /** Keeps {@code n} digits of the exact expansion (n may be 0 or less), rounding half-even. */
  private void roundAt(int n) {
    if (n >= count) {
      return;
    }
    if (n < 0) {
      zero();
      return;
    }
    int next = digits[n];
    boolean odd = n > 0 && (digits[n - 1] & 1) != 0; // '0' is even in ASCII, so parity carries over
    boolean up = next > '5' || next == '5' && (count > n + 1 || odd);
    count = n;
    if (up) {
      int i = n - 1;
      while (i >= 0 && digits[i] == '9') {
        i--;
      }
      if (i < 0) {
        digits[0] = '1';
        count = 1;
        decpt++;
      } else {
        digits[i]++;
        count = i + 1;
      }
      return;
    }
    while (count > 0 && digits[count - 1] == '0') {
      count--;
    }
    if (count == 0) {
      zero();
    }
  }
}
