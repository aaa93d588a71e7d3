package dev.zvm.vm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * HotSpot does not JIT-compile a method whose bytecode exceeds 8000 bytes ({@code
 * HugeMethodLimit}); the dispatch loop must stay under it. A tiny class-file reader finds the
 * length of {@code Interpreter.execute}'s Code attribute.
 */
class DispatchSizeTest {
  static final int HUGE_METHOD_LIMIT = 8000;

  @Test
  void theDispatchLoopStaysUnderHugeMethodLimit() throws IOException {
    int size = codeLength(Interpreter.class, "execute");
    assertTrue(size > 1000, "execute not found or implausibly small: " + size);
    assertTrue(size < HUGE_METHOD_LIMIT, "Interpreter.execute is " + size + " bytes of bytecode");
  }

  /** The fast loop too: a method over the limit is never compiled, and it would run interpreted. */
  @Test
  void theFastLoopStaysUnderHugeMethodLimit() throws IOException {
    int size = codeLength(Interpreter.class, "fast");
    assertTrue(size > 1000, "fast not found or implausibly small: " + size);
    assertTrue(size < HUGE_METHOD_LIMIT, "Interpreter.fast is " + size + " bytes of bytecode");
  }

  /** Bytes of bytecode of the method {@code name} (the first with that name) of {@code c}. */
  static int codeLength(Class<?> c, String name) throws IOException {
    try (InputStream raw = c.getResourceAsStream(c.getSimpleName() + ".class");
        DataInputStream in = new DataInputStream(raw)) {
      in.readInt(); // magic
      in.readUnsignedShort();
      in.readUnsignedShort();
      int count = in.readUnsignedShort();
      String[] utf8 = new String[count];
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> utf8[i] = in.readUTF();
          case 3, 4 -> in.readInt();
          case 5, 6 -> {
            in.readLong();
            i++;
          }
          case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
          case 9, 10, 11, 12, 17, 18 -> in.readInt();
          case 15 -> {
            in.readUnsignedByte();
            in.readUnsignedShort();
          }
          default -> throw new IOException("constant pool tag " + tag);
        }
      }
      in.readUnsignedShort();
      in.readUnsignedShort();
      in.readUnsignedShort();
      int interfaces = in.readUnsignedShort();
      in.skipBytes(2 * interfaces);
      int fields = in.readUnsignedShort();
      for (int i = 0; i < fields; i++) {
        in.skipBytes(6);
        skipAttributes(in);
      }
      int methods = in.readUnsignedShort();
      for (int i = 0; i < methods; i++) {
        in.readUnsignedShort();
        String methodName = utf8[in.readUnsignedShort()];
        in.readUnsignedShort();
        int attrs = in.readUnsignedShort();
        for (int a = 0; a < attrs; a++) {
          String attr = utf8[in.readUnsignedShort()];
          int len = in.readInt();
          if (attr.equals("Code") && methodName.equals(name)) {
            in.readUnsignedShort();
            in.readUnsignedShort();
            return in.readInt();
          }
          in.skipBytes(len);
        }
      }
      return -1;
    }
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int attrs = in.readUnsignedShort();
    for (int a = 0; a < attrs; a++) {
      in.readUnsignedShort();
      in.skipBytes(in.readInt());
    }
  }
}
