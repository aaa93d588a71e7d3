package dev.zvm.vosal;

import dev.zvm.kernel.Kernel;

/**
 * Timeouts and delays: VOSAL takes them in nanoseconds (Zerynth packs a value and a unit in 32 bits with
 * {@code TIME_U}; Java has a long). These helpers convert, saturating at {@link #INFINITE}.
 */
public final class VTime
{
    /** Wait as long as it takes ({@code VTIME_INFINITE}). */
    public static final long INFINITE = Kernel.FOREVER;
    /** Do not wait ({@code VTIME_IMMEDIATE}). */
    public static final long IMMEDIATE = Kernel.NO_WAIT;

    private VTime()
    {
    }

    /** @return {@code ms} milliseconds in nanoseconds */
    public static long millis(final long ms)
    {
        return scale(ms, 1_000_000L);
    }

    /** @return {@code us} microseconds in nanoseconds */
    public static long micros(final long us)
    {
        return scale(us, 1_000L);
    }

    /** @return {@code s} seconds in nanoseconds */
    public static long seconds(final long s)
    {
        return scale(s, 1_000_000_000L);
    }

    private static long scale(final long value, final long factor)
    {
        if (value < 0)
        {
            throw new IllegalArgumentException("time=" + value + " must be >= 0");
        }
        return value > INFINITE / factor ? INFINITE : value * factor;
    }
}
