package dev.zvm.vhal.virtual;

import java.util.function.LongSupplier;

/** A clock the test moves by hand, in nanoseconds. */
final class ManualClock implements LongSupplier {
  static final long MS = 1_000_000L;
  private volatile long now;

  @Override
  public long getAsLong() {
    return now;
  }

  void set(long nanos) {
    now = nanos;
  }

  void advance(long nanos) {
    now += nanos;
  }
}
