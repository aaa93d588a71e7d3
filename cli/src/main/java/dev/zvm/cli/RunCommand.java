package dev.zvm.cli;

import dev.zvm.compiler.Compilation;
import dev.zvm.compiler.Compiler;
import dev.zvm.vhal.virtual.Stimulus;
import dev.zvm.vhal.virtual.StimulusException;
import dev.zvm.vhal.virtual.VcdRecorder;
import dev.zvm.vhal.virtual.VirtualBoard;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zvm run app.py|app.zimg [--heap SIZE] [-I dir]... [--virtual-time] [--until TIME]
 * [--stimulus stim.txt] [--trace out.vcd] [--stats]}: compiles a {@code .py} (modules are found in
 * its folder, then the {@code -I} folders, then the bundled stdlib) or reads an image, and runs it
 * on a VM with a heap of SIZE bytes against the virtual board. The program's output goes to stdout.
 *
 * <p>{@code --virtual-time} runs it on simulated time (each safe point costs
 * {@code --safe-point-cost} ns, or each opcode {@code --opcode-cost} ns; an idle VM jumps to its
 * next deadline), so the same program and stimulus give the same output and trace every time.
 * {@code --until} stops a program that runs for ever at that time of the VM's clock.
 * {@code --stimulus} schedules board inputs from a file (vhal's format); {@code --trace} records
 * every pin, PWM and ADC change into a VCD file.
 *
 * <p>Exit 0 when the program ends normally or {@code --until} stops it; 1 for a compile error (the
 * compiler's diagnostics on stderr), a bad image or stimulus, or an uncaught Python exception in the
 * main thread (its traceback on stderr; other threads' are printed as they happen); 2 for a usage
 * error. {@code --stats} prints the opcode count, the heap figures, the GC pause table, the thread
 * switches and the interrupt figures on stderr at the end.
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

  @Option(names = "--stats", description = "print opcodes executed, heap figures, GC pauses and interrupt figures at the end")
  boolean stats;

  @Option(names = "--jit", paramLabel = "ENTRIES",
      description = "compile a code object to a JVM method after this many entries into its fast loop; 0: never (default 1000)")
  int jitThreshold = 1000;

  @Option(names = "--virtual-time", description = "run on simulated time: deterministic, idle time is skipped")
  boolean virtualTime;

  @Option(names = "--safe-point-cost", paramLabel = "NS",
      description = "with --virtual-time: ns of simulated time per safe point (default 1000)")
  long safePointCost = 1000;

  @Option(names = "--opcode-cost", paramLabel = "NS",
      description = "with --virtual-time: charge ns per opcode instead of per safe point")
  Long opcodeCost;

  @Option(names = "--until", paramLabel = "TIME",
      description = "stop at this time of the VM's clock (e.g. 10s, 250ms, 1.5s), exit 0")
  String until;

  @Option(names = "--stimulus", paramLabel = "FILE", description = "board inputs scheduled in time (e.g. 250ms BTN0 fall)")
  Path stimulus;

  @Option(names = "--trace", paramLabel = "FILE", description = "write every pin, PWM and ADC change to a VCD file")
  Path trace;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    int heapBytes;
    try {
      heapBytes = parseSize(heap);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--heap " + heap + ": " + e.getMessage());
    }
    Duration limit = null;
    if (until != null) {
      try {
        limit = parseDuration(until);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--until " + until + ": " + e.getMessage());
      }
    }
    if (!virtualTime && opcodeCost != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--opcode-cost needs --virtual-time");
    }
    if (jitThreshold < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--jit must be >= 0");
    }
    if (safePointCost < 0 || (opcodeCost != null && opcodeCost < 0)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "a cost must be >= 0 ns");
    }
    PrintStream stderr = new PrintStream(new WriterOutputStream(err), true, StandardCharsets.UTF_8);
    VcdRecorder vcd = null;
    try {
      Vm.Builder b = Vm.builder().heapBytes(heapBytes).searchPath(includes)
          .stdout(new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true, StandardCharsets.UTF_8))
          .stderr(stderr).jitThreshold(jitThreshold);
      if (virtualTime) {
        if (opcodeCost != null) {
          b.virtualTimePerOpcode(opcodeCost);
        } else {
          b.virtualTime(safePointCost);
        }
      }
      Vm vm = b.build();
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
      VirtualBoard board = (VirtualBoard) vm.board();
      if (stimulus != null) {
        board.schedule(Stimulus.read(stimulus, board.definition()));
      }
      if (trace != null) {
        vcd = VcdRecorder.start(board, trace);
      }
      RunResult r = limit == null ? vm.run() : vm.runFor(limit);
      if (vcd != null) {
        vcd.close();
        vcd = null;
      }
      spec.commandLine().getOut().flush();
      stderr.flush();
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
    } catch (StimulusException e) {
      err.print(e.getMessage().endsWith("\n") ? e.getMessage() : e.getMessage() + "\n");
    } catch (NoSuchFileException e) {
      err.println("zvm run: " + e.getFile() + ": no such file");
    } catch (IOException e) {
      err.println("zvm run: " + file + ": cannot read: " + e.getMessage());
    } finally {
      if (vcd != null) {
        try {
          vcd.close();
        } catch (IOException e) {
          err.println("zvm run: " + trace + ": " + e.getMessage());
        }
      }
    }
    err.flush();
    return 1;
  }

  /** "10s", "250ms", "1.5s", "100us", "20ns", "2m" (minutes), "1h": a whole number of nanoseconds. */
  static Duration parseDuration(String text) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*(ns|us|µs|ms|s|m|h)").matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("write a number and a unit (ns, us, ms, s, m or h), e.g. 10s or 250ms");
    }
    long per = switch (m.group(2)) {
      case "ns" -> 1L;
      case "us", "µs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      default -> 3_600_000_000_000L;
    };
    java.math.BigDecimal nanos = new java.math.BigDecimal(m.group(1)).multiply(java.math.BigDecimal.valueOf(per));
    try {
      return Duration.ofNanos(nanos.longValueExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("not a whole number of nanoseconds, or too long");
    }
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
