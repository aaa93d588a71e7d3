package dev.zvm.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exhaustion, the heap lock, the collection triggers and the debugging aids. */
class PolicyTest {
    private static final int T = 3;

    /** Roots kept in a growable Java list, as a VM's globals would be. */
    private static final class ListRoots implements RootSet {
        final List<Integer> values = new ArrayList<>();

        @Override
        public void scanRoots(RootVisitor visitor) {
            for (int v : values) {
                visitor.visit(v);
            }
        }
    }

    @Test
    void exhaustionIsReportedAndRecoverable() {
        Heap heap = new Heap(64 * 1024);
        ListRoots roots = new ListRoots();
        heap.setRootSet(roots);
        int ref;
        while ((ref = heap.allocSlots(T, 5)) != Heap.NULL) {
            heap.setSlot(ref, 0, (roots.values.size() << 1) | 1);
            roots.values.add(ref);
        }
        HeapStats full = heap.stats();
        assertEquals(1, full.failedAllocations());
        assertTrue(full.collections() >= 1, "a failed allocation collects before giving up");
        assertTrue(full.freeBytes() < 32, "only a sliver is left: " + full.freeBytes());
        assertEquals(roots.values.size(), full.lastLiveObjects());
        HeapVerifier.verify(heap);

        // What the VM does on MemoryError: unwind, dropping references; then it goes on.
        int kept = roots.values.size() / 2;
        roots.values.subList(kept, roots.values.size()).clear();
        int again = heap.allocSlots(T, 5);
        assertNotEquals(Heap.NULL, again);
        for (int i = 0; i < kept; i++) {
            assertEquals((i << 1) | 1, heap.getSlot(roots.values.get(i), 0));
        }
        HeapVerifier.verify(heap);
    }

    @Test
    void aLargeRequestFailsAloneWhileSmallOnesStillSucceed() {
        Heap heap = new Heap(64 * 1024);
        assertEquals(Heap.NULL, heap.allocBytes(T, 100 * 1024));
        assertNotEquals(Heap.NULL, heap.allocBytes(T, 10));
    }

    @Test
    void lockedHeapRefusesEveryAllocationWithoutCollecting() {
        Heap heap = new Heap(64 * 1024);
        heap.setLocked(true);
        assertTrue(heap.isLocked());
        assertEquals(Heap.NULL, heap.allocSlots(T, 1));
        assertEquals(Heap.NULL, heap.allocBytes(T, 0));
        assertEquals(0, heap.collections());
        assertEquals(2, heap.stats().failedAllocations());
        heap.collect(); // explicit collection is allowed while locked
        heap.setLocked(false);
        assertNotEquals(Heap.NULL, heap.allocSlots(T, 1));
    }

    @Test
    void collectsEveryConfiguredNumberOfBytes() {
        Heap heap = new Heap(HeapConfig.ofSize(1 << 20).withCollectEveryBytes(1024));
        for (int i = 0; i < 1000; i++) {
            heap.allocSlots(T, 2); // 16-byte blocks: 64 of them make 1024 bytes
        }
        assertEquals(1000 / 64, heap.collections(), "one collection per 1024 bytes allocated");
        assertTrue(heap.usedBytes() <= 1024, "each collection reclaimed the garbage: " + heap.usedBytes());
    }

    @Test
    void byDefaultOnlyAFailedAllocationCollects() {
        Heap heap = new Heap(64 * 1024);
        int blocks = (int) (heap.capacityBytes() / 16);
        for (int i = 0; i < blocks; i++) {
            assertNotEquals(Heap.NULL, heap.allocSlots(T, 2));
        }
        assertEquals(0, heap.collections());
        assertNotEquals(Heap.NULL, heap.allocSlots(T, 2));
        assertEquals(1, heap.collections());
    }

    @Test
    void stressModeCollectsBeforeEveryAllocationAndKeepsWhatIsReachable() {
        Heap heap = new Heap(HeapConfig.ofSize(16 * 1024).withStressCollect(true));
        ListRoots roots = new ListRoots();
        heap.setRootSet(roots);
        int list = Heap.NULL;
        for (int i = 0; i < 200; i++) {
            int node = heap.allocSlots(T, 2);
            heap.setSlot(node, 0, list);
            heap.setSlot(node, 1, (i << 1) | 1);
            list = node;
            roots.values.clear();
            roots.values.add(list);
            heap.allocBytes(T, 8); // garbage, reclaimed by the next allocation's collection
        }
        assertEquals(400, heap.collections());
        int i = 199;
        for (int node = list; node != Heap.NULL; node = heap.getSlot(node, 0), i--) {
            assertEquals((i << 1) | 1, heap.getSlot(node, 1));
        }
        assertEquals(-1, i);
        heap.collect();
        assertEquals(200 * 16, heap.usedBytes());
        HeapVerifier.verify(heap);
    }

    @Test
    void failOnDemandFailsAfterTheGivenCountUntilTurnedOff() {
        Heap heap = new Heap(64 * 1024);
        heap.setFailAfter(3);
        for (int i = 0; i < 3; i++) {
            assertNotEquals(Heap.NULL, heap.allocSlots(T, 1));
        }
        assertEquals(Heap.NULL, heap.allocSlots(T, 1));
        assertEquals(Heap.NULL, heap.allocBytes(T, 1));
        heap.setFailAfter(-1);
        assertNotEquals(Heap.NULL, heap.allocSlots(T, 1));
        heap.setFailAfter(0);
        assertEquals(Heap.NULL, heap.allocSlots(T, 1));
        assertEquals(3, heap.stats().failedAllocations());
        assertThrows(IllegalArgumentException.class, () -> heap.setFailAfter(-2));
    }

    @Test
    void statsAddUp() {
        Heap heap = new Heap(64 * 1024);
        int a = heap.allocBytes(T, 100);
        heap.allocSlots(T, 10);
        heap.setRootSet(v -> v.visit(a));
        HeapStats before = heap.stats();
        assertEquals(112 + 48, before.usedBytes());
        assertEquals(before.capacityBytes() - before.usedBytes(), before.freeBytes());
        assertEquals(2, before.allocations());
        assertEquals(160, before.allocatedBytes());
        heap.collect();
        heap.collect();
        HeapStats after = heap.stats();
        assertEquals(112, after.usedBytes());
        assertEquals(2, after.collections());
        assertEquals(2, after.pauses().getTotalCount());
        assertTrue(after.lastPauseNs() > 0);
        assertEquals(1, after.lastLiveObjects());
        assertEquals(after.freeBytes(), after.largestFreeBlockBytes(), "a dead object at the start is merged");
        assertEquals(0.0, after.fragmentation());
        assertTrue(after.toString().contains("2 collections"));
    }

    @Test
    void fragmentationShowsFreeSpaceInPieces() {
        Heap heap = new Heap(64 * 1024);
        ListRoots roots = new ListRoots();
        heap.setRootSet(roots);
        int blocks = (int) (heap.capacityBytes() / 16); // 4095, and an 8-byte tail
        for (int i = 0; i < blocks; i++) {
            int ref = heap.allocSlots(T, 2);
            if (i % 2 == 0) {
                roots.values.add(ref); // the first and the last are kept
            }
        }
        assertEquals(0, heap.collections());
        heap.collect();
        HeapStats s = heap.stats();
        assertEquals(16, s.largestFreeBlockBytes(), "every other 16-byte block is free, none adjacent");
        assertTrue(s.fragmentation() > 0.99, "fragmentation " + s.fragmentation());
        assertEquals(Heap.NULL, heap.allocBytes(T, 100), "no hole is big enough");
        roots.values.clear();
        assertNotEquals(Heap.NULL, heap.allocBytes(T, 60 * 1024), "coalescing makes one big block again");
        HeapVerifier.verify(heap);
    }
}
