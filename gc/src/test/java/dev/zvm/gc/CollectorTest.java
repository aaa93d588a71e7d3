package dev.zvm.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The collector on hand-built graphs: what is kept, what is reclaimed, the deep list, the mark stack. */
class CollectorTest {
    private static final int NODE = 1;

    @Test
    void nothingReachableMeansEverythingFree() {
        Heap heap = new Heap(64 * 1024);
        for (int i = 0; i < 100; i++) {
            assertTrue(Heap.isRef(heap.allocSlots(NODE, i % 7)));
        }
        heap.collect();
        assertEquals(heap.capacityBytes(), heap.freeBytes());
        assertEquals(heap.capacityBytes(), heap.largestFreeBlockBytes(), "all coalesced into one block");
        assertEquals(1, heap.collections());
        HeapVerifier.verify(heap);
    }

    @Test
    void rootedCycleSurvivesAndGarbageGoes() {
        Heap heap = new Heap(64 * 1024);
        int a = heap.allocSlots(NODE, 2);
        int garbage = heap.allocBytes(NODE, 100);
        int b = heap.allocSlots(NODE, 2);
        heap.setSlot(a, 0, b);
        heap.setSlot(b, 0, a);
        heap.setSlot(a, 1, (12345 << 1) | 1);
        heap.setRootSet(v -> v.visit(a));
        heap.collect();
        assertEquals(heap.capacityBytes() - heap.blockBytes(a) - heap.blockBytes(b), heap.freeBytes());
        assertEquals(b, heap.getSlot(a, 0));
        assertEquals(a, heap.getSlot(b, 0));
        assertEquals((12345 << 1) | 1, heap.getSlot(a, 1));
        HeapVerifier.verify(heap);
        int again = heap.allocBytes(NODE, 100);
        assertEquals(garbage, again, "the freed block is reused");
        HeapVerifier.verify(heap);
    }

    @Test
    void aMillionNodeListNeedsNoRecursionAndOneStackEntry() {
        Heap heap = new Heap(HeapConfig.ofSize(32 << 20).withMarkStackEntries(1));
        int n = 1_000_000;
        int head = Heap.NULL;
        int pin = heap.pin(Heap.NULL);
        for (int i = 0; i < n; i++) {
            int node = heap.allocSlots(NODE, 2);
            assertNotEquals(Heap.NULL, node);
            heap.setSlot(node, 0, head);
            heap.setSlot(node, 1, (i << 1) | 1);
            head = node;
            heap.setPinned(pin, head);
        }
        heap.allocSlots(NODE, 2); // garbage
        heap.collect();
        assertEquals(n, heap.stats().lastLiveObjects());
        assertEquals(0, heap.stats().markStackRescans(), "a chain never holds more than one grey object");
        int count = 0;
        for (int node = heap.pinned(pin); node != Heap.NULL; node = heap.getSlot(node, 0)) {
            assertEquals(n - 1 - count, heap.getSlot(node, 1) >> 1);
            count++;
        }
        assertEquals(n, count);
    }

    @Test
    void wideObjectOverflowsTheMarkStackAndRescans() {
        Heap heap = new Heap(HeapConfig.ofSize(256 * 1024).withMarkStackEntries(4));
        int wide = heap.allocSlots(NODE, 1000);
        for (int i = 0; i < 1000; i++) {
            int child = heap.allocSlots(NODE, 1);
            int grandchild = heap.allocBytes(NODE, 4);
            heap.setInt(grandchild, 0, i);
            heap.setSlot(child, 0, grandchild);
            heap.setSlot(wide, i, child);
            heap.allocSlots(NODE, 3); // garbage between them
        }
        heap.setRootSet(v -> v.visit(wide));
        heap.collect();
        assertTrue(heap.stats().markStackRescans() > 0);
        assertEquals(2001, heap.stats().lastLiveObjects());
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, heap.getInt(heap.getSlot(heap.getSlot(wide, i), 0), 0));
        }
        HeapVerifier.verify(heap);
    }

    @Test
    void aThrowingRootSetLeavesTheHeapAsItWas() {
        Heap heap = new Heap(64 * 1024);
        int a = heap.allocSlots(NODE, 1);
        heap.setRootSet(v -> {
            v.visit(a);
            throw new IllegalStateException("boom");
        });
        assertThrows(IllegalStateException.class, heap::collect);
        heap.setRootSet(RootSet.NONE);
        HeapVerifier.verify(heap);
        heap.collect();
        assertEquals(heap.capacityBytes(), heap.freeBytes());
    }

    @Test
    void aDanglingReferenceDoesNotKeepAFreeBlockOffTheFreeLists() {
        Heap heap = new Heap(64 * 1024);
        int a = heap.allocSlots(NODE, 1);
        int b = heap.allocSlots(NODE, 1);
        heap.setRootSet(v -> v.visit(a));
        heap.collect();
        heap.setSlot(a, 0, b); // a VM bug: b was reclaimed
        heap.collect();
        assertEquals(heap.capacityBytes() - heap.blockBytes(a), heap.freeBytes());
        assertTrue(assertThrows(HeapCorruptionException.class, () -> HeapVerifier.verify(heap)).getMessage()
            .contains("points at a free block"));
        heap.setSlot(a, 0, Heap.NULL);
        HeapVerifier.verify(heap);
    }

    @Test
    void aRootSetThatAllocatesIsABug() {
        Heap heap = new Heap(64 * 1024);
        heap.setRootSet(v -> heap.allocSlots(NODE, 1));
        assertThrows(IllegalStateException.class, heap::collect);
    }
}
