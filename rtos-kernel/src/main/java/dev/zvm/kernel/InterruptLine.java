package dev.zvm.kernel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An interrupt line: any thread raises it, and its {@link InterruptHandler} runs on the carrier once per
 * accepted raise, in interrupt context (see {@link InterruptHandler}). Raises that arrive before the carrier
 * gets to them queue up to {@code maxPending}; beyond that a raise is refused and counted, never lost
 * silently.
 */
public final class InterruptLine extends KernelObject
{
    private static final VarHandle PENDING;

    static
    {
        try
        {
            PENDING = MethodHandles.lookup().findVarHandle(InterruptLine.class, "pending", int.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final InterruptHandler handler;
    private final int maxPending;
    /** Raises not yet handled: raisers CAS up to maxPending, the carrier takes them all. */
    private int pending;
    private long handled;

    InterruptLine(final Kernel kernel, final String name, final InterruptHandler handler, final int maxPending)
    {
        super(kernel, name);
        this.handler = handler;
        this.maxPending = maxPending;
    }

    @Override
    String kind()
    {
        return "interrupt line";
    }

    /**
     * Raises the line: any thread, lock-free, never blocks.
     *
     * @return false, counted in {@link KernelMetrics#isrRejected()}, if {@code maxPending} raises already
     *     wait to be handled
     * @throws IllegalStateException if the line has been destroyed
     */
    public boolean raiseFromIsr()
    {
        checkUsable();
        final long stamp = kernel.isrStampNow();
        int p;
        do
        {
            p = (int)PENDING.getVolatile(this);
            if (p >= maxPending)
            {
                kernel.gateway.reject();
                return false;
            }
        }
        while (!PENDING.compareAndSet(this, p, p + 1));
        kernel.gateway.notify(this, stamp);
        return true;
    }

    /** @return raises accepted and not yet handled */
    public int pending()
    {
        return (int)PENDING.getVolatile(this);
    }

    /** @return how many times the handler has run */
    public long handled()
    {
        return handled;
    }

    /** @return the bound on raises waiting to be handled */
    public int maxPending()
    {
        return maxPending;
    }

    @Override
    int serviceIsr()
    {
        final int n = (int)PENDING.getAndSet(this, 0);
        if (isDestroyed())
        {
            return n;
        }
        for (int i = 0; i < n; i++)
        {
            handled++;
            kernel.runInterruptCode(this, null, handler, this);
        }
        return n;
    }

    /** Stops accepting raises; raises already accepted are dropped. Carrier-side. */
    public void destroy()
    {
        kernel.checkCarrier("destroy");
        checkUsable();
        markDestroyed();
    }
}
