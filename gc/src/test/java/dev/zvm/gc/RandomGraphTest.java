package dev.zvm.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A mutator driven by a seeded SplittableRandom builds random graphs on a small heap, against a model
 * kept in Java collections. Collections happen explicitly and by themselves (failed allocations, the
 * byte budget); the lazy sweep runs in the allocator and on explicit calls. After each collection,
 * every object the model can reach must be intact, every other one reclaimed (used bytes = the
 * reachable blocks exactly), and the verifier must pass, also half-way through a sweep. Every
 * allocation is checked against every object the model still knows, so no two ever overlap.
 */
class RandomGraphTest {
    private static final int SEEDS = 100;
    private static final int OPS = 2000;

    static LongStream seeds() {
        return LongStream.range(0, SEEDS).map(i -> 0x9E3779B97F4A7C15L * (i + 1));
    }

    /** What the model knows of one object. */
    private static final class Obj {
        final int ref;
        final int type;
        final int[] slots;  // null for bytes objects
        final byte[] bytes; // null for slots objects

        Obj(int ref, int type, int[] slots, byte[] bytes) {
            this.ref = ref;
            this.type = type;
            this.slots = slots;
            this.bytes = bytes;
        }

        int blockBytes() {
            int payload = slots != null ? slots.length * 4 : bytes.length;
            return (8 + payload + 7) & ~7;
        }
    }

    private static final class Run {
        final long seed;
        final SplittableRandom rnd;
        final Heap heap;
        final int[] roots;
        final Map<Integer, Obj> known = new HashMap<>();
        final List<Obj> knownList = new ArrayList<>();
        final TreeMap<Integer, Integer> extents = new TreeMap<>();
        final Map<Integer, Integer> pins = new HashMap<>(); // handle -> value
        int temp = Heap.NULL; // a fresh object not yet stored anywhere, a root too
        long seenCollections;
        int nullAllocations;

        Run(long seed) {
            this.seed = seed;
            this.rnd = new SplittableRandom(seed);
            int size = (16 + rnd.nextInt(240)) * 1024;
            HeapConfig config = HeapConfig.ofSize(size).withMarkStackEntries(1 + rnd.nextInt(64));
            if (rnd.nextInt(3) == 0) {
                config = config.withCollectEveryBytes(1 + rnd.nextInt(size));
            }
            heap = new Heap(config);
            roots = new int[1 + rnd.nextInt(32)];
            heap.setRootSet(v -> {
                for (int r : roots) {
                    v.visit(r);
                }
                v.visit(temp);
            });
        }

        String where() {
            return "seed=" + seed + " config=" + heap.config();
        }

        void go() {
            for (int op = 0; op < OPS; op++) {
                int what = rnd.nextInt(100);
                if (what < 45) {
                    allocate();
                } else if (what < 75) {
                    writeSlot();
                } else if (what < 84) {
                    writeByte();
                } else if (what < 85) {
                    heap.sweep(1 + rnd.nextInt(2000)); // as a VM with time to spare would
                } else if (what < 92) {
                    roots[rnd.nextInt(roots.length)] = pickValue();
                } else if (what < 96) {
                    pinOrUnpin();
                } else if (what < 98) {
                    heap.collect();
                    afterCollection(0);
                    checkAll();
                } else {
                    HeapVerifier.verify(heap);
                }
            }
            heap.collect();
            afterCollection(0);
            checkAll();
        }

        void allocate() {
            int kind = rnd.nextInt(100);
            int type = rnd.nextInt(256);
            boolean slots = kind < 70 || (kind >= 90 && kind < 95);
            int n;
            if (kind < 60) {
                n = rnd.nextInt(7);
            } else if (kind < 70) {
                n = 7 + rnd.nextInt(120);
            } else if (kind < 85) {
                n = rnd.nextInt(65);
            } else if (kind < 90) {
                n = 65 + rnd.nextInt(4000);
            } else if (kind < 95) {
                n = 127 + rnd.nextInt(1500);
            } else {
                n = rnd.nextInt(heap.sizeBytes() / 8);
            }
            int ref = slots ? heap.allocSlots(type, n) : heap.allocBytes(type, n);
            boolean collected = heap.collections() != seenCollections;
            int block = (8 + (slots ? 4 * n : n) + 7) & ~7;
            if (collected) {
                afterCollection(ref == Heap.NULL ? 0 : block);
            }
            if (ref == Heap.NULL) {
                nullAllocations++;
                assertTrue(collected, () -> where() + ": NULL without trying a collection");
                assertTrue(heap.largestFreeBlockBytes() < block, () -> where() + ": NULL for " + block
                    + " bytes while the largest free block has " + heap.largestFreeBlockBytes());
                return;
            }
            Obj o = new Obj(ref, type, slots ? new int[n] : null, slots ? null : new byte[n]);
            checkNoOverlap(ref, block);
            assertEquals(block, heap.blockBytes(ref), this::where);
            check(o);
            known.put(ref, o);
            knownList.add(o);
            extents.put(ref, ref + block);
            temp = ref;
            // store it somewhere: a root or a slot of a known object
            if (rnd.nextBoolean() || knownList.size() < 2) {
                roots[rnd.nextInt(roots.length)] = ref;
            } else {
                Obj holder = pickSlotsObject();
                if (holder != null && holder.slots.length > 0) {
                    int i = rnd.nextInt(holder.slots.length);
                    holder.slots[i] = ref;
                    heap.setSlot(holder.ref, i, ref);
                }
            }
            temp = Heap.NULL;
        }

        void checkNoOverlap(int ref, int block) {
            Map.Entry<Integer, Integer> below = extents.floorEntry(ref);
            if (below != null && below.getValue() > ref) {
                fail(where() + ": new block [" + ref + ", " + (ref + block) + ") overlaps [" + below.getKey() + ", "
                    + below.getValue() + ")");
            }
            Map.Entry<Integer, Integer> above = extents.ceilingEntry(ref);
            if (above != null && above.getKey() < ref + block) {
                fail(where() + ": new block [" + ref + ", " + (ref + block) + ") overlaps [" + above.getKey() + ", "
                    + above.getValue() + ")");
            }
            assertTrue(ref >= 8 && ref + block <= heap.sizeBytes(), () -> where() + ": block outside the heap");
        }

        Obj pickSlotsObject() {
            for (int tries = 0; tries < 4 && !knownList.isEmpty(); tries++) {
                Obj o = knownList.get(rnd.nextInt(knownList.size()));
                if (o.slots != null && o.slots.length > 0) {
                    return o;
                }
            }
            return null;
        }

        /** A known object (alive or not yet collected), a small int, an immediate, or NULL. */
        int pickValue() {
            int k = rnd.nextInt(10);
            if (k < 6 && !knownList.isEmpty()) {
                return knownList.get(rnd.nextInt(knownList.size())).ref;
            } else if (k < 8) {
                return (rnd.nextInt() << 1) | 1;
            } else if (k < 9) {
                return (rnd.nextInt() << 2) | 2;
            }
            return Heap.NULL;
        }

        void writeSlot() {
            Obj o = pickSlotsObject();
            if (o != null) {
                int i = rnd.nextInt(o.slots.length);
                int v = pickValue();
                o.slots[i] = v;
                heap.setSlot(o.ref, i, v);
            }
        }

        void writeByte() {
            for (int tries = 0; tries < 4 && !knownList.isEmpty(); tries++) {
                Obj o = knownList.get(rnd.nextInt(knownList.size()));
                if (o.bytes != null && o.bytes.length > 0) {
                    int i = rnd.nextInt(o.bytes.length);
                    byte b = (byte) rnd.nextInt(256);
                    o.bytes[i] = b;
                    heap.setByte(o.ref, i, b);
                    return;
                }
            }
        }

        void pinOrUnpin() {
            if (!pins.isEmpty() && rnd.nextBoolean()) {
                int handle = pins.keySet().iterator().next();
                assertEquals(pins.remove(handle), heap.pinned(handle), this::where);
                heap.unpin(handle);
            } else {
                int v = pickValue();
                pins.put(heap.pin(v), v);
            }
            assertEquals(pins.size(), heap.pinnedCount(), this::where);
        }

        Set<Integer> reachable() {
            Set<Integer> seen = new HashSet<>();
            ArrayDeque<Integer> todo = new ArrayDeque<>();
            for (int r : roots) {
                todo.add(r);
            }
            todo.add(temp);
            todo.addAll(pins.values());
            while (!todo.isEmpty()) {
                int v = todo.poll();
                if (Heap.isRef(v) && seen.add(v)) {
                    Obj o = known.get(v);
                    if (o == null) {
                        fail(where() + ": the model reaches " + v + ", which it does not know");
                    }
                    if (o.slots != null) {
                        for (int s : o.slots) {
                            todo.add(s);
                        }
                    }
                }
            }
            return seen;
        }

        /** A collection ran: forget what it reclaimed, check the figures (plus a block allocated since). */
        void afterCollection(long allocatedSince) {
            seenCollections = heap.collections();
            Set<Integer> live = reachable();
            knownList.removeIf(o -> !live.contains(o.ref));
            known.keySet().retainAll(live);
            extents.keySet().retainAll(live);
            long liveBytes = 0;
            for (Obj o : knownList) {
                liveBytes += o.blockBytes();
            }
            assertEquals(knownList.size(), heap.stats().lastLiveObjects(), () -> where() + ": live objects");
            assertEquals(liveBytes + allocatedSince, heap.usedBytes(), () -> where() + ": used bytes after a collection");
            assertEquals(heap.capacityBytes() - liveBytes - allocatedSince, heap.freeBytes(), () -> where() + ": free bytes");
        }

        void checkAll() {
            for (Obj o : knownList) {
                check(o);
            }
            assertEquals(knownList.size(), HeapVerifier.verify(heap), () -> where() + ": objects the verifier walked");
        }

        void check(Obj o) {
            assertEquals(o.type, heap.type(o.ref), this::where);
            assertEquals(o.slots != null, heap.isSlots(o.ref), this::where);
            if (o.slots != null) {
                assertEquals(o.slots.length, heap.slotCount(o.ref), this::where);
                for (int i = 0; i < o.slots.length; i++) {
                    if (o.slots[i] != heap.getSlot(o.ref, i)) {
                        fail(where() + ": ref=" + o.ref + " slot " + i + " is " + heap.getSlot(o.ref, i) + ", expected "
                            + o.slots[i]);
                    }
                }
            } else {
                assertEquals(o.bytes.length, heap.payloadBytes(o.ref), this::where);
                int[] words = heap.words();
                int base = ObjectHeader.payloadWordIndex(o.ref, 0);
                for (int i = 0; i < o.bytes.length; i++) {
                    // the accessor for a few bytes, the raw little-endian words for the rest (much faster)
                    byte actual = i < 16 ? heap.getByte(o.ref, i) : (byte) (words[base + (i >> 2)] >>> ((i & 3) * 8));
                    if (o.bytes[i] != actual) {
                        fail(where() + ": ref=" + o.ref + " byte " + i + " is " + heap.getByte(o.ref, i) + ", expected "
                            + o.bytes[i] + " " + Arrays.toString(o.bytes));
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomGraphsSurviveExactly(long seed) {
        new Run(seed).go();
    }
}
