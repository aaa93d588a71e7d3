package dev.zvm.kernel;

/**
 * A bounded FIFO of bytes (Zerynth's {@code vosFifo*}, ChibiOS byte queues), for serial-port style
 * streams: another thread feeds it with {@link #putFromIsr}, a task reads it. Getters and putters that
 * must wait queue by priority, then by arrival. Bytes travel as the JDK's cached {@link Byte} boxes, so
 * nothing is allocated.
 */
public final class ByteFifo extends KernelObject
{
    private final BoundedMpscStore<Byte> store;
    private final WaitQueue getters = new WaitQueue();
    /** Putters waiting for room; each holds its byte in {@link Task#waitValue}. */
    private final WaitQueue putters = new WaitQueue();

    ByteFifo(final Kernel kernel, final String name, final int capacity)
    {
        super(kernel, name);
        store = new BoundedMpscStore<>(capacity);
    }

    @Override
    String kind()
    {
        return "fifo";
    }

    /**
     * Puts a byte, waiting for room if full. Blocking: from a running task body only.
     *
     * @param value the byte (only the low 8 bits are kept)
     * @param timeoutNanos {@link Kernel#NO_WAIT}, a positive number of nanoseconds, or {@link Kernel#FOREVER}
     * @return {@link WaitResult#OK}, {@link WaitResult#TIMEOUT} (full, NO_WAIT) or {@link WaitResult#PENDING}
     */
    public int put(final int value, final long timeoutNanos)
    {
        final Task caller = kernel.blockingCaller("put");
        Kernel.checkTimeout(timeoutNanos);
        checkUsable();
        if (putters.isEmpty() && store.offer(Byte.valueOf((byte)value)))
        {
            balance();
            caller.waitResult = WaitResult.OK;
            return WaitResult.OK;
        }
        if (timeoutNanos == Kernel.NO_WAIT)
        {
            caller.waitResult = WaitResult.TIMEOUT;
            return WaitResult.TIMEOUT;
        }
        caller.waitValue = value & 0xFF;
        return kernel.park(caller, this, putters, TaskState.BLOCKED, timeoutNanos);
    }

    /**
     * Puts a byte without waiting. Carrier-side (a task or a handler).
     *
     * @param value the byte
     * @return false if full
     */
    public boolean tryPut(final int value)
    {
        kernel.checkCarrier("tryPut");
        checkUsable();
        if (!putters.isEmpty() || !store.offer(Byte.valueOf((byte)value)))
        {
            return false;
        }
        balance();
        return true;
    }

    /**
     * Puts as many bytes as there is room for, without waiting. Carrier-side.
     *
     * @return how many bytes were put
     */
    public int write(final byte[] bytes, final int offset, final int length)
    {
        kernel.checkCarrier("write");
        checkRange(bytes, offset, length);
        checkUsable();
        int n = 0;
        while (n < length && putters.isEmpty() && store.offer(Byte.valueOf(bytes[offset + n])))
        {
            n++;
        }
        if (n > 0)
        {
            balance();
        }
        return n;
    }

    /**
     * ISR-safe put: any thread, lock-free, never blocks.
     *
     * @param value the byte
     * @return false, counted in {@link KernelMetrics#isrRejected()}, if full
     */
    public boolean putFromIsr(final int value)
    {
        checkUsable();
        final long stamp = kernel.isrStampNow();
        if (!store.offer(Byte.valueOf((byte)value)))
        {
            kernel.gateway.reject();
            return false;
        }
        kernel.gateway.notify(this, stamp);
        return true;
    }

    /**
     * ISR-safe bulk put: any thread, lock-free, never blocks. Bytes that do not fit are counted, one each,
     * in {@link KernelMetrics#isrRejected()}.
     *
     * @return how many bytes were put (a prefix of the range)
     */
    public int putFromIsr(final byte[] bytes, final int offset, final int length)
    {
        checkRange(bytes, offset, length);
        checkUsable();
        final long stamp = kernel.isrStampNow();
        int n = 0;
        while (n < length && store.offer(Byte.valueOf(bytes[offset + n])))
        {
            n++;
        }
        for (int i = n; i < length; i++)
        {
            kernel.gateway.reject();
        }
        if (n > 0)
        {
            kernel.gateway.notify(this, stamp);
        }
        return n;
    }

    /**
     * Takes the oldest byte, waiting if empty. Blocking: from a running task body only.
     *
     * @param timeoutNanos {@link Kernel#NO_WAIT}, a positive number of nanoseconds, or {@link Kernel#FOREVER}
     * @return {@link WaitResult#OK} (the byte, 0..255, in {@link Task#waitValue()}),
     *     {@link WaitResult#TIMEOUT} (empty, NO_WAIT) or {@link WaitResult#PENDING}
     */
    public int get(final long timeoutNanos)
    {
        final Task caller = kernel.blockingCaller("get");
        Kernel.checkTimeout(timeoutNanos);
        checkUsable();
        final Byte b = store.poll();
        if (b != null)
        {
            caller.waitValue = b & 0xFF;
            balance();
            caller.waitResult = WaitResult.OK;
            return WaitResult.OK;
        }
        if (timeoutNanos == Kernel.NO_WAIT)
        {
            caller.waitResult = WaitResult.TIMEOUT;
            return WaitResult.TIMEOUT;
        }
        return kernel.park(caller, this, getters, TaskState.BLOCKED, timeoutNanos);
    }

    /**
     * Takes the oldest byte without waiting. Carrier-side (a task or a handler).
     *
     * @return the byte, 0..255, or -1 if empty
     */
    public int tryGet()
    {
        kernel.checkCarrier("tryGet");
        checkUsable();
        final Byte b = store.poll();
        if (b == null)
        {
            return -1;
        }
        balance();
        return b & 0xFF;
    }

    /**
     * Takes as many bytes as are there, up to {@code length}, without waiting. Carrier-side.
     *
     * @return how many bytes were read
     */
    public int read(final byte[] bytes, final int offset, final int length)
    {
        kernel.checkCarrier("read");
        checkRange(bytes, offset, length);
        checkUsable();
        int n = 0;
        Byte b;
        while (n < length && (b = store.poll()) != null)
        {
            bytes[offset + n++] = b;
        }
        if (n > 0)
        {
            balance();
        }
        return n;
    }

    /** @return bytes in the FIFO */
    public int items()
    {
        return store.size();
    }

    /** @return the capacity given at creation */
    public int capacity()
    {
        return store.capacity();
    }

    /** Drops every byte and wakes every waiter with {@link WaitResult#RESET}. Carrier-side. */
    public void reset()
    {
        kernel.checkCarrier("reset");
        checkUsable();
        resetAll();
    }

    /** {@link #reset()}, then any further use throws. Carrier-side. */
    public void destroy()
    {
        kernel.checkCarrier("destroy");
        checkUsable();
        resetAll();
        markDestroyed();
    }

    private void resetAll()
    {
        while (store.poll() != null)
        {
            // dropping
        }
        Task w;
        while ((w = getters.first()) != null)
        {
            kernel.wake(w, WaitResult.RESET);
        }
        while ((w = putters.first()) != null)
        {
            kernel.wake(w, WaitResult.RESET);
        }
    }

    private void balance()
    {
        boolean progress = true;
        while (progress)
        {
            progress = false;
            Task w;
            Byte b;
            while ((w = getters.first()) != null && (b = store.poll()) != null)
            {
                w.waitValue = b & 0xFF;
                kernel.wake(w, WaitResult.OK);
                progress = true;
            }
            while ((w = putters.first()) != null && store.offer(Byte.valueOf((byte)w.waitValue)))
            {
                kernel.wake(w, WaitResult.OK);
                progress = true;
            }
        }
    }

    @Override
    int serviceIsr()
    {
        if (!isDestroyed())
        {
            balance();
        }
        return 1;
    }

    private static void checkRange(final byte[] bytes, final int offset, final int length)
    {
        if (offset < 0 || length < 0 || offset > bytes.length - length)
        {
            throw new IndexOutOfBoundsException("offset=" + offset + " length=" + length + " array=" + bytes.length);
        }
    }

    String check()
    {
        final String g = getters.check(TaskState.BLOCKED);
        return g != null ? g : putters.check(TaskState.BLOCKED);
    }
}
