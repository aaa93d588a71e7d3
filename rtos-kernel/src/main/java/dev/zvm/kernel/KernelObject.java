package dev.zvm.kernel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What every kernel object shares: its kernel, its name, whether it has been destroyed, and its slot
 * in the ISR gateway.
 *
 * <p>Gateway protocol (see {@link IsrGateway}): a raising thread first records its effect in the
 * object's own lock-free state (a pending count, pending bits, a message in a bounded MPSC store), then
 * queues the object itself once — {@code isrQueued} goes 0→1 by CAS — and the carrier clears
 * {@code isrQueued} before it applies the pending state in {@link #serviceIsr()}. So every effect
 * recorded is applied exactly once, and an object sits in the gateway queue at most once at a time.
 */
public abstract class KernelObject
{
    static final VarHandle ISR_QUEUED;

    static
    {
        try
        {
            ISR_QUEUED = MethodHandles.lookup().findVarHandle(KernelObject.class, "isrQueued", int.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    final Kernel kernel;
    final String name;
    /** Written by the carrier (destroy); read by raising threads to refuse raises early. */
    private volatile boolean destroyed;
    /** 1 while the object is in the gateway queue. Raisers CAS 0→1; the carrier stores 0 (volatile). */
    int isrQueued;
    /** Written by the raiser that queued the object, before the queue's release; read by the carrier. */
    long isrRaiseNanos;
    /** Index in the kernel's list of ISR targets, or -1. Carrier only. */
    int registryIndex = -1;

    KernelObject(final Kernel kernel, final String name)
    {
        this.kernel = kernel;
        this.name = name;
    }

    /** @return the object's name, as given at creation (or generated) */
    public final String name()
    {
        return name;
    }

    /** @return the kernel this object belongs to */
    public final Kernel kernel()
    {
        return kernel;
    }

    /** @return true once the object has been destroyed; every further use throws */
    public final boolean isDestroyed()
    {
        return destroyed;
    }

    /** @return "semaphore", "task", ... for messages */
    abstract String kind();

    /**
     * Carrier: applies what raising threads recorded since the last call.
     *
     * @return how many raises were applied
     */
    int serviceIsr()
    {
        return 0;
    }

    /** Carrier: {@code task} left this object's wait queue without being served (timeout, termination). */
    void waiterLeft(final Task task)
    {
    }

    final void checkUsable()
    {
        if (destroyed)
        {
            throw new IllegalStateException(this + (this instanceof Task ? " has terminated" : " has been destroyed"));
        }
    }

    final void markDestroyed()
    {
        destroyed = true;
        kernel.unregisterIsrTarget(this);
    }

    @Override
    public String toString()
    {
        return kind() + " '" + name + "'";
    }
}
