package dev.zvm.compiler;

import dev.zvm.compiler.Ast.*;
import java.math.BigInteger;

/**
 * Folds constant expressions of ints, floats, strs and bytes at compile time. It never folds
 * something that would raise at run time (division by zero, a negative shift count), that Python
 * and Java compute differently (float floor division, modulo and powers), or whose result is big
 * (a final int past 64 bits, which is the VM's OverflowError; strings past {@link #MAX_SEQUENCE}
 * characters): those are left to run time, where they behave as the language says.
 */
final class ConstantFolder {
  private ConstantFolder() {}

  static final int MAX_SEQUENCE = 4096;

  /** Intermediate ints may grow to this many bits while folding. */
  static final int MAX_BITS = 256;

  private static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger TWO_53 = BigInteger.ONE.shiftLeft(53);

  /**
   * The value of {@code e} if it is a constant expression: a Long, a BigInteger (an int literal
   * past 64 bits, only ever as a direct literal), a Double, a String or a byte[]; null otherwise.
   */
  static Object fold(Expr e) {
    if (e instanceof Const c) {
      return switch (c.kind()) {
        case INT, FLOAT, STR, BYTES -> c.value();
        default -> null;
      };
    }
    if (e instanceof UnaryOp u) {
      Object v = fold(u.operand());
      return v == null ? null : unary(u.op(), v);
    }
    if (e instanceof BinOp b) {
      // fold the left spine iteratively: long chains like 1+2+...+n must not recurse deeply
      java.util.ArrayDeque<BinOp> spine = new java.util.ArrayDeque<>();
      Expr left = b;
      while (left instanceof BinOp lb) {
        spine.push(lb);
        left = lb.left();
      }
      Object acc = fold(left);
      while (acc != null && !spine.isEmpty()) {
        BinOp op = spine.pop();
        Object r = fold(op.right());
        acc = r == null ? null : binary(op.op(), acc, r);
      }
      return acc;
    }
    return null;
  }

  private static Object unary(UnaryKind op, Object v) {
    if (v instanceof Long || v instanceof BigInteger) {
      BigInteger i = big(v);
      return switch (op) {
        case NEG -> fit(i.negate());
        case POS -> fit(i);
        case INVERT -> fit(i.not());
        case NOT -> null;
      };
    }
    if (v instanceof Double d) {
      return switch (op) {
        case NEG -> -d;
        case POS -> d;
        default -> null;
      };
    }
    return null;
  }

  /** {@code a op b} folded, or null; both operands are values {@link #fold} returned. */
  static Object binary(BinOpKind op, Object a, Object b) {
    boolean aInt = a instanceof Long || a instanceof BigInteger;
    boolean bInt = b instanceof Long || b instanceof BigInteger;
    if (aInt && bInt) {
      return intBinary(op, big(a), big(b));
    }
    if ((aInt || a instanceof Double) && (bInt || b instanceof Double)) {
      if (aInt && !fitsDouble(big(a)) || bInt && !fitsDouble(big(b))) {
        return null;
      }
      double x = aInt ? big(a).doubleValue() : (Double) a;
      double y = bInt ? big(b).doubleValue() : (Double) b;
      return switch (op) {
        case ADD -> x + y;
        case SUB -> x - y;
        case MUL -> x * y;
        case DIV -> y == 0.0 ? null : (Object) (x / y);
        default -> null;
      };
    }
    if (a instanceof String s && b instanceof String t && op == BinOpKind.ADD) {
      return s.length() + t.length() <= MAX_SEQUENCE ? s + t : null;
    }
    if (a instanceof byte[] s && b instanceof byte[] t && op == BinOpKind.ADD) {
      if (s.length + t.length > MAX_SEQUENCE) {
        return null;
      }
      byte[] r = java.util.Arrays.copyOf(s, s.length + t.length);
      System.arraycopy(t, 0, r, s.length, t.length);
      return r;
    }
    if (op == BinOpKind.MUL && (a instanceof String || a instanceof byte[]) && bInt) {
      return repeat(a, big(b));
    }
    if (op == BinOpKind.MUL && aInt && (b instanceof String || b instanceof byte[])) {
      return repeat(b, big(a));
    }
    return null;
  }

  private static Object repeat(Object seq, BigInteger times) {
    int len = seq instanceof String s ? s.length() : ((byte[]) seq).length;
    long n = times.signum() < 0 ? 0 : times.min(BigInteger.valueOf(MAX_SEQUENCE + 1)).longValue();
    if (len * n > MAX_SEQUENCE) {
      return null;
    }
    if (seq instanceof String s) {
      return s.repeat((int) n);
    }
    byte[] b = (byte[]) seq;
    byte[] r = new byte[(int) (b.length * n)];
    for (int i = 0; i < n; i++) {
      System.arraycopy(b, 0, r, i * b.length, b.length);
    }
    return r;
  }

  private static Object intBinary(BinOpKind op, BigInteger a, BigInteger b) {
    switch (op) {
      case ADD:
        return fit(a.add(b));
      case SUB:
        return fit(a.subtract(b));
      case MUL:
        if (a.bitLength() + b.bitLength() > MAX_BITS + 2) {
          return null;
        }
        return fit(a.multiply(b));
      case FLOORDIV:
      case MOD: {
        if (b.signum() == 0) {
          return null;
        }
        BigInteger[] qr = a.divideAndRemainder(b);
        BigInteger q = qr[0];
        BigInteger r = qr[1];
        if (r.signum() != 0 && r.signum() != b.signum()) {
          q = q.subtract(BigInteger.ONE);
          r = r.add(b);
        }
        return fit(op == BinOpKind.FLOORDIV ? q : r);
      }
      case DIV:
        if (b.signum() == 0 || !fitsDouble(a) || !fitsDouble(b)) {
          return null;
        }
        return a.doubleValue() / b.doubleValue();
      case POW: {
        if (b.signum() < 0 || b.bitLength() > 31) {
          return null;
        }
        int e = b.intValue();
        if (a.abs().compareTo(BigInteger.ONE) > 0 && (long) (a.bitLength() - 1) * e > MAX_BITS) {
          return null;
        }
        return fit(a.pow(e));
      }
      case LSHIFT:
        if (b.signum() < 0 || b.compareTo(BigInteger.valueOf(MAX_BITS)) > 0) {
          return null;
        }
        return fit(a.shiftLeft(b.intValue()));
      case RSHIFT:
        if (b.signum() < 0) {
          return null;
        }
        return fit(a.shiftRight(b.min(BigInteger.valueOf(128)).intValue()));
      case BITAND:
        return fit(a.and(b));
      case BITOR:
        return fit(a.or(b));
      case BITXOR:
        return fit(a.xor(b));
      default:
        return null;
    }
  }

  private static boolean fitsDouble(BigInteger i) {
    return i.abs().compareTo(TWO_53) <= 0;
  }

  private static BigInteger big(Object v) {
    return v instanceof BigInteger b ? b : BigInteger.valueOf((Long) v);
  }

  /**
   * A Long if it fits in 64 bits; a BigInteger up to {@link #MAX_BITS} bits (Python's ints are
   * unbounded, so {@code 2**62 + 2**62 - 1} folds to a 64-bit result through a 65-bit one);
   * otherwise null (not folded).
   */
  private static Object fit(BigInteger v) {
    if (v.compareTo(MIN_LONG) >= 0 && v.compareTo(MAX_LONG) <= 0) {
      return v.longValue();
    }
    return v.bitLength() <= MAX_BITS ? v : null;
  }

  /** The folded value of {@code e} if the code generator can emit it (an int within 64 bits). */
  static Object emittable(Expr e) {
    Object v = fold(e);
    return v instanceof BigInteger ? null : v;
  }
}
