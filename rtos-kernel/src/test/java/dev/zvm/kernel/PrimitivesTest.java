package dev.zvm.kernel;

import static dev.zvm.kernel.KernelTesting.NEXT;
import static dev.zvm.kernel.KernelTesting.YIELD;
import static dev.zvm.kernel.KernelTesting.emit;
import static dev.zvm.kernel.KernelTesting.ms;
import static dev.zvm.kernel.KernelTesting.result;
import static dev.zvm.kernel.KernelTesting.runToEnd;
import static dev.zvm.kernel.KernelTesting.script;
import static dev.zvm.kernel.KernelTesting.virtualKernel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every primitive, with and without a timeout; results as tokens O (OK), T (TIMEOUT), R (RESET). */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PrimitivesTest
{
    private final StringBuilder trace = new StringBuilder();
    private final Kernel k = virtualKernel();

    private KernelTesting.Step at(final String token)
    {
        return self ->
        {
            trace.append(token).append('@').append(k.nanos() / 1_000_000).append(' ');
            return NEXT;
        };
    }

    // ---- semaphores ----

    @Test
    void semaphoreImmediateNoWaitTimeoutAndSignal()
    {
        final Semaphore s = k.newSemaphore("s", 1);
        k.newTask("A", 10, script(
            self -> s.acquire(Kernel.FOREVER), result(trace),         // a unit is there: OK at once
            self -> s.acquire(Kernel.NO_WAIT), result(trace),         // none left: TIMEOUT at once
            self -> s.acquire(ms(5)), result(trace), at("t"),          // nobody signals: TIMEOUT after 5 ms
            self -> s.acquire(ms(50)), result(trace), at("s"))).start(); // B signals at 10 ms
        k.newTask("B", 5, script(self -> k.sleep(ms(10)), self ->
        {
            s.signal();
            return NEXT;
        })).start();
        runToEnd(k);
        assertEquals("OTTt@5 Os@10 ", trace.toString());
        assertEquals(0, s.count());
    }

    @Test
    void semaphoreWaitersAreServedByPriorityThenArrival()
    {
        final Semaphore s = k.newSemaphore("s", 0);
        for (final String[] w : new String[][] {{"a", "5"}, {"B", "9"}, {"c", "5"}, {"D", "9"}, {"e", "1"}})
        {
            k.newTask(w[0], Integer.parseInt(w[1]), script(self -> s.acquire(Kernel.FOREVER), emit(trace, w[0]))).start();
        }
        k.newTask("signaller", 0, script(self ->
        {
            assertEquals(5, s.waiting());
            assertEquals(-5, s.value());
            for (int i = 0; i < 5; i++)
            {
                s.signal();
            }
            return NEXT;
        })).start();
        runToEnd(k);
        assertEquals("BDace", trace.toString());
    }

    @Test
    void semaphoreSignalCappedTryAcquireResetAndDestroy()
    {
        final Semaphore s = k.newSemaphore("s", 0);
        final Semaphore gone = k.newSemaphore("gone", 0);
        k.newTask("W1", 10, script(self -> s.acquire(Kernel.FOREVER), result(trace))).start();
        k.newTask("W2", 10, script(self -> gone.acquire(ms(100)), result(trace))).start();
        k.newTask("M", 5, script(self ->
        {
            s.reset(0);                       // W1 wakes with RESET
            s.signalCapped(2);
            s.signalCapped(2);
            s.signalCapped(2);
            assertEquals(2, s.count(), "capped at 2");
            assertTrue(s.tryAcquire());
            assertTrue(s.tryAcquire());
            assertFalse(s.tryAcquire());
            gone.destroy();                   // W2 wakes with RESET
            assertThrows(IllegalStateException.class, gone::signal);
            return NEXT;
        })).start();
        runToEnd(k);
        assertEquals("RR", trace.toString());
    }

    // ---- mutexes ----

    @Test
    void mutexLockTryLockTimeoutAndHandOver()
    {
        final Mutex m = k.newMutex("m");
        k.newTask("A", 10, script(
            self -> m.lock(Kernel.FOREVER), result(trace),
            self -> k.sleep(ms(10)),
            self ->
            {
                m.unlock();
                return NEXT;
            })).start();
        k.newTask("B", 9, script(
            self -> m.tryLock() ? NEXT : WaitResult.TIMEOUT, emit(trace, "-"),
            self -> m.lock(ms(3)), result(trace), at("b"),     // A still holds it at 3 ms
            self -> m.lock(Kernel.FOREVER), result(trace), at("B"),
            self ->
            {
                assertEquals(self, m.owner());
                m.unlock();
                return NEXT;
            })).start();
        runToEnd(k);
        assertEquals("O-Tb@3 OB@10 ", trace.toString());
        assertNull(m.owner());
    }

    @Test
    void mutexWaitersAreServedByPriority()
    {
        final Mutex m = k.newMutex("m");
        k.newTask("owner", 20, script(self -> m.lock(Kernel.FOREVER), self -> k.sleep(ms(1)), self ->
        {
            assertEquals(3, m.waiting());
            m.unlock();
            return NEXT;
        })).start();
        for (final String[] w : new String[][] {{"x", "3"}, {"Y", "8"}, {"z", "3"}})
        {
            k.newTask(w[0], Integer.parseInt(w[1]), script(self -> m.lock(Kernel.FOREVER), emit(trace, w[0]), self ->
            {
                m.unlock();
                return NEXT;
            })).start();
        }
        runToEnd(k);
        assertEquals("Yxz", trace.toString());
    }

    // ---- event flags ----

    @Test
    void eventFlagsAnyAllClearOnExitAndTimeout()
    {
        final EventFlags ev = k.newEventFlags("ev");
        k.newTask("any", 10, script(self -> ev.await(0b011, EventFlags.ANY, Kernel.FOREVER), result(trace), self ->
        {
            trace.append(Integer.toBinaryString(self.waitValue())).append(' ');
            return NEXT;
        })).start();
        k.newTask("all", 10, script(self -> ev.await(0b110, EventFlags.ALL | EventFlags.CLEAR_ON_EXIT, Kernel.FOREVER),
            result(trace), at("all"))).start();
        k.newTask("late", 10, script(self -> ev.await(0b1000, EventFlags.ANY, ms(4)), result(trace), at("late"))).start();
        k.newTask("setter", 5, script(
            self ->
            {
                assertEquals(0b10, ev.set(0b10) & 0b10);   // wakes "any" only; "all" needs 0b100 too
                return k.sleep(ms(2));
            },
            self ->
            {
                assertEquals(0, ev.set(0b100) & 0b110, "all took its bits");
                assertEquals(EventFlags.ANY, ev.await(0b1, EventFlags.ANY, Kernel.NO_WAIT) == WaitResult.OK ? -1 : 0);
                return NEXT;
            })).start();
        runToEnd(k);
        assertEquals("O10 Oall@2 Tlate@4 ", trace.toString());
        assertEquals(0, ev.get());
    }

    @Test
    void eventFlagsResetWakesWaitersWithReset()
    {
        final EventFlags ev = k.newEventFlags("ev");
        k.newTask("w", 10, script(self -> ev.await(1, EventFlags.ANY, Kernel.FOREVER), result(trace))).start();
        k.newTask("r", 5, script(self ->
        {
            ev.reset();
            assertEquals(0, ev.clear(1));
            return NEXT;
        })).start();
        runToEnd(k);
        assertEquals("R", trace.toString());
    }

    // ---- mailboxes ----

    @Test
    void mailboxKeepsOrderAndBlocksBothWays()
    {
        final Mailbox<String> box = k.newMailbox("box", 2);
        final KernelTesting.Step fetchAndPrint = self ->
        {
            trace.append(box.received()).append(' ');
            return NEXT;
        };
        k.newTask("poster", 10, script(
            self -> box.post("a", Kernel.FOREVER), self -> box.post("b", Kernel.FOREVER),
            self -> box.post("c", ms(1)), result(trace), at("full"),       // full, nobody fetches yet
            self -> box.post("d", Kernel.FOREVER), result(trace), at("d"))).start();
        k.newTask("fetcher", 5, script(
            self -> k.sleep(ms(5)),
            self -> box.fetch(Kernel.FOREVER), fetchAndPrint,
            self -> box.fetch(Kernel.FOREVER), fetchAndPrint,
            self -> box.fetch(Kernel.FOREVER), fetchAndPrint,
            self -> box.fetch(ms(2)), result(trace), at("empty"))).start();
        runToEnd(k);
        // The fetcher passes no safe point between fetches, so the woken poster runs only after it.
        assertEquals("Tfull@1 a b d Od@5 Tempty@7 ", trace.toString());
        assertEquals(0, box.usedSlots());
        assertEquals(2, box.freeSlots());
    }

    @Test
    void mailboxTryCallsAndReset()
    {
        final Mailbox<Integer> box = k.newMailbox(null, 1);
        k.newTask("w", 10, script(self -> box.fetch(Kernel.FOREVER), result(trace))).start();
        k.newTask("m", 5, script(self ->
        {
            box.reset();
            assertTrue(box.tryPost(1));
            assertFalse(box.tryPost(2));
            assertEquals(1, box.tryFetch());
            assertNull(box.tryFetch());
            return NEXT;
        })).start();
        runToEnd(k);
        assertEquals("R", trace.toString());
        assertTrue(box.name().startsWith("mailbox-"));
    }

    // ---- byte FIFOs ----

    @Test
    void byteFifoPutGetBulkAndTimeouts()
    {
        final ByteFifo fifo = k.newByteFifo("fifo", 3);
        k.newTask("reader", 10, script(
            self -> fifo.get(ms(1)), result(trace), at("empty"),
            self -> fifo.get(Kernel.FOREVER), self ->
            {
                trace.append((char)self.waitValue()).append(' ');
                final byte[] rest = new byte[8];
                final int n = fifo.read(rest, 0, rest.length);
                trace.append(new String(rest, 0, n)).append(' ');
                return NEXT;
            })).start();
        k.newTask("writer", 5, script(
            self -> k.sleep(ms(2)),
            self ->
            {
                assertEquals(3, fifo.write("xyzw".getBytes(), 0, 4), "room for three");
                assertTrue(fifo.tryPut('!'), "the waiting reader took x straight away");
                assertFalse(fifo.tryPut('?'));
                return NEXT;
            },
            self -> fifo.put('q', ms(1)), result(trace),
            self -> fifo.put('#', Kernel.NO_WAIT), result(trace))).start();
        runToEnd(k);
        assertEquals("Tempty@1 x yz! OO", trace.toString());
        assertEquals(2, fifo.items());
        assertEquals('q', fifo.tryGet());
        assertEquals('#', fifo.tryGet());
        assertEquals(-1, fifo.tryGet());
    }

    // ---- timers ----

    @Test
    void oneShotAndPeriodicTimersFireOnTimeAndCancel()
    {
        final Timer once = k.newTimer("once", t -> trace.append("once@").append(k.nanos() / 1_000_000).append(' '));
        final int[] n = {0};
        final Timer every = k.newTimer("every", t ->
        {
            trace.append("p@").append(k.nanos() / 1_000_000).append(' ');
            if (++n[0] == 3)
            {
                t.cancel();
            }
        });
        once.startOneShot(ms(5));
        every.startPeriodic(ms(1), ms(2));
        k.newTask("main", 10, script(self -> k.sleep(ms(10)))).start();
        runToEnd(k);
        assertEquals("p@1 p@3 once@5 p@5 ", trace.toString());
        assertFalse(every.isActive());
        assertEquals(3, every.expirations());
        assertEquals(0, k.metrics().timerLateness().getMaxValue(), "virtual time is never late");
    }

    @Test
    void timerRearmedFromItsCallbackAndDestroyed()
    {
        final Timer t = k.newTimer("re", timer ->
        {
            trace.append('x');
            if (trace.length() < 3)
            {
                timer.startOneShot(ms(1));
            }
        });
        t.startOneShot(0);
        k.newTask("main", 10, script(self -> k.sleep(ms(10)), self ->
        {
            t.destroy();
            return NEXT;
        })).start();
        runToEnd(k);
        assertEquals("xxx", trace.toString());
        assertThrows(IllegalStateException.class, () -> t.startOneShot(1));
    }

    @Test
    void sleepUntilAnAbsoluteDeadline()
    {
        k.newTask("main", 10, script(self -> k.sleepUntil(ms(7)), at("a"), self -> k.sleepUntil(ms(3)), at("b"))).start();
        runToEnd(k);
        assertEquals("a@7 b@7 ", trace.toString());
    }

    @Test
    void interruptHandlerMayNotBlockButMaySignal()
    {
        final Semaphore s = k.newSemaphore("s", 0);
        final InterruptLine line = k.newInterruptLine("line", l ->
        {
            final IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.acquire(Kernel.FOREVER));
            trace.append(e.getMessage().contains("interrupt handler") ? "refused " : "?");
            s.signal();
        });
        k.newTask("t", 10, script(self ->
        {
            assertTrue(line.raiseFromIsr());
            return s.acquire(Kernel.FOREVER);
        }, result(trace))).start();
        runToEnd(k);
        assertEquals("refused O", trace.toString());
    }

    @Test
    void yieldMarkerIsOnlyForScripts()
    {
        // The script helper itself: a YIELD step ends the run without parking.
        k.newTask("t", 10, script(emit(trace, "1"), self -> YIELD, emit(trace, "2"))).start();
        runToEnd(k);
        assertEquals("12", trace.toString());
    }
}
