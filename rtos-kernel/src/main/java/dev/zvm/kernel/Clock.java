package dev.zvm.kernel;

/**
 * The kernel's source of time, in nanoseconds from an origin of the clock's choosing. Every time the kernel
 * uses (timeouts, sleeps, timers, time quanta) comes through its clock; two implementations exist:
 * {@link RealClock} ({@code System.nanoTime}) and {@link VirtualClock} (advanced by the kernel itself).
 * A clock of any other class is treated like a real clock: polled, never advanced.
 */
public interface Clock
{
    /**
     * @return the current time in nanoseconds. Monotonic. Any thread may call it.
     */
    long nanos();
}
