package dev.zvm.kernel;

import static dev.zvm.kernel.KernelTesting.NEXT;
import static dev.zvm.kernel.KernelTesting.YIELD;
import static dev.zvm.kernel.KernelTesting.cpuBound;
import static dev.zvm.kernel.KernelTesting.emit;
import static dev.zvm.kernel.KernelTesting.ms;
import static dev.zvm.kernel.KernelTesting.result;
import static dev.zvm.kernel.KernelTesting.runToEnd;
import static dev.zvm.kernel.KernelTesting.script;
import static dev.zvm.kernel.KernelTesting.virtualKernel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SchedulingTest
{
    private final StringBuilder trace = new StringBuilder();

    @Test
    void readyTasksRunInPriorityOrder()
    {
        final Kernel k = virtualKernel();
        k.newTask("C", 10, script(emit(trace, "C"))).start();
        k.newTask("A", 30, script(emit(trace, "A"))).start();
        k.newTask("E", 0, script(emit(trace, "E"))).start();
        k.newTask("B", 20, script(emit(trace, "B"))).start();
        k.newTask("D", 5, script(emit(trace, "D"))).start();
        runToEnd(k);
        assertEquals("ABCDE", trace.toString());
    }

    @Test
    void equalPrioritiesRunInArrivalOrder()
    {
        final Kernel k = virtualKernel();
        for (final String name : new String[] {"A", "B", "C", "D", "E"})
        {
            k.newTask(name, 7, script(emit(trace, name))).start();
        }
        runToEnd(k);
        assertEquals("ABCDE", trace.toString());
    }

    @Test
    void higherPriorityTaskPreemptsAtTheNextSafePoint()
    {
        final Kernel k = virtualKernel();
        final Task high = k.newTask("H", 20, script(emit(trace, "H")));
        final int[] i = {0};
        k.newTask("L", 10, self ->
        {
            while (i[0] < 5)
            {
                trace.append(i[0]);
                if (i[0] == 2)
                {
                    high.start();     // ready now; L keeps the carrier until its next safe point
                    trace.append("s");
                }
                i[0]++;
                if (k.shouldYield())
                {
                    trace.append("y");
                    return true;
                }
            }
            return false;
        }).start();
        runToEnd(k);
        assertEquals("012syH34", trace.toString());
        assertEquals(1, k.metrics().preemptions());
    }

    @Test
    void attentionIsUpFromAPreemptingStartOrARaiseUntilTheNextShouldYield()
    {
        // A body that asks shouldYield() only every so often reads attention() between; here it asks only
        // when attention() is up, so it must never miss a preemption or a raise.
        final Kernel k = Kernel.builder().virtualClock().quantumSafePoints(1_000_000).build();
        final Task high = k.newTask("H", 20, script(emit(trace, "H")));
        final int[] handled = {0};
        final InterruptLine line = k.newInterruptLine("line", l -> handled[0]++, 4);
        final int[] i = {0};
        k.newTask("L", 10, self ->
        {
            while (i[0] < 8)
            {
                trace.append(i[0]);
                if (i[0] == 2)
                {
                    high.start();
                }
                if (i[0] == 5)
                {
                    line.raiseFromIsr();
                }
                i[0]++;
                final boolean up = k.attention();
                trace.append(up ? "!" : "");
                if (up && k.shouldYield())
                {
                    trace.append("y");
                    return true;
                }
            }
            return false;
        }).start();
        k.newTask("lower", 5, self ->
        {
            trace.append(k.attention() ? "!" : "-");
            return false;
        }).start();
        runToEnd(k);
        assertEquals("012!yH345!67-", trace.toString(), "a start preempts; a raise is serviced without a switch");
        assertEquals(1, handled[0]);
        assertEquals(1, k.metrics().preemptions());
    }

    @Test
    void preemptedTaskKeepsItsPlaceAheadOfItsPeers()
    {
        final Kernel k = virtualKernel();
        final Task high = k.newTask("H", 20, script(emit(trace, "H")));
        final int[] i = {0};
        k.newTask("A", 10, self ->
        {
            while (i[0] < 4)
            {
                trace.append("A");
                if (++i[0] == 2)
                {
                    high.start();
                }
                if (k.shouldYield())
                {
                    return true;
                }
            }
            return false;
        }).start();
        k.newTask("B", 10, script(emit(trace, "B"))).start();
        runToEnd(k);
        assertEquals("AAHAAB", trace.toString(), "preempted A resumes before its peer B");
    }

    @Test
    void equalPrioritiesRoundRobinByQuantum()
    {
        final Kernel k = Kernel.builder().virtualClock().quantumSafePoints(3).build();
        k.newTask("A", 10, cpuBound(k, trace, "A", 9)).start();
        k.newTask("B", 10, cpuBound(k, trace, "B", 9)).start();
        k.newTask("C", 10, cpuBound(k, trace, "C", 6)).start();
        runToEnd(k);
        assertEquals("AAABBBCCCAAABBBCCCAAABBB", trace.toString());
        assertTrue(k.metrics().quantumExpiries() >= 7);
    }

    @Test
    void perTaskQuantaShareTheCarrierInProportion()
    {
        final Kernel k = Kernel.builder().virtualClock().build();
        k.taskBuilder("A", cpuBound(k, trace, "A", 6)).priority(10).quantum(2).start();
        k.taskBuilder("B", cpuBound(k, trace, "B", 3)).priority(10).quantum(1).start();
        runToEnd(k);
        assertEquals("AABAABAAB", trace.toString());
    }

    @Test
    void timeQuantumUnderVirtualClockCountsSafePointCost()
    {
        // 1 us per safe point and a 3 us quantum: three safe points per turn.
        final Kernel k = Kernel.builder().virtualClock().safePointCostNanos(1_000).quantumNanos(3_000).build();
        k.newTask("A", 10, cpuBound(k, trace, "A", 6)).start();
        k.newTask("B", 10, cpuBound(k, trace, "B", 6)).start();
        runToEnd(k);
        assertEquals("AAABBBAAABBB", trace.toString());
    }

    @Test
    void timeQuantumUnderRealClockEventuallyRotates()
    {
        // Two CPU-bound tasks with a 200 us quantum: both must make progress while the other is unfinished.
        final Kernel k = Kernel.builder().quantumNanos(200_000).clockCheckInterval(1).build();
        final long[] counts = new long[2];
        final boolean[] interleaved = {false};
        for (int n = 0; n < 2; n++)
        {
            final int me = n;
            k.newTask("T" + n, 10, self ->
            {
                while (counts[me] < 20_000_000)
                {
                    counts[me]++;
                    if (counts[1 - me] > 0 && counts[1 - me] < 20_000_000 && counts[me] < 20_000_000)
                    {
                        interleaved[0] = true;
                    }
                    if (interleaved[0])
                    {
                        return false;
                    }
                    if (k.shouldYield())
                    {
                        return true;
                    }
                }
                return false;
            }).start();
        }
        runToEnd(k);
        assertTrue(interleaved[0], "the second task never ran while the first was unfinished");
    }

    @Test
    void voluntaryYieldGoesBehindPeers()
    {
        final Kernel k = virtualKernel();
        k.newTask("A", 10, script(emit(trace, "A"), self -> YIELD, emit(trace, "a"))).start();
        k.newTask("B", 10, script(emit(trace, "B"), self -> YIELD, emit(trace, "b"))).start();
        runToEnd(k);
        assertEquals("ABab", trace.toString());
    }

    @Test
    void sleepingTasksWakeInDeadlineOrder()
    {
        final Kernel k = virtualKernel();
        k.newTask("A", 10, script(self -> k.sleep(ms(30)), emit(trace, "A"))).start();
        k.newTask("B", 10, script(self -> k.sleep(ms(10)), emit(trace, "B"))).start();
        k.newTask("C", 10, script(self -> k.sleep(ms(20)), emit(trace, "C"))).start();
        k.newTask("D", 10, script(self -> k.sleep(ms(10)), emit(trace, "D"))).start();
        runToEnd(k);
        assertEquals("BDCA", trace.toString(), "equal deadlines wake in the order they slept");
        assertTrue(k.nanos() >= ms(30));
    }

    @Test
    void virtualClockSleepsAnHourAtOnceInOrderWithTheOthers()
    {
        final Kernel k = virtualKernel();
        k.newTask("H", 10, script(self -> k.sleep(3_600_000_000_000L), emit(trace, "H"))).start();
        k.newTask("M", 10, script(self -> k.sleep(60_000_000_000L), emit(trace, "M"))).start();
        k.newTask("S", 10, script(self -> k.sleep(1_000_000_000L), emit(trace, "S"))).start();
        final long startReal = System.nanoTime();
        runToEnd(k);
        final long realNanos = System.nanoTime() - startReal;
        assertEquals("SMH", trace.toString());
        assertTrue(k.nanos() >= 3_600_000_000_000L, "virtual time reached an hour");
        assertTrue(k.nanos() < 3_600_000_000_000L + ms(1), "and not much more: " + k.nanos());
        assertTrue(realNanos < 3_600_000_000_000L, "a simulated hour is not a real one");
        assertTrue(k.metrics().virtualJumps() >= 3);
    }

    @Test
    void cpuBoundTaskAdvancesVirtualTimeSoAnEqualPrioritySleeperWakes()
    {
        final Kernel k = Kernel.builder().virtualClock().safePointCostNanos(1_000).quantumSafePoints(5_000).build();
        final long[] spins = {0};
        final boolean[] sleeperDone = {false};
        k.newTask("sleeper", 10, script(self -> k.sleep(ms(1)), self ->
        {
            sleeperDone[0] = true;
            return NEXT;
        })).start();
        k.newTask("spinner", 10, self ->
        {
            while (!sleeperDone[0])
            {
                spins[0]++;
                if (k.shouldYield())
                {
                    return true;
                }
            }
            return false;
        }).start();
        runToEnd(k);
        // The sleeper is READY after 1 ms (1000 safe points) and runs when the spinner's quantum ends.
        assertEquals(5_000, spins[0]);
        assertTrue(k.nanos() >= ms(5) && k.nanos() < ms(5) + 10_000, "now=" + k.nanos());
    }

    @Test
    void higherPrioritySleeperPreemptsCpuBoundTaskAtItsDeadline()
    {
        final Kernel k = Kernel.builder().virtualClock().safePointCostNanos(1_000).build();
        final long[] wokeAt = {-1};
        k.newTask("high", 20, script(self -> k.sleep(ms(5)), self ->
        {
            wokeAt[0] = k.nanos();
            return NEXT;
        })).start();
        k.newTask("low", 10, self ->
        {
            while (wokeAt[0] < 0)
            {
                if (k.shouldYield())
                {
                    return true;
                }
            }
            return false;
        }).start();
        runToEnd(k);
        assertTrue(wokeAt[0] >= ms(5) && wokeAt[0] <= ms(5) + 2_000, "woke at " + wokeAt[0]);
    }

    @Test
    void chargedWorkAdvancesVirtualTimeAndDueDeadlinesPreemptAtTheNextSafePoint()
    {
        // Safe points cost nothing; the body charges 10 us of "opcodes" before each one instead.
        final Kernel k = Kernel.builder().virtualClock().safePointCostNanos(0).build();
        final long[] wokeAt = {-1};
        final int[] rounds = {0};
        k.newTask("high", 20, script(self -> k.sleep(ms(1)), self ->
        {
            wokeAt[0] = k.nanos();
            return NEXT;
        })).start();
        k.newTask("low", 10, self ->
        {
            while (wokeAt[0] < 0)
            {
                rounds[0]++;
                k.chargeNanos(10_000);
                if (k.shouldYield())
                {
                    return true;
                }
            }
            return false;
        }).start();
        runToEnd(k);
        assertEquals(ms(1), wokeAt[0], "preempted at the safe point right after the charge that reached 1 ms");
        assertEquals(100, rounds[0]);
    }

    @RepeatedTest(1)
    void sameTasksUnderVirtualClockGiveTheSameScheduleTwentyTimes()
    {
        final String first = scheduleOfMixedWorkload();
        for (int run = 1; run < 20; run++)
        {
            assertEquals(first, scheduleOfMixedWorkload(), "run " + run + " differs");
        }
        assertTrue(first.lines().count() > 50, first);
    }

    /** Sleeps, timers, a semaphore, a mutex, a mailbox, round-robin and preemption, recorded. */
    private static String scheduleOfMixedWorkload()
    {
        final ScheduleRecorder recorder = new ScheduleRecorder();
        final Kernel k = Kernel.builder().virtualClock().quantumSafePoints(7).safePointCostNanos(250)
            .traceHook(recorder).build();
        final Semaphore sem = k.newSemaphore("sem", 0);
        final Mutex mutex = k.newMutex("mutex");
        final Mailbox<String> box = k.newMailbox("box", 2);
        final Timer tick = k.newTimer("tick", t -> sem.signal());
        tick.startPeriodic(ms(1));
        for (int n = 0; n < 3; n++)
        {
            final String name = "cpu" + n;
            final int[] rounds = {0};
            k.newTask(name, 5, self ->
            {
                while (rounds[0] < 400)
                {
                    rounds[0]++;
                    if (rounds[0] % 50 == 0)
                    {
                        if (box.tryPost(name) || rounds[0] % 100 == 0)
                        {
                            return true;
                        }
                    }
                    if (k.shouldYield())
                    {
                        return true;
                    }
                }
                return false;
            }).start();
        }
        final int[] got = {0};
        final boolean[] fetching = {false};
        k.newTask("waiter", 15, script(
            self -> sem.acquire(Kernel.FOREVER), self -> mutex.lock(Kernel.FOREVER), self -> k.sleep(300_000),
            self ->
            {
                mutex.unlock();
                return NEXT;
            },
            self -> sem.acquire(ms(10)), self -> sem.acquire(ms(10)), self ->
            {
                tick.cancel();
                return NEXT;
            })).start();
        k.newTask("reader", 10, self ->
        {
            while (got[0] < 8)
            {
                final int r = fetching[0] ? self.waitResult() : box.fetch(ms(2));
                fetching[0] = r == WaitResult.PENDING;
                if (fetching[0])
                {
                    return true;
                }
                if (r == WaitResult.OK)
                {
                    got[0]++;
                }
                if (k.shouldYield())
                {
                    return true;
                }
            }
            return false;
        }).start();
        runToEnd(k);
        return recorder.toString();
    }

    @Test
    void suspendAndResume()
    {
        final Kernel k = virtualKernel();
        final Task worker = k.newTask("W", 10, script(emit(trace, "1"), self ->
        {
            self.suspend();
            return YIELD;
        }, emit(trace, "2")));
        k.newTask("M", 5, script(
            self ->
            {
                worker.start();
                return NEXT;
            },
            self -> YIELD,                       // W runs, suspends itself
            emit(trace, "m"),
            self ->
            {
                assertEquals(TaskState.SUSPENDED, worker.state());
                worker.resume();
                return YIELD;
            },
            emit(trace, "e"))).start();
        runToEnd(k);
        assertEquals("1m2e", trace.toString());
    }

    @Test
    void suspendedReadyTaskSkipsItsTurnUntilResumed()
    {
        final Kernel k = virtualKernel();
        final Task b = k.newTask("B", 10, script(emit(trace, "B")));
        k.newTask("A", 20, script(
            self ->
            {
                b.start();
                b.suspend();
                return k.sleep(ms(1));
            },
            emit(trace, "A"),
            self ->
            {
                b.resume();
                return NEXT;
            })).start();
        runToEnd(k);
        assertEquals("AB", trace.toString());
    }

    @Test
    void suspendingAWaitingTaskTakesEffectWhenTheWaitEnds()
    {
        final Kernel k = virtualKernel();
        final Semaphore sem = k.newSemaphore("s", 0);
        final Task w = k.newTask("W", 10, script(self -> sem.acquire(Kernel.FOREVER), result(trace)));
        k.newTask("M", 5, script(
            self ->
            {
                w.start();
                return YIELD;
            },
            self ->
            {
                w.suspend();
                assertEquals(TaskState.BLOCKED, w.state());
                sem.signal();
                assertEquals(TaskState.SUSPENDED, w.state());
                return YIELD;
            },
            emit(trace, "m"),
            self ->
            {
                w.resume();
                return YIELD;
            },
            emit(trace, "e"))).start();
        runToEnd(k);
        assertEquals("mOe", trace.toString());
    }

    @Test
    void joinWaitsForTermination()
    {
        final Kernel k = virtualKernel();
        final Task worker = k.newTask("W", 5, script(self -> k.sleep(ms(3)), emit(trace, "w")));
        k.newTask("J", 10, script(
            self ->
            {
                worker.start();
                return worker.join(ms(1));
            },
            result(trace),
            self -> worker.join(Kernel.FOREVER),
            result(trace),
            self -> worker.join(Kernel.NO_WAIT) == WaitResult.OK ? NEXT : YIELD,
            emit(trace, "j"))).start();
        runToEnd(k);
        assertEquals("TwOj", trace.toString());
    }

    @Test
    void terminateRemovesAWaitingTaskAndWakesJoiners()
    {
        final Kernel k = virtualKernel();
        final Semaphore sem = k.newSemaphore("s", 0);
        final Task victim = k.newTask("V", 10, script(self -> sem.acquire(Kernel.FOREVER), emit(trace, "never")));
        k.newTask("J", 8, script(self -> victim.join(Kernel.FOREVER), emit(trace, "joined"))).start();
        k.newTask("K", 5, script(
            self ->
            {
                victim.start();
                return YIELD;
            },
            self ->
            {
                assertEquals(1, sem.waiting());
                victim.terminate();
                assertEquals(0, sem.waiting());
                return YIELD;
            })).start();
        runToEnd(k);
        assertEquals("joined", trace.toString());
        assertSame(TaskState.TERMINATED, victim.state());
    }

    @Test
    void daemonTasksDoNotKeepRunGoing()
    {
        final Kernel k = virtualKernel();
        final Semaphore never = k.newSemaphore("never", 0);
        k.taskBuilder("daemon", script(self -> never.acquire(Kernel.FOREVER))).daemon(true).start();
        k.newTask("main", 10, script(self -> k.sleep(ms(5)), emit(trace, "done"))).start();
        assertEquals(RunOutcome.ALL_ENDED, k.run());
        assertEquals("done", trace.toString());
        assertEquals(0, k.liveTasks());
    }

    @Test
    void runForStopsAtItsVirtualDeadlineAndRunCanContinue()
    {
        final Kernel k = virtualKernel();
        k.newTask("A", 10, script(self -> k.sleep(ms(100)), emit(trace, "A"))).start();
        assertEquals(RunOutcome.TIME_UP, k.runFor(Duration.ofMillis(40)));
        assertEquals(ms(40), k.nanos());
        assertEquals("", trace.toString());
        runToEnd(k);
        assertEquals("A", trace.toString());
        assertTrue(k.nanos() >= ms(100) && k.nanos() <= ms(100) + 2_000, "one safe point per run: " + k.nanos());
    }

    @Test
    void runForEndsACpuBoundBodyAtItsDeadline()
    {
        final Kernel k = Kernel.builder().virtualClock().safePointCostNanos(1_000).build();
        final long[] spins = {0};
        k.newTask("spin", 10, self ->
        {
            for (;;)
            {
                spins[0]++;
                if (k.shouldYield())
                {
                    return true;
                }
            }
        }).start();
        assertEquals(RunOutcome.TIME_UP, k.runForNanos(ms(2)));
        assertTrue(spins[0] >= 1_990 && spins[0] <= 2_001, "spins=" + spins[0]);
    }

    @Test
    void taskWokenWithinItsOwnRunIsRequeued()
    {
        final Kernel k = virtualKernel();
        final Semaphore sem = k.newSemaphore("s", 0);
        k.newTask("A", 10, script(
            self ->
            {
                final int r = sem.acquire(Kernel.FOREVER);
                sem.signal(); // wakes itself: READY again before its body returns
                assertEquals(TaskState.READY, self.state());
                return r;
            },
            result(trace))).start();
        runToEnd(k);
        assertEquals("O", trace.toString());
    }

    @Test
    void taskWokenWithinItsOwnRunMaySuspendItself()
    {
        final Kernel k = virtualKernel();
        final Semaphore sem = k.newSemaphore("s", 0);
        final Task a = k.newTask("A", 10, script(
            self ->
            {
                final int r = sem.acquire(Kernel.FOREVER);
                sem.signal();          // READY again, still running
                self.suspend();        // and now suspended: not in any queue
                assertEquals(TaskState.SUSPENDED, self.state());
                return r;
            },
            result(trace)));
        a.start();
        k.newTask("B", 5, script(emit(trace, "b"), self ->
        {
            assertEquals(TaskState.SUSPENDED, a.state());
            a.resume();
            return NEXT;
        })).start();
        runToEnd(k);
        assertEquals("bO", trace.toString());
    }

    @Test
    void failingBodyIsTerminatedCountedAndReported()
    {
        final StringBuilder reported = new StringBuilder();
        final Kernel k = Kernel.builder().virtualClock()
            .failureHandler((source, error) -> reported.append(source.name()).append(':').append(error.getMessage()))
            .build();
        final Mutex m = k.newMutex("m");
        final Task bad = k.newTask("bad", 10, script(self -> m.lock(Kernel.FOREVER), self ->
        {
            throw new IllegalArgumentException("boom");
        }));
        bad.start();
        k.newTask("next", 5, script(self -> m.lock(Kernel.FOREVER), emit(trace, "got"), self ->
        {
            m.unlock();
            return NEXT;
        })).start();
        runToEnd(k);
        assertEquals("bad:boom", reported.toString());
        assertEquals("got", trace.toString(), "the failed task's mutex passed on");
        assertEquals(TaskState.TERMINATED, bad.state());
        assertEquals("boom", bad.failure().getMessage());
        assertEquals(1, k.metrics().failures());
    }
}
