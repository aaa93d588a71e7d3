package dev.zvm.compiler;

import java.util.ArrayList;
import java.util.List;

/**
 * One source file's text and where its lines start, so that a {@link Diagnostic} can quote the
 * line it points at.
 */
final class SourceFile {
  private final String name;
  private final String text;
  private final int[] lineStarts;

  SourceFile(String name, String text) {
    this.name = name;
    this.text = text;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        starts.add(i + 1);
      }
    }
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  String name() {
    return name;
  }

  String text() {
    return text;
  }

  int lineCount() {
    return lineStarts.length;
  }

  /** The text of 1-based line {@code line}, without its line ending; "" if out of range. */
  String line(int line) {
    if (line < 1 || line > lineStarts.length) {
      return "";
    }
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(start, end);
  }

  Diagnostic error(int line, int col, String message) {
    return new Diagnostic(name, line, col, message, line(line));
  }

  Diagnostic error(Ast.Pos pos, String message) {
    return error(pos.line(), pos.col(), message);
  }
}
