package dev.zvm.vm;

/**
 * The Java throwable that carries a Python raise out of helpers and natives to the loop. One
 * instance per VM, preallocated, without a stack trace: raising allocates no Java object. The
 * exception itself is in {@link PyThread#exc}; the traceback is computed from the pcs while the
 * loop unwinds.
 */
final class PyRaise extends RuntimeException {
  PyRaise() {
    super("python exception", null, false, false);
  }
}
