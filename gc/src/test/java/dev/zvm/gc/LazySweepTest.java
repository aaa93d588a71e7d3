package dev.zvm.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The lazy sweep: a collection only marks, and allocations (or {@link Heap#sweep}) turn the garbage into
 * free blocks afterwards. What a collection frees must be reusable, the figures exact before and after
 * the sweep, the verifier sound at every step, and epoch numbers must survive running out.
 */
class LazySweepTest {
    private static final int T = 5;

    /** Roots kept in a Java list. */
    private static final class ListRoots implements RootSet {
        final List<Integer> values = new ArrayList<>();

        @Override
        public void scanRoots(RootVisitor visitor) {
            for (int v : values) {
                visitor.visit(v);
            }
        }
    }

    /** A heap with every other 16-byte block rooted, the rest garbage, collected (nothing swept yet). */
    private static Heap halfGarbage(int sizeBytes, ListRoots roots, Set<Integer> garbage) {
        Heap heap = new Heap(sizeBytes);
        heap.setRootSet(roots);
        int blocks = (int) (heap.capacityBytes() / 16);
        for (int i = 0; i < blocks; i++) {
            int ref = heap.allocSlots(T, 2);
            heap.setSlot(ref, 1, (i << 1) | 1);
            if (i % 2 == 0) {
                roots.values.add(ref);
            } else {
                garbage.add(ref);
            }
        }
        assertEquals(0, heap.collections());
        heap.collect();
        return heap;
    }

    @Test
    void aCollectionLeavesTheSweepPendingAndTheFiguresExact() {
        ListRoots roots = new ListRoots();
        Set<Integer> garbage = new HashSet<>();
        Heap heap = halfGarbage(64 * 1024, roots, garbage);
        assertTrue(heap.sweepPending());
        long live = roots.values.size() * 16L;
        assertEquals(live, heap.usedBytes(), "counted by the mark, before any sweeping");
        assertEquals(heap.capacityBytes() - live, heap.freeBytes());
        assertEquals(roots.values.size(), heap.stats().lastLiveObjects());
        HeapVerifier.verify(heap);
    }

    @Test
    void whatACollectionFreesIsReusedWithoutCollectingAgain() {
        ListRoots roots = new ListRoots();
        Set<Integer> garbage = new HashSet<>();
        Heap heap = halfGarbage(64 * 1024, roots, garbage);
        long free = heap.freeBytes();
        Set<Integer> reused = new HashSet<>();
        for (long b = 0; b + 16 <= free; b += 16) {
            int ref = heap.allocSlots(T, 2);
            assertNotEquals(Heap.NULL, ref);
            reused.add(ref);
            roots.values.add(ref);
        }
        assertEquals(1, heap.collections(), "the freed blocks sufficed");
        assertTrue(reused.containsAll(garbage), "every freed block was handed out again");
        assertFalse(heap.sweepPending(), "finding them swept the whole heap");
        assertEquals(heap.capacityBytes() - (heap.capacityBytes() / 16) * 16, heap.freeBytes());
        for (int i = 0; i < roots.values.size() - reused.size(); i++) {
            assertEquals(((2 * i) << 1) | 1, heap.getSlot(roots.values.get(i), 1), "the survivors are intact");
        }
        HeapVerifier.verify(heap);
    }

    @Test
    void theVerifierPassesAfterEveryStepAndEveryAllocationMidSweep() {
        ListRoots roots = new ListRoots();
        Set<Integer> garbage = new HashSet<>();
        Heap heap = halfGarbage(64 * 1024, roots, garbage);
        int steps = 0;
        while (heap.sweepPending()) {
            assertTrue(heap.sweep(64) >= 64 || !heap.sweepPending());
            steps++;
            assertEquals(roots.values.size(), HeapVerifier.verify(heap));
            int ref = heap.allocBytes(T, 8);
            roots.values.add(ref);
            assertEquals(roots.values.size(), HeapVerifier.verify(heap));
        }
        assertTrue(steps > 10, "steps: " + steps);
        assertEquals(0, heap.sweep(1), "nothing left to sweep");
        HeapVerifier.verify(heap);
    }

    @Test
    void freeBytesStayExactThroughTheSweepAndTheFreeListsAddUpOnceItIsDone() {
        ListRoots roots = new ListRoots();
        Set<Integer> garbage = new HashSet<>();
        Heap heap = halfGarbage(64 * 1024, roots, garbage);
        long free = heap.freeBytes();
        heap.sweep(100);
        assertEquals(free, heap.freeBytes());
        heap.sweep(Integer.MAX_VALUE);
        assertFalse(heap.sweepPending());
        assertEquals(free, heap.freeBytes());
        assertEquals(16, heap.largestFreeBlockBytes(), "the holes stay apart: their neighbours live");
        // the lists hold exactly the free bytes: allocating them all needs no collection, the next one fails
        long taken = 0;
        while (heap.freeBytes() >= 16) {
            int ref = heap.allocSlots(T, 2);
            roots.values.add(ref);
            taken += 16;
        }
        assertEquals(free - free % 16, taken);
        assertEquals(1, heap.collections());
        HeapVerifier.verify(heap);
    }

    @Test
    void aDanglingReferenceToUnsweptGarbageIsNeitherFollowedNorAccepted() {
        Heap heap = new Heap(64 * 1024);
        int a = heap.allocSlots(T, 1);
        int dead = heap.allocSlots(T, 1);
        int deadChild = heap.allocBytes(T, 4);
        heap.setSlot(dead, 0, deadChild);
        heap.setRootSet(v -> v.visit(a));
        heap.collect();
        assertTrue(heap.sweepPending());
        heap.setSlot(a, 0, dead); // a VM bug: dead was unreachable at the collection
        String m = assertThrows(HeapCorruptionException.class, () -> HeapVerifier.verify(heap)).getMessage();
        assertTrue(m.contains("points at a free block") && m.contains("not swept yet"), m);
        heap.collect();
        assertEquals(heap.blockBytes(a), heap.usedBytes(), "dead and its child stay garbage");
        assertEquals(1, heap.stats().lastLiveObjects());
        heap.setSlot(a, 0, Heap.NULL);
        HeapVerifier.verify(heap);
    }

    @Test
    void collectionsBackToBackRestartTheSweepAndStayExact() {
        ListRoots roots = new ListRoots();
        Set<Integer> garbage = new HashSet<>();
        Heap heap = halfGarbage(64 * 1024, roots, garbage);
        heap.sweep(3000);
        assertTrue(heap.sweepPending());
        for (int i = 0; i < 5; i++) {
            heap.collect();
            assertEquals(roots.values.size() * 16L, heap.usedBytes());
            HeapVerifier.verify(heap);
            heap.sweep(1000 * i);
            HeapVerifier.verify(heap);
        }
        roots.values.subList(roots.values.size() / 2, roots.values.size()).clear();
        heap.collect();
        assertEquals(roots.values.size() * 16L, heap.usedBytes());
        heap.sweep(Integer.MAX_VALUE);
        HeapVerifier.verify(heap);
        assertTrue(heap.largestFreeBlockBytes() > heap.capacityBytes() / 3, "the dropped half coalesced");
    }

    @Test
    void aMarkAbandonedMidSweepLeavesThePendingSweepCorrect() {
        ListRoots roots = new ListRoots();
        Set<Integer> garbage = new HashSet<>();
        Heap heap = halfGarbage(64 * 1024, roots, garbage);
        heap.sweep(500);
        RootSet good = heap.roots();
        heap.setRootSet(v -> {
            good.scanRoots(v);
            throw new IllegalStateException("boom");
        });
        assertThrows(IllegalStateException.class, heap::collect);
        heap.setRootSet(good);
        assertTrue(heap.sweepPending());
        HeapVerifier.verify(heap);
        heap.sweep(Integer.MAX_VALUE);
        HeapVerifier.verify(heap);
        assertEquals(roots.values.size() * 16L, heap.usedBytes());
        assertEquals(heap.capacityBytes() - roots.values.size() * 16L, heap.freeBytes());
        for (int i = 0; i < roots.values.size(); i++) {
            assertEquals(((2 * i) << 1) | 1, heap.getSlot(roots.values.get(i), 1));
        }
    }

    @Test
    void aRunOfGarbageLongerThanAStepIsStillOneBlock() {
        Heap heap = new Heap(1 << 20);
        int keep = heap.allocBytes(T, 0);
        for (int i = 0; i < 20 * Sweeper.STEP_BLOCKS; i++) {
            heap.allocSlots(T, 2); // garbage: one run of 320 KiB after keep
        }
        int end = heap.allocBytes(T, 0);
        heap.setRootSet(v -> {
            v.visit(keep);
            v.visit(end);
        });
        heap.collect();
        int big = heap.allocBytes(T, 20 * Sweeper.STEP_BLOCKS * 16 - 8); // needs the whole run
        assertEquals(keep + 8, big, "the run was coalesced across the steps that swept it");
        assertEquals(1, heap.collections());
        HeapVerifier.verify(heap);
    }

    /** A 16 MiB heap of 16-byte garbage after one live block at its start, collected. */
    private static Heap garbageAfterOneBlock(int[] keep) {
        Heap heap = new Heap(16 << 20);
        keep[0] = heap.allocBytes(T, 0);
        for (long n = (heap.capacityBytes() - heap.blockBytes(keep[0])) / 16; n > 0; n--) {
            heap.allocSlots(T, 2); // garbage up to the end of the heap
        }
        assertEquals(0, heap.collections());
        heap.setRootSet(v -> v.visit(keep[0]));
        heap.collect();
        return heap;
    }

    @Test
    void aStepStopsInALongGapAndTheNextGoesOnWithoutLosingTheRun() {
        int[] keep = new int[1];
        Heap heap = garbageAfterOneBlock(keep);
        Sweeper sweeper = heap.sweeper();
        // a step reads at most SCAN_GRANULES bytes of the map (then walks at most STEP_BLOCKS headers
        // to cut the gap), so crossing the map, one byte per 8-byte granule, takes at least this many
        int steps = 0;
        while (sweeper.pending()) {
            assertTrue(sweeper.step() > 0, "every step makes progress");
            if (++steps % 97 == 0) {
                HeapVerifier.verify(heap);
            }
        }
        assertTrue(steps >= (16 << 20) / 8 / Sweeper.SCAN_GRANULES, steps + " steps");
        // the pieces continued one another: the whole run after keep is one block again
        int big = heap.allocBytes(T, (int) (heap.capacityBytes() - heap.blockBytes(keep[0]) - 8));
        assertEquals(keep[0] + heap.blockBytes(keep[0]), big, "the run was one block");
        assertEquals(1, heap.collections());
        HeapVerifier.verify(heap);
    }

    @Test
    void aLargeAllocationSweepsOnUntilItsRunIsLongEnough() {
        int[] keep = new int[1];
        Heap heap = garbageAfterOneBlock(keep);
        int big = heap.allocBytes(T, 4 << 20); // far more than a step frees
        assertEquals(keep[0] + heap.blockBytes(keep[0]), big);
        assertEquals(1, heap.collections());
        HeapVerifier.verify(heap);
        heap.sweep(Integer.MAX_VALUE);
        assertFalse(heap.sweepPending());
        HeapVerifier.verify(heap);
        assertEquals(heap.capacityBytes() - heap.blockBytes(keep[0]) - heap.blockBytes(big),
            heap.largestFreeBlockBytes());
    }

    /**
     * Sparse live blocks between long runs of garbage, so that steps cut gaps short, with allocations of
     * every size (some larger than a step frees) between the steps: the verifier holds at every step,
     * the live blocks keep their contents, nothing overlaps, and the figures come out exact.
     */
    @ParameterizedTest(name = "seed={0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void longGapsCutIntoStepsLoseNothingAndOverlapNothing(int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Heap heap = new Heap(4 << 20);
        ListRoots roots = new ListRoots();
        heap.setRootSet(roots);
        // runs of garbage of up to 600 KiB (beyond SCAN_GRANULES' 128 KiB), each after one live block
        long filled = 0;
        while (filled < heap.capacityBytes() - (700 << 10)) {
            int ref = heap.allocSlots(T, 1 + rnd.nextInt(4));
            heap.setSlot(ref, 0, (roots.values.size() << 1) | 1);
            roots.values.add(ref);
            filled += heap.blockBytes(ref);
            long run = rnd.nextLong(600 << 10);
            for (long b = 0; b < run; ) {
                int g = rnd.nextInt(8) == 0 ? heap.allocBytes(T, rnd.nextInt(4000)) : heap.allocSlots(T, rnd.nextInt(6));
                b += heap.blockBytes(g);
            }
            filled += run;
        }
        assertEquals(0, heap.collections());
        heap.collect();
        List<Integer> fresh = new ArrayList<>();
        java.util.TreeMap<Integer, Integer> blocks = new java.util.TreeMap<>();
        for (int r : roots.values) {
            blocks.put(r, heap.blockBytes(r));
        }
        long freshBytes = 0;
        while (heap.sweepPending() && freshBytes < (1 << 20)) { // well inside what the collection freed
            heap.sweep(1 + rnd.nextInt(3));
            int size = rnd.nextInt(10) == 0 ? rnd.nextInt(300 << 10) : rnd.nextInt(64);
            int ref = heap.allocBytes(T, size);
            assertNotEquals(Heap.NULL, ref, "size " + size);
            assertEquals(1, heap.collections(), "the sweep found room without collecting");
            fresh.add(ref);
            freshBytes += heap.blockBytes(ref);
            int bytes = heap.blockBytes(ref);
            java.util.Map.Entry<Integer, Integer> below = blocks.floorEntry(ref);
            java.util.Map.Entry<Integer, Integer> above = blocks.ceilingEntry(ref);
            assertTrue(below == null || below.getKey() + below.getValue() <= ref, "overlaps the block below");
            assertTrue(above == null || ref + bytes <= above.getKey(), "overlaps the block above");
            blocks.put(ref, bytes);
            HeapVerifier.verify(heap);
        }
        for (int i = 0; i < roots.values.size(); i++) {
            assertEquals((i << 1) | 1, heap.getSlot(roots.values.get(i), 0), "live block " + i + " intact");
        }
        heap.sweep(Integer.MAX_VALUE);
        HeapVerifier.verify(heap);
        long used = 0;
        for (int bytes : blocks.values()) {
            used += bytes;
        }
        assertEquals(used, heap.usedBytes());
    }

    @Test
    void epochNumbersThatRunOutAreRenumberedWithoutLosingAnything() {
        Heap heap = new Heap(16 * 1024);
        int list = Heap.NULL;
        for (int i = 0; i < 50; i++) {
            int node = heap.allocSlots(T, 2);
            heap.setSlot(node, 0, list);
            heap.setSlot(node, 1, (i << 1) | 1);
            list = node;
        }
        int[] root = {list};
        heap.setRootSet(v -> v.visit(root[0]));
        SplittableRandom rnd = new SplittableRandom(8);
        for (int c = 0; c < 2 * ObjectHeader.MAX_EPOCH + 100; c++) {
            heap.allocBytes(T, rnd.nextInt(40)); // garbage, found by some collections' sweeps
            if (c % 7 == 0) {
                heap.sweep(rnd.nextInt(200));
            }
            heap.collect();
            if (c % 997 == 0 || (c + 2) % ObjectHeader.MAX_EPOCH < 4) {
                assertEquals(50, HeapVerifier.verify(heap), "collection " + c);
            }
        }
        assertEquals(50 * 16, heap.usedBytes());
        int i = 49;
        for (int node = root[0]; node != Heap.NULL; node = heap.getSlot(node, 0), i--) {
            assertEquals((i << 1) | 1, heap.getSlot(node, 1));
        }
        assertEquals(-1, i);
        heap.sweep(Integer.MAX_VALUE);
        assertEquals(heap.capacityBytes() - 50 * 16, heap.largestFreeBlockBytes(), "all garbage coalesced");
    }

    @ParameterizedTest(name = "collectEveryBytes={0}")
    @ValueSource(ints = {64, 1000, 5000})
    void aByteBudgetCollectsWhileTheSweepIsPendingAndNothingLeaks(int every) {
        Heap heap = new Heap(HeapConfig.ofSize(64 * 1024).withCollectEveryBytes(every));
        ListRoots roots = new ListRoots();
        heap.setRootSet(roots);
        SplittableRandom rnd = new SplittableRandom(every);
        for (int i = 0; i < 20_000; i++) {
            int ref = heap.allocSlots(T, rnd.nextInt(6));
            assertNotEquals(Heap.NULL, ref);
            if (rnd.nextInt(50) == 0) {
                roots.values.add(ref);
                if (roots.values.size() > 40) {
                    roots.values.remove(rnd.nextInt(roots.values.size()));
                }
            }
            if (i % 1000 == 0) {
                HeapVerifier.verify(heap);
            }
        }
        heap.collect();
        long live = 0;
        for (int r : roots.values) {
            live += heap.blockBytes(r);
        }
        assertEquals(live, heap.usedBytes());
        heap.sweep(Integer.MAX_VALUE);
        assertEquals(roots.values.size(), HeapVerifier.verify(heap));
    }

    @Test
    void sweepIsRefusedDuringACollection() {
        Heap heap = new Heap(64 * 1024);
        heap.setRootSet(v -> heap.sweep(1));
        assertThrows(IllegalStateException.class, heap::collect);
    }
}
