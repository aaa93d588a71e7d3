package dev.zvm.vm;

import dev.zvm.gc.HeapStats;
import org.HdrHistogram.Histogram;

/**
 * A VM's figures: opcodes executed so far; the heap's (use, collections, the GC pause histogram);
 * the scheduler's thread switches and preemptions; the interrupt thread's callbacks, the events it
 * dropped because its queue was full, and the latency from an edge's raise to its callback's first
 * opcode (nanoseconds of the VM's clock: virtual ones under virtual time); and the threads that an
 * uncaught exception ended; and the code objects the baseline compiler compiled and refused, and the
 * time it took (on the carrier).
 */
public record VmStats(long opcodes, HeapStats heap, long threadSwitches, long preemptions,
    long interruptCallbacks, long interruptOverflows, Histogram interruptLatency, long threadFailures,
    int compiledCodes, int refusedCodes, long compileNanos) {

  /** The text {@code zvm run --stats} prints: opcodes, heap figures, the GC pause and interrupt tables. */
  public String format() {
    StringBuilder sb = new StringBuilder();
    sb.append("opcodes executed: ").append(opcodes).append('\n');
    sb.append(String.format("code objects compiled: %d, refused: %d, compile time %.1f ms%n",
        compiledCodes, refusedCodes, compileNanos / 1e6));
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
    sb.append("thread switches: ").append(threadSwitches).append(", preemptions: ").append(preemptions)
        .append(", threads ended by an exception: ").append(threadFailures).append('\n');
    sb.append("interrupt callbacks: ").append(interruptCallbacks).append(", dropped (queue full): ")
        .append(interruptOverflows).append('\n');
    if (interruptLatency.getTotalCount() > 0) {
      sb.append("interrupt latency (us): p50      p90      p99    p99.9      max\n");
      Histogram h = interruptLatency;
      sb.append(String.format("                     %7.2f  %7.2f  %7.2f  %7.2f  %7.2f%n",
          h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
          h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0));
    }
    return sb.toString();
  }
}
