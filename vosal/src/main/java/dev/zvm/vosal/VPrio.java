package dev.zvm.vosal;

import dev.zvm.kernel.Kernel;

/**
 * Thread priorities: Zerynth's {@code VOS_PRIO_IDLE..HIGHEST} (0..7), plus {@link #INTERRUPT} for the VM's
 * interrupt thread, above every Python thread. VOSAL spreads them over the kernel's 32 levels (level =
 * 4 x priority; INTERRUPT is level 31), leaving room between them for the kernel's own use.
 */
public final class VPrio
{
    public static final int IDLE = 0;
    public static final int LOWEST = 1;
    public static final int LOWER = 2;
    public static final int LOW = 3;
    public static final int NORMAL = 4;
    public static final int HIGH = 5;
    public static final int HIGHER = 6;
    public static final int HIGHEST = 7;
    /** Reserved for the interrupt thread: preempts every other thread at its next safe point. */
    public static final int INTERRUPT = 8;

    private VPrio()
    {
    }

    static int toKernel(final int prio)
    {
        if (prio < IDLE || prio > INTERRUPT)
        {
            throw new IllegalArgumentException("prio=" + prio + " out of range IDLE(0)..HIGHEST(7), or INTERRUPT(8)");
        }
        return prio == INTERRUPT ? Kernel.MAX_PRIORITY : prio * 4;
    }

    static int fromKernel(final int level)
    {
        return level == Kernel.MAX_PRIORITY ? INTERRUPT : level / 4;
    }
}
