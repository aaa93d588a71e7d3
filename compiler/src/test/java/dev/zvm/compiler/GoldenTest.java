package dev.zvm.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zvm.bytecode.Disassembler;
import dev.zvm.bytecode.Image;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden disassembly: each {@code golden/NAME.py} compiles to exactly the code in {@code
 * NAME.dis} (the main module's code objects, with builtins shown by name only, so that editing
 * {@code __builtins__.py} does not churn these files). After a deliberate change to code generation,
 * regenerate with {@code mvn -pl compiler test -Dtest=GoldenTest -Dzvm.golden.update=true} and
 * review the diff.
 */
class GoldenTest {
  static final List<String> PROGRAMS =
      List.of("hello", "control", "functions", "classes", "exceptions", "comprehensions");

  static String read(String name) throws IOException {
    try (InputStream in = GoldenTest.class.getResourceAsStream("golden/" + name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static String disassembleMain(Image image) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < image.codes().size(); i++) {
      if (image.codes().get(i).module() == 0) {
        b.append(Disassembler.disassembleCode(image, i)).append('\n');
      }
    }
    // a builtin's slot depends on __builtins__.py, which other work edits: show only its name
    return b.toString().replaceAll("LOAD_BUILTIN( +)\\d+ \\(", "LOAD_BUILTIN$1# (");
  }

  @TestFactory
  Stream<DynamicTest> disassemblyMatches() {
    boolean update = Boolean.getBoolean("zvm.golden.update");
    return PROGRAMS.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      String src = read(name + ".py");
      assertNotNull(src, name + ".py");
      Compilation r = Programs.COMPILER.compileSource(name + ".py", src);
      assertTrue(r.ok(), r::formatDiagnostics);
      String got = disassembleMain(Programs.checked(r.image()));
      if (update) {
        Files.writeString(Path.of("src/test/resources/dev/zvm/compiler/golden/" + name + ".dis"), got);
        return;
      }
      String want = read(name + ".dis");
      assertNotNull(want, name + ".dis is missing: run with -Dzvm.golden.update=true");
      assertEquals(want, got, name);
    }));
  }
}
