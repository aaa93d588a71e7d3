package dev.zvm.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Test helpers in the ChibiOS style: tasks emit tokens into a shared trace and tests assert the
 * sequence; kernels run on a virtual clock unless a test needs real threads.
 */
final class KernelTesting
{
    /** One step of a scripted body; returns {@link #NEXT}, {@link #YIELD} or a blocking call's result. */
    @FunctionalInterface
    interface Step
    {
        int run(Task self);
    }

    /** Step result: go on with the next step in the same run. */
    static final int NEXT = Integer.MIN_VALUE;
    /** Step result: return from the body (yield); the next step runs at the next dispatch. */
    static final int YIELD = Integer.MIN_VALUE + 1;
    /** Step result: return from the body (yield); the same step runs again at the next dispatch. */
    static final int AGAIN = Integer.MIN_VALUE + 2;

    private KernelTesting()
    {
    }

    /** A virtual-clock kernel that fails the test on any task failure. */
    static Kernel.Builder virtual(final AtomicReference<Throwable> failure)
    {
        return Kernel.builder().virtualClock().failureHandler((source, error) -> failure.compareAndSet(null, error));
    }

    static Kernel virtualKernel()
    {
        return Kernel.builder().virtualClock().failureHandler(KernelTesting::rethrowLater).build();
    }

    private static void rethrowLater(final KernelObject source, final Throwable error)
    {
        throw new AssertionError(source + " failed", error);
    }

    /**
     * A body running its steps in order. A step returning {@link WaitResult#PENDING} or {@link #YIELD}
     * ends the run; the following step runs at the next dispatch (and may read {@code self.waitResult()}).
     * Any other result goes straight on. The body finishes after its last step.
     */
    static TaskBody script(final Step... steps)
    {
        final int[] next = {0};
        return self ->
        {
            while (next[0] < steps.length)
            {
                final int r = steps[next[0]++].run(self);
                if (r == AGAIN)
                {
                    next[0]--;
                    return true;
                }
                if (r == WaitResult.PENDING || r == YIELD)
                {
                    return true;
                }
            }
            return false;
        };
    }

    /** A step appending {@code token} to {@code trace}. */
    static Step emit(final StringBuilder trace, final String token)
    {
        return self ->
        {
            trace.append(token);
            return NEXT;
        };
    }

    /** A step appending the task's last wait result ("O", "T", "R") to {@code trace}. */
    static Step result(final StringBuilder trace)
    {
        return self ->
        {
            trace.append(letter(self.waitResult()));
            return NEXT;
        };
    }

    static String letter(final int waitResult)
    {
        switch (waitResult)
        {
            case WaitResult.OK: return "O";
            case WaitResult.TIMEOUT: return "T";
            case WaitResult.RESET: return "R";
            default: return "?";
        }
    }

    /** A body that loops {@code rounds} times: emits its token, then passes a safe point. */
    static TaskBody cpuBound(final Kernel k, final StringBuilder trace, final String token, final int rounds)
    {
        final int[] done = {0};
        return self ->
        {
            while (done[0] < rounds)
            {
                trace.append(token);
                done[0]++;
                if (k.shouldYield())
                {
                    return true;
                }
            }
            return false;
        };
    }

    /** A step looping {@code rounds} times: emit {@code token}, pass a safe point; resumable when preempted. */
    static Step cpuStep(final Kernel k, final StringBuilder trace, final String token, final int rounds)
    {
        final int[] done = {0};
        return self ->
        {
            while (done[0] < rounds)
            {
                trace.append(token);
                done[0]++;
                if (k.shouldYield() && done[0] < rounds)
                {
                    return AGAIN;
                }
            }
            return NEXT;
        };
    }

    static void runToEnd(final Kernel k)
    {
        assertEquals(RunOutcome.ALL_ENDED, k.run());
        k.checkConsistency();
    }

    static long ms(final long millis)
    {
        return millis * 1_000_000L;
    }
}
