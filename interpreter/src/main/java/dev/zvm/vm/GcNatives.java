package dev.zvm.vm;

import static dev.zvm.vm.Args.get;

import dev.zvm.gc.HeapStats;
import dev.zvm.vosal.VTimer;
import dev.zvm.vosal.VTimerCallback;

/**
 * Zerynth's half of the {@code gc} module: {@code info()}, {@code enable(period=500)} and
 * {@code disable()} ({@code collect}, {@code mem_free}, {@code mem_alloc} and the heap lock are in
 * {@link Builtins}).
 *
 * <p>The collector always runs when an allocation does not fit (and at once on
 * {@code gc.collect()}). {@code enable(period)} adds Zerynth's periodic collection: a kernel timer
 * collects every {@code period} ms; {@code disable()} stops it. It is off until a program enables
 * it (Zerynth's VM starts with it on at 500 ms; zvm leaves the pauses to the programs that ask).
 * The timer's callback runs on the carrier between two thread bodies, where every Python thread
 * is parked with its values on its stack, so a collection there is like any other.
 *
 * <p>{@code info()} is a 7-tuple shaped like Zerynth's: heap size in bytes, free bytes,
 * fragmentation in percent, objects alive after the last collection, collections so far, the
 * period in ms (0 while disabled), and the largest free block in bytes.
 */
final class GcNatives {
  private GcNatives() {}

  /** Zerynth's default period, in ms. */
  static final int DEFAULT_PERIOD_MS = 500;

  /** One VM's periodic collection (carrier only). */
  private static final class Periodic implements VTimerCallback {
    private final Runtime rt;
    private VTimer timer;
    int periodMs;

    Periodic(Runtime rt) {
      this.rt = rt;
    }

    void enable(int ms) {
      if (timer == null) {
        timer = rt.threads.os.timerCreate();
      }
      timer.reset();
      timer.recurrent(ms * 1_000_000L, this);
      periodMs = ms;
    }

    void disable() {
      if (timer != null) {
        timer.reset();
      }
      periodMs = 0;
    }

    @Override
    public void onTimer(VTimer t) {
      rt.heap.collect();
    }
  }

  static void register(Runtime rt, Natives n) {
    Periodic periodic = new Periodic(rt);
    n.add("gc.info", 0, 0, (r, a, c, kw, nk) -> {
      HeapStats s = r.heap.stats();
      long[] v = {s.sizeBytes(), s.freeBytes(), Math.round(s.fragmentation() * 100), s.lastLiveObjects(),
          s.collections(), periodic.periodMs, s.largestFreeBlockBytes()};
      int t = r.lists.newTuple(v.length);
      int mark = r.keep(t);
      try {
        for (int i = 0; i < v.length; i++) {
          int x = r.ints.box(v[i]);
          r.w[Runtime.at(t) + i] = x;
        }
        return t;
      } finally {
        r.release(mark);
      }
    });
    n.add("gc.enable", 0, 1, (r, a, c, kw, nk) -> {
      long p = c == 0 ? DEFAULT_PERIOD_MS : r.ints.arg(get(r, a, 0), "period");
      if (p <= 0 || p > Integer.MAX_VALUE) {
        throw r.valueError("period=" + p + " must be a positive number of milliseconds");
      }
      periodic.enable((int) p);
      return Values.NONE;
    });
    n.add("gc.disable", 0, 0, (r, a, c, kw, nk) -> {
      periodic.disable();
      return Values.NONE;
    });
  }
}
