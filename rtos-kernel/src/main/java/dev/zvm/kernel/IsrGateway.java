package dev.zvm.kernel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import org.jctools.queues.MpscArrayQueue;

/**
 * The only way into a kernel from other threads: ISR-safe calls ({@code ...FromIsr}) record their effect in
 * the target object's own lock-free state, then queue the object here (once: see {@link KernelObject}) and
 * raise the kernel's attention flag, which the running body sees at its next safe point and an idle
 * carrier is woken by. The carrier drains the queue and applies each object's pending state.
 *
 * <p>Bounds, and why nothing is lost: each object bounds its own pending state (a semaphore's pending
 * signals, a mailbox's places, an interrupt line's pending raises); a raise beyond that bound is refused,
 * returns false and is counted in {@code rejected}. This queue holds objects, not events, so it fills only
 * when more distinct objects than its capacity are pending at once; then the object stays marked queued,
 * the overflow is counted and flagged, and the carrier sweeps every registered object on its next drain.
 *
 * <p>Threads: raisers (any thread) call {@link #notify} and {@link #reject}; the carrier calls
 * {@link #drain}. Lock-free and allocation-free on both sides.
 */
final class IsrGateway
{
    private static final VarHandle OVERFLOWED;

    static
    {
        try
        {
            OVERFLOWED = MethodHandles.lookup().findVarHandle(IsrGateway.class, "overflowed", int.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final Kernel kernel;
    private final MpscArrayQueue<KernelObject> queue;
    /** Raises accepted (any thread increments). */
    final AtomicLong raised = new AtomicLong();
    /** Raises refused because their object's bound was reached (any thread increments). */
    final AtomicLong rejected = new AtomicLong();
    /** Times the queue itself was full (any thread increments). */
    final AtomicLong overflows = new AtomicLong();
    /** 1 after an overflow until the carrier's next sweep: raisers set, the carrier clears. */
    private int overflowed;

    IsrGateway(final Kernel kernel, final int capacity)
    {
        this.kernel = kernel;
        this.queue = new MpscArrayQueue<>(capacity);
    }

    /** Any thread: the effect of one raise is recorded in {@code target}; make the carrier look at it. */
    void notify(final KernelObject target, final long stampNanos)
    {
        raised.getAndIncrement();
        if ((int)KernelObject.ISR_QUEUED.getOpaque(target) == 0 &&
            KernelObject.ISR_QUEUED.compareAndSet(target, 0, 1))
        {
            target.isrRaiseNanos = stampNanos;
            if (!queue.offer(target))
            {
                overflows.getAndIncrement();
                OVERFLOWED.setVolatile(this, 1);
            }
        }
        kernel.signalAttention();
    }

    /** Any thread: one raise was refused. */
    void reject()
    {
        rejected.getAndIncrement();
    }

    /**
     * Carrier: applies the pending state of up to {@code limit} queued objects (all registered objects
     * after an overflow).
     *
     * @return how many objects were serviced
     */
    int drain(final int limit)
    {
        int n = 0;
        if ((int)OVERFLOWED.getOpaque(this) != 0)
        {
            OVERFLOWED.setVolatile(this, 0);
            n += kernel.sweepIsrTargets();
        }
        KernelObject target;
        while (n < limit && (target = queue.relaxedPoll()) != null)
        {
            service(target);
            n++;
        }
        if (!queue.isEmpty())
        {
            kernel.signalAttention();
        }
        return n;
    }

    /** Carrier: clears the queued mark, then applies what was recorded before (and perhaps after) it. */
    void service(final KernelObject target)
    {
        final long stamp = target.isrRaiseNanos;
        KernelObject.ISR_QUEUED.setVolatile(target, 0);
        kernel.isrStamp = stamp;
        try
        {
            target.serviceIsr();
        }
        finally
        {
            kernel.isrStamp = 0;
        }
    }
}
