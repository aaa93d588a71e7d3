package dev.zvm.vm;

/**
 * A function written in Java and callable from Python. Its arguments are on the running thread's
 * value stack: positional ones at {@code stack[a .. a + n)}, keyword ones as pairs (name id as a
 * small int, value) at {@code stack[kw .. kw + 2 * nkw)}; both are GC roots for the call's
 * duration. It returns a value word (never NULL) or raises through {@link Runtime#raise}.
 */
@FunctionalInterface
interface NativeFn {
  int call(Runtime rt, int a, int n, int kw, int nkw);
}
