package dev.zvm.vm;

/**
 * Text formatting as CPython 3.11 does it: the {@code %} operator (flags, width, precision,
 * {@code *} and {@code %(key)s}: {@code PyUnicode_Format}), {@code format(value, spec)} with the
 * format-spec mini-language ({@code formatter_unicode.c}), {@code str.format}
 * ({@code unicode_format.h}) and the f-string's {@code FORMAT_VALUE}.
 *
 * <p>No Java garbage in steady state: the text is composed in the runtime's {@link TextBuffer} and
 * becomes one heap str at the end; a number's text is written into {@link #num} first (ASCII) and
 * a float's digits come from {@link DecimalDigits}, exact and correctly rounded without
 * {@code BigDecimal}. Only the error paths and an attribute in a {@code str.format} field
 * ({@code '{0.real}'}, whose name is looked up as a Java string) make Java objects.
 *
 * <p>Re-entrancy: {@code %r} of an instance, {@code '{}'.format(obj)} and their kin call Python
 * ({@code __repr__}, {@code __str__}, {@code __format__}, {@code __index__}), which may format
 * again. {@link TextBuffer} is a stack for that reason; {@link #num}, {@link #digits} and
 * {@link #spec} are used only between the moment the value is known and the moment its text is in
 * the buffer, where no Python runs.
 */
final class Formatter {
  // % flags
  private static final int LEFT = 1;
  private static final int SIGN = 2;
  private static final int BLANK = 4;
  private static final int ALT = 8;
  private static final int ZERO = 16;

  // str.format's automatic numbering (CPython's AutoNumber), packed in an int with the next number above
  private static final int AUTO_INIT = 0;
  private static final int AUTO = 1;
  private static final int MANUAL = 2;
  private static final int AUTO_STATE = 3;
  /** Nested replacement fields in a format spec: {@code '{:{}}'} is one level, {@code '{:{:{}}}'} too many. */
  private static final int MAX_FORMAT_DEPTH = 2;

  private final Runtime rt;
  private final TextBuffer text;
  private final DecimalDigits digits = new DecimalDigits();
  /** A number's text before it is laid out (ASCII); grows to the longest number formatted. */
  private byte[] num = new byte[128];
  private final Spec spec = new Spec();

  Formatter(Runtime rt) {
    this.rt = rt;
    this.text = rt.text;
  }

  /** A parsed format spec: {@code [[fill]align][sign][z][#][0][width][grouping][.precision][type]}. */
  private static final class Spec {
    int fill;
    char align;
    char sign;
    boolean noNegativeZero;
    boolean alt;
    int width;
    char grouping;
    int precision;
    char type;
  }

  /** Room for {@code n} bytes in {@link #num}; a number longer than a str may be is OverflowError. */
  private byte[] num(long n) {
    if (n > num.length) {
      if (n > Types.MAX_ELEMENTS + 1024L) {
        throw rt.tooLong("str");
      }
      num = new byte[(int) Math.max(n, 2L * num.length)];
    }
    return num;
  }

  // ---- % ----------------------------------------------------------------------------------------

  /** fmt % args. */
  int percent(int fmt, int args) {
    int mark = rt.keep(fmt);
    rt.keep(args);
    int source = rt.keep(args); // where arguments come from: args, or the value of the last %(key)
    int start = text.length();
    try {
      int quick = rt.strs.percentLatin1(fmt, args); // bare %s and %d of strs and ints
      if (quick != 0) {
        return quick;
      }
      boolean tuple = rt.lists.isTuple(args);
      boolean mapping = !tuple && (rt.dicts.isDict(args)
          || (rt.classes.isInstance(args) && rt.classes.special(args, rt.names.getitem) != Values.NULL
              && !rt.strs.isStr(args)));
      // CPython's getnextarg: a tuple's items one by one, anything else once (argidx -2 to -1)
      int arglen = tuple ? rt.lists.tupleLength(args) : -1;
      int argidx = tuple ? 0 : -2;
      Strs strs = rt.strs;
      int len = strs.length(fmt);
      int i = 0;
      while (i < len) {
        int run = i;
        while (i < len && strs.charAt(fmt, i) != '%') {
          i++;
        }
        text.addStr(fmt, run, i);
        if (i == len) {
          break;
        }
        if (++i == len) {
          throw rt.valueError("incomplete format");
        }
        int c = strs.charAt(fmt, i);
        if (c == '%') {
          text.add('%');
          i++;
          continue;
        }
        if (c == '(') {
          if (!mapping) {
            throw rt.typeError("format requires a mapping");
          }
          int depth = 1;
          int keyStart = ++i;
          for (; i < len && depth > 0; i++) {
            c = strs.charAt(fmt, i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
          }
          if (depth > 0) {
            throw rt.valueError("incomplete format key");
          }
          int key = strs.substring(fmt, keyStart, i - 1);
          rt.setKept(source, rt.ops.getItem(args, key));
          arglen = -1;
          argidx = -2;
        }
        int flags = 0;
        for (; i < len; i++) {
          c = strs.charAt(fmt, i);
          int flag = c == '-' ? LEFT : c == '+' ? SIGN : c == ' ' ? BLANK : c == '#' ? ALT : c == '0' ? ZERO : 0;
          if (flag == 0) {
            break;
          }
          flags |= flag;
        }
        int width = -1;
        if (i < len && strs.charAt(fmt, i) == '*') {
          long w = starArg(nextArg(rt.kept(source), arglen, argidx++));
          if (w < 0) {
            flags |= LEFT;
            w = -w;
          }
          width = (int) Math.min(w, Integer.MAX_VALUE);
          i++;
        } else {
          int end = digitsEnd(fmt, i, len);
          if (end > i) {
            width = decimal(fmt, i, end, "width too big");
          }
          i = end;
        }
        int prec = -1;
        if (i < len && strs.charAt(fmt, i) == '.') {
          i++;
          if (i < len && strs.charAt(fmt, i) == '*') {
            prec = (int) Math.max(0, Math.min(starArg(nextArg(rt.kept(source), arglen, argidx++)), Integer.MAX_VALUE));
            i++;
          } else {
            int end = digitsEnd(fmt, i, len);
            prec = end > i ? decimal(fmt, i, end, "prec too big") : 0;
            i = end;
          }
        }
        while (i < len && ((c = strs.charAt(fmt, i)) == 'h' || c == 'l' || c == 'L')) {
          i++;
        }
        if (i == len) {
          throw rt.valueError("incomplete format");
        }
        int conv = strs.charAt(fmt, i++);
        int value = nextArg(rt.kept(source), arglen, argidx++);
        percentOne(conv, value, flags, width, prec, i - 1);
      }
      if (argidx < arglen && !mapping) {
        throw rt.typeError("not all arguments converted during string formatting");
      }
      return text.toStr(start);
    } finally {
      text.truncate(start);
      rt.release(mark);
    }
  }

  /** CPython's getnextarg: item {@code argidx} of the tuple {@code source}, or {@code source} itself. */
  private int nextArg(int source, int arglen, int argidx) {
    if (argidx >= arglen) {
      throw rt.typeError("not enough arguments for format string");
    }
    return arglen < 0 ? source : rt.lists.get(source, argidx);
  }

  private long starArg(int v) {
    if (!rt.ints.isIntOrBool(v)) {
      throw rt.typeError("* wants int");
    }
    return rt.ints.value(v);
  }

  /** The end of the run of ASCII digits of {@code s} from {@code i}. */
  private int digitsEnd(int s, int i, int len) {
    while (i < len && rt.strs.charAt(s, i) >= '0' && rt.strs.charAt(s, i) <= '9') {
      i++;
    }
    return i;
  }

  /** The ASCII digits {@code s[from, to)} as an int; ValueError {@code tooBig} past 2^31. */
  private int decimal(int s, int from, int to, String tooBig) {
    long v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + rt.strs.charAt(s, i) - '0';
      if (v > Integer.MAX_VALUE) {
        throw rt.valueError(tooBig);
      }
    }
    return (int) v;
  }

  /** One {@code %} conversion of {@code v}, appended to the text; {@code at} is its index for errors. */
  private void percentOne(int conv, int v, int flags, int width, int prec, int at) {
    boolean alt = (flags & ALT) != 0;
    switch (conv) {
      case 's':
      case 'r':
      case 'a': {
        int from = text.length();
        rt.printer.textInto(text, v, conv != 's');
        if (conv == 'a') {
          text.escapeNonAscii(from);
        }
        if (prec >= 0 && text.length() - from > prec) {
          text.truncate(from + prec);
        }
        padText(from, width, (flags & LEFT) != 0);
        return;
      }
      case 'c': {
        int from = text.length();
        text.add(charArg(v));
        padText(from, width, (flags & LEFT) != 0);
        return;
      }
      case 'd':
      case 'i':
      case 'u':
      case 'o':
      case 'x':
      case 'X': {
        int prefix = alt && conv != 'd' && conv != 'i' && conv != 'u' ? 2 : 0;
        int end = intText(v, conv, prefix, Math.max(prec, 0));
        percentNumber(negative, flags, width, prefix, end);
        return;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        double d = floatArg(v);
        int p = prec < 0 ? 6 : prec;
        int end = FloatFormat.format(d, (char) conv, p, alt ? FloatFormat.ALT : 0, digits,
            num(FloatFormat.maxLength((char) conv, p, alt ? FloatFormat.ALT : 0)), 0);
        percentNumber(Double.doubleToRawLongBits(d) < 0 && !Double.isNaN(d), flags, width, 0, end);
        return;
      }
      default:
        throw rt.valueError("unsupported format character '" + (conv >= 32 && conv <= 126 ? (char) conv : '?')
            + "' (0x" + Integer.toHexString(conv) + ") at index " + at);
    }
  }

  /** Pads the text from {@code from} on with spaces to {@code width}, on the left unless {@code left}. */
  private void padText(int from, int width, boolean left) {
    int pad = width - (text.length() - from);
    if (left) {
      text.fill(' ', pad);
    } else {
      text.insertFill(from, ' ', pad);
    }
  }

  /**
   * A number as {@code %} lays it out (CPython's {@code unicode_format_arg_output}): the sign, the
   * {@code 0x} prefix at {@code num[0, prefix)}, zeros when flag 0 and no {@code -}, the body at
   * {@code num[prefix, end)}; spaces elsewhere.
   */
  private void percentNumber(boolean negative, int flags, int width, int prefix, int end) {
    int sign = negative ? '-' : (flags & SIGN) != 0 ? '+' : (flags & BLANK) != 0 ? ' ' : 0;
    int pad = width - end - (sign != 0 ? 1 : 0);
    boolean left = (flags & LEFT) != 0;
    boolean zeros = (flags & ZERO) != 0;
    if (!left && !zeros) {
      text.fill(' ', pad);
    }
    if (sign != 0) {
      text.add(sign);
    }
    text.addAscii(num, 0, prefix);
    if (!left && zeros) {
      text.fill('0', pad);
    }
    text.addAscii(num, prefix, end);
    if (left) {
      text.fill(' ', pad);
    }
  }

  /** The code point of {@code %c}: an int in range or a str of one character. */
  private int charArg(int v) {
    if (rt.strs.isStr(v) && rt.strs.length(v) == 1) {
      return rt.strs.charAt(v, 0);
    }
    if (!rt.ints.isIntOrBool(v)) {
      throw rt.typeError("%c requires int or char");
    }
    long cp = rt.ints.value(v);
    if (cp < 0 || cp > 0x10FFFF) {
      throw rt.overflowError("%c arg not in range(0x110000)");
    }
    return (int) cp;
  }

  /** Whether the last number written into {@link #num} was negative (its sign is not there). */
  private boolean negative;

  /**
   * The digits of the int behind {@code v} for {@code %d}/{@code %x}/{@code %o} ({@code conv}):
   * {@code 0x} (or {@code 0X}, {@code 0o}) when {@code prefix} is 2, then at least {@code minDigits}
   * digits, into {@link #num}; returns the end and sets {@link #negative}. A float is truncated, as
   * {@code int()} does, past 64 bits too ({@code '%d' % 1e30}).
   */
  private int intText(int v, int conv, int prefix, int minDigits) {
    int base = conv == 'x' || conv == 'X' ? 16 : conv == 'o' ? 8 : 10;
    long n;
    if (rt.ints.isIntOrBool(v)) {
      n = rt.ints.value(v);
    } else if (rt.floats.isFloat(v) && base == 10) {
      double d = rt.floats.value(v);
      if (Double.isNaN(d)) {
        throw rt.valueError("cannot convert float NaN to integer");
      }
      if (Double.isInfinite(d)) {
        throw rt.overflowError("cannot convert float infinity to integer");
      }
      if (Math.abs(d) >= 0x1p63) {
        negative = d < 0;
        return bigIntegerText(Math.abs(d), minDigits);
      }
      n = (long) d;
    } else {
      int r = rt.classes.callSpecial(v, rt.names.index);
      if (r == Values.NULL && base == 10) {
        r = rt.classes.callSpecial(v, rt.names.intName);
      }
      if (r == Values.NULL || !rt.ints.isIntOrBool(r)) {
        throw rt.typeError("%" + (char) conv + " format: "
            + (base == 10 ? "a real number is required, not " : "an integer is required, not ") + rt.typeName(v));
      }
      n = rt.ints.value(r);
    }
    negative = n < 0;
    byte[] b = num(prefix + Math.max(minDigits, 64));
    if (prefix > 0) {
      b[0] = '0';
      b[1] = (byte) (base == 8 ? 'o' : conv);
    }
    return digitsOf(n, base, conv == 'X', minDigits, prefix);
  }

  /**
   * Writes |n| in base 2, 8, 10 or 16 at {@code num[at..]} (room made by the caller), with leading
   * zeros to {@code minDigits}; returns the end.
   */
  private int digitsOf(long n, int base, boolean upper, int minDigits, int at) {
    long m = n < 0 ? -n : n; // unsigned: Long.MIN_VALUE's magnitude is 2^63
    int count = 1;
    for (long q = Long.divideUnsigned(m, base); q != 0; q = Long.divideUnsigned(q, base)) {
      count++;
    }
    int end = at + Math.max(count, minDigits);
    byte[] b = num;
    for (int i = end - 1; i >= at; i--) {
      int d = (int) Long.remainderUnsigned(m, base);
      b[i] = (byte) (d < 10 ? '0' + d : (upper ? 'A' : 'a') + d - 10);
      m = Long.divideUnsigned(m, base);
    }
    return end;
  }

  /** The decimal digits of the integer a >= 2^63 (a double that large has no fraction). */
  private int bigIntegerText(double a, int minDigits) {
    digits.fixed(a, 0);
    int len = digits.decpt; // digits.count of them significant, zeros after
    byte[] b = num(Math.max(len, minDigits));
    int at = 0;
    for (; at < minDigits - len; at++) {
      b[at] = '0';
    }
    System.arraycopy(digits.digits, 0, b, at, digits.count);
    for (int i = digits.count; i < len; i++) {
      b[at + i] = '0';
    }
    return at + len;
  }

  private double floatArg(int value) {
    if (rt.floats.isFloat(value)) {
      return rt.floats.value(value);
    }
    if (rt.ints.isIntOrBool(value)) {
      return rt.ints.value(value);
    }
    int r = rt.classes.callSpecial(value, rt.names.floatName);
    if (r != Values.NULL && rt.floats.isFloat(r)) {
      return rt.floats.value(r);
    }
    throw rt.typeError("must be real number, not " + rt.typeName(value));
  }

  // ---- format(value, spec) ---------------------------------------------------------------------

  /** {@code format(v, spec)}, spec a str. */
  int format(int v, int specStr) {
    int mark = rt.keep(v);
    rt.keep(specStr);
    int start = text.length();
    try {
      text.addStr(specStr);
      formatAppend(v, start, specStr);
      return text.toStr(start);
    } finally {
      text.truncate(start);
      rt.release(mark);
    }
  }

  /** FORMAT_VALUE: conversion 0 none, 1 str, 2 repr, 3 ascii; spec NULL for none. */
  int formatValue(int v, int conversion, int specStr) {
    boolean noSpec = specStr == Values.NULL || rt.strs.length(specStr) == 0;
    int spec = noSpec ? rt.strs.empty() : specStr; // first: the converted value below is held by nothing
    if (conversion != 0) {
      v = conversion == 1 ? rt.printer.str(v) : conversion == 2 ? rt.printer.repr(v) : rt.printer.ascii(v);
    }
    if (noSpec && !(rt.classes.isInstance(v) && rt.classes.special(v, rt.names.format) != Values.NULL)) {
      return rt.printer.str(v);
    }
    return format(v, spec);
  }

  /**
   * Replaces the spec at {@code text[specStart, length)} by {@code format(v, spec)}: an instance's
   * {@code __format__} gets the spec as a str ({@code specStr} if the caller has it, else 0);
   * strs, ints (bools too) and floats are formatted here; anything else takes only the empty spec.
   */
  private void formatAppend(int v, int specStart, int specStr) {
    int specEnd = text.length();
    boolean empty = specEnd == specStart;
    if (rt.classes.isInstance(v)) {
      int f = rt.classes.special(v, rt.names.format);
      if (f != Values.NULL) {
        int s = specStr != 0 ? specStr : text.toStr(specStart);
        text.truncate(specStart);
        int r = rt.call2(f, v, s);
        if (!rt.strs.isStr(r)) {
          throw rt.typeError("__format__ must return a str, not " + rt.typeName(r));
        }
        text.addStr(r);
        return;
      }
    }
    if (empty) {
      rt.printer.textInto(text, v, false);
      return;
    }
    if (rt.strs.isStr(v)) {
      parseSpec(v, specStart, specEnd, '<', 's');
      text.truncate(specStart);
      if (spec.type != 's') {
        throw unknownCode(v);
      }
      formatStr(v);
    } else if (rt.ints.isIntOrBool(v)) {
      parseSpec(v, specStart, specEnd, '>', 'd');
      text.truncate(specStart);
      if ("bcdoxXn".indexOf(spec.type) >= 0) {
        formatInt(rt.ints.value(v));
      } else if ("eEfFgG%".indexOf(spec.type) >= 0) {
        formatFloat(rt.ints.value(v));
      } else {
        throw unknownCode(v);
      }
    } else if (rt.floats.isFloat(v)) {
      parseSpec(v, specStart, specEnd, '>', '\0');
      text.truncate(specStart);
      if ("\0eEfFgGn%".indexOf(spec.type) < 0) {
        throw unknownCode(v);
      }
      formatFloat(rt.floats.value(v));
    } else {
      throw rt.typeError("unsupported format string passed to " + rt.typeName(v) + ".__format__");
    }
  }

  private PyRaise unknownCode(int v) {
    char t = spec.type;
    return rt.valueError("Unknown format code '" + (t > 32 && t < 128 ? String.valueOf(t) : "\\x" + Integer.toHexString(t))
        + "' for object of type '" + rt.typeName(v) + "'");
  }

  private static boolean isAlign(int c) {
    return c == '<' || c == '>' || c == '=' || c == '^';
  }

  /** Parses {@code text[from, to)} into {@link #spec}, as CPython's {@code parse_internal_render_format_spec}. */
  private void parseSpec(int v, int from, int to, char defaultAlign, char defaultType) {
    Spec s = spec;
    s.fill = ' ';
    s.align = defaultAlign;
    s.sign = 0;
    s.noNegativeZero = false;
    s.alt = false;
    s.width = -1;
    s.grouping = 0;
    s.precision = -1;
    s.type = defaultType;
    int i = from;
    boolean fillGiven = false;
    boolean alignGiven = false;
    if (to - i >= 2 && isAlign(text.charAt(i + 1))) {
      s.fill = text.charAt(i);
      s.align = (char) text.charAt(i + 1);
      fillGiven = true;
      alignGiven = true;
      i += 2;
    } else if (to - i >= 1 && isAlign(text.charAt(i))) {
      s.align = (char) text.charAt(i);
      alignGiven = true;
      i++;
    }
    if (i < to && (text.charAt(i) == '+' || text.charAt(i) == '-' || text.charAt(i) == ' ')) {
      s.sign = (char) text.charAt(i++);
    }
    if (i < to && text.charAt(i) == 'z') {
      s.noNegativeZero = true;
      i++;
    }
    if (i < to && text.charAt(i) == '#') {
      s.alt = true;
      i++;
    }
    if (!fillGiven && i < to && text.charAt(i) == '0') {
      s.fill = '0';
      if (!alignGiven && defaultAlign == '>') {
        s.align = '=';
      }
      i++;
    }
    int end = specDigitsEnd(i, to);
    s.width = end > i ? specInteger(i, end) : -1;
    i = end;
    if (i < to && text.charAt(i) == ',') {
      s.grouping = ',';
      i++;
    }
    if (i < to && text.charAt(i) == '_') {
      if (s.grouping != 0) {
        throw rt.valueError("Cannot specify both ',' and '_'.");
      }
      s.grouping = '_';
      i++;
    }
    if (i < to && text.charAt(i) == ',' && s.grouping == '_') {
      throw rt.valueError("Cannot specify both ',' and '_'.");
    }
    if (i < to && text.charAt(i) == '.') {
      end = specDigitsEnd(++i, to);
      if (end == i) {
        throw rt.valueError("Format specifier missing precision");
      }
      s.precision = specInteger(i, end);
      i = end;
    }
    if (to - i > 1) {
      StringBuilder sb = new StringBuilder();
      int mark = text.length();
      text.appendTo(sb, from);
      sb.setLength(to - from);
      text.truncate(mark);
      throw rt.valueError("Invalid format specifier '" + sb + "' for object of type '" + rt.typeName(v) + "'");
    }
    if (to - i == 1) {
      s.type = (char) text.charAt(i);
    }
    if (s.grouping != 0) {
      switch (s.type) {
        case 'd':
        case 'e':
        case 'f':
        case 'g':
        case 'E':
        case 'G':
        case '%':
        case 'F':
        case '\0':
          break;
        case 'b':
        case 'o':
        case 'x':
        case 'X':
          if (s.grouping == '_') {
            break;
          }
          // fall through: ',' groups decimal digits only
        default: {
          char t = s.type;
          throw rt.valueError("Cannot specify '" + s.grouping + "' with '"
              + (t > 32 && t < 128 ? String.valueOf(t) : "\\x" + Integer.toHexString(t)) + "'.");
        }
      }
    }
  }

  private int specDigitsEnd(int i, int to) {
    while (i < to && Character.digit(text.charAt(i), 10) >= 0) {
      i++;
    }
    return i;
  }

  private int specInteger(int from, int to) {
    long v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + Character.digit(text.charAt(i), 10);
      if (v > Integer.MAX_VALUE) {
        throw rt.valueError("Too many decimal digits in format string");
      }
    }
    return (int) v;
  }

  /** A str with {@link #spec} (CPython's {@code format_string_internal}). */
  private void formatStr(int v) {
    Spec s = spec;
    if (s.sign != 0) {
      throw rt.valueError(s.sign == ' ' ? "Space not allowed in string format specifier"
          : "Sign not allowed in string format specifier");
    }
    if (s.noNegativeZero) {
      throw rt.valueError("Negative zero coercion (z) not allowed in string format specifier");
    }
    if (s.alt) {
      throw rt.valueError("Alternate form (#) not allowed in string format specifier");
    }
    if (s.align == '=') {
      throw rt.valueError("'=' alignment not allowed in string format specifier");
    }
    int len = rt.strs.length(v);
    if (s.precision >= 0 && len > s.precision) {
      len = s.precision;
    }
    int pad = Math.max(0, s.width - len);
    int left = s.align == '>' ? pad : s.align == '^' ? pad / 2 : 0;
    text.fill(s.fill, left);
    text.addStr(v, 0, len);
    text.fill(s.fill, pad - left);
  }

  /** An int with {@link #spec} (CPython's {@code format_long_internal}). */
  private void formatInt(long n) {
    Spec s = spec;
    if (s.precision != -1) {
      throw rt.valueError("Precision not allowed in integer format specifier");
    }
    if (s.noNegativeZero) {
      throw rt.valueError("Negative zero coercion (z) not allowed in integer format specifier");
    }
    if (s.type == 'c') {
      if (s.sign != 0) {
        throw rt.valueError("Sign not allowed with integer format specifier 'c'");
      }
      if (s.alt) {
        throw rt.valueError("Alternate form (#) not allowed with integer format specifier 'c'");
      }
      if (n < 0 || n > 0x10FFFF) {
        throw rt.overflowError("%c arg not in range(0x110000)");
      }
      // no digits and one remainder character, as CPython's calc_number_widths sees it
      int pad = Math.max(0, s.width - 1);
      int left = s.align == '<' ? 0 : s.align == '^' ? pad / 2 : pad;
      text.fill(s.fill, left);
      text.add((int) n);
      text.fill(s.fill, pad - left);
      return;
    }
    int base = s.type == 'b' ? 2 : s.type == 'o' ? 8 : s.type == 'x' || s.type == 'X' ? 16 : 10;
    int prefix = s.alt && base != 10 ? 2 : 0;
    byte[] b = num(66);
    if (prefix > 0) {
      b[0] = '0';
      b[1] = (byte) s.type;
    }
    int end = digitsOf(n, base, s.type == 'X', 0, prefix);
    layoutNumber(n < 0 ? '-' : signOf(s.sign), prefix, end, end, base == 10 ? 3 : 4);
  }

  private static int signOf(char sign) {
    return sign == '+' || sign == ' ' ? sign : 0;
  }

  /** A float (or an int as one) with {@link #spec} (CPython's {@code format_float_internal}). */
  private void formatFloat(double d) {
    Spec s = spec;
    char type = s.type;
    int flags = s.alt ? FloatFormat.ALT : 0;
    int defaultPrecision = 6;
    if (type == '\0') { // like repr, or like 'g' with a precision, with at least one digit after the point
      flags |= FloatFormat.ADD_DOT_0;
      type = 'r';
      defaultPrecision = 0;
    } else if (type == 'n') {
      type = 'g';
    }
    boolean percent = type == '%';
    if (percent) {
      type = 'f';
      d *= 100;
    }
    int p = s.precision;
    if (p < 0) {
      p = defaultPrecision;
    } else if (type == 'r') {
      type = 'g';
    }
    byte[] b = num(FloatFormat.maxLength(type, p, flags) + 1L);
    int end = FloatFormat.format(d, type, p, flags, digits, b, 0);
    if (percent) {
      b[end++] = '%';
    }
    boolean zero = Double.isFinite(d) && digits.count == 1 && digits.digits[0] == '0';
    boolean negative = Double.doubleToRawLongBits(d) < 0 && !Double.isNaN(d) && !(s.noNegativeZero && zero);
    int digitsEnd = 0;
    while (digitsEnd < end && b[digitsEnd] >= '0' && b[digitsEnd] <= '9') {
      digitsEnd++;
    }
    layoutNumber(negative ? '-' : signOf(s.sign), 0, digitsEnd, end, 3);
  }

  /**
   * A number as CPython's {@code calc_number_widths} and {@code fill_number} lay it out with
   * {@link #spec}: padding, the sign, the prefix at {@code num[0, prefix)}, padding, the digits
   * {@code num[prefix, digitsEnd)} grouped by {@code every} (zero-filled to the width when the
   * fill is {@code 0} and the alignment {@code =}), then the rest (the point, the fraction, an
   * exponent, {@code %}: {@code num[digitsEnd, end)}), padding.
   */
  private void layoutNumber(int sign, int prefix, int digitsEnd, int end, int every) {
    Spec s = spec;
    byte[] b = num;
    int nDigits = digitsEnd - prefix;
    int rest = end - digitsEnd; // the decimal point, if any, and the remainder
    int nonDigits = (sign != 0 ? 1 : 0) + prefix + rest;
    int minWidth = s.fill == '0' && s.align == '=' ? s.width - nonDigits : 0;
    int group = s.grouping == 0 ? 0 : every;
    int grouped = nDigits == 0 ? 0 : group(digitsEnd, nDigits, minWidth, group, -1);
    int pad = Math.max(0, s.width - nonDigits - grouped);
    int left = s.align == '>' ? pad : s.align == '^' ? pad / 2 : 0;
    int middle = s.align == '=' ? pad : 0;
    text.fill(s.fill, left);
    if (sign != 0) {
      text.add(sign);
    }
    text.addAscii(b, 0, prefix);
    text.fill(s.fill, middle);
    if (nDigits > 0) {
      group(digitsEnd, nDigits, minWidth, group, text.reserve(grouped) + grouped);
    }
    text.addAscii(b, digitsEnd, end);
    text.fill(s.fill, pad - left - middle);
  }

  /**
   * CPython's {@code _PyUnicode_InsertThousandsGrouping}: the {@code n} digits that end at
   * {@code num[digitsEnd]}, from the right, {@code every} to a group ({@code 0}: no grouping), with
   * zeros in front to {@code minWidth} characters. Writes them right to left into the text ending
   * at {@code at}, or only counts them when {@code at} is negative; returns their length.
   */
  private int group(int digitsEnd, int n, int minWidth, int every, int at) {
    int sep = spec.grouping;
    int count = 0;
    int remaining = n;
    int d = digitsEnd;
    boolean separator = false;
    minWidth = Math.max(0, minWidth);
    while (true) {
      int len = Math.max(Math.max(remaining, minWidth), 1);
      if (every > 0) {
        len = Math.min(every, len);
      }
      int zeros = Math.max(0, len - remaining);
      int chars = Math.max(0, Math.min(remaining, len));
      count += (separator ? 1 : 0) + zeros + chars;
      if (at >= 0) {
        if (separator) {
          text.set(--at, sep);
        }
        for (int i = 0; i < chars; i++) {
          text.set(--at, num[--d]);
        }
        for (int i = 0; i < zeros; i++) {
          text.set(--at, '0');
        }
      }
      remaining -= chars;
      minWidth -= len;
      if (every == 0 || remaining <= 0 && minWidth <= 0) {
        return count;
      }
      minWidth -= 1; // the separator before the next group
      separator = true;
    }
  }

  // ---- str.format -------------------------------------------------------------------------------

  /** fmt.format(*args, **kwargs): args at stack[a .. a+n), keyword pairs at kw. */
  int strFormat(int fmt, int a, int n, int kw, int nkw) {
    int mark = rt.keep(fmt);
    int start = text.length();
    try {
      formatFields(fmt, 0, rt.strs.length(fmt), a, n, kw, nkw, MAX_FORMAT_DEPTH, AUTO_INIT);
      return text.toStr(start);
    } finally {
      text.truncate(start);
      rt.release(mark);
    }
  }

  /**
   * Appends {@code fmt[from, to)} with its replacement fields formatted (CPython's
   * {@code MarkupIterator} and {@code output_markup}); {@code auto} is the automatic numbering
   * state, returned updated.
   */
  private int formatFields(int fmt, int from, int to, int a, int n, int kw, int nkw, int depth, int auto) {
    if (depth <= 0) {
      throw rt.valueError("Max string recursion exceeded");
    }
    Strs strs = rt.strs;
    int i = from;
    while (i < to) {
      int literal = i;
      int c = 0;
      boolean markup = false;
      while (i < to) {
        c = strs.charAt(fmt, i++);
        if (c == '{' || c == '}') {
          markup = true;
          break;
        }
      }
      int literalEnd = i;
      if (markup) {
        boolean atEnd = i >= to;
        if (c == '}' && (atEnd || strs.charAt(fmt, i) != '}')) {
          throw rt.valueError("Single '}' encountered in format string");
        }
        if (atEnd) {
          throw rt.valueError("Single '{' encountered in format string");
        }
        if (strs.charAt(fmt, i) == c) { // {{ or }}: the first is literal text
          i++;
          markup = false;
        } else {
          literalEnd--;
        }
      }
      text.addStr(fmt, literal, literalEnd);
      if (markup) {
        long next = field(fmt, i, to, a, n, kw, nkw, depth, auto);
        i = (int) next;
        auto = (int) (next >>> 32);
      }
    }
    return auto;
  }

  /**
   * One replacement field from {@code fmt[i]}, just after its {@code '{'}: parses it (CPython's
   * {@code parse_field}), looks its value up, converts it, expands its spec and appends the value
   * formatted. Returns the index after the field's {@code '}'} in the low 32 bits, the automatic
   * numbering state in the high ones (a field of the formatter would not survive the Python calls
   * in between).
   */
  private long field(int fmt, int i, int to, int a, int n, int kw, int nkw, int depth, int auto) {
    Strs strs = rt.strs;
    int nameStart = i;
    int c = 0;
    while (i < to) {
      c = strs.charAt(fmt, i++);
      if (c == '{') {
        throw rt.valueError("unexpected '{' in field name");
      }
      if (c == '[') {
        while (i < to && strs.charAt(fmt, i) != ']') {
          i++;
        }
        continue;
      }
      if (c == '}' || c == ':' || c == '!') {
        break;
      }
    }
    int nameEnd = i - 1;
    int conversion = 0;
    int specStart = i;
    int specEnd = i;
    boolean expand = false;
    if (c == '!' || c == ':') {
      boolean specFollows = true;
      if (c == '!') {
        if (i >= to) {
          throw rt.valueError("end of string while looking for conversion specifier");
        }
        conversion = strs.charAt(fmt, i++);
        if (i < to) {
          c = strs.charAt(fmt, i++);
          if (c == '}') {
            specFollows = false;
          } else if (c != ':') {
            throw rt.valueError("expected ':' after conversion specifier");
          }
        }
      }
      if (specFollows) {
        specStart = i;
        specEnd = -1;
        for (int open = 1; i < to; ) {
          c = strs.charAt(fmt, i++);
          if (c == '{') {
            expand = true;
            open++;
          } else if (c == '}' && --open == 0) {
            specEnd = i - 1;
            break;
          }
        }
        if (specEnd < 0) {
          throw rt.valueError("unmatched '{' in format spec");
        }
      } else {
        specStart = i;
        specEnd = i;
      }
    } else if (c != '}') {
      throw rt.valueError("expected '}' before end of string");
    }

    // the head of the name, up to '.' or '[': a number, nothing (the next number), or a keyword
    int head = nameStart;
    while (head < nameEnd && (c = strs.charAt(fmt, head)) != '.' && c != '[') {
      head++;
    }
    long index = fieldIndex(fmt, nameStart, head);
    boolean empty = head == nameStart;
    if (empty || index != -1) {
      int state = auto & AUTO_STATE;
      if (state == AUTO_INIT) {
        state = empty ? AUTO : MANUAL;
      }
      if (state == MANUAL && empty) {
        throw rt.valueError("cannot switch from manual field specification to automatic field numbering");
      }
      if (state == AUTO && !empty) {
        throw rt.valueError("cannot switch from automatic field numbering to manual field specification");
      }
      if (empty) {
        index = auto >>> 2;
        auto += 1 << 2;
      }
      auto = (auto & ~AUTO_STATE) | state;
    }
    int value = fieldValue(fmt, nameStart, head, nameEnd, index, a, n, kw, nkw);
    int mark = rt.keep(value);
    try {
      if (conversion != 0) {
        value = convert(value, conversion);
        rt.setKept(mark, value);
      }
      int specMark = text.length();
      if (expand) {
        auto = formatFields(fmt, specStart, specEnd, a, n, kw, nkw, depth - 1, auto);
      } else {
        text.addStr(fmt, specStart, specEnd);
      }
      formatAppend(value, specMark, 0);
    } finally {
      rt.release(mark);
    }
    return (long) auto << 32 | i;
  }

  /** CPython's {@code get_integer}: the decimal digits {@code s[from, to)} as a number, -1 if empty or not all digits. */
  private long fieldIndex(int s, int from, int to) {
    if (from >= to) {
      return -1;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = Character.digit(rt.strs.charAt(s, i), 10);
      if (d < 0) {
        return -1;
      }
      if (v > (Long.MAX_VALUE - d) / 10) {
        throw rt.valueError("Too many decimal digits in format string");
      }
      v = v * 10 + d;
    }
    return v;
  }

  /**
   * The object a field names: positional argument {@code index}, or (index -1) the keyword
   * {@code fmt[nameStart, head)}, then each {@code .attr} and {@code [key]} of {@code fmt[head, nameEnd)}.
   */
  private int fieldValue(int fmt, int nameStart, int head, int nameEnd, long index, int a, int n, int kw, int nkw) {
    Strs strs = rt.strs;
    int[] stack = rt.thread.stack;
    int value = Values.NULL;
    if (index == -1) {
      for (int k = 0; k < nkw; k++) {
        if (isName(fmt, nameStart, head, stack[kw + 2 * k] >> 1)) {
          value = stack[kw + 2 * k + 1];
        }
      }
      if (value == Values.NULL) {
        throw rt.dicts.keyError(strs.substring(fmt, nameStart, head));
      }
    } else {
      if (index >= n) {
        throw rt.indexError("Replacement index " + index + " out of range for positional args tuple");
      }
      value = stack[a + (int) index];
    }
    int i = head;
    while (i < nameEnd) {
      int c = strs.charAt(fmt, i++);
      int from = i;
      if (c == '.') {
        while (i < nameEnd && (c = strs.charAt(fmt, i)) != '.' && c != '[') {
          i++;
        }
        if (from == i) {
          throw rt.valueError("Empty attribute in format string");
        }
        // a Java string for the name's id: attributes in format fields are rare
        value = rt.classes.getAttr(value, rt.names.id(javaText(fmt, from, i)));
      } else if (c == '[') {
        while (i < nameEnd && strs.charAt(fmt, i) != ']') {
          i++;
        }
        if (i >= nameEnd) {
          throw rt.valueError("Missing ']' in format string");
        }
        int end = i++;
        if (from == end) {
          throw rt.valueError("Empty attribute in format string");
        }
        long k = fieldIndex(fmt, from, end);
        int mark = rt.keep(value);
        try {
          value = rt.ops.getItem(value, k != -1 ? rt.ints.box(k) : strs.substring(fmt, from, end));
        } finally {
          rt.release(mark);
        }
      } else {
        throw rt.valueError("Only '.' or '[' may follow ']' in format field specifier");
      }
    }
    return value;
  }

  /** Whether {@code s[from, to)} is the name with id {@code id}. */
  private boolean isName(int s, int from, int to, int id) {
    String name = rt.names.name(id);
    int j = 0;
    for (int i = from; i < to; i++) {
      if (j >= name.length()) {
        return false;
      }
      int cp = name.codePointAt(j);
      if (cp != rt.strs.charAt(s, i)) {
        return false;
      }
      j += Character.charCount(cp);
    }
    return j == name.length();
  }

  private String javaText(int s, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      sb.appendCodePoint(rt.strs.charAt(s, i));
    }
    return sb.toString();
  }

  /** {@code !r}, {@code !s}, {@code !a}. */
  private int convert(int v, int conversion) {
    switch (conversion) {
      case 'r':
        return rt.printer.repr(v);
      case 's':
        return rt.printer.str(v);
      case 'a':
        return rt.printer.ascii(v);
      default:
        throw rt.valueError("Unknown conversion specifier "
            + (conversion > 32 && conversion < 127 ? String.valueOf((char) conversion) : "\\x" + Integer.toHexString(conversion)));
    }
  }
}
