package dev.zvm.kernel;

import static dev.zvm.kernel.KernelTesting.ms;
import static dev.zvm.kernel.KernelTesting.runToEnd;
import static dev.zvm.kernel.KernelTesting.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MetricsTest
{
    @Test
    void countersAndHistogramsFillUp() throws Exception
    {
        final Kernel k = Kernel.builder().quantumSafePoints(5).build();
        final Semaphore sem = k.newSemaphore("sem", 0);
        final int[] got = {0};
        final boolean[] waiting = {false};
        final AtomicInteger parks = new AtomicInteger();
        k.newTask("isr-woken", 20, self ->
        {
            if (waiting[0])
            {
                waiting[0] = false;
                got[0]++;
            }
            while (got[0] < 100)
            {
                waiting[0] = sem.acquire(Kernel.FOREVER) == WaitResult.PENDING;
                if (waiting[0])
                {
                    parks.incrementAndGet();
                    return true;
                }
                got[0]++;
            }
            return false;
        }).start();
        final TaskBody spin = self ->
        {
            for (int i = 0; i < 20; i++)
            {
                if (k.shouldYield())
                {
                    return true;
                }
            }
            return got[0] < 100;
        };
        k.taskBuilder("a", spin).priority(5).daemon(true).start();
        k.taskBuilder("b", spin).priority(5).daemon(true).start();
        k.newTimer("t", t -> { }).startPeriodic(100_000);
        final Thread raiser = new Thread(() ->
        {
            for (int i = 0; i < 100; i++)
            {
                while (parks.get() <= i)
                {
                    Thread.yield(); // raise only once the consumer waits: each raise then wakes it
                }
                final long until = System.nanoTime() + 20_000;
                while (System.nanoTime() < until)
                {
                    Thread.onSpinWait();
                }
                sem.signalFromIsr();
            }
        });
        raiser.start();
        runToEnd(k);
        raiser.join();
        final KernelMetrics m = k.metrics();
        assertEquals(100, m.isrEvents());
        assertEquals(100, m.isrToTaskLatency().getTotalCount(), "every raise woke the waiting consumer");
        assertTrue(m.switches() > 0 && m.dispatches() >= m.switches());
        assertTrue(m.taskSwitchLatency().getTotalCount() > 0);
        assertTrue(m.quantumExpiries() > 0);
        assertTrue(m.quantumOverrun().getTotalCount() == m.quantumExpiries());
        assertTrue(m.safePoints() > 0);
        assertTrue(m.toString().contains("isrEvents=100"));
        m.resetHistograms();
        assertEquals(0, m.isrToTaskLatency().getTotalCount());
    }

    @Test
    void timerLatenessAndVirtualJumpsUnderVirtualClock()
    {
        final Kernel k = Kernel.builder().virtualClock().build();
        final Timer t = k.newTimer("t", x -> { });
        t.startPeriodic(ms(1));
        k.newTask("main", 10, script(self -> k.sleep(ms(10)), self ->
        {
            t.cancel();
            return KernelTesting.NEXT;
        })).start();
        runToEnd(k);
        assertEquals(11, k.metrics().timerExpiries(), "10 ticks and the sleep");
        assertEquals(11, k.metrics().timerLateness().getTotalCount());
        assertEquals(0, k.metrics().timerLateness().getMaxValue());
        assertTrue(k.metrics().virtualJumps() >= 10);
    }

    @Test
    void latencyHistogramsOffWhenMetricsOff()
    {
        final Kernel k = Kernel.builder().virtualClock().metrics(false).quantumSafePoints(1).build();
        k.newTask("a", 5, KernelTesting.cpuBound(k, new StringBuilder(), "a", 10)).start();
        k.newTask("b", 5, KernelTesting.cpuBound(k, new StringBuilder(), "b", 10)).start();
        runToEnd(k);
        assertTrue(k.metrics().switches() >= 10, "counters always run");
        assertEquals(0, k.metrics().taskSwitchLatency().getTotalCount());
        assertEquals(0, k.metrics().quantumOverrun().getTotalCount());
    }
}
