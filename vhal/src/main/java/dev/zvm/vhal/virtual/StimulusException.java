package dev.zvm.vhal.virtual;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A stimulus file with bad lines: every problem found, each with its line, one per line of the
 * message as {@code file:line: what is wrong}.
 */
public final class StimulusException extends Exception {
  /** One bad line. */
  public record Problem(int line, String message) {}

  private final String sourceName;
  private final List<Problem> problems;

  StimulusException(String sourceName, List<Problem> problems) {
    super(format(sourceName, problems));
    this.sourceName = sourceName;
    this.problems = List.copyOf(problems);
  }

  public String sourceName() {
    return sourceName;
  }

  /** In line order; at most one per line. */
  public List<Problem> problems() {
    return problems;
  }

  private static String format(String sourceName, List<Problem> problems) {
    return problems.stream()
        .map(p -> sourceName + ":" + p.line() + ": " + p.message())
        .collect(Collectors.joining("\n"));
  }
}
