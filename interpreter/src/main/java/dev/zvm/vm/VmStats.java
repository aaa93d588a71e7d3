package dev.zvm.vm;

import dev.zvm.gc.HeapStats;

/**
 * A VM's figures: opcodes executed so far and the heap's (use, collections, the GC pause
 * histogram).
 */
public record VmStats(long opcodes, HeapStats heap) {
  /** The text {@code zvm run --stats} prints: opcodes, heap figures, the GC pause table. */
  public String format() {
    StringBuilder sb = new StringBuilder();
    sb.append("opcodes executed: ").append(opcodes).append('\n');
    sb.append(String.format("heap: %d B, used %d B, free %d B, largest free block %d B, fragmentation %.3f%n",
        heap.sizeBytes(), heap.usedBytes(), heap.freeBytes(), heap.largestFreeBlockBytes(), heap.fragmentation()));
    sb.append(String.format("allocations: %d (%d B), failed %d%n",
        heap.allocations(), heap.allocatedBytes(), heap.failedAllocations()));
    sb.append("collections: ").append(heap.collections()).append(", total pause ")
        .append(heap.totalPauseNs() / 1000).append(" us\n");
    if (heap.collections() > 0) {
      sb.append("GC pause (us):   p50      p90      p99      max\n");
      var h = heap.pauses();
      sb.append(String.format("              %7.1f  %7.1f  %7.1f  %7.1f%n",
          h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
          h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0));
    }
    return sb.toString();
  }
}
