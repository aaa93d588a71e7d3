package dev.zvm.kernel;

/**
 * How a task's time quantum is counted.
 */
public enum QuantumMode
{
    /**
     * In safe points: each {@link Kernel#shouldYield()} call counts one. Deterministic whatever the clock,
     * so two runs give the same interleaving; the interpreter's default.
     */
    SAFE_POINTS,

    /**
     * In nanoseconds of the kernel's clock. Under a real clock the time is read every
     * {@code clockCheckInterval} safe points, so a quantum ends within that many safe points of its time.
     */
    TIME
}
