package dev.zvm.vm;

/**
 * A Python exception that ended a run, as data: its type's name (module-qualified outside
 * {@code __main__}), its message ({@code str(exc)}, possibly empty) and the traceback text as
 * CPython prints it ({@code Traceback (most recent call last):}, the {@code File "app.py", line N,
 * in f} entries, then {@code Type: message}).
 */
public record PythonError(String type, String message, String traceback) {
  @Override
  public String toString() {
    return message.isEmpty() ? type : type + ": " + message;
  }
}
