/**
 * JMH benchmarks of the interpreter: opcode dispatch, calls, attribute and method access, list
 * and dict operations, and the str methods of text processing, each a Python loop run through the
 * embedding API ({@link dev.zvm.bench.vm.LoadedProgram} compiles, loads and runs the program). It knows the VM only
 * through its public API ({@code dev.zvm.vm}) and the compiler's.
 */
package dev.zvm.bench.vm;
