package dev.zvm.kernel;

import java.util.Arrays;

/**
 * A {@link TraceHook} that records the schedule: which task ran at which kernel time. Two runs gave the
 * same schedule if their recorders are {@link #equals equal}; {@link #toString()} prints one dispatch per
 * line. Grows its arrays as needed (a debugging tool, not a hot-path one). Carrier writes; read it after
 * the run.
 */
public final class ScheduleRecorder implements TraceHook
{
    private long[] times = new long[256];
    private Task[] tasks = new Task[256];
    private int size;

    @Override
    public void onDispatch(final long clockNanos, final Task task)
    {
        if (size == times.length)
        {
            times = Arrays.copyOf(times, size * 2);
            tasks = Arrays.copyOf(tasks, size * 2);
        }
        times[size] = clockNanos;
        tasks[size] = task;
        size++;
    }

    /** @return dispatches recorded */
    public int size()
    {
        return size;
    }

    /** @return the kernel time of dispatch {@code i} */
    public long timeAt(final int i)
    {
        return times[i];
    }

    /** @return the name of the task of dispatch {@code i} */
    public String taskAt(final int i)
    {
        return tasks[i].name();
    }

    /** @return the task names in dispatch order, concatenated: "ABAB..." for one-letter names */
    public String names()
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++)
        {
            sb.append(tasks[i].name());
        }
        return sb.toString();
    }

    /** Forgets what was recorded. */
    public void clear()
    {
        Arrays.fill(tasks, 0, size, null);
        size = 0;
    }

    @Override
    public boolean equals(final Object o)
    {
        if (!(o instanceof ScheduleRecorder))
        {
            return false;
        }
        final ScheduleRecorder other = (ScheduleRecorder)o;
        if (other.size != size)
        {
            return false;
        }
        for (int i = 0; i < size; i++)
        {
            if (times[i] != other.times[i] || !tasks[i].name().equals(other.tasks[i].name()))
            {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode()
    {
        int h = size;
        for (int i = 0; i < size; i++)
        {
            h = 31 * h + Long.hashCode(times[i]) + tasks[i].name().hashCode();
        }
        return h;
    }

    @Override
    public String toString()
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++)
        {
            sb.append(times[i]).append(' ').append(tasks[i].name()).append('\n');
        }
        return sb.toString();
    }
}
