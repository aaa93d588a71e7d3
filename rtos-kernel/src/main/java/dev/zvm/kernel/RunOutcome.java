package dev.zvm.kernel;

/**
 * Why {@link Kernel#run()} or {@link Kernel#runFor(java.time.Duration)} returned.
 */
public enum RunOutcome
{
    /** {@link Kernel#stop()} was called. */
    STOPPED,
    /** Every started non-daemon task has terminated. */
    ALL_ENDED,
    /** The duration given to {@code runFor} has passed on the kernel's clock. */
    TIME_UP
}
