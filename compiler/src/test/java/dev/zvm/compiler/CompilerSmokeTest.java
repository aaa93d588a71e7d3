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
}
