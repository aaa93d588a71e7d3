package dev.zvm.vm;

import dev.zvm.gc.ObjectHeader;

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
  private final byte[] digits = new byte[20];
  /** Where {@link #scan} found its needle: read before the next scan. */
  int[] hits = new int[64];
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
    int r = tryAlloc(len, kind, ascii);
    if (r == Values.NULL) {
      throw rt.memoryError();
    }
    return r;
  }

  /**
   * A new str of {@code len} chars of width 1 whose char words the caller writes, every one of them
   * and whole (an {@link #appender} does), before anything reads the str: its block is not cleared
   * first, only the words past the chars are. Throws MemoryError when the heap cannot hold it.
   */
  private int allocFilled(int len, boolean ascii) {
    if (len > Types.MAX_ELEMENTS) {
      throw rt.tooLong("str");
    }
    int r = tryAllocFilled(len, ascii);
    if (r == Values.NULL) {
      throw rt.memoryError();
    }
    return r;
  }

  /** {@link #allocFilled} of at most MAX_ELEMENTS characters, or NULL when the heap cannot hold it. */
  private int tryAllocFilled(int len, boolean ascii) {
    int r = rt.heap.allocBytesUncleared(Types.STR, HEADER_BYTES + len);
    if (r != Values.NULL) {
      int i = Runtime.at(r);
      w[i] = len;
      w[i + 1] = 0; // the hash, not computed yet
      rt.setFlags(r, 1 | (ascii ? ASCII : 0));
      int end = (r >> 2) + (ObjectHeader.blockGranules(HEADER_BYTES + len) << 1);
      for (int j = i + 2 + ((len + 3) >> 2); j < end; j++) {
        w[j] = 0; // the granule's padding: the heap's contract is that the whole payload is written
      }
    }
    return r;
  }

  /** {@link #alloc} of at most MAX_ELEMENTS characters, or NULL when the heap cannot hold it. */
  private int tryAlloc(int len, int kind, boolean ascii) {
    int r = rt.heap.allocBytes(Types.STR, HEADER_BYTES + len * kind);
    if (r != Values.NULL) {
      w[Runtime.at(r)] = len;
      rt.setFlags(r, kind | (ascii ? ASCII : 0));
    }
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

  /** The one-character string of {@code cp} if it is ASCII and made already, else 0: allocates nothing. */
  int cachedChar(int cp) {
    return cp < 128 ? chars[cp] : 0;
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
    int or = 0;
    for (int i = from; i < to; i++) {
      or |= s.charAt(i);
    }
    if (or < 0x100) { // every char is Latin-1: one byte each, packed four to a word
      return ofLatin1(s, from, to, or < 0x80);
    }
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

  private int ofLatin1(CharSequence s, int from, int to, boolean ascii) {
    int n = to - from;
    if (n == 0) {
      return empty();
    }
    if (n == 1 && ascii) {
      return ofChar(s.charAt(from));
    }
    int r = alloc(n, 1, ascii);
    int base = Runtime.at(r) + 2;
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      int c = from + i;
      w[base + (i >> 2)] = s.charAt(c) | s.charAt(c + 1) << 8 | s.charAt(c + 2) << 16 | s.charAt(c + 3) << 24;
    }
    int word = 0;
    for (int sh = 0; i < n; i++, sh += 8) {
      word |= s.charAt(from + i) << sh;
    }
    if (shift(n) != 0) {
      w[base + (n >> 2)] = word;
    }
    return r;
  }

  private static int shift(int byteIndex) {
    return (byteIndex & 3) << 3;
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
    if (kind(ref) == 1) {
      return new String(latin1(ref), java.nio.charset.StandardCharsets.ISO_8859_1);
    }
    int n = length(ref);
    StringBuilder sb = new StringBuilder(n);
    appendTo(sb, ref);
    return sb.toString();
  }

  /** The bytes of a str of width 1 (its Latin-1 encoding). */
  byte[] latin1(int ref) {
    int n = length(ref);
    byte[] out = new byte[n];
    int base = Runtime.at(ref) + 2;
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      int word = w[base + (i >> 2)];
      out[i] = (byte) word;
      out[i + 1] = (byte) (word >>> 8);
      out[i + 2] = (byte) (word >>> 16);
      out[i + 3] = (byte) (word >>> 24);
    }
    for (; i < n; i++) {
      out[i] = (byte) byteAt(base, i);
    }
    return out;
  }

  /** Byte {@code i} of a width-1 str whose payload's chars start at word {@code base}. */
  private int byteAt(int base, int i) {
    return (w[base + (i >> 2)] >>> shift(i)) & 0xFF;
  }

  /** Sets char {@code i} of the zeroed width-1 str whose chars start at word {@code base}. */
  private void orByte(int base, int i, int b) {
    w[base + (i >> 2)] |= b << shift(i);
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
    int r = tryConcat(a, b);
    if (r == Values.NULL) {
      if (length(a) + length(b) > Types.MAX_ELEMENTS) {
        throw rt.tooLong("str");
      }
      throw rt.memoryError();
    }
    return r;
  }

  /**
   * {@code a + b}, or NULL where {@link #concat} raises: a result too long, or a heap that cannot hold
   * it. For the fast loop, which may not raise.
   */
  int tryConcat(int a, int b) {
    int na = length(a);
    int nb = length(b);
    if (na == 0) {
      return b;
    }
    if (nb == 0) {
      return a;
    }
    if (na + nb > Types.MAX_ELEMENTS) {
      return Values.NULL;
    }
    int k = Math.max(kind(a), kind(b));
    int mark = rt.keep(a);
    rt.keep(b);
    boolean ascii = isAscii(a) && isAscii(b);
    int r = k == 1 ? tryAllocFilled(na + nb, ascii) : tryAlloc(na + nb, k, ascii);
    rt.release(mark);
    if (r == Values.NULL) {
      return r;
    }
    if (k == 1) {
      finish(append(append(appender(r), a, 0, na), b, 0, nb));
    } else {
      putChars(b, r, k, putChars(a, r, k, 0));
    }
    return r;
  }

  /** Copies all of str {@code src} into the new str {@code dst} of width {@code k} > 1 at char {@code at}; returns the end. */
  private int putChars(int src, int dst, int k, int at) {
    int n = length(src);
    for (int j = 0; j < n; j++) {
      put(dst, k, at + j, charAt(src, j));
    }
    return at + n;
  }

  // ---- building a width-1 str front to back ----
  //
  // An appender is one long: the payload word the next bytes go to (bits 34 and up), how many bytes
  // of it are pending (bits 32 and 33) and those bytes (bits 0 to 31). Each payload word is written
  // once, whole, when its fourth byte arrives (or by #finish), so no copy reads back what it wrote
  // and no byte goes alone. A long and not an object, so that the copying loops keep it in a
  // register and a build allocates nothing in Java. The str was just allocated, and not cleared
  // (#allocFilled): a build that appends exactly its length writes every char word.

  private static long appender(int r) {
    return (long) (Runtime.at(r) + 2) << 34;
  }

  /** Appends the chars {@code [from, from + n)} of the width-1 str {@code src}. */
  private long append(long a, int src, int from, int n) {
    if (n <= 0) {
      return a;
    }
    int d = (int) (a >>> 34);
    int bits = (int) (a >>> 29) & 0x18;
    long acc = a & 0xFFFF_FFFFL;
    int sb = Runtime.at(src) + 2 + (from >> 2);
    int lead = (4 - (from & 3)) & 3; // chars before the source is at a word's start
    if (lead != 0) {
      lead = Math.min(lead, n);
      acc |= ((w[sb] >>> ((from & 3) << 3)) & ((1L << (lead << 3)) - 1)) << bits;
      bits += lead << 3;
      if (bits >= 32) {
        w[d++] = (int) acc;
        acc >>>= 32;
        bits -= 32;
      }
      sb++;
      n -= lead;
    }
    int full = n >> 2;
    if (bits == 0 && full >= 8) {
      System.arraycopy(w, sb, w, d, full);
      d += full;
    } else {
      for (int k = 0; k < full; k++) {
        acc |= (w[sb + k] & 0xFFFF_FFFFL) << bits;
        w[d++] = (int) acc;
        acc >>>= 32;
      }
    }
    int rem = n & 3;
    if (rem != 0) {
      acc |= (w[sb + full] & ((1L << (rem << 3)) - 1)) << bits;
      bits += rem << 3;
      if (bits >= 32) {
        w[d++] = (int) acc;
        acc >>>= 32;
        bits -= 32;
      }
    }
    return (long) d << 34 | (long) bits << 29 | acc;
  }

  /** Appends the char {@code b} (below 256). */
  private long appendByte(long a, int b) {
    int bits = (int) (a >>> 29) & 0x18;
    long acc = (a & 0xFFFF_FFFFL) | (long) b << bits;
    if (bits < 24) {
      return (a & ~0xFFFF_FFFFL) + (1L << 32) | acc;
    }
    int d = (int) (a >>> 34);
    w[d] = (int) acc;
    return (long) (d + 1) << 34;
  }

  /** Appends {@code v} in decimal, its sign included. */
  private long appendDecimal(long a, long v) {
    if (v < 0) {
      a = appendByte(a, '-');
    }
    long m = v < 0 ? v : -v; // negative: Long.MIN_VALUE has no positive
    int n = 0;
    do { // the last digit first, dividing by a constant (a multiplication, where m / p is a division)
      digits[n++] = (byte) ('0' - (int) (m % 10));
      m /= 10;
    } while (m != 0);
    while (n > 0) {
      a = appendByte(a, digits[--n]);
    }
    return a;
  }

  /** Writes the pending chars. */
  private void finish(long a) {
    if ((a & (3L << 32)) != 0) {
      w[(int) (a >>> 34)] = (int) a;
    }
  }

  /** The chars {@code [from, to)} of {@code ref} (0 ≤ from ≤ to ≤ length). */
  int substring(int ref, int from, int to) {
    int n = to - from;
    if (n <= 1) {
      return n <= 0 ? empty() : ofChar(charAt(ref, from));
    }
    int r = trySubstring(ref, from, to);
    if (r == Values.NULL) {
      throw rt.memoryError();
    }
    return r;
  }

  /**
   * {@link #substring}, or NULL when the heap cannot hold it, and for a piece of no char or of one
   * that is not made yet ({@link #cachedChar}): the caller then takes the full way.
   */
  int trySubstring(int ref, int from, int to) {
    int n = to - from;
    if (n <= 1) {
      return n <= 0 ? empty : cachedChar(charAt(ref, from));
    }
    if (from == 0 && to == length(ref)) {
      return ref;
    }
    int mark = rt.keep(ref);
    int r;
    if (kind(ref) == 1) {
      r = tryLatin1Piece(ref, from, n);
    } else {
      int max = 0;
      for (int i = from; i < to; i++) {
        max = Math.max(max, charAt(ref, i));
      }
      int nk = kindFor(max);
      r = tryAlloc(n, nk, max < 128);
      for (int i = 0; r != Values.NULL && i < n; i++) {
        put(r, nk, i, charAt(ref, from + i));
      }
    }
    rt.release(mark);
    return r;
  }

  /**
   * A new str of the {@code n} chars (2 or more) at {@code from} of the width-1 str {@code src}, or
   * NULL when the heap cannot hold it. The caller keeps {@code src}.
   */
  private int tryLatin1Piece(int src, int from, int n) {
    boolean ascii = isAscii(src);
    if (!ascii) {
      int sb = Runtime.at(src) + 2;
      ascii = true;
      for (int i = from; ascii && i < from + n; i++) {
        ascii = byteAt(sb, i) < 128;
      }
    }
    int r = tryAllocFilled(n, ascii);
    if (r != Values.NULL) {
      copyLatin1(src, from, n, Runtime.at(r) + 2);
    }
    return r;
  }

  /**
   * Writes the {@code n} chars (1 or more) at {@code from} of the width-1 str {@code src} to the
   * char words at {@code d} of another, whole words, the bytes past the last char zero: each word
   * is the two source words it straddles, shifted together.
   */
  private void copyLatin1(int src, int from, int n, int d) {
    int sb = Runtime.at(src) + 2 + (from >> 2);
    int words = (n + 3) >> 2;
    int s = (from & 3) << 3;
    if (s == 0) {
      for (int k = 0; k < words; k++) {
        w[d + k] = w[sb + k];
      }
    } else {
      for (int k = 0; k < words - 1; k++) {
        w[d + k] = (w[sb + k] >>> s) | (w[sb + k + 1] << -s);
      }
      int last = w[sb + words - 1] >>> s;
      if ((from & 3) + n > words << 2) { // the last chars reach into one more source word
        last |= w[sb + words] << -s;
      }
      w[d + words - 1] = last;
    }
    int tail = n & 3;
    if (tail != 0) {
      w[d + words - 1] &= (1 << (tail << 3)) - 1;
    }
  }

  /**
   * {@code sep.join(items)} when the separator and all {@code len} items of the list or tuple
   * {@code seq} are strs of width 1: one allocation, then word copies. Returns 0 when some item is not
   * such a str (the caller then takes the general way, which also raises the TypeError). The caller
   * keeps {@code sep} and {@code seq}; {@code len} is at least 2.
   */
  int joinLatin1(int sep, int seq, int len) {
    if (kind(sep) != 1) {
      return 0;
    }
    long total = (long) length(sep) * (len - 1);
    boolean ascii = isAscii(sep);
    for (int i = 0; i < len; i++) {
      int item = rt.lists.get(seq, i);
      if (!isStr(item) || kind(item) != 1) {
        return 0;
      }
      total += length(item);
      ascii &= isAscii(item);
    }
    if (total > Types.MAX_ELEMENTS) {
      throw rt.tooLong("str");
    }
    int r = allocFilled((int) total, ascii);
    int m = length(sep);
    int items = rt.lists.items(seq);
    long a = append(appender(r), w[items], 0, length(w[items]));
    int b = m == 1 ? byteAt(Runtime.at(sep) + 2, 0) : -1; // '\n'.join, ' '.join: a byte, not a copy
    for (int i = 1; i < len; i++) {
      int item = w[items + i];
      a = append(b >= 0 ? appendByte(a, b) : append(a, sep, 0, m), item, 0, length(item));
    }
    finish(a);
    return r;
  }

  /**
   * The strs {@code values[from, to)} one after the other ({@code BUILD_STRING}: an f-string's
   * pieces), in one allocation, without Java text. The values stay reachable (the caller's stack).
   */
  int concatAll(int[] values, int from, int to) {
    if (to - from == 1) {
      return values[from];
    }
    long total = 0;
    int k = 1;
    boolean ascii = true;
    for (int i = from; i < to; i++) {
      int v = values[i];
      total += length(v);
      k = Math.max(k, kind(v));
      ascii &= isAscii(v);
    }
    if (total == 0) {
      return empty();
    }
    if (total > Types.MAX_ELEMENTS) {
      throw rt.tooLong("str");
    }
    int r = k == 1 ? allocFilled((int) total, ascii) : alloc((int) total, k, ascii);
    if (k == 1) {
      long a = appender(r);
      for (int i = from; i < to; i++) {
        a = append(a, values[i], 0, length(values[i]));
      }
      finish(a);
    } else {
      for (int i = from, at = 0; i < to; i++) {
        at = putChars(values[i], r, k, at);
      }
    }
    return r;
  }

  /**
   * {@code fmt % args} in the common case, without a Java string: {@code fmt} of width 1 whose
   * conversions are all a bare {@code %s}, {@code %d} or {@code %i} (no key, flag, width or
   * precision) or {@code %%}, and, for each conversion in turn, an argument that is a str of width 1
   * ({@code %s} only) or an int (small or boxed, not a bool). {@code args} is a tuple holding exactly
   * one argument per conversion, or the one argument itself when it is no tuple. Counts the length,
   * allocates once and copies, as {@link #joinLatin1} does. Returns 0 for anything else, and when
   * the heap cannot hold the result: the caller then formats in full, and raises where the format,
   * the arguments or the heap fall short. Raises nothing itself, so the fast paths call it too. The
   * caller keeps {@code fmt} and {@code args}.
   */
  int percentLatin1(int fmt, int args) {
    if (kind(fmt) != 1) {
      return 0;
    }
    boolean tuple = rt.lists.isTuple(args);
    int n = tuple ? rt.lists.tupleLength(args) : 1;
    int fb = Runtime.at(fmt) + 2;
    int len = length(fmt);
    long total = len; // less two for each conversion, plus what it makes
    boolean ascii = isAscii(fmt);
    int next = 0;
    for (int i = nextPercent(fb, 0, len); i < len; i = nextPercent(fb, i + 2, len)) {
      int conv = i + 1 < len ? byteAt(fb, i + 1) : 0;
      total -= 2;
      if (conv == '%') {
        total++;
        continue;
      }
      if (next >= n) {
        return 0;
      }
      int v = tuple ? rt.lists.get(args, next) : args;
      next++;
      if (conv == 's' && isStr(v) && kind(v) == 1) {
        total += length(v);
        ascii &= isAscii(v);
      } else if ((conv == 's' || conv == 'd' || conv == 'i') && rt.ints.isInt(v)) {
        total += decimalLength(rt.ints.value(v));
      } else {
        return 0;
      }
    }
    if (next != n) {
      return 0;
    }
    int r = total > Types.MAX_ELEMENTS ? Values.NULL : tryAllocFilled((int) total, ascii);
    if (r == Values.NULL) {
      return 0; // the full way raises the error
    }
    long a = appender(r);
    int run = 0; // where the literal text not copied yet begins
    next = 0;
    for (int i = nextPercent(fb, 0, len); i < len; i = nextPercent(fb, i + 2, len)) {
      a = append(a, fmt, run, i - run);
      int conv = byteAt(fb, i + 1);
      run = i + 2;
      if (conv == '%') {
        a = appendByte(a, '%');
        continue;
      }
      int v = tuple ? rt.lists.get(args, next) : args;
      next++;
      a = isStr(v) ? append(a, v, 0, length(v)) : appendDecimal(a, rt.ints.value(v));
    }
    finish(append(a, fmt, run, len - run));
    return r;
  }

  /** The first {@code %} at or after char {@code i} of the width-1 text at word {@code base}, or {@code len}: a word at a time. */
  private int nextPercent(int base, int i, int len) {
    for (; i < len; i = (i & ~3) + 4) {
      int found = zeroBytes(w[base + (i >> 2)] ^ 0x2525_2525) & (-1 << ((i & 3) << 3));
      if (found != 0) {
        return Math.min((i & ~3) + (Integer.numberOfTrailingZeros(found) >> 3), len);
      }
    }
    return len;
  }

  /**
   * The value of a one-byte str that is an optional sign and 1 to 18 ASCII digits, nothing else
   * ({@code int(s)} in the common case, without a Java string); {@link Long#MIN_VALUE}, which such a
   * str cannot denote, for any other str: the caller then parses in full (whitespace, underscores,
   * errors).
   */
  long decimalValue(int ref) {
    int n = length(ref);
    if (kind(ref) != 1 || n == 0 || n > 19) {
      return Long.MIN_VALUE;
    }
    int b = Runtime.at(ref) + 2;
    int first = byteAt(b, 0);
    int i = first == '-' || first == '+' ? 1 : 0;
    if (i == n || n - i > 18) {
      return Long.MIN_VALUE;
    }
    long v = 0;
    for (; i < n; i++) {
      int d = byteAt(b, i) - '0';
      if (d < 0 || d > 9) {
        return Long.MIN_VALUE;
      }
      v = v * 10 + d;
    }
    return first == '-' ? -v : v;
  }

  /** A new ASCII str of the bytes {@code b[0 .. n)}. */
  int ofAscii(byte[] b, int n) {
    int r = alloc(n, 1, true);
    int base = Runtime.at(r) + 2;
    for (int i = 0; i < n; i++) {
      orByte(base, i, b[i] & 0x7F);
    }
    return r;
  }

  /**
   * {@code hex(v)}, {@code oct(v)} or {@code bin(v)}: the sign, {@code 0} and {@code letter}, then the
   * digits of base {@code 1 << shift} (16, 8 or 2), written straight into a new str.
   */
  int ofRadix(long v, int shift, char letter) {
    long m = v < 0 ? -v : v; // as unsigned: Long.MIN_VALUE's magnitude is 2^63
    int digits = Math.max(1, (64 - Long.numberOfLeadingZeros(m) + shift - 1) / shift);
    int len = (v < 0 ? 3 : 2) + digits;
    int r = alloc(len, 1, true);
    int rb = Runtime.at(r) + 2;
    int at = 0;
    if (v < 0) {
      orByte(rb, at++, '-');
    }
    orByte(rb, at++, '0');
    orByte(rb, at, letter);
    int mask = (1 << shift) - 1;
    for (int i = len - 1; i >= len - digits; i--) {
      int d = (int) m & mask;
      orByte(rb, i, d < 10 ? '0' + d : 'a' + d - 10);
      m >>>= shift;
    }
    return r;
  }

  /** {@code str(v)} of an int: its decimal digits, written into a new str. */
  int ofLong(long v) {
    int r = allocFilled(decimalLength(v), true);
    finish(appendDecimal(appender(r), v));
    return r;
  }

  /** 10^0 .. 10^22: the powers of ten a double holds exactly. */
  private static final double[] EXACT_POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

  /**
   * {@code float(s)} where the answer is one correctly rounded operation away, without a Java string:
   * a one-byte str that is {@code [sign] digits [. digits] [e [sign] digits]} with at most 15
   * significant digits and a decimal exponent (after moving the point) within 22 of zero. Then both
   * the digits and the power of ten are exact doubles, so one multiplication or division rounds
   * correctly (Clinger's fast path). NaN for any other str: the caller parses in full (whitespace,
   * underscores, inf and nan, longer numbers, errors).
   */
  double decimalFloat(int ref) {
    int n = length(ref);
    if (kind(ref) != 1 || n == 0 || n > 40) {
      return Double.NaN;
    }
    int b = Runtime.at(ref) + 2;
    int i = 0;
    int c = byteAt(b, 0);
    boolean negative = c == '-';
    if (c == '-' || c == '+') {
      i++;
    }
    long digits = 0;
    int significant = 0;
    int scale = 0; // digits after the point
    int seen = 0;
    boolean point = false;
    for (; i < n; i++) {
      c = byteAt(b, i);
      if (c == '.' && !point) {
        point = true;
        continue;
      }
      if (c < '0' || c > '9') {
        break;
      }
      seen++;
      if (digits != 0 || c != '0') {
        if (++significant > 15) {
          return Double.NaN;
        }
      }
      digits = digits * 10 + (c - '0');
      if (point) {
        scale++;
      }
    }
    if (seen == 0) {
      return Double.NaN;
    }
    int exp = 0;
    if (i < n && (c == 'e' || c == 'E')) {
      i++;
      boolean expNegative = i < n && byteAt(b, i) == '-';
      if (i < n && (byteAt(b, i) == '-' || byteAt(b, i) == '+')) {
        i++;
      }
      int start = i;
      for (; i < n && i - start < 4; i++) {
        c = byteAt(b, i);
        if (c < '0' || c > '9') {
          break;
        }
        exp = exp * 10 + (c - '0');
      }
      if (i == start) {
        return Double.NaN;
      }
      exp = expNegative ? -exp : exp;
    }
    if (i != n) {
      return Double.NaN;
    }
    int e = exp - scale;
    double v = digits;
    if (e < 0) {
      if (-e >= EXACT_POW10.length) {
        return Double.NaN;
      }
      v /= EXACT_POW10[-e];
    } else if (e > 0) {
      if (e >= EXACT_POW10.length) {
        return Double.NaN;
      }
      v *= EXACT_POW10[e];
    }
    return negative ? -v : v;
  }

  /** The chars of {@code v} in decimal, its sign included. */
  private static int decimalLength(long v) {
    int n = v < 0 ? 2 : 1;
    for (long m = v < 0 ? v : -v; m <= -10; m /= 10) { // negative: Long.MIN_VALUE has no positive
      n++;
    }
    return n;
  }

  /**
   * {@code self.replace(old, neu, max)} when all three are strs of width 1 and {@code old} is not empty:
   * counts the matches, allocates once, copies the pieces. Returns {@code self} itself when nothing
   * matches, 0 when a str is wider (the caller then takes the general way). The caller keeps all three.
   */
  int replaceLatin1(int self, int old, int neu, long max) {
    if (kind(self) != 1 || kind(old) != 1 || kind(neu) != 1 || length(old) == 0) {
      return 0;
    }
    int n = length(self);
    int m = length(old);
    int k = length(neu);
    int matches = scan(self, old, 0, n, max);
    if (matches == 0) {
      return self;
    }
    long total = n + (long) matches * (k - m);
    if (total > Types.MAX_ELEMENTS) {
      throw rt.tooLong("str");
    }
    int r = allocFilled((int) total, false);
    int[] at = hits;
    int from = 0;
    long a = appender(r);
    for (int i = 0; i < matches; i++) {
      a = append(append(a, self, from, at[i] - from), neu, 0, k);
      from = at[i] + m;
    }
    finish(append(a, self, from, n - from));
    markIfAscii(r);
    return r;
  }

  /** Sets the ASCII flag of a width-1 str whose chars are all below 128 (its padding bytes are 0). */
  private void markIfAscii(int ref) {
    int base = Runtime.at(ref) + 2;
    int high = 0;
    for (int i = 0, words = (length(ref) + 3) >> 2; i < words; i++) {
      high |= w[base + i];
    }
    if ((high & 0x8080_8080) == 0) {
      rt.setFlags(ref, rt.flags(ref) | ASCII);
    }
  }

  /**
   * {@code upper()} ({@code toUpper}) or {@code lower()} of an ASCII str, a word at a time; 0 when the
   * str is not ASCII (the caller then uses Java's Unicode case mapping).
   */
  int asciiCase(int ref, boolean toUpper) {
    if (!isAscii(ref)) {
      return 0;
    }
    int n = length(ref);
    if (n <= 1) {
      return n == 0 ? ref : ofChar(caseOf(charAt(ref, 0), toUpper));
    }
    int mark = rt.keep(ref);
    int r = allocFilled(n, true);
    rt.release(mark);
    int sb = Runtime.at(ref) + 2;
    int db = Runtime.at(r) + 2;
    // four chars at once: below 128 each, a byte plus (128 - 'a') reaches 128 exactly when it is at
    // least 'a', and no sum carries into the next byte; the letters' flags, moved to 0x20, flip case
    int low = toUpper ? 0x1F1F_1F1F : 0x3F3F_3F3F; // 128 - 'a', 128 - 'A' in every byte
    int high = toUpper ? 0x0505_0505 : 0x2525_2525; // 128 - ('z' + 1), 128 - ('Z' + 1)
    for (int i = 0, words = (n + 3) >> 2; i < words; i++) {
      int x = w[sb + i];
      int letters = (x + low) & ~(x + high) & 0x8080_8080;
      w[db + i] = x ^ (letters >>> 2);
    }
    return r;
  }

  private static int caseOf(int c, boolean toUpper) {
    int from = toUpper ? 'a' : 'A';
    return c >= from && c < from + 26 ? c ^ 0x20 : c;
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
    int total = rt.repeatedLength(n, times, "str");
    if (total == 0) {
      return empty();
    }
    int k = kind(ref);
    int mark = rt.keep(ref);
    int r = alloc(total, k, isAscii(ref));
    rt.release(mark);
    for (int at = 0; at < total; at += n) {
      for (int i = 0; i < n; i++) {
        put(r, k, at + i, charAt(ref, i));
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
    int kh = kind(hay);
    int kn = kind(needle);
    if (kn > kh) {
      return -1; // the needle has a char wider than any of the haystack's (widths are minimal)
    }
    if (kh == 1 && m > 0) {
      return scan(hay, needle, from, to, 1) == 0 ? -1 : hits[0];
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

  /**
   * Finds the occurrences of {@code needle} in {@code hay[from, to)}, both strs of width 1 and the
   * needle not empty, left to right and not overlapping, as find, count, replace and split take
   * them; at most {@code max}. Their positions go to {@link #hits}; returns how many there are.
   *
   * <p>A word at a time: XORed with the needle's first char in every byte, a word of the haystack
   * has a zero byte where that char is, and {@link #zeroBytes} flags each such byte, so a text
   * without that char is read at four chars per step, and only a candidate is compared in full.
   */
  int scan(int hay, int needle, int from, int to, long max) {
    int hb = Runtime.at(hay) + 2;
    int nb = Runtime.at(needle) + 2;
    int m = length(needle);
    int pattern = byteAt(nb, 0) * 0x0101_0101;
    int last = to - m; // the last position a match may start at
    int count = 0;
    int i = Math.max(from, 0); // the first position the next match may start at
    while (i <= last && count < max) {
      int start = i & ~3;
      int found = zeroBytes(w[hb + (i >> 2)] ^ pattern) & (-1 << ((i & 3) << 3));
      while (found != 0) {
        int j = start + (Integer.numberOfTrailingZeros(found) >> 3);
        found &= found - 1;
        if (j > last) {
          return count;
        }
        if (j >= i && (m == 1 || regionMatches(hb, j, nb, m))) {
          if (count == hits.length) {
            hits = java.util.Arrays.copyOf(hits, 2 * count);
          }
          hits[count++] = j;
          if (count == max) {
            return count;
          }
          i = j + m;
        }
      }
      i = Math.max(i, start + 4);
    }
    return count;
  }

  /**
   * {@code self.split(sep, max)} of a width-1 str and separator (not empty): one {@link #scan} finds
   * every separator, so the list is made at its size.
   */
  int splitLatin1(int self, int sep, long max) {
    int len = length(self);
    int m = length(sep);
    int count = scan(self, sep, 0, len, max < 0 ? Long.MAX_VALUE : max);
    int mark = rt.keep(self);
    int l = rt.lists.newList(count + 1);
    rt.keep(l);
    // the list's buffer has the count + 1 slots: filled in place, the length set at the end (a
    // collection while a piece is made traces every slot of the buffer, and the rest are empty)
    int items = rt.lists.listItems(l);
    int[] at = hits;
    int from = 0;
    for (int i = 0; i < count; i++) {
      w[items + i] = piece(self, from, at[i]);
      from = at[i] + m;
    }
    w[items + count] = piece(self, from, len);
    rt.lists.setLength(l, count + 1);
    rt.release(mark);
    return l;
  }

  /**
   * {@link #substring} for a caller that keeps {@code ref}, which is of width 1: a piece of two
   * chars or more is copied straight into a new str.
   */
  private int piece(int ref, int from, int to) {
    if (to - from >= 2 && to - from < length(ref)) {
      int r = tryLatin1Piece(ref, from, to - from);
      if (r != Values.NULL) {
        return r;
      }
    }
    return substring(ref, from, to);
  }

  /**
   * {@code self.split(None, max)}: the runs of chars that are not whitespace; past {@code max}
   * pieces (negative: no limit) the rest is one, trailing whitespace and all (as CPython).
   */
  int splitWhitespace(int self, long max) {
    int len = length(self);
    boolean latin1 = kind(self) == 1;
    // the pieces' bounds first, into hits as (start, end) pairs, so that the list is made at its
    // size and filled in place (as splitLatin1), instead of growing through appends
    int count = 0;
    for (int i = 0; ; ) {
      while (i < len && spaceAt(self, latin1, i)) {
        i++;
      }
      if (i >= len) {
        break;
      }
      int j = len;
      if (max < 0 || count < max) {
        j = latin1 ? nextSpaceLatin1(self, i + 1, len) : i + 1;
        while (j < len && !spaceAt(self, latin1, j)) {
          j++;
        }
      }
      if (2 * count + 2 > hits.length) {
        hits = java.util.Arrays.copyOf(hits, 2 * hits.length);
      }
      hits[2 * count] = i;
      hits[2 * count + 1] = j;
      count++;
      i = j;
    }
    int mark = rt.keep(self);
    int l = rt.lists.newList(count);
    rt.keep(l);
    int items = rt.lists.listItems(l);
    int[] at = hits;
    for (int k = 0; k < count; k++) {
      w[items + k] = latin1 ? piece(self, at[2 * k], at[2 * k + 1]) : substring(self, at[2 * k], at[2 * k + 1]);
    }
    rt.lists.setLength(l, count);
    rt.release(mark);
    return l;
  }


  /**
   * Skips, four chars at a time from the word boundary after {@code i}, the words of the width-1
   * str {@code ref} that hold no whitespace: those whose bytes are all from {@code '!'} to 127 (every
   * whitespace char is below {@code '!'} or at 0x85 or 0xA0). Returns where a char-by-char look must
   * go on: at most the first whitespace char.
   */
  private int nextSpaceLatin1(int ref, int i, int len) {
    int base = Runtime.at(ref) + 2;
    while (i < len && (i & 3) != 0 && !SPACE[byteAt(base, i)]) {
      i++;
    }
    while (i + 4 <= len) {
      int x = w[base + (i >> 2)];
      if ((((x - 0x2121_2121) | x) & 0x8080_8080) != 0) {
        break; // a byte below '!' or above 127 may be here (a borrow may flag a byte past it too)
      }
      i += 4;
    }
    return i;
  }

  /** Whether char {@code i} of {@code ref} is whitespace; {@code latin1}: ref is of width 1 (a table). */
  private boolean spaceAt(int ref, boolean latin1, int i) {
    return latin1 ? SPACE[byteAt(Runtime.at(ref) + 2, i)] : Methods.isSpace(charAt(ref, i));
  }

  /** Whether each char below 256 is whitespace ({@link Methods#isSpace}). */
  private static final boolean[] SPACE = new boolean[256];

  static {
    for (int c = 0; c < 256; c++) {
      SPACE[c] = Methods.isSpace(c);
    }
  }

  /** 0x80 in each byte of {@code x} that is zero, nothing elsewhere (exact: no borrow crosses a byte). */
  private static int zeroBytes(int x) {
    int t = (x & 0x7F7F_7F7F) + 0x7F7F_7F7F;
    return ~(t | x | 0x7F7F_7F7F);
  }

  /** Whether the {@code m} chars at {@code j} of the width-1 text at word {@code hb} are those at word {@code nb}. */
  private boolean regionMatches(int hb, int j, int nb, int m) {
    for (int k = 1; k < m; k++) { // the first matched already
      if (byteAt(hb, j + k) != byteAt(nb, k)) {
        return false;
      }
    }
    return true;
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
