package dev.zvm.gc;

import static dev.zvm.gc.ObjectHeader.EPOCH_MASK;
import static dev.zvm.gc.ObjectHeader.FREE;
import static dev.zvm.gc.ObjectHeader.SIZE_MASK;
import static dev.zvm.gc.ObjectHeader.SLOTS;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The stop-the-world part of one {@link Heap}'s mark-and-sweep collector: the mark. The sweep runs
 * afterwards, lazily, in the allocator ({@link Sweeper}), so the pause is the mark alone.
 *
 * <p><b>Marks are epochs.</b> Collection number {@code e} (1 .. {@link ObjectHeader#MAX_EPOCH}) marks
 * a block by writing {@code e} into its header's mark epoch. A block is marked by this collection iff
 * its epoch is {@code e}; any other number is stale. So nothing clears marks, and a collection may
 * begin while the last one's sweep is still pending: that sweep simply restarts under the new marks.
 * Before the numbers would run out, {@link Sweeper#forgetEpochs} sets them all back to 0.
 *
 * <p>Invariant (tri-colour): during the mark an object is black or grey once its epoch is {@code e}:
 * grey while it sits on the mark stack, is the next object to scan, or was dropped from a full stack
 * (see below); black once its slots were scanned. The phase ends with no grey object, so every block
 * whose epoch is not {@code e} is unreachable.
 *
 * <p>The mark stack is a preallocated {@code int[]} of word indices. Only SLOTS objects are pushed
 * (bytes objects have nothing to scan). When it is full, a newly marked object is not pushed and
 * {@code overflowed} is set; after the stack drains, {@link #rescan} walks the heap and scans every
 * marked SLOTS object again, pushing what is still white (MicroPython's gc.c does the same). With
 * the tail step of {@link #drain}, a linked list of any length needs no stack entry at all; a wide
 * object overflows a stack smaller than its slot count, which costs rescans, never correctness.
 *
 * <p>A reference to a free block, or to garbage the pending sweep has not reached yet (dangling: a
 * bug in the VM), is not followed, so it cannot bring garbage back; {@link HeapVerifier} reports it.
 * A block whose size does not fit the heap stops the collection with a {@link HeapCorruptionException}.
 * The mark counts the live objects and granules, so the heap's used and free bytes are exact as soon
 * as the pause ends, before anything is swept.
 *
 * <p>Allocates no Java object per collection. Called only from {@link Heap#collect()}, on the
 * heap's owner thread, with every mutator stopped (the caller's contract).
 */
final class Collector {
    /** Pauses above this are recorded as this (the histogram's range). */
    static final long MAX_RECORDED_PAUSE_NS = TimeUnit.SECONDS.toNanos(10);
    /**
     * Slots objects of up to this many granules (6 slots, 32 bytes: most of a Python VM's objects) are
     * scanned as a window of {@link #WINDOW_WORDS} words whatever their size, the words past the
     * payload masked off through {@link #PAST_PAYLOAD}. The scan then does the same work for every
     * small object, and the branch predictor learns it. A loop of 2, 4 or 6 slots at random mispredicts
     * its exit on most objects: the mark took 7.1 ns per object on a 1 MiB heap that way, 4.4 ns with
     * the window (CollectionBenchmark, and a harness timing the mark alone).
     */
    static final int SMALL_GRANULES = 4;
    static final int WINDOW_WORDS = (SMALL_GRANULES << 1) - ObjectHeader.HEADER_WORDS;
    /**
     * Row {@code 8 * granules}, column {@code k}: 1 if window word {@code k} lies past the payload of a
     * slots object of that many granules, else 0. Or-ing it into the word makes the word odd, which is
     * never a reference. A table lookup is one instruction less per word than computing the mask; rows
     * for 0 .. 7 granules let the JIT see that {@code ((granules & 7) << 3) + k} stays in bounds.
     */
    private static final int[] PAST_PAYLOAD = pastPayloadTable();

    private static int[] pastPayloadTable() {
        int[] table = new int[64];
        for (int granules = 0; granules < 8; granules++) {
            for (int k = 0; k < 8; k++) {
                table[(granules << 3) + k] = k < (granules << 1) - ObjectHeader.HEADER_WORDS ? 0 : 1;
            }
        }
        return table;
    }

    /**
     * The info word of the reserved granule 0, where {@link Heap#NULL} would have its header. Each mark
     * writes its epoch there, so a slot holding NULL reads as a reference to a marked block and
     * {@link #markSlot} needs no test of its own for it (CollectionBenchmark, 64 KiB: p50 4.54 → 4.38 µs;
     * no change at 1 MiB).
     */
    private static final int NULL_INFO_WORD = 1;

    private final int[] words;
    private final int endWord;
    /** The sweeper's live map: each block this mark marks gets its byte ({@link Sweeper#setLive}). */
    private final byte[] live;
    private final int[] stack;
    private int sp;
    private boolean overflowed;
    private final RootVisitor marker = this::markValue;

    /** The current (or last) collection's number, 0 before the first. */
    private int epoch;
    /** {@code epoch << EPOCH_SHIFT}: what a marked block's info word holds in its epoch bits. */
    private int epochBits;
    /** The pending sweep's cursor and epoch as the mark began: below them lies unswept garbage. */
    private int garbageFrom;
    private int garbageBefore;

    /** Each collection's pause, ns. Two significant digits keep it at about 30 KB per heap. */
    private final Histogram pauses = new Histogram(MAX_RECORDED_PAUSE_NS, 2);
    private long collections;
    private long lastPauseNs;
    private long totalPauseNs;
    private long rescans;

    // Counted by the current mark, and by the last one that finished.
    private int markedObjects;
    private int markedGranules;
    private int liveObjects;
    private int liveGranules;

    Collector(int[] words, byte[] live, int markStackEntries) {
        this.words = words;
        this.live = live;
        this.endWord = words.length;
        this.stack = new int[markStackEntries];
    }

    /** One full collection: returns the granules still in use. The sweep is left to {@code sweeper}. */
    int collect(Allocator allocator, Sweeper sweeper, RootSet roots, PinnedHandles pins) {
        long start = System.nanoTime();
        allocator.makeParseable();
        beginEpoch(sweeper);
        try {
            markRootSet(roots);
            markPinned(pins);
            drain();
            while (overflowed) {
                overflowed = false;
                rescan();
            }
        } catch (RuntimeException | Error e) {
            abandonMark(sweeper);
            throw e;
        }
        liveObjects = markedObjects;
        liveGranules = markedGranules;
        sweeper.start(epoch);
        recordPause(System.nanoTime() - start);
        return liveGranules;
    }

    /** Takes the next epoch number, renumbering first if they ran out. */
    private void beginEpoch(Sweeper sweeper) {
        if (epoch == ObjectHeader.MAX_EPOCH) {
            sweeper.forgetEpochs();
            epoch = 0;
        }
        epoch++;
        epochBits = epoch << ObjectHeader.EPOCH_SHIFT;
        words[NULL_INFO_WORD] = epochBits;
        garbageFrom = sweeper.cursor();
        garbageBefore = sweeper.sweepEpoch();
        sweeper.clearPendingMarks();
        markedObjects = 0;
        markedGranules = 0;
    }

    private void markRootSet(RootSet roots) {
        roots.scanRoots(marker);
    }

    private void markPinned(PinnedHandles pins) {
        pins.scan(marker);
    }

    /**
     * Marks a root value if it is a white reference; pushes it if it has slots. A bytes object is
     * counted here; a slots object when {@link #drain} scans it, or when a full stack drops it.
     */
    private void markValue(int v) {
        if ((v & 3) != 0 || v == 0) {
            return;
        }
        int wi = v >> 2;
        int info = words[wi + 1];
        int header = words[wi];
        if ((info & EPOCH_MASK) == epochBits || !isWhite(wi, header, info, garbageBefore, garbageFrom)) {
            return;
        }
        words[wi + 1] = (info & ~EPOCH_MASK) | epochBits;
        Sweeper.setLive(live, wi);
        if ((header & SLOTS) != 0) {
            push(wi);
        } else {
            countLeaf(header, wi);
        }
    }

    /**
     * An unmarked block may be marked unless it is free or unswept garbage (a dangling reference). By
     * the sweep's invariant, a block that is neither has the pending sweep's epoch or a later one, or
     * has epoch 0 and lies below the cursor (allocated since); garbage lies at or above the cursor.
     */
    private static boolean isWhite(int wi, int header, int info, int garbageBefore, int garbageFrom) {
        return (header & FREE) == 0 && (ObjectHeader.epoch(info) >= garbageBefore || wi < garbageFrom);
    }

    /**
     * Pushes a grey object; when the stack is full, drops it and leaves it to {@link #rescan}. A dropped
     * object is counted now, as if scanned: the rescan un-counts every object it scans again.
     */
    private void push(int wi) {
        if (sp < stack.length) {
            stack[sp++] = wi;
        } else {
            overflowed = true;
            markedObjects++;
            markedGranules += words[wi] & SIZE_MASK;
        }
    }

    private void countLeaf(int header, int wi) {
        markedObjects++;
        markedGranules += checkedGranules(header, wi);
    }

    /**
     * Scans grey objects until none is left: the hot loop of the mark phase. The last SLOTS child
     * found in an object is scanned next without going through the stack, so a chain (a linked list, a
     * deep tree's spine) costs no stack traffic: mark time -25 % on CollectionBenchmark's list. Small
     * objects are read as one window (see {@link #SMALL_GRANULES}): the six loads come first, so the
     * JIT checks their bounds once. Each scanned object is counted here, in one long (objects in the
     * high half, granules in the low), which keeps the loop's live values in registers.
     */
    private void drain() {
        final int[] words = this.words;
        final int epochBits = this.epochBits;
        final int garbageBefore = this.garbageBefore;
        final int garbageFrom = this.garbageFrom;
        long counts = 0;
        int wi = 0;
        while (wi != 0 || sp > 0) {
            if (wi == 0) {
                wi = stack[--sp];
            }
            int size = words[wi] & SIZE_MASK;
            counts += (1L << 32) | size;
            int next = 0;
            if (size <= SMALL_GRANULES && wi + ObjectHeader.HEADER_WORDS + WINDOW_WORDS - 1 < words.length) {
                int row = (size & 7) << 3; // this order, before the loads, measured 10 % faster (C2's schedule)
                int w5 = words[wi + 7];
                int w4 = words[wi + 6];
                int w3 = words[wi + 5];
                int w2 = words[wi + 4];
                int w1 = words[wi + 3];
                int w0 = words[wi + 2];
                next = markSlot(w0, PAST_PAYLOAD[row], next, epochBits, garbageBefore, garbageFrom);
                next = markSlot(w1, PAST_PAYLOAD[row + 1], next, epochBits, garbageBefore, garbageFrom);
                next = markSlot(w2, PAST_PAYLOAD[row + 2], next, epochBits, garbageBefore, garbageFrom);
                next = markSlot(w3, PAST_PAYLOAD[row + 3], next, epochBits, garbageBefore, garbageFrom);
                next = markSlot(w4, PAST_PAYLOAD[row + 4], next, epochBits, garbageBefore, garbageFrom);
                next = markSlot(w5, PAST_PAYLOAD[row + 5], next, epochBits, garbageBefore, garbageFrom);
            } else {
                int end = wi + (checkedGranules(words[wi], wi) << 1);
                for (int i = wi + ObjectHeader.HEADER_WORDS; i < end; i++) {
                    next = markSlot(words[i], 0, next, epochBits, garbageBefore, garbageFrom);
                }
            }
            wi = next;
        }
        markedObjects += (int) (counts >>> 32);
        markedGranules += (int) counts;
    }

    /**
     * One slot of the object being scanned, holding {@code value}: marks what it refers to if that is
     * white. {@code pastPayload} is 1 when the word lies past the payload (then it is not a slot at
     * all). Returns the object to scan next: the value's object if it is a newly marked slots object
     * (then the previous {@code next}, if any, is pushed), else {@code next}. A bytes object has
     * nothing to scan and is counted here. The child's index comes from {@code value} alone, not from
     * the masked word: that keeps the mask's table load off the chain of loads from object to object
     * (-10 % mark time).
     */
    private int markSlot(int value, int pastPayload, int next, int epochBits, int garbageBefore, int garbageFrom) {
        if (((value | pastPayload) & 3) == 0) {
            int child = value >> 2;
            int info = words[child + 1];
            if ((info & EPOCH_MASK) != epochBits) {
                int header = words[child];
                if (isWhite(child, header, info, garbageBefore, garbageFrom)) {
                    words[child + 1] = (info & ~EPOCH_MASK) | epochBits;
                    Sweeper.setLive(live, child);
                    if ((header & SLOTS) != 0) {
                        if (next != 0) {
                            push(next);
                        }
                        return child;
                    }
                    countLeaf(header, child);
                }
            }
        }
        return next;
    }

    /**
     * After an overflow: scan every marked SLOTS object again, so no grey object is left behind. They
     * go on the stack, drained whenever it is full; each was counted once already (scanned or dropped),
     * and is un-counted here since the drain counts it again.
     */
    private void rescan() {
        rescans++;
        for (int wi = Allocator.FIRST_WORD; wi < endWord; ) {
            int header = words[wi];
            int size = Sweeper.granulesOf(header, wi, endWord);
            if ((header & SLOTS) != 0 && (words[wi + 1] & EPOCH_MASK) == epochBits) {
                if (sp == stack.length) {
                    drain();
                }
                markedObjects--;
                markedGranules -= size;
                stack[sp++] = wi;
            }
            wi += size << 1;
        }
        drain();
    }

    private int checkedGranules(int header, int wi) {
        int granules = header & SIZE_MASK;
        if (granules == 0 || granules > (endWord - wi) >> 1) {
            return Sweeper.granulesOf(header, wi, endWord); // throws
        }
        return granules;
    }

    /**
     * A mark that could not finish (a RootSet threw). Its marks carry an epoch no sweep will use, so
     * they need no clearing: the pending sweep, if any, goes on under its own epoch. Its live map does:
     * the sweeper rebuilds the pending sweep's map from the headers.
     */
    private void abandonMark(Sweeper sweeper) {
        sp = 0;
        overflowed = false;
        sweeper.rebuildLiveMap();
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

    /** The current (or last) collection's epoch, 0 before the first. */
    int epoch() {
        return epoch;
    }
}
