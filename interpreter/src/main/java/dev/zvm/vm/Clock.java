package dev.zvm.vm;

/**
 * Where the VM reads time: {@code time.perf_counter()} and {@code time.time()} (the latter as the
 * wall-clock time at VM build plus this clock's elapsed time, so a virtual clock makes both
 * deterministic). Called on the VM's carrier thread only.
 */
@FunctionalInterface
public interface Clock {
  /** Monotonic nanoseconds from an arbitrary origin. */
  long nanoTime();

  /** The JVM's {@code System.nanoTime}. */
  Clock SYSTEM = System::nanoTime;
}
