package dev.zvm.gc;

import java.util.Arrays;

/**
 * The handle table behind {@link Heap#pin}: values that Java code holds across allocations, scanned
 * as roots by every collection. A handle is an index into the table; free entries are chained by
 * index through {@code nextFree}, and an entry in use has {@code nextFree[h] == IN_USE}.
 *
 * <p>Pinning allocates no Java object once the table is big enough; when it is full it doubles
 * (rare, and never inside a collection). Single-threaded: only the heap's owner calls it.
 */
final class PinnedHandles {
    private static final int IN_USE = -2;
    private static final int END = -1;

    private int[] values;
    private int[] nextFree;
    private int freeHead;
    private int inUse;

    PinnedHandles(int capacity) {
        values = new int[capacity];
        nextFree = new int[capacity];
        chainFree(0, capacity);
    }

    private void chainFree(int from, int to) {
        for (int h = from; h < to - 1; h++) {
            nextFree[h] = h + 1;
        }
        nextFree[to - 1] = END;
        freeHead = from;
    }

    int pin(int value) {
        if (freeHead == END) {
            int old = values.length;
            values = Arrays.copyOf(values, old * 2);
            nextFree = Arrays.copyOf(nextFree, old * 2);
            chainFree(old, old * 2);
        }
        int h = freeHead;
        freeHead = nextFree[h];
        nextFree[h] = IN_USE;
        values[h] = value;
        inUse++;
        return h;
    }

    void unpin(int handle) {
        check(handle);
        values[handle] = 0;
        nextFree[handle] = freeHead;
        freeHead = handle;
        inUse--;
    }

    int get(int handle) {
        check(handle);
        return values[handle];
    }

    void set(int handle, int value) {
        check(handle);
        values[handle] = value;
    }

    int inUse() {
        return inUse;
    }

    /** Hands every pinned value to the visitor (free entries hold 0, which it ignores). */
    void scan(RootVisitor visitor) {
        int[] v = values;
        for (int h = 0; h < v.length; h++) {
            visitor.visit(v[h]);
        }
    }

    private void check(int handle) {
        if (handle < 0 || handle >= values.length || nextFree[handle] != IN_USE) {
            throw new IllegalArgumentException("handle=" + handle + " is not pinned");
        }
    }
}
