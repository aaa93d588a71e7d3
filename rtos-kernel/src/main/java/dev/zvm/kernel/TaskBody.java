package dev.zvm.kernel;

/**
 * The code of a task, run on the kernel's carrier thread. See the package documentation for the
 * protocol: a body runs until it yields, blocks or finishes, and is called again from the start each time
 * the task is scheduled, so it keeps its own progress (the interpreter keeps it in its frames).
 */
@FunctionalInterface
public interface TaskBody
{
    /**
     * Runs the task for a while.
     *
     * @param self the task being run (the same object as {@link Kernel#currentTask()})
     * @return {@code true} if the task has more to do (it yielded, was preempted, or parked itself in a
     *     blocking call); {@code false} if it has finished, which terminates it
     */
    boolean run(Task self);
}
