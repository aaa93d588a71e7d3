package dev.zvm.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisassemblerTest {

  private static String golden(String name) throws IOException {
    try (InputStream in = DisassemblerTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void goldenOutputForTheSampleImage() throws IOException {
    String actual = Disassembler.disassemble(TestImages.sample());
    assertEquals(golden("sample.dis"), actual, () -> "actual output:\n" + actual);
  }

  @Test
  void oneCodeObjectAlone() {
    String f = Disassembler.disassembleCode(TestImages.sample(), 2);
    assertTrue(f.startsWith("code 2 f: function body of module 0 (__main__)\n"), f);
    assertTrue(f.contains("FOR_ITER            28 (to 28)\n"), f);
  }

  @Test
  void aBrokenImageStillPrints() {
    List<CodeObject> codes = new ArrayList<>(TestImages.sample().codes());
    codes.set(0, TestImages.module(0, new Asm().op(Opcodes.LOAD_CONST, 9).op(Opcodes.JUMP, 900)
        .raw(0xFF, Opcodes.LOAD_CONST).build(), 1).build());
    String text = Disassembler.disassemble(TestImages.image(codes));
    assertTrue(text.contains("LOAD_CONST          9 (?)"), text);
    assertTrue(text.contains("JUMP                900 (to 900)"), text);
    assertTrue(text.contains(".byte 0xff\n"), text);
    assertTrue(text.contains(".byte 0x07 (LOAD_CONST, truncated)"), text);
  }

  @Test
  void everyRandomImageDisassembles() {
    for (long seed : Arrays.copyOf(RoundTripTest.seeds(), 60)) {
      Image image = RandomImages.generate(seed);
      String text = Disassembler.disassemble(image);
      for (int i = 0; i < image.codes().size(); i++) {
        assertTrue(text.contains("\ncode " + i + " "), "seed " + seed + " code " + i);
      }
    }
  }

  @Test
  void reprEscapesLikePythonAscii() {
    assertEquals("'it\\'s\\n\\x00\\xe9\\u20ac\\ud800'",
        Disassembler.repr("it's\n\u0000\u00e9\u20ac\ud800"));
    assertTrue(Disassembler.repr("x".repeat(100)).endsWith("'...(100 chars)"));
  }
}
