package dev.zvm.cli;

import dev.zvm.bytecode.ImageWriter;
import dev.zvm.compiler.CompileStats;
import dev.zvm.compiler.Compilation;
import dev.zvm.compiler.Compiler;
import dev.zvm.vhal.BoardDefinition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zvm compile app.py [-o app.zimg] [-I dir]... [--strip-names]}: compiles a program to an
 * image and prints its size and the code the linker dropped. Compile errors go to stderr as
 * {@code file:line:col: message} with the source line and a caret, and exit 1. The virtual
 * board's pin and peripheral names ({@code LED0}, {@code D3.PWM}, {@code SERIAL0}) are constants.
 */
@Command(
    name = "compile",
    mixinStandardHelpOptions = true,
    description = "Compile a Python program (and the modules it imports) to an image (.zimg).")
public final class CompileCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the main module, e.g. app.py")
  Path source;

  @Option(names = {"-o", "--output"}, paramLabel = "IMAGE",
      description = "where to write the image (default: FILE with .zimg instead of .py)")
  Path output;

  @Option(names = "-I", paramLabel = "DIR",
      description = "also look for imported modules in DIR (after FILE's folder, before the stdlib)")
  List<Path> includes = new ArrayList<>();

  @Option(names = "--strip-names",
      description = "keep only the names the VM needs at run time (a smaller image)")
  boolean stripNames;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Compilation r = Compiler.builder().searchPath(includes).stripNames(stripNames)
        .constants(BoardDefinition.VIRTUAL.constants()).build()
        .compile(source);
    if (!r.ok()) {
      err.print(r.formatDiagnostics());
      err.flush();
      return 1;
    }
    Path target = output != null ? output : defaultOutput(source);
    byte[] bytes = ImageWriter.write(r.image());
    try {
      Files.write(target, bytes);
    } catch (IOException | RuntimeException e) {
      err.println("zvm compile: " + target + ": cannot write: " + e.getMessage());
      err.flush();
      return 1;
    }
    CompileStats s = r.stats();
    out.println(target + ": " + bytes.length + " bytes; " + s.modules() + " modules, "
        + s.codeObjects() + " code objects (" + s.codeBytes() + " bytes of bytecode), "
        + s.natives() + " natives");
    out.println("dropped: " + s.droppedCodeObjects() + " code objects (" + s.droppedBytes()
        + " bytes)" + (s.droppedModules() > 0 ? ", " + s.droppedModules() + " modules" : ""));
    out.flush();
    return 0;
  }

  static Path defaultOutput(Path source) {
    String name = source.getFileName().toString();
    String base = name.endsWith(".py") ? name.substring(0, name.length() - 3) : name;
    return source.resolveSibling(base + ".zimg");
  }
}
