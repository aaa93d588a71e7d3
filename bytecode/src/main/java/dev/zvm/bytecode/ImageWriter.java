package dev.zvm.bytecode;

import static dev.zvm.bytecode.ImageFormat.*;

import java.util.Arrays;
import java.util.List;

/**
 * Image to bytes, in the layout {@link ImageFormat} draws. It verifies the image first, so every
 * image it writes is one {@link ImageReader} accepts and reads back equal.
 */
public final class ImageWriter {
  private ImageWriter() {}

  /**
   * The bytes of {@code image}.
   *
   * @throws BadImageException if the image does not pass the {@link Verifier}
   */
  public static byte[] write(Image image) {
    Verifier.verify(image);
    return writeUnverified(image);
  }

  /**
   * Writes without verifying, for tests that need a broken image on disk. Every field must still
   * fit its width in the format ({@link IllegalArgumentException} otherwise).
   */
  static byte[] writeUnverified(Image image) {
    Out[] sections = new Out[SECTION_COUNT];
    sections[SECTION_NAMES] = names(image.names());
    sections[SECTION_CONSTANTS] = constants(image.constants());
    sections[SECTION_CODES] = codes(image.codes());
    sections[SECTION_MODULES] = modules(image);
    sections[SECTION_EXCEPTIONS] = exceptions(image.exceptions());
    sections[SECTION_NATIVES] = natives(image.natives());
    sections[SECTION_RESOURCES] = resources(image.resources());

    long total = HEADER_LENGTH;
    for (Out s : sections) {
      total += s.size;
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("image too large: length=" + total);
    }
    Out out = new Out((int) total);
    out.u32(MAGIC);
    out.u16(VERSION, "version");
    out.u16(image.flags(), "flags");
    out.u32(0); // CRC, sealed below
    out.u32((int) total);
    for (Out s : sections) {
      out.u32(s.size);
    }
    for (Out s : sections) {
      out.bytes(s.buf, 0, s.size);
    }
    byte[] bytes = out.toByteArray();
    sealCrc(bytes);
    return bytes;
  }

  private static Out names(List<String> names) {
    Out o = new Out(16 * names.size() + 4);
    o.u32(names.size());
    for (String n : names) {
      o.str16(n, true);
    }
    return o;
  }

  private static Out constants(List<Constant> constants) {
    Out o = new Out(16 * constants.size() + 4);
    o.u32(constants.size());
    for (Constant c : constants) {
      if (c instanceof Constant.Int i) {
        o.u8(TAG_INT);
        o.i64(i.value());
      } else if (c instanceof Constant.Float f) {
        o.u8(TAG_FLOAT);
        o.i64(Double.doubleToRawLongBits(f.value()));
      } else if (c instanceof Constant.Str s) {
        o.u8(TAG_STR);
        o.str32(s.value(), false);
      } else {
        byte[] data = ((Constant.Bytes) c).value();
        o.u8(TAG_BYTES);
        o.u32(data.length);
        o.bytes(data, 0, data.length);
      }
    }
    return o;
  }

  private static Out codes(List<CodeObject> codes) {
    Out o = new Out(64 * codes.size() + 4);
    o.u32(codes.size());
    for (CodeObject c : codes) {
      o.u16(c.nameId(), "nameId");
      o.u16(c.module(), "module");
      o.u8(c.kind(), "kind");
      o.u8(c.flags(), "flags");
      o.u16(c.argCount(), "argCount");
      o.u16(c.kwOnlyCount(), "kwOnlyCount");
      if (c.localCount() != c.localNames().length || c.lineTable().length % 2 != 0) {
        throw new IllegalArgumentException(
            "the format cannot carry localCount="
                + c.localCount()
                + " with "
                + c.localNames().length
                + " local names, or a line table of odd length="
                + c.lineTable().length);
      }
      o.u16(c.localCount(), "localCount");
      for (int id : c.localNames()) {
        o.u16(id, "local name");
      }
      o.u16(c.cellLocals().length, "cellCount");
      for (int slot : c.cellLocals()) {
        o.u16(slot == -1 ? NO_PARAMETER : slot, "cell parameter slot");
      }
      o.u16(c.freeCount(), "freeCount");
      o.u16(c.maxStack(), "maxStack");
      o.u32(c.constants().length);
      for (int k : c.constants()) {
        o.u32(k);
      }
      o.u32(c.code().length);
      o.bytes(c.code(), 0, c.code().length);
      int[] lines = c.lineTable();
      o.u32(lines.length / 2);
      for (int i = 0; i + 1 < lines.length; i += 2) {
        o.u16(lines[i], "line table pc");
        o.u32(lines[i + 1]);
      }
      o.u32(c.handlers().length);
      for (CodeObject.Handler h : c.handlers()) {
        o.u16(h.startPc(), "handler startPc");
        o.u16(h.endPc(), "handler endPc");
        o.u16(h.handlerPc(), "handlerPc");
        o.u16(h.depth(), "handler depth");
      }
    }
    return o;
  }

  private static Out modules(Image image) {
    List<Image.Module> modules = image.modules();
    Out o = new Out(32 * modules.size() + 6);
    o.u16(image.builtinsModule(), "builtinsModule");
    o.u32(modules.size());
    for (Image.Module m : modules) {
      o.u16(m.nameId(), "module nameId");
      o.u16(m.bodyCode(), "module bodyCode");
      o.str32(m.file(), false);
      o.u32(m.globalNames().length);
      for (int id : m.globalNames()) {
        o.u16(id, "global name");
      }
    }
    return o;
  }

  private static Out exceptions(List<Image.ExceptionClass> exceptions) {
    Out o = new Out(16 * exceptions.size() + 4);
    o.u32(exceptions.size());
    for (Image.ExceptionClass e : exceptions) {
      o.u16(e.nameId(), "exception nameId");
      o.u16(e.parent(), "exception parent");
      o.str32(e.defaultMessage(), true);
    }
    return o;
  }

  private static Out natives(List<String> natives) {
    Out o = new Out(24 * natives.size() + 4);
    o.u32(natives.size());
    for (String n : natives) {
      o.str16(n, false);
    }
    return o;
  }

  private static Out resources(List<Image.Resource> resources) {
    Out o = new Out(64);
    o.u32(resources.size());
    for (Image.Resource r : resources) {
      o.str16(r.name(), false);
      o.u32(r.data().length);
      o.bytes(r.data(), 0, r.data().length);
    }
    return o;
  }

  /** A growable little-endian byte buffer. */
  private static final class Out {
    byte[] buf;
    int size;

    Out(int capacity) {
      buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int n) {
      if (size + n > buf.length) {
        long want = Math.max((long) buf.length * 2, (long) size + n);
        if (want > Integer.MAX_VALUE - 8) {
          throw new IllegalArgumentException("image too large");
        }
        buf = Arrays.copyOf(buf, (int) want);
      }
    }

    void u8(int v) {
      ensure(1);
      buf[size++] = (byte) v;
    }

    void u8(int v, String field) {
      if (v < 0 || v > 0xFF) {
        throw new IllegalArgumentException(field + "=" + v + " does not fit a u8");
      }
      u8(v);
    }

    void u16(int v, String field) {
      if (v < 0 || v > 0xFFFF) {
        throw new IllegalArgumentException(field + "=" + v + " does not fit a u16");
      }
      ensure(2);
      buf[size++] = (byte) v;
      buf[size++] = (byte) (v >>> 8);
    }

    void u32(int v) {
      ensure(4);
      putU32(buf, size, v);
      size += 4;
    }

    void i64(long v) {
      u32((int) v);
      u32((int) (v >>> 32));
    }

    void bytes(byte[] b, int from, int n) {
      ensure(n);
      System.arraycopy(b, from, buf, size, n);
      size += n;
    }

    void str16(String s, boolean mayBeAbsent) {
      if (s == null) {
        if (!mayBeAbsent) {
          throw new IllegalArgumentException("a str16 that must be present is null");
        }
        u16(ABSENT_STR16, "absent");
        return;
      }
      byte[] b = Wtf8.encode(s);
      if (b.length > MAX_STR16_BYTES) {
        throw new IllegalArgumentException("string of " + b.length + " bytes does not fit a str16");
      }
      u16(b.length, "str16 length");
      bytes(b, 0, b.length);
    }

    void str32(String s, boolean mayBeAbsent) {
      if (s == null) {
        if (!mayBeAbsent) {
          throw new IllegalArgumentException("a str32 that must be present is null");
        }
        u32((int) ABSENT_STR32);
        return;
      }
      byte[] b = Wtf8.encode(s);
      u32(b.length);
      bytes(b, 0, b.length);
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf, size);
    }
  }
}
