/**
 * JMH benchmarks of the gc module: small-object allocation and full-collection pauses.
 * They use only the public API of {@code dev.zvm.gc}; figures and commands are in gc/README.md.
 */
package dev.zvm.bench.gc;
