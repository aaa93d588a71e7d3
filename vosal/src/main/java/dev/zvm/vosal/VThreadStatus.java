package dev.zvm.vosal;

/**
 * A thread's status (Zerynth's {@code VTHREAD_READY/RUNNING/WAITING/INACTIVE}, with suspension and
 * the end told apart from "never started").
 */
public enum VThreadStatus
{
    /** Created, not started. */
    INACTIVE,
    /** Waiting for the carrier. */
    READY,
    /** Its body is running. */
    RUNNING,
    /** Blocked on an object or sleeping. */
    WAITING,
    /** Suspended until resumed. */
    SUSPENDED,
    /** Finished, failed or destroyed. */
    FINISHED
}
