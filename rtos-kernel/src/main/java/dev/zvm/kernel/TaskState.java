package dev.zvm.kernel;

/**
 * The life of a task.
 *
 * <pre>
 *   NEW --start--> READY <--pick/yield--> RUNNING --finish/terminate--> TERMINATED
 *                    ^                      |
 *                    |  wake (OK/TIMEOUT/   +--wait--> BLOCKED   (on a semaphore, mutex, ...; see Task.waitingOn)
 *                    |  RESET) / resume     +--sleep-> DELAYED
 *                    +----------------------+--suspend-> SUSPENDED
 * </pre>
 * Any state but TERMINATED may go to TERMINATED through {@link Task#terminate()}.
 */
public enum TaskState
{
    /** Created, never started. */
    NEW,
    /** In its priority's ready queue. */
    READY,
    /** Its body is executing on the carrier. At most one task per kernel is RUNNING. */
    RUNNING,
    /** Waiting on a kernel object ({@link Task#waitingOn()}), possibly with a timeout. */
    BLOCKED,
    /** Sleeping until a deadline. */
    DELAYED,
    /** Taken out of scheduling until {@link Task#resume()}. */
    SUSPENDED,
    /** Finished, failed or terminated; never runs again. */
    TERMINATED
}
