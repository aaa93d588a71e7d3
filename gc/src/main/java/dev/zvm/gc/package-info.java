/**
 * The bounded heap of one VM: a fixed-size {@code int[]} of 32-bit value words, 8-byte object
 * headers ({@link dev.zvm.gc.ObjectHeader}), the allocator, the mark-and-sweep collector (a
 * stop-the-world mark, then a lazy sweep in the allocator), the roots interface
 * ({@link dev.zvm.gc.RootSet}, pinned handles), pause statistics and the heap verifier.
 *
 * <p>It owns the layout of blocks and the meaning of reference words (low bits 00, not 0). It must not
 * know Python types or any other module: an object is only "slots" (traced values) or "bytes"
 * (raw), with a type byte and 8 user-flag bits that it stores and never reads. It depends on
 * HdrHistogram only.
 */
package dev.zvm.gc;
