package dev.zvm.cli.bench;

/**
 * What one implementation did with one program over every round.
 *
 * @param warm in-process seconds of the repetitions kept (after the warm-up ones), every round
 * @param first in-process seconds of each round's first repetition (cold, the JIT not yet warm)
 * @param process wall-clock seconds of each whole process, start-up included
 * @param reason why the result is not {@link Status#OK}; null when it is
 */
public record Result(
    String program, String implementation, Status status, String reason,
    double[] warm, double[] first, double[] process) {

  public enum Status {
    OK,
    /** A process exited badly, timed out, printed a failed self-check or too few lines. */
    FAILED,
    /** The implementation is not on this machine. */
    MISSING
  }

  public static Result missing(String program, Implementation impl) {
    return new Result(program, impl.name(), Status.MISSING, impl.missing(),
        new double[0], new double[0], new double[0]);
  }

  public boolean ok() {
    return status == Status.OK;
  }

  /** The median and spread of the warm in-process times; only for an OK result. */
  public Statistics.Spread warmSpread() {
    return Statistics.spread(warm);
  }

  public String statusText() {
    return switch (status) {
      case OK -> "ok";
      case FAILED -> "failed: " + reason;
      case MISSING -> "missing: " + reason;
    };
  }
}
