/**
 * The side-by-side runner behind {@code zvm bench}: it runs the corpus in {@code
 * benchmarks/programs/} on zvm and on other Python implementations as subprocesses, interleaved,
 * reads the {@code @bench} lines the programs' harness prints, and reports medians, spreads and
 * ratios as text, CSV, JSON and an SVG chart.
 *
 * <p>It knows the harness's line format and how to start a process; it knows nothing of the
 * compiler or the interpreter (zvm is just another command line here, so the runner can be
 * proven with any Python standing in for it).
 */
package dev.zvm.cli.bench;
