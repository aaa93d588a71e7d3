package dev.zvm.vosal;

import dev.zvm.kernel.WaitResult;

/**
 * Results of VOSAL's blocking calls (Zerynth's {@code VRES_*}). A blocking call returns {@link #OK} or
 * {@link #TIMEOUT} when it completes at once, or {@link #PENDING} when it has parked the calling thread:
 * the thread's body must then return {@code true}, and when it runs again {@link VThread#waitResult()}
 * holds OK, TIMEOUT or RESET.
 */
public final class VRes
{
    /** Done: acquired, received, posted. */
    public static final int OK = WaitResult.OK;
    /** The timeout passed first, or the call could not complete at once with {@link VTime#IMMEDIATE}. */
    public static final int TIMEOUT = WaitResult.TIMEOUT;
    /** The object was reset or destroyed during the wait. */
    public static final int RESET = WaitResult.RESET;
    /** Parked: return from the body; the result comes with the next run. */
    public static final int PENDING = WaitResult.PENDING;

    private VRes()
    {
    }

    /** @return "OK", "TIMEOUT", "RESET" or "PENDING" */
    public static String name(final int result)
    {
        return WaitResult.name(result);
    }
}
