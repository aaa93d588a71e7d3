package dev.zvm.vm;

import dev.zvm.bytecode.ExceptionTree;

/**
 * int: small ints are tagged words; from ±2^30 on they box into 64-bit heap ints, as in Zerynth.
 * A result beyond 64 bits raises OverflowError (arbitrary precision belongs to the language-level
 * issue). bool is an int subclass: True and False take part in arithmetic as 1 and 0.
 */
final class Ints {
  private final Runtime rt;
  private final int[] w;

  Ints(Runtime rt) {
    this.rt = rt;
    this.w = rt.w;
  }

  /** The int value {@code n}: small if it fits, boxed otherwise. */
  int box(long n) {
    int r = tryBox(n);
    if (r == Values.NULL) {
      throw rt.memoryError();
    }
    return r;
  }

  /** As {@link #box}, but NULL where the heap cannot hold the box (for a caller that must not raise). */
  int tryBox(long n) {
    if (Values.fitsSmall(n)) {
      return Values.small((int) n);
    }
    return rt.heap.allocBits64(Types.INT, n);
  }

  /** True for an int (small or boxed), not a bool. */
  boolean isInt(int v) {
    return (v & 1) != 0 || ((v & 3) == 0 && rt.type(v) == Types.INT);
  }

  /** True for an int or a bool. */
  boolean isIntOrBool(int v) {
    return (v & 1) != 0 || Values.isBool(v) || ((v & 3) == 0 && rt.type(v) == Types.INT);
  }

  /** The value of an int or bool; the caller has checked {@link #isIntOrBool}. */
  long value(int v) {
    if ((v & 1) != 0) {
      return v >> 1;
    }
    if (v == Values.TRUE) {
      return 1;
    }
    if (v == Values.FALSE) {
      return 0;
    }
    int i = Runtime.at(v);
    return ((long) w[i + 1] << 32) | (w[i] & 0xFFFF_FFFFL);
  }

  /** The value as a Java int index; TypeError if not an int, IndexError-free: the caller bounds it. */
  long index(int v, String what) {
    if (isIntOrBool(v)) {
      return value(v);
    }
    int r = rt.classes.callSpecial(v, rt.names.index);
    if (r != Values.NULL && isIntOrBool(r)) {
      return value(r);
    }
    throw rt.typeError(what + " must be integers or slices, not " + rt.typeName(v));
  }

  /** An int argument; TypeError naming {@code what} otherwise. */
  long arg(int v, String what) {
    if (isIntOrBool(v)) {
      return value(v);
    }
    throw rt.typeError(what + ": an integer is required, not '" + rt.typeName(v) + "'");
  }

  /** A Java int from an argument, with OverflowError when it does not fit. */
  int intArg(int v, String what) {
    long n = arg(v, what);
    if (n != (int) n) {
      throw rt.overflowError("Python int too large to convert to C int");
    }
    return (int) n;
  }

  PyRaise overflow() {
    return rt.raise(ExceptionTree.OVERFLOW_ERROR, "integer overflow: the result does not fit in 64 bits");
  }

  int add(long a, long b) {
    long r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) {
      throw overflow();
    }
    return box(r);
  }

  int sub(long a, long b) {
    long r = a - b;
    if (((a ^ b) & (a ^ r)) < 0) {
      throw overflow();
    }
    return box(r);
  }

  int mul(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    if ((hi != 0 || lo < 0) && (hi != -1 || lo >= 0)) {
      throw overflow();
    }
    return box(lo);
  }

  int floorDiv(long a, long b) {
    if (b == 0) {
      throw rt.raise(ExceptionTree.ZERO_DIVISION_ERROR, "integer division or modulo by zero");
    }
    if (a == Long.MIN_VALUE && b == -1) {
      throw overflow();
    }
    return box(Math.floorDiv(a, b));
  }

  int mod(long a, long b) {
    if (b == 0) {
      throw rt.raise(ExceptionTree.ZERO_DIVISION_ERROR, "integer modulo by zero");
    }
    if (b == -1) {
      return Values.ZERO;
    }
    return box(Math.floorMod(a, b));
  }

  /** a ** b for b ≥ 0, exact or OverflowError. */
  int pow(long a, long b) {
    long result = 1;
    long base = a;
    long e = b;
    while (e > 0) {
      if ((e & 1) != 0) {
        result = mulExact(result, base);
      }
      e >>= 1;
      if (e > 0) {
        base = mulExact(base, base);
      }
    }
    return box(result);
  }

  private long mulExact(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    if ((hi != 0 || lo < 0) && (hi != -1 || lo >= 0)) {
      throw overflow();
    }
    return lo;
  }

  /** pow(a, b, m) with b ≥ 0. */
  int powMod(long a, long b, long m) {
    if (m == 0) {
      throw rt.valueError("pow() 3rd argument cannot be 0");
    }
    java.math.BigInteger r =
        java.math.BigInteger.valueOf(a).modPow(java.math.BigInteger.valueOf(b),
            java.math.BigInteger.valueOf(m).abs());
    if (m < 0 && r.signum() != 0) {
      r = r.add(java.math.BigInteger.valueOf(m));
    }
    return box(r.longValue());
  }

  int lshift(long a, long b) {
    if (b < 0) {
      throw rt.valueError("negative shift count");
    }
    if (a == 0) {
      return Values.ZERO;
    }
    if (b >= 63 || (a << b) >> b != a) {
      throw overflow();
    }
    return box(a << b);
  }

  int rshift(long a, long b) {
    if (b < 0) {
      throw rt.valueError("negative shift count");
    }
    return box(a >> Math.min(b, 63));
  }

  int neg(long a) {
    if (a == Long.MIN_VALUE) {
      throw overflow();
    }
    return box(-a);
  }

  /** CPython's hash of an int: n itself below 2^61 - 1, reduced modulo 2^61 - 1 above; -1 is -2. */
  static long hash(long n) {
    final long p = (1L << 61) - 1;
    long h;
    if (n >= 0) {
      h = n % p;
    } else if (n == Long.MIN_VALUE) {
      h = -Long.remainderUnsigned(n, p);
    } else {
      h = -((-n) % p);
    }
    return h == -1 ? -2 : h;
  }

  /** Parses {@code s} as Python's int(s, base) does; NULL word on a syntax error. */
  int parse(String text, int base) {
    String s = text.strip();
    boolean neg = false;
    int i = 0;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      neg = s.charAt(i) == '-';
      i++;
    }
    if (base == 0 || base == 16 || base == 8 || base == 2) {
      if (i + 1 < s.length() && s.charAt(i) == '0') {
        char p = Character.toLowerCase(s.charAt(i + 1));
        int b = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (b != 0 && (base == 0 || base == b)) {
          base = b;
          i += 2;
          if (i < s.length() && s.charAt(i) == '_') {
            i++;
          }
        }
      }
      if (base == 0) {
        base = 10;
        // base 0 forbids leading zeros in a non-zero decimal
        String rest = s.substring(i).replace("_", "");
        if (rest.length() > 1 && rest.charAt(0) == '0' && !rest.chars().allMatch(c -> c == '0')) {
          return Values.NULL;
        }
      }
    }
    if (i >= s.length()) {
      return Values.NULL;
    }
    long value = 0;
    boolean digit = false;
    boolean big = false;
    java.math.BigInteger bigValue = null;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '_' && digit && i + 1 < s.length() && s.charAt(i + 1) != '_') {
        continue;
      }
      int d = Character.digit(c, base);
      if (d < 0) {
        return Values.NULL;
      }
      digit = true;
      if (!big) {
        long nv = value * base + d;
        if (nv < 0 || (value != 0 && (nv - d) / base != value)) {
          big = true;
          bigValue = java.math.BigInteger.valueOf(value).multiply(java.math.BigInteger.valueOf(base))
              .add(java.math.BigInteger.valueOf(d));
        } else {
          value = nv;
        }
      } else {
        bigValue = bigValue.multiply(java.math.BigInteger.valueOf(base)).add(java.math.BigInteger.valueOf(d));
      }
    }
    if (!digit) {
      return Values.NULL;
    }
    if (big) {
      if (neg && bigValue.equals(java.math.BigInteger.ONE.shiftLeft(63))) {
        return box(Long.MIN_VALUE);
      }
      throw overflow();
    }
    return box(neg ? -value : value);
  }

  /**
   * Digits of {@code n} in base 2, 8 or 16, signed, no prefix ({@code -1f}), for format specs;
   * {@code hex()} and its kin write into the heap instead ({@link Strs#ofRadix}).
   */
  static String toBase(long n, int base) {
    String digits;
    boolean neg = n < 0;
    if (neg) {
      digits = n == Long.MIN_VALUE
          ? java.math.BigInteger.valueOf(n).negate().toString(base) : Long.toString(-n, base);
    } else {
      digits = Long.toString(n, base);
    }
    return neg ? "-" + digits : digits;
  }
}
