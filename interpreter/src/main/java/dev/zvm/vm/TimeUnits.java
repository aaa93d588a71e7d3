package dev.zvm.vm;

/**
 * Zerynth's time units, the {@code time_unit} argument of {@code sleep}, {@code pwm.write} and the
 * timers: {@code NANOS=0}, {@code MICROS=1}, {@code MILLIS=2}, {@code SECONDS=3}, the values
 * {@code __builtins__.py} binds to those names. Natives turn a (value, unit) pair into nanoseconds
 * here, so the codes are read in one place.
 */
final class TimeUnits {
  private TimeUnits() {}

  static final int NANOS = 0;
  static final int MICROS = 1;
  static final int MILLIS = 2;
  static final int SECONDS = 3;

  private static final long[] NANOS_PER_UNIT = {1L, 1_000L, 1_000_000L, 1_000_000_000L};

  /**
   * {@code value} (an int or a float) in {@code unit}, as nanoseconds. ValueError for an unknown
   * unit, a negative value or one past 2^63 ns (292 years); TypeError for a value that is not a
   * number. {@code what} names the argument in messages.
   */
  static long toNanos(Runtime rt, int value, int unit, String what) {
    long u = rt.ints.arg(unit, "time_unit");
    if (u < NANOS || u > SECONDS) {
      throw rt.valueError("time_unit=" + u + " is not NANOS, MICROS, MILLIS or SECONDS");
    }
    long per = NANOS_PER_UNIT[(int) u];
    if (rt.ints.isIntOrBool(value)) {
      long v = rt.ints.value(value);
      if (v < 0) {
        throw rt.valueError(what + "=" + v + " must not be negative");
      }
      if (v > Long.MAX_VALUE / per) {
        throw rt.valueError(what + "=" + v + " is too long a time");
      }
      return v * per;
    }
    double d = rt.floats.arg(value, what);
    if (!(d >= 0)) {
      throw rt.valueError(what + "=" + d + " must not be negative");
    }
    double ns = Math.rint(d * per);
    if (ns >= 0x1p63) {
      throw rt.valueError(what + "=" + d + " is too long a time");
    }
    return (long) ns;
  }
}
