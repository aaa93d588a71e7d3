package dev.zvm.bytecode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RoundTripTest {

  @Test
  void aSmallImageReadsBackEqual() {
    Asm a = new Asm();
    int done = a.newLabel();
    a.op(Opcodes.LOAD_CONST, 0).op(Opcodes.STORE_GLOBAL, 0);
    a.op(Opcodes.LOAD_GLOBAL, 0).jump(Opcodes.POP_JUMP_IF_FALSE, done);
    a.op(Opcodes.LOAD_BUILTIN, 0).op(Opcodes.LOAD_CONST, 1).op(Opcodes.CALL, 1).op(Opcodes.POP_TOP);
    a.bind(done).op(Opcodes.LOAD_NONE).op(Opcodes.RETURN_VALUE);
    Image image = TestImages.main(a.build(), 2);
    byte[] bytes = ImageWriter.write(image);
    Image back = ImageReader.read(bytes);
    assertEquals(image, back);
    assertArrayEquals(bytes, ImageWriter.write(back));
  }
}
