package dev.zvm.gc;

/**
 * The layout of the 8-byte header in front of every block of the heap, allocated or free.
 * Descriptor only: static offsets, masks and codecs; the {@link Heap} owns the words themselves.
 *
 * <p>The heap is a sequence of blocks that tiles it from byte 8 to its end (granule 0 is never an object,
 * so that the reference 0 can mean NULL; its info word holds the last mark's epoch and nothing else,
 * type 0 and no flags, so that a NULL slot reads as a marked block: {@code Collector#markSlot}). A
 * block is a whole number of <em>granules</em> of 8 bytes, aligned to 8 bytes, so a reference (the
 * byte offset of a header) always has its two low bits 00.
 *
 * <pre>
 *  word 0, the size word: read by the allocator, the marker and the sweeper
 *   31  30    29    28    27   26                                        0
 *  +---+---+-----+-----+---+------------------------------------------+
 *  | 0 | 0 | FREE|SLOTS| 0 |   block size in granules of 8 bytes,     |
 *  |   |   |     |     |   |   header included (1 .. 2^27 - 1)        |
 *  +---+---+-----+-----+---+------------------------------------------+
 *
 *  word 1 of an allocated block, the info word
 *   31                  19 18   16 15          8 7            0
 *  +----------------------+-------+-------------+--------------+
 *  |  mark epoch (13 bits)|  pad  | user flags  |     type     |
 *  +----------------------+-------+-------------+--------------+
 *
 *  word 1 of a free block: the word index of the next free block on its list, 0 at the end
 *
 *  words 2 .. 2*size-1: the payload; payload word i is words[(ref &gt;&gt; 2) + 2 + i]
 * </pre>
 *
 * <ul>
 *   <li>mark epoch: the number of the last collection whose mark reached the block, 0 if none has
 *       (a fresh allocation). A block is marked by the current collection iff its epoch equals the
 *       collection's; older numbers are simply stale, so no walk ever clears marks (see
 *       {@link Collector} and {@link Sweeper}). The VM must leave these bits alone.</li>
 *   <li>FREE blocks are never SLOTS; their payload is garbage and nothing reads it.</li>
 *   <li>SLOTS says the payload is all 32-bit value words, traced by the collector; otherwise it is raw
 *       bytes, never traced.</li>
 *   <li>pad is the number of unused bytes at the end of the payload (0..7): payload bytes =
 *       (size - 1) * 8 - pad. A slots object has pad 0 or 4, and its padding word holds 0.</li>
 *   <li>type is opaque to the collector (the VM's type byte); user flags are 8 bits free for the VM.</li>
 * </ul>
 */
public final class ObjectHeader {
    /** Bytes in a header. */
    public static final int HEADER_BYTES = 8;
    /** Words in a header: payload word i of {@code ref} is {@code words[(ref >> 2) + HEADER_WORDS + i]}. */
    public static final int HEADER_WORDS = 2;
    /** Bytes in a granule, the unit of block sizes and alignment. */
    public static final int GRANULE_BYTES = 8;
    /** Words in a granule. */
    public static final int GRANULE_WORDS = 2;

    /** Size word: block size in granules. */
    public static final int SIZE_MASK = 0x07FF_FFFF;
    /** Size word: the payload is value slots, traced. */
    public static final int SLOTS = 1 << 28;
    /** Size word: the block is free. */
    public static final int FREE = 1 << 29;
    /** Size word: bits that must be 0. */
    public static final int SIZE_WORD_RESERVED = (1 << 31) | (1 << 30) | (1 << 27);

    /** Info word: the type byte. */
    public static final int TYPE_MASK = 0xFF;
    /** Info word: shift of the user flags byte. */
    public static final int USER_FLAGS_SHIFT = 8;
    /** Info word: shift of the 3-bit pad count. */
    public static final int PAD_SHIFT = 16;
    /** Info word: shift of the 13-bit mark epoch. */
    public static final int EPOCH_SHIFT = 19;
    /** Info word: the mark epoch's bits. */
    public static final int EPOCH_MASK = -1 << EPOCH_SHIFT;
    /** The largest mark epoch; the collector renumbers before it would pass it. */
    public static final int MAX_EPOCH = (1 << (32 - EPOCH_SHIFT)) - 1;

    /** The largest block, in granules. */
    public static final int MAX_GRANULES = SIZE_MASK;

    private ObjectHeader() {
    }

    /** Index in {@link Heap#words()} of the size word of the block at byte offset {@code ref}. */
    public static int sizeWordIndex(int ref) {
        return ref >> 2;
    }

    /** Index in {@link Heap#words()} of the info word (or free-list link) of the block at {@code ref}. */
    public static int infoWordIndex(int ref) {
        return (ref >> 2) + 1;
    }

    /** Index in {@link Heap#words()} of payload word {@code i} of the object at {@code ref}. */
    public static int payloadWordIndex(int ref, int i) {
        return (ref >> 2) + HEADER_WORDS + i;
    }

    /** Block size in granules, from a size word. */
    public static int granules(int sizeWord) {
        return sizeWord & SIZE_MASK;
    }

    public static boolean isFree(int sizeWord) {
        return (sizeWord & FREE) != 0;
    }

    public static boolean isSlots(int sizeWord) {
        return (sizeWord & SLOTS) != 0;
    }

    /** The type byte, from an info word. */
    public static int type(int infoWord) {
        return infoWord & TYPE_MASK;
    }

    /** The user flags byte, from an info word. */
    public static int userFlags(int infoWord) {
        return (infoWord >>> USER_FLAGS_SHIFT) & 0xFF;
    }

    /** The mark epoch, from an info word: the last collection that reached the block, 0 if none. */
    public static int epoch(int infoWord) {
        return infoWord >>> EPOCH_SHIFT;
    }

    /** Unused bytes at the end of the payload (0..7), from an info word. */
    public static int padBytes(int infoWord) {
        return (infoWord >>> PAD_SHIFT) & 7;
    }

    /** The info word of a fresh object. */
    public static int infoWord(int type, int userFlags, int padBytes) {
        return type | (userFlags << USER_FLAGS_SHIFT) | (padBytes << PAD_SHIFT);
    }

    /** Granules of the block holding a payload of {@code payloadBytes} (0 .. 2^30 - 16). */
    public static int blockGranules(int payloadBytes) {
        return (payloadBytes + HEADER_BYTES + GRANULE_BYTES - 1) >>> 3;
    }

    /** Payload bytes of a block, from its size and info words. */
    public static int payloadBytes(int sizeWord, int infoWord) {
        return ((sizeWord & SIZE_MASK) - 1) * GRANULE_BYTES - padBytes(infoWord);
    }
}
