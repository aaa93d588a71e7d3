package dev.zvm.gc;

/**
 * The heap's blocks or links are not what the allocator and collector left: a bug in whoever wrote
 * into {@link Heap#words()}, or in the gc. Thrown by {@link HeapVerifier} and by a collection that
 * meets an impossible header.
 */
public final class HeapCorruptionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public HeapCorruptionException(String message) {
        super(message);
    }
}
