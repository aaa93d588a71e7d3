package dev.zvm.bytecode;

import static dev.zvm.bytecode.ImageFormat.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Bytes to image, in the layout {@link ImageFormat} draws, then the {@link Verifier}: an image
 * this returns is safe to run. Whatever the bytes, the only exception is {@link
 * BadImageException}: every length and count is checked against the bytes that are left before
 * anything is allocated, so a corrupt length field cannot exhaust memory.
 */
public final class ImageReader {
  private ImageReader() {}

  /**
   * Parses and verifies {@code bytes}.
   *
   * @throws BadImageException naming the first problem found and where it is
   */
  public static Image read(byte[] bytes) {
    Image image = parse(bytes);
    Verifier.verify(image);
    return image;
  }

  /** Parses the header, the CRC and the sections, without the semantic checks of the verifier. */
  static Image parse(byte[] bytes) {
    if (bytes == null) {
      throw new BadImageException("no image (null)");
    }
    int[] sizes = header(bytes);
    int at = HEADER_LENGTH;
    In[] in = new In[SECTION_COUNT];
    for (int s = 0; s < SECTION_COUNT; s++) {
      in[s] = new In(bytes, at, sizes[s], s);
      at += sizes[s];
    }
    List<String> names = names(in[SECTION_NAMES]);
    List<Constant> constants = constants(in[SECTION_CONSTANTS]);
    List<CodeObject> codes = codes(in[SECTION_CODES]);
    In m = in[SECTION_MODULES];
    int builtinsModule = m.u16("builtinsModule");
    List<Image.Module> modules = modules(m);
    List<Image.ExceptionClass> exceptions = exceptions(in[SECTION_EXCEPTIONS]);
    List<String> natives = natives(in[SECTION_NATIVES]);
    List<Image.Resource> resources = resources(in[SECTION_RESOURCES]);
    for (In s : in) {
      s.expectEnd();
    }
    int flags = ImageFormat.getU16(bytes, FLAGS_OFFSET);
    return new Image(
        flags, names, constants, codes, modules, builtinsModule, exceptions, natives, resources);
  }

  /** Checks magic, version, length and CRC; returns the section sizes. */
  private static int[] header(byte[] b) {
    if (b.length < HEADER_LENGTH) {
      throw new BadImageException(
          "truncated: " + b.length + " bytes, shorter than the " + HEADER_LENGTH + "-byte header");
    }
    int magic = getI32(b, MAGIC_OFFSET);
    if (magic != MAGIC) {
      throw new BadImageException(
          String.format("bad magic 0x%08x at byte 0: not a zvm image (expected 'ZVMI')", magic));
    }
    int version = getU16(b, VERSION_OFFSET);
    if (version != VERSION) {
      throw new BadImageException(
          "unsupported format version " + version + " (this reader reads version " + VERSION + ")");
    }
    long length = getI32(b, LENGTH_OFFSET) & 0xFFFF_FFFFL;
    if (length > b.length) {
      throw new BadImageException(
          "truncated: the header says " + length + " bytes, only " + b.length + " present");
    }
    if (length < b.length) {
      throw new BadImageException(
          "trailing bytes: the header says " + length + " bytes, " + b.length + " present");
    }
    int stored = getI32(b, CRC_OFFSET);
    int computed = crc(b, b.length);
    if (stored != computed) {
      throw new BadImageException(
          String.format(
              "CRC mismatch: the header says 0x%08x, the bytes give 0x%08x (corrupt image)",
              stored, computed));
    }
    int[] sizes = new int[SECTION_COUNT];
    long sum = HEADER_LENGTH;
    for (int s = 0; s < SECTION_COUNT; s++) {
      long size = getI32(b, sectionSizeOffset(s)) & 0xFFFF_FFFFL;
      sum += size;
      if (sum > length) {
        throw new BadImageException(
            "section sizes exceed the image: the "
                + sectionName(s)
                + " section ("
                + size
                + " bytes) ends past byte "
                + length);
      }
      sizes[s] = (int) size;
    }
    if (sum != length) {
      throw new BadImageException(
          "section sizes add up to " + sum + " bytes, the header says " + length);
    }
    return sizes;
  }

  private static List<String> names(In in) {
    int n = in.count(MIN_NAME_BYTES, "names");
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(in.str16(true, "name " + i));
    }
    return out;
  }

  private static List<Constant> constants(In in) {
    int n = in.count(MIN_CONSTANT_BYTES, "constants");
    List<Constant> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String what = "constant " + i;
      int tag = in.u8(what + " tag");
      switch (tag) {
        case TAG_INT -> out.add(new Constant.Int(in.i64(what)));
        case TAG_FLOAT -> out.add(new Constant.Float(Double.longBitsToDouble(in.i64(what))));
        case TAG_STR -> out.add(new Constant.Str(in.str32(false, what)));
        case TAG_BYTES -> out.add(new Constant.Bytes(in.blob(what)));
        default -> throw in.bad(what + " has unknown tag " + tag, -1);
      }
    }
    return out;
  }

  private static List<CodeObject> codes(In in) {
    int n = in.count(MIN_CODE_BYTES, "code objects");
    List<CodeObject> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String what = "code " + i;
      int nameId = in.u16(what);
      int module = in.u16(what);
      int kind = in.u8(what);
      int flags = in.u8(what);
      int argCount = in.u16(what);
      int kwOnlyCount = in.u16(what);
      int localCount = in.u16(what);
      int[] localNames = in.u16Array(localCount, what + " local names");
      int cellCount = in.u16(what);
      int[] cellLocals = in.u16Array(cellCount, what + " cells");
      for (int c = 0; c < cellCount; c++) {
        if (cellLocals[c] == NO_PARAMETER) {
          cellLocals[c] = -1;
        }
      }
      int freeCount = in.u16(what);
      int maxStack = in.u16(what);
      int constCount = in.count(4, what + " constants");
      int[] consts = new int[constCount];
      for (int k = 0; k < constCount; k++) {
        consts[k] = in.i32(what);
      }
      int codeLength = in.count(1, what + " instructions");
      byte[] code = in.bytes(codeLength);
      int lineCount = in.count(LINE_ENTRY_BYTES, what + " line table");
      int[] lines = new int[2 * lineCount];
      for (int l = 0; l < lineCount; l++) {
        lines[2 * l] = in.u16(what);
        lines[2 * l + 1] = in.i32(what);
      }
      int handlerCount = in.count(HANDLER_ENTRY_BYTES, what + " handlers");
      CodeObject.Handler[] handlers = new CodeObject.Handler[handlerCount];
      for (int h = 0; h < handlerCount; h++) {
        handlers[h] =
            new CodeObject.Handler(in.u16(what), in.u16(what), in.u16(what), in.u16(what));
      }
      out.add(
          new CodeObject(
              nameId,
              module,
              kind,
              flags,
              argCount,
              kwOnlyCount,
              localCount,
              localNames,
              cellLocals,
              freeCount,
              maxStack,
              consts,
              code,
              lines,
              handlers));
    }
    return out;
  }

  private static List<Image.Module> modules(In in) {
    int n = in.count(MIN_MODULE_BYTES, "modules");
    List<Image.Module> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String what = "module " + i;
      int nameId = in.u16(what);
      int bodyCode = in.u16(what);
      String file = in.str32(false, what + " file");
      int globals = in.count(2, what + " globals");
      out.add(new Image.Module(nameId, file, bodyCode, in.u16Array(globals, what + " globals")));
    }
    return out;
  }

  private static List<Image.ExceptionClass> exceptions(In in) {
    int n = in.count(MIN_EXCEPTION_BYTES, "exceptions");
    List<Image.ExceptionClass> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String what = "exception " + i;
      int nameId = in.u16(what);
      int parent = in.u16(what);
      out.add(new Image.ExceptionClass(nameId, parent, in.str32(true, what + " message")));
    }
    return out;
  }

  private static List<String> natives(In in) {
    int n = in.count(MIN_NATIVE_BYTES, "natives");
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(in.str16(false, "native " + i));
    }
    return out;
  }

  private static List<Image.Resource> resources(In in) {
    int n = in.count(MIN_RESOURCE_BYTES, "resources");
    List<Image.Resource> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String what = "resource " + i;
      String name = in.str16(false, what + " name");
      out.add(new Image.Resource(name, in.blob(what + " data")));
    }
    return out;
  }

  /** A bounds-checked little-endian cursor over one section. */
  private static final class In {
    private final byte[] b;
    private final int end;
    private final int section;
    private int pos;

    In(byte[] b, int start, int size, int section) {
      this.b = b;
      this.end = start + size;
      this.section = section;
      this.pos = start;
    }

    BadImageException bad(String what, int at) {
      return new BadImageException(
          sectionName(section)
              + " section, byte "
              + (at < 0 ? pos : at)
              + " of the image: "
              + what);
    }

    private void need(int n, String what) {
      if (end - pos < n) {
        throw bad(
            "truncated: " + what + " needs " + n + " bytes, " + (end - pos) + " left in the section",
            -1);
      }
    }

    int u8(String what) {
      need(1, what);
      return b[pos++] & 0xFF;
    }

    int u16(String what) {
      need(2, what);
      int v = getU16(b, pos);
      pos += 2;
      return v;
    }

    int i32(String what) {
      need(4, what);
      int v = getI32(b, pos);
      pos += 4;
      return v;
    }

    long i64(String what) {
      need(8, what);
      long lo = getI32(b, pos) & 0xFFFF_FFFFL;
      long hi = getI32(b, pos + 4);
      pos += 8;
      return hi << 32 | lo;
    }

    /** A u32 count of records of at least {@code minBytes} each, checked against the section. */
    int count(int minBytes, String what) {
      int at = pos;
      long n = i32(what + " count") & 0xFFFF_FFFFL;
      if (n * minBytes > end - pos) {
        throw bad(
            what + " count " + n + " needs at least " + n * minBytes + " bytes, "
                + (end - pos) + " left in the section",
            at);
      }
      return (int) n;
    }

    int[] u16Array(int n, String what) {
      need(2 * n, what);
      int[] out = new int[n];
      for (int i = 0; i < n; i++) {
        out[i] = getU16(b, pos);
        pos += 2;
      }
      return out;
    }

    byte[] bytes(int n) {
      byte[] out = new byte[n];
      System.arraycopy(b, pos, out, 0, n);
      pos += n;
      return out;
    }

    byte[] blob(String what) {
      return bytes(count(1, what + " length"));
    }

    String str16(boolean mayBeAbsent, String what) {
      int at = pos;
      int n = u16(what + " length");
      if (n == ABSENT_STR16) {
        if (!mayBeAbsent) {
          throw bad(what + " is absent (0xFFFF length) where a string is required", at);
        }
        return null;
      }
      return text(n, what, at);
    }

    String str32(boolean mayBeAbsent, String what) {
      int at = pos;
      long n = i32(what + " length") & 0xFFFF_FFFFL;
      if (n == ABSENT_STR32) {
        if (!mayBeAbsent) {
          throw bad(what + " is absent (0xFFFFFFFF length) where a string is required", at);
        }
        return null;
      }
      if (n > end - pos) {
        throw bad(
            "truncated: " + what + " length " + n + " exceeds the " + (end - pos)
                + " bytes left in the section",
            at);
      }
      return text((int) n, what, at);
    }

    private String text(int n, String what, int at) {
      need(n, what);
      String s = Wtf8.decode(b, pos, n);
      if (s == null) {
        throw bad(what + " is not valid WTF-8 text", at);
      }
      pos += n;
      return s;
    }

    void expectEnd() {
      if (pos != end) {
        throw bad((end - pos) + " unread bytes at the end of the section", pos);
      }
    }
  }
}
