package dev.zvm.vosal;

/**
 * The code of a VOSAL thread. Called each time the thread is scheduled; runs until it yields, blocks or
 * finishes (see the package documentation).
 */
@FunctionalInterface
public interface VThreadBody
{
    /**
     * @param self the thread being run
     * @return true if the thread has more to do (it yielded, or a blocking call returned
     *     {@link VRes#PENDING}); false when it has finished
     */
    boolean run(VThread self);
}
