package dev.zvm.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifier catches headers, slots and free lists corrupted on purpose. */
class HeapVerifierTest {
    private static final int T = 4;

    /**
     * Three objects a -> b -> c, a rooted, and some garbage, collected: the garbage waits for the lazy
     * sweep, which the tests about free blocks complete first.
     */
    private final Heap heap = new Heap(64 * 1024);
    private final int a = heap.allocSlots(T, 3);
    private final int garbage = heap.allocSlots(T, 200);
    private final int b = heap.allocSlots(T, 2);
    private final int c = heap.allocBytes(T, 20);
    private final int[] words = heap.words();

    HeapVerifierTest() {
        heap.setSlot(a, 0, b);
        heap.setSlot(b, 1, c);
        heap.setRootSet(v -> v.visit(a));
        heap.collect();
    }

    private String corruption() {
        HeapCorruptionException e = assertThrows(HeapCorruptionException.class, () -> HeapVerifier.verify(heap));
        return e.getMessage();
    }

    @Test
    void aSoundHeapPasses() {
        assertEquals(3, HeapVerifier.verify(heap));
        assertEquals(List.of(), HeapVerifier.problems(heap, 10));
    }

    @Test
    void catchesASizeWordZeroed() {
        words[ObjectHeader.sizeWordIndex(b)] = 0;
        String m = corruption();
        assertTrue(m.startsWith("ref=" + b) && m.contains("does not fit"), m);
        assertThrows(HeapCorruptionException.class, heap::collect, "the collector refuses to loop on it");
    }

    @Test
    void catchesASizeWordGrown() {
        words[ObjectHeader.sizeWordIndex(a)] += 1; // a now swallows the start of the next block
        String m = corruption();
        assertTrue(m.contains("ref="), m);
    }

    @Test
    void catchesAMarkEpochFromTheFuture() {
        words[ObjectHeader.infoWordIndex(c)] |= 1 << 25; // epoch 1 + 64, after the one collection so far
        String m = corruption();
        assertTrue(m.startsWith("ref=" + c) && m.contains("mark epoch 65 is after the last collection's, 1"), m);
    }

    /** The sweep frees what the live map leaves out, and keeps what it marks: either would lose objects. */
    @Test
    void catchesALiveMarkMissingOrSetOnGarbage() {
        byte[] live = heap.sweeper().liveMap();
        live[(b >> 2) >>> 1] = 0;
        String m = corruption();
        assertTrue(m.startsWith("ref=" + b) && m.contains("is not in the live map"), m);
        Sweeper.setLive(live, b >> 2);
        Sweeper.setLive(live, garbage >> 2);
        m = corruption();
        assertTrue(m.startsWith("ref=" + garbage) && m.contains("the live map marks a block the sweep must free"), m);
        heap.sweeper().rebuildLiveMap();
        assertEquals(3, HeapVerifier.verify(heap));
        Sweeper.setLive(live, (b >> 2) + 2); // inside b
        m = corruption();
        assertTrue(m.contains("where no block starts"), m);
    }

    @Test
    void catchesReservedBitsInTheSizeWord() {
        words[ObjectHeader.sizeWordIndex(b)] |= 1 << 30; // where a MARK bit used to be
        assertTrue(corruption().contains("reserved bits set in the size word"));
    }

    @Test
    void catchesASlotPointingInsideAnObject() {
        heap.setSlot(a, 2, c + 8);
        String m = corruption();
        assertTrue(m.startsWith("ref=" + a) && m.contains("slot 2") && m.contains("does not point at a block header"), m);
    }

    @Test
    void catchesADanglingReferenceToAFreedBlock() {
        heap.setSlot(b, 0, garbage); // garbage was reclaimed by the constructor's collection
        String m = corruption();
        assertTrue(m.contains("points at a free block"), m);
    }

    @Test
    void catchesARootOutsideTheHeap() {
        heap.setRootSet(v -> v.visit(1 << 20));
        assertTrue(corruption().contains("root"));
    }

    @Test
    void catchesAFreeListLinkToAnObject() {
        heap.sweep(Integer.MAX_VALUE);
        int free = garbage >> 2; // the reclaimed block, swept, heads a free list
        assertTrue(ObjectHeader.isFree(words[free]));
        words[free + 1] = b >> 2;
        assertTrue(corruption().contains("which is not a free block"));
    }

    @Test
    void catchesANonZeroPaddingWord() {
        int odd = heap.allocSlots(T, 1);
        heap.setSlot(a, 1, odd);
        words[ObjectHeader.payloadWordIndex(odd, 1)] = 5;
        assertTrue(corruption().contains("padding word"));
    }

    @Test
    void catchesAWrongTypeOfBlockFlag() {
        heap.sweep(Integer.MAX_VALUE); // the garbage becomes a free block
        words[ObjectHeader.sizeWordIndex(garbage)] |= ObjectHeader.SLOTS;
        assertTrue(corruption().contains("a free block flagged SLOTS"));
    }

    @Test
    void listsSeveralProblems() {
        words[ObjectHeader.infoWordIndex(c)] |= 1 << 25;
        heap.setSlot(a, 2, c + 8);
        assertEquals(2, HeapVerifier.problems(heap, 10).size());
    }
}
