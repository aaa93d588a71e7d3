package dev.zvm.compiler;

/**
 * One compile error: where it is, what is wrong, and the source line it points at.
 *
 * @param file the file name as given to the compiler
 * @param line 1-based line, 0 when the error belongs to no line (e.g. a missing file)
 * @param col 1-based column, 0 when there is none
 * @param message what is wrong, e.g. {@code "generators are not supported yet"}
 * @param sourceLine the text of that line, "" when there is none
 */
public record Diagnostic(String file, int line, int col, String message, String sourceLine) {

  /**
   * The diagnostic as {@code file:line:col: message}, then the source line and a caret under the
   * column (tabs in the source line are kept so that the caret lines up).
   */
  public String format() {
    StringBuilder b = new StringBuilder();
    b.append(file);
    if (line > 0) {
      b.append(':').append(line);
      if (col > 0) {
        b.append(':').append(col);
      }
    }
    b.append(": ").append(message);
    if (line > 0 && sourceLine != null && !sourceLine.isEmpty()) {
      b.append('\n').append(sourceLine).append('\n');
      int n = Math.min(Math.max(col, 1) - 1, sourceLine.length());
      for (int i = 0; i < n; i++) {
        b.append(sourceLine.charAt(i) == '\t' ? '\t' : ' ');
      }
      b.append('^');
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + col + ": " + message;
  }
}
