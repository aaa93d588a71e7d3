package dev.zvm.vm;

/**
 * The byte and short sequences: bytes and shorts are immutable bytes objects holding their
 * elements inline (8 and 16 bits); bytearray and shortarray are {@code [length, buffer]} with a
 * growable raw buffer. shorts and shortarray are Zerynth's arrays of unsigned 16-bit values
 * ({@code analogRead} returns them).
 */
final class ByteSeqs {
  static final int LEN = 0;
  static final int BUF = 1;

  private final Runtime rt;
  private final int[] w;

  ByteSeqs(Runtime rt) {
    this.rt = rt;
    this.w = rt.w;
  }

  /** True for bytes, bytearray, shorts and shortarray. */
  boolean isByteSeq(int v) {
    if ((v & 3) != 0 || v == 0) {
      return false;
    }
    int t = rt.type(v);
    return t == Types.BYTES || t == Types.BYTEARRAY || t == Types.SHORTS || t == Types.SHORTARRAY;
  }

  boolean isBytesLike(int v) {
    if ((v & 3) != 0 || v == 0) {
      return false;
    }
    int t = rt.type(v);
    return t == Types.BYTES || t == Types.BYTEARRAY;
  }

  static boolean mutable(int type) {
    return type == Types.BYTEARRAY || type == Types.SHORTARRAY;
  }

  static int width(int type) {
    return type == Types.SHORTS || type == Types.SHORTARRAY ? 2 : 1;
  }

  /** A fresh immutable bytes (or shorts) object of {@code n} zero elements. */
  int alloc(int type, int n) {
    if (n > Types.MAX_ELEMENTS) {
      throw rt.tooLong(Types.name(type));
    }
    if (mutable(type)) {
      int r = rt.allocSlots(type, 2);
      w[Runtime.at(r)] = Values.small(n);
      if (n > 0) {
        int mark = rt.keep(r);
        int buf = rt.allocBytes(Types.BUFFER, n * width(type));
        rt.release(mark);
        w[Runtime.at(r) + BUF] = buf;
      }
      return r;
    }
    return rt.allocBytes(type, n * width(type));
  }

  int newBytes(byte[] data, int off, int len) {
    int r = alloc(Types.BYTES, len);
    for (int i = 0; i < len; i++) {
      rt.heap.setByte(r, i, data[off + i]);
    }
    return r;
  }

  int length(int v) {
    int t = rt.type(v);
    if (mutable(t)) {
      return w[Runtime.at(v)] >> 1;
    }
    return rt.heap.payloadBytes(v) / width(t);
  }

  /** The object that holds the elements: the object itself or its buffer. */
  private int store(int v) {
    return mutable(rt.type(v)) ? w[Runtime.at(v) + BUF] : v;
  }

  int get(int v, int i) {
    int t = rt.type(v);
    int s = store(v);
    return width(t) == 1 ? rt.heap.getByte(s, i) & 0xFF : rt.heap.getShort(s, 2 * i) & 0xFFFF;
  }

  void put(int v, int i, int x) {
    int t = rt.type(v);
    int s = store(v);
    if (width(t) == 1) {
      rt.heap.setByte(s, i, x);
    } else {
      rt.heap.setShort(s, 2 * i, x);
    }
  }

  int capacity(int v) {
    int buf = w[Runtime.at(v) + BUF];
    return buf == 0 ? 0 : rt.heap.payloadBytes(buf) / width(rt.type(v));
  }

  void reserve(int v, int extra) {
    int len = length(v);
    int need = len + extra;
    int cap = capacity(v);
    if (need <= cap) {
      return;
    }
    if (need > Types.MAX_ELEMENTS) {
      throw rt.tooLong(Types.name(rt.type(v)));
    }
    int ncap = Math.min(Types.MAX_ELEMENTS, Math.max(need, cap + (cap >> 1) + 8));
    int wd = width(rt.type(v));
    int mark = rt.keep(v);
    int buf = rt.allocBytes(Types.BUFFER, ncap * wd);
    rt.release(mark);
    int old = w[Runtime.at(v) + BUF];
    if (old != 0) {
      System.arraycopy(w, Runtime.at(old), w, Runtime.at(buf), (len * wd + 3) >> 2);
    }
    w[Runtime.at(v) + BUF] = buf;
  }

  /** Checks an element value for the type's range. */
  int checkElement(int type, int x) {
    long n = rt.ints.arg(x, "an integer element");
    long max = width(type) == 1 ? 255 : 65535;
    if (n < 0 || n > max) {
      throw rt.valueError(width(type) == 1 ? "byte must be in range(0, 256)" : "short must be in range(0, 65536)");
    }
    return (int) n;
  }

  void append(int v, int x) {
    int e = checkElement(rt.type(v), x);
    reserve(v, 1);
    int len = length(v);
    w[Runtime.at(v)] = Values.small(len + 1);
    put(v, len, e);
  }

  void setLength(int v, int n) {
    w[Runtime.at(v)] = Values.small(n);
  }

  /** A bytes or bytearray argument, as is; TypeError (CPython's message) for anything else. */
  int arg(int v) {
    if (!isBytesLike(v)) {
      throw notBytesLike(v);
    }
    return v;
  }

  /** The bytes of a bytes or bytearray argument, as Latin-1 text (one char a byte). */
  String latin1Arg(int v) {
    return new String(toJava(arg(v)), java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  PyRaise notBytesLike(int v) {
    return rt.typeError("a bytes-like object is required, not '" + rt.typeName(v) + "'");
  }

  byte[] toJava(int v) {
    int n = length(v);
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) get(v, i);
    }
    return b;
  }

  /** Items {@code start, start+step, ...} as the same type. */
  int slice(int v, int start, int step, int count) {
    int t = rt.type(v);
    int mark = rt.keep(v);
    int r = alloc(t, count);
    rt.release(mark);
    for (int i = 0; i < count; i++) {
      put(r, i, get(v, start + i * step));
    }
    return r;
  }

  int concat(int a, int b) {
    int t = rt.type(a);
    int na = length(a);
    int nb = length(b);
    int mark = rt.keep(a);
    rt.keep(b);
    int r = alloc(t, na + nb);
    rt.release(mark);
    for (int i = 0; i < na; i++) {
      put(r, i, get(a, i));
    }
    for (int i = 0; i < nb; i++) {
      put(r, na + i, get(b, i));
    }
    return r;
  }

  int repeat(int v, long times) {
    int t = rt.type(v);
    int n = length(v);
    int total = rt.repeatedLength(n, times, Types.name(t));
    int mark = rt.keep(v);
    int r = alloc(t, total);
    rt.release(mark);
    for (int at = 0; at < total; at += n) {
      for (int i = 0; i < n; i++) {
        put(r, at + i, get(v, i));
      }
    }
    return r;
  }

  boolean equal(int a, int b) {
    int n = length(a);
    if (n != length(b)) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (get(a, i) != get(b, i)) {
        return false;
      }
    }
    return true;
  }

  int compare(int a, int b) {
    int na = length(a);
    int nb = length(b);
    for (int i = 0; i < Math.min(na, nb); i++) {
      int d = get(a, i) - get(b, i);
      if (d != 0) {
        return d;
      }
    }
    return na - nb;
  }

  long hash(int v) {
    int n = length(v);
    int h = 0x811C9DC5;
    for (int i = 0; i < n; i++) {
      h = (h ^ get(v, i)) * 0x01000193;
    }
    return h == -1 ? -2 : h;
  }

  int indexOf(int hay, int needle, int from, int to) {
    int m = length(needle);
    for (int i = Math.max(0, from); i + m <= to; i++) {
      int j = 0;
      while (j < m && get(hay, i + j) == get(needle, j)) {
        j++;
      }
      if (j == m) {
        return i;
      }
    }
    return -1;
  }

  /** Python's repr of bytes content: b'..' with escapes. */
  void appendRepr(StringBuilder sb, int v) {
    int t = rt.type(v);
    if (width(t) == 2) {
      sb.append(Types.name(t)).append("([");
      int n = length(v);
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(get(v, i));
      }
      sb.append("])");
      return;
    }
    if (t == Types.BYTEARRAY) {
      sb.append("bytearray(");
    }
    sb.append('b');
    rt.printer.appendQuoted(sb, v, true);
    if (t == Types.BYTEARRAY) {
      sb.append(')');
    }
  }
}
