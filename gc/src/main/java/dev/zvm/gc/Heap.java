package dev.zvm.gc;

import static dev.zvm.gc.ObjectHeader.HEADER_WORDS;
import static dev.zvm.gc.ObjectHeader.SIZE_MASK;
import static dev.zvm.gc.ObjectHeader.SLOTS;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * A bounded heap of a fixed number of bytes, with its allocator and its mark-and-sweep collector.
 *
 * <p><b>Values and references.</b> The heap stores 32-bit value words. A value {@code v} is a
 * reference iff {@code (v & 3) == 0 && v != 0}: it is then the byte offset of an object's 8-byte
 * header ({@link ObjectHeader}) in {@link #words()}, and payload word {@code i} is
 * {@code words()[(v >> 2) + 2 + i]}. Small ints (low bit 1) and other immediates (low bits 10) are
 * never traced. {@link #NULL} is 0; no object sits at offset 0.
 *
 * <p><b>Objects</b> are either <em>slots</em> (every payload word a value, traced) or <em>bytes</em>
 * (raw, little-endian within each word, never traced). Both carry a type byte, opaque here, and 8
 * bits of user flags. The caller may read and write payload words directly in {@link #words()}, but
 * never a header and never past the payload; a slot may hold only values, and a reference only to an
 * object allocated from this heap.
 *
 * <p><b>Allocation</b> never throws for exhaustion: it returns {@link #NULL}, after a collection has
 * been tried, and the VM raises MemoryError. It allocates no Java object. Policy: a collection runs
 * when an allocation finds no block even after sweeping, and before an allocation once
 * {@link HeapConfig#collectEveryBytes()} bytes were allocated since the last one.
 *
 * <p><b>Collection</b> is stop-the-world by contract: whoever calls {@link #collect()} or allocates
 * guarantees that no other mutator touches the heap meanwhile. The roots are the {@link RootSet}
 * given to {@link #setRootSet} plus the pinned handles ({@link #pin}). Objects do not move: a
 * reference stays valid as long as the object is reachable. The pause is the mark; what it found
 * unreachable is swept lazily, a step at a time, by allocations that find no free block
 * ({@link #sweep} sweeps on demand, for instance while the VM is idle).
 *
 * <p><b>Threads.</b> A heap belongs to one thread at a time (the VM's carrier); nothing here is
 * synchronized. Several heaps may live in one JVM: there is no static mutable state.
 *
 * <p>Accessors check their arguments only with Java assertions ({@code -ea}, on in the tests):
 * the VM checks Python-level indices itself, and a wrong reference is a VM bug the
 * {@link HeapVerifier} finds.
 */
public final class Heap {
    /** Granules of an 8-byte bytes object: the header and the two words. */
    private static final int BITS64_GRANULES = ObjectHeader.blockGranules(8);

    /** The null reference. */
    public static final int NULL = 0;
    /** What a fresh slot holds: 0, which is also {@link #NULL} and is skipped by tracing. */
    public static final int EMPTY_SLOT = 0;

    private static final int PIN_TABLE_INITIAL = 16;

    private final HeapConfig config;
    private final int[] words;
    private final Allocator allocator;
    private final Collector collector;
    private final Sweeper sweeper;
    private final PinnedHandles pins = new PinnedHandles(PIN_TABLE_INITIAL);
    private RootSet roots = RootSet.NONE;

    /**
     * Granules in allocated blocks that the last collection found live, plus those allocated since:
     * exact from the end of the pause on, whether or not the garbage has been swept yet.
     */
    private int usedGranules;
    /** Bytes left before the policy collects; Long.MAX_VALUE when only failures collect. */
    private long bytesUntilCollect;

    /** True when any of the flags below is set, so the fast path tests one field. */
    private boolean slowPath;
    private boolean locked;
    private boolean collecting;
    /** Debug: successful allocations left before every allocation fails; -1 when off. */
    private long failAfter = -1;

    private long allocations;
    private long allocatedBytes;
    private long failedAllocations;

    /** A heap of {@code sizeBytes} (8 KiB .. 1 GiB, rounded down to a multiple of 8), default policy. */
    public Heap(int sizeBytes) {
        this(HeapConfig.ofSize(sizeBytes));
    }

    public Heap(HeapConfig config) {
        this.config = config;
        this.words = new int[(config.sizeBytes() & ~7) >> 2];
        this.allocator = new Allocator(words);
        this.sweeper = new Sweeper(words, allocator);
        this.collector = new Collector(words, sweeper.liveMap(), config.markStackEntries());
        resetCollectBudget();
        updateSlowPath();
    }

    public HeapConfig config() {
        return config;
    }

    /** Bytes of heap, a multiple of 8 (the first 8 of which are never allocated). */
    public int sizeBytes() {
        return words.length << 2;
    }

    /** The backing store. Payload word i of {@code ref} is {@code words()[(ref >> 2) + 2 + i]}. */
    public int[] words() {
        return words;
    }

    /** True iff {@code value} is a reference: low two bits 00 and not NULL. */
    public static boolean isRef(int value) {
        return (value & 3) == 0 && value != 0;
    }

    // ---- allocation -------------------------------------------------------------------------------

    /**
     * A new slots object of {@code slotCount} value slots, each {@link #EMPTY_SLOT}; or {@link #NULL}
     * when the heap is exhausted even after a collection, or locked.
     *
     * @param type      0..255, opaque to the heap
     * @param slotCount 0 or more
     */
    public int allocSlots(int type, int slotCount) {
        if ((type & ~0xFF) != 0 || slotCount < 0) {
            throw new IllegalArgumentException("type=" + type + " slotCount=" + slotCount);
        }
        if (slotCount > maxPayloadBytes() >> 2) {
            return failed();
        }
        int granules = (slotCount + HEADER_WORDS + 1) >>> 1;
        int wi = allocate(granules);
        if (wi == 0) {
            return NULL;
        }
        words[wi] = SLOTS | granules;
        words[wi + 1] = ObjectHeader.infoWord(type, 0, (slotCount & 1) << 2);
        Arrays.fill(words, wi + HEADER_WORDS, wi + (granules << 1), EMPTY_SLOT);
        return wi << 2;
    }

    /**
     * A new bytes object of {@code byteCount} zero bytes (padded to whole words, never traced); or
     * {@link #NULL} when the heap is exhausted even after a collection, or locked.
     *
     * @param type      0..255, opaque to the heap
     * @param byteCount 0 or more
     */
    public int allocBytes(int type, int byteCount) {
        int ref = allocBytesUncleared(type, byteCount);
        if (ref != NULL) {
            int wi = ref >> 2;
            Arrays.fill(words, wi + HEADER_WORDS, wi + (words[wi] << 1), 0);
        }
        return ref;
    }

    /**
     * {@link #allocBytes} without the clearing: the payload holds whatever the block held before,
     * and the caller writes every payload word of it before anything reads one. For objects built
     * front to back in whole words (a str copied or concatenated), whose zeroing the copy would only
     * overwrite. Nothing in the heap reads a bytes payload, so stale words there are never taken for
     * references, whatever they hold.
     *
     * @param type      0..255, opaque to the heap
     * @param byteCount 0 or more
     */
    public int allocBytesUncleared(int type, int byteCount) {
        if ((type & ~0xFF) != 0 || byteCount < 0) {
            throw new IllegalArgumentException("type=" + type + " byteCount=" + byteCount);
        }
        if (byteCount > maxPayloadBytes()) {
            return failed();
        }
        int granules = ObjectHeader.blockGranules(byteCount);
        int wi = allocate(granules);
        if (wi == 0) {
            return NULL;
        }
        words[wi] = granules;
        words[wi + 1] = ObjectHeader.infoWord(type, 0, ((granules - 1) << 3) - byteCount);
        return wi << 2;
    }

    /**
     * A new bytes object of 8 bytes holding {@code bits}, low word first; or {@link #NULL} as
     * {@link #allocBytes}. The same object as {@code allocBytes(type, 8)} then two writes, without the
     * general checks and the clearing those writes would undo: the box of a double or a long, the
     * commonest allocation of number-crunching code.
     *
     * @param type 0..255, opaque to the heap
     */
    public int allocBits64(int type, long bits) {
        // the common case in few bytecodes, since float code inlines this at every operator: the
        // budget holds, and the class of 16-byte blocks has one; the rest as allocate does it
        int wi;
        if ((type & ~0xFF) != 0 || slowPath || bytesUntilCollect < BITS64_GRANULES << 3
                || (wi = allocator.popSmall(BITS64_GRANULES)) == 0) {
            return allocBits64Slow(type, bits);
        }
        bytesUntilCollect -= BITS64_GRANULES << 3;
        return bits64At(allocated(wi, BITS64_GRANULES), type, bits);
    }

    private int allocBits64Slow(int type, long bits) {
        if ((type & ~0xFF) != 0) {
            throw badType(type);
        }
        int wi = allocate(BITS64_GRANULES);
        return wi == 0 ? NULL : bits64At(wi, type, bits);
    }

    private int bits64At(int wi, int type, long bits) {
        words[wi] = BITS64_GRANULES;
        words[wi + 1] = type; // ObjectHeader.infoWord(type, 0, 0): no flags, no padding
        words[wi + 2] = (int) bits;
        words[wi + 3] = (int) (bits >>> 32);
        return wi << 2;
    }

    private static IllegalArgumentException badType(int type) {
        return new IllegalArgumentException("type=" + type);
    }

    private int maxPayloadBytes() {
        return sizeBytes() - 2 * ObjectHeader.HEADER_BYTES;
    }

    /** The fast path: policy budget, then the allocator; everything unusual goes out of line. */
    private int allocate(int granules) {
        if (slowPath || (bytesUntilCollect -= granules << 3) < 0) {
            return allocateSlow(granules);
        }
        int wi = allocator.allocate(granules);
        if (wi == 0) {
            return allocateAfterSweeping(granules);
        }
        return allocated(wi, granules);
    }

    private int allocated(int wi, int granules) {
        usedGranules += granules;
        allocations++;
        allocatedBytes += granules << 3;
        return wi;
    }

    private int allocateSlow(int granules) {
        if (collecting) {
            throw new IllegalStateException("allocation during a collection: a RootSet must not allocate");
        }
        if (locked) {
            return failed();
        }
        if (failAfter == 0) {
            return failed();
        }
        if (slowPath) {
            bytesUntilCollect -= granules << 3; // the fast path's test stopped before counting it
        }
        if (config.stressCollect() || bytesUntilCollect < 0) {
            collect();
            bytesUntilCollect -= granules << 3;
        }
        int wi = allocator.allocate(granules);
        if (wi == 0) {
            return allocateAfterSweeping(granules);
        }
        if (failAfter > 0) {
            failAfter--;
        }
        return allocated(wi, granules);
    }

    /** The free lists have no block: sweep on until one fits; failing that, collect and sweep again. */
    private int allocateAfterSweeping(int granules) {
        int wi = sweepUntilFits(granules);
        if (wi == 0) {
            collect();
            wi = sweepUntilFits(granules);
            if (wi == 0) {
                return failed();
            }
        }
        if (failAfter > 0) {
            failAfter--;
        }
        return allocated(wi, granules);
    }

    private int sweepUntilFits(int granules) {
        int wi = 0;
        while (wi == 0 && sweeper.step() > 0) {
            wi = allocator.allocate(granules);
        }
        return wi;
    }

    private int failed() {
        failedAllocations++;
        return NULL;
    }

    // ---- object access ----------------------------------------------------------------------------

    /** The type byte given at allocation (0..255). */
    public int type(int ref) {
        assert checkObject(ref);
        return words[(ref >> 2) + 1] & ObjectHeader.TYPE_MASK;
    }

    /** Payload bytes: the byte count of a bytes object, 4 * slot count of a slots object. */
    public int payloadBytes(int ref) {
        assert checkObject(ref);
        int wi = ref >> 2;
        return ObjectHeader.payloadBytes(words[wi], words[wi + 1]);
    }

    /** Bytes the object occupies in the heap: header, payload and padding. */
    public int blockBytes(int ref) {
        assert checkObject(ref);
        return (words[ref >> 2] & SIZE_MASK) << 3;
    }

    /** Value slots of a slots object; 0 for a bytes object. */
    public int slotCount(int ref) {
        assert checkObject(ref);
        int wi = ref >> 2;
        int header = words[wi];
        return (header & SLOTS) == 0 ? 0 : ObjectHeader.payloadBytes(header, words[wi + 1]) >> 2;
    }

    /** True for a slots (traced) object, false for a bytes object. */
    public boolean isSlots(int ref) {
        assert checkObject(ref);
        return (words[ref >> 2] & SLOTS) != 0;
    }

    /** The 8 bits the VM may use as it likes (0 at allocation). */
    public int userFlags(int ref) {
        assert checkObject(ref);
        return (words[(ref >> 2) + 1] >>> ObjectHeader.USER_FLAGS_SHIFT) & 0xFF;
    }

    public void setUserFlags(int ref, int flags) {
        assert checkObject(ref);
        if ((flags & ~0xFF) != 0) {
            throw new IllegalArgumentException("flags=" + flags);
        }
        int i = (ref >> 2) + 1;
        words[i] = (words[i] & ~(0xFF << ObjectHeader.USER_FLAGS_SHIFT)) | (flags << ObjectHeader.USER_FLAGS_SHIFT);
    }

    public int getSlot(int ref, int i) {
        assert checkSlot(ref, i);
        return words[(ref >> 2) + HEADER_WORDS + i];
    }

    public void setSlot(int ref, int i, int value) {
        assert checkSlot(ref, i);
        words[(ref >> 2) + HEADER_WORDS + i] = value;
    }

    /** Byte {@code i} of the payload (little-endian within each word). */
    public byte getByte(int ref, int i) {
        assert checkBytes(ref, i, 1);
        return (byte) (words[(ref >> 2) + HEADER_WORDS + (i >> 2)] >>> ((i & 3) << 3));
    }

    public void setByte(int ref, int i, int b) {
        assert checkBytes(ref, i, 1);
        int w = (ref >> 2) + HEADER_WORDS + (i >> 2);
        int shift = (i & 3) << 3;
        words[w] = (words[w] & ~(0xFF << shift)) | ((b & 0xFF) << shift);
    }

    /** The 16-bit value at {@code byteOffset}, a multiple of 2. */
    public short getShort(int ref, int byteOffset) {
        assert checkBytes(ref, byteOffset, 2) && (byteOffset & 1) == 0;
        return (short) (words[(ref >> 2) + HEADER_WORDS + (byteOffset >> 2)] >>> ((byteOffset & 2) << 3));
    }

    public void setShort(int ref, int byteOffset, int value) {
        assert checkBytes(ref, byteOffset, 2) && (byteOffset & 1) == 0;
        int w = (ref >> 2) + HEADER_WORDS + (byteOffset >> 2);
        int shift = (byteOffset & 2) << 3;
        words[w] = (words[w] & ~(0xFFFF << shift)) | ((value & 0xFFFF) << shift);
    }

    /** The 32-bit value at {@code byteOffset}, a multiple of 4. */
    public int getInt(int ref, int byteOffset) {
        assert checkBytes(ref, byteOffset, 4) && (byteOffset & 3) == 0;
        return words[(ref >> 2) + HEADER_WORDS + (byteOffset >> 2)];
    }

    public void setInt(int ref, int byteOffset, int value) {
        assert checkBytes(ref, byteOffset, 4) && (byteOffset & 3) == 0;
        words[(ref >> 2) + HEADER_WORDS + (byteOffset >> 2)] = value;
    }

    /** The 64-bit value at {@code byteOffset}, a multiple of 4 (low word first). */
    public long getLong(int ref, int byteOffset) {
        assert checkBytes(ref, byteOffset, 8) && (byteOffset & 3) == 0;
        int w = (ref >> 2) + HEADER_WORDS + (byteOffset >> 2);
        return ((long) words[w + 1] << 32) | (words[w] & 0xFFFF_FFFFL);
    }

    public void setLong(int ref, int byteOffset, long value) {
        assert checkBytes(ref, byteOffset, 8) && (byteOffset & 3) == 0;
        int w = (ref >> 2) + HEADER_WORDS + (byteOffset >> 2);
        words[w] = (int) value;
        words[w + 1] = (int) (value >>> 32);
    }

    public double getDouble(int ref, int byteOffset) {
        return Double.longBitsToDouble(getLong(ref, byteOffset));
    }

    public void setDouble(int ref, int byteOffset, double value) {
        setLong(ref, byteOffset, Double.doubleToRawLongBits(value));
    }

    // ---- roots, pins, collection --------------------------------------------------------------------

    /** The VM's roots, scanned by every collection; {@link RootSet#NONE} until set. */
    public void setRootSet(RootSet roots) {
        if (roots == null) {
            throw new IllegalArgumentException("roots=null (use RootSet.NONE)");
        }
        this.roots = roots;
    }

    /**
     * Keeps {@code value} alive (if it is a reference) until {@link #unpin}: for Java code that holds a
     * reference across an allocation. Returns a handle, an int of 0 or more.
     */
    public int pin(int value) {
        assert !isRef(value) || checkObject(value);
        return pins.pin(value);
    }

    /** Releases a handle from {@link #pin}; the handle may be reused by a later pin. */
    public void unpin(int handle) {
        pins.unpin(handle);
    }

    /** The value held by a handle. */
    public int pinned(int handle) {
        return pins.get(handle);
    }

    /** Replaces the value held by a handle. */
    public void setPinned(int handle, int value) {
        assert !isRef(value) || checkObject(value);
        pins.set(handle, value);
    }

    /** Handles currently pinned. */
    public int pinnedCount() {
        return pins.inUse();
    }

    /**
     * A full stop-the-world collection: marks from the root set and the pinned handles and records the
     * pause; what it did not reach is free from then on ({@link #freeBytes()} counts it) and is swept
     * into the free lists lazily, by the allocations that need it. The caller guarantees no mutator
     * runs meanwhile. Allowed while the heap is locked. If the RootSet throws, the exception
     * propagates and the heap is as before.
     */
    public void collect() {
        if (collecting) {
            throw new IllegalStateException("collect() during a collection");
        }
        if (config.verifyEachCollection()) {
            HeapVerifier.verify(this);
        }
        collecting = true;
        updateSlowPath();
        try {
            usedGranules = collector.collect(allocator, sweeper, roots, pins);
        } finally {
            collecting = false;
            updateSlowPath();
            resetCollectBudget();
        }
    }

    /**
     * Sweeps what the last collection left unswept, at least {@code minBlocks} blocks of it (or all
     * that is left), as allocations otherwise would when they find no free block: for a VM that has
     * time to spare, or wants the next allocations fast. Returns the blocks passed (live blocks, and
     * gaps of garbage freed, a long gap one piece per step), 0 when the sweep was already complete.
     * Runs as allocations' steps do, each bounded, so that a caller can stop between two calls.
     * Allocates no Java object.
     */
    public int sweep(int minBlocks) {
        if (collecting) {
            throw new IllegalStateException("sweep() during a collection");
        }
        int passed = 0;
        int p;
        do {
            p = sweeper.sweep(Math.max(1, minBlocks - passed), Sweeper.SCAN_GRANULES);
            passed += p;
        } while (p > 0 && passed < minBlocks);
        return passed;
    }

    /** True while the last collection's garbage is not all swept into the free lists yet. */
    public boolean sweepPending() {
        return sweeper.pending();
    }

    /** MicroPython's heap lock: while locked, every allocation returns NULL (without collecting). */
    public void setLocked(boolean locked) {
        this.locked = locked;
        updateSlowPath();
    }

    public boolean isLocked() {
        return locked;
    }

    /**
     * Debug (Lua's ltests memory limit): after {@code allocations} more successful allocations, every
     * allocation returns NULL until this is called again. -1 turns it off (the default).
     */
    public void setFailAfter(long allocations) {
        if (allocations < -1) {
            throw new IllegalArgumentException("allocations=" + allocations);
        }
        this.failAfter = allocations;
        updateSlowPath();
    }

    private void updateSlowPath() {
        slowPath = locked || collecting || failAfter >= 0 || config.stressCollect();
    }

    private void resetCollectBudget() {
        long every = config.collectEveryBytes();
        bytesUntilCollect = every == 0 ? Long.MAX_VALUE : every;
    }

    // ---- statistics ---------------------------------------------------------------------------------

    /** Bytes that can ever be allocated: the heap minus its reserved first granule. */
    public long capacityBytes() {
        return sizeBytes() - (long) Allocator.FIRST_WORD * 4;
    }

    /** Bytes in allocated blocks (headers and padding included), live or not yet collected. */
    public long usedBytes() {
        return (long) usedGranules << 3;
    }

    public long freeBytes() {
        return capacityBytes() - usedBytes();
    }

    /**
     * Bytes of the largest free block, header included: the largest payload it can hold is 8 less.
     * Completes the pending sweep first, so that the answer is exact.
     */
    public long largestFreeBlockBytes() {
        sweeper.finish();
        return (long) allocator.largestFreeGranules() << 3;
    }

    public long collections() {
        return collector.collections();
    }

    /** The live histogram of collection pauses, ns. Read it on the heap's owner thread. */
    public Histogram pauses() {
        return collector.pauses();
    }

    /**
     * A snapshot of the figures; it copies the pause histogram (about 30 KB). Completes the pending
     * sweep first (see {@link #largestFreeBlockBytes()}).
     */
    public HeapStats stats() {
        return new HeapStats(sizeBytes(), capacityBytes(), usedBytes(), freeBytes(), largestFreeBlockBytes(),
            collector.collections(), collector.lastPauseNs(), collector.totalPauseNs(), collector.liveObjects(),
            collector.rescans(), allocations, allocatedBytes, failedAllocations, pins.inUse(),
            collector.pauses().copy());
    }

    // ---- for the verifier ---------------------------------------------------------------------------

    Allocator allocator() {
        return allocator;
    }

    Sweeper sweeper() {
        return sweeper;
    }

    Collector collector() {
        return collector;
    }

    RootSet roots() {
        return roots;
    }

    PinnedHandles pinTable() {
        return pins;
    }

    int usedGranules() {
        return usedGranules;
    }

    // ---- assertions ---------------------------------------------------------------------------------

    private boolean checkObject(int ref) {
        if (!isRef(ref) || ref >= sizeBytes() || (ref & 7) != 0) {
            throw new IllegalArgumentException("ref=" + ref + " is not a reference into this heap");
        }
        if ((words[ref >> 2] & ObjectHeader.FREE) != 0) {
            throw new IllegalArgumentException("ref=" + ref + " is a free block");
        }
        return true;
    }

    private boolean checkSlot(int ref, int i) {
        checkObject(ref);
        if (!isSlots(ref) || i < 0 || i >= slotCount(ref)) {
            throw new IndexOutOfBoundsException("ref=" + ref + " slot=" + i + " slotCount=" + slotCount(ref));
        }
        return true;
    }

    private boolean checkBytes(int ref, int byteOffset, int width) {
        checkObject(ref);
        if (byteOffset < 0 || byteOffset + width > payloadBytes(ref)) {
            throw new IndexOutOfBoundsException("ref=" + ref + " byteOffset=" + byteOffset + " width=" + width
                + " payloadBytes=" + payloadBytes(ref));
        }
        return true;
    }
}
