/**
 * JMH benchmarks of the interpreter: opcode dispatch, calls, attribute and method access, list
 * and dict operations, each a Python loop run through the embedding API. It knows the VM only
 * through its public API ({@code dev.zvm.vm}) and the compiler's.
 */
package dev.zvm.bench.vm;
