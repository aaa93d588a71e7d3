package dev.zvm.bench.gc;

import dev.zvm.gc.Heap;
import dev.zvm.gc.HeapConfig;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full collection (mark and sweep) of a heap half full of small linked objects, the shape the
 * issue sets against MicroPython: blocks of 16, 24 or 32 bytes (2 to 6 slots; slot 0 links to the
 * previously allocated object, the others hold small ints), one root at the head of the chain.
 *
 * <ul>
 *   <li>{@code compact}: the live objects fill the first half of the heap, the rest is one free block.</li>
 *   <li>{@code interleaved}: each live object is followed by a dead one of the same size mix, so
 *       after the first collection the free half is thousands of holes between live objects and the
 *       sweep walks twice as many blocks.</li>
 * </ul>
 * The setup prints the live object count; pause per live object = score / that count. Every
 * invocation collects the same live set.
 * <ul>
 *   <li>{@code collect}: the stop-the-world pause, {@code Heap.collect()}. It marks only: the garbage is
 *       swept lazily by later allocations, and here none come, so each collection starts with the
 *       last one's sweep pending, as it may in a VM (it restarts that sweep; nothing is lost).</li>
 *   <li>{@code collectAndSweep}: the pause plus the whole sweep ({@code Heap.sweep}), which allocations
 *       would otherwise pay a step at a time: all the work of a collection, comparable with a collector
 *       that sweeps inside its pause.</li>
 * </ul>
 * Run with {@code -prof gc} to see 0 B/op of Java allocation per collection.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class CollectionBenchmark {
    private static final int TYPE = 1;

    @Param({"65536", "1048576", "16777216"})
    public int heapBytes;

    @Param({"compact", "interleaved"})
    public String layout;

    private Heap heap;

    @Setup(Level.Trial)
    public void setUp() {
        heap = new Heap(HeapConfig.ofSize(heapBytes));
        SplittableRandom rnd = new SplittableRandom(42);
        boolean interleaved = layout.equals("interleaved");
        long target = heap.capacityBytes() / 2;
        long liveBytes = 0;
        int liveObjects = 0;
        int[] root = {Heap.NULL}; // the chain's head is the root from the start: set-up allocations may collect
        heap.setRootSet(visitor -> visitor.visit(root[0]));
        while (liveBytes < target && heap.freeBytes() >= 64) { // >= 64: no collection during set-up
            int slots = 2 + 2 * rnd.nextInt(3); // 16, 24 or 32-byte blocks
            int node = heap.allocSlots(TYPE, slots);
            heap.setSlot(node, 0, root[0]);
            for (int i = 1; i < slots; i++) {
                heap.setSlot(node, i, (i << 1) | 1);
            }
            root[0] = node;
            liveBytes += heap.blockBytes(node);
            liveObjects++;
            if (interleaved) {
                heap.allocSlots(TYPE, 2 + 2 * rnd.nextInt(3));
            }
        }
        if (heap.collections() != 0) {
            throw new IllegalStateException("the set-up collected");
        }
        heap.collect();
        if (heap.stats().lastLiveObjects() != liveObjects) {
            throw new IllegalStateException("live objects " + heap.stats().lastLiveObjects() + " != " + liveObjects);
        }
        System.out.println();
        System.out.println("heap " + heapBytes + " B " + layout + ": live objects " + liveObjects + ", live bytes "
            + liveBytes + ", free blocks after the first collection: largest " + heap.largestFreeBlockBytes() + " B");
    }

    @Benchmark
    public long collect() {
        heap.collect();
        return heap.usedBytes();
    }

    @Benchmark
    public long collectAndSweep() {
        heap.collect();
        return heap.sweep(Integer.MAX_VALUE);
    }
}
