package dev.zvm.vm;

/** float: a 64-bit double boxed on the heap (8 payload bytes). Text forms live in {@link FloatFormat}. */
final class Floats {
  private final Runtime rt;
  private final int[] w;

  Floats(Runtime rt) {
    this.rt = rt;
    this.w = rt.w;
  }

  int box(double d) {
    int r = tryBox(d);
    if (r == Values.NULL) {
      throw rt.memoryError();
    }
    return r;
  }

  /** As {@link #box}, but NULL where the heap cannot hold it (for a caller that must not raise). */
  int tryBox(double d) {
    return rt.heap.allocBits64(Types.FLOAT, Double.doubleToRawLongBits(d));
  }

  /** Writes {@code d} into float object {@code ref} of heap words {@code w}. */
  static void store(int[] w, int ref, double d) {
    Runtime.storeBits64(w, ref, Double.doubleToRawLongBits(d));
  }

  /** Whether {@code v} is a float object of heap words {@code w} (for compiled code, which holds w). */
  static boolean isBox(int[] w, int v) {
    return (v & 3) == 0 && v != 0 && (w[(v >> 2) + 1] & 0xFF) == Types.FLOAT;
  }

  /** The double in float object {@code ref} of heap words {@code w} (for the fast loop, which holds w). */
  static double load(int[] w, int ref) {
    int i = Runtime.at(ref);
    return Double.longBitsToDouble(((long) w[i + 1] << 32) | (w[i] & 0xFFFF_FFFFL));
  }

  boolean isFloat(int v) {
    return isBox(w, v);
  }

  /** The double of a float object. */
  double value(int ref) {
    return load(w, ref);
  }

  /** True for int, bool or float. */
  boolean isNumber(int v) {
    return rt.ints.isIntOrBool(v) || isFloat(v);
  }

  /** The value of an int, bool or float as a double; OverflowError for ints past 2^1024 cannot happen. */
  double toDouble(int v) {
    return isFloat(v) ? value(v) : (double) rt.ints.value(v);
  }

  /** A float argument (int accepted); TypeError otherwise. */
  double arg(int v, String what) {
    if (isFloat(v)) {
      return value(v);
    }
    if (rt.ints.isIntOrBool(v)) {
      return rt.ints.value(v);
    }
    int r = rt.classes.callSpecial(v, rt.names.floatName);
    if (r != Values.NULL && isFloat(r)) {
      return value(r);
    }
    throw rt.typeError(what + " must be a real number, not " + rt.typeName(v));
  }

  /** Parses Python float syntax (with inf, nan, underscores); null on a syntax error. */
  static Double parse(String text) {
    String s = text.strip().toLowerCase();
    String body = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
    boolean neg = s.startsWith("-");
    if (body.equals("inf") || body.equals("infinity")) {
      return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (body.equals("nan")) {
      return Double.NaN;
    }
    if (body.isEmpty() || !body.matches("(\\d(_?\\d)*)?(\\.(\\d(_?\\d)*)?)?(e[+-]?\\d(_?\\d)*)?")
        || body.startsWith(".") && body.length() == 1 || body.startsWith("e")
        || body.startsWith(".e")) {
      return null;
    }
    try {
      return Double.parseDouble(s.replace("_", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
