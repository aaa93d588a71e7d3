package dev.zvm.gc;

import static dev.zvm.gc.ObjectHeader.FREE;
import static dev.zvm.gc.ObjectHeader.MARK;
import static dev.zvm.gc.ObjectHeader.SIZE_MASK;
import static dev.zvm.gc.ObjectHeader.SLOTS;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The stop-the-world mark-and-sweep collector of one {@link Heap}.
 *
 * <p>Invariant (tri-colour, with the header's MARK bit): outside {@link #collect} no block is marked.
 * During the mark phase an object is black or grey once marked: grey while it sits on the mark stack
 * (or was dropped from a full stack, see below), black once its slots were scanned. White objects
 * are unmarked. The phase ends with no grey object, so every unmarked block is unreachable.
 *
 * <p>The mark stack is a preallocated {@code int[]} of word indices. Only SLOTS objects are pushed
 * (bytes objects have nothing to scan). When it is full, a newly marked object is not pushed and
 * {@code overflowed} is set; after the stack drains, {@link #rescan} walks the heap and scans every
 * marked SLOTS object again, pushing what is still white (MicroPython's gc.c does the same). With
 * the tail step of {@link #drain}, a linked list of any length needs no stack entry at all; a wide
 * object overflows a stack smaller than its slot count, which costs rescans, never correctness.
 *
 * <p>A reference to a FREE block (dangling: a bug in the VM) is not followed, so it cannot keep a free
 * block out of the free lists; {@link HeapVerifier} reports it. A block whose size does not fit the
 * heap stops the collection with a {@link HeapCorruptionException} rather than a wrong walk.
 *
 * <p>The sweep walks every block once, clears the marks of the live and re-tiles everything else as
 * free blocks, coalescing each run of adjacent dead or free blocks into one, and rebuilds the
 * allocator's lists from them.
 *
 * <p>Allocates no Java object per collection. Called only from {@link Heap#collect()}, on the
 * heap's owner thread, with every mutator stopped (the caller's contract).
 */
final class Collector {
    /** Pauses above this are recorded as this (the histogram's range). */
    static final long MAX_RECORDED_PAUSE_NS = TimeUnit.SECONDS.toNanos(10);

    private final int[] words;
    private final int endWord;
    private final int[] stack;
    private int sp;
    private boolean overflowed;
    private final RootVisitor marker = this::markValue;

    /** Each collection's pause, ns. Two significant digits keep it at about 30 KB per heap. */
    private final Histogram pauses = new Histogram(MAX_RECORDED_PAUSE_NS, 2);
    private long collections;
    private long lastPauseNs;
    private long totalPauseNs;
    private long rescans;

    // Figures from the last sweep.
    private int liveObjects;
    private int liveGranules;
    private int freeBlocks;

    Collector(int[] words, int markStackEntries) {
        this.words = words;
        this.endWord = words.length;
        this.stack = new int[markStackEntries];
    }

    /** One full collection: returns the granules still in use. */
    int collect(Allocator allocator, RootSet roots, PinnedHandles pins) {
        long start = System.nanoTime();
        allocator.makeParseable();
        try {
            markRootSet(roots);
            markPinned(pins);
            drain();
            while (overflowed) {
                overflowed = false;
                rescan();
            }
        } catch (RuntimeException | Error e) {
            abandonMarks();
            throw e;
        }
        sweep(allocator);
        recordPause(System.nanoTime() - start);
        return liveGranules;
    }

    private void markRootSet(RootSet roots) {
        roots.scanRoots(marker);
    }

    private void markPinned(PinnedHandles pins) {
        pins.scan(marker);
    }

    /** Marks a root value if it is a white reference; pushes it if it has slots. */
    private void markValue(int v) {
        if ((v & 3) != 0 || v == 0) {
            return;
        }
        int wi = v >> 2;
        int header = words[wi];
        if ((header & (MARK | FREE)) == 0) {
            words[wi] = header | MARK;
            if ((header & SLOTS) != 0) {
                if (sp < stack.length) {
                    stack[sp++] = wi;
                } else {
                    overflowed = true;
                }
            }
        }
    }

    /**
     * Scans grey objects until the stack is empty: the hot loop of the mark phase. The last SLOTS child
     * found in an object is scanned next without going through the stack, so a chain (a linked list, a
     * deep tree's spine) costs no stack traffic. Measured with CollectionBenchmark on a list: mark
     * time -25%. (A side mark bitmap was tried too: it made the sweep of contiguous live blocks nearly
     * free, but its read-modify-write chain through shared bitmap words slowed the mark more.)
     */
    private void drain() {
        final int[] words = this.words;
        final int[] stack = this.stack;
        final int capacity = stack.length;
        int sp = this.sp;
        boolean overflowed = false;
        int next = 0;
        while (next != 0 || sp > 0) {
            int wi = next != 0 ? next : stack[--sp];
            next = 0;
            int end = wi + ((words[wi] & SIZE_MASK) << 1);
            for (int i = wi + ObjectHeader.HEADER_WORDS; i < end; i++) {
                int v = words[i];
                if ((v & 3) == 0 && v != 0) {
                    int child = v >> 2;
                    int header = words[child];
                    if ((header & (MARK | FREE)) == 0) {
                        words[child] = header | MARK;
                        if ((header & SLOTS) != 0) {
                            if (next != 0) {
                                if (sp < capacity) {
                                    stack[sp++] = next;
                                } else {
                                    overflowed = true;
                                }
                            }
                            next = child;
                        }
                    }
                }
            }
        }
        this.sp = 0;
        if (overflowed) {
            this.overflowed = true;
        }
    }

    /** After an overflow: scan every marked SLOTS object again, so no grey object is left behind. */
    private void rescan() {
        rescans++;
        for (int wi = Allocator.FIRST_WORD; wi < endWord; ) {
            int header = words[wi];
            if ((header & (MARK | SLOTS)) == (MARK | SLOTS)) {
                stack[sp++] = wi;
                drain();
            }
            wi += granulesOf(header, wi) << 1;
        }
    }

    /** Re-tiles the heap: live blocks lose their mark, each run of other blocks becomes one free block. */
    private void sweep(Allocator allocator) {
        allocator.clearFreeLists();
        int live = 0;
        int liveSize = 0;
        int runs = 0;
        int runStart = -1;
        for (int wi = Allocator.FIRST_WORD; wi < endWord; ) {
            int header = words[wi];
            int granules = granulesOf(header, wi);
            if ((header & MARK) != 0) {
                words[wi] = header ^ MARK;
                live++;
                liveSize += granules;
                if (runStart >= 0) {
                    allocator.addFree(runStart, (wi - runStart) >> 1);
                    runs++;
                    runStart = -1;
                }
            } else if (runStart < 0) {
                runStart = wi;
            }
            wi += granules << 1;
        }
        if (runStart >= 0) {
            allocator.addFree(runStart, (endWord - runStart) >> 1);
            runs++;
        }
        liveObjects = live;
        liveGranules = liveSize;
        freeBlocks = runs;
    }

    /** A mark phase that could not finish (a RootSet threw): clear every mark it set. */
    private void abandonMarks() {
        sp = 0;
        overflowed = false;
        for (int wi = Allocator.FIRST_WORD; wi < endWord; ) {
            int header = words[wi];
            words[wi] = header & ~MARK;
            wi += granulesOf(header, wi) << 1;
        }
    }

    private int granulesOf(int header, int wi) {
        int granules = header & SIZE_MASK;
        if (granules == 0 || wi + (granules << 1) > endWord) {
            throw new HeapCorruptionException("ref=" + (wi << 2) + " header=0x" + Integer.toHexString(header)
                + ": block size " + granules + " granules does not fit the heap");
        }
        return granules;
    }

    private void recordPause(long ns) {
        collections++;
        lastPauseNs = ns;
        totalPauseNs += ns;
        pauses.recordValue(Math.min(Math.max(ns, 0), MAX_RECORDED_PAUSE_NS));
    }

    Histogram pauses() {
        return pauses;
    }

    long collections() {
        return collections;
    }

    long lastPauseNs() {
        return lastPauseNs;
    }

    long totalPauseNs() {
        return totalPauseNs;
    }

    long rescans() {
        return rescans;
    }

    int liveObjects() {
        return liveObjects;
    }

    int freeBlocks() {
        return freeBlocks;
    }
}
