package dev.zvm.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.zvm.bytecode.CodeObject;
import dev.zvm.bytecode.Disassembler;
import dev.zvm.bytecode.Image;
import dev.zvm.bytecode.ImageReader;
import dev.zvm.bytecode.ImageWriter;
import dev.zvm.bytecode.Opcodes;
import dev.zvm.bytecode.Verifier;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: compile a snippet (always verifying the image), look at its code. */
final class Programs {
  private Programs() {}

  static final Compiler COMPILER = Compiler.builder().build();

  /** Compiles {@code src} as test.py; the image, verified and round-tripped, or a failure. */
  static Image image(String src) {
    Compilation r = COMPILER.compileSource("test.py", src);
    if (!r.ok()) {
      fail("did not compile:\n" + r.formatDiagnostics());
    }
    return checked(r.image());
  }

  /** Verifies an image and checks that it survives writing and reading. */
  static Image checked(Image image) {
    Verifier.verify(image);
    Image back = ImageReader.read(ImageWriter.write(image));
    assertTrue(back.codes().size() == image.codes().size());
    return image;
  }

  /** The diagnostics for {@code src}, each as "line:col: message". */
  static List<String> errors(String src) {
    Compilation r = COMPILER.compileSource("test.py", src);
    List<String> out = new ArrayList<>();
    for (Diagnostic d : r.diagnostics()) {
      out.add(d.line() + ":" + d.col() + ": " + d.message());
    }
    if (r.ok()) {
      checked(r.image());
    }
    return out;
  }

  static int codeIndex(Image image, String name) {
    for (int i = 0; i < image.codes().size(); i++) {
      if (image.name(image.codes().get(i).nameId()).equals(name)) {
        return i;
      }
    }
    return -1;
  }

  static CodeObject code(Image image, String name) {
    int i = codeIndex(image, name);
    if (i < 0) {
      fail("no code object named " + name);
    }
    return image.codes().get(i);
  }

  /** The opcode names of code object {@code name}, space separated. */
  static String ops(Image image, String name) {
    CodeObject c = code(image, name);
    StringBuilder b = new StringBuilder();
    byte[] code = c.code();
    for (int pc = 0; pc < code.length; pc += Opcodes.size(code[pc] & 0xFF)) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(Opcodes.name(code[pc] & 0xFF));
    }
    return b.toString();
  }

  static String dis(Image image, String name) {
    return Disassembler.disassembleCode(image, codeIndex(image, name));
  }
}
