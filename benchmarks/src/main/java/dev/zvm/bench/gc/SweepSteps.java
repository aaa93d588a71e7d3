package dev.zvm.bench.gc;

import dev.zvm.gc.Heap;
import org.HdrHistogram.Histogram;

/**
 * How long one step of the lazy sweep takes: the stall of the allocation that pays for it. Not a JMH
 * benchmark, since what matters is the worst step, not the mean: every step of many sweeps goes into
 * an HdrHistogram, and the percentile table is printed per heap size and scenario.
 *
 * <ul>
 *   <li>{@code empty}: one live block, the rest of the heap a single old free block. Each
 *       collection leaves one long gap to sweep.</li>
 *   <li>{@code garbage}: the heap filled with 16-byte objects, one in 64 kept live. Many short gaps.</li>
 *   <li>{@code runs}: live blocks 64 KiB apart, garbage between them. Gaps longer than a step reads
 *       of the live map, so that steps cut them.</li>
 * </ul>
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.zvm.bench.gc.SweepSteps [collections, 300 by default]
 * </pre>
 */
public final class SweepSteps {
  private static final int T = 5;

  private SweepSteps() {}

  public static void main(String[] args) {
    int collections = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    System.out.println("one sweep step, ns (Heap.sweep(1) timed once per step, after a warm-up of a third of the collections)");
    System.out.printf("%-8s %9s %9s %9s %9s %9s %9s %9s%n", "scenario", "heap", "steps", "p50", "p99", "p99.9", "max",
        "mean");
    for (String scenario : new String[] {"empty", "garbage", "runs"}) {
      for (int size : new int[] {64 << 10, 4 << 20, 64 << 20}) {
        // the same number of objects filled per heap size from 4 MiB up
        run(scenario, size, Math.max(12, (int) Math.min(collections, (long) collections * (4 << 20) / size)));
      }
    }
  }

  private static void run(String scenario, int size, int collections) {
    Heap heap = new Heap(size);
    int[] live = new int[Math.max(1, size / 1024)];
    int[] count = {0};
    heap.setRootSet(v -> {
      for (int i = 0; i < count[0]; i++) {
        v.visit(live[i]);
      }
    });
    Histogram steps = new Histogram(3_600_000_000L, 2);
    for (int c = 0; c < collections; c++) {
      fill(heap, scenario, live, count);
      heap.collect();
      boolean record = c >= collections / 3;
      while (heap.sweepPending()) {
        long t0 = System.nanoTime();
        heap.sweep(1);
        long dt = System.nanoTime() - t0;
        if (record) {
          steps.recordValue(dt);
        }
      }
    }
    System.out.printf("%-8s %6d KiB %9d %9d %9d %9d %9d %9.0f%n", scenario, size >> 10, steps.getTotalCount(),
        steps.getValueAtPercentile(50), steps.getValueAtPercentile(99), steps.getValueAtPercentile(99.9),
        steps.getMaxValue(), steps.getMean());
  }

  /** Makes the heap hold what the scenario collects: after this, a collection leaves its gaps. */
  private static void fill(Heap heap, String scenario, int[] live, int[] count) {
    count[0] = 0;
    heap.collect(); // nothing but what is rooted survives: start each round from the same heap
    heap.sweep(Integer.MAX_VALUE);
    if (scenario.equals("empty")) {
      live[count[0]++] = heap.allocBytes(T, 8);
      return;
    }
    int every = scenario.equals("garbage") ? 64 : 4096; // runs: 64 KiB of 16-byte objects
    long objects = heap.capacityBytes() / 16 - 16;
    for (long i = 0; i < objects && count[0] < live.length; i++) {
      int ref = heap.allocSlots(T, 2);
      if (i % every == 0) {
        live[count[0]++] = ref;
      }
    }
  }
}
