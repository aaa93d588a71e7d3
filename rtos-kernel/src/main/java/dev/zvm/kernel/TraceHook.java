package dev.zvm.kernel;

/**
 * Sees the schedule: called on the carrier each time a task body is about to run. Must not call into the
 * kernel. {@link ScheduleRecorder} is the stock implementation.
 */
@FunctionalInterface
public interface TraceHook
{
    /**
     * @param clockNanos the kernel clock's time
     * @param task the task about to run
     */
    void onDispatch(long clockNanos, Task task);
}
