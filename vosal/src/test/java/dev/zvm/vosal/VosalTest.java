package dev.zvm.vosal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VosalTest
{
    private final StringBuilder trace = new StringBuilder();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private Vosal virtualOs()
    {
        return Vosal.builder().virtualTime(1_000).failureHandler((source, error) -> failure.compareAndSet(null, error)).build();
    }

    private void runToEnd(final Vosal os)
    {
        assertTrue(os.run(), "every thread finished");
        if (failure.get() != null)
        {
            throw new AssertionError(failure.get());
        }
        os.checkConsistency();
    }

    /** A Python-like thread: an "interpreter" loop that counts instructions and sleeps, as the VM will. */
    private static final class CountingThread implements VThreadBody
    {
        private final Vosal os;
        private final StringBuilder trace;
        private final String token;
        private int pc;
        private boolean sleeping;

        CountingThread(final Vosal os, final StringBuilder trace, final String token)
        {
            this.os = os;
            this.trace = trace;
            this.token = token;
        }

        @Override
        public boolean run(final VThread self)
        {
            if (sleeping)
            {
                sleeping = false;
                assertEquals(VRes.OK, self.waitResult());
            }
            while (pc < 6)
            {
                trace.append(token);
                pc++;
                if (pc == 3 && os.sleep(VTime.millis(1)) == VRes.PENDING)
                {
                    sleeping = true;
                    return true;
                }
                if (os.shouldYield())
                {
                    return true;
                }
            }
            return false;
        }
    }

    @Test
    void threadsRunByPrioritySleepAndResume()
    {
        final Vosal os = virtualOs();
        os.threadCreate("low", VPrio.LOW, -1, new CountingThread(os, trace, "l")).start();
        os.threadCreate("high", VPrio.HIGH, 1024, new CountingThread(os, trace, "H")).start();
        runToEnd(os);
        // high runs 3, sleeps; low runs 3, sleeps; high wakes first (slept first) and finishes; then low.
        assertEquals("HHHlllHHHlll", trace.toString());
        assertTrue(os.millis() >= 1);
    }

    @Test
    void threadAttributes()
    {
        final Vosal os = virtualOs();
        final VThread[] seen = new VThread[1];
        final VThread t = os.threadCreate("worker", VPrio.NORMAL, -1, self ->
        {
            seen[0] = os.current();
            self.setPriority(VPrio.HIGHER);
            return false;
        });
        assertEquals(VThreadStatus.INACTIVE, t.status());
        assertEquals(Vosal.DEFAULT_STACK_SIZE, t.stackSize());
        assertEquals(VPrio.NORMAL, t.priority());
        t.setData("pthread");
        t.start();
        assertEquals(VThreadStatus.READY, t.status());
        runToEnd(os);
        assertSame(t, seen[0]);
        assertEquals("pthread", t.data());
        assertEquals(VThreadStatus.FINISHED, t.status());
        assertEquals(VPrio.HIGHER, t.priority());
        assertNull(os.current(), "no thread outside bodies");
        assertThrows(IllegalArgumentException.class, () -> os.threadCreate("bad", 9, -1, self -> false));
    }

    @Test
    void semaphoreWaitAndTimeoutResults()
    {
        final Vosal os = virtualOs();
        final VSemaphore sem = os.semCreate(0);
        final int[] step = {0};
        os.threadCreate("waiter", VPrio.NORMAL, -1, self ->
        {
            switch (step[0]++)
            {
                case 0:
                    return sem.waitTimeout(VTime.millis(5)) == VRes.PENDING;
                case 1:
                    trace.append(VRes.name(self.waitResult())).append(' ');
                    return sem.waitTimeout(VTime.INFINITE) == VRes.PENDING;
                default:
                    trace.append(VRes.name(self.waitResult()));
                    return false;
            }
        }).start();
        final VTimer timer = os.timerCreate();
        timer.oneShot(VTime.millis(20), t -> sem.signal());
        runToEnd(os);
        assertEquals("TIMEOUT OK", trace.toString());
        assertEquals(20, timer.readMillis());
    }

    @Test
    void interruptThreadPatternDrainsABoundedQueueFedByOtherThreads() throws Exception
    {
        final Vosal os = Vosal.builder().build();
        final VMailbox<Integer> irqQueue = os.mboxCreate(8);
        final int events = 2_000;
        final long[] sum = {0};
        final int[] count = {0};
        final boolean[] waiting = {false};
        // The interrupt thread: top priority, daemon, drains the queue, parks when it is empty.
        os.threadCreate("irq", VPrio.INTERRUPT, -1, true, self ->
        {
            if (waiting[0])
            {
                waiting[0] = false;
                if (self.waitResult() == VRes.OK)
                {
                    sum[0] += irqQueue.received();
                    count[0]++;
                }
            }
            for (;;)
            {
                final Integer e = irqQueue.tryFetch();
                if (e == null)
                {
                    if (count[0] == events)
                    {
                        os.stop();
                        return true;
                    }
                    waiting[0] = irqQueue.fetchTimeout(VTime.INFINITE) == VRes.PENDING;
                    if (waiting[0])
                    {
                        return true;
                    }
                    sum[0] += irqQueue.received();
                    count[0]++;
                    continue;
                }
                sum[0] += e;
                count[0]++;
                if (self.shouldYield())
                {
                    return true;
                }
            }
        }).start();
        // A CPU-bound Python thread at normal priority.
        final long[] spins = {0};
        os.threadCreate("main", VPrio.NORMAL, -1, self ->
        {
            for (;;)
            {
                spins[0]++;
                if (os.shouldYield())
                {
                    return true;
                }
            }
        }).start();
        final Thread producer = new Thread(() ->
        {
            for (int i = 1; i <= events; i++)
            {
                while (!irqQueue.postFromIsr(i))
                {
                    Thread.yield(); // full: the raise says so; this producer retries (2 cores: do not spin)
                }
            }
        });
        producer.start();
        assertFalse(os.run(), "stopped by the interrupt thread");
        producer.join();
        assertEquals(events, count[0]);
        assertEquals((long)events * (events + 1) / 2, sum[0]);
        assertTrue(spins[0] > 0);
        assertTrue(os.stats().isrEvents() >= events);
        os.checkConsistency();
    }

    @Test
    void isrLineRunsItsHandlerOnTheCarrier() throws Exception
    {
        final Vosal os = Vosal.builder().build();
        final VEvent done = os.eventCreate();
        final int[] handled = {0};
        final Thread[] handlerThread = new Thread[1];
        final VIsrLine line = os.installHandler("button", l ->
        {
            handlerThread[0] = Thread.currentThread();
            if (++handled[0] == 100)
            {
                done.set();
            }
        });
        final boolean[] waited = {false};
        os.threadCreate("waiter", VPrio.NORMAL, -1, self ->
        {
            if (!waited[0])
            {
                waited[0] = true;
                if (done.waitTimeout(VTime.INFINITE) == VRes.PENDING)
                {
                    return true;
                }
            }
            trace.append(VRes.name(self.waitResult()));
            return false;
        }).start();
        final Thread raiser = new Thread(() ->
        {
            for (int i = 0; i < 100; i++)
            {
                assertTrue(line.raiseFromIsr());
            }
        });
        raiser.start();
        final Thread carrier = Thread.currentThread();
        assertTrue(os.run());
        raiser.join();
        assertEquals("OK", trace.toString());
        assertEquals(100, line.handled());
        assertSame(carrier, handlerThread[0]);
        assertTrue(done.flag());
    }

    @Test
    void mutexFifoAndRecurrentTimer()
    {
        final Vosal os = virtualOs();
        final VMutex m = os.mutexCreate();
        final VFifo fifo = os.fifoCreate(4);
        final VTimer tick = os.timerCreate();
        final int[] ticks = {0};
        tick.recurrent(VTime.millis(2), t ->
        {
            if (!fifo.putNonBlock('a' + ticks[0]++))
            {
                t.reset();
            }
        });
        final int[] got = {0};
        final boolean[] pending = {false};
        os.threadCreate("reader", VPrio.NORMAL, -1, self ->
        {
            for (;;)
            {
                final int r = pending[0] ? self.waitResult() : fifo.getTimeout(VTime.millis(10));
                pending[0] = r == VRes.PENDING;
                if (pending[0])
                {
                    return true;
                }
                assertEquals(VRes.OK, r);
                assertTrue(m.tryLock());
                trace.append((char)self.waitValue());
                m.unlock();
                if (++got[0] == 5)
                {
                    tick.reset();
                    return false;
                }
            }
        }).start();
        runToEnd(os);
        assertEquals("abcde", trace.toString());
        assertFalse(tick.isActive());
    }

    @Test
    void runForAndScheduleTrace()
    {
        final Vosal os = Vosal.builder().virtualTime(1_000).recordSchedule(true).build();
        os.threadCreate("A", VPrio.NORMAL, -1, self -> os.sleep(VTime.millis(1)) == VRes.PENDING).start();
        assertFalse(os.runFor(Duration.ofMillis(10)));
        assertTrue(os.scheduleTrace().contains(" A\n"));
        assertTrue(os.micros() >= 10_000);
    }

    @Test
    void misuseGetsClearExceptions()
    {
        final Vosal os = virtualOs();
        final VSemaphore sem = os.semCreate(0);
        final IllegalStateException outside = assertThrows(IllegalStateException.class, () -> sem.waitTimeout(VTime.INFINITE));
        assertTrue(outside.getMessage().contains("running task body"), outside.getMessage());
        assertThrows(IllegalArgumentException.class, () -> os.semCreate(-1));
        assertThrows(IllegalArgumentException.class, () -> VTime.millis(-5));
        final VMutex m = os.mutexCreate();
        os.threadCreate("t", VPrio.NORMAL, -1, self ->
        {
            final IllegalStateException e = assertThrows(IllegalStateException.class, m::unlock);
            trace.append(e.getMessage());
            return false;
        }).start();
        runToEnd(os);
        assertTrue(trace.toString().contains("not by task 't'"), trace.toString());
    }
}
