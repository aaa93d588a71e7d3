package dev.zvm.gc;

import static dev.zvm.gc.ObjectHeader.EPOCH_MASK;
import static dev.zvm.gc.ObjectHeader.FREE;
import static dev.zvm.gc.ObjectHeader.SIZE_MASK;

/**
 * The lazy sweep of one {@link Heap}: after a collection has marked, it turns what the mark did not
 * reach into free blocks a step at a time, whenever the {@link Allocator} runs dry, instead of inside
 * the collection's pause. It moves through the heap in address order behind a cursor, from live
 * block to live block, and makes each gap between them (garbage and old free blocks) one free block.
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
 * <p><b>The live map.</b> The mark sets one byte per block it marks, at the block's first granule
 * ({@link #setLive}). The sweep does not walk the garbage: from the cursor it finds the next marked
 * block by scanning the map eight granules a read, frees the whole gap before it as one block, clears
 * the byte and jumps past the block by its size. So its cost is the live blocks plus an eighth of the
 * heap's size (the map), not the dead blocks: a heap of short-lived floats is swept without touching
 * them. Below the cursor every byte is 0; from it on, a byte is set exactly at the live blocks
 * (checked by {@link HeapVerifier}). A byte, not a bit: the mark stores it without reading it first.
 * A bit's read-modify-write made neighbouring objects wait for each other's store, and the mark of
 * CollectionBenchmark took 13–16 % longer; the byte costs nothing measurable. The price is memory,
 * an eighth of the heap's size.
 *
 * <p><b>Bounded steps.</b> A step reads at most {@link #SCAN_GRANULES} bytes of the map. A gap longer
 * than that is cut at a block boundary found by walking at most {@link #STEP_BLOCKS} headers (blocks
 * that start where the map reads clear are garbage), and the front goes into the allocator's chunk;
 * the next step's piece continues the chunk ({@link Allocator#continueChunk}), so the gap ends up one
 * block all the same. {@code clearTo} remembers how far the map was read, so no byte is read twice.
 *
 * <p>Allocates no Java object. Called on the heap's owner thread only.
 */
final class Sweeper {
    /**
     * A step passes at least this many blocks (live blocks, and gaps freed), unless it reaches the
     * end: a few µs at most. Larger steps leave fewer trips through the allocator's slow path, smaller
     * ones a shorter stall for the one allocation that pays for the step. Not tuned.
     */
    static final int STEP_BLOCKS = 512;
    /**
     * A step reads at most this many bytes of the live map (2,048 eight-byte reads, 128 KiB of heap):
     * about a µs. A gap that goes on beyond them is freed up to a block boundary found by walking at
     * most {@link #STEP_BLOCKS} headers, and the next step goes on from there.
     */
    static final int SCAN_GRANULES = 1 << 14;

    private final int[] words;
    private final int endWord;
    private final Allocator allocator;
    /** live[g] != 0: the block at granule g was marked by the collection the pending sweep serves. */
    private final byte[] live;
    /** Word index of the first unswept block; endWord when the sweep is complete. */
    private int cursor;
    /** The epoch of the collection whose marks the unswept part is judged by. */
    private int sweepEpoch;
    /**
     * Granule index up to which the map is known clear from the cursor on: a step that cut a gap short
     * read that far, and the next one starts reading there. 0 when nothing is known.
     */
    private int clearTo;

    Sweeper(int[] words, Allocator allocator) {
        this.words = words;
        this.endWord = words.length;
        this.allocator = allocator;
        this.cursor = endWord;
        this.live = new byte[endWord >> 1];
    }

    /** The live map, which the {@link Collector} fills as it marks. */
    byte[] liveMap() {
        return live;
    }

    /** Marks the block at word {@code wi} live in {@code live}. */
    static void setLive(byte[] live, int wi) {
        live[wi >>> 1] = 1;
    }

    /**
     * A collection begins: the bytes the pending sweep has not consumed yet (from the cursor on) are
     * cleared, so that the map holds the new marks only. Below the cursor every byte is 0.
     */
    void clearPendingMarks() {
        java.util.Arrays.fill(live, cursor >>> 1, live.length, (byte) 0);
        clearTo = 0;
    }

    /**
     * A mark was abandoned: its marks are mixed with the pending sweep's, which {@link #clearPendingMarks}
     * already dropped. Rebuilds them from the headers: from the cursor on, a block is live iff it is
     * allocated with an epoch of at least the pending sweep's (the rule the walk used). A heap walk,
     * only when a {@link RootSet} throws.
     */
    void rebuildLiveMap() {
        java.util.Arrays.fill(live, (byte) 0);
        clearTo = 0;
        for (int wi = cursor; wi < endWord; ) {
            if ((words[wi] & FREE) == 0 && !isUnsweptGarbage(wi)) {
                setLive(live, wi);
            }
            wi += granulesOf(words[wi], wi, endWord) << 1;
        }
    }

    /** True iff the live map says the block at word {@code wi} is live (for the verifier). */
    boolean isMarkedLive(int wi) {
        return live[wi >>> 1] != 0;
    }

    /** A collection has marked with {@code epoch}: the whole heap is unswept and the free lists empty. */
    void start(int epoch) {
        allocator.clearFreeLists();
        cursor = Allocator.FIRST_WORD;
        sweepEpoch = epoch;
        clearTo = 0;
    }

    /** True while some of the heap is unswept. */
    boolean pending() {
        return cursor < endWord;
    }

    /** One step of the sweep: returns the blocks passed, 0 when nothing was left to sweep. */
    int step() {
        return sweep(STEP_BLOCKS, SCAN_GRANULES);
    }

    /** Sweeps the rest of the heap: afterwards the free lists hold every free block. */
    void finish() {
        sweep(Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /**
     * Passes at least {@code minBlocks} blocks from the cursor (each live block counts one, and so does
     * each gap freed), or goes to the end; stops after a live block. Each gap between live blocks, all
     * garbage and old free blocks, becomes one free block without a look at what lay in it. Reads at
     * most {@code scanGranules} bytes of the map: a gap that goes on beyond them is freed up to a block
     * boundary (at most {@link #STEP_BLOCKS} headers walked) into the allocator's chunk, which the next
     * step's piece continues, and the step ends there. Returns the blocks passed, 0 when nothing was
     * left to sweep.
     */
    int sweep(int minBlocks, int scanGranules) {
        final int[] words = this.words;
        final byte[] live = this.live;
        int wi = cursor;
        if (wi >= endWord) {
            return 0;
        }
        int passed = 0;
        int scanLeft = scanGranules;
        while (wi < endWord) {
            int from = Math.max(wi >>> 1, clearTo);
            int limit = (int) Math.min(live.length, (long) from + scanLeft);
            int g = nextLive(live, from, limit);
            if (g == limit && limit < live.length) {
                if (limit > wi >>> 1) { // the block at wi is garbage: free what the map shows clear
                    clearTo = limit;
                    wi = cutGap(wi, limit << 1);
                    passed++;
                } // else the budget ran out at a block this step has passed at least one before
                break;
            }
            scanLeft -= g - from;
            int next = g << 1;
            if (next > wi) {
                allocator.addGap(wi, (next - wi) >> 1);
                passed++;
                if (next >= endWord) {
                    wi = endWord;
                    break;
                }
            }
            live[g] = 0; // consumed
            wi = next + (granulesOf(words[next], next, endWord) << 1);
            if (++passed >= minBlocks) {
                break;
            }
        }
        cursor = wi;
        return passed;
    }

    /**
     * Frees the front of a gap that goes on at least to word {@code clearEnd} (the map is clear from
     * {@code wi} to there): the blocks from {@code wi} whose starts lie below {@code clearEnd}, at most
     * {@link #STEP_BLOCKS} of them and at least one, all garbage. Returns the word after the last.
     */
    private int cutGap(int wi, int clearEnd) {
        final int[] words = this.words;
        int end = wi + (granulesOf(words[wi], wi, endWord) << 1);
        for (int n = 1; end < clearEnd && n < STEP_BLOCKS; n++) {
            end += granulesOf(words[end], end, endWord) << 1;
        }
        allocator.continueChunk(wi, end);
        return end;
    }

    private static final java.lang.invoke.VarHandle LONGS =
        java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * The first granule in {@code [g, limit)} whose live byte is set, or {@code limit}. Reads eight
     * bytes at a time from {@code g} itself, aligned or not (x86 loads them as fast): a dense run of
     * live blocks then costs one load and one count of zeros each, with no loop to exit. A byte loop
     * up to the first aligned read mispredicted its exit on every block of a mixed live and dead heap.
     */
    private static int nextLive(byte[] live, int g, int limit) {
        while (g + 8 <= limit) {
            long x = (long) LONGS.get(live, g);
            if (x != 0) {
                return g + (Long.numberOfTrailingZeros(x) >>> 3);
            }
            g += 8;
        }
        while (g < limit && live[g] == 0) {
            g++;
        }
        return g;
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
