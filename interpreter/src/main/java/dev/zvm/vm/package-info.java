/**
 * The VM: image loading, the object model on the heap, the dispatch loop, builtins and native modules,
 * Python threads, the interrupt thread and the embedding API. It knows no source code and reaches the kernel
 * only through VOSAL.
 */
package dev.zvm.vm;
