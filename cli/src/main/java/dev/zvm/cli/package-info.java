/**
 * The {@code zvm} command line: compile, run, disasm, bench, latency. It uses only the public
 * APIs of the compiler and the interpreter; it owns argument parsing, exit codes and the
 * formatting of what it prints.
 */
package dev.zvm.cli;
