package dev.zvm.gc;

/**
 * Receives root values from a {@link RootSet}. A value that is not a reference
 * ({@code (v & 3) != 0 || v == 0}) is ignored, so callers pass every value word they hold.
 */
@FunctionalInterface
public interface RootVisitor {
    void visit(int value);
}
