package dev.zvm.vm;

/** A Python exception that escaped a call made from Java ({@link Vm.Function#call}). */
public final class PythonException extends RuntimeException {
  private final transient PythonError error;

  PythonException(PythonError error) {
    super(error.toString());
    this.error = error;
  }

  public PythonError error() {
    return error;
  }
}
