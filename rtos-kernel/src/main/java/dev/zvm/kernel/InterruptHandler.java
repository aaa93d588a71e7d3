package dev.zvm.kernel;

/**
 * The handler of an {@link InterruptLine}, run on the carrier once per accepted raise, in interrupt
 * context: between two task bodies or inside a body's safe point. It may use every non-blocking kernel
 * operation (signal, set, post without waiting, resume, start timers); a blocking call throws.
 * Keep it short: like a hardware ISR it delays whichever task is running.
 */
@FunctionalInterface
public interface InterruptHandler
{
    /**
     * @param line the line that was raised
     */
    void onInterrupt(InterruptLine line);
}
