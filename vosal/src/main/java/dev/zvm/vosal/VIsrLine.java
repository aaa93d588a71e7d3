package dev.zvm.vosal;

import dev.zvm.kernel.InterruptLine;

/**
 * An interrupt line ({@code vosInstallHandler}): other threads raise it, its handler runs on the carrier
 * once per raise.
 */
public final class VIsrLine
{
    private final InterruptLine line;

    VIsrLine(final InterruptLine line)
    {
        this.line = line;
    }

    /** @return the line's name */
    public String name()
    {
        return line.name();
    }

    /**
     * Raises the line: any thread, lock-free.
     *
     * @return false (and counted) if its pending raises are at their bound
     */
    public boolean raiseFromIsr()
    {
        return line.raiseFromIsr();
    }

    /** @return how many times the handler ran */
    public long handled()
    {
        return line.handled();
    }

    /** Uninstalls the handler; further raises throw. Carrier-side. */
    public void destroy()
    {
        line.destroy();
    }

    @Override
    public String toString()
    {
        return line.toString();
    }
}
