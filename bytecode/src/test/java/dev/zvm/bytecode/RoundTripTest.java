package dev.zvm.bytecode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Write, read, verify: an image comes back equal, and its bytes are stable. */
class RoundTripTest {

  static long[] seeds() {
    long[] seeds = new long[300];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = 0x5EED_0000L + i;
    }
    return seeds;
  }

  private static void assertRoundTrip(Image image, String context) {
    byte[] bytes = ImageWriter.write(image);
    Image back = ImageReader.read(bytes);
    assertEquals(image, back, context);
    assertArrayEquals(bytes, ImageWriter.write(back), context + ": writing is deterministic");
  }

  @Test
  void aSmallHandBuiltImage() {
    Asm a = new Asm();
    int done = a.newLabel();
    a.op(Opcodes.LOAD_CONST, 0).op(Opcodes.STORE_GLOBAL, 0);
    a.op(Opcodes.LOAD_GLOBAL, 0).jump(Opcodes.POP_JUMP_IF_FALSE, done);
    a.op(Opcodes.LOAD_BUILTIN, 0).op(Opcodes.LOAD_CONST, 1).op(Opcodes.CALL, 1).op(Opcodes.POP_TOP);
    a.bind(done).op(Opcodes.LOAD_NONE).op(Opcodes.RETURN_VALUE);
    assertRoundTrip(TestImages.main(a.build(), 2), "hand-built");
  }

  @Test
  void everyConstantKindIncludingAwkwardValues() {
    List<Constant> pool = List.of(
        new Constant.Int(Long.MIN_VALUE), new Constant.Int(Long.MAX_VALUE), new Constant.Int(-1),
        new Constant.Float(-0.0), new Constant.Float(Double.NaN),
        new Constant.Float(Double.longBitsToDouble(0x7FF8_0000_0000_0001L)),
        new Constant.Float(Double.NEGATIVE_INFINITY), new Constant.Float(Double.MIN_VALUE),
        new Constant.Str(""), new Constant.Str("\ud800 lone, \udc00 lone, \ud83d\ude00 pair"),
        new Constant.Str("\u0000\u00ff\u07ff\u0800\uffff"), new Constant.Bytes(new byte[0]),
        new Constant.Bytes(new byte[] {-1, 0, 127, -128}));
    Image base = TestImages.main(new Asm().op(Opcodes.LOAD_NONE).op(Opcodes.RETURN_VALUE).build(),
        1);
    Image image = new Image(0, base.names(), pool, base.codes(), base.modules(), 1,
        base.exceptions(), List.of(), List.of(new Image.Resource("", new byte[0])));
    assertRoundTrip(image, "constants");
    Image back = ImageReader.read(ImageWriter.write(image));
    assertEquals(0x7FF8_0000_0000_0001L,
        Double.doubleToRawLongBits(((Constant.Float) back.constants().get(5)).value()),
        "a NaN keeps its payload bits");
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void seededRandomImages(long seed) {
    Image image = RandomImages.generate(seed);
    try {
      Verifier.verify(image);
    } catch (BadImageException e) {
      throw new AssertionError("seed " + seed + ": the generator built a bad image: "
          + e.getMessage() + "\n" + Disassembler.disassemble(image), e);
    }
    assertRoundTrip(image, "seed " + seed);
  }

  @Test
  void theGeneratorCoversTheOpcodeTable() {
    boolean[] seen = new boolean[Opcodes.COUNT];
    for (long seed : seeds()) {
      for (CodeObject c : RandomImages.generate(seed).codes()) {
        for (int pc = 0; pc < c.code().length; pc += Opcodes.size(c.code()[pc] & 0xFF)) {
          seen[c.code()[pc] & 0xFF] = true;
        }
      }
    }
    StringBuilder missing = new StringBuilder();
    for (int op = 0; op < Opcodes.COUNT; op++) {
      if (Opcodes.isDefined(op) && !seen[op]) {
        missing.append(' ').append(Opcodes.name(op));
      }
    }
    assertTrue(missing.length() == 0, "never generated:" + missing);
  }
}
