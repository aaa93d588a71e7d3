package dev.zvm.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every program of the integration-tests corpus (a {@code NAME.py}, or a folder with a {@code
 * main.py}) compiles to a verified image. The corpus lives in the integration-tests module; this
 * test reads it from the source tree so that a compiler change is checked against it at once.
 */
class CorpusSmokeTest {
  static final Path ROOT = Path.of("../integration-tests/src/test/resources");

  static List<Path> programs() throws IOException {
    List<Path> out = new ArrayList<>();
    for (String dir : List.of("programs", "programs-zvm")) {
      Path d = ROOT.resolve(dir);
      if (!Files.isDirectory(d)) {
        continue;
      }
      try (Stream<Path> s = Files.list(d)) {
        for (Path p : s.sorted().toList()) {
          if (Files.isDirectory(p) && Files.exists(p.resolve("main.py"))) {
            out.add(p.resolve("main.py"));
          } else if (p.toString().endsWith(".py")) {
            out.add(p);
          }
        }
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusProgramCompiles() throws IOException {
    List<Path> programs = programs();
    Assumptions.assumeTrue(!programs.isEmpty(), "no corpus in " + ROOT.toAbsolutePath());
    return programs.stream().map(p -> DynamicTest.dynamicTest(ROOT.relativize(p).toString(), () -> {
      Compilation r = Programs.COMPILER.compile(p);
      assertTrue(r.ok(), r::formatDiagnostics);
      Programs.checked(r.image());
    }));
  }
}
