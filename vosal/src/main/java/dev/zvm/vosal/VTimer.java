package dev.zvm.vosal;

import dev.zvm.kernel.Kernel;
import dev.zvm.kernel.Timer;

/**
 * A system timer ({@code vosTimer*}): one-shot or recurrent, with a callback in interrupt context, and a
 * stopwatch reading the time since it was created or reset. Carrier-side.
 */
public final class VTimer
{
    private final Kernel kernel;
    private final Timer timer;
    private VTimerCallback callback;
    private long startNanos;

    VTimer(final Kernel kernel, final String name)
    {
        this.kernel = kernel;
        this.timer = kernel.newTimer(name, t -> callback.onTimer(this));
        this.startNanos = kernel.nanos();
    }

    /** {@code vosTimerOneShot}: runs {@code callback} once after {@code delayNanos}. */
    public void oneShot(final long delayNanos, final VTimerCallback callback)
    {
        this.callback = requireCallback(callback);
        timer.startOneShot(delayNanos);
    }

    /** {@code vosTimerRecurrent}: runs {@code callback} every {@code periodNanos} (> 0). */
    public void recurrent(final long periodNanos, final VTimerCallback callback)
    {
        this.callback = requireCallback(callback);
        timer.startPeriodic(periodNanos);
    }

    /** {@code vosTimerReset}: disarms the timer and restarts the stopwatch. */
    public void reset()
    {
        timer.cancel();
        startNanos = kernel.nanos();
    }

    /** @return true while armed */
    public boolean isActive()
    {
        return timer.isActive();
    }

    /** @return {@code vosTimerReadMillis}: milliseconds since creation or reset */
    public long readMillis()
    {
        return (kernel.nanos() - startNanos) / 1_000_000L;
    }

    /** @return {@code vosTimerReadMicros}: microseconds since creation or reset */
    public long readMicros()
    {
        return (kernel.nanos() - startNanos) / 1_000L;
    }

    /** {@code vosTimerDestroy}. */
    public void destroy()
    {
        timer.destroy();
    }

    private static VTimerCallback requireCallback(final VTimerCallback callback)
    {
        if (callback == null)
        {
            throw new IllegalArgumentException("callback is null");
        }
        return callback;
    }

    @Override
    public String toString()
    {
        return timer.toString();
    }
}
