package dev.zvm.compiler;

import dev.zvm.bytecode.Image;
import java.util.List;

/**
 * The outcome of one compilation: an image, or the diagnostics that prevented it.
 *
 * @param image the program, verified; null when there were errors
 * @param diagnostics every error found, in file and line order
 * @param stats sizes and what the linker dropped ({@link CompileStats#NONE} on failure)
 */
public record Compilation(Image image, List<Diagnostic> diagnostics, CompileStats stats) {

  public Compilation {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return image != null && diagnostics.isEmpty();
  }

  /** Every diagnostic as {@code file:line:col: message}, the source line and a caret. */
  public String formatDiagnostics() {
    StringBuilder b = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      b.append(d.format()).append('\n');
    }
    return b.toString();
  }
}
