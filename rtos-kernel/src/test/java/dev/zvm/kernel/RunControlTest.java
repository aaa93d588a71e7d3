package dev.zvm.kernel;

import static dev.zvm.kernel.KernelTesting.NEXT;
import static dev.zvm.kernel.KernelTesting.ms;
import static dev.zvm.kernel.KernelTesting.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RunControlTest
{
    @Test
    void stopFromAnotherThreadEndsACpuBoundRun() throws Exception
    {
        final Kernel k = Kernel.builder().build();
        final AtomicBoolean spinning = new AtomicBoolean();
        final long[] spins = {0};
        final Task spin = k.newTask("spin", 10, self ->
        {
            spinning.set(true);
            for (;;)
            {
                spins[0]++;
                if (k.shouldYield())
                {
                    return true;
                }
            }
        });
        spin.start();
        final Thread stopper = new Thread(() ->
        {
            while (!spinning.get())
            {
                Thread.onSpinWait();
            }
            k.stop();
        });
        stopper.start();
        assertEquals(RunOutcome.STOPPED, k.run());
        stopper.join();
        assertFalse(k.isRunning());
        assertEquals(TaskState.READY, spin.state(), "a stopped task waits, ready, for the next run");
        k.checkConsistency();
        // The run can continue where it stopped.
        final long before = spins[0];
        final Thread stopper2 = new Thread(() ->
        {
            while (spins[0] == before)
            {
                Thread.onSpinWait();
            }
            k.stop();
        });
        stopper2.start();
        assertEquals(RunOutcome.STOPPED, k.run());
        stopper2.join();
    }

    @Test
    void stopWakesAnIdleCarrier() throws Exception
    {
        final Kernel k = Kernel.builder().build();
        final Semaphore never = k.newSemaphore("never", 0);
        final Task blocked = k.newTask("blocked", 10, script(self -> never.acquire(Kernel.FOREVER)));
        blocked.start();
        final Thread stopper = new Thread(() ->
        {
            while (k.metrics().idleCycles() == 0)
            {
                Thread.onSpinWait();
            }
            k.stop();
        });
        stopper.start();
        assertEquals(RunOutcome.STOPPED, k.run());
        stopper.join();
        assertEquals(TaskState.BLOCKED, blocked.state());
        assertEquals(never, blocked.waitingOn());
    }

    @Test
    void stopBeforeRunMakesTheNextRunReturnAtOnce()
    {
        final Kernel k = Kernel.builder().virtualClock().build();
        final int[] runs = {0};
        k.newTask("t", 10, self ->
        {
            runs[0]++;
            return false;
        }).start();
        k.stop();
        assertEquals(RunOutcome.STOPPED, k.run());
        assertEquals(0, runs[0]);
        assertEquals(RunOutcome.ALL_ENDED, k.run());
        assertEquals(1, runs[0]);
    }

    @Test
    void realClockRunForReturnsTimeUp()
    {
        final Kernel k = Kernel.builder().build();
        final Semaphore never = k.newSemaphore("never", 0);
        k.newTask("blocked", 10, script(self -> never.acquire(Kernel.FOREVER))).start();
        assertEquals(RunOutcome.TIME_UP, k.runFor(Duration.ofMillis(5)));
        assertTrue(k.nanos() >= ms(5));
    }

    @Test
    void realClockSleepAndTimeout()
    {
        final Kernel k = Kernel.builder().build();
        final Semaphore never = k.newSemaphore("never", 0);
        final StringBuilder trace = new StringBuilder();
        final long[] times = new long[2];
        k.newTask("t", 10, script(
            self -> k.sleep(ms(2)),
            self ->
            {
                times[0] = k.nanos();
                return never.acquire(ms(2));
            },
            self ->
            {
                times[1] = k.nanos();
                trace.append(KernelTesting.letter(self.waitResult()));
                return NEXT;
            })).start();
        assertEquals(RunOutcome.ALL_ENDED, k.run());
        assertEquals("T", trace.toString());
        assertTrue(times[0] >= ms(2) && times[1] - times[0] >= ms(2), "deadlines are never early");
    }

    @Test
    void runningTwiceAtOnceIsRefused() throws Exception
    {
        final Kernel k = Kernel.builder().build();
        final AtomicReference<Throwable> inner = new AtomicReference<>();
        k.newTask("t", 10, script(self ->
        {
            inner.set(assertThrows(IllegalStateException.class, k::run));
            return NEXT;
        })).start();
        assertEquals(RunOutcome.ALL_ENDED, k.run());
        assertTrue(inner.get().getMessage().contains("already running"), inner.get().getMessage());
    }

    @Test
    void agentRunsTheKernelInAnAgentRunnerUntilStopped() throws Exception
    {
        final Kernel k = Kernel.builder().build();
        final Semaphore sem = k.newSemaphore("sem", 0);
        final int[] got = {0};
        final boolean[] waiting = {false};
        k.newTask("consumer", 10, self ->
        {
            if (waiting[0])
            {
                waiting[0] = false;
                got[0]++;
            }
            for (;;)
            {
                if (got[0] == 1_000)
                {
                    k.stop();
                    return false;
                }
                waiting[0] = sem.acquire(Kernel.FOREVER) == WaitResult.PENDING;
                if (waiting[0])
                {
                    return true;
                }
                got[0]++;
            }
        }).start();
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final AgentRunner runner = new AgentRunner(new BackoffIdleStrategy(), error::set, null, k.agent());
        final Thread thread = AgentRunner.startOnThread(runner);
        for (int i = 0; i < 1_000; i++)
        {
            assertTrue(sem.signalFromIsr());
        }
        thread.join();
        runner.close();
        assertEquals(1_000, got[0]);
        assertTrue(error.get() == null || error.get() instanceof org.agrona.concurrent.AgentTerminationException,
            "the runner reports only the agent's own termination: " + error.get());
        assertFalse(k.isRunning());
    }

    @Test
    void virtualAgentJumpsToDeadlines()
    {
        final Kernel k = Kernel.builder().virtualClock().build();
        final StringBuilder trace = new StringBuilder();
        k.newTask("t", 10, script(self -> k.sleep(ms(1000)), self ->
        {
            trace.append("woke");
            return NEXT;
        })).start();
        final KernelAgent agent = k.agent();
        agent.onStart();
        int guard = 0;
        while (k.liveTasks() > 0 && guard++ < 100)
        {
            agent.doWork();
        }
        agent.onClose();
        assertEquals("woke", trace.toString());
        assertEquals(ms(1000), k.nanos() - k.nanos() % ms(1000));
    }
}
