package dev.zvm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zvm.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Programs of the kinds Zerynth ships (blink, threads, interrupts, timers, a queue, exceptions,
 * PWM, ADC, serial, a sensor-driven blink), written for zvm, under {@code board/}. Each runs through
 * {@code zvm run --virtual-time} in-process, with the extra arguments of its {@code # run:} line
 * (e.g. {@code --until 3s}), its {@code .stim} stimulus if it has one, and {@code --trace} if it has
 * an expected {@code .vcd}. Its stdout must equal its {@code .out} and its trace its {@code .vcd},
 * byte for byte; stderr must be empty and the exit code 0. Each runs twice: virtual time makes the
 * second run identical to the first.
 */
class BoardProgramsTest {
  @TempDir Path tmp;

  private static Path board() {
    Path here = Path.of("").toAbsolutePath();
    Path it = Files.exists(here.resolve("integration-tests")) ? here.resolve("integration-tests") : here;
    return it.resolve("src/test/resources/board");
  }

  @TestFactory
  Stream<DynamicTest> boardPrograms() throws IOException {
    List<Path> programs;
    try (Stream<Path> s = Files.list(board())) {
      programs = s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
    }
    return programs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> runTwice(p)));
  }

  private void runTwice(Path program) throws IOException {
    String base = program.getFileName().toString().replaceAll("\\.py$", "");
    Path expectedOut = program.resolveSibling(base + ".out");
    Path expectedVcd = program.resolveSibling(base + ".vcd");
    for (int run = 1; run <= 2; run++) {
      Path trace = tmp.resolve(base + "-" + run + ".vcd");
      String[] r = zvmRun(program, Files.exists(expectedVcd) ? trace : null);
      String where = base + " (run " + run + ")";
      assertEquals("0", r[0], () -> where + " exit code; stderr:\n" + r[2]);
      assertEquals("", r[2], () -> where + " wrote on stderr");
      assertEquals(Files.readString(expectedOut), r[1], () -> where + " stdout");
      if (Files.exists(expectedVcd)) {
        assertEquals(Files.readString(expectedVcd), Files.readString(trace), () -> where + " trace");
      }
    }
  }

  /** {@code zvm run} in-process: exit code, stdout, stderr. */
  private static String[] zvmRun(Path program, Path trace) {
    List<String> args = new ArrayList<>(List.of("run", program.toString(), "--virtual-time"));
    args.addAll(runLine(program));
    Path stim = program.resolveSibling(program.getFileName().toString().replaceAll("\\.py$", ".stim"));
    if (Files.exists(stim)) {
      args.add("--stimulus");
      args.add(stim.toString());
    }
    if (trace != null) {
      args.add("--trace");
      args.add(trace.toString());
    }
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args.toArray(String[]::new));
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  /** The arguments on the program's {@code # run:} line, if any. */
  private static List<String> runLine(Path program) {
    try {
      for (String line : Files.readAllLines(program)) {
        if (line.startsWith("# run:")) {
          return List.of(line.substring("# run:".length()).trim().split("\\s+"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.of();
  }
}
