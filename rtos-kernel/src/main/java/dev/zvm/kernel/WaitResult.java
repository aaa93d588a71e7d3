package dev.zvm.kernel;

/**
 * The result of a blocking call, as an {@code int} (a value, never an exception; the numbers are
 * Zerynth's VRES_* codes). A blocking call returns {@link #OK} or {@link #TIMEOUT} when it completes at
 * once, or {@link #PENDING} when it has parked the task: the body must then return, and when the kernel runs
 * it again {@link Task#waitResult()} holds OK, TIMEOUT or RESET.
 */
public final class WaitResult
{
    /** The wait was satisfied: the semaphore taken, the mutex acquired, the message received... */
    public static final int OK = 0;
    /** The timeout passed first (or the call did not wait and could not complete at once). */
    public static final int TIMEOUT = -1;
    /** The object was reset or destroyed while the task waited. */
    public static final int RESET = -2;
    /** The task is parked; its body must return; the real result comes with the next run. */
    public static final int PENDING = 1;

    private WaitResult()
    {
    }

    /**
     * @param result a wait result
     * @return its name, for messages and traces
     */
    public static String name(final int result)
    {
        switch (result)
        {
            case OK: return "OK";
            case TIMEOUT: return "TIMEOUT";
            case RESET: return "RESET";
            case PENDING: return "PENDING";
            default: return "result(" + result + ")";
        }
    }
}
