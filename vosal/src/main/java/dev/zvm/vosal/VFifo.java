package dev.zvm.vosal;

import dev.zvm.kernel.ByteFifo;

/**
 * A bounded byte FIFO ({@code vosFifo*}), for serial-style streams fed from other threads.
 */
public final class VFifo
{
    private final ByteFifo fifo;

    VFifo(final ByteFifo fifo)
    {
        this.fifo = fifo;
    }

    /**
     * {@code vosFifoPutTimeout}. Blocking: from a thread body.
     *
     * @return {@link VRes#OK}, {@link VRes#TIMEOUT} or {@link VRes#PENDING}
     */
    public int putTimeout(final int value, final long timeoutNanos)
    {
        return fifo.put(value, timeoutNanos);
    }

    /** @return {@code vosFifoPutNonBlock}: true if put */
    public boolean putNonBlock(final int value)
    {
        return fifo.tryPut(value);
    }

    /** @return bytes put without waiting */
    public int write(final byte[] bytes, final int offset, final int length)
    {
        return fifo.write(bytes, offset, length);
    }

    /** ISR-safe put: any thread. @return false (and counted) if full */
    public boolean putFromIsr(final int value)
    {
        return fifo.putFromIsr(value);
    }

    /** ISR-safe bulk put: any thread. @return bytes put; the rest are counted as rejected */
    public int putFromIsr(final byte[] bytes, final int offset, final int length)
    {
        return fifo.putFromIsr(bytes, offset, length);
    }

    /**
     * {@code vosFifoGetTimeout}. Blocking: from a thread body. On OK the byte (0..255) is in
     * {@link VThread#waitValue()}.
     *
     * @return {@link VRes#OK}, {@link VRes#TIMEOUT} or {@link VRes#PENDING}
     */
    public int getTimeout(final long timeoutNanos)
    {
        return fifo.get(timeoutNanos);
    }

    /** @return {@code vosFifoGetNonBlock}: the byte 0..255, or -1 if empty */
    public int getNonBlock()
    {
        return fifo.tryGet();
    }

    /** @return bytes read without waiting */
    public int read(final byte[] bytes, final int offset, final int length)
    {
        return fifo.read(bytes, offset, length);
    }

    /** @return {@code vosFifoItems} */
    public int items()
    {
        return fifo.items();
    }

    /** Drops every byte; waiters get {@link VRes#RESET}. */
    public void reset()
    {
        fifo.reset();
    }

    /** {@code vosFifoDestroy}. */
    public void destroy()
    {
        fifo.destroy();
    }

    @Override
    public String toString()
    {
        return fifo.toString();
    }
}
