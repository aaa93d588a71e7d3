package dev.zvm.vm;

/**
 * How a run ended: normally ({@link #ok()}), or with an uncaught Python exception in the main
 * thread ({@link #exception()}, never null then); and why the VM stopped running
 * ({@link #ending()}).
 *
 * @param exception the main thread's uncaught exception, or null
 * @param opcodes opcodes this run executed, in every thread
 * @param ending why the run returned
 */
public record RunResult(PythonError exception, long opcodes, Ending ending) {
  /** Why a run returned. */
  public enum Ending {
    /** The main thread and every other non-daemon thread ended. */
    FINISHED,
    /** {@link Vm#runFor}'s time ran out first. */
    TIME_UP,
    /** {@link Vm#stop()} was called. */
    STOPPED
  }

  public boolean ok() {
    return exception == null;
  }
}
