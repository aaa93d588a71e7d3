package dev.zvm.kernel;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;

/**
 * Runs a kernel inside an Agrona {@link org.agrona.concurrent.AgentRunner} (or any duty-cycle loop) instead
 * of {@link Kernel#run()}: the runner's thread becomes the carrier, {@link #doWork()} services the gateway
 * and timers and runs at most one task body, and the runner's idle strategy replaces the kernel's (the
 * gateway still wakes it: raises unpark the runner thread when {@code doWork} returned 0). Under a virtual
 * clock an idle {@code doWork} jumps to the next deadline. {@link Kernel#stop()} ends the agent with an
 * {@link AgentTerminationException}.
 */
public final class KernelAgent implements Agent
{
    private final Kernel kernel;

    /**
     * @param kernel a kernel that is not running
     */
    public KernelAgent(final Kernel kernel)
    {
        this.kernel = kernel;
    }

    @Override
    public void onStart()
    {
        kernel.attachCarrier();
    }

    @Override
    public int doWork()
    {
        return kernel.agentDoWork();
    }

    @Override
    public void onClose()
    {
        kernel.detachCarrier();
    }

    /** @return the kernel this agent runs */
    public Kernel kernel()
    {
        return kernel;
    }

    @Override
    public String roleName()
    {
        return "zvm-kernel-" + kernel.name();
    }
}
