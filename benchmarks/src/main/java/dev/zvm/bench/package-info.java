/**
 * JMH benchmarks of every layer, and the side-by-side runner that compares zvm with other Python
 * implementations on the same programs.
 */
package dev.zvm.bench;
