package dev.zvm.kernel;

/**
 * A virtual timer, one-shot or periodic, on the kernel's timer wheel (Agrona's
 * {@link org.agrona.DeadlineTimerWheel}) and the kernel's clock. Its callback runs on the carrier in
 * interrupt context. A periodic timer keeps its phase: the next deadline is the last one plus the
 * period, skipping periods already past if the kernel fell behind. Carrier-side calls (a task or a
 * handler), or any single thread while the kernel is not running.
 */
public final class Timer extends KernelObject
{
    private final TimerCallback callback;
    final TimerSlot slot = new TimerSlot(this);
    private long periodNanos;
    private long expirations;

    Timer(final Kernel kernel, final String name, final TimerCallback callback)
    {
        super(kernel, name);
        this.callback = callback;
    }

    @Override
    String kind()
    {
        return "timer";
    }

    /**
     * Arms the timer to expire once, {@code delayNanos} from now; re-arming replaces the previous setting.
     *
     * @param delayNanos {@code >= 0}
     */
    public void startOneShot(final long delayNanos)
    {
        kernel.checkCarrier("startOneShot");
        checkDelay("delayNanos", delayNanos, 0);
        checkUsable();
        periodNanos = 0;
        kernel.timers.schedule(slot, Kernel.saturatedAdd(kernel.nanos(), delayNanos));
    }

    /**
     * Arms the timer to expire every {@code periodNanos}, first after one period.
     *
     * @param periodNanos {@code > 0}
     */
    public void startPeriodic(final long periodNanos)
    {
        startPeriodic(periodNanos, periodNanos);
    }

    /**
     * Arms the timer to expire after {@code initialDelayNanos}, then every {@code periodNanos}.
     *
     * @param initialDelayNanos {@code >= 0}
     * @param periodNanos {@code > 0}
     */
    public void startPeriodic(final long initialDelayNanos, final long periodNanos)
    {
        kernel.checkCarrier("startPeriodic");
        checkDelay("initialDelayNanos", initialDelayNanos, 0);
        checkDelay("periodNanos", periodNanos, 1);
        checkUsable();
        this.periodNanos = periodNanos;
        kernel.timers.schedule(slot, Kernel.saturatedAdd(kernel.nanos(), initialDelayNanos));
    }

    /**
     * Disarms the timer; its callback will not run until it is started again.
     *
     * @return true if it was armed
     */
    public boolean cancel()
    {
        kernel.checkCarrier("cancel");
        checkUsable();
        final boolean armed = slot.isArmed();
        kernel.timers.cancel(slot);
        return armed;
    }

    /** @return true while armed */
    public boolean isActive()
    {
        return slot.isArmed();
    }

    /** @return the next deadline on the kernel clock, if armed */
    public long deadline()
    {
        return slot.deadline;
    }

    /** @return the period, or 0 for a one-shot timer */
    public long periodNanos()
    {
        return periodNanos;
    }

    /** @return how many times the callback has run */
    public long expirations()
    {
        return expirations;
    }

    /** Disarms the timer; any further use throws. Carrier-side. */
    public void destroy()
    {
        kernel.checkCarrier("destroy");
        checkUsable();
        kernel.timers.cancel(slot);
        markDestroyed();
    }

    /** Carrier: the wheel expired this timer at {@code now}. */
    void expired(final long now)
    {
        if (periodNanos > 0)
        {
            long next = slot.deadline + periodNanos;
            if (next <= now)
            {
                next += ((now - next) / periodNanos + 1) * periodNanos;
            }
            kernel.timers.schedule(slot, next);
        }
        expirations++;
        kernel.runInterruptCode(this, callback, null, null);
    }

    private static void checkDelay(final String what, final long value, final long min)
    {
        if (value < min)
        {
            throw new IllegalArgumentException(what + "=" + value + " must be >= " + min);
        }
    }
}
