package dev.zvm.cli;

import dev.zvm.compiler.Compilation;
import dev.zvm.compiler.Compiler;
import dev.zvm.vm.RunResult;
import dev.zvm.vm.Vm;
import dev.zvm.vm.VmLoadException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zvm run app.py|app.zimg [--heap SIZE] [-I dir]... [--stats]}: compiles a {@code .py}
 * (modules are found in its folder, then the {@code -I} folders, then the bundled stdlib) or reads
 * an image, and runs it on a VM with a heap of SIZE bytes. The program's output goes to stdout.
 * Exit 0 when the program ends normally; 1 for a compile error (the compiler's diagnostics on
 * stderr), a bad image, or an uncaught Python exception (its traceback on stderr); 2 for a usage
 * error. {@code --stats} prints the opcode count, the heap figures and the GC pause table on stderr
 * at the end.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Compile (if .py) and run a program on the VM.")
public final class RunCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the program: app.py (compiled first) or app.zimg")
  Path file;

  @Option(names = "--heap", paramLabel = "SIZE",
      description = "the Python heap: bytes, or with a K/M/G suffix (default 1M)")
  String heap = "1M";

  @Option(names = "-I", paramLabel = "DIR", description = "a module search folder (repeatable)")
  List<Path> includes = new ArrayList<>();

  @Option(names = "--stats", description = "print opcodes executed, heap figures and GC pauses at the end")
  boolean stats;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    int heapBytes;
    try {
      heapBytes = parseSize(heap);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--heap " + heap + ": " + e.getMessage());
    }
    try {
      Vm vm = Vm.builder().heapBytes(heapBytes).searchPath(includes)
          .stdout(new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true, StandardCharsets.UTF_8))
          .build();
      if (file.toString().endsWith(".py")) {
        Compilation c = Compiler.builder().searchPath(includes)
            .constants(vm.board().definition().constants()).build().compile(file);
        if (!c.ok()) {
          err.print(c.formatDiagnostics());
          err.flush();
          return 1;
        }
        vm.load(c.image());
      } else {
        vm.load(Files.readAllBytes(file));
      }
      RunResult r = vm.run();
      spec.commandLine().getOut().flush();
      if (!r.ok()) {
        err.print(r.exception().traceback());
      }
      if (stats) {
        err.print(vm.stats().format());
      }
      err.flush();
      return r.ok() ? 0 : 1;
    } catch (VmLoadException e) {
      err.println("zvm run: " + file + ": " + e.getMessage());
    } catch (NoSuchFileException e) {
      err.println("zvm run: " + file + ": no such file");
    } catch (IOException e) {
      err.println("zvm run: " + file + ": cannot read: " + e.getMessage());
    }
    err.flush();
    return 1;
  }

  /** "65536", "64K", "1M", "1G" (powers of 1024; KiB/MiB/GiB and a trailing B accepted). */
  static int parseSize(String text) {
    String s = text.trim().toUpperCase(Locale.ROOT);
    if (s.endsWith("IB")) {
      s = s.substring(0, s.length() - 2);
    } else if (s.endsWith("B")) {
      s = s.substring(0, s.length() - 1);
    }
    long unit = 1;
    if (!s.isEmpty()) {
      char last = s.charAt(s.length() - 1);
      unit = last == 'K' ? 1L << 10 : last == 'M' ? 1L << 20 : last == 'G' ? 1L << 30 : 1;
      if (unit != 1) {
        s = s.substring(0, s.length() - 1);
      }
    }
    long n;
    try {
      n = Long.parseLong(s) * unit;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a size (e.g. 65536, 64K, 1M)");
    }
    if (n < 8 * 1024 || n > 1L << 30) {
      throw new IllegalArgumentException("the heap must be between 8K and 1G");
    }
    return (int) n;
  }

  /** UTF-8 bytes from the VM to picocli's character writer (so tests can capture the output). */
  private static final class WriterOutputStream extends OutputStream {
    private final PrintWriter writer;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer in = ByteBuffer.allocate(8192);
    private final CharBuffer out = CharBuffer.allocate(8192);

    WriterOutputStream(PrintWriter writer) {
      this.writer = writer;
    }

    @Override
    public void write(int b) {
      if (!in.hasRemaining()) {
        drain();
      }
      in.put((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      for (int i = 0; i < len; i++) {
        write(b[off + i]);
      }
    }

    private void drain() {
      in.flip();
      decoder.decode(in, out, false);
      in.compact();
      out.flip();
      writer.append(out);
      out.clear();
    }

    @Override
    public void flush() {
      drain();
      writer.flush();
    }
  }
}
