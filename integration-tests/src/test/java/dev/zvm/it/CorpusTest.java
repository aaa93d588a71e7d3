package dev.zvm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zvm.compiler.Compilation;
import dev.zvm.compiler.Compiler;
import dev.zvm.vm.RunResult;
import dev.zvm.vm.Vm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus: every program under {@code programs/} (CPython's output) and {@code programs-zvm/}
 * (Zerynth-only constructs, output written by hand) is compiled and run on a fresh VM; its stdout
 * must equal the expected file byte for byte and it must end without an exception. A folder is a
 * multi-file program: {@code main.py} with its folder as the module search path.
 */
class CorpusTest {

  private static Path resources() {
    Path here = Path.of("").toAbsolutePath();
    Path it = Files.exists(here.resolve("integration-tests")) ? here.resolve("integration-tests") : here;
    return it.resolve("src/test/resources");
  }

  @TestFactory
  Stream<DynamicTest> cpythonPrograms() {
    return programs(resources().resolve("programs"));
  }

  @TestFactory
  Stream<DynamicTest> zerynthPrograms() {
    return programs(resources().resolve("programs-zvm"));
  }

  /** Both corpora again with every code object compiled at its first run (Vm.Builder#jitThreshold). */
  @TestFactory
  Stream<DynamicTest> compiledPrograms() {
    return Stream.concat(
        programs(resources().resolve("programs"), 1), programs(resources().resolve("programs-zvm"), 1));
  }

  private static Stream<DynamicTest> programs(Path dir) {
    return programs(dir, -1);
  }

  /** jitThreshold -1: the VM's default. */
  private static Stream<DynamicTest> programs(Path dir, int jitThreshold) {
    List<Path> entries;
    try (Stream<Path> s = Files.list(dir)) {
      entries = s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries.stream()
        .filter(p -> Files.isDirectory(p) || p.toString().endsWith(".py"))
        .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> runOne(p, jitThreshold)));
  }

  private static void runOne(Path p, int jitThreshold) throws IOException {
    Path main = Files.isDirectory(p) ? p.resolve("main.py") : p;
    Path exp = Files.isDirectory(p) ? p.resolve("main.exp") : Path.of(p.toString().replaceAll("\\.py$", ".exp"));
    List<Path> search = Files.isDirectory(p) ? List.of(p) : List.of();
    Compilation c = Compiler.builder().searchPath(search).build().compile(main);
    assertTrue(c.ok(), () -> "compile error:\n" + c.formatDiagnostics());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Vm.Builder b = Vm.builder().stdout(new PrintStream(out, true, StandardCharsets.UTF_8));
    if (jitThreshold >= 0) {
      b.jitThreshold(jitThreshold).compileInBackground(false);
    }
    Vm vm = b.build();
    vm.load(c.image());
    RunResult r = vm.run();
    String got = out.toString(StandardCharsets.UTF_8);
    assertTrue(r.ok(), () -> "uncaught exception after output:\n" + got + "\n" + r.exception().traceback());
    assertEquals(Files.readString(exp), got);
    if (jitThreshold == 1) {
      assertTrue(vm.stats().compiledCodes() > 0, "nothing was compiled");
    }
  }
}
