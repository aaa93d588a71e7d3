package dev.zvm.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The API surface: allocation, headers, slot and byte access, sizes. */
class HeapTest {

    @Test
    void slotsObjectStartsEmptyAndKeepsWhatIsWritten() {
        Heap heap = new Heap(64 * 1024);
        int ref = heap.allocSlots(7, 3);
        assertTrue(Heap.isRef(ref));
        assertEquals(0, ref & 7, "8-byte aligned");
        assertEquals(7, heap.type(ref));
        assertTrue(heap.isSlots(ref));
        assertEquals(3, heap.slotCount(ref));
        assertEquals(12, heap.payloadBytes(ref));
        assertEquals(24, heap.blockBytes(ref));
        for (int i = 0; i < 3; i++) {
            assertEquals(Heap.EMPTY_SLOT, heap.getSlot(ref, i));
        }
        heap.setSlot(ref, 2, 0x55);
        assertEquals(0x55, heap.getSlot(ref, 2));
        assertEquals(0x55, heap.words()[(ref >> 2) + ObjectHeader.HEADER_WORDS + 2]);
        HeapVerifier.verify(heap);
    }

    @Test
    void bytesObjectIsZeroedAndLittleEndian() {
        Heap heap = new Heap(64 * 1024);
        int ref = heap.allocBytes(200, 13);
        assertFalse(heap.isSlots(ref));
        assertEquals(0, heap.slotCount(ref));
        assertEquals(13, heap.payloadBytes(ref));
        assertEquals(24, heap.blockBytes(ref));
        assertEquals(200, heap.type(ref));
        for (int i = 0; i < 13; i++) {
            assertEquals(0, heap.getByte(ref, i));
        }
        heap.setByte(ref, 0, 0x11);
        heap.setByte(ref, 1, 0x22);
        heap.setByte(ref, 2, 0xF3);
        heap.setByte(ref, 3, 0x44);
        assertEquals(0x44F32211, heap.getInt(ref, 0));
        assertEquals((byte) 0xF3, heap.getByte(ref, 2));
        assertEquals((short) 0x44F3, heap.getShort(ref, 2));
        heap.setShort(ref, 2, 0xBEEF);
        assertEquals(0xBEEF2211, heap.getInt(ref, 0));
        heap.setLong(ref, 4, 0x0102030405060708L);
        assertEquals(0x0102030405060708L, heap.getLong(ref, 4));
        assertEquals(0x08, heap.getByte(ref, 4));
        assertEquals(0x01, heap.getByte(ref, 11));
        heap.setDouble(ref, 4, -1.5);
        assertEquals(-1.5, heap.getDouble(ref, 4));
        HeapVerifier.verify(heap);
    }

    @Test
    void anUnclearedBytesObjectHasItsHeaderAndWhateverItsBlockHeld() {
        Heap heap = new Heap(8 * 1024);
        heap.setRootSet(v -> { });
        int old = heap.allocBytes(3, 13);
        for (int i = 0; i < 13; i++) {
            heap.setByte(old, i, 0xFF);
        }
        heap.collect(); // nothing is a root: the block is free again, its bytes as they were
        int ref = heap.allocBytesUncleared(200, 13);
        assertEquals(old, ref, "the freed block of that size comes back first");
        assertEquals(200, heap.type(ref));
        assertEquals(13, heap.payloadBytes(ref));
        assertFalse(heap.isSlots(ref));
        assertEquals(0xFF, heap.getByte(ref, 12) & 0xFF, "not cleared");
        java.util.Arrays.fill(heap.words(), (ref >> 2) + ObjectHeader.HEADER_WORDS, (ref >> 2) + 6, 0);
        HeapVerifier.verify(heap);
        assertNotEquals(Heap.NULL, heap.allocBytesUncleared(1, 13));
        assertThrows(IllegalArgumentException.class, () -> heap.allocBytesUncleared(256, 1));
        assertEquals(Heap.NULL, heap.allocBytesUncleared(1, Integer.MAX_VALUE));
    }

    @Test
    void aBits64ObjectIsAnEightByteBytesObjectHoldingItsLong() {
        Heap heap = new Heap(8 * 1024);
        int general = heap.allocBytes(9, 8);
        heap.setLong(general, 0, 0x8123456789ABCDEFL);
        int ref = heap.allocBits64(9, 0x8123456789ABCDEFL);
        int[] w = heap.words();
        assertEquals(w[general >> 2], w[ref >> 2], "the same size word as allocBytes(type, 8)");
        assertEquals(w[(general >> 2) + 1], w[(ref >> 2) + 1], "the same info word");
        assertEquals(0x8123456789ABCDEFL, heap.getLong(ref, 0));
        assertEquals(8, heap.payloadBytes(ref));
        assertEquals(9, heap.type(ref));
        assertFalse(heap.isSlots(ref));
        assertEquals(32, heap.usedBytes());
        assertThrows(IllegalArgumentException.class, () -> heap.allocBits64(256, 0));
        HeapVerifier.verify(heap);
    }

    @Test
    void zeroSizedObjectsAreDistinct() {
        Heap heap = new Heap(8 * 1024);
        int a = heap.allocSlots(1, 0);
        int b = heap.allocBytes(1, 0);
        assertNotEquals(a, b);
        assertEquals(0, heap.payloadBytes(a));
        assertEquals(0, heap.payloadBytes(b));
        assertEquals(8, heap.blockBytes(a));
    }

    @Test
    void userFlagsAreEightBitsApartFromTheType() {
        Heap heap = new Heap(8 * 1024);
        int ref = heap.allocSlots(0xAB, 1);
        assertEquals(0, heap.userFlags(ref));
        heap.setUserFlags(ref, 0xFF);
        assertEquals(0xFF, heap.userFlags(ref));
        assertEquals(0xAB, heap.type(ref));
        assertEquals(1, heap.slotCount(ref));
        heap.setUserFlags(ref, 0x5A);
        assertEquals(0x5A, heap.userFlags(ref));
        assertThrows(IllegalArgumentException.class, () -> heap.setUserFlags(ref, 0x100));
        HeapVerifier.verify(heap);
    }

    @Test
    void badArgumentsFailFast() {
        Heap heap = new Heap(8 * 1024);
        assertThrows(IllegalArgumentException.class, () -> heap.allocSlots(256, 1));
        assertThrows(IllegalArgumentException.class, () -> heap.allocSlots(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> heap.allocSlots(1, -1));
        assertThrows(IllegalArgumentException.class, () -> heap.allocBytes(1, -1));
        assertThrows(IllegalArgumentException.class, () -> new Heap(8 * 1024 - 8));
        assertThrows(IllegalArgumentException.class, () -> new Heap((1 << 30) + 8));
    }

    @Test
    void sizeIsRoundedDownToEightBytes() {
        Heap heap = new Heap(8 * 1024 + 13);
        assertEquals(8 * 1024 + 8, heap.sizeBytes());
        assertEquals(8 * 1024, heap.capacityBytes());
        assertEquals(heap.capacityBytes(), heap.freeBytes());
    }

    @Test
    void tooLargeARequestIsExhaustionNotAnException() {
        Heap heap = new Heap(8 * 1024);
        assertEquals(Heap.NULL, heap.allocSlots(1, Integer.MAX_VALUE));
        assertEquals(Heap.NULL, heap.allocBytes(1, Integer.MAX_VALUE));
        assertEquals(Heap.NULL, heap.allocBytes(1, 8 * 1024 - 15), "capacity 8184 minus a header is 8176");
        int whole = heap.allocBytes(1, 8 * 1024 - 16);
        assertTrue(Heap.isRef(whole), "one object may take the whole capacity");
        assertEquals(0, heap.freeBytes());
        HeapVerifier.verify(heap);
    }

    @Test
    void theLargestHeapAddressesItsLastByte() {
        Heap heap = new Heap(HeapConfig.MAX_SIZE_BYTES);
        int small = heap.allocSlots(1, 1);
        int big = heap.allocBytes(2, (int) heap.capacityBytes() - 16 - 8); // all that the small block leaves
        assertTrue(Heap.isRef(big));
        assertEquals(heap.sizeBytes(), big + heap.blockBytes(big), "the block ends at the heap's end");
        int last = heap.payloadBytes(big) - 1;
        heap.setByte(big, last, 0x7F);
        heap.setSlot(small, 0, big);
        heap.setRootSet(v -> v.visit(small));
        heap.collect();
        assertEquals(0x7F, heap.getByte(big, last));
        assertEquals(heap.capacityBytes(), heap.usedBytes());
        heap.setRootSet(RootSet.NONE);
        heap.collect();
        assertEquals(heap.capacityBytes(), heap.largestFreeBlockBytes());
    }

    @Test
    void accessorsCheckBoundsUnderAssertions() {
        Heap heap = new Heap(8 * 1024);
        int ref = heap.allocSlots(1, 2);
        int raw = heap.allocBytes(1, 5);
        assertThrows(IndexOutOfBoundsException.class, () -> heap.getSlot(ref, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> heap.getSlot(raw, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> heap.getByte(raw, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> heap.getInt(raw, 4));
        assertThrows(IllegalArgumentException.class, () -> heap.type(4));
    }
}
