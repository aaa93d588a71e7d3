package dev.zvm.gc;

import org.HdrHistogram.Histogram;

/**
 * A snapshot of a {@link Heap}'s figures, taken by {@link Heap#stats()}.
 *
 * @param sizeBytes              the heap's size
 * @param capacityBytes          bytes that can ever be allocated (size minus the reserved first 8)
 * @param usedBytes              bytes in allocated blocks, live or not yet collected, headers included
 * @param freeBytes              capacityBytes - usedBytes
 * @param largestFreeBlockBytes  the largest free block, header included
 * @param collections            collections so far
 * @param lastPauseNs            the last collection's pause
 * @param totalPauseNs           all pauses added up
 * @param lastLiveObjects        objects that survived the last collection
 * @param markStackRescans       heap rescans caused by mark-stack overflow, all collections together
 * @param allocations            successful allocations
 * @param allocatedBytes         bytes of all successful allocations (block sizes)
 * @param failedAllocations      allocations that returned NULL
 * @param pinnedHandles          handles pinned now
 * @param pauses                 a copy of the pause histogram, ns
 */
public record HeapStats(long sizeBytes, long capacityBytes, long usedBytes, long freeBytes,
                        long largestFreeBlockBytes, long collections, long lastPauseNs, long totalPauseNs,
                        long lastLiveObjects, long markStackRescans, long allocations, long allocatedBytes,
                        long failedAllocations, long pinnedHandles, Histogram pauses) {

    /**
     * External fragmentation: 1 - largestFreeBlock / free, from 0 (all free space in one block) towards
     * 1 (free space in many small pieces); 0 when nothing is free.
     */
    public double fragmentation() {
        return freeBytes == 0 ? 0.0 : 1.0 - (double) largestFreeBlockBytes / freeBytes;
    }

    @Override
    public String toString() {
        return String.format("heap %d B: used %d B, free %d B, largest free block %d B, fragmentation %.3f, "
                + "%d collections (last pause %d ns, p50 %d ns, max %d ns), %d allocations, %d failed",
            sizeBytes, usedBytes, freeBytes, largestFreeBlockBytes, fragmentation(), collections, lastPauseNs,
            pauses.getValueAtPercentile(50), pauses.getMaxValue(), allocations, failedAllocations);
    }
}
