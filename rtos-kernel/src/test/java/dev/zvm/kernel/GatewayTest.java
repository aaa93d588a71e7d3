package dev.zvm.kernel;

import static dev.zvm.kernel.KernelTesting.NEXT;
import static dev.zvm.kernel.KernelTesting.ms;
import static dev.zvm.kernel.KernelTesting.runToEnd;
import static dev.zvm.kernel.KernelTesting.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ISR gateway: other threads raise, the carrier observes each raise exactly once. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GatewayTest
{
    private static final int PRODUCERS = 4;

    /** Starts {@code PRODUCERS} threads running {@code work(producerIndex)} together; returns them. */
    private static List<Thread> producers(final IntConsumerWithIndex work)
    {
        final CountDownLatch go = new CountDownLatch(1);
        final List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++)
        {
            final int index = p;
            final Thread t = new Thread(() ->
            {
                try
                {
                    go.await();
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                    return;
                }
                work.run(index);
            }, "producer-" + p);
            t.start();
            threads.add(t);
        }
        go.countDown();
        return threads;
    }

    @FunctionalInterface
    private interface IntConsumerWithIndex
    {
        void run(int index);
    }

    private static void joinAll(final List<Thread> threads) throws InterruptedException
    {
        for (final Thread t : threads)
        {
            t.join();
        }
    }

    @ParameterizedTest(name = "{0} signals")
    @ValueSource(ints = {1_000, 200_000})
    void semaphoreSignalsFromManyThreadsAreObservedExactlyOnce(final int total) throws Exception
    {
        final Kernel k = Kernel.builder().name("stress").build();
        final Semaphore sem = k.newSemaphore("sem", 0);
        final int[] taken = {0};
        final boolean[] waiting = {false};
        k.newTask("consumer", 20, self ->
        {
            if (waiting[0])
            {
                waiting[0] = false;
                assertEquals(WaitResult.OK, self.waitResult());
                taken[0]++;
            }
            while (taken[0] < total)
            {
                final int r = sem.acquire(Kernel.FOREVER);
                if (r == WaitResult.PENDING)
                {
                    waiting[0] = true;
                    return true;
                }
                taken[0]++;
                if (k.shouldYield())
                {
                    return true;
                }
            }
            return false;
        }).start();
        // A CPU-bound lower-priority task keeps the carrier busy: raises arrive mid-body.
        k.taskBuilder("spinner", self -> !k.shouldYield() || true).priority(1).daemon(true).start();
        final List<Thread> threads = producers(p ->
        {
            for (int i = 0; i < total / PRODUCERS; i++)
            {
                assertTrue(sem.signalFromIsr());
            }
        });
        runToEnd(k);
        joinAll(threads);
        assertEquals(total, taken[0]);
        assertEquals(0, sem.count(), "no signal doubled");
        assertEquals(total, k.metrics().isrEvents());
        assertEquals(0, k.metrics().isrRejected());
    }

    @Test
    void mailboxPostsFromManyThreadsArriveOnceEachInProducerOrder() throws Exception
    {
        final int perProducer = 25_000;
        final Kernel k = Kernel.builder().build();
        final Mailbox<Integer> box = k.newMailbox("box", 16);
        final AtomicIntegerArray seen = new AtomicIntegerArray(PRODUCERS * perProducer);
        final int[] lastPerProducer = new int[PRODUCERS];
        java.util.Arrays.fill(lastPerProducer, -1);
        final int[] count = {0};
        final boolean[] orderOk = {true};
        final boolean[] waiting = {false};
        k.newTask("consumer", 10, self ->
        {
            for (;;)
            {
                final int r = waiting[0] ? self.waitResult() : box.fetch(Kernel.FOREVER);
                waiting[0] = r == WaitResult.PENDING;
                if (waiting[0])
                {
                    return true;
                }
                final int v = (Integer)self.takeMessage();
                seen.incrementAndGet(v);
                final int producer = v / perProducer;
                orderOk[0] &= v > lastPerProducer[producer];
                lastPerProducer[producer] = v;
                if (++count[0] == PRODUCERS * perProducer)
                {
                    return false;
                }
            }
        }).start();
        final AtomicLong refused = new AtomicLong();
        final List<Thread> threads = producers(p ->
        {
            for (int i = 0; i < perProducer; i++)
            {
                final Integer message = p * perProducer + i;
                while (!box.postFromIsr(message))
                {
                    refused.incrementAndGet(); // full: the raise says so; this producer retries
                    Thread.yield();            // 2 cores: spinning producers would starve the carrier
                }
            }
        });
        runToEnd(k);
        joinAll(threads);
        for (int i = 0; i < seen.length(); i++)
        {
            assertEquals(1, seen.get(i), "message " + i);
        }
        assertTrue(orderOk[0], "each producer's messages arrive in its order");
        assertEquals(refused.get(), k.metrics().isrRejected(), "every refusal counted");
        assertEquals(PRODUCERS * perProducer, k.metrics().isrEvents());
    }

    @Test
    void interruptLineHandlerRunsOncePerAcceptedRaise() throws Exception
    {
        final int perProducer = 50_000;
        final Kernel k = Kernel.builder().build();
        final Semaphore done = k.newSemaphore("done", 0);
        final long[] handled = {0};
        final Thread[] handlerThread = new Thread[1];
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final InterruptLine line = k.newInterruptLine("line", l ->
        {
            handled[0]++;
            handlerThread[0] = Thread.currentThread();
        }, 64);
        final List<Thread> threads = producers(p ->
        {
            for (int i = 0; i < perProducer; i++)
            {
                if (line.raiseFromIsr())
                {
                    accepted.incrementAndGet();
                }
                else
                {
                    refused.incrementAndGet();
                }
            }
        });
        final InterruptLine finished = k.newInterruptLine("finished", l -> done.signal());
        final Thread watcher = new Thread(() ->
        {
            try
            {
                joinAll(threads);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            finished.raiseFromIsr();
        });
        watcher.start();
        k.newTask("waiter", 10, script(self -> done.acquire(Kernel.FOREVER))).start();
        runToEnd(k);
        watcher.join();
        assertEquals(PRODUCERS * perProducer, accepted.get() + refused.get());
        assertEquals(accepted.get(), handled[0], "one handler run per accepted raise");
        assertEquals(refused.get(), k.metrics().isrRejected());
        assertEquals(Thread.currentThread(), handlerThread[0]);
    }

    @Test
    void aThousandRaisingThreadsLoseNothing() throws Exception
    {
        final int threads = 1_000;
        final int each = 20;
        final Kernel k = Kernel.builder().gatewayCapacity(16).build();
        final Semaphore sem = k.newSemaphore("sem", 0);
        final long[] handled = {0};
        final InterruptLine line = k.newInterruptLine("line", l -> handled[0]++, threads * each);
        final int[] taken = {0};
        final boolean[] waiting = {false};
        k.newTask("consumer", 10, self ->
        {
            if (waiting[0])
            {
                waiting[0] = false;
                taken[0]++;
            }
            while (taken[0] < threads * each)
            {
                waiting[0] = sem.acquire(Kernel.FOREVER) == WaitResult.PENDING;
                if (waiting[0])
                {
                    return true;
                }
                taken[0]++;
            }
            return false;
        }).start();
        final CountDownLatch go = new CountDownLatch(1);
        final List<Thread> raisers = new ArrayList<>();
        for (int t = 0; t < threads; t++)
        {
            final Thread r = new Thread(() ->
            {
                try
                {
                    go.await();
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < each; i++)
                {
                    assertTrue(sem.signalFromIsr());
                    assertTrue(line.raiseFromIsr());
                }
            });
            r.start();
            raisers.add(r);
        }
        go.countDown();
        runToEnd(k);
        joinAll(raisers);
        assertEquals(threads * each, taken[0]);
        assertEquals(0, sem.count());
        // The last raises may land after the consumer finished: service them, then count.
        k.runForNanos(ms(5));
        assertEquals(threads * each, handled[0]);
        assertEquals(2L * threads * each, k.metrics().isrEvents());
    }

    @Test
    void gatewayQueueOverflowLosesNothing()
    {
        // Capacity 2, 50 distinct semaphores raised before the carrier runs: 48 overflow, a sweep finds them.
        final Kernel k = Kernel.builder().virtualClock().gatewayCapacity(2).build();
        final StringBuilder trace = new StringBuilder();
        final Semaphore[] sems = new Semaphore[50];
        for (int i = 0; i < sems.length; i++)
        {
            sems[i] = k.newSemaphore("s" + i, 0);
            final Semaphore s = sems[i];
            k.newTask("t" + i, 10, script(self -> s.acquire(Kernel.FOREVER), self ->
            {
                trace.append('.');
                return NEXT;
            })).start();
        }
        k.newTask("raiser", 20, script(self ->
        {
            for (final Semaphore s : sems)
            {
                assertTrue(s.signalFromIsr());
            }
            return NEXT;
        })).start();
        runToEnd(k);
        assertEquals(50, trace.length());
        assertTrue(k.metrics().gatewayOverflows() >= 48, "overflows=" + k.metrics().gatewayOverflows());
    }

    @Test
    void boundedObjectsRefuseAndCountWhenFull()
    {
        final Kernel k = Kernel.builder().virtualClock().build();
        final int[] handled = {0};
        final InterruptLine line = k.newInterruptLine("line", l -> handled[0]++, 3);
        final Mailbox<String> box = k.newMailbox("box", 2);
        final ByteFifo fifo = k.newByteFifo("fifo", 4);
        for (int i = 0; i < 5; i++)
        {
            assertEquals(i < 3, line.raiseFromIsr());
        }
        assertTrue(box.postFromIsr("a"));
        assertTrue(box.postFromIsr("b"));
        assertFalse(box.postFromIsr("c"));
        assertEquals(4, fifo.putFromIsr("hello".getBytes(), 0, 5));
        assertEquals(3, line.pending());
        assertEquals(2 + 1 + 1, k.metrics().isrRejected());
        k.newTask("t", 10, script(self ->
        {
            assertEquals("a", box.tryFetch());
            assertEquals('h', fifo.tryGet());
            return NEXT;
        })).start();
        runToEnd(k);
        assertEquals(3, handled[0]);
    }

    @Test
    void eventFlagsAndResumeFromOtherThreads() throws Exception
    {
        final Kernel k = Kernel.builder().build();
        final EventFlags ev = k.newEventFlags("ev");
        final StringBuilder trace = new StringBuilder();
        final Task sleeper = k.newTask("sleeper", 10, script(self ->
        {
            self.suspend();
            return KernelTesting.YIELD;
        }, self ->
        {
            trace.append("resumed ");
            return ev.await(0b111, EventFlags.ALL, Kernel.FOREVER);
        }, self ->
        {
            trace.append(Integer.toBinaryString(self.waitValue()));
            return NEXT;
        }));
        sleeper.start();
        final Thread other = new Thread(() ->
        {
            while (sleeper.state() != TaskState.SUSPENDED)
            {
                Thread.onSpinWait();
            }
            sleeper.resumeFromIsr();
            while (ev.waiting() == 0)
            {
                Thread.onSpinWait();
            }
            ev.setFromIsr(0b001);
            ev.setFromIsr(0b010);
            ev.setFromIsr(0b100);
        });
        other.start();
        runToEnd(k);
        other.join();
        assertEquals("resumed 111", trace.toString());
    }

    @Test
    void parkedCarrierIsWokenByARaise() throws Exception
    {
        // The carrier idles with 30-second parks: only the gateway's unpark can make this test finish in time.
        final Kernel k = Kernel.builder().idleStrategy(new SleepingIdleStrategy(TimeUnit.SECONDS.toNanos(30))).build();
        final Semaphore sem = k.newSemaphore("sem", 0);
        k.newTask("waiter", 10, script(self -> sem.acquire(Kernel.FOREVER))).start();
        final Thread raiser = new Thread(() ->
        {
            while (k.metrics().idleCycles() == 0)
            {
                Thread.onSpinWait();
            }
            sem.signalFromIsr();
        });
        raiser.start();
        runToEnd(k);
        raiser.join();
        assertEquals(1, k.metrics().isrEvents());
    }

    @Test
    void raisesBeforeTheKernelRunsAreKept()
    {
        final Kernel k = Kernel.builder().virtualClock().build();
        final Semaphore sem = k.newSemaphore("sem", 0);
        for (int i = 0; i < 3; i++)
        {
            sem.signalFromIsr();
        }
        final int[] got = {0};
        k.newTask("t", 10, script(self -> sem.tryAcquire() ? NEXT : KernelTesting.YIELD, self ->
        {
            while (sem.tryAcquire())
            {
                got[0]++;
            }
            return NEXT;
        })).start();
        runToEnd(k);
        assertEquals(2, got[0], "one taken by the first step, two after");
    }
}
