package dev.zvm.compiler;

/**
 * Thrown inside the compiler to abandon the current statement; the caller records its diagnostic
 * and goes on with the next statement. It never leaves {@link Compiler}. Carries no stack trace:
 * it is control flow, not a bug report.
 */
final class CompileError extends RuntimeException {
  private final transient Diagnostic diagnostic;

  CompileError(Diagnostic diagnostic) {
    super(diagnostic.message(), null, false, false);
    this.diagnostic = diagnostic;
  }

  Diagnostic diagnostic() {
    return diagnostic;
  }
}
