package dev.zvm.bytecode;

/**
 * The image's string encoding: WTF-8, i.e. UTF-8 that also encodes an unpaired surrogate as its
 * own three-byte sequence. A Python string literal may hold a lone surrogate ({@code "\ud800"})
 * and the JDK's UTF-8 encoder would replace it with {@code '?'}; this keeps every Java string
 * exactly. The decoder accepts only the canonical form (no overlong sequences, no surrogate pair
 * spelled as two three-byte halves), so a string has one encoding.
 */
final class Wtf8 {
  private Wtf8() {}

  static int encodedLength(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  static byte[] encode(String s) {
    byte[] out = new byte[encodedLength(s)];
    int o = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        out[o++] = (byte) c;
      } else if (c < 0x800) {
        out[o++] = (byte) (0xC0 | c >> 6);
        out[o++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        out[o++] = (byte) (0xF0 | cp >> 18);
        out[o++] = (byte) (0x80 | cp >> 12 & 0x3F);
        out[o++] = (byte) (0x80 | cp >> 6 & 0x3F);
        out[o++] = (byte) (0x80 | cp & 0x3F);
      } else {
        out[o++] = (byte) (0xE0 | c >> 12);
        out[o++] = (byte) (0x80 | c >> 6 & 0x3F);
        out[o++] = (byte) (0x80 | c & 0x3F);
      }
    }
    return out;
  }

  /** Decodes {@code b[from, from + length)}, or returns null if it is not canonical WTF-8. */
  static String decode(byte[] b, int from, int length) {
    StringBuilder sb = new StringBuilder(length);
    int i = from;
    int end = from + length;
    while (i < end) {
      int b0 = b[i] & 0xFF;
      if (b0 < 0x80) {
        sb.append((char) b0);
        i++;
      } else if (b0 >= 0xC2 && b0 <= 0xDF) {
        if (i + 1 >= end || !continuation(b[i + 1])) {
          return null;
        }
        sb.append((char) ((b0 & 0x1F) << 6 | b[i + 1] & 0x3F));
        i += 2;
      } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        if (i + 2 >= end || !continuation(b[i + 1]) || !continuation(b[i + 2])) {
          return null;
        }
        char c = (char) ((b0 & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | b[i + 2] & 0x3F);
        boolean pairSpelledApart =
            Character.isLowSurrogate(c)
                && sb.length() > 0
                && Character.isHighSurrogate(sb.charAt(sb.length() - 1));
        if (c < 0x800 || pairSpelledApart) {
          return null;
        }
        sb.append(c);
        i += 3;
      } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        if (i + 3 >= end
            || !continuation(b[i + 1])
            || !continuation(b[i + 2])
            || !continuation(b[i + 3])) {
          return null;
        }
        int cp =
            (b0 & 0x07) << 18 | (b[i + 1] & 0x3F) << 12 | (b[i + 2] & 0x3F) << 6 | b[i + 3] & 0x3F;
        if (cp < 0x10000 || cp > Character.MAX_CODE_POINT) {
          return null;
        }
        sb.appendCodePoint(cp);
        i += 4;
      } else {
        return null;
      }
    }
    return sb.toString();
  }

  private static boolean continuation(byte b) {
    return (b & 0xC0) == 0x80;
  }
}
