package dev.zvm.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Block sizes, size classes, the large path and reuse of freed blocks. */
class AllocatorTest {
    private static final int T = 2;

    @Test
    void blockSizesAreHeaderPlusPayloadRoundedToEightBytes() {
        assertEquals(1, ObjectHeader.blockGranules(0));
        assertEquals(2, ObjectHeader.blockGranules(1));
        assertEquals(2, ObjectHeader.blockGranules(8));
        assertEquals(3, ObjectHeader.blockGranules(9));
        Heap heap = new Heap(64 * 1024);
        for (int slots = 0; slots < 40; slots++) {
            int ref = heap.allocSlots(T, slots);
            assertEquals((8 + 4 * slots + 7) & ~7, heap.blockBytes(ref), "slots=" + slots);
            assertEquals(slots, heap.slotCount(ref));
        }
        for (int bytes = 0; bytes < 40; bytes++) {
            int ref = heap.allocBytes(T, bytes);
            assertEquals((8 + bytes + 7) & ~7, heap.blockBytes(ref), "bytes=" + bytes);
            assertEquals(bytes, heap.payloadBytes(ref));
        }
        HeapVerifier.verify(heap);
    }

    @Test
    void freshAllocationsAreAdjacent() {
        Heap heap = new Heap(64 * 1024);
        int a = heap.allocSlots(T, 2);
        int b = heap.allocSlots(T, 5);
        int c = heap.allocBytes(T, 1);
        assertEquals(8, a, "the first block starts after the reserved first granule");
        assertEquals(a + 16, b);
        assertEquals(b + 32, c);
    }

    @Test
    void freedBlocksOfEverySizeClassAreReusedExactly() {
        Heap heap = new Heap(256 * 1024);
        int[] refs = new int[Allocator.SMALL_MAX_GRANULES + 1];
        int[] keep = new int[refs.length];
        for (int g = 1; g <= Allocator.SMALL_MAX_GRANULES; g++) {
            refs[g] = heap.allocBytes(T, (g - 1) * 8);
            keep[g] = heap.allocBytes(T, 0); // keeps the freed blocks apart
        }
        heap.setRootSet(v -> {
            for (int k : keep) {
                v.visit(k);
            }
        });
        heap.collect();
        for (int g = Allocator.SMALL_MAX_GRANULES; g >= 1; g--) {
            assertEquals(refs[g], heap.allocBytes(T, (g - 1) * 8), "granules=" + g);
        }
        HeapVerifier.verify(heap);
    }

    @Test
    void largeObjectsTakeTheFirstFitOfTheirBinAndSplit() {
        // small enough that one sweep step reads all of the map: a longer gap at the end would be cut
        // into the chunk, which a large allocation takes before a higher bin
        Heap heap = new Heap(64 << 10);
        int small = heap.allocBytes(T, 1000);
        int sep1 = heap.allocBytes(T, 0);
        int big = heap.allocBytes(T, 3000);
        int sep2 = heap.allocBytes(T, 0);
        heap.setRootSet(v -> {
            v.visit(sep1);
            v.visit(sep2);
        });
        heap.collect();
        int fits = heap.allocBytes(T, 2000); // too big for small's hole, fits in big's
        assertEquals(big, fits);
        int rest = heap.allocBytes(T, 3000 - 2000 - 8 - 8); // exactly the split remainder
        assertEquals(big + heap.blockBytes(fits), rest);
        assertEquals(small, heap.allocBytes(T, 1000));
        HeapVerifier.verify(heap);
    }

    @Test
    void smallAllocationsSplitALargerHoleWhenNothingElseIsLeft() {
        Heap heap = new Heap(8 * 1024);
        int blocks = (int) (heap.capacityBytes() / 32);
        int[] refs = new int[blocks];
        for (int i = 0; i < blocks; i++) {
            refs[i] = heap.allocBytes(T, 24);
        }
        int[] fresh = new int[blocks * 2];
        int[] freshCount = {0};
        heap.setRootSet(v -> {
            for (int i = 1; i < blocks; i += 2) {
                v.visit(refs[i]);
            }
            for (int i = 0; i < freshCount[0]; i++) {
                v.visit(fresh[i]);
            }
        });
        heap.collect();
        // only 32-byte holes (and a 24-byte tail) remain: two 16-byte objects fit in each
        int holes = (blocks + 1) / 2;
        long collections = heap.collections();
        for (int i = 0; i < 2 * holes; i++) {
            int ref = heap.allocSlots(T, 2);
            assertNotEquals(Heap.NULL, ref, "allocation " + i);
            fresh[freshCount[0]++] = ref;
        }
        assertEquals(collections, heap.collections(), "every hole was used without collecting");
        long tail = heap.capacityBytes() - blocks * 32L; // merged with the last hole: 16 more bytes fit
        assertEquals(tail, heap.freeBytes());
        assertNotEquals(Heap.NULL, fresh[freshCount[0]++] = heap.allocSlots(T, 2));
        assertEquals(Heap.NULL, heap.allocSlots(T, 2));
        HeapVerifier.verify(heap);
    }
}
