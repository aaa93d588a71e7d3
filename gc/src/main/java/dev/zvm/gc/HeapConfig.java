package dev.zvm.gc;

/**
 * How a {@link Heap} is built: its size, its collection policy and its debugging aids.
 *
 * @param sizeBytes          bytes of heap, 8 KiB .. 1 GiB, rounded down to a multiple of 8
 * @param collectEveryBytes  collect before an allocation once this many bytes were allocated since the
 *                           last collection; 0 means only when an allocation fails (the default, as
 *                           MicroPython's {@code gc.threshold(-1)})
 * @param markStackEntries   capacity of the preallocated mark stack; when it overflows the collector
 *                           rescans the heap, so a small stack is slower, never wrong
 * @param stressCollect      debug: collect before every allocation (clox's DEBUG_STRESS_GC); off by default
 * @param verifyEachCollection debug: run {@link HeapVerifier} before every collection, so that damage
 *                           done by the mutator (a stale root, a write past a block) is reported at the
 *                           first collection after it, not found later by a sweep; off by default
 */
public record HeapConfig(int sizeBytes, long collectEveryBytes, int markStackEntries, boolean stressCollect,
                         boolean verifyEachCollection) {
    public static final int MIN_SIZE_BYTES = 8 * 1024;
    public static final int MAX_SIZE_BYTES = 1 << 30;
    /** Enough for any chain of linked objects and for wide objects of a few thousand slots. */
    public static final int DEFAULT_MARK_STACK_ENTRIES = 4096;

    public HeapConfig {
        if (sizeBytes < MIN_SIZE_BYTES || sizeBytes > MAX_SIZE_BYTES) {
            throw new IllegalArgumentException("sizeBytes=" + sizeBytes + " not in [" + MIN_SIZE_BYTES + ", "
                + MAX_SIZE_BYTES + "]");
        }
        if (collectEveryBytes < 0) {
            throw new IllegalArgumentException("collectEveryBytes=" + collectEveryBytes + " < 0");
        }
        if (markStackEntries < 1) {
            throw new IllegalArgumentException("markStackEntries=" + markStackEntries + " < 1");
        }
    }

    /** A heap of {@code sizeBytes} with the default policy and no debugging aids. */
    public static HeapConfig ofSize(int sizeBytes) {
        return new HeapConfig(sizeBytes, 0, DEFAULT_MARK_STACK_ENTRIES, false, false);
    }

    public HeapConfig withCollectEveryBytes(long bytes) {
        return new HeapConfig(sizeBytes, bytes, markStackEntries, stressCollect, verifyEachCollection);
    }

    public HeapConfig withMarkStackEntries(int entries) {
        return new HeapConfig(sizeBytes, collectEveryBytes, entries, stressCollect, verifyEachCollection);
    }

    public HeapConfig withStressCollect(boolean stress) {
        return new HeapConfig(sizeBytes, collectEveryBytes, markStackEntries, stress, verifyEachCollection);
    }

    public HeapConfig withVerifyEachCollection(boolean verify) {
        return new HeapConfig(sizeBytes, collectEveryBytes, markStackEntries, stressCollect, verify);
    }
}
