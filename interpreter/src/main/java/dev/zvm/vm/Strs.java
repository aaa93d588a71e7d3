package dev.zvm.vm;

/**
 * str: Unicode text stored compactly, as CPython's PEP 393 does. Payload: the length in code
 * points, a cached hash, then the code points at 1, 2 or 4 bytes each, the smallest width that
 * holds the widest one (so equal strings have equal layouts and compare word by word). The user
 * flags hold the width and an ASCII bit: ASCII text takes the fast paths (one byte per char,
 * UTF-8 output without encoding).
 *
 * <p>One-character ASCII strings and the empty string are made once and kept, so indexing and
 * iterating over ASCII text allocate nothing.
 */
final class Strs {
  static final int KIND_MASK = 7;
  static final int ASCII = 8;
  static final int HASHED = 16;
  private static final int HEADER_BYTES = 8;

  private final Runtime rt;
  private final int[] w;
  private final int[] chars = new int[128];
  private int empty;

  Strs(Runtime rt) {
    this.rt = rt;
    this.w = rt.w;
  }

  boolean isStr(int v) {
    return (v & 3) == 0 && v != 0 && rt.type(v) == Types.STR;
  }

  int length(int ref) {
    return w[Runtime.at(ref)];
  }

  int kind(int ref) {
    return rt.flags(ref) & KIND_MASK;
  }

  boolean isAscii(int ref) {
    return (rt.flags(ref) & ASCII) != 0;
  }

  /** Code point {@code i} of {@code ref}. */
  int charAt(int ref, int i) {
    int base = Runtime.at(ref) + 2;
    switch (rt.flags(ref) & KIND_MASK) {
      case 1:
        return (w[base + (i >> 2)] >>> ((i & 3) << 3)) & 0xFF;
      case 2:
        return (w[base + (i >> 1)] >>> ((i & 1) << 4)) & 0xFFFF;
      default:
        return w[base + i];
    }
  }

  private void put(int ref, int kind, int i, int cp) {
    int base = Runtime.at(ref) + 2;
    switch (kind) {
      case 1: {
        int j = base + (i >> 2);
        int shift = (i & 3) << 3;
        w[j] = (w[j] & ~(0xFF << shift)) | (cp << shift);
        break;
      }
      case 2: {
        int j = base + (i >> 1);
        int shift = (i & 1) << 4;
        w[j] = (w[j] & ~(0xFFFF << shift)) | (cp << shift);
        break;
      }
      default:
        w[base + i] = cp;
    }
  }

  /** A fresh, zeroed str of {@code len} code points of width {@code kind}; fill it with {@link #put}. */
  private int alloc(int len, int kind, boolean ascii) {
    if (len > Types.MAX_ELEMENTS) {
      throw rt.tooLong("str");
    }
    int r = rt.allocBytes(Types.STR, HEADER_BYTES + len * kind);
    w[Runtime.at(r)] = len;
    rt.setFlags(r, kind | (ascii ? ASCII : 0));
    return r;
  }

  static int kindFor(int maxCp) {
    return maxCp < 0x100 ? 1 : maxCp < 0x10000 ? 2 : 4;
  }

  int empty() {
    if (empty == 0) {
      empty = alloc(0, 1, true);
      rt.permanent(empty);
    }
    return empty;
  }

  /** The one-character string of {@code cp}. */
  int ofChar(int cp) {
    if (cp < 128) {
      int r = chars[cp];
      if (r == 0) {
        r = alloc(1, 1, true);
        put(r, 1, 0, cp);
        rt.permanent(r);
        chars[cp] = r;
      }
      return r;
    }
    int r = alloc(1, kindFor(cp), false);
    put(r, kindFor(cp), 0, cp);
    return r;
  }

  /** A str with the text of {@code s}. */
  int of(CharSequence s) {
    return of(s, 0, s.length());
  }

  /** A str with the chars {@code from .. to} of {@code s} (UTF-16, surrogate pairs joined). */
  int of(CharSequence s, int from, int to) {
    int len = 0;
    int max = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      int cp = c;
      if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
        cp = Character.toCodePoint(c, s.charAt(++i));
      }
      max = Math.max(max, cp);
      len++;
    }
    if (len == 0) {
      return empty();
    }
    if (len == 1 && max < 128) {
      return ofChar(max);
    }
    int kind = kindFor(max);
    int r = alloc(len, kind, max < 128);
    int j = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      int cp = c;
      if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
        cp = Character.toCodePoint(c, s.charAt(++i));
      }
      put(r, kind, j++, cp);
    }
    return r;
  }

  /** A str of the code points {@code cps[from .. to)}. */
  int ofCodePoints(int[] cps, int from, int to) {
    int max = 0;
    for (int i = from; i < to; i++) {
      max = Math.max(max, cps[i]);
    }
    int len = to - from;
    if (len == 0) {
      return empty();
    }
    if (len == 1 && max < 128) {
      return ofChar(max);
    }
    int kind = kindFor(max);
    int r = alloc(len, kind, max < 128);
    for (int i = 0; i < len; i++) {
      put(r, kind, i, cps[from + i]);
    }
    return r;
  }

  /** The Java text of a str. */
  String toJava(int ref) {
    int n = length(ref);
    StringBuilder sb = new StringBuilder(n);
    appendTo(sb, ref);
    return sb.toString();
  }

  void appendTo(StringBuilder sb, int ref) {
    int n = length(ref);
    if (isAscii(ref)) {
      for (int i = 0; i < n; i++) {
        sb.append((char) charAt(ref, i));
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      sb.appendCodePoint(charAt(ref, i));
    }
  }

  /** Writes the str to the VM's output as UTF-8. */
  void write(int ref) {
    int n = length(ref);
    if (isAscii(ref)) {
      for (int i = 0; i < n; i++) {
        rt.writeByte(charAt(ref, i));
      }
    } else {
      for (int i = 0; i < n; i++) {
        rt.writeCodePoint(charAt(ref, i));
      }
    }
  }

  boolean equal(int a, int b) {
    if (a == b) {
      return true;
    }
    int ia = Runtime.at(a);
    int ib = Runtime.at(b);
    int n = w[ia];
    if (n != w[ib]) {
      return false;
    }
    int ka = rt.flags(a) & KIND_MASK;
    if (ka != (rt.flags(b) & KIND_MASK)) {
      return false;
    }
    int words = (n * ka + 3) >> 2;
    for (int i = 2; i < words + 2; i++) {
      if (w[ia + i] != w[ib + i]) {
        return false;
      }
    }
    return true;
  }

  /** True if the str equals the Java string {@code s}. */
  boolean equalsJava(int ref, String s) {
    int n = length(ref);
    if (n != s.codePointCount(0, s.length())) {
      return false;
    }
    int j = 0;
    for (int i = 0; i < n; i++) {
      int cp = s.codePointAt(j);
      if (cp != charAt(ref, i)) {
        return false;
      }
      j += Character.charCount(cp);
    }
    return true;
  }

  int compare(int a, int b) {
    int na = length(a);
    int nb = length(b);
    int n = Math.min(na, nb);
    for (int i = 0; i < n; i++) {
      int d = charAt(a, i) - charAt(b, i);
      if (d != 0) {
        return d;
      }
    }
    return na - nb;
  }

  /** The str's hash (FNV-1a over its code points), cached in the object. */
  long hash(int ref) {
    int i = Runtime.at(ref);
    if ((rt.flags(ref) & HASHED) != 0) {
      return w[i + 1];
    }
    int n = w[i];
    int h = 0x811C9DC5;
    for (int k = 0; k < n; k++) {
      h = (h ^ charAt(ref, k)) * 0x01000193;
    }
    if (h == -1) {
      h = -2;
    }
    w[i + 1] = h;
    rt.setFlags(ref, rt.flags(ref) | HASHED);
    return h;
  }

  int concat(int a, int b) {
    int na = length(a);
    int nb = length(b);
    if (na == 0) {
      return b;
    }
    if (nb == 0) {
      return a;
    }
    if (na + nb > Types.MAX_ELEMENTS) {
      throw rt.tooLong("str");
    }
    int ka = kind(a);
    int kb = kind(b);
    int k = Math.max(ka, kb);
    int mark = rt.keep(a);
    rt.keep(b);
    int r = alloc(na + nb, k, isAscii(a) && isAscii(b));
    rt.release(mark);
    if (ka == 1 && kb == 1) {
      copyBytes(a, 0, r, 0, na);
      copyBytes(b, 0, r, na, nb);
    } else {
      for (int i = 0; i < na; i++) {
        put(r, k, i, charAt(a, i));
      }
      for (int i = 0; i < nb; i++) {
        put(r, k, na + i, charAt(b, i));
      }
    }
    return r;
  }

  private void copyBytes(int src, int from, int dst, int to, int n) {
    int sb = Runtime.at(src) + 2;
    int db = Runtime.at(dst) + 2;
    if ((from & 3) == 0 && (to & 3) == 0) {
      int words = n >> 2;
      System.arraycopy(w, sb + (from >> 2), w, db + (to >> 2), words);
      for (int i = words << 2; i < n; i++) {
        put(dst, 1, to + i, charAt(src, from + i));
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      int cp = (w[sb + ((from + i) >> 2)] >>> (((from + i) & 3) << 3)) & 0xFF;
      int j = db + ((to + i) >> 2);
      int shift = ((to + i) & 3) << 3;
      w[j] = (w[j] & ~(0xFF << shift)) | (cp << shift);
    }
  }

  /** The chars {@code [from, to)} of {@code ref} (0 ≤ from ≤ to ≤ length). */
  int substring(int ref, int from, int to) {
    int n = to - from;
    if (n <= 0) {
      return empty();
    }
    if (from == 0 && to == length(ref)) {
      return ref;
    }
    if (n == 1) {
      return ofChar(charAt(ref, from));
    }
    int mark = rt.keep(ref);
    int max = 0;
    int k = kind(ref);
    if (k > 1) {
      for (int i = from; i < to; i++) {
        max = Math.max(max, charAt(ref, i));
      }
    } else if (!isAscii(ref)) {
      for (int i = from; i < to; i++) {
        max = Math.max(max, charAt(ref, i));
      }
    }
    int nk = k == 1 ? 1 : kindFor(max);
    boolean ascii = isAscii(ref) || max < 128;
    int r = alloc(n, nk, ascii);
    rt.release(mark);
    if (nk == 1 && k == 1) {
      copyBytes(ref, from, r, 0, n);
    } else {
      for (int i = 0; i < n; i++) {
        put(r, nk, i, charAt(ref, from + i));
      }
    }
    return r;
  }

  /** Characters at start, start+step, ... ({@code count} of them). */
  int slice(int ref, int start, int step, int count) {
    if (step == 1) {
      return substring(ref, start, start + count);
    }
    int[] cps = new int[count];
    for (int i = 0; i < count; i++) {
      cps[i] = charAt(ref, start + i * step);
    }
    return ofCodePoints(cps, 0, count);
  }

  int repeat(int ref, long times) {
    int n = length(ref);
    if (times <= 0 || n == 0) {
      return empty();
    }
    if (n * times > (long) Types.MAX_ELEMENTS) {
      throw rt.tooLong("str");
    }
    int total = (int) (n * times);
    int k = kind(ref);
    int mark = rt.keep(ref);
    int r = alloc(total, k, isAscii(ref));
    rt.release(mark);
    for (int t = 0; t < times; t++) {
      for (int i = 0; i < n; i++) {
        put(r, k, t * n + i, charAt(ref, i));
      }
    }
    return r;
  }

  /** Index of {@code needle} in {@code hay[from, to)}, or -1. */
  int indexOf(int hay, int needle, int from, int to) {
    int m = length(needle);
    if (from < 0) {
      from = 0;
    }
    for (int i = from; i + m <= to; i++) {
      int j = 0;
      while (j < m && charAt(hay, i + j) == charAt(needle, j)) {
        j++;
      }
      if (j == m) {
        return i;
      }
    }
    return -1;
  }

  int lastIndexOf(int hay, int needle, int from, int to) {
    int m = length(needle);
    for (int i = to - m; i >= from; i--) {
      int j = 0;
      while (j < m && charAt(hay, i + j) == charAt(needle, j)) {
        j++;
      }
      if (j == m) {
        return i;
      }
    }
    return -1;
  }

  boolean contains(int hay, int needle) {
    return indexOf(hay, needle, 0, length(hay)) >= 0;
  }

  /** A str argument's Java text; TypeError naming {@code what} otherwise. */
  String arg(int v, String what) {
    if (!isStr(v)) {
      throw rt.typeError(what + " must be str, not " + rt.typeName(v));
    }
    return toJava(v);
  }

  /** Interns a Java constant as a permanent str (names, fixed messages). */
  int permanent(String s) {
    int r = of(s);
    rt.permanent(r);
    return r;
  }
}
