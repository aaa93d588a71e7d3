package dev.zvm.bench.vm;

import dev.zvm.compiler.Compilation;
import dev.zvm.compiler.Compiler;
import dev.zvm.vm.Vm;

/** A benchmark's Python program, compiled, loaded into a VM of its own and run once. */
final class LoadedProgram {
  private LoadedProgram() {}

  /**
   * The VM that {@code vm} builds, after it has run {@code source} (named {@code file} in
   * diagnostics) to the end, so that its functions can be called.
   */
  static Vm run(String file, String source, Vm.Builder vm) {
    Compilation c = Compiler.builder().build().compileSource(file, source);
    if (!c.ok()) {
      throw new IllegalStateException(c.formatDiagnostics());
    }
    Vm loaded = vm.build();
    loaded.load(c.image());
    if (!loaded.run().ok()) {
      throw new IllegalStateException("the benchmark program " + file + " failed");
    }
    return loaded;
  }
}
