package dev.zvm.kernel;

import static dev.zvm.kernel.KernelTesting.NEXT;
import static dev.zvm.kernel.KernelTesting.emit;
import static dev.zvm.kernel.KernelTesting.ms;
import static dev.zvm.kernel.KernelTesting.runToEnd;
import static dev.zvm.kernel.KernelTesting.script;
import static dev.zvm.kernel.KernelTesting.virtualKernel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Misuse gets a clear exception and leaves the kernel consistent and usable. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BadInputTest
{
    private final Kernel k = virtualKernel();
    private final StringBuilder trace = new StringBuilder();

    private static <T extends Throwable> void rejects(final Class<T> type, final String fragment, final Executable call)
    {
        final T e = assertThrows(type, call);
        assertTrue(e.getMessage() != null && e.getMessage().contains(fragment),
            "message '" + e.getMessage() + "' should mention '" + fragment + "'");
    }

    /** After the bad calls, the kernel still checks out and still schedules. */
    private void stillWorks()
    {
        k.checkConsistency();
        final Semaphore s = k.newSemaphore("after", 0);
        k.newTask("after-A", 10, script(self -> s.acquire(Kernel.FOREVER), emit(trace, "A"))).start();
        k.newTask("after-B", 5, script(self ->
        {
            s.signal();
            return NEXT;
        })).start();
        runToEnd(k);
        assertTrue(trace.toString().endsWith("A"), trace.toString());
    }

    @Test
    void outOfRangeArguments()
    {
        rejects(IllegalArgumentException.class, "priority=-1", () -> k.newTask("t", -1, self -> false));
        rejects(IllegalArgumentException.class, "priority=32", () -> k.newTask("t", 32, self -> false));
        rejects(IllegalArgumentException.class, "quantum=0", () -> k.taskBuilder("t", self -> false).quantum(0));
        rejects(IllegalArgumentException.class, "body is null", () -> k.newTask("t", 1, null));
        rejects(IllegalArgumentException.class, "initialCount=-1", () -> k.newSemaphore("s", -1));
        rejects(IllegalArgumentException.class, "capacity=0", () -> k.newMailbox("m", 0));
        rejects(IllegalArgumentException.class, "capacity=-3", () -> k.newByteFifo("f", -3));
        rejects(IllegalArgumentException.class, "maxPending=0", () -> k.newInterruptLine("l", l -> { }, 0));
        rejects(IllegalArgumentException.class, "safePointCostNanos=-1", () -> Kernel.builder().safePointCostNanos(-1));
        rejects(IllegalArgumentException.class, "gatewayCapacity=1", () -> Kernel.builder().gatewayCapacity(1));
        final Task t = k.newTask("t", 3, self -> false);
        rejects(IllegalArgumentException.class, "priority=99", () -> t.setPriority(99));
        assertEquals(3, t.priority());
        final Timer timer = k.newTimer("timer", x -> { });
        rejects(IllegalArgumentException.class, "periodNanos=0", () -> timer.startPeriodic(0));
        rejects(IllegalArgumentException.class, "delayNanos=-5", () -> timer.startOneShot(-5));
        rejects(IllegalArgumentException.class, "mask=0", () -> k.newEventFlags("e").setFromIsr(0));
        t.terminate();
        stillWorks();
    }

    @Test
    void blockingOutsideATaskBodyAndNegativeTimeouts()
    {
        final Semaphore s = k.newSemaphore("s", 1);
        final Mailbox<String> box = k.newMailbox("box", 1);
        rejects(IllegalStateException.class, "running task body", () -> s.acquire(Kernel.FOREVER));
        rejects(IllegalStateException.class, "running task body", () -> k.sleep(5));
        rejects(IllegalStateException.class, "running task body", () -> box.fetch(0));
        rejects(IllegalStateException.class, "safe point", k::shouldYield);
        k.newTask("t", 10, script(self ->
        {
            rejects(IllegalArgumentException.class, "timeoutNanos=-2", () -> s.acquire(-2));
            rejects(IllegalArgumentException.class, "nanos=-1", () -> k.sleep(-1));
            rejects(NullPointerException.class, "message", () -> box.post(null, 0));
            assertEquals(1, s.count(), "nothing taken by the refused call");
            return NEXT;
        })).start();
        runToEnd(k);
        stillWorks();
    }

    @Test
    void blockingTwiceInOneRunIsRefused()
    {
        final Semaphore a = k.newSemaphore("a", 0);
        final Semaphore b = k.newSemaphore("b", 0);
        final AtomicReference<String> message = new AtomicReference<>();
        k.newTask("t", 10, script(self ->
        {
            final int r = a.acquire(ms(1));
            message.set(assertThrows(IllegalStateException.class, () -> b.acquire(ms(1))).getMessage());
            return r;
        }, KernelTesting.result(trace))).start();
        runToEnd(k);
        assertTrue(message.get().contains("must return"), message.get());
        assertEquals("T", trace.toString(), "the first wait went on and timed out");
        assertEquals(0, b.waiting());
        stillWorks();
    }

    @Test
    void mutexMisuse()
    {
        final Mutex m = k.newMutex("m");
        k.newTask("owner", 10, script(self -> m.lock(Kernel.FOREVER), self ->
        {
            rejects(IllegalStateException.class, "not recursive", () -> m.lock(Kernel.FOREVER));
            rejects(IllegalStateException.class, "owned by task 'owner'", m::destroy);
            return k.sleep(ms(2));
        }, self ->
        {
            m.unlock();
            return NEXT;
        })).start();
        k.newTask("thief", 5, script(self ->
        {
            rejects(IllegalStateException.class, "is owned by task 'owner', not by task 'thief'", m::unlock);
            return NEXT;
        })).start();
        runToEnd(k);
        rejects(IllegalStateException.class, "running task body", m::unlock);
        stillWorks();
    }

    @Test
    void destroyedAndTerminatedHandles()
    {
        final Semaphore s = k.newSemaphore("s", 0);
        final Mailbox<String> box = k.newMailbox("box", 1);
        final InterruptLine line = k.newInterruptLine("line", l -> { });
        s.destroy();
        box.destroy();
        line.destroy();
        rejects(IllegalStateException.class, "semaphore 's' has been destroyed", s::signal);
        rejects(IllegalStateException.class, "has been destroyed", s::signalFromIsr);
        rejects(IllegalStateException.class, "mailbox 'box' has been destroyed", () -> box.postFromIsr("x"));
        rejects(IllegalStateException.class, "interrupt line 'line' has been destroyed", line::raiseFromIsr);
        final Task t = k.newTask("t", 10, self -> false);
        rejects(IllegalStateException.class, "never started", t::resume);
        rejects(IllegalStateException.class, "never started", t::suspend);
        t.start();
        rejects(IllegalStateException.class, "already started", t::start);
        runToEnd(k);
        rejects(IllegalStateException.class, "task 't' has terminated", t::resume);
        rejects(IllegalStateException.class, "has terminated", t::resumeFromIsr);
        t.terminate(); // terminating again does nothing
        stillWorks();
    }

    @Test
    void handlesOfAnotherKernel()
    {
        final Kernel other = virtualKernel();
        final Semaphore foreign = other.newSemaphore("foreign", 0);
        final Mutex foreignMutex = other.newMutex("foreignMutex");
        final Task foreignTask = other.newTask("foreignTask", 1, self -> false);
        k.newTask("t", 10, script(self ->
        {
            rejects(IllegalStateException.class, "running task body", () -> foreign.acquire(Kernel.FOREVER));
            rejects(IllegalStateException.class, "running task body", () -> foreignMutex.lock(0));
            rejects(IllegalStateException.class, "running task body", () -> foreignTask.join(0));
            return NEXT;
        })).start();
        runToEnd(k);
        other.checkConsistency();
        stillWorks();
    }

    @Test
    void carrierSideCallsFromAnotherThreadWhileRunning() throws Exception
    {
        final Semaphore s = k.newSemaphore("s", 0);
        final AtomicReference<Throwable> fromOther = new AtomicReference<>();
        final AtomicReference<Throwable> stopError = new AtomicReference<>();
        k.newTask("t", 10, script(self ->
        {
            final Thread other = new Thread(() -> fromOther.set(assertThrows(IllegalStateException.class, s::signal)));
            other.start();
            try
            {
                other.join();
            }
            catch (final InterruptedException ex)
            {
                stopError.set(ex);
            }
            return NEXT;
        })).start();
        runToEnd(k);
        assertTrue(fromOther.get().getMessage().contains("...FromIsr()"), fromOther.get().getMessage());
        assertEquals(null, stopError.get());
        assertEquals(0, s.count());
        stillWorks();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1234})
    void randomMixOfCallsKeepsEveryInvariant(final long seed)
    {
        // Random valid and invalid calls from random tasks; the debug check runs after every dispatch.
        final SplittableRandom rnd = new SplittableRandom(seed);
        final List<Semaphore> sems = new ArrayList<>();
        final List<Mutex> mutexes = new ArrayList<>();
        for (int i = 0; i < 3; i++)
        {
            sems.add(k.newSemaphore("s" + i, rnd.nextInt(2)));
            mutexes.add(k.newMutex("m" + i));
        }
        final List<Task> tasks = new ArrayList<>();
        for (int n = 0; n < 8; n++)
        {
            final int[] steps = {0};
            tasks.add(k.newTask("t" + n, rnd.nextInt(Kernel.PRIORITIES), self ->
            {
                if (++steps[0] > 40)
                {
                    return false;
                }
                final Mutex m = mutexes.get(rnd.nextInt(mutexes.size()));
                final Semaphore s = sems.get(rnd.nextInt(sems.size()));
                final Task other = tasks.get(rnd.nextInt(tasks.size()));
                try
                {
                    switch (rnd.nextInt(10))
                    {
                        case 0: return s.acquire(rnd.nextInt(3) * 1_000L) != -99;
                        case 1: s.signal(); return true;
                        case 2: return m.lock(rnd.nextBoolean() ? Kernel.FOREVER : 2_000) != -99;
                        case 3: m.unlock(); return true;
                        case 4: return k.sleep(rnd.nextInt(5_000)) != -99;
                        case 5: other.setPriority(rnd.nextInt(Kernel.PRIORITIES)); return true;
                        case 6: if (other != self && other.state() != TaskState.NEW) { other.suspend(); } return true;
                        case 7: if (other.state() != TaskState.NEW) { other.resume(); } return true;
                        case 8: s.acquire(-1); return true;
                        default: return !k.shouldYield() || true;
                    }
                }
                catch (final IllegalStateException | IllegalArgumentException expected)
                {
                    return true; // refused misuse: the kernel must be unchanged by it
                }
            }));
        }
        for (final Task t : tasks)
        {
            t.start();
        }
        // Suspended tasks may stay suspended: run a bounded while, then end everything.
        k.runForNanos(ms(50));
        k.checkConsistency();
        for (final Task t : tasks)
        {
            t.terminate();
        }
        k.checkConsistency();
        for (final Mutex m : mutexes)
        {
            assertEquals(null, m.owner(), "seed " + seed + ": terminated owners release their mutexes");
        }
        stillWorks();
    }
}
