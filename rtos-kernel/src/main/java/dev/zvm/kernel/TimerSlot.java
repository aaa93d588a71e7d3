package dev.zvm.kernel;

import org.agrona.DeadlineTimerWheel;

/**
 * One entry in the kernel's timer wheel, owned either by a task (its timeout or sleep) or by a
 * {@link Timer}. Preallocated with its owner, so arming and expiring allocate nothing. Carrier only.
 */
final class TimerSlot
{
    final Task task;
    final Timer timer;
    /** The wheel's id while armed, else {@link DeadlineTimerWheel#NULL_DEADLINE}. */
    long wheelId = DeadlineTimerWheel.NULL_DEADLINE;
    long deadline;
    /** Arming order, to expire timers with equal deadlines in the order they were armed. */
    long sequence;
    /** True from expiry in the wheel until the kernel handles it; a cancel in between clears it. */
    boolean expiryPending;

    TimerSlot(final Task task)
    {
        this.task = task;
        this.timer = null;
    }

    TimerSlot(final Timer timer)
    {
        this.task = null;
        this.timer = timer;
    }

    boolean isArmed()
    {
        return wheelId != DeadlineTimerWheel.NULL_DEADLINE;
    }
}
