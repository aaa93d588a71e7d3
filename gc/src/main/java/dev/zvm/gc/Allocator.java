package dev.zvm.gc;

import static dev.zvm.gc.ObjectHeader.FREE;
import static dev.zvm.gc.ObjectHeader.SIZE_MASK;

/**
 * The allocator: segregated free lists over the blocks of one {@link Heap}, plus a bump chunk.
 * Works in word indices (a reference is {@code wordIndex << 2}) and granules (8 bytes, 2 words).
 *
 * <p>Free blocks live on exactly one list, threaded through their info word (word 1 holds the word
 * index of the next free block, 0 ends the list):
 * <ul>
 *   <li>small classes, one per exact block size of 1 .. {@link #SMALL_MAX_GRANULES} granules (8 .. 504
 *       bytes): an allocation that finds its class non-empty pops the head and is done;</li>
 *   <li>large bins, one per power of two of granules: bin b holds blocks of [2^b, 2^(b+1)) granules;
 *       a large allocation takes the first fit of its own bin, else the chunk, else the head of any
 *       higher bin, and splits off the rest;</li>
 *   <li>the bump chunk [bumpTop, bumpEnd): one free block, on no list, that small allocations carve
 *       from the front when their class is empty. It is refilled from the largest free block, or
 *       by the sweep with a long gap, piece by piece ({@link #continueChunk}).</li>
 * </ul>
 * A collection empties all of this; the {@link Sweeper} then refills it, a step at a time, whenever an
 * allocation finds nothing (the heap's slow path), each gap between live blocks as one free block. So no
 * list needs to be doubly linked and no allocation path merges neighbours. A block on a list or in
 * the chunk always lies below the sweep cursor.
 *
 * <p>Nothing here allocates a Java object. Single-threaded: only the heap's owner calls it.
 */
final class Allocator {
    /** Blocks up to this many granules have a class of their own (one bit each in a long mask). */
    static final int SMALL_MAX_GRANULES = 63;
    /** The first word of the first block: granule 0 is reserved so that no object sits at offset 0. */
    static final int FIRST_WORD = 2;

    private final int[] words;
    private final int endWord;

    /** smallHeads[g]: first free block of exactly g granules, 0 if none. */
    private final int[] smallHeads = new int[SMALL_MAX_GRANULES + 1];
    /** Bit g clear: class g is empty. Bit g set: it may hold blocks (cleared lazily when found empty). */
    private long smallMask;
    /** largeHeads[b]: first free block of [2^b, 2^(b+1)) granules, 0 if none. */
    private final int[] largeHeads = new int[32];
    /** Bit b set exactly when largeHeads[b] != 0. */
    private int largeMask;

    /** The bump chunk, word indices; empty when bumpTop == bumpEnd. */
    private int bumpTop;
    private int bumpEnd;

    Allocator(int[] words) {
        this.words = words;
        this.endWord = words.length;
        clearFreeLists();
        addFree(FIRST_WORD, (endWord - FIRST_WORD) >> 1);
    }

    /** The first free block of the small class of {@code granules}, taken off its list; 0 if it has none. */
    int popSmall(int granules) {
        int head = smallHeads[granules];
        if (head != 0) {
            smallHeads[granules] = words[head + 1];
        }
        return head;
    }

    /**
     * A block of exactly {@code granules} (1 .. 2^27-1) granules, its header words unwritten and its
     * payload not cleared; or 0 when no free block is big enough.
     */
    int allocate(int granules) {
        if (granules <= SMALL_MAX_GRANULES) {
            int head = popSmall(granules);
            if (head != 0) {
                return head;
            }
            int top = bumpTop + (granules << 1);
            if (top <= bumpEnd) {
                int wi = bumpTop;
                bumpTop = top;
                return wi;
            }
            return allocateSmallSlow(granules);
        }
        return allocateLarge(granules);
    }

    /** The class is empty and the chunk too short: refill the chunk from the largest free block, else split. */
    private int allocateSmallSlow(int granules) {
        if (largeMask != 0) {
            retireChunk();
            int bin = 31 - Integer.numberOfLeadingZeros(largeMask);
            int wi = popLarge(bin);
            bumpTop = wi + (granules << 1);
            bumpEnd = wi + ((words[wi] & SIZE_MASK) << 1);
            return wi;
        }
        long candidates = granules == SMALL_MAX_GRANULES ? 0 : smallMask & (-1L << (granules + 1));
        while (candidates != 0) {
            int cls = Long.numberOfTrailingZeros(candidates);
            int wi = smallHeads[cls];
            if (wi != 0) {
                smallHeads[cls] = words[wi + 1];
                addFree(wi + (granules << 1), cls - granules);
                return wi;
            }
            smallMask &= ~(1L << cls);
            candidates &= candidates - 1;
        }
        return 0;
    }

    /**
     * First fit in the block's own bin, else the chunk, else the head of a higher bin. The chunk comes
     * before the higher bins, so that a large allocation does not split another big block while the
     * chunk, already cut into, still fits it.
     */
    private int allocateLarge(int granules) {
        int bin = 31 - Integer.numberOfLeadingZeros(granules);
        int prev = 0;
        for (int wi = largeHeads[bin]; wi != 0; prev = wi, wi = words[wi + 1]) {
            int size = words[wi] & SIZE_MASK;
            if (size >= granules) {
                int next = words[wi + 1];
                if (prev == 0) {
                    setLargeHead(bin, next);
                } else {
                    words[prev + 1] = next;
                }
                split(wi, size, granules);
                return wi;
            }
        }
        if (bumpEnd - bumpTop >= granules << 1) {
            int wi = bumpTop;
            bumpTop += granules << 1;
            return wi;
        }
        int higher = largeMask & (-2 << bin);
        if (higher != 0) {
            int wi = popLarge(Integer.numberOfTrailingZeros(higher));
            split(wi, words[wi] & SIZE_MASK, granules);
            return wi;
        }
        return 0;
    }

    private int popLarge(int bin) {
        int wi = largeHeads[bin];
        setLargeHead(bin, words[wi + 1]);
        return wi;
    }

    private void setLargeHead(int bin, int wi) {
        largeHeads[bin] = wi;
        if (wi == 0) {
            largeMask &= ~(1 << bin);
        }
    }

    private void split(int wi, int size, int granules) {
        if (size > granules) {
            addFree(wi + (granules << 1), size - granules);
        }
    }

    /** Puts the rest of the chunk on a free list and empties the chunk. */
    private void retireChunk() {
        if (bumpTop < bumpEnd) {
            addFree(bumpTop, (bumpEnd - bumpTop) >> 1);
        }
        bumpTop = 0;
        bumpEnd = 0;
    }

    /** Makes [wi, wi + 2*granules) a free block and pushes it on its list. */
    void addFree(int wi, int granules) {
        words[wi] = FREE | granules;
        if (granules <= SMALL_MAX_GRANULES) {
            words[wi + 1] = smallHeads[granules];
            smallHeads[granules] = wi;
            smallMask |= 1L << granules;
        } else {
            int bin = 31 - Integer.numberOfLeadingZeros(granules);
            words[wi + 1] = largeHeads[bin];
            largeHeads[bin] = wi;
            largeMask |= 1 << bin;
        }
    }

    /**
     * The sweep frees {@code [wi, endWi)}, a gap it has not reached the end of: the piece continues the
     * chunk if the chunk ends at {@code wi}, else it becomes the chunk (the old one goes on a list). So
     * a gap freed over several steps stays one block, and a large allocation that waits for it finds it
     * whole. Only the sweep's last piece can end where the next begins: the cursor lies beyond it.
     */
    void continueChunk(int wi, int endWi) {
        if (bumpEnd != wi) {
            retireChunk();
            bumpTop = wi;
        }
        bumpEnd = endWi;
    }

    /** The sweep frees a whole gap: it ends the chunk's run if the chunk ends at {@code wi}, else it is listed. */
    void addGap(int wi, int granules) {
        if (bumpEnd == wi) {
            bumpEnd = wi + (granules << 1);
        } else {
            addFree(wi, granules);
        }
    }

    /** Forgets every free block (a collection ran: the sweep will re-add them all, coalesced). */
    void clearFreeLists() {
        java.util.Arrays.fill(smallHeads, 0);
        java.util.Arrays.fill(largeHeads, 0);
        smallMask = 0;
        largeMask = 0;
        bumpTop = 0;
        bumpEnd = 0;
    }

    /**
     * Writes a free header over the unused rest of the chunk, so that a walk over the blocks from
     * {@link #FIRST_WORD} to the end sees a complete tiling. The chunk stays the chunk.
     */
    void makeParseable() {
        if (bumpTop < bumpEnd) {
            words[bumpTop] = FREE | ((bumpEnd - bumpTop) >> 1);
            words[bumpTop + 1] = 0;
        }
    }

    /** Granules of the largest free block, the chunk included. */
    int largestFreeGranules() {
        int largest = (bumpEnd - bumpTop) >> 1;
        if (largeMask != 0) {
            int bin = 31 - Integer.numberOfLeadingZeros(largeMask);
            for (int wi = largeHeads[bin]; wi != 0; wi = words[wi + 1]) {
                largest = Math.max(largest, words[wi] & SIZE_MASK);
            }
        }
        for (int g = SMALL_MAX_GRANULES; g > largest; g--) {
            if (smallHeads[g] != 0) {
                return g;
            }
        }
        return largest;
    }

    // Read access for the verifier.

    int bumpTop() {
        return bumpTop;
    }

    int bumpEnd() {
        return bumpEnd;
    }

    int smallHead(int granules) {
        return smallHeads[granules];
    }

    int largeHead(int bin) {
        return largeHeads[bin];
    }

    boolean smallMaskAllows(int granules) {
        return (smallMask & (1L << granules)) != 0;
    }

    boolean largeMaskSays(int bin) {
        return (largeMask & (1 << bin)) != 0;
    }
}
