package dev.zvm.vm;

import static dev.zvm.vm.Args.get;

import dev.zvm.bytecode.ExceptionTree;
import java.nio.charset.StandardCharsets;

/**
 * The methods of the builtin types, registered as natives named {@code <type>.<method>}; the
 * object is argument 0. str methods work on Java text where that is simplest (they are not on the
 * loop's hot path) and on the heap where speed matters (join, split, find, startswith).
 */
final class Methods {
  private Methods() {}

  static void register(Runtime rt, Natives n) {
    registerStr(n);
    registerBytes(n);
    registerList(n);
    registerDict(n);
    registerSet(n);
    registerNumbers(n);
  }

  // ---- helpers ----

  private static String str(Runtime rt, int a) {
    return rt.strs.toJava(get(rt, a, 0));
  }

  private static String strArg(Runtime rt, int a, int i, String what) {
    return rt.strs.arg(get(rt, a, i), what);
  }

  /** Optional start/end arguments (None allowed), normalised to [0, len]. */
  /**
   * The optional {@code start, end} arguments at {@code from} clamped to {@code [0, len]}, packed
   * into a long ({@link #start}, {@link #end}): no array per call to find, count, startswith...
   */
  private static long range(Runtime rt, int a, int n, int from, int len) {
    int start = 0;
    int end = len;
    if (n > from && get(rt, a, from) != Values.NONE) {
      long i = rt.ints.arg(get(rt, a, from), "slice indices");
      // a start past the end stays past it (len + 1): 'abc'.find('', 4) is -1, not 3
      start = i > len ? len + 1 : clampIndex(i, len);
    }
    if (n > from + 1 && get(rt, a, from + 1) != Values.NONE) {
      end = clampIndex(rt.ints.arg(get(rt, a, from + 1), "slice indices"), len);
    }
    return (long) start << 32 | end;
  }

  private static int start(long range) {
    return (int) (range >>> 32);
  }

  private static int end(long range) {
    return (int) range;
  }

  private static int clampIndex(long i, int len) {
    if (i < 0) {
      i += len;
      if (i < 0) {
        i = 0;
      }
    }
    return (int) Math.min(i, len);
  }

  // ---- str ----

  private static void registerStr(Natives n) {
    n.addKw("str.split", 1, 3, (r, a, c, kw, nk) -> split(r, a, c, kw, nk, false));
    n.addKw("str.rsplit", 1, 3, (r, a, c, kw, nk) -> split(r, a, c, kw, nk, true));
    n.add("str.join", 2, 2, Methods::join);
    n.add("str.strip", 1, 2, (r, a, c, kw, nk) -> strip(r, a, c, true, true));
    n.add("str.lstrip", 1, 2, (r, a, c, kw, nk) -> strip(r, a, c, true, false));
    n.add("str.rstrip", 1, 2, (r, a, c, kw, nk) -> strip(r, a, c, false, true));
    n.add("str.find", 2, 4, (r, a, c, kw, nk) -> Values.small(find(r, a, c, false)));
    n.add("str.rfind", 2, 4, (r, a, c, kw, nk) -> Values.small(find(r, a, c, true)));
    n.add("str.index", 2, 4, (r, a, c, kw, nk) -> {
      int i = find(r, a, c, false);
      if (i < 0) {
        throw r.valueError("substring not found");
      }
      return Values.small(i);
    });
    n.add("str.rindex", 2, 4, (r, a, c, kw, nk) -> {
      int i = find(r, a, c, true);
      if (i < 0) {
        throw r.valueError("substring not found");
      }
      return Values.small(i);
    });
    n.add("str.count", 2, 4, Methods::count);
    n.add("str.replace", 3, 4, Methods::replace);
    n.add("str.startswith", 2, 4, (r, a, c, kw, nk) -> affix(r, a, c, true));
    n.add("str.endswith", 2, 4, (r, a, c, kw, nk) -> affix(r, a, c, false));
    n.add("str.upper", 1, 1, (r, a, c, kw, nk) -> changeCase(r, a, true));
    n.add("str.lower", 1, 1, (r, a, c, kw, nk) -> changeCase(r, a, false));
    n.add("str.casefold", 1, 1, (r, a, c, kw, nk) -> r.strs.of(str(r, a).toLowerCase(java.util.Locale.ROOT)));
    n.add("str.swapcase", 1, 1, (r, a, c, kw, nk) -> {
      StringBuilder sb = new StringBuilder();
      str(r, a).codePoints().forEach(cp -> sb.appendCodePoint(
          Character.isUpperCase(cp) ? Character.toLowerCase(cp) : Character.isLowerCase(cp) ? Character.toUpperCase(cp) : cp));
      return r.strs.of(sb);
    });
    n.add("str.capitalize", 1, 1, (r, a, c, kw, nk) -> {
      String s = str(r, a);
      if (s.isEmpty()) {
        return get(r, a, 0);
      }
      int first = s.codePointAt(0);
      return r.strs.of(new StringBuilder().appendCodePoint(Character.toTitleCase(first))
          .append(s.substring(Character.charCount(first)).toLowerCase(java.util.Locale.ROOT)));
    });
    n.add("str.title", 1, 1, (r, a, c, kw, nk) -> {
      StringBuilder sb = new StringBuilder();
      boolean prevCased = false;
      String s = str(r, a);
      for (int i = 0; i < s.length(); ) {
        int cp = s.codePointAt(i);
        i += Character.charCount(cp);
        if (Character.isLetter(cp)) {
          sb.appendCodePoint(prevCased ? Character.toLowerCase(cp) : Character.toTitleCase(cp));
          prevCased = true;
        } else {
          sb.appendCodePoint(cp);
          prevCased = false;
        }
      }
      return r.strs.of(sb);
    });
    n.addKw("str.format", 1, Natives.VARIADIC, (r, a, c, kw, nk) ->
        r.formatter.strFormat(get(r, a, 0), a + 1, c - 1, kw, nk));
    n.add("str.isdigit", 1, 1, (r, a, c, kw, nk) -> classify(r, a, Methods::isDigitChar));
    n.add("str.isdecimal", 1, 1, (r, a, c, kw, nk) -> classify(r, a, Character::isDigit));
    n.add("str.isnumeric", 1, 1, (r, a, c, kw, nk) -> classify(r, a, Methods::isNumericChar));
    n.add("str.isalpha", 1, 1, (r, a, c, kw, nk) -> classify(r, a, Character::isLetter));
    n.add("str.isalnum", 1, 1, (r, a, c, kw, nk) ->
        classify(r, a, cp -> Character.isLetter(cp) || isNumericChar(cp))); // as CPython: alpha or numeric
    n.add("str.isspace", 1, 1, (r, a, c, kw, nk) -> classify(r, a, Methods::isSpace));
    n.add("str.isprintable", 1, 1, (r, a, c, kw, nk) -> {
      String s = str(r, a);
      return Values.bool(s.codePoints().allMatch(Printer::printable));
    });
    n.add("str.isidentifier", 1, 1, (r, a, c, kw, nk) -> {
      String s = str(r, a);
      boolean ok = !s.isEmpty() && (Character.isLetter(s.codePointAt(0)) || s.charAt(0) == '_')
          && s.codePoints().allMatch(cp -> Character.isLetterOrDigit(cp) || cp == '_');
      return Values.bool(ok);
    });
    n.add("str.isupper", 1, 1, (r, a, c, kw, nk) -> casePredicate(r, a, true));
    n.add("str.islower", 1, 1, (r, a, c, kw, nk) -> casePredicate(r, a, false));
    n.add("str.istitle", 1, 1, (r, a, c, kw, nk) -> {
      String s = str(r, a);
      boolean cased = false;
      boolean prevCased = false;
      for (int i = 0; i < s.length(); i++) {
        char ch = s.charAt(i);
        if (Character.isUpperCase(ch) || Character.isTitleCase(ch)) {
          if (prevCased) {
            return Values.FALSE;
          }
          prevCased = true;
          cased = true;
        } else if (Character.isLowerCase(ch)) {
          if (!prevCased) {
            return Values.FALSE;
          }
          prevCased = true;
          cased = true;
        } else {
          prevCased = false;
        }
      }
      return Values.bool(cased);
    });
    n.addKw("str.encode", 1, 3, (r, a, c, kw, nk) -> {
      int enc = Args.posOrKw(r, a, c, kw, nk, 1, "encoding", Values.NULL);
      byte[] b = encode(r, get(r, a, 0),
          enc == Values.NULL ? "utf-8" : r.strs.arg(enc, "encode() argument 'encoding'"));
      return r.bytes.newBytes(b, 0, b.length);
    });
    n.add("str.center", 2, 3, (r, a, c, kw, nk) -> pad(r, a, c, 'c'));
    n.add("str.ljust", 2, 3, (r, a, c, kw, nk) -> pad(r, a, c, 'l'));
    n.add("str.rjust", 2, 3, (r, a, c, kw, nk) -> pad(r, a, c, 'r'));
    n.add("str.zfill", 2, 2, (r, a, c, kw, nk) -> {
      String s = str(r, a);
      int len = s.codePointCount(0, s.length());
      int width = paddedWidth(r, r.ints.arg(get(r, a, 1), "zfill()"), len);
      if (width < 0) {
        return get(r, a, 0);
      }
      int signEnd = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
      return r.strs.of(s.substring(0, signEnd) + "0".repeat(width - len) + s.substring(signEnd));
    });
    n.add("str.partition", 2, 2, (r, a, c, kw, nk) -> partition(r, a, false));
    n.add("str.rpartition", 2, 2, (r, a, c, kw, nk) -> partition(r, a, true));
    n.addKw("str.splitlines", 1, 2, (r, a, c, kw, nk) -> {
      boolean keep = r.ops.truthy(Args.posOrKw(r, a, c, kw, nk, 1, "keepends", Values.FALSE));
      String s = str(r, a);
      int l = r.lists.newList(0);
      int mark = r.keep(l);
      int i = 0;
      while (i < s.length()) {
        int j = i;
        while (j < s.length() && "\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029".indexOf(s.charAt(j)) < 0) {
          j++;
        }
        int eol = j;
        if (j < s.length()) {
          j += s.charAt(j) == '\r' && j + 1 < s.length() && s.charAt(j + 1) == '\n' ? 2 : 1;
        }
        r.lists.append(l, r.strs.of(s, i, keep ? j : eol));
        i = j;
      }
      r.release(mark);
      return l;
    });
    n.add("str.expandtabs", 1, 2, (r, a, c, kw, nk) -> {
      int size = c > 1 ? (int) r.ints.arg(get(r, a, 1), "expandtabs()") : 8;
      String s = str(r, a);
      StringBuilder sb = new StringBuilder();
      int col = 0;
      for (int i = 0; i < s.length(); i++) {
        char ch = s.charAt(i);
        if (ch == '\t') {
          int spaces = size > 0 ? size - col % size : 0;
          sb.append(" ".repeat(spaces));
          col += spaces;
        } else {
          sb.append(ch);
          col = ch == '\n' || ch == '\r' ? 0 : col + 1;
        }
      }
      return r.strs.of(sb);
    });
    n.add("str.removeprefix", 2, 2, (r, a, c, kw, nk) -> {
      String s = str(r, a);
      String p = strArg(r, a, 1, "removeprefix() argument");
      return s.startsWith(p) && !p.isEmpty() ? r.strs.of(s.substring(p.length())) : get(r, a, 0);
    });
    n.add("str.removesuffix", 2, 2, (r, a, c, kw, nk) -> {
      String s = str(r, a);
      String p = strArg(r, a, 1, "removesuffix() argument");
      return s.endsWith(p) && !p.isEmpty() ? r.strs.of(s.substring(0, s.length() - p.length())) : get(r, a, 0);
    });
  }

  static boolean isSpace(int cp) {
    if (cp <= ' ') {
      return cp == ' ' || (cp >= 9 && cp <= 13) || (cp >= 0x1c && cp <= 0x1f);
    }
    return cp >= 0x80 && (cp == 0x85 || cp == 0xA0 || Character.isSpaceChar(cp));
  }

  /**
   * Python's isdigit: decimal digits, and the other digits of a value 0 to 9 (superscripts, circled
   * digits), which Java's isDigit leaves out.
   */
  private static boolean isDigitChar(int cp) {
    if (cp < 128) {
      return cp >= '0' && cp <= '9';
    }
    if (Character.isDigit(cp)) {
      return true;
    }
    int v = Character.getNumericValue(cp);
    return Character.getType(cp) == Character.OTHER_NUMBER && v >= 0 && v <= 9;
  }

  /** Python's isnumeric: digits, and the chars of other numbers (fractions, Roman numerals). */
  private static boolean isNumericChar(int cp) {
    int type = Character.getType(cp);
    return Character.isDigit(cp) || type == Character.OTHER_NUMBER || type == Character.LETTER_NUMBER;
  }

  /** Whether a str has chars and {@code p} holds for each: read from the heap, no Java text. */
  private static int classify(Runtime rt, int a, java.util.function.IntPredicate p) {
    int s = get(rt, a, 0);
    int n = rt.strs.length(s);
    for (int i = 0; i < n; i++) {
      if (!p.test(rt.strs.charAt(s, i))) {
        return Values.FALSE;
      }
    }
    return Values.bool(n > 0);
  }

  private static int casePredicate(Runtime rt, int a, boolean upper) {
    int s = get(rt, a, 0);
    boolean cased = false;
    for (int i = 0, n = rt.strs.length(s); i < n; i++) {
      int ch = rt.strs.charAt(s, i);
      if (Character.isUpperCase(ch) || Character.isTitleCase(ch)) {
        if (!upper) {
          return Values.FALSE;
        }
        cased = true;
      } else if (Character.isLowerCase(ch)) {
        if (upper) {
          return Values.FALSE;
        }
        cased = true;
      }
    }
    return Values.bool(cased);
  }

  private static int changeCase(Runtime rt, int a, boolean upper) {
    int r = rt.strs.asciiCase(get(rt, a, 0), upper);
    if (r != 0) {
      return r;
    }
    String s = str(rt, a);
    return rt.strs.of(upper ? s.toUpperCase(java.util.Locale.ROOT) : s.toLowerCase(java.util.Locale.ROOT));
  }

  private static int split(Runtime rt, int a, int n, int kw, int nkw, boolean right) {
    Args.checkKeywords(rt, kw, nkw, right ? "rsplit" : "split", "sep", "maxsplit");
    int self = get(rt, a, 0);
    int sepArg = Args.posOrKw(rt, a, n, kw, nkw, 1, "sep", Values.NONE);
    long max = rt.ints.arg(Args.posOrKw(rt, a, n, kw, nkw, 2, "maxsplit", Values.small(-1)), "maxsplit");
    if (!right) {
      return splitLeft(rt, self, sepArg, max);
    }
    return splitRight(rt, rt.strs.toJava(self), sepArg, max);
  }

  /**
   * {@code s.rsplit(sep, max)}: parts found from the right. When {@code max} parts are split off, the
   * rest is kept whole: with {@code sep=None} only the whitespace at its right end goes (CPython's
   * rule), so {@code "  a b c".rsplit(None, 1)} is {@code ['  a b', 'c']}.
   */
  private static int splitRight(Runtime rt, String s, int sepArg, long max) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    if (sepArg == Values.NONE) {
      int i = s.length();
      while (true) {
        while (i > 0 && isSpace(s.charAt(i - 1))) {
          i--;
        }
        if (i <= 0) {
          break;
        }
        if (max >= 0 && parts.size() == max) {
          parts.add(0, s.substring(0, i));
          break;
        }
        int j = i;
        while (j > 0 && !isSpace(s.charAt(j - 1))) {
          j--;
        }
        parts.add(0, s.substring(j, i));
        i = j;
      }
    } else {
      String sep = rt.strs.arg(sepArg, "must be str or None");
      if (sep.isEmpty()) {
        throw rt.valueError("empty separator");
      }
      int i = s.length();
      while (true) {
        int j = max >= 0 && parts.size() == max ? -1 : s.lastIndexOf(sep, i - sep.length());
        if (j < 0 || i - sep.length() < 0) {
          parts.add(0, s.substring(0, i));
          break;
        }
        parts.add(0, s.substring(j + sep.length(), i));
        i = j;
      }
    }
    return stringList(rt, parts);
  }

  /**
   * {@code self.split(sep, max)}, taken apart in the heap: each part is a substring of {@code self},
   * appended to the result as it is found (no Java strings in between).
   */
  private static int splitLeft(Runtime rt, int self, int sepArg, long max) {
    Strs strs = rt.strs;
    int m = 0;
    if (sepArg != Values.NONE) {
      if (!strs.isStr(sepArg)) {
        throw rt.typeError("must be str or None, not " + rt.typeName(sepArg));
      }
      m = strs.length(sepArg);
      if (m == 0) {
        throw rt.valueError("empty separator");
      }
    }
    if (m == 0) {
      return strs.splitWhitespace(self, max);
    }
    if (strs.kind(self) == 1 && strs.kind(sepArg) == 1) {
      return strs.splitLatin1(self, sepArg, max);
    }
    int len = strs.length(self);
    int l = rt.lists.newList(0);
    int mark = rt.keep(l);
    rt.keep(self);
    rt.keep(sepArg);
    long parts = 0;
    int i = 0;
    while (true) {
      int j = max >= 0 && parts == max ? -1 : strs.indexOf(self, sepArg, i, len);
      if (j < 0) {
        rt.lists.append(l, strs.substring(self, i, len));
        break;
      }
      rt.lists.append(l, strs.substring(self, i, j));
      parts++;
      i = j + m;
    }
    rt.release(mark);
    return l;
  }

  static int stringList(Runtime rt, java.util.List<String> parts) {
    int l = rt.lists.newList(parts.size());
    int mark = rt.keep(l);
    for (String p : parts) {
      rt.lists.append(l, rt.strs.of(p));
    }
    rt.release(mark);
    return l;
  }

  private static int join(Runtime rt, int a, int n, int kw, int nkw) {
    int sep = get(rt, a, 0);
    int seq = rt.iters.toSequence(get(rt, a, 1));
    int mark = rt.keep(seq);
    int len = rt.lists.length(seq);
    if (len >= 2) {
      rt.keep(sep);
      int r = rt.strs.joinLatin1(sep, seq, len);
      if (r != 0) {
        rt.release(mark);
        return r;
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      int item = rt.lists.get(seq, i);
      if (!rt.strs.isStr(item)) {
        throw rt.typeError("sequence item " + i + ": expected str instance, " + rt.typeName(item) + " found");
      }
      if (i > 0) {
        rt.strs.appendTo(sb, sep);
      }
      rt.strs.appendTo(sb, item);
    }
    int r = len == 1 ? rt.lists.get(seq, 0) : rt.strs.of(sb);
    rt.release(mark);
    return r;
  }

  private static int strip(Runtime rt, int a, int n, boolean left, boolean right) {
    int self = get(rt, a, 0);
    int len = rt.strs.length(self);
    String chars = n > 1 && get(rt, a, 1) != Values.NONE ? strArg(rt, a, 1, "strip arg") : null;
    int i = 0;
    int j = len;
    if (left) {
      while (i < j && stripped(rt.strs.charAt(self, i), chars)) {
        i++;
      }
    }
    if (right) {
      while (j > i && stripped(rt.strs.charAt(self, j - 1), chars)) {
        j--;
      }
    }
    return rt.strs.substring(self, i, j);
  }

  private static boolean stripped(int cp, String chars) {
    return chars == null ? isSpace(cp) : chars.indexOf(cp) >= 0;
  }

  private static int find(Runtime rt, int a, int n, boolean last) {
    int self = get(rt, a, 0);
    int sub = get(rt, a, 1);
    if (!rt.strs.isStr(sub)) {
      throw rt.typeError("must be str, not " + rt.typeName(sub));
    }
    int len = rt.strs.length(self);
    long r = range(rt, a, n, 2, len);
    if (end(r) - start(r) < rt.strs.length(sub)) {
      return rt.strs.length(sub) == 0 && start(r) <= end(r) ? (last ? end(r) : start(r)) : -1;
    }
    return last ? rt.strs.lastIndexOf(self, sub, start(r), end(r)) : rt.strs.indexOf(self, sub, start(r), end(r));
  }

  private static int count(Runtime rt, int a, int n, int kw, int nkw) {
    int self = get(rt, a, 0);
    int sub = get(rt, a, 1);
    if (!rt.strs.isStr(sub)) {
      throw rt.typeError("must be str, not " + rt.typeName(sub));
    }
    long r = range(rt, a, n, 2, rt.strs.length(self));
    int m = rt.strs.length(sub);
    if (start(r) > end(r)) {
      return Values.ZERO;
    }
    if (m == 0) {
      return Values.small(end(r) - start(r) + 1);
    }
    if (rt.strs.kind(self) == 1 && rt.strs.kind(sub) == 1) {
      return Values.small(rt.strs.scan(self, sub, start(r), end(r), Long.MAX_VALUE)); // one pass
    }
    int count = 0;
    int i = start(r);
    while (true) {
      int j = rt.strs.indexOf(self, sub, i, end(r));
      if (j < 0) {
        break;
      }
      count++;
      i = j + m;
    }
    return Values.small(count);
  }

  private static int replace(Runtime rt, int a, int n, int kw, int nkw) {
    for (int i = 1; i <= 2; i++) {
      if (!rt.strs.isStr(get(rt, a, i))) {
        throw rt.typeError("replace() argument " + i + " must be str, not " + rt.typeName(get(rt, a, i)));
      }
    }
    long max = n > 3 ? rt.ints.arg(get(rt, a, 3), "replace() count") : -1;
    if (max < 0) {
      max = Long.MAX_VALUE;
    }
    int mark = rt.keep(get(rt, a, 0));
    rt.keep(get(rt, a, 1));
    rt.keep(get(rt, a, 2));
    int fast = rt.strs.replaceLatin1(get(rt, a, 0), get(rt, a, 1), get(rt, a, 2), max);
    rt.release(mark);
    if (fast != 0) {
      return fast;
    }
    String s = str(rt, a);
    String old = rt.strs.toJava(get(rt, a, 1));
    String neu = rt.strs.toJava(get(rt, a, 2));
    StringBuilder sb = new StringBuilder();
    if (old.isEmpty()) {
      int count = 0;
      int i = 0;
      while (i <= s.length()) {
        if (count < max) {
          sb.append(neu);
          count++;
        }
        if (i < s.length()) {
          int cp = s.codePointAt(i);
          sb.appendCodePoint(cp);
          i += Character.charCount(cp);
        } else {
          break;
        }
      }
      return rt.strs.of(sb);
    }
    int i = 0;
    long done = 0;
    while (done < max) {
      int j = s.indexOf(old, i);
      if (j < 0) {
        break;
      }
      sb.append(s, i, j).append(neu);
      i = j + old.length();
      done++;
    }
    if (done == 0) {
      return get(rt, a, 0);
    }
    sb.append(s, i, s.length());
    return rt.strs.of(sb);
  }

  private static int affix(Runtime rt, int a, int n, boolean prefix) {
    int self = get(rt, a, 0);
    int arg = get(rt, a, 1);
    long r = range(rt, a, n, 2, rt.strs.length(self));
    if (rt.lists.isTuple(arg)) {
      for (int i = 0; i < rt.lists.tupleLength(arg); i++) {
        if (affixOne(rt, self, rt.lists.get(arg, i), r, prefix)) {
          return Values.TRUE;
        }
      }
      return Values.FALSE;
    }
    if (!rt.strs.isStr(arg)) {
      throw rt.typeError((prefix ? "startswith" : "endswith") + " first arg must be str or a tuple of str, not "
          + rt.typeName(arg));
    }
    return Values.bool(affixOne(rt, self, arg, r, prefix));
  }

  private static boolean affixOne(Runtime rt, int self, int sub, long r, boolean prefix) {
    int m = rt.strs.length(sub);
    if (end(r) - start(r) < m) {
      return false;
    }
    int at = prefix ? start(r) : end(r) - m;
    for (int i = 0; i < m; i++) {
      if (rt.strs.charAt(self, at + i) != rt.strs.charAt(sub, i)) {
        return false;
      }
    }
    return true;
  }

  private static int pad(Runtime rt, int a, int n, char how) {
    String s = str(rt, a);
    long wanted = rt.ints.arg(get(rt, a, 1), "width");
    String fill = n > 2 ? strArg(rt, a, 2, "fill character") : " ";
    if (fill.codePointCount(0, fill.length()) != 1) {
      throw rt.typeError("The fill character must be exactly one character long");
    }
    int len = s.codePointCount(0, s.length());
    int width = paddedWidth(rt, wanted, len);
    if (width < 0) {
      return get(rt, a, 0);
    }
    int total = width - len;
    int left;
    switch (how) {
      case 'l':
        left = 0;
        break;
      case 'r':
        left = total;
        break;
      default:
        left = total / 2 + (total & width & 1);
    }
    return rt.strs.of(fill.repeat(left) + s + fill.repeat(total - left));
  }

  /**
   * The width a str of {@code len} chars is padded to, or -1 when it is already that wide;
   * OverflowError when the padded str would be longer than a str may be.
   */
  private static int paddedWidth(Runtime rt, long width, int len) {
    if (width <= len) {
      return -1;
    }
    if (width > Types.MAX_ELEMENTS) {
      throw rt.tooLong("str");
    }
    return (int) width;
  }

  private static int partition(Runtime rt, int a, boolean last) {
    String s = str(rt, a);
    String sep = strArg(rt, a, 1, "partition() argument");
    if (sep.isEmpty()) {
      throw rt.valueError("empty separator");
    }
    int i = last ? s.lastIndexOf(sep) : s.indexOf(sep);
    java.util.List<String> parts;
    if (i < 0) {
      parts = last ? java.util.List.of("", "", s) : java.util.List.of(s, "", "");
    } else {
      parts = java.util.List.of(s.substring(0, i), sep, s.substring(i + sep.length()));
    }
    return rt.lists.toTuple(stringList(rt, parts));
  }

  static byte[] encode(Runtime rt, int s, String encoding) {
    String e = encoding.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    String text = rt.strs.toJava(s);
    switch (e) {
      case "utf-8":
      case "utf8":
        return text.getBytes(StandardCharsets.UTF_8);
      case "ascii":
      case "us-ascii":
        for (int i = 0; i < text.length(); i++) {
          if (text.charAt(i) >= 0x80) {
            throw rt.raise(ExceptionTree.UNICODE_ERROR, "'ascii' codec can't encode character '\\u"
                + String.format("%04x", (int) text.charAt(i)) + "' in position " + i + ": ordinal not in range(128)");
          }
        }
        return text.getBytes(StandardCharsets.US_ASCII);
      case "latin-1":
      case "latin1":
      case "iso-8859-1":
        return text.getBytes(StandardCharsets.ISO_8859_1);
      default:
        throw rt.raise(ExceptionTree.LOOKUP_ERROR, "unknown encoding: " + encoding);
    }
  }

  static int decode(Runtime rt, int b, String encoding, int errors) {
    String e = encoding.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    byte[] data = rt.bytes.toJava(b);
    boolean replace = errors != Values.NULL && rt.strs.isStr(errors) && rt.strs.equalsJava(errors, "replace");
    boolean ignore = errors != Values.NULL && rt.strs.isStr(errors) && rt.strs.equalsJava(errors, "ignore");
    switch (e) {
      case "utf-8":
      case "utf8": {
        java.nio.charset.CharsetDecoder d = StandardCharsets.UTF_8.newDecoder();
        java.nio.charset.CodingErrorAction act = replace ? java.nio.charset.CodingErrorAction.REPLACE
            : ignore ? java.nio.charset.CodingErrorAction.IGNORE : java.nio.charset.CodingErrorAction.REPORT;
        d.onMalformedInput(act).onUnmappableCharacter(act);
        try {
          return rt.strs.of(d.decode(java.nio.ByteBuffer.wrap(data)).toString());
        } catch (java.nio.charset.CharacterCodingException ex) {
          throw rt.raise(ExceptionTree.UNICODE_ERROR, "'utf-8' codec can't decode bytes: invalid data");
        }
      }
      case "ascii":
        for (int i = 0; i < data.length; i++) {
          if (data[i] < 0 && !replace && !ignore) {
            throw rt.raise(ExceptionTree.UNICODE_ERROR, "'ascii' codec can't decode byte 0x"
                + String.format("%02x", data[i] & 0xFF) + " in position " + i + ": ordinal not in range(128)");
          }
        }
        return rt.strs.of(new String(data, StandardCharsets.US_ASCII));
      case "latin-1":
      case "latin1":
      case "iso-8859-1":
        return rt.strs.of(new String(data, StandardCharsets.ISO_8859_1));
      default:
        throw rt.raise(ExceptionTree.LOOKUP_ERROR, "unknown encoding: " + encoding);
    }
  }

  // ---- bytes, bytearray, shorts, shortarray ----

  private static void registerBytes(Natives n) {
    for (String t : new String[] {"bytes", "bytearray"}) {
      n.addKw(t + ".decode", 1, 3, (r, a, c, kw, nk) -> {
        int enc = Args.posOrKw(r, a, c, kw, nk, 1, "encoding", Values.NULL);
        return decode(r, get(r, a, 0),
            enc == Values.NULL ? "utf-8" : r.strs.arg(enc, "decode() argument 'encoding'"),
            Args.posOrKw(r, a, c, kw, nk, 2, "errors", Values.NULL));
      });
      n.add(t + ".hex", 1, 1, (r, a, c, kw, nk) -> {
        StringBuilder sb = new StringBuilder();
        int v = get(r, a, 0);
        for (int i = 0; i < r.bytes.length(v); i++) {
          sb.append(String.format("%02x", r.bytes.get(v, i)));
        }
        return r.strs.of(sb);
      });
      n.add(t + ".find", 2, 4, (r, a, c, kw, nk) -> Values.small(bytesFind(r, a, c)));
      n.add(t + ".index", 2, 4, (r, a, c, kw, nk) -> {
        int i = bytesFind(r, a, c);
        if (i < 0) {
          throw r.valueError("subsection not found");
        }
        return Values.small(i);
      });
      n.add(t + ".count", 2, 2, (r, a, c, kw, nk) -> {
        int v = get(r, a, 0);
        int x = get(r, a, 1);
        int count = 0;
        if (r.ints.isIntOrBool(x)) {
          for (int i = 0; i < r.bytes.length(v); i++) {
            count += r.bytes.get(v, i) == r.ints.value(x) ? 1 : 0;
          }
        } else if (r.bytes.length(r.bytes.arg(x)) == 0) {
          count = r.bytes.length(v) + 1; // as many empty pieces as places between the bytes
        } else {
          int m = r.bytes.length(x);
          int i = 0;
          while (true) {
            int j = r.bytes.indexOf(v, x, i, r.bytes.length(v));
            if (j < 0) {
              break;
            }
            count++;
            i = j + m;
          }
        }
        return Values.small(count);
      });
      n.add(t + ".startswith", 2, 2, (r, a, c, kw, nk) -> {
        int v = get(r, a, 0);
        int p = r.bytes.arg(get(r, a, 1));
        return Values.bool(r.bytes.length(p) <= r.bytes.length(v) && r.bytes.indexOf(v, p, 0, r.bytes.length(p)) == 0);
      });
      n.add(t + ".endswith", 2, 2, (r, a, c, kw, nk) -> {
        int v = get(r, a, 0);
        int p = r.bytes.arg(get(r, a, 1));
        int from = r.bytes.length(v) - r.bytes.length(p);
        return Values.bool(from >= 0 && r.bytes.indexOf(v, p, from, r.bytes.length(v)) == from);
      });
      n.add(t + ".upper", 1, 1, (r, a, c, kw, nk) -> bytesMap(r, get(r, a, 0), true));
      n.add(t + ".lower", 1, 1, (r, a, c, kw, nk) -> bytesMap(r, get(r, a, 0), false));
      n.add(t + ".join", 2, 2, (r, a, c, kw, nk) -> {
        int sep = get(r, a, 0);
        int seq = r.iters.toSequence(get(r, a, 1));
        int mark = r.keep(seq);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < r.lists.length(seq); i++) {
          if (i > 0) {
            out.writeBytes(r.bytes.toJava(sep));
          }
          int item = r.lists.get(seq, i);
          if (!r.bytes.isBytesLike(item)) {
            throw r.typeError("sequence item " + i + ": expected a bytes-like object, " + r.typeName(item) + " found");
          }
          out.writeBytes(r.bytes.toJava(item));
        }
        byte[] b = out.toByteArray();
        int res = r.bytes.alloc(r.type(sep), b.length);
        for (int i = 0; i < b.length; i++) {
          r.bytes.put(res, i, b[i] & 0xFF);
        }
        r.release(mark);
        return res;
      });
      n.add(t + ".split", 1, 2, (r, a, c, kw, nk) -> {
        String s = new String(r.bytes.toJava(get(r, a, 0)), StandardCharsets.ISO_8859_1);
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (c < 2 || get(r, a, 1) == Values.NONE) {
          for (String p : s.trim().split("[ \\t\\n\\r\\x0b\\x0c]+")) {
            if (!p.isEmpty()) {
              parts.add(p);
            }
          }
        } else {
          String sep = r.bytes.latin1Arg(get(r, a, 1));
          if (sep.isEmpty()) {
            throw r.valueError("empty separator");
          }
          int i = 0;
          while (true) {
            int j = s.indexOf(sep, i);
            if (j < 0) {
              parts.add(s.substring(i));
              break;
            }
            parts.add(s.substring(i, j));
            i = j + sep.length();
          }
        }
        int l = r.lists.newList(parts.size());
        int mark = r.keep(l);
        for (String p : parts) {
          byte[] b = p.getBytes(StandardCharsets.ISO_8859_1);
          r.lists.append(l, r.bytes.newBytes(b, 0, b.length));
        }
        r.release(mark);
        return l;
      });
      n.add(t + ".strip", 1, 2, (r, a, c, kw, nk) -> bytesStrip(r, a, c, true, true));
      n.add(t + ".lstrip", 1, 2, (r, a, c, kw, nk) -> bytesStrip(r, a, c, true, false));
      n.add(t + ".rstrip", 1, 2, (r, a, c, kw, nk) -> bytesStrip(r, a, c, false, true));
      n.add(t + ".replace", 3, 3, (r, a, c, kw, nk) -> {
        String s = new String(r.bytes.toJava(get(r, a, 0)), StandardCharsets.ISO_8859_1);
        String o = r.bytes.latin1Arg(get(r, a, 1));
        String nw = r.bytes.latin1Arg(get(r, a, 2));
        byte[] b = s.replace(o, nw).getBytes(StandardCharsets.ISO_8859_1);
        int res = r.bytes.alloc(r.type(get(r, a, 0)), b.length);
        for (int i = 0; i < b.length; i++) {
          r.bytes.put(res, i, b[i] & 0xFF);
        }
        return res;
      });
    }
    for (String t : new String[] {"bytearray", "shortarray"}) {
      n.add(t + ".append", 2, 2, (r, a, c, kw, nk) -> {
        r.bytes.append(get(r, a, 0), get(r, a, 1));
        return Values.NONE;
      });
      n.add(t + ".extend", 2, 2, (r, a, c, kw, nk) -> {
        int v = get(r, a, 0);
        int src = get(r, a, 1);
        if (r.bytes.isByteSeq(src)) {
          int len = r.bytes.length(src);
          for (int i = 0; i < len; i++) {
            r.bytes.append(v, Values.small(r.bytes.get(src, i)));
          }
          return Values.NONE;
        }
        int seq = r.iters.toSequence(src);
        int mark = r.keep(seq);
        for (int i = 0; i < r.lists.length(seq); i++) {
          r.bytes.append(v, r.lists.get(seq, i));
        }
        r.release(mark);
        return Values.NONE;
      });
      n.add(t + ".pop", 1, 2, (r, a, c, kw, nk) -> {
        int v = get(r, a, 0);
        int len = r.bytes.length(v);
        if (len == 0) {
          throw r.indexError("pop from empty " + Types.name(r.type(v)));
        }
        int i = c > 1 ? r.ops.seqIndex(get(r, a, 1), len, "pop") : len - 1;
        int x = r.bytes.get(v, i);
        for (int j = i; j < len - 1; j++) {
          r.bytes.put(v, j, r.bytes.get(v, j + 1));
        }
        r.bytes.setLength(v, len - 1);
        return Values.small(x);
      });
      n.add(t + ".insert", 3, 3, (r, a, c, kw, nk) -> {
        int v = get(r, a, 0);
        int len = r.bytes.length(v);
        long i = r.ints.arg(get(r, a, 1), "insert()");
        if (i < 0) {
          i = Math.max(0, i + len);
        }
        i = Math.min(i, len);
        int e = r.bytes.checkElement(r.type(v), get(r, a, 2));
        r.bytes.reserve(v, 1);
        r.bytes.setLength(v, len + 1);
        for (int j = len; j > i; j--) {
          r.bytes.put(v, j, r.bytes.get(v, j - 1));
        }
        r.bytes.put(v, (int) i, e);
        return Values.NONE;
      });
      n.add(t + ".remove", 2, 2, (r, a, c, kw, nk) -> {
        int v = get(r, a, 0);
        long x = r.ints.arg(get(r, a, 1), "remove()");
        int len = r.bytes.length(v);
        for (int i = 0; i < len; i++) {
          if (r.bytes.get(v, i) == x) {
            for (int j = i; j < len - 1; j++) {
              r.bytes.put(v, j, r.bytes.get(v, j + 1));
            }
            r.bytes.setLength(v, len - 1);
            return Values.NONE;
          }
        }
        throw r.valueError("value not found in " + Types.name(r.type(v)));
      });
      n.add(t + ".clear", 1, 1, (r, a, c, kw, nk) -> {
        r.bytes.setLength(get(r, a, 0), 0);
        return Values.NONE;
      });
      n.add(t + ".reverse", 1, 1, (r, a, c, kw, nk) -> {
        int v = get(r, a, 0);
        int len = r.bytes.length(v);
        for (int i = 0, j = len - 1; i < j; i++, j--) {
          int x = r.bytes.get(v, i);
          r.bytes.put(v, i, r.bytes.get(v, j));
          r.bytes.put(v, j, x);
        }
        return Values.NONE;
      });
      n.add(t + ".copy", 1, 1, (r, a, c, kw, nk) -> {
        int v = get(r, a, 0);
        return r.bytes.slice(v, 0, 1, r.bytes.length(v));
      });
    }
  }

  private static int bytesFind(Runtime rt, int a, int n) {
    int v = get(rt, a, 0);
    int sub = get(rt, a, 1);
    long r = range(rt, a, n, 2, rt.bytes.length(v));
    if (rt.ints.isIntOrBool(sub)) {
      long x = rt.ints.value(sub);
      for (int i = start(r); i < end(r); i++) {
        if (rt.bytes.get(v, i) == x) {
          return i;
        }
      }
      return -1;
    }
    return rt.bytes.indexOf(v, rt.bytes.arg(sub), start(r), end(r));
  }

  private static int bytesStrip(Runtime rt, int a, int n, boolean left, boolean right) {
    int v = get(rt, a, 0);
    byte[] chars = n > 1 && get(rt, a, 1) != Values.NONE ? rt.bytes.toJava(rt.bytes.arg(get(rt, a, 1))) : null;
    int i = 0;
    int j = rt.bytes.length(v);
    while (left && i < j && bytesStripped(rt.bytes.get(v, i), chars)) {
      i++;
    }
    while (right && j > i && bytesStripped(rt.bytes.get(v, j - 1), chars)) {
      j--;
    }
    return rt.bytes.slice(v, i, 1, j - i);
  }

  private static boolean bytesStripped(int b, byte[] chars) {
    if (chars == null) {
      return isSpace(b);
    }
    for (byte c : chars) {
      if ((c & 0xFF) == b) {
        return true;
      }
    }
    return false;
  }

  private static int bytesMap(Runtime rt, int v, boolean upper) {
    int len = rt.bytes.length(v);
    int mark = rt.keep(v);
    int res = rt.bytes.alloc(rt.type(v), len);
    rt.release(mark);
    for (int i = 0; i < len; i++) {
      int b = rt.bytes.get(v, i);
      if (upper && b >= 'a' && b <= 'z') {
        b -= 32;
      } else if (!upper && b >= 'A' && b <= 'Z') {
        b += 32;
      }
      rt.bytes.put(res, i, b);
    }
    return res;
  }

  // ---- list, tuple ----

  private static void registerList(Natives n) {
    n.add("list.append", 2, 2, (r, a, c, kw, nk) -> {
      r.lists.append(get(r, a, 0), get(r, a, 1));
      return Values.NONE;
    });
    n.add("list.extend", 2, 2, (r, a, c, kw, nk) -> {
      int l = get(r, a, 0);
      int src = get(r, a, 1);
      int seq = src == l ? r.lists.toList(src) : r.iters.toSequence(src);
      int mark = r.keep(seq);
      r.lists.extendFromSeq(l, seq);
      r.release(mark);
      return Values.NONE;
    });
    n.add("list.insert", 3, 3, (r, a, c, kw, nk) -> {
      r.lists.insert(get(r, a, 0), (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE,
          r.ints.arg(get(r, a, 1), "insert()"))), get(r, a, 2));
      return Values.NONE;
    });
    n.add("list.pop", 1, 2, (r, a, c, kw, nk) -> {
      int l = get(r, a, 0);
      int len = r.lists.listLength(l);
      if (c > 1 && !r.ints.isIntOrBool(get(r, a, 1))) { // a TypeError comes before an IndexError
        r.ints.index(get(r, a, 1), "list indices");
      }
      if (len == 0) {
        throw r.indexError("pop from empty list");
      }
      int i = c > 1 ? r.ops.seqIndex(get(r, a, 1), len, "pop") : len - 1;
      return r.lists.removeAt(l, i);
    });
    n.add("list.remove", 2, 2, (r, a, c, kw, nk) -> {
      int l = get(r, a, 0);
      int x = get(r, a, 1);
      for (int i = 0; i < r.lists.listLength(l); i++) {
        int v = r.lists.get(l, i);
        if (v == x || r.ops.eq(v, x)) {
          r.lists.removeAt(l, i);
          return Values.NONE;
        }
      }
      throw r.valueError("list.remove(x): x not in list");
    });
    n.add("list.index", 2, 4, (r, a, c, kw, nk) -> seqIndex(r, a, c, "list"));
    n.add("tuple.index", 2, 4, (r, a, c, kw, nk) -> seqIndex(r, a, c, "tuple"));
    n.add("list.count", 2, 2, Methods::seqCount);
    n.add("tuple.count", 2, 2, Methods::seqCount);
    n.addKw("list.sort", 1, 1, (r, a, c, kw, nk) -> {
      Args.checkKeywords(r, kw, nk, "sort", "key", "reverse");
      Builtins.sort(r, get(r, a, 0), Args.kw(r, kw, nk, "key"), Args.kw(r, kw, nk, "reverse"));
      return Values.NONE;
    });
    n.add("list.reverse", 1, 1, (r, a, c, kw, nk) -> {
      r.lists.reverse(get(r, a, 0));
      return Values.NONE;
    });
    n.add("list.clear", 1, 1, (r, a, c, kw, nk) -> {
      r.lists.clear(get(r, a, 0));
      return Values.NONE;
    });
    n.add("list.copy", 1, 1, (r, a, c, kw, nk) -> r.lists.toList(get(r, a, 0)));
    n.add("range.index", 2, 2, (r, a, c, kw, nk) -> {
      int rg = get(r, a, 0);
      int x = get(r, a, 1);
      long at = -1;
      if (r.ints.isIntOrBool(x)) {
        at = r.ops.rangePosition(rg, r.ints.value(x));
      } else if (r.floats.isFloat(x) && r.floats.value(x) == (long) r.floats.value(x)) { // 2.0 == 2
        at = r.ops.rangePosition(rg, (long) r.floats.value(x));
      }
      if (at == -1) {
        throw r.valueError(r.strs.toJava(r.printer.repr(x)) + " is not in range");
      }
      return r.ints.box(at);
    });
    n.add("range.count", 2, 2, (r, a, c, kw, nk) -> Values.bool(r.ops.contains(get(r, a, 0), get(r, a, 1))) == Values.TRUE
        ? Values.ONE : Values.ZERO);
  }

  private static int seqIndex(Runtime rt, int a, int n, String what) {
    int seq = get(rt, a, 0);
    int x = get(rt, a, 1);
    for (int i = 2; i < n; i++) {
      if (get(rt, a, i) == Values.NONE) { // str.find takes None for a bound; list.index does not
        throw rt.typeError("slice indices must be integers or have an __index__ method");
      }
    }
    long r = range(rt, a, n, 2, rt.lists.length(seq));
    for (int i = start(r); i < Math.min(end(r), rt.lists.length(seq)); i++) {
      int v = rt.lists.get(seq, i);
      if (v == x || rt.ops.eq(v, x)) {
        return Values.small(i);
      }
    }
    throw rt.valueError(what.equals("list") ? rt.strs.toJava(rt.printer.repr(x)) + " is not in list"
        : "tuple.index(x): x not in tuple");
  }

  private static int seqCount(Runtime rt, int a, int n, int kw, int nkw) {
    int seq = get(rt, a, 0);
    int x = get(rt, a, 1);
    int count = 0;
    for (int i = 0; i < rt.lists.length(seq); i++) {
      int v = rt.lists.get(seq, i);
      if (v == x || rt.ops.eq(v, x)) {
        count++;
      }
    }
    return Values.small(count);
  }

  // ---- dict ----

  private static void registerDict(Natives n) {
    n.add("dict.get", 2, 3, (r, a, c, kw, nk) -> {
      int v = r.dicts.get(get(r, a, 0), get(r, a, 1));
      return v != Values.NULL ? v : c > 2 ? get(r, a, 2) : Values.NONE;
    });
    n.add("dict.keys", 1, 1, (r, a, c, kw, nk) -> view(r, get(r, a, 0), Iterators.DICT_KEYS));
    n.add("dict.values", 1, 1, (r, a, c, kw, nk) -> view(r, get(r, a, 0), Iterators.DICT_VALUES));
    n.add("dict.items", 1, 1, (r, a, c, kw, nk) -> view(r, get(r, a, 0), Iterators.DICT_ITEMS));
    n.addKw("dict.update", 1, 2, (r, a, c, kw, nk) -> {
      int d = get(r, a, 0);
      if (c > 1) {
        dictUpdateFrom(r, d, get(r, a, 1));
      }
      int[] s = r.thread.stack;
      for (int i = 0; i < nk; i++) {
        int key = r.strs.of(r.names.name(s[kw + 2 * i] >> 1));
        r.dicts.put(d, key, s[kw + 2 * i + 1]);
      }
      return Values.NONE;
    });
    n.add("dict.pop", 2, 3, (r, a, c, kw, nk) -> {
      int v = r.dicts.remove(get(r, a, 0), get(r, a, 1));
      if (v != Values.NULL) {
        return v;
      }
      if (c > 2) {
        return get(r, a, 2);
      }
      throw r.dicts.keyError(get(r, a, 1));
    });
    n.add("dict.popitem", 1, 1, (r, a, c, kw, nk) -> {
      int d = get(r, a, 0);
      if (r.dicts.size(d) == 0) {
        throw r.raise(ExceptionTree.KEY_ERROR, "popitem(): dictionary is empty");
      }
      int last = -1;
      for (int ix = r.dicts.nextEntry(d, 0); ix >= 0; ix = r.dicts.nextEntry(d, ix + 1)) {
        last = ix;
      }
      int k = r.dicts.keyAt(d, last);
      int v = r.dicts.valueAt(d, last);
      int t = r.lists.tuple2(k, v);
      r.dicts.removeAt(d, last);
      return t;
    });
    n.add("dict.setdefault", 2, 3, (r, a, c, kw, nk) -> {
      int d = get(r, a, 0);
      int v = r.dicts.get(d, get(r, a, 1));
      if (v != Values.NULL) {
        return v;
      }
      int dflt = c > 2 ? get(r, a, 2) : Values.NONE;
      r.dicts.put(d, get(r, a, 1), dflt);
      return dflt;
    });
    n.add("dict.clear", 1, 1, (r, a, c, kw, nk) -> {
      r.dicts.clear(get(r, a, 0));
      return Values.NONE;
    });
    n.add("dict.copy", 1, 1, (r, a, c, kw, nk) -> r.dicts.copy(get(r, a, 0)));
    n.add("dict.fromkeys", 1, 3, (r, a, c, kw, nk) -> {
      int first = 0;
      if (c > 1 && (r.classes.isClass(get(r, a, 0)) || r.dicts.isDict(get(r, a, 0)))
          && !(c == 2 && !r.classes.isClass(get(r, a, 0)) && !r.dicts.isDict(get(r, a, 0)))) {
        first = 1;
      }
      int keys = get(r, a, first);
      int value = c > first + 1 ? get(r, a, first + 1) : Values.NONE;
      int d = r.dicts.newDict();
      int mark = r.keep(d);
      int seq = r.iters.toSequence(keys);
      r.keep(seq);
      for (int i = 0; i < r.lists.length(seq); i++) {
        r.dicts.put(d, r.lists.get(seq, i), value);
      }
      r.release(mark);
      return d;
    });
  }

  private static int view(Runtime rt, int d, int kind) {
    int v = rt.allocSlots(Types.DICT_VIEW, 1);
    rt.w[Runtime.at(v)] = d;
    rt.setFlags(v, kind);
    return v;
  }

  /** dict.update(src): a dict, or an iterable of pairs. */
  static void dictUpdateFrom(Runtime rt, int d, int src) {
    if (rt.dicts.isDict(src)) {
      rt.dicts.update(d, src);
      return;
    }
    int mark = rt.keep(d);
    rt.keep(src);
    if (rt.classes.isInstance(src) && rt.classes.findAttr(src, rt.names.id("keys")) != Values.NULL) {
      int keys = rt.iters.toList(rt.call0(rt.classes.getAttr(src, rt.names.id("keys"))));
      rt.keep(keys);
      for (int i = 0; i < rt.lists.listLength(keys); i++) {
        int k = rt.lists.get(keys, i);
        rt.dicts.put(d, k, rt.ops.getItem(src, k));
      }
      rt.release(mark);
      return;
    }
    int it = rt.iters.iter(src);
    rt.keep(it);
    int index = 0;
    for (int v = rt.iters.next(it); v != Values.NULL; v = rt.iters.next(it)) {
      int pair = rt.iters.toSequence(v);
      if (rt.lists.length(pair) != 2) {
        throw rt.valueError("dictionary update sequence element #" + index + " has length "
            + rt.lists.length(pair) + "; 2 is required");
      }
      rt.dicts.put(d, rt.lists.get(pair, 0), rt.lists.get(pair, 1));
      index++;
    }
    rt.release(mark);
  }

  // ---- set, frozenset ----

  private static void registerSet(Natives n) {
    n.add("set.add", 2, 2, (r, a, c, kw, nk) -> {
      r.sets.add(get(r, a, 0), get(r, a, 1));
      return Values.NONE;
    });
    n.add("set.discard", 2, 2, (r, a, c, kw, nk) -> {
      r.sets.discard(get(r, a, 0), get(r, a, 1));
      return Values.NONE;
    });
    n.add("set.remove", 2, 2, (r, a, c, kw, nk) -> {
      if (!r.sets.discard(get(r, a, 0), get(r, a, 1))) {
        throw r.dicts.keyError(get(r, a, 1));
      }
      return Values.NONE;
    });
    n.add("set.pop", 1, 1, (r, a, c, kw, nk) -> {
      int s = get(r, a, 0);
      if (r.sets.size(s) == 0) {
        throw r.raise(ExceptionTree.KEY_ERROR, "pop from an empty set");
      }
      return r.sets.pop(s);
    });
    n.add("set.clear", 1, 1, (r, a, c, kw, nk) -> {
      r.sets.clear(get(r, a, 0));
      return Values.NONE;
    });
    for (String t : new String[] {"set", "frozenset"}) {
      n.add(t + ".copy", 1, 1, (r, a, c, kw, nk) -> r.sets.copy(get(r, a, 0), r.type(get(r, a, 0))));
      n.add(t + ".union", 1, Natives.VARIADIC, (r, a, c, kw, nk) -> setOp(r, a, c, Operators.OP_OR, false));
      n.add(t + ".intersection", 1, Natives.VARIADIC, (r, a, c, kw, nk) -> setOp(r, a, c, Operators.OP_AND, false));
      n.add(t + ".difference", 1, Natives.VARIADIC, (r, a, c, kw, nk) -> setOp(r, a, c, Operators.OP_SUB, false));
      n.add(t + ".symmetric_difference", 2, 2, (r, a, c, kw, nk) -> setOp(r, a, c, Operators.OP_XOR, false));
      n.add(t + ".issubset", 2, 2, (r, a, c, kw, nk) ->
          Values.bool(r.ops.setSubset(get(r, a, 0), asSet(r, get(r, a, 1)))));
      n.add(t + ".issuperset", 2, 2, (r, a, c, kw, nk) ->
          Values.bool(r.ops.setSubset(asSet(r, get(r, a, 1)), get(r, a, 0))));
      n.add(t + ".isdisjoint", 2, 2, (r, a, c, kw, nk) -> {
        int s = get(r, a, 0);
        int o = asSet(r, get(r, a, 1));
        for (int j = r.sets.next(o, 0); j >= 0; j = r.sets.next(o, j + 1)) {
          if (r.sets.contains(s, r.sets.keyAt(o, j))) {
            return Values.FALSE;
          }
        }
        return Values.TRUE;
      });
    }
    n.add("set.update", 1, Natives.VARIADIC, (r, a, c, kw, nk) -> setOp(r, a, c, Operators.OP_OR, true));
    n.add("set.intersection_update", 1, Natives.VARIADIC, (r, a, c, kw, nk) -> setOp(r, a, c, Operators.OP_AND, true));
    n.add("set.difference_update", 1, Natives.VARIADIC, (r, a, c, kw, nk) -> setOp(r, a, c, Operators.OP_SUB, true));
    n.add("set.symmetric_difference_update", 2, 2, (r, a, c, kw, nk) -> setOp(r, a, c, Operators.OP_XOR, true));
  }

  /** Any iterable as a set (a set stays itself); the result is kept on the thread's stack. */
  private static int asSet(Runtime rt, int v) {
    if (rt.sets.isSet(v)) {
      return v;
    }
    int s = Constructors.newSet(rt, Types.SET, v);
    rt.push(s);
    return s;
  }

  private static int setOp(Runtime rt, int a, int n, int op, boolean inplace) {
    int base = rt.thread.sp;
    int acc = get(rt, a, 0);
    if (n == 1 && !inplace) {
      return rt.sets.copy(acc, rt.type(acc));
    }
    for (int i = 1; i < n; i++) {
      int other = asSet(rt, get(rt, a, i));
      acc = rt.ops.binary(op, acc, other, inplace);
      rt.push(acc);
    }
    rt.thread.sp = base;
    return inplace ? Values.NONE : acc;
  }

  // ---- int, float ----

  private static void registerNumbers(Natives n) {
    n.add("int.bit_length", 1, 1, (r, a, c, kw, nk) -> {
      long v = r.ints.value(get(r, a, 0));
      return Values.small(64 - Long.numberOfLeadingZeros(v < 0 ? (v == Long.MIN_VALUE ? v : -v) : v)
          + (v == Long.MIN_VALUE ? 0 : 0));
    });
    n.add("int.conjugate", 1, 1, (r, a, c, kw, nk) -> r.ints.box(r.ints.value(get(r, a, 0))));
    n.add("float.is_integer", 1, 1, (r, a, c, kw, nk) -> {
      double d = r.floats.value(get(r, a, 0));
      return Values.bool(Double.isFinite(d) && d == Math.floor(d));
    });
    n.add("float.conjugate", 1, 1, (r, a, c, kw, nk) -> get(r, a, 0));
    n.add("float.hex", 1, 1, (r, a, c, kw, nk) -> r.strs.of(Double.toHexString(r.floats.value(get(r, a, 0)))));
  }
}
