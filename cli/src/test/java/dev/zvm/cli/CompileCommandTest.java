package dev.zvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zvm.bytecode.ImageReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileCommandTest {

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    String[] r = Cli.run(args);
    return new Run(Integer.parseInt(r[0]), r[1], r[2]);
  }

  @Test
  void compilesToAVerifiedImageNextToTheSource() throws Exception {
    Path app = dir.resolve("app.py");
    Files.writeString(app, "def used():\n    return 1\ndef unused():\n    return 2\nprint(used())\n");
    Run r = run("compile", app.toString());
    assertEquals(0, r.code(), r.err());
    Path image = dir.resolve("app.zimg");
    assertTrue(Files.exists(image));
    ImageReader.read(Files.readAllBytes(image)); // reads and verifies
    assertTrue(r.out().contains(Files.size(image) + " bytes"), r.out());
    // one more code object dropped than without unused() (the builtins' Python code drops too)
    Files.writeString(dir.resolve("base.py"), "def used():\n    return 1\nprint(used())\n");
    Run base = run("compile", dir.resolve("base.py").toString());
    assertEquals(dropped(base.out()) + 1, dropped(r.out()), r.out());
  }

  private static int dropped(String out) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("dropped: (\\d+) code objects").matcher(out);
    assertTrue(m.find(), out);
    return Integer.parseInt(m.group(1));
  }

  @Test
  void outputIncludePathsAndStrippedNames() throws Exception {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    Files.writeString(lib.resolve("helper.py"), "def twice(x):\n    return 2 * x\n");
    Path app = dir.resolve("main.py");
    Files.writeString(app, "import helper\nprint(helper.twice(21))\n");
    Path out = dir.resolve("out.zimg");
    Run plain = run("compile", app.toString(), "-o", out.toString(), "-I", lib.toString());
    assertEquals(0, plain.code(), plain.err());
    long full = Files.size(out);
    Run stripped = run("compile", app.toString(), "-o", out.toString(), "-I", lib.toString(),
        "--strip-names");
    assertEquals(0, stripped.code(), stripped.err());
    assertTrue(Files.size(out) < full, "stripping names makes the image smaller");
    ImageReader.read(Files.readAllBytes(out));
  }

  @Test
  void compileErrorsGoToStderrWithExitCode1() throws Exception {
    Path app = dir.resolve("bad.py");
    Files.writeString(app, "x = 1 +\ny = )\n");
    Run r = run("compile", app.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith(app + ":1:8: invalid syntax\nx = 1 +\n       ^\n"), r.err());
    assertTrue(r.err().contains(app + ":2:5: unmatched ')'\ny = )\n    ^\n"), r.err());
    assertFalse(Files.exists(dir.resolve("bad.zimg")));
  }

  @Test
  void missingFileIsAnErrorNotAStackTrace() {
    Run r = run("compile", dir.resolve("nope.py").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("cannot read the file"), r.err());
    assertFalse(r.err().contains("Exception\n\tat "), r.err());
  }

  @Test
  void missingArgumentIsAUsageError() {
    assertEquals(2, run("compile").code());
  }
}
