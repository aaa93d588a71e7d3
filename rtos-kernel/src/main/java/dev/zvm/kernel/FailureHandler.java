package dev.zvm.kernel;

/**
 * Told when a task body, an interrupt handler or a timer callback throws. The kernel has already made
 * itself consistent (a failed task is terminated, its mutexes handed on) and counted the failure.
 * Runs on the carrier.
 */
@FunctionalInterface
public interface FailureHandler
{
    /** Prints the failure to {@code System.err}; the default. */
    FailureHandler PRINT = (source, error) ->
    {
        System.err.println("zvm-kernel: " + source + " failed: " + error);
        error.printStackTrace();
    };

    /**
     * @param source the task, interrupt line or timer whose code threw
     * @param error what it threw
     */
    void onFailure(KernelObject source, Throwable error);
}
