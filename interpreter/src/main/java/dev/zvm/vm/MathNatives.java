package dev.zvm.vm;

import static dev.zvm.vm.Args.get;

import dev.zvm.bytecode.ExceptionTree;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The {@code math} module's functions (its constants are literals in {@code math.py}). Results
 * and errors follow CPython's {@code math}: a NaN from a number that was not NaN is
 * {@code ValueError("math domain error")}, an infinity from a finite number is
 * {@code OverflowError("math range error")} where the function can overflow and a domain error
 * where it cannot ({@code log(0)}, {@code atanh(1)}); {@code floor}, {@code ceil} and
 * {@code trunc} return ints. (Zerynth's C natives returned inf and NaN instead of raising.) The
 * functions are {@link StrictMath}'s, so every JVM gives the same bits.
 */
final class MathNatives {
  private MathNatives() {}

  static void register(Natives n) {
    one(n, "sqrt", StrictMath::sqrt, false);
    one(n, "exp", StrictMath::exp, true);
    one(n, "expm1", StrictMath::expm1, true);
    one(n, "log2", x -> x > 0 ? log2(x) : logDomain(x), false);
    one(n, "log10", x -> x > 0 ? StrictMath.log10(x) : logDomain(x), false);
    one(n, "log1p", StrictMath::log1p, false);
    one(n, "sin", StrictMath::sin, false);
    one(n, "cos", StrictMath::cos, false);
    one(n, "tan", StrictMath::tan, false);
    one(n, "asin", StrictMath::asin, false);
    one(n, "acos", StrictMath::acos, false);
    one(n, "atan", StrictMath::atan, false);
    one(n, "sinh", StrictMath::sinh, true);
    one(n, "cosh", StrictMath::cosh, true);
    one(n, "tanh", StrictMath::tanh, false);
    one(n, "asinh", MathNatives::asinh, false);
    one(n, "acosh", x -> x >= 1 ? StrictMath.log(x + StrictMath.sqrt(x - 1) * StrictMath.sqrt(x + 1)) : Double.NaN, false);
    one(n, "atanh", x -> Math.abs(x) <= 1 ? 0.5 * StrictMath.log1p(2 * x / (1 - x)) : Double.NaN, false);
    one(n, "fabs", Math::abs, false);
    one(n, "degrees", x -> x * (180.0 / Math.PI), false);
    one(n, "radians", x -> x * (Math.PI / 180.0), false);
    two(n, "atan2", StrictMath::atan2, false);
    two(n, "copysign", Math::copySign, false);
    two(n, "hypot", StrictMath::hypot, true);
    two(n, "fmod", (x, y) -> Double.isInfinite(y) && Double.isFinite(x) ? x : x % y, false);
    n.add("math.pow", 2, 2, (r, a, c, kw, nk) -> {
      double x = arg(r, a, 0);
      double y = arg(r, a, 1);
      double v = pow(x, y);
      boolean finiteIn = Double.isFinite(x) && Double.isFinite(y);
      if (Double.isInfinite(v) && finiteIn && x == 0) {
        throw domain(r);
      }
      return r.floats.box(check(r, v, Double.isNaN(x) || Double.isNaN(y), finiteIn, true));
    });
    n.add("math.log", 1, 2, MathNatives::log);
    n.add("math.floor", 1, 1, (r, a, c, kw, nk) -> toInt(r, get(r, a, 0), Math::floor));
    n.add("math.ceil", 1, 1, (r, a, c, kw, nk) -> toInt(r, get(r, a, 0), Math::ceil));
    n.add("math.trunc", 1, 1, (r, a, c, kw, nk) -> toInt(r, get(r, a, 0), x -> x < 0 ? Math.ceil(x) : Math.floor(x)));
    n.add("math.isnan", 1, 1, (r, a, c, kw, nk) -> Values.bool(Double.isNaN(arg(r, a, 0))));
    n.add("math.isinf", 1, 1, (r, a, c, kw, nk) -> Values.bool(Double.isInfinite(arg(r, a, 0))));
    n.add("math.isfinite", 1, 1, (r, a, c, kw, nk) -> Values.bool(Double.isFinite(arg(r, a, 0))));
    n.addKw("math.isclose", 2, 2, MathNatives::isclose);
    n.add("math.ldexp", 2, 2, MathNatives::ldexp);
    n.add("math.frexp", 1, 1, MathNatives::frexp);
    n.add("math.modf", 1, 1, MathNatives::modf);
    n.add("math.factorial", 1, 1, MathNatives::factorial);
    n.add("math.gcd", 0, Natives.VARIADIC, MathNatives::gcd);
  }

  private static double arg(Runtime rt, int a, int i) {
    return rt.floats.arg(get(rt, a, i), "math argument");
  }

  private static PyRaise domain(Runtime rt) {
    return rt.valueError("math domain error");
  }

  private static PyRaise range(Runtime rt) {
    return rt.overflowError("math range error");
  }

  /** A log of a number that is not positive: NaN, which the caller reports as a domain error. */
  private static double logDomain(double x) {
    return Double.isNaN(x) ? x : Double.NaN;
  }

  /** log2 through frexp, exact for powers of two (CPython's fallback when libm has no log2). */
  private static double log2(double x) {
    if (Double.isInfinite(x)) {
      return x;
    }
    int e = Math.getExponent(x) + 1;
    if (e == Double.MIN_EXPONENT) {
      e = Math.getExponent(x * 0x1p54) + 1 - 54;
    }
    double m = Math.scalb(x, -e);
    return x >= 1.0 ? StrictMath.log(2.0 * m) / StrictMath.log(2.0) + (e - 1)
        : StrictMath.log(m) / StrictMath.log(2.0) + e;
  }

  private static double asinh(double x) {
    if (Double.isInfinite(x) || x == 0) {
      return x;
    }
    double ax = Math.abs(x);
    double r = StrictMath.log1p(ax + ax * ax / (1 + StrictMath.sqrt(1 + ax * ax)));
    if (ax > 1e8) {
      r = StrictMath.log(ax) + StrictMath.log(2.0);
    }
    return Math.copySign(r, x);
  }

  private static void one(Natives n, String name, DoubleUnaryOperator f, boolean canOverflow) {
    n.add("math." + name, 1, 1, (r, a, c, kw, nk) -> {
      double x = arg(r, a, 0);
      return r.floats.box(check(r, f.applyAsDouble(x), Double.isNaN(x), Double.isFinite(x), canOverflow));
    });
  }

  private static void two(Natives n, String name, DoubleBinaryOperator f, boolean canOverflow) {
    n.add("math." + name, 2, 2, (r, a, c, kw, nk) -> {
      double x = arg(r, a, 0);
      double y = arg(r, a, 1);
      return r.floats.box(check(r, f.applyAsDouble(x, y), Double.isNaN(x) || Double.isNaN(y),
          Double.isFinite(x) && Double.isFinite(y), canOverflow));
    });
  }

  /** CPython's rule: NaN out of non-NaN in is a domain error; infinity out of finite in, a range (or domain) error. */
  private static double check(Runtime rt, double r, boolean nanIn, boolean finiteIn, boolean canOverflow) {
    if (Double.isNaN(r) && !nanIn) {
      throw domain(rt);
    }
    if (Double.isInfinite(r) && finiteIn) {
      throw canOverflow ? range(rt) : domain(rt);
    }
    return r;
  }

  /** C99's pow, which CPython follows where Java's differs (1 ** nan is 1, (-1) ** inf is 1). */
  private static double pow(double x, double y) {
    if (Double.isNaN(x)) {
      return y == 0 ? 1.0 : x;
    }
    if (Double.isNaN(y)) {
      return x == 1.0 ? 1.0 : y;
    }
    if (Double.isInfinite(y) && Math.abs(x) == 1.0) {
      return 1.0;
    }
    return StrictMath.pow(x, y);
  }

  private static int log(Runtime rt, int a, int n, int kw, int nkw) {
    double x = arg(rt, a, 0);
    double lx = logOf(rt, x);
    if (n == 1) {
      return rt.floats.box(lx);
    }
    double lb = logOf(rt, arg(rt, a, 1));
    if (lb == 0) {
      throw rt.raise(ExceptionTree.ZERO_DIVISION_ERROR, "float division by zero");
    }
    return rt.floats.box(lx / lb);
  }

  private static double logOf(Runtime rt, double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    if (!(x > 0)) {
      throw domain(rt);
    }
    return StrictMath.log(x);
  }

  private static int toInt(Runtime rt, int v, DoubleUnaryOperator round) {
    if (rt.ints.isIntOrBool(v)) {
      return rt.ints.box(rt.ints.value(v));
    }
    double d = rt.floats.arg(v, "math argument");
    if (Double.isNaN(d)) {
      throw rt.valueError("cannot convert float NaN to integer");
    }
    if (Double.isInfinite(d)) {
      throw rt.overflowError("cannot convert float infinity to integer");
    }
    double x = round.applyAsDouble(d);
    if (x < -0x1p63 || x >= 0x1p63) {
      throw rt.overflowError("integer overflow: the result does not fit in 64 bits");
    }
    return rt.ints.box((long) x);
  }

  private static int isclose(Runtime rt, int a, int n, int kw, int nkw) {
    Args.checkKeywords(rt, kw, nkw, "isclose", "rel_tol", "abs_tol");
    double x = arg(rt, a, 0);
    double y = arg(rt, a, 1);
    int relV = Args.kw(rt, kw, nkw, "rel_tol");
    int absV = Args.kw(rt, kw, nkw, "abs_tol");
    double rel = relV == Values.NULL ? 1e-9 : rt.floats.arg(relV, "rel_tol");
    double abs = absV == Values.NULL ? 0.0 : rt.floats.arg(absV, "abs_tol");
    if (rel < 0 || abs < 0) {
      throw rt.valueError("tolerances must be non-negative");
    }
    if (x == y) {
      return Values.TRUE;
    }
    if (Double.isInfinite(x) || Double.isInfinite(y)) {
      return Values.FALSE;
    }
    double diff = Math.abs(y - x);
    return Values.bool(diff <= Math.abs(rel * y) || diff <= Math.abs(rel * x) || diff <= abs);
  }

  private static int ldexp(Runtime rt, int a, int n, int kw, int nkw) {
    double x = arg(rt, a, 0);
    long e = rt.ints.arg(get(rt, a, 1), "ldexp() exponent");
    int exp = (int) Math.max(-100_000, Math.min(100_000, e));
    double r = Math.scalb(x, exp);
    if (Double.isInfinite(r) && Double.isFinite(x)) {
      throw range(rt);
    }
    return rt.floats.box(r);
  }

  private static int frexp(Runtime rt, int a, int n, int kw, int nkw) {
    double x = arg(rt, a, 0);
    double m = x;
    int e = 0;
    if (x != 0 && Double.isFinite(x)) {
      e = Math.getExponent(x) + 1;
      if (e == Double.MIN_EXPONENT) { // subnormal: scale it into the normal range first
        double scaled = x * 0x1p54;
        e = Math.getExponent(scaled) + 1 - 54;
      }
      m = Math.scalb(x, -e);
    }
    int mv = rt.floats.box(m);
    int mark = rt.keep(mv);
    try {
      return rt.lists.tuple2(mv, Values.small(e));
    } finally {
      rt.release(mark);
    }
  }

  private static int modf(Runtime rt, int a, int n, int kw, int nkw) {
    double x = arg(rt, a, 0);
    double ip = Double.isInfinite(x) || Double.isNaN(x) ? x : (x < 0 ? Math.ceil(x) : Math.floor(x));
    double frac = Double.isInfinite(x) ? Math.copySign(0.0, x) : Math.copySign(x - ip, x);
    int fv = rt.floats.box(frac);
    int mark = rt.keep(fv);
    try {
      int iv = rt.floats.box(ip);
      rt.keep(iv);
      return rt.lists.tuple2(fv, iv);
    } finally {
      rt.release(mark);
    }
  }

  private static int factorial(Runtime rt, int a, int n, int kw, int nkw) {
    int v = get(rt, a, 0);
    if (!rt.ints.isIntOrBool(v)) {
      throw rt.typeError("'" + rt.typeName(v) + "' object cannot be interpreted as an integer");
    }
    long k = rt.ints.value(v);
    if (k < 0) {
      throw rt.valueError("factorial() not defined for negative values");
    }
    long f = 1;
    for (long i = 2; i <= k; i++) {
      if (f > Long.MAX_VALUE / i) {
        throw rt.ints.overflow();
      }
      f *= i;
    }
    return rt.ints.box(f);
  }

  private static int gcd(Runtime rt, int a, int n, int kw, int nkw) {
    long g = 0;
    for (int i = 0; i < n; i++) {
      int v = get(rt, a, i);
      if (!rt.ints.isIntOrBool(v)) {
        throw rt.typeError("'" + rt.typeName(v) + "' object cannot be interpreted as an integer");
      }
      long x = rt.ints.value(v);
      if (x == Long.MIN_VALUE) {
        throw rt.ints.overflow();
      }
      x = Math.abs(x);
      while (x != 0) {
        long t = g % x;
        g = x;
        x = t;
      }
    }
    return rt.ints.box(g);
  }
}
