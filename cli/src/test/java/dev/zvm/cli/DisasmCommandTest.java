package dev.zvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zvm.bytecode.CodeObject;
import dev.zvm.bytecode.Constant;
import dev.zvm.bytecode.ExceptionTree;
import dev.zvm.bytecode.Image;
import dev.zvm.bytecode.ImageFormat;
import dev.zvm.bytecode.ImageWriter;
import dev.zvm.bytecode.Opcodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisasmCommandTest {

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    String[] r = Cli.run(args);
    return new Run(Integer.parseInt(r[0]), r[1], r[2]);
  }

  /** A one-module image whose body prints the constant 'hello' through builtin 0 (print). */
  private static byte[] image() {
    List<String> names = new ArrayList<>();
    List<Image.ExceptionClass> tree = new ArrayList<>();
    for (ExceptionTree.Entry e : ExceptionTree.BUILTINS) {
      tree.add(new Image.ExceptionClass(names.size(), e.parent(), null));
      names.add(e.name());
    }
    int main = names.size();
    names.add("__main__");
    names.add("print");
    byte[] code = {
      (byte) Opcodes.LOAD_BUILTIN, 0, 0,
      (byte) Opcodes.LOAD_CONST, 0, 0,
      (byte) Opcodes.CALL, 1,
      (byte) Opcodes.POP_TOP,
      (byte) Opcodes.LOAD_NONE,
      (byte) Opcodes.RETURN_VALUE
    };
    CodeObject body = new CodeObject(main, 0, CodeObject.KIND_MODULE, 0, 0, 0, 0, new int[0],
        new int[0], 0, 2, new int[] {0}, code, new int[] {0, 1}, new CodeObject.Handler[0]);
    Image image = new Image(0, names, List.of(new Constant.Str("hello")), List.of(body),
        List.of(new Image.Module(main, "app.py", 0, new int[] {main + 1})), 0, tree, List.of(),
        List.of());
    return ImageWriter.write(image);
  }

  private Path file(byte[] bytes) throws IOException {
    Path p = dir.resolve("app.zimg");
    Files.write(p, bytes);
    return p;
  }

  private static void assertNoStackTrace(Run r) {
    assertFalse(r.err.contains("\tat "), r.err);
    assertFalse(r.err.contains("Exception"), r.err);
  }

  @Test
  void printsAGoodImage() throws IOException {
    Run r = run("disasm", file(image()).toString());
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("module 0 __main__ (app.py): body code 0"), r.out);
    assertTrue(r.out.contains("LOAD_BUILTIN        0 (print)"), r.out);
    assertTrue(r.out.contains("LOAD_CONST          0 ('hello')"), r.out);
    assertEquals("", r.err);
  }

  @Test
  void printsOneCodeObject() throws IOException {
    Run r = run("disasm", "--code", "0", file(image()).toString());
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.startsWith("code 0 __main__: module body"), r.out);
    Run bad = run("disasm", "--code", "3", file(image()).toString());
    assertEquals(2, bad.code);
    assertTrue(bad.err.contains("--code 3 out of range: the image has 1 code objects"), bad.err);
  }

  @Test
  void aBitFlipIsABadImage() throws IOException {
    byte[] b = image();
    b[b.length / 2] ^= 4;
    Run r = run("disasm", file(b).toString());
    assertEquals(1, r.code);
    assertTrue(r.err.startsWith("zvm disasm: "), r.err);
    assertTrue(r.err.contains("app.zimg: bad image: CRC mismatch"), r.err);
    assertEquals("", r.out);
    assertNoStackTrace(r);
  }

  @Test
  void aTruncatedImageIsABadImage() throws IOException {
    byte[] b = image();
    Run r = run("disasm", file(Arrays.copyOf(b, b.length - 3)).toString());
    assertEquals(1, r.code);
    assertTrue(r.err.contains("bad image: truncated"), r.err);
    assertNoStackTrace(r);
  }

  @Test
  void aVerifierErrorNamesTheCodeAndPc() throws IOException {
    byte[] b = image();
    // Turn CALL's count 1 into 3: the call pops more than the stack holds.
    for (int i = 0; i + 1 < b.length; i++) {
      if (b[i] == (byte) Opcodes.CALL && b[i + 1] == 1 && b[i + 2] == (byte) Opcodes.POP_TOP) {
        b[i + 1] = 3;
      }
    }
    ImageFormat.sealCrc(b);
    Run r = run("disasm", file(b).toString());
    assertEquals(1, r.code);
    assertTrue(r.err.contains(
        "bad image: code 0 '__main__', pc 6 CALL: stack underflow: pops 4 with depth 2"), r.err);
    assertNoStackTrace(r);
  }

  @Test
  void aMissingFileIsAnInputError() {
    Run r = run("disasm", dir.resolve("nope.zimg").toString());
    assertEquals(1, r.code);
    assertTrue(r.err.contains("nope.zimg: no such file"), r.err);
    assertNoStackTrace(r);
  }

  @Test
  void aDirectoryIsAnInputError() {
    Run r = run("disasm", dir.toString());
    assertEquals(1, r.code);
    assertTrue(r.err.contains("cannot read"), r.err);
  }

  @Test
  void noImageIsAUsageError() {
    Run r = run("disasm");
    assertEquals(2, r.code);
    assertTrue(r.err.contains("Missing required parameter: 'IMAGE'"), r.err);
  }
}
