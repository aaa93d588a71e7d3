package dev.zvm.vm;

import static dev.zvm.vm.Args.get;

import dev.zvm.gc.HeapStats;

/**
 * Zerynth's half of the {@code gc} module: {@code info()}, {@code enable(period=500)} and
 * {@code disable()} ({@code collect}, {@code mem_free}, {@code mem_alloc} and the heap lock are in
 * {@link Builtins}).
 *
 * <p>{@code info()} is a 7-tuple shaped like Zerynth's: heap size in bytes, free bytes,
 * fragmentation in percent, objects alive after the last collection, collections so far, the
 * period set by {@code enable} in ms (0 after {@code disable}), and the largest free block in
 * bytes. zvm's collector runs when an allocation does not fit (and {@code gc.collect()} runs it
 * at once); it has no periodic collection, so the period is recorded and reported, not acted on.
 */
final class GcNatives {
  private GcNatives() {}

  /** Zerynth's default period, in ms. */
  static final int DEFAULT_PERIOD_MS = 500;

  static void register(Natives n) {
    int[] periodMs = {DEFAULT_PERIOD_MS};
    n.add("gc.info", 0, 0, (r, a, c, kw, nk) -> {
      HeapStats s = r.heap.stats();
      long[] v = {s.sizeBytes(), s.freeBytes(), Math.round(s.fragmentation() * 100), s.lastLiveObjects(),
          s.collections(), periodMs[0], s.largestFreeBlockBytes()};
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
      periodMs[0] = (int) p;
      return Values.NONE;
    });
    n.add("gc.disable", 0, 0, (r, a, c, kw, nk) -> {
      periodMs[0] = 0;
      return Values.NONE;
    });
  }
}
