package dev.zvm.vm;

import static dev.zvm.vm.Args.get;

import dev.zvm.bytecode.ExceptionTree;
import dev.zvm.bytecode.Image;

/**
 * The {@code struct} module: {@code pack}, {@code pack_into}, {@code unpack}, {@code unpack_from}
 * and {@code calcsize}, with CPython's format language and messages. Byte order and size prefixes
 * {@code @ = < > !}; codes {@code x c b B ? h H i I l L q Q n N P f d s p}. The native mode
 * ({@code @}, the default) is the 32-bit little-endian MCU Zerynth runs on: {@code l}, {@code L},
 * {@code n}, {@code N} and {@code P} are 4 bytes, and every number is aligned to its size. (On a
 * 64-bit CPython {@code l} is 8 bytes; the standard modes agree byte for byte.) Errors raise
 * {@code StructError}, which {@code struct.py} adds to the exception tree.
 */
final class StructNatives {
  private StructNatives() {}

  static void register(Natives n) {
    n.add("struct.calcsize", 1, 1, (r, a, c, kw, nk) -> Values.small(parse(r, get(r, a, 0)).size));
    n.add("struct.pack", 1, Natives.VARIADIC, (r, a, c, kw, nk) -> {
      Format f = parse(r, get(r, a, 0));
      byte[] out = new byte[f.size];
      f.pack(r, out, 0, a + 1, c - 1, "pack");
      return r.bytes.newBytes(out, 0, out.length);
    });
    n.add("struct.pack_into", 3, Natives.VARIADIC, StructNatives::packInto);
    n.add("struct.unpack", 2, 2, (r, a, c, kw, nk) -> {
      Format f = parse(r, get(r, a, 0));
      byte[] data = r.bytes.toJava(r.bytes.arg(get(r, a, 1)));
      if (data.length != f.size) {
        throw error(r, "unpack requires a buffer of " + f.size + " bytes");
      }
      return f.unpack(r, data, 0);
    });
    n.addKw("struct.unpack_from", 2, 3, StructNatives::unpackFrom);
  }

  /** The program's {@code StructError} (added by {@code struct.py}), or ValueError if the image has none. */
  static PyRaise error(Runtime rt, String message) {
    java.util.List<Image.ExceptionClass> tree = rt.image.exceptions();
    for (int i = ExceptionTree.BUILTIN_COUNT; i < tree.size(); i++) {
      if ("StructError".equals(rt.image.name(tree.get(i).nameId()))) {
        return rt.raise(i, message);
      }
    }
    return rt.valueError(message);
  }

  private static int packInto(Runtime rt, int a, int n, int kw, int nkw) {
    Format f = parse(rt, get(rt, a, 0));
    int buf = get(rt, a, 1);
    if (rt.typeCode(buf) != Types.BYTEARRAY) {
      throw rt.typeError("argument must be read-write bytes-like object, not " + rt.typeName(buf));
    }
    int len = rt.bytes.length(buf);
    long offset = rt.ints.arg(get(rt, a, 2), "offset");
    if (offset < 0) {
      if (offset + len < 0) {
        throw error(rt, "offset " + offset + " out of range for " + len + "-byte buffer");
      }
      offset += len;
    }
    if (len - offset < f.size) {
      throw error(rt, "pack_into requires a buffer of at least " + (f.size + offset) + " bytes for packing "
          + f.size + " bytes at offset " + offset + " (actual buffer size is " + len + ")");
    }
    byte[] out = new byte[f.size];
    f.pack(rt, out, 0, a + 3, n - 3, "pack_into");
    for (int i = 0; i < out.length; i++) {
      rt.bytes.put(buf, (int) offset + i, out[i] & 0xFF);
    }
    return Values.NONE;
  }

  private static int unpackFrom(Runtime rt, int a, int n, int kw, int nkw) {
    Args.checkKeywords(rt, kw, nkw, "unpack_from", "offset");
    Format f = parse(rt, get(rt, a, 0));
    byte[] data = rt.bytes.toJava(rt.bytes.arg(get(rt, a, 1)));
    long offset = rt.ints.arg(Args.posOrKw(rt, a, n, kw, nkw, 2, "offset", Values.ZERO), "offset");
    if (offset < 0) {
      if (offset + data.length < 0) {
        throw error(rt, "offset " + offset + " out of range for " + data.length + "-byte buffer");
      }
      offset += data.length;
    }
    if (data.length - offset < f.size) {
      throw error(rt, "unpack_from requires a buffer of at least " + (f.size + offset) + " bytes for unpacking "
          + f.size + " bytes at offset " + offset + " (actual buffer size is " + data.length + ")");
    }
    return f.unpack(rt, data, (int) offset);
  }

  // ---- the format ---------------------------------------------------------------------------------

  private static Format parse(Runtime rt, int fmtValue) {
    String fmt;
    if (rt.strs.isStr(fmtValue)) {
      fmt = rt.strs.toJava(fmtValue);
    } else if (rt.bytes.isBytesLike(fmtValue)) {
      fmt = new String(rt.bytes.toJava(fmtValue), java.nio.charset.StandardCharsets.ISO_8859_1);
    } else {
      throw rt.typeError("Struct() argument 1 must be a str or bytes, not " + rt.typeName(fmtValue));
    }
    return new Format(rt, fmt);
  }

  /** A parsed format: its items (code, count, offset) and total size. */
  private static final class Format {
    final char[] codes;
    final int[] counts;
    final int[] offsets;
    final int items;
    final int values;
    final int size;
    final boolean little;

    Format(Runtime rt, String fmt) {
      int i = 0;
      boolean nativeMode = true;
      boolean le = true;
      if (!fmt.isEmpty() && "@=<>!".indexOf(fmt.charAt(0)) >= 0) {
        char p = fmt.charAt(0);
        nativeMode = p == '@';
        le = p == '@' || p == '=' || p == '<';
        i = 1;
      }
      this.little = le;
      int cap = fmt.length();
      char[] cs = new char[cap];
      int[] ns = new int[cap];
      int[] os = new int[cap];
      int k = 0;
      long offset = 0;
      long nvalues = 0;
      while (i < fmt.length()) {
        char c = fmt.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
          continue;
        }
        long count = 1;
        if (c >= '0' && c <= '9') {
          count = 0;
          while (i < fmt.length() && fmt.charAt(i) >= '0' && fmt.charAt(i) <= '9') {
            count = count * 10 + (fmt.charAt(i) - '0');
            if (count > Integer.MAX_VALUE) {
              throw error(rt, "total struct size too long");
            }
            i++;
          }
          if (i == fmt.length()) {
            throw error(rt, "repeat count given without format specifier");
          }
          c = fmt.charAt(i);
        }
        i++;
        int sz = size(c, nativeMode);
        if (sz < 0) {
          throw error(rt, "bad char in struct format");
        }
        if (nativeMode && c != 's' && c != 'p' && c != 'x' && c != 'c') {
          offset = (offset + sz - 1) / sz * sz;
        }
        cs[k] = c;
        ns[k] = (int) count;
        os[k] = (int) offset;
        k++;
        offset += c == 's' || c == 'p' ? count : count * sz;
        nvalues += c == 'x' ? 0 : c == 's' || c == 'p' ? 1 : count;
        if (offset > Types.MAX_ELEMENTS || nvalues > Types.MAX_ELEMENTS) {
          throw error(rt, "total struct size too long");
        }
      }
      this.codes = cs;
      this.counts = ns;
      this.offsets = os;
      this.items = k;
      this.values = (int) nvalues;
      this.size = (int) offset;
    }

    /** The size of one {@code c}, or -1 for a code that is not one. */
    private static int size(char c, boolean nativeMode) {
      return switch (c) {
        case 'x', 'c', 'b', 'B', '?', 's', 'p' -> 1;
        case 'h', 'H' -> 2;
        case 'i', 'I', 'l', 'L', 'f' -> 4;
        case 'q', 'Q', 'd' -> 8;
        case 'n', 'N', 'P' -> nativeMode ? 4 : -1;
        default -> -1;
      };
    }

    void pack(Runtime rt, byte[] out, int base, int args, int nargs, String fn) {
      if (nargs != values) {
        throw error(rt, fn + " expected " + values + " items for packing (got " + nargs + ")");
      }
      int arg = args;
      for (int it = 0; it < items; it++) {
        char c = codes[it];
        int count = counts[it];
        int at = base + offsets[it];
        if (c == 'x') {
          continue;
        }
        if (c == 's' || c == 'p') {
          int v = rt.thread.stack[arg++];
          if (!rt.bytes.isBytesLike(v)) {
            throw error(rt, "argument for '" + c + "' must be a bytes object");
          }
          byte[] b = rt.bytes.toJava(v);
          if (c == 's') {
            System.arraycopy(b, 0, out, at, Math.min(b.length, count));
          } else if (count > 0) {
            int n = Math.min(b.length, count - 1);
            System.arraycopy(b, 0, out, at + 1, n);
            out[at] = (byte) Math.min(n, 255);
          }
          continue;
        }
        int sz = size(c, true);
        for (int j = 0; j < count; j++, at += sz) {
          packOne(rt, c, rt.thread.stack[arg++], out, at);
        }
      }
    }

    private void packOne(Runtime rt, char c, int v, byte[] out, int at) {
      switch (c) {
        case '?' -> out[at] = (byte) (rt.ops.truthy(v) ? 1 : 0);
        case 'c' -> {
          if (!rt.bytes.isBytesLike(v) || rt.bytes.length(v) != 1) {
            throw error(rt, "char format requires a bytes object of length 1");
          }
          out[at] = (byte) rt.bytes.get(v, 0);
        }
        case 'f', 'd' -> {
          if (!rt.floats.isNumber(v)) {
            throw error(rt, "required argument is not a float");
          }
          double d = rt.floats.toDouble(v);
          if (c == 'f') {
            float f = (float) d;
            if (Float.isInfinite(f) && Double.isFinite(d)) {
              throw rt.overflowError("float too large to pack with f format");
            }
            put(out, at, Float.floatToIntBits(f), 4);
          } else {
            put(out, at, Double.doubleToLongBits(d), 8);
          }
        }
        default -> {
          if (!rt.ints.isIntOrBool(v)) {
            throw error(rt, "required argument is not an integer");
          }
          long x = rt.ints.value(v);
          int sz = size(c, true);
          boolean signed = Character.isLowerCase(c);
          boolean ok = c == 'q' || (c == 'Q' ? x >= 0 : signed
              ? x >= -(1L << (8 * sz - 1)) && x < (1L << (8 * sz - 1))
              : x >= 0 && x < (1L << (8 * sz)));
          if (!ok) {
            throw error(rt, rangeMessage(c, sz));
          }
          put(out, at, x, sz);
        }
      }
    }

    private static String rangeMessage(char c, int sz) {
      return switch (c) {
        case 'b' -> "byte format requires -128 <= number <= 127";
        case 'B' -> "ubyte format requires 0 <= number <= 255";
        case 'h' -> "short format requires -32768 <= number <= 32767";
        case 'H' -> "ushort format requires 0 <= number <= 65535";
        case 'i', 'l', 'n' -> "'" + c + "' format requires " + (-(1L << (8 * sz - 1))) + " <= number <= "
            + ((1L << (8 * sz - 1)) - 1);
        default -> "argument out of range";
      };
    }

    private void put(byte[] out, int at, long x, int sz) {
      for (int b = 0; b < sz; b++) {
        int shift = 8 * (little ? b : sz - 1 - b);
        out[at + b] = (byte) (x >>> shift);
      }
    }

    private long get(byte[] data, int at, int sz, boolean signed) {
      long x = 0;
      for (int b = 0; b < sz; b++) {
        int shift = 8 * (little ? b : sz - 1 - b);
        x |= (data[at + b] & 0xFFL) << shift;
      }
      if (signed && sz < 8) {
        x = (x << (64 - 8 * sz)) >> (64 - 8 * sz);
      }
      return x;
    }

    int unpack(Runtime rt, byte[] data, int base) {
      int t = rt.lists.newTuple(values);
      int mark = rt.keep(t);
      try {
        int k = 0;
        for (int it = 0; it < items; it++) {
          char c = codes[it];
          int count = counts[it];
          int at = base + offsets[it];
          if (c == 'x') {
            continue;
          }
          if (c == 's' || c == 'p') {
            int from = at;
            int n = count;
            if (c == 'p') {
              n = count == 0 ? 0 : Math.min(data[at] & 0xFF, count - 1);
              from = at + 1;
            }
            int b = rt.bytes.newBytes(data, from, n);
            rt.w[Runtime.at(t) + k++] = b;
            continue;
          }
          int sz = size(c, true);
          for (int j = 0; j < count; j++, at += sz) {
            int v = unpackOne(rt, c, data, at, sz);
            rt.w[Runtime.at(t) + k++] = v;
          }
        }
        return t;
      } finally {
        rt.release(mark);
      }
    }

    private int unpackOne(Runtime rt, char c, byte[] data, int at, int sz) {
      switch (c) {
        case '?':
          return Values.bool(data[at] != 0);
        case 'c':
          return rt.bytes.newBytes(data, at, 1);
        case 'f':
          return rt.floats.box(Float.intBitsToFloat((int) get(data, at, 4, false)));
        case 'd':
          return rt.floats.box(Double.longBitsToDouble(get(data, at, 8, false)));
        default:
          long x = get(data, at, sz, Character.isLowerCase(c));
          if (c == 'Q' && x < 0) {
            throw rt.overflowError("unpacked value " + Long.toUnsignedString(x) + " does not fit in a 64-bit int");
          }
          return rt.ints.box(x);
      }
    }
  }
}
