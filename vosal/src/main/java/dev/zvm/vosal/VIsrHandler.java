package dev.zvm.vosal;

/**
 * The handler of a {@link VIsrLine} ({@code vosInstallHandler}): runs on the carrier in interrupt context
 * once per raise. Non-blocking calls only; keep it short.
 */
@FunctionalInterface
public interface VIsrHandler
{
    /** @param line the line raised */
    void onInterrupt(VIsrLine line);
}
