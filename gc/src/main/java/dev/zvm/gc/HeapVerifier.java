package dev.zvm.gc;

import static dev.zvm.gc.ObjectHeader.FREE;
import static dev.zvm.gc.ObjectHeader.SIZE_MASK;
import static dev.zvm.gc.ObjectHeader.SLOTS;

import java.util.ArrayList;
import java.util.List;

/**
 * A debugging aid: walks a {@link Heap} and checks everything the allocator and collector rely on.
 * Slow (it allocates bitmaps the size of the heap / 64) and meant for tests and a VM debug mode,
 * never for a hot path. Call it on the heap's owner thread, between allocations, never during a
 * collection.
 *
 * <p>It checks: that the blocks tile the heap from byte 8 to its end; every header's reserved bits,
 * size, pad and flags (no mark epoch after the last collection's, no free SLOTS block); that a slots
 * object's padding word is 0; that every reference in a live object's slot, a root or a pinned handle
 * points at the header of a live block; that the sweep cursor sits on a block boundary; that every
 * free block below it is on exactly the right free list (or is the allocator's bump chunk) and every
 * list entry is such a block; that the sweeper's live map is clear below the cursor and, from it
 * on, set exactly at the live blocks; and that the heap's used-bytes count matches the walk.
 *
 * <p>It may run while the lazy sweep is pending ({@link Sweeper}): from the cursor on, a block that
 * the last mark did not reach is garbage. Its header is checked, but it is not counted, its slots are
 * not checked (they may name blocks reused since), and a reference to it is reported as one to a
 * free block.
 */
public final class HeapVerifier {
    private final Heap heap;
    private final int[] words;
    private final int endWord;
    private final int limit;
    private final List<String> problems = new ArrayList<>();
    /** Bit per granule: a block starts here. */
    private final long[] starts;
    /** Bit per granule: a free block, or unswept garbage, starts here. */
    private final long[] freeStarts;
    /** Bit per granule: a free block found on a list. */
    private final long[] listed;
    private int objects;
    private final int cursor;
    private final int heapEpoch;

    private HeapVerifier(Heap heap, int limit) {
        this.heap = heap;
        this.words = heap.words();
        this.endWord = words.length;
        this.limit = limit;
        int granules = endWord >> 1;
        this.starts = new long[(granules + 63) >> 6];
        this.freeStarts = new long[starts.length];
        this.listed = new long[starts.length];
        this.cursor = heap.sweeper().cursor();
        this.heapEpoch = heap.collector().epoch();
    }

    /**
     * Checks the heap; throws {@link HeapCorruptionException} naming the first problem found.
     *
     * @return the number of allocated objects checked
     */
    public static int verify(Heap heap) {
        HeapVerifier v = new HeapVerifier(heap, 1);
        v.run();
        if (!v.problems.isEmpty()) {
            throw new HeapCorruptionException(v.problems.get(0));
        }
        return v.objects;
    }

    /** Checks the heap and returns up to {@code limit} problems, empty when it is sound. */
    public static List<String> problems(Heap heap, int limit) {
        HeapVerifier v = new HeapVerifier(heap, Math.max(1, limit));
        v.run();
        return v.problems;
    }

    private void run() {
        heap.allocator().makeParseable();
        if (walkBlocks() && checkCursor()) {
            checkSlots();
            checkFreeLists();
            checkRoots();
        }
    }

    private boolean full() {
        return problems.size() >= limit;
    }

    private void problem(int wi, String what) {
        if (!full()) {
            problems.add("ref=" + (wi << 2) + " header=0x" + Integer.toHexString(words[wi]) + " info=0x"
                + Integer.toHexString(words[wi + 1]) + ": " + what);
        }
    }

    /** Walks the tiling; false if it is broken (then nothing else can be trusted). */
    private boolean walkBlocks() {
        long used = 0;
        int wi = Allocator.FIRST_WORD;
        while (wi < endWord && !full()) {
            int header = words[wi];
            int granules = header & SIZE_MASK;
            if (granules == 0 || wi + ((long) granules << 1) > endWord) {
                problem(wi, "block size " + granules + " granules does not fit the heap");
                return false;
            }
            if ((header & ObjectHeader.SIZE_WORD_RESERVED) != 0) {
                problem(wi, "reserved bits set in the size word");
            }
            setBit(starts, wi);
            boolean marked = heap.sweeper().isMarkedLive(wi);
            if (wi < cursor && marked) {
                problem(wi, "the live map marks a block below the sweep cursor " + cursor);
            } else if (wi >= cursor && marked != ((header & FREE) == 0 && !heap.sweeper().isUnsweptGarbage(wi))) {
                problem(wi, marked ? "the live map marks a block the sweep must free"
                    : "a live block the sweep has not reached is not in the live map");
            }
            if ((header & FREE) != 0) {
                setBit(freeStarts, wi);
                if ((header & SLOTS) != 0) {
                    problem(wi, "a free block flagged SLOTS");
                }
            } else if (heap.sweeper().isUnsweptGarbage(wi)) {
                setBit(freeStarts, wi);
                checkInfo(wi, header, granules);
            } else {
                objects++;
                used += granules;
                checkInfo(wi, header, granules);
            }
            wi += granules << 1;
        }
        if (full()) {
            return false;
        }
        if (wi != endWord) {
            problems.add("the blocks end at word " + wi + ", not at the heap's end " + endWord);
            return false;
        }
        if (used != heap.usedGranules()) {
            problems.add("the heap counts " + heap.usedGranules() + " used granules, the walk finds " + used);
        }
        byte[] live = heap.sweeper().liveMap();
        for (int g = 0; g < live.length; g++) {
            if (live[g] != 0 && !bit(starts, g << 1)) {
                problems.add("the live map marks granule " + g + ", where no block starts");
                break;
            }
        }
        return true;
    }

    private void checkInfo(int wi, int header, int granules) {
        int info = words[wi + 1];
        int pad = ObjectHeader.padBytes(info);
        if (ObjectHeader.epoch(info) > heapEpoch) {
            problem(wi, "mark epoch " + ObjectHeader.epoch(info) + " is after the last collection's, "
                + heapEpoch);
        } else if (granules == 1 && pad != 0) {
            problem(wi, "pad " + pad + " in a block with no payload");
        } else if ((header & SLOTS) != 0) {
            if (pad != 0 && pad != 4) {
                problem(wi, "pad " + pad + " in a slots object");
            } else if (pad == 4 && words[wi + (granules << 1) - 1] != 0) {
                problem(wi, "the padding word of a slots object is not 0");
            }
        }
    }

    /** The sweep cursor is the heap's end or the start of a block. */
    private boolean checkCursor() {
        if (cursor != endWord && (cursor < Allocator.FIRST_WORD || cursor > endWord || !bit(starts, cursor))) {
            problems.add("the sweep cursor, word " + cursor + ", is not at the start of a block");
            return false;
        }
        return true;
    }

    private void checkSlots() {
        for (int wi = Allocator.FIRST_WORD; wi < endWord && !full(); ) {
            int header = words[wi];
            int end = wi + ((header & SIZE_MASK) << 1);
            if ((header & SLOTS) != 0 && !bit(freeStarts, wi)) {
                for (int i = wi + ObjectHeader.HEADER_WORDS; i < end; i++) {
                    String bad = badReference(words[i]);
                    if (bad != null) {
                        problem(wi, "slot " + (i - wi - ObjectHeader.HEADER_WORDS) + " = " + words[i] + ": " + bad);
                    }
                }
            }
            wi = end;
        }
    }

    /** Why {@code value} is not a valid traced value, or null if it is one. */
    private String badReference(int value) {
        if (!Heap.isRef(value)) {
            return null;
        }
        if (value < 0 || value >= endWord << 2 || (value & 7) != 0) {
            return "not an aligned offset inside the heap";
        }
        int wi = value >> 2;
        if (!bit(starts, wi)) {
            return "does not point at a block header";
        }
        if (bit(freeStarts, wi)) {
            return (words[wi] & FREE) != 0 ? "points at a free block"
                : "points at a free block (garbage of the last collection, not swept yet)";
        }
        return null;
    }

    private void checkFreeLists() {
        Allocator a = heap.allocator();
        for (int g = 1; g <= Allocator.SMALL_MAX_GRANULES; g++) {
            if (a.smallHead(g) != 0 && !a.smallMaskAllows(g)) {
                problems.add("small class " + g + " has blocks but its mask bit is clear");
            }
            walkList(a.smallHead(g), g, g, "small class " + g);
        }
        for (int b = 0; b < 32; b++) {
            if ((a.largeHead(b) != 0) != a.largeMaskSays(b)) {
                problems.add("large bin " + b + ": mask bit disagrees with the list");
            }
            long lo = 1L << b;
            walkList(a.largeHead(b), (int) Math.max(lo, Allocator.SMALL_MAX_GRANULES + 1),
                (int) Math.min((lo << 1) - 1, SIZE_MASK), "large bin " + b);
        }
        int top = a.bumpTop();
        int end = a.bumpEnd();
        if (top < end) {
            if (!bit(freeStarts, top) || top + ((words[top] & SIZE_MASK) << 1) != end) {
                problems.add("the bump chunk [" + top + ", " + end + ") is not one free block");
            } else if (end > cursor) {
                problems.add("the bump chunk [" + top + ", " + end + ") reaches past the sweep cursor " + cursor);
            } else if (bit(listed, top)) {
                problems.add("the bump chunk is also on a free list");
            }
            setBit(listed, top);
        }
        int sweptGranules = cursor >> 1;
        for (int i = 0; i < freeStarts.length && (i << 6) < sweptGranules && !full(); i++) {
            long unlisted = freeStarts[i] & ~listed[i];
            if ((i + 1) << 6 > sweptGranules) {
                unlisted &= (1L << (sweptGranules & 63)) - 1; // only the blocks below the cursor
            }
            if (unlisted != 0) {
                int wi = ((i << 6) + Long.numberOfTrailingZeros(unlisted)) << 1;
                problem(wi, "a free block on no free list");
            }
        }
    }

    private void walkList(int head, int minGranules, int maxGranules, String name) {
        for (int wi = head; wi != 0 && !full(); wi = words[wi + 1]) {
            if (wi < Allocator.FIRST_WORD || wi >= endWord || (wi & 1) != 0 || !bit(freeStarts, wi)
                || (words[wi] & FREE) == 0) {
                problems.add(name + " links to word " + wi + ", which is not a free block");
                return;
            }
            if (wi >= cursor) {
                problems.add(name + " links to word " + wi + ", which the sweep has not reached");
                return;
            }
            if (bit(listed, wi)) {
                problems.add(name + " reaches the free block at word " + wi + " twice");
                return;
            }
            setBit(listed, wi);
            int granules = words[wi] & SIZE_MASK;
            if (granules < minGranules || granules > maxGranules) {
                problem(wi, "on " + name + " with " + granules + " granules");
            }
        }
    }

    private void checkRoots() {
        heap.roots().scanRoots(value -> {
            String bad = badReference(value);
            if (bad != null && !full()) {
                problems.add("root " + value + ": " + bad);
            }
        });
        heap.pinTable().scan(value -> {
            String bad = badReference(value);
            if (bad != null && !full()) {
                problems.add("pinned " + value + ": " + bad);
            }
        });
    }

    private static void setBit(long[] bits, int wi) {
        int g = wi >> 1;
        bits[g >> 6] |= 1L << g;
    }

    private static boolean bit(long[] bits, int wi) {
        int g = wi >> 1;
        return (bits[g >> 6] & (1L << g)) != 0;
    }
}
