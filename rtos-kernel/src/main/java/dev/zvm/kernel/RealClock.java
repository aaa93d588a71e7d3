package dev.zvm.kernel;

/**
 * Wall time from {@link System#nanoTime()}, measured from the moment the clock was created so that kernel
 * times start near zero. Stateless after construction: any thread may read it.
 */
public final class RealClock implements Clock
{
    private final long originNanos = System.nanoTime();

    @Override
    public long nanos()
    {
        return System.nanoTime() - originNanos;
    }

    @Override
    public String toString()
    {
        return "RealClock";
    }
}
