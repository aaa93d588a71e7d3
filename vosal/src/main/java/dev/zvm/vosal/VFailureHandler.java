package dev.zvm.vosal;

/**
 * Told, on the carrier, when a thread body, a timer callback or an interrupt handler throws. The thread is
 * already finished and its mutexes passed on.
 */
@FunctionalInterface
public interface VFailureHandler
{
    /**
     * @param source the name of the thread, timer or interrupt line
     * @param error what it threw
     */
    void onFailure(String source, Throwable error);
}
