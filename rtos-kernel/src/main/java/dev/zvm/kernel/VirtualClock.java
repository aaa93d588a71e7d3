package dev.zvm.kernel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Simulated time, owned and advanced by exactly one kernel. Time moves only when the kernel moves it:
 * each safe point a task body passes charges the kernel's configured cost, and an idle kernel jumps
 * straight to the next deadline. A simulated hour therefore takes milliseconds, and a run with the same
 * inputs gives the same schedule every time.
 *
 * <p>Threads: the owning kernel's carrier writes {@code nowNanos} (store-ordered); any thread may read it.
 */
public final class VirtualClock implements Clock
{
    private static final VarHandle NOW;

    static
    {
        try
        {
            NOW = MethodHandles.lookup().findVarHandle(VirtualClock.class, "nowNanos", long.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    /** Written by the owning kernel's carrier only; read by anyone (opaque). */
    private long nowNanos;
    /** The kernel that advances this clock; set once when the kernel is built. */
    private Object owner;

    /** A clock at time zero. */
    public VirtualClock()
    {
    }

    /**
     * @param startNanos the initial time, {@code >= 0}
     */
    public VirtualClock(final long startNanos)
    {
        if (startNanos < 0)
        {
            throw new IllegalArgumentException("startNanos=" + startNanos + " must be >= 0");
        }
        nowNanos = startNanos;
    }

    @Override
    public long nanos()
    {
        return (long)NOW.getOpaque(this);
    }

    /** Carrier only: moves time forward by {@code deltaNanos >= 0}. */
    void advanceBy(final long deltaNanos)
    {
        NOW.setOpaque(this, nowNanos + deltaNanos);
    }

    /** Carrier only: moves time forward to {@code timeNanos}; never backwards. */
    void advanceTo(final long timeNanos)
    {
        if (timeNanos > nowNanos)
        {
            NOW.setOpaque(this, timeNanos);
        }
    }

    synchronized void claim(final Object kernel)
    {
        if (owner != null && owner != kernel)
        {
            throw new IllegalArgumentException("this VirtualClock already belongs to " + owner +
                "; each kernel needs a clock of its own");
        }
        owner = kernel;
    }

    @Override
    public String toString()
    {
        return "VirtualClock[now=" + nanos() + "ns]";
    }
}
