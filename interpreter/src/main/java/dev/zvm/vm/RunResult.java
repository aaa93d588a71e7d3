package dev.zvm.vm;

/**
 * How a run ended: normally ({@link #ok()}), or with an uncaught Python exception
 * ({@link #exception()}, never null then).
 *
 * @param exception the uncaught exception, or null
 * @param opcodes opcodes this run executed
 */
public record RunResult(PythonError exception, long opcodes) {
  public boolean ok() {
    return exception == null;
  }
}
