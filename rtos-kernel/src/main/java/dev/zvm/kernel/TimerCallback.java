package dev.zvm.kernel;

/**
 * What a {@link Timer} does when it expires. Runs on the carrier in interrupt context (see
 * {@link InterruptHandler}): non-blocking kernel calls only.
 */
@FunctionalInterface
public interface TimerCallback
{
    /**
     * @param timer the timer that expired
     */
    void onTimer(Timer timer);
}
