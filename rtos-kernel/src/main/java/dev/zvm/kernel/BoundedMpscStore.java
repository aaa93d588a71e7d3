package dev.zvm.kernel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jctools.queues.MpscArrayQueue;

/**
 * The storage under a mailbox or a FIFO: a JCTools {@link MpscArrayQueue} (whose capacity is a power of
 * two) plus an exact element count, so the bound is the one the user asked for. Many producers (the
 * carrier and raising threads), one consumer (the carrier). Lock-free, zero allocation.
 *
 * <p>A producer reserves a place by CAS on {@code count} before it offers, and the consumer gives the
 * place back after it polls, so the queue never holds more than {@code capacity} elements and the
 * offer after a reservation always succeeds.
 */
final class BoundedMpscStore<E>
{
    private static final VarHandle COUNT;

    static
    {
        try
        {
            COUNT = MethodHandles.lookup().findVarHandle(BoundedMpscStore.class, "count", int.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final MpscArrayQueue<E> queue;
    private final int capacity;
    /** Reserved places: producers CAS up, the consumer decrements. */
    private int count;

    BoundedMpscStore(final int capacity)
    {
        this.capacity = capacity;
        this.queue = new MpscArrayQueue<>(Math.max(2, capacity));
    }

    /** Any thread. @return false if the store is full */
    boolean offer(final E element)
    {
        int c;
        do
        {
            c = (int)COUNT.getVolatile(this);
            if (c >= capacity)
            {
                return false;
            }
        }
        while (!COUNT.compareAndSet(this, c, c + 1));
        if (!queue.offer(element))
        {
            throw new IllegalStateException("MPSC store holds more than its reserved " + capacity + " elements");
        }
        return true;
    }

    /**
     * Consumer (carrier) only.
     *
     * @return the oldest element, or null if none is visible yet (a producer may have reserved a place
     *     and not yet written it; it notifies the carrier after it has)
     */
    E poll()
    {
        final E e = queue.relaxedPoll();
        if (e != null)
        {
            COUNT.getAndAdd(this, -1);
        }
        return e;
    }

    /** @return the places taken, including those reserved by producers still writing */
    int size()
    {
        return (int)COUNT.getVolatile(this);
    }

    int capacity()
    {
        return capacity;
    }
}
