package dev.zvm.gc;

import static dev.zvm.gc.ObjectHeader.EPOCH_MASK;
import static dev.zvm.gc.ObjectHeader.FREE;
import static dev.zvm.gc.ObjectHeader.SIZE_MASK;

/**
 * The lazy sweep of one {@link Heap}: after a collection has marked, it turns what the mark did not
 * reach into free blocks a step at a time, whenever the {@link Allocator} runs dry, instead of inside
 * the collection's pause. It walks the blocks in address order behind a cursor and coalesces each run
 * of adjacent garbage and free blocks into one free block.
 *
 * <p><b>Invariant</b> (Collector, Allocator, Heap and HeapVerifier rely on it). The cursor splits the
 * heap in two.
 * <ul>
 *   <li>Below it, {@code [FIRST_WORD, cursor)}, the heap is swept: every block is either allocated
 *       (it survived the last mark, or was allocated since) or free, and then it is on exactly one free
 *       list or is the allocator's chunk.</li>
 *   <li>From it on, {@code [cursor, endWord)}, nothing has been swept since the collection numbered
 *       {@code sweepEpoch}: an allocated block there is live iff its mark epoch is at least
 *       {@code sweepEpoch}. Every other block there (unmarked, or free from an earlier cycle) is
 *       garbage waiting for the sweep, and none is on a list.</li>
 * </ul>
 * The allocator hands out only listed or chunk memory, so everything allocated since the collection
 * lies below the cursor, and the mutator cannot reach garbage (it was unreachable at the mark). "At
 * least" rather than "equal": a collection abandoned half-way (a throwing {@link RootSet}) leaves
 * newer epochs on some blocks, which were live at {@code sweepEpoch} too. When the cursor reaches the
 * end, the sweep is complete and the free lists are exact.
 *
 * <p>Allocates no Java object. Called on the heap's owner thread only.
 */
final class Sweeper {
    /**
     * A step walks at least this many blocks, unless it reaches the end: about 1 µs. Larger steps
     * leave fewer trips through the allocator's slow path, smaller ones a shorter stall for the one
     * allocation that pays for the step. Not tuned.
     */
    static final int STEP_BLOCKS = 512;
    /**
     * A step ends inside a run of garbage only once the run has this many granules. The piece becomes
     * the allocator's chunk, and the next step, which starts where the chunk ends, grows it: so a run
     * is never split, and a step costs at most this many blocks more than {@link #STEP_BLOCKS}.
     */
    static final int SPLIT_RUN_GRANULES = 64;

    private final int[] words;
    private final int endWord;
    private final Allocator allocator;
    /** Word index of the first unswept block; endWord when the sweep is complete. */
    private int cursor;
    /** The epoch of the collection whose marks the unswept part is judged by. */
    private int sweepEpoch;

    Sweeper(int[] words, Allocator allocator) {
        this.words = words;
        this.endWord = words.length;
        this.allocator = allocator;
        this.cursor = endWord;
    }

    /** A collection has marked with {@code epoch}: the whole heap is unswept and the free lists empty. */
    void start(int epoch) {
        allocator.clearFreeLists();
        cursor = Allocator.FIRST_WORD;
        sweepEpoch = epoch;
    }

    /** True while some of the heap is unswept. */
    boolean pending() {
        return cursor < endWord;
    }

    /** One step of the sweep: returns the blocks walked, 0 when nothing was left to sweep. */
    int step() {
        return sweep(STEP_BLOCKS);
    }

    /** Sweeps the rest of the heap: afterwards the free lists hold every free block. */
    void finish() {
        sweep(Integer.MAX_VALUE);
    }

    /**
     * Walks at least {@code minBlocks} blocks from the cursor, or to the end. It stops after a live
     * block, or inside a run of garbage once the run is {@link #SPLIT_RUN_GRANULES} long. Returns the
     * blocks walked. About 2.2 ns per block on runs of live blocks, 3.4 ns on alternating live and
     * dead ones, where the free-list pushes inlined into the loop make C2 spill (buffering the runs
     * and pushing them after the walk would be the next thing to try).
     */
    int sweep(int minBlocks) {
        final int[] words = this.words;
        final int liveEpoch = sweepEpoch;
        int wi = cursor;
        if (wi >= endWord) {
            return 0;
        }
        // A run that starts where the chunk ends continues the chunk (it was cut by the last step).
        boolean growsChunk = allocator.bumpEnd() == wi;
        int runStart = growsChunk ? allocator.bumpTop() : -1;
        int walked = 0;
        while (wi < endWord) {
            int header = words[wi];
            int next = wi + (granulesOf(header, wi, endWord) << 1);
            if ((header & FREE) == 0 && ObjectHeader.epoch(words[wi + 1]) >= liveEpoch) {
                if (runStart >= 0) {
                    release(runStart, wi, growsChunk);
                    growsChunk = false;
                    runStart = -1;
                }
                wi = next;
                if (++walked >= minBlocks) {
                    break;
                }
            } else {
                if (runStart < 0) {
                    runStart = wi;
                }
                wi = next;
                if (++walked >= minBlocks && wi - runStart >= SPLIT_RUN_GRANULES << 1) {
                    if (growsChunk) {
                        allocator.extendChunk(wi);
                    } else {
                        allocator.replaceChunk(runStart, wi);
                    }
                    runStart = -1;
                    break;
                }
            }
        }
        if (runStart >= 0) {
            release(runStart, wi, growsChunk);
        }
        cursor = wi;
        return walked;
    }

    /** [start, end) is free: it grows the chunk it continues, or goes on its free list. */
    private void release(int start, int end, boolean growsChunk) {
        if (growsChunk) {
            allocator.extendChunk(end);
        } else {
            allocator.addFree(start, (end - start) >> 1);
        }
    }

    /**
     * Before the collector numbers its marks from 1 again: completes the sweep, then sets the epoch of
     * every allocated block to 0, so that no old number can be mistaken for a new mark. A full walk,
     * once every {@link ObjectHeader#MAX_EPOCH} collections.
     */
    void forgetEpochs() {
        finish();
        allocator.makeParseable();
        for (int wi = Allocator.FIRST_WORD; wi < endWord; ) {
            int header = words[wi];
            if ((header & FREE) == 0) {
                words[wi + 1] &= ~EPOCH_MASK;
            }
            wi += granulesOf(header, wi, endWord) << 1;
        }
        sweepEpoch = 0;
    }

    /** Word index of the first unswept block; the heap's end when the sweep is complete. */
    int cursor() {
        return cursor;
    }

    int sweepEpoch() {
        return sweepEpoch;
    }

    /** True iff the block at {@code wi} is garbage the sweep has not reached yet (see the invariant). */
    boolean isUnsweptGarbage(int wi) {
        return wi >= cursor && (words[wi] & FREE) == 0 && ObjectHeader.epoch(words[wi + 1]) < sweepEpoch;
    }

    /** The size of a block, checked: a size that does not fit the heap means a corrupt header. */
    static int granulesOf(int header, int wi, int endWord) {
        int granules = header & SIZE_MASK;
        if (granules == 0 || wi + (granules << 1) > endWord) {
            throw new HeapCorruptionException("ref=" + (wi << 2) + " header=0x" + Integer.toHexString(header)
                + ": block size " + granules + " granules does not fit the heap");
        }
        return granules;
    }
}
