package dev.zvm.kernel;

import static dev.zvm.kernel.KernelTesting.NEXT;
import static dev.zvm.kernel.KernelTesting.cpuStep;
import static dev.zvm.kernel.KernelTesting.emit;
import static dev.zvm.kernel.KernelTesting.ms;
import static dev.zvm.kernel.KernelTesting.result;
import static dev.zvm.kernel.KernelTesting.runToEnd;
import static dev.zvm.kernel.KernelTesting.script;
import static dev.zvm.kernel.KernelTesting.virtualKernel;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PriorityInheritanceTest
{
    private final StringBuilder trace = new StringBuilder();
    private final Kernel k = virtualKernel(); // 1 us of virtual time per safe point

    private KernelTesting.Step unlock(final Mutex m)
    {
        return self ->
        {
            m.unlock();
            return NEXT;
        };
    }

    @Test
    void classicInversionLowHoldsHighWaitsMediumMustNotRun()
    {
        final Mutex m = k.newMutex("m");
        final int[] inside = {0};
        // L (1) takes the mutex and works 6 safe points inside it, printing its priority each time.
        k.newTask("L", 1, script(
            self -> m.lock(Kernel.FOREVER), emit(trace, "L+"),
            self ->
            {
                while (inside[0] < 6)
                {
                    trace.append('l').append(self.priority());
                    inside[0]++;
                    if (k.shouldYield())
                    {
                        return KernelTesting.AGAIN;
                    }
                }
                return NEXT;
            },
            emit(trace, "L-"), unlock(m), self -> k.shouldYield() ? KernelTesting.YIELD : NEXT,
            emit(trace, "Lend"))).start();
        // H (3) and M (2) sleep first and wake inside L's critical section (each body run and each safe
        // point costs 1 us). H blocks on the mutex; M is CPU-bound.
        k.newTask("H", 3, script(self -> k.sleep(5_000), self -> m.lock(Kernel.FOREVER), emit(trace, "H"), unlock(m))).start();
        k.newTask("M", 2, script(self -> k.sleep(5_000), cpuStep(k, trace, "m", 3))).start();
        runToEnd(k);
        // L inherits 3 as soon as H waits, so M cannot run until L has left the critical section.
        assertEquals("L+l1l1l1l3l3l3L-HmmmLend", trace.toString());
    }

    @Test
    void withoutTheMutexMediumWouldRunFirst()
    {
        // The control experiment for the test above: same tasks, H waits on a semaphore instead of the
        // mutex, so nothing is inherited and M runs while L is still "inside".
        final Semaphore s = k.newSemaphore("s", 0);
        final int[] inside = {0};
        k.newTask("L", 1, script(
            emit(trace, "L+"),
            self ->
            {
                while (inside[0] < 6)
                {
                    trace.append('l').append(self.priority());
                    inside[0]++;
                    if (k.shouldYield())
                    {
                        return KernelTesting.AGAIN;
                    }
                }
                return NEXT;
            },
            emit(trace, "L-"), self ->
            {
                s.signal();
                return k.shouldYield() ? KernelTesting.YIELD : NEXT;
            },
            emit(trace, "Lend"))).start();
        k.newTask("H", 3, script(self -> k.sleep(5_000), self -> s.acquire(Kernel.FOREVER), emit(trace, "H"))).start();
        k.newTask("M", 2, script(self -> k.sleep(5_000), cpuStep(k, trace, "m", 3))).start();
        runToEnd(k);
        assertEquals("L+l1l1l1mmml1l1l1L-HLend", trace.toString());
    }

    @Test
    void inheritanceWalksTheOwnerChain()
    {
        final Mutex m1 = k.newMutex("m1");
        final Mutex m2 = k.newMutex("m2");
        // L1 (1) owns m1. L2 (2) owns m2 and waits for m1. H (9) waits for m2: L1 must run at 9 too.
        final Task l1 = k.newTask("L1", 1, script(self -> m1.lock(Kernel.FOREVER), self -> k.sleep(ms(2)), self ->
        {
            trace.append("L1@").append(self.priority()).append(' ');
            m1.unlock();
            trace.append("L1after@").append(self.priority()).append(' ');
            return NEXT;
        }));
        final Task l2 = k.newTask("L2", 2, script(self -> k.sleep(100_000), self -> m2.lock(Kernel.FOREVER),
            self -> m1.lock(Kernel.FOREVER), self ->
        {
            trace.append("L2@").append(self.priority()).append(' ');
            m1.unlock();
            m2.unlock();
            trace.append("L2after@").append(self.priority()).append(' ');
            return NEXT;
        }));
        final Task h = k.newTask("H", 9, script(self -> k.sleep(ms(1)), self -> m2.lock(Kernel.FOREVER), emit(trace, "H "), unlock(m2)));
        l1.start();
        l2.start();
        h.start();
        k.newTask("probe", 0, script(self -> k.sleep(1_500_000), self ->
        {
            trace.append("probe:").append(l1.priority()).append(',').append(l2.priority()).append(' ');
            return NEXT;
        })).start();
        runToEnd(k);
        assertEquals("probe:9,9 L1@9 L1after@1 L2@9 L2after@2 H ", trace.toString());
    }

    @Test
    void ownerPriorityFallsBackWhenTheHighWaiterTimesOut()
    {
        final Mutex m = k.newMutex("m");
        final Task owner = k.newTask("O", 1, script(self -> m.lock(Kernel.FOREVER), self -> k.sleep(ms(10)), self ->
        {
            trace.append("O@").append(self.priority());
            m.unlock();
            return NEXT;
        }));
        owner.start();
        k.newTask("H", 8, script(self -> k.sleep(ms(1)), self -> m.lock(ms(2)), result(trace), emit(trace, " "))).start();
        k.newTask("probe", 0, script(
            self -> k.sleep(ms(2)),
            self ->
            {
                trace.append('p').append(owner.priority()).append(' ');
                return k.sleep(ms(2));
            },
            self ->
            {
                trace.append('p').append(owner.priority()).append(' ');
                return NEXT;
            })).start();
        runToEnd(k);
        assertEquals("p8 T p1 O@1", trace.toString());
    }

    @Test
    void unlockInAnyOrderRecomputesFromRemainingWaiters()
    {
        final Mutex a = k.newMutex("a");
        final Mutex b = k.newMutex("b");
        k.newTask("O", 1, script(
            self -> a.lock(Kernel.FOREVER), self -> b.lock(Kernel.FOREVER), self -> k.sleep(ms(5)),
            self ->
            {
                trace.append(self.priority()).append(' ');
                a.unlock();                     // a's waiter (7) goes; b's waiter (4) remains
                trace.append(self.priority()).append(' ');
                b.unlock();
                trace.append(self.priority()).append(' ');
                return NEXT;
            })).start();
        k.newTask("A", 7, script(self -> k.sleep(ms(1)), self -> a.lock(Kernel.FOREVER), unlock(a))).start();
        k.newTask("B", 4, script(self -> k.sleep(ms(1)), self -> b.lock(Kernel.FOREVER), unlock(b))).start();
        runToEnd(k);
        assertEquals("7 4 1 ", trace.toString());
    }

    @Test
    void setPriorityOnABoostedOwnerKeepsTheBoost()
    {
        final Mutex m = k.newMutex("m");
        k.newTask("O", 2, script(self -> m.lock(Kernel.FOREVER), self -> k.sleep(ms(3)), self ->
        {
            trace.append(self.priority()).append(' ');
            self.setPriority(5);
            trace.append(self.priority()).append(' ');
            m.unlock();
            trace.append(self.priority()).append(self.basePriority());
            return NEXT;
        })).start();
        k.newTask("W", 9, script(self -> k.sleep(ms(1)), self -> m.lock(Kernel.FOREVER), unlock(m))).start();
        runToEnd(k);
        assertEquals("9 9 55", trace.toString());
    }

    @Test
    void terminatingABoostedOwnerHandsTheMutexOn()
    {
        final Mutex m = k.newMutex("m");
        final Task owner = k.newTask("O", 1, script(self -> m.lock(Kernel.FOREVER), self -> k.sleep(ms(100))));
        owner.start();
        k.newTask("W", 9, script(self -> k.sleep(ms(1)), self -> m.lock(Kernel.FOREVER), result(trace), unlock(m))).start();
        k.newTask("killer", 5, script(self -> k.sleep(ms(2)), self ->
        {
            trace.append(owner.priority());
            owner.terminate();
            return NEXT;
        })).start();
        runToEnd(k);
        assertEquals("9O", trace.toString());
    }
}
