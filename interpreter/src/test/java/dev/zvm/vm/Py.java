package dev.zvm.vm;

import dev.zvm.compiler.Compilation;
import dev.zvm.compiler.Compiler;
import dev.zvm.vhal.BoardDefinition;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Test support: compiles Python source and runs it on a fresh VM, capturing the output. */
final class Py {
  private Py() {}

  /** The outcome of one run: what it printed and how it ended. */
  record Run(String out, RunResult result, Vm vm) {
    String error() {
      return result.ok() ? null : result.exception().toString();
    }

    String traceback() {
      return result.ok() ? null : result.exception().traceback();
    }
  }

  /** Compiles as {@code ./zvm run} does: the virtual board's pin names are constants. */
  static Compilation compile(String source) {
    return Compiler.builder().constants(BoardDefinition.VIRTUAL.constants()).build().compileSource("app.py", source);
  }

  static Run run(String source) {
    return run(source, Vm.builder());
  }

  /**
   * What a run printed, followed by the traceback if it ended with an uncaught exception. The
   * program runs twice, interpreted and with every code object compiled at its first run (Jit), and
   * both runs must print the same: every test of the interpreter's paths tests the compiled ones.
   */
  static String out(String source) {
    String interpreted = rendered(run(source, Vm.builder().jitThreshold(0)));
    String compiled = rendered(run(source, Vm.builder().jitThreshold(1).compileInBackground(false)));
    if (!interpreted.equals(compiled)) {
      throw new AssertionError("compiled code printed\n" + compiled + "\nwhere the interpreter printed\n" + interpreted);
    }
    return interpreted;
  }

  /** What a run printed, followed by its traceback if it ended with an uncaught exception. */
  static String rendered(Run r) {
    return r.result().ok() ? r.out() : r.out() + r.result().exception().traceback();
  }

  static Run run(String source, Vm.Builder builder) {
    return run(source, builder, null);
  }

  /** A run that ends at {@code limit} of the VM's time (null: when the program ends). */
  static Run run(String source, Vm.Builder builder, java.time.Duration limit) {
    Compilation c = compile(source);
    if (!c.ok()) {
      throw new AssertionError("compile error:\n" + c.formatDiagnostics());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Vm vm = builder.stdout(new PrintStream(out, true, StandardCharsets.UTF_8)).build();
    vm.load(c.image());
    RunResult r = limit == null ? vm.run() : vm.runFor(limit);
    return new Run(out.toString(StandardCharsets.UTF_8), r, vm);
  }
}
