/**
 * JMH benchmarks of Python threads on the VM: the GIL handoff between two threads blocking on locks,
 * and the cost of the interpreter's safe points in a top-level thread run (which ask VOSAL whether to
 * yield every {@code safePointInterval} safe points). Each drives a running VM, on its own carrier
 * thread under the real clock, from the benchmark thread through the virtual board: an edge starts a
 * batch, a pin toggle ends it. It knows the VM only through its public API ({@code dev.zvm.vm}), the
 * compiler's and the virtual board's.
 */
package dev.zvm.bench.threads;
