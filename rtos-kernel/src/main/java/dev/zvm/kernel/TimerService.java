package dev.zvm.kernel;

import java.util.concurrent.TimeUnit;
import org.agrona.DeadlineTimerWheel;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The kernel's timers: task timeouts and sleeps, and {@link Timer}s, on one Agrona
 * {@link DeadlineTimerWheel} in the kernel clock's nanoseconds. The wheel expires timers exactly at their
 * deadline (it compares deadlines; ticks only bucket them). On top of it this class keeps a lower bound of
 * the earliest deadline: polls are skipped until it is reached and skip the empty ticks before it, and
 * {@link #nextDeadline()} makes it exact (a scan of the wheel, only after the earliest timer expired or
 * was cancelled) when a virtual-clock kernel needs to know how far it may run or jump. Timers expiring in
 * one poll are handed out in deadline order, then arming order, so schedules are reproducible.
 * Carrier only; allocation-free once the wheel and map have grown.
 */
final class TimerService
{
    /** No deadline. */
    static final long NONE = Long.MAX_VALUE;
    /**
     * 2^20 ns (1.05 ms) per tick, 256 ticks: a 268 ms wheel (timers beyond it wrap and are re-checked each
     * turn). Kept small because {@link #nextDeadline()} may scan the whole wheel.
     */
    private static final long TICK_NANOS = 1L << 20;
    private static final int TICKS_PER_WHEEL = 256;

    private final DeadlineTimerWheel wheel = new DeadlineTimerWheel(TimeUnit.NANOSECONDS, 0, TICK_NANOS, TICKS_PER_WHEEL);
    private final Long2ObjectHashMap<TimerSlot> byId = new Long2ObjectHashMap<>();
    private final DeadlineTimerWheel.TimerHandler onExpiry = this::onExpiry;
    private final DeadlineTimerWheel.TimerConsumer onScan = this::onScan;
    /** Never above the earliest armed deadline. */
    private long earliest = NONE;
    private boolean earliestExact = true;
    private long scanMin;
    private long sequence;
    private TimerSlot[] expired = new TimerSlot[16];
    private int expiredCount;

    void schedule(final TimerSlot slot, final long deadline)
    {
        if (slot.isArmed())
        {
            cancel(slot);
        }
        slot.expiryPending = false;
        slot.deadline = deadline;
        slot.sequence = sequence++;
        slot.wheelId = wheel.scheduleTimer(deadline);
        byId.put(slot.wheelId, slot);
        if (deadline < earliest)
        {
            earliest = deadline;
        }
    }

    void cancel(final TimerSlot slot)
    {
        slot.expiryPending = false;
        if (!slot.isArmed())
        {
            return;
        }
        wheel.cancelTimer(slot.wheelId);
        byId.remove(slot.wheelId);
        slot.wheelId = DeadlineTimerWheel.NULL_DEADLINE;
        if (slot.deadline <= earliest)
        {
            earliestExact = false;
        }
    }

    boolean isEmpty()
    {
        return wheel.timerCount() == 0;
    }

    int count()
    {
        return (int)wheel.timerCount();
    }

    /** @return the earliest armed deadline, or {@link #NONE} */
    long nextDeadline()
    {
        if (wheel.timerCount() == 0)
        {
            earliest = NONE;
            earliestExact = true;
            return NONE;
        }
        if (!earliestExact)
        {
            scanMin = NONE;
            wheel.forEach(onScan);
            earliest = scanMin;
            earliestExact = true;
        }
        return earliest;
    }

    /** @return true if some timer may be due at {@code now} */
    boolean due(final long now)
    {
        return now >= earliest && wheel.timerCount() > 0;
    }

    /**
     * Expires every timer due at {@code now} into a batch, sorted; read it with {@link #expired(int)}
     * before the next poll.
     *
     * @return the batch size
     */
    int poll(final long now)
    {
        expiredCount = 0;
        if (!due(now))
        {
            return 0;
        }
        wheel.currentTickTime(earliest);
        do
        {
            wheel.poll(now, onExpiry, Integer.MAX_VALUE);
        }
        while (wheel.currentTickTime() <= now && wheel.timerCount() > 0);
        // Everything due at now has expired, so now + 1 bounds what is left.
        earliest = wheel.timerCount() == 0 ? NONE : now + 1;
        earliestExact = wheel.timerCount() == 0;
        sortBatch();
        return expiredCount;
    }

    /** @return batch entry {@code i}; handle it only if its {@code expiryPending} is still set */
    TimerSlot expired(final int i)
    {
        final TimerSlot s = expired[i];
        expired[i] = null;
        return s;
    }

    private boolean onExpiry(final TimeUnit unit, final long now, final long timerId)
    {
        final TimerSlot slot = byId.remove(timerId);
        slot.wheelId = DeadlineTimerWheel.NULL_DEADLINE;
        slot.expiryPending = true;
        if (expiredCount == expired.length)
        {
            expired = java.util.Arrays.copyOf(expired, expiredCount * 2);
        }
        expired[expiredCount++] = slot;
        return true;
    }

    private void onScan(final long deadline, final long timerId)
    {
        if (deadline < scanMin)
        {
            scanMin = deadline;
        }
    }

    /** Insertion sort by (deadline, arming order): batches are small. */
    private void sortBatch()
    {
        for (int i = 1; i < expiredCount; i++)
        {
            final TimerSlot s = expired[i];
            int j = i - 1;
            while (j >= 0 && (expired[j].deadline > s.deadline ||
                (expired[j].deadline == s.deadline && expired[j].sequence > s.sequence)))
            {
                expired[j + 1] = expired[j];
                j--;
            }
            expired[j + 1] = s;
        }
    }
}
