package dev.zvm.vm;

/**
 * Code points composed before they become one heap str: the output of {@code %},
 * {@code str.format}, {@code format()} and {@code repr()} of a str. One per VM (the runtime's),
 * used as a stack: a caller notes {@link #length()}, appends, makes its str with
 * {@link #toStr} and cuts back with {@link #truncate} (in a {@code finally}). A call nested in it
 * (a {@code __str__} or {@code __format__} that formats again, while its caller's text is half
 * built) therefore appends after its caller's text and leaves it as it found it; nothing else is
 * shared. The array doubles when full and never shrinks, so a program's steady state allocates
 * nothing here. Reads of the array stay inside these methods: a nested call may replace it.
 */
final class TextBuffer {
  /** More than any one str may hold, with room for text nested under it. */
  private static final int MAX_LENGTH = 8 * Types.MAX_ELEMENTS;

  private final Runtime rt;
  private int[] cps = new int[256];
  private int length;

  TextBuffer(Runtime rt) {
    this.rt = rt;
  }

  int length() {
    return length;
  }

  /** Drops everything from {@code mark} on. */
  void truncate(int mark) {
    length = mark;
  }

  int charAt(int i) {
    return cps[i];
  }

  /** Overwrites code point {@code i} (below {@link #length()}). */
  void set(int i, int cp) {
    cps[i] = cp;
  }

  /** Appends {@code n} code points to be {@link #set} by the caller; returns where they start. */
  int reserve(int n) {
    ensure(n);
    int at = length;
    length += n;
    return at;
  }

  /** Room for {@code n} more code points; OverflowError past what a str may hold. */
  private void ensure(int n) {
    if (n < 0 || length + n > cps.length) {
      if (n < 0 || n > Types.MAX_ELEMENTS || length + n > MAX_LENGTH) {
        throw rt.tooLong("str");
      }
      cps = java.util.Arrays.copyOf(cps, Math.max(cps.length * 2, length + n));
    }
  }

  void add(int cp) {
    if (length == cps.length) {
      ensure(1);
    }
    cps[length++] = cp;
  }

  /** {@code n} times {@code cp} (nothing when n <= 0). */
  void fill(int cp, int n) {
    if (n <= 0) {
      return;
    }
    ensure(n);
    java.util.Arrays.fill(cps, length, length + n, cp);
    length += n;
  }

  /** The ASCII bytes {@code b[from .. to)}. */
  void addAscii(byte[] b, int from, int to) {
    ensure(to - from);
    for (int i = from; i < to; i++) {
      cps[length++] = b[i];
    }
  }

  /** An ASCII constant. */
  void addAscii(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      cps[length++] = s.charAt(i);
    }
  }

  /** The code points {@code [from, to)} of the str {@code ref}. */
  void addStr(int ref, int from, int to) {
    ensure(to - from);
    Strs strs = rt.strs;
    for (int i = from; i < to; i++) {
      cps[length++] = strs.charAt(ref, i);
    }
  }

  void addStr(int ref) {
    addStr(ref, 0, rt.strs.length(ref));
  }

  /** {@code v} in decimal. */
  void addDecimal(long v) {
    if (v < 0) {
      add('-');
    }
    int n = 1;
    for (long m = v < 0 ? v : -v; m <= -10; m /= 10) { // negative: Long.MIN_VALUE has no positive
      n++;
    }
    ensure(n);
    long m = v < 0 ? v : -v;
    for (int i = length + n - 1; i >= length; i--) {
      cps[i] = '0' - (int) (m % 10);
      m /= 10;
    }
    length += n;
  }

  /** Moves {@code [from, length)} right by {@code n} and fills the gap with {@code cp}. */
  void insertFill(int from, int cp, int n) {
    if (n <= 0) {
      return;
    }
    ensure(n);
    System.arraycopy(cps, from, cps, from + n, length - from);
    java.util.Arrays.fill(cps, from, from + n, cp);
    length += n;
  }

  /** The escape of {@code c} as repr and ascii() write it: {@code \xe9}, {@code \u20ac}, {@code \U0001f600}. */
  void addEscape(int c) {
    int digits = c <= 0xFF ? 2 : c <= 0xFFFF ? 4 : 8;
    ensure(digits + 2);
    cps[length++] = '\\';
    cps[length++] = digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
      cps[length++] = Character.forDigit((c >>> shift) & 0xF, 16);
    }
  }

  /** Replaces every code point from {@code from} on that is not ASCII by its escape, as {@code ascii()} does. */
  void escapeNonAscii(int from) {
    int extra = 0;
    for (int i = from; i < length; i++) {
      int c = cps[i];
      extra += c < 0x80 ? 0 : c <= 0xFF ? 3 : c <= 0xFFFF ? 5 : 9;
    }
    if (extra == 0) {
      return;
    }
    int n = length - from;
    ensure(extra + n);
    int copy = length + extra; // past the end of the result: the writes below never reach it
    System.arraycopy(cps, from, cps, copy, n);
    length = from;
    for (int i = copy; i < copy + n; i++) {
      int c = cps[i];
      if (c < 0x80) {
        cps[length++] = c;
      } else {
        addEscape(c);
      }
    }
  }

  /** A new str of {@code [from, length)}. */
  int toStr(int from) {
    return rt.strs.ofCodePoints(cps, from, length);
  }

  /** Appends {@code [from, length)} to a Java builder (for the paths that still build Java text). */
  void appendTo(StringBuilder sb, int from) {
    for (int i = from; i < length; i++) {
      sb.appendCodePoint(cps[i]);
    }
  }
}
