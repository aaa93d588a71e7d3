package dev.zvm.compiler;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zvm.bytecode.ImageReader;
import dev.zvm.bytecode.ImageWriter;
import dev.zvm.bytecode.Verifier;
import org.junit.jupiter.api.Test;

class CompilerSmokeTest {

  static Compilation compile(String src) {
    Compilation r = Compiler.builder().build().compileSource("test.py", src);
    if (r.ok()) {
      Verifier.verify(r.image());
      ImageReader.read(ImageWriter.write(r.image()));
    }
    return r;
  }

  @Test
  void simpleProgramCompilesAndVerifies() {
    Compilation r = compile("""
        x = 1 + 2 * 3
        def f(a, b=2):
            return a + b
        i = 0
        while i < 3:
            if i == 1:
                print("one")
            else:
                print(i, f(i))
            i += 1
        """);
    assertTrue(r.ok(), r::formatDiagnostics);
  }

  @Test
  void syntaxErrorIsADiagnostic() {
    Compilation r = compile("x = (1 +\n");
    assertFalse(r.ok());
    assertTrue(r.formatDiagnostics().startsWith("test.py:1:5: '(' was never closed"), r.formatDiagnostics());
  }

  @Test
  void badApiInputsAreDiagnosticsToo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    Compiler c = Compiler.builder().build();
    assertFalse(c.compile(null).ok());
    assertFalse(c.compileSource("x.py", null).ok());
    assertTrue(c.compileSource(null, "print(1)").ok(), "a missing name is only a display name");
    Compilation d = c.compile(dir);
    assertFalse(d.ok());
    assertTrue(d.formatDiagnostics().contains("cannot read the file"), d.formatDiagnostics());
    java.nio.file.Path latin1 = dir.resolve("latin1.py");
    java.nio.file.Files.write(latin1, new byte[] {'x', '=', '\'', (byte) 0xe9, '\'', '\n'});
    Compilation l = c.compile(latin1);
    assertFalse(l.ok());
    assertTrue(l.formatDiagnostics().contains("not valid UTF-8"), l.formatDiagnostics());
    assertTrue(c.compileSource("bom.py", "\uFEFFprint(1)\r\nprint(2)\r").ok(), "BOM and CR line ends");
  }
}
