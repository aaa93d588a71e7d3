package dev.zvm.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pinned handles: roots for Java code that holds references across allocations. */
class PinTest {
    private static final int T = 9;

    @Test
    void pinnedObjectsSurviveCollectionsWithoutAnyRootSet() {
        Heap heap = new Heap(64 * 1024);
        int obj = heap.allocSlots(T, 2);
        int child = heap.allocBytes(T, 3);
        heap.setByte(child, 2, 77);
        heap.setSlot(obj, 1, child);
        int handle = heap.pin(obj);
        for (int i = 0; i < 10_000; i++) {
            assertNotEquals(Heap.NULL, heap.allocSlots(T, 4)); // forces many collections
        }
        assertEquals(obj, heap.pinned(handle));
        assertEquals(child, heap.getSlot(obj, 1));
        assertEquals(77, heap.getByte(child, 2));
        heap.collect();
        assertEquals(heap.blockBytes(obj) + heap.blockBytes(child), heap.usedBytes());
        heap.unpin(handle);
        heap.collect();
        assertEquals(0, heap.usedBytes());
        HeapVerifier.verify(heap);
    }

    @Test
    void handlesAreReusedAndTheTableGrows() {
        Heap heap = new Heap(64 * 1024);
        Set<Integer> handles = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            handles.add(heap.pin(heap.allocSlots(T, 1)));
        }
        assertEquals(100, handles.size());
        assertEquals(100, heap.pinnedCount());
        heap.collect();
        assertEquals(100 * 16, heap.usedBytes());
        int some = handles.iterator().next();
        heap.unpin(some);
        assertEquals(some, heap.pin((5 << 1) | 1), "a freed handle is reused");
        assertEquals((5 << 1) | 1, heap.pinned(some), "a pinned non-reference is kept as it is");
        heap.collect();
        assertEquals(99 * 16, heap.usedBytes());
    }

    @Test
    void setPinnedMovesWhatAHandleKeeps() {
        Heap heap = new Heap(64 * 1024);
        int a = heap.allocSlots(T, 1);
        int b = heap.allocSlots(T, 3);
        int h = heap.pin(a);
        heap.setPinned(h, b);
        heap.collect();
        assertEquals(heap.blockBytes(b), heap.usedBytes());
    }

    @Test
    void badHandlesFailFast() {
        Heap heap = new Heap(64 * 1024);
        int h = heap.pin(Heap.NULL);
        heap.unpin(h);
        assertThrows(IllegalArgumentException.class, () -> heap.unpin(h));
        assertThrows(IllegalArgumentException.class, () -> heap.pinned(h));
        assertThrows(IllegalArgumentException.class, () -> heap.pinned(-1));
        assertThrows(IllegalArgumentException.class, () -> heap.pinned(1_000_000));
    }
}
