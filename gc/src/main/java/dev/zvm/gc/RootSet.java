package dev.zvm.gc;

/**
 * Where a collection starts: the VM implements it over its thread stacks, frames, globals and
 * constants. The {@link Collector} calls {@link #scanRoots} once per collection, on the thread that
 * called {@link Heap#collect()} (the carrier), with every mutator stopped.
 *
 * <p>An implementation hands every value word it holds to the visitor; non-references (small ints,
 * immediates, NULL) are ignored there, so it need not filter. It must not allocate on the heap, and
 * it should not allocate Java objects either (the collector allocates none).
 */
@FunctionalInterface
public interface RootSet {
    /** A root set with no roots: only pinned handles keep objects alive. */
    RootSet NONE = visitor -> { };

    void scanRoots(RootVisitor visitor);
}
