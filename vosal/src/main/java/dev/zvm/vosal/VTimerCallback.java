package dev.zvm.vosal;

/**
 * What a {@link VTimer} does on expiry. Runs on the carrier in interrupt context (as Zerynth's timer
 * callbacks run in ISR context): it may signal, set, post without waiting, resume; a blocking call throws.
 */
@FunctionalInterface
public interface VTimerCallback
{
    /** @param timer the timer that expired */
    void onTimer(VTimer timer);
}
