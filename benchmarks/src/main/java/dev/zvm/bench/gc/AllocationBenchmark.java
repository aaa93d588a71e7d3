package dev.zvm.bench.gc;

import dev.zvm.gc.Heap;
import dev.zvm.gc.HeapConfig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Allocating one small object: ns per allocation, with the collections it causes amortised in.
 * Run with {@code -prof gc}: gc.alloc.rate.norm must be about 0 B/op (no Java allocation per call).
 *
 * <ul>
 *   <li>{@code slots16}, {@code bytes16}: a 16-byte block (header + 2 slots / 5 bytes), all garbage,
 *       on a 64 MiB heap: bump allocation, and a collection of an all-dead heap every 4 M calls.</li>
 *   <li>{@code slots16SmallHeap}: the same 16-byte garbage on a 1 MiB heap that stays in cache: a
 *       collection (all dead) every 64 K calls.</li>
 *   <li>{@code slots16HalfLive}: the same on a 1 MiB heap kept half full of live 16-byte objects in
 *       alternate blocks, so every allocation pops the exact-size free list and every 32 K calls a
 *       collection marks 32 K live objects.</li>
 *   <li>{@code mixedSmall}: sizes cycling through 16, 24, 32 and 48 bytes, all garbage, 64 MiB.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class AllocationBenchmark {
    private static final int TYPE = 1;

    private Heap big;
    private Heap small;
    private Heap halfLive;
    private int[] live;
    /** Slot counts of 16-, 24-, 32- and 48-byte blocks. */
    private static final int[] MIXED_SLOTS = {2, 4, 6, 10};
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        big = new Heap(HeapConfig.ofSize(64 << 20));
        small = new Heap(HeapConfig.ofSize(1 << 20));
        halfLive = new Heap(HeapConfig.ofSize(1 << 20));
        int blocks = (int) (halfLive.capacityBytes() / 16);
        live = new int[blocks / 2];
        for (int i = 0; i < blocks; i++) {
            int ref = halfLive.allocSlots(TYPE, 2);
            if ((i & 1) == 0 && (i >> 1) < live.length) {
                live[i >> 1] = ref;
            }
        }
        int[] roots = live;
        halfLive.setRootSet(visitor -> {
            for (int r : roots) {
                visitor.visit(r);
            }
        });
        halfLive.collect();
    }

    @Benchmark
    public int slots16() {
        return big.allocSlots(TYPE, 2);
    }

    @Benchmark
    public int bytes16() {
        return big.allocBytes(TYPE, 5);
    }

    @Benchmark
    public int slots16SmallHeap() {
        return small.allocSlots(TYPE, 2);
    }

    @Benchmark
    public int slots16HalfLive() {
        return halfLive.allocSlots(TYPE, 2);
    }

    @Benchmark
    public int mixedSmall() {
        next = (next + 1) & 3;
        return big.allocSlots(TYPE, MIXED_SLOTS[next]);
    }
}
