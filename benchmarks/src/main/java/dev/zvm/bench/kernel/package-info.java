/**
 * Benchmarks of rtos-kernel: the task switch (JMH, {@link dev.zvm.bench.kernel.TaskSwitchBenchmark}) and
 * ISR-to-task latency as a percentile table ({@link dev.zvm.bench.kernel.IsrLatency}, a main class).
 * They use only the kernel's public API; figures and commands are in rtos-kernel/README.md.
 */
package dev.zvm.bench.kernel;
