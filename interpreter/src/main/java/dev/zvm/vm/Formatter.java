package dev.zvm.vm;

import dev.zvm.bytecode.ExceptionTree;

/**
 * Text formatting: the {@code %} operator (flags, width, precision, {@code *} and
 * {@code %(key)s}), {@code format(value, spec)} with the format-spec mini-language,
 * {@code str.format} and the f-string's {@code FORMAT_VALUE}. Output follows CPython.
 */
final class Formatter {
  private final Runtime rt;

  Formatter(Runtime rt) {
    this.rt = rt;
  }

  // ---- % ----------------------------------------------------------------------------------------

  /** fmt % args. */
  int percent(int fmt, int args) {
    int mark = rt.keep(fmt);
    rt.keep(args);
    try {
      int quick = rt.strs.percentLatin1(fmt, args); // bare %s and %d of strs and ints: no Java string
      if (quick != 0) {
        return quick;
      }
      String f = rt.strs.toJava(fmt);
      boolean tuple = rt.lists.isTuple(args);
      boolean mapping = !tuple && (rt.dicts.isDict(args)
          || (rt.classes.isInstance(args) && rt.classes.special(args, rt.names.getitem) != Values.NULL
              && !rt.strs.isStr(args)));
      int n = tuple ? rt.lists.tupleLength(args) : 1;
      int next = 0;
      boolean usedMapping = false;
      StringBuilder sb = new StringBuilder(f.length() + 16);
      int i = 0;
      int len = f.length();
      while (i < len) {
        char c = f.charAt(i++);
        if (c != '%') {
          sb.append(c);
          continue;
        }
        if (i >= len) {
          throw rt.valueError("incomplete format");
        }
        int value = Values.NULL;
        if (f.charAt(i) == '(') {
          if (!mapping) {
            throw rt.typeError("format requires a mapping");
          }
          int depth = 1;
          int start = ++i;
          while (i < len && depth > 0) {
            char k = f.charAt(i);
            if (k == '(') {
              depth++;
            } else if (k == ')') {
              depth--;
            }
            i++;
          }
          if (depth > 0) {
            throw rt.valueError("incomplete format key");
          }
          int key = rt.strs.of(f.substring(start, i - 1));
          value = rt.ops.getItem(args, key);
          usedMapping = true;
        }
        boolean left = false;
        boolean plus = false;
        boolean space = false;
        boolean alt = false;
        boolean zero = false;
        while (i < len) {
          char k = f.charAt(i);
          if (k == '-') {
            left = true;
          } else if (k == '+') {
            plus = true;
          } else if (k == ' ') {
            space = true;
          } else if (k == '#') {
            alt = true;
          } else if (k == '0') {
            zero = true;
          } else {
            break;
          }
          i++;
        }
        int width = -1;
        if (i < len && f.charAt(i) == '*') {
          i++;
          if (next >= n || !tuple) {
            throw rt.typeError("not enough arguments for format string");
          }
          long wv = rt.ints.arg(rt.lists.get(args, next++), "* wants int");
          if (wv < 0) {
            left = true;
            wv = -wv;
          }
          width = (int) wv;
        } else {
          int start = i;
          while (i < len && Character.isDigit(f.charAt(i))) {
            i++;
          }
          if (i > start) {
            width = Integer.parseInt(f.substring(start, i));
          }
        }
        int prec = -1;
        if (i < len && f.charAt(i) == '.') {
          i++;
          if (i < len && f.charAt(i) == '*') {
            i++;
            if (next >= n || !tuple) {
              throw rt.typeError("not enough arguments for format string");
            }
            prec = (int) Math.max(0, rt.ints.arg(rt.lists.get(args, next++), "* wants int"));
          } else {
            int start = i;
            while (i < len && Character.isDigit(f.charAt(i))) {
              i++;
            }
            prec = i > start ? Integer.parseInt(f.substring(start, i)) : 0;
          }
        }
        while (i < len && (f.charAt(i) == 'h' || f.charAt(i) == 'l' || f.charAt(i) == 'L')) {
          i++;
        }
        if (i >= len) {
          throw rt.valueError("incomplete format");
        }
        char conv = f.charAt(i++);
        if (conv == '%') {
          sb.append('%');
          continue;
        }
        if (value == Values.NULL) {
          if (tuple) {
            if (next >= n) {
              throw rt.typeError("not enough arguments for format string");
            }
            value = rt.lists.get(args, next++);
          } else {
            if (next >= 1 && !mapping) {
              throw rt.typeError("not enough arguments for format string");
            }
            value = args;
            next++;
          }
        }
        String body;
        boolean numeric = true;
        switch (conv) {
          case 'd':
          case 'i':
          case 'u':
            body = intText(value, 10, false, alt, conv);
            break;
          case 'x':
          case 'X':
            body = intText(value, 16, conv == 'X', alt, conv);
            break;
          case 'o':
            body = intText(value, 8, false, alt, conv);
            break;
          case 'e':
          case 'E':
          case 'f':
          case 'F':
          case 'g':
          case 'G': {
            double d = floatArg(value, conv);
            int p = prec < 0 ? 6 : prec;
            body = conv == 'e' || conv == 'E' ? FloatFormat.exp(d, p, conv == 'E')
                : conv == 'f' || conv == 'F' ? FloatFormat.fixed(d, p, conv == 'F')
                : FloatFormat.general(d, p, conv == 'G', alt);
            if (alt && (conv == 'f' || conv == 'F') && p == 0 && Double.isFinite(d)) {
              body = body + ".";
            }
            break;
          }
          case 'c':
            numeric = false;
            if (rt.strs.isStr(value) && rt.strs.length(value) == 1) {
              body = rt.strs.toJava(value);
            } else if (rt.ints.isIntOrBool(value)) {
              long cp = rt.ints.value(value);
              if (cp < 0 || cp > 0x10FFFF) {
                throw rt.overflowError("%c arg not in range(0x110000)");
              }
              body = new String(Character.toChars((int) cp));
            } else {
              throw rt.typeError("%c requires int or char");
            }
            break;
          case 's':
          case 'r':
          case 'a':
            numeric = false;
            body = rt.strs.toJava(conv == 's' ? rt.printer.str(value) : rt.printer.repr(value));
            if (conv == 'a') {
              body = asciiEscape(body);
            }
            if (prec >= 0 && prec < body.length()) {
              body = body.substring(0, body.offsetByCodePoints(0, Math.min(prec, body.codePointCount(0, body.length()))));
            }
            break;
          default:
            throw rt.valueError("unsupported format character '" + conv + "' (0x" + Integer.toHexString(conv)
                + ") at index " + (i - 1));
        }
        if (numeric) {
          if (!body.startsWith("-")) {
            if (plus) {
              body = "+" + body;
            } else if (space) {
              body = " " + body;
            }
          }
          if (prec >= 0 && (conv == 'd' || conv == 'i' || conv == 'u' || conv == 'x' || conv == 'X' || conv == 'o')) {
            body = padDigits(body, prec);
          }
        }
        int cps = body.codePointCount(0, body.length());
        if (width > cps) {
          int pad = width - cps;
          if (left) {
            body = body + " ".repeat(pad);
          } else if (zero && numeric && (conv != 'c') && isFiniteText(body)) {
            int signEnd = signPrefixLength(body);
            body = body.substring(0, signEnd) + "0".repeat(pad) + body.substring(signEnd);
          } else {
            body = " ".repeat(pad) + body;
          }
        }
        sb.append(body);
      }
      if (tuple && next < n) {
        throw rt.typeError("not all arguments converted during string formatting");
      }
      if (!tuple && !mapping && next == 0 && !usedMapping) {
        throw rt.typeError("not all arguments converted during string formatting");
      }
      return rt.strs.of(sb);
    } finally {
      rt.release(mark);
    }
  }

  private static boolean isFiniteText(String body) {
    return !body.contains("inf") && !body.contains("nan") && !body.contains("INF") && !body.contains("NAN");
  }

  private static int signPrefixLength(String body) {
    int i = 0;
    if (i < body.length() && (body.charAt(i) == '-' || body.charAt(i) == '+' || body.charAt(i) == ' ')) {
      i++;
    }
    if (i + 1 < body.length() && body.charAt(i) == '0' && "xXob".indexOf(body.charAt(i + 1)) >= 0) {
      i += 2;
    }
    return i;
  }

  private static String padDigits(String body, int prec) {
    int start = signPrefixLength(body);
    String digits = body.substring(start);
    if (digits.length() >= prec) {
      return body;
    }
    return body.substring(0, start) + "0".repeat(prec - digits.length()) + digits;
  }

  private String intText(int value, int base, boolean upper, boolean alt, char conv) {
    long n;
    if (rt.ints.isIntOrBool(value)) {
      n = rt.ints.value(value);
    } else if (rt.floats.isFloat(value) && base == 10) {
      double d = rt.floats.value(value);
      if (!Double.isFinite(d)) {
        throw rt.overflowError("cannot convert float infinity to integer");
      }
      n = (long) d;
    } else {
      int r = rt.classes.callSpecial(value, rt.names.index);
      if (r == Values.NULL) {
        r = rt.classes.callSpecial(value, rt.names.intName);
      }
      if (r == Values.NULL || !rt.ints.isIntOrBool(r)) {
        throw rt.typeError(base == 10 ? "%" + conv + " format: a real number is required, not " + rt.typeName(value)
            : "%" + conv + " format: an integer is required, not " + rt.typeName(value));
      }
      n = rt.ints.value(r);
    }
    String s = Ints.toBase(n, base);
    if (upper) {
      s = s.toUpperCase();
    }
    if (alt && base != 10) {
      String p = base == 16 ? (upper ? "0X" : "0x") : "0o";
      s = s.startsWith("-") ? "-" + p + s.substring(1) : p + s;
    }
    return s;
  }

  private double floatArg(int value, char conv) {
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

  static String asciiEscape(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(c -> {
      if (c < 0x80) {
        sb.append((char) c);
      } else if (c <= 0xFF) {
        sb.append(String.format("\\x%02x", c));
      } else if (c <= 0xFFFF) {
        sb.append(String.format("\\u%04x", c));
      } else {
        sb.append(String.format("\\U%08x", c));
      }
    });
    return sb.toString();
  }

  // ---- format(value, spec) ---------------------------------------------------------------------

  /** format(v, spec) as Java text. */
  String format(int v, String spec) {
    if (rt.classes.isInstance(v)) {
      int f = rt.classes.special(v, rt.names.format);
      if (f != Values.NULL) {
        int s = rt.strs.of(spec);
        int r = rt.call2(f, v, s);
        return rt.strs.toJava(r);
      }
      if (spec.isEmpty()) {
        return rt.strs.toJava(rt.printer.str(v));
      }
      throw rt.typeError("unsupported format string passed to " + rt.typeName(v) + ".__format__");
    }
    if (spec.isEmpty()) {
      return rt.strs.toJava(rt.printer.str(v));
    }
    Spec s = parseSpec(spec);
    boolean isInt = rt.ints.isIntOrBool(v);
    boolean isFloat = rt.floats.isFloat(v);
    if (isInt && (s.type == 0 || "bcdoxXn".indexOf(s.type) >= 0)) {
      return formatInt(rt.ints.value(v), s, Values.isBool(v) && s.type == 0 ? v : Values.NULL);
    }
    if ((isInt || isFloat) && (s.type == 0 || "eEfFgGn%".indexOf(s.type) >= 0)) {
      return formatFloat(rt.floats.toDouble(v), s, isInt);
    }
    if (rt.strs.isStr(v) && (s.type == 0 || s.type == 's')) {
      if (s.sign != 0) {
        throw rt.valueError("Sign not allowed in string format specifier");
      }
      String text = rt.strs.toJava(v);
      if (s.precision >= 0 && s.precision < text.codePointCount(0, text.length())) {
        text = text.substring(0, text.offsetByCodePoints(0, s.precision));
      }
      return align(text, s, '<');
    }
    if (!isInt && !isFloat && !rt.strs.isStr(v)) {
      if (s.type == 0 || s.type == 's') {
        String text = rt.strs.toJava(rt.printer.str(v));
        if (s.precision >= 0 && s.precision < text.length()) {
          text = text.substring(0, s.precision);
        }
        return align(text, s, '<');
      }
    }
    throw rt.valueError("Unknown format code '" + s.type + "' for object of type '" + rt.typeName(v) + "'");
  }

  private static final class Spec {
    char fill = ' ';
    char align;
    char sign;
    boolean alt;
    boolean zero;
    int width = -1;
    char grouping;
    int precision = -1;
    char type;
  }

  private Spec parseSpec(String spec) {
    Spec s = new Spec();
    int i = 0;
    int n = spec.length();
    if (n >= 2 && "<>=^".indexOf(spec.charAt(1)) >= 0) {
      s.fill = spec.charAt(0);
      s.align = spec.charAt(1);
      i = 2;
    } else if (n >= 1 && "<>=^".indexOf(spec.charAt(0)) >= 0) {
      s.align = spec.charAt(0);
      i = 1;
    }
    if (i < n && "+- ".indexOf(spec.charAt(i)) >= 0) {
      s.sign = spec.charAt(i++);
    }
    if (i < n && spec.charAt(i) == 'z') {
      i++;
    }
    if (i < n && spec.charAt(i) == '#') {
      s.alt = true;
      i++;
    }
    if (i < n && spec.charAt(i) == '0') {
      s.zero = true;
      i++;
    }
    int start = i;
    while (i < n && Character.isDigit(spec.charAt(i))) {
      i++;
    }
    if (i > start) {
      s.width = Integer.parseInt(spec.substring(start, i));
    }
    if (i < n && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) {
      s.grouping = spec.charAt(i++);
    }
    if (i < n && spec.charAt(i) == '.') {
      i++;
      start = i;
      while (i < n && Character.isDigit(spec.charAt(i))) {
        i++;
      }
      if (i == start) {
        throw rt.valueError("Format specifier missing precision");
      }
      s.precision = Integer.parseInt(spec.substring(start, i));
    }
    if (i < n) {
      s.type = spec.charAt(i++);
    }
    if (i < n) {
      throw rt.valueError("Invalid format specifier '" + spec + "'");
    }
    if (s.zero && s.align == 0) {
      s.fill = '0';
      s.align = '=';
    }
    return s;
  }

  private String formatInt(long n, Spec s, int boolValue) {
    if (boolValue != Values.NULL && s.type == 0 && s.precision < 0) {
      // format(True, '>5') formats the int 1, as CPython does
    }
    if (s.precision >= 0) {
      throw rt.valueError("Precision not allowed in integer format specifier");
    }
    String digits;
    String prefix = "";
    boolean neg = n < 0;
    long a = neg ? -n : n;
    switch (s.type) {
      case 'b':
        digits = Long.toBinaryString(a);
        prefix = s.alt ? "0b" : "";
        break;
      case 'o':
        digits = Long.toOctalString(a);
        prefix = s.alt ? "0o" : "";
        break;
      case 'x':
        digits = Long.toHexString(a);
        prefix = s.alt ? "0x" : "";
        break;
      case 'X':
        digits = Long.toHexString(a).toUpperCase();
        prefix = s.alt ? "0X" : "";
        break;
      case 'c':
        return align(new String(Character.toChars((int) n)), s, '<');
      default:
        digits = n == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(a);
    }
    if (s.grouping != 0) {
      digits = group(digits, s.grouping, s.type == 'b' || s.type == 'o' || s.type == 'x' || s.type == 'X' ? 4 : 3);
    }
    String sign = neg ? "-" : s.sign == '+' ? "+" : s.sign == ' ' ? " " : "";
    return alignNumber(sign + prefix, digits, s);
  }

  private static String group(String digits, char sep, int every) {
    int dot = digits.indexOf('.');
    String intPart = dot < 0 ? digits : digits.substring(0, dot);
    String rest = dot < 0 ? "" : digits.substring(dot);
    StringBuilder sb = new StringBuilder();
    int len = intPart.length();
    for (int i = 0; i < len; i++) {
      if (i > 0 && (len - i) % every == 0) {
        sb.append(sep);
      }
      sb.append(intPart.charAt(i));
    }
    return sb + rest;
  }

  private String formatFloat(double d, Spec s, boolean fromInt) {
    String body;
    char t = s.type;
    int p = s.precision;
    switch (t) {
      case 'e':
      case 'E':
        body = FloatFormat.exp(Math.abs(d), p < 0 ? 6 : p, t == 'E');
        break;
      case 'f':
      case 'F':
        body = FloatFormat.fixed(Math.abs(d), p < 0 ? 6 : p, t == 'F');
        break;
      case 'g':
      case 'G':
      case 'n':
        body = FloatFormat.general(Math.abs(d), p < 0 ? 6 : p, t == 'G', s.alt);
        break;
      case '%':
        body = FloatFormat.fixed(Math.abs(d) * 100, p < 0 ? 6 : p, false) + "%";
        break;
      default:
        if (fromInt && p < 0) {
          body = Long.toString(Math.abs((long) d));
        } else {
          body = FloatFormat.noType(Math.abs(d), p);
        }
    }
    if (s.alt && body.indexOf('.') < 0 && Double.isFinite(d) && (t == 'f' || t == 'F' || t == 'e' || t == 'E')) {
      int e = body.indexOf(t == 'e' || t == 'E' ? t : '\0');
      body = e < 0 ? body + "." : body.substring(0, e) + "." + body.substring(e);
    }
    if (s.grouping != 0 && Double.isFinite(d)) {
      int e = body.indexOf('e');
      if (e < 0) {
        e = body.indexOf('E');
      }
      String mant = e < 0 ? body : body.substring(0, e);
      String tail = e < 0 ? "" : body.substring(e);
      body = group(mant, s.grouping, 3) + tail;
    }
    boolean neg = Double.doubleToRawLongBits(d) < 0 && !Double.isNaN(d);
    String sign = neg ? "-" : s.sign == '+' ? "+" : s.sign == ' ' ? " " : "";
    return alignNumber(sign, body, s);
  }

  private static String alignNumber(String sign, String body, Spec s) {
    int len = sign.length() + body.length();
    if (s.width <= len) {
      return sign + body;
    }
    int pad = s.width - len;
    String fill = String.valueOf(s.fill).repeat(pad);
    char a = s.align == 0 ? '>' : s.align;
    switch (a) {
      case '<':
        return sign + body + fill;
      case '^':
        return String.valueOf(s.fill).repeat(pad / 2) + sign + body + String.valueOf(s.fill).repeat(pad - pad / 2);
      case '=':
        return sign + fill + body;
      default:
        return fill + sign + body;
    }
  }

  private String align(String text, Spec s, char defaultAlign) {
    int len = text.codePointCount(0, text.length());
    if (s.width <= len) {
      return text;
    }
    int pad = s.width - len;
    char a = s.align == 0 ? defaultAlign : s.align;
    if (a == '=') {
      throw rt.valueError("'=' alignment not allowed in string format specifier");
    }
    String f = String.valueOf(s.fill);
    switch (a) {
      case '>':
        return f.repeat(pad) + text;
      case '^':
        return f.repeat(pad / 2) + text + f.repeat(pad - pad / 2);
      default:
        return text + f.repeat(pad);
    }
  }

  // ---- str.format -------------------------------------------------------------------------------

  /** fmt.format(*args, **kwargs): args at stack[a .. a+n), keyword pairs at kw. */
  int strFormat(int fmt, int a, int n, int kw, int nkw) {
    String f = rt.strs.toJava(fmt);
    StringBuilder sb = new StringBuilder();
    int[] auto = {0};
    formatInto(sb, f, a, n, kw, nkw, auto, 0);
    return rt.strs.of(sb);
  }

  private void formatInto(StringBuilder sb, String f, int a, int n, int kw, int nkw, int[] auto, int level) {
    int i = 0;
    int len = f.length();
    while (i < len) {
      char c = f.charAt(i);
      if (c == '{') {
        if (i + 1 < len && f.charAt(i + 1) == '{') {
          sb.append('{');
          i += 2;
          continue;
        }
        int depth = 1;
        int start = i + 1;
        int j = start;
        while (j < len && depth > 0) {
          char k = f.charAt(j);
          if (k == '{') {
            depth++;
          } else if (k == '}') {
            depth--;
          }
          j++;
        }
        if (depth > 0) {
          throw rt.valueError("expected '}' before end of string");
        }
        String field = f.substring(start, j - 1);
        i = j;
        String spec = "";
        char conv = 0;
        int colon = indexOutsideBrackets(field, ':');
        if (colon >= 0) {
          spec = field.substring(colon + 1);
          field = field.substring(0, colon);
        }
        int bang = indexOutsideBrackets(field, '!');
        if (bang >= 0) {
          if (bang + 2 != field.length()) {
            throw rt.valueError("expected ':' after conversion specifier");
          }
          conv = field.charAt(bang + 1);
          field = field.substring(0, bang);
        }
        int value = lookupField(field, a, n, kw, nkw, auto);
        int mark = rt.keep(value);
        if (spec.indexOf('{') >= 0) {
          if (level >= 2) {
            throw rt.valueError("Max string recursion exceeded");
          }
          StringBuilder nested = new StringBuilder();
          formatInto(nested, spec, a, n, kw, nkw, auto, level + 1);
          spec = nested.toString();
        }
        if (conv == 'r') {
          value = rt.printer.repr(value);
        } else if (conv == 's') {
          value = rt.printer.str(value);
        } else if (conv == 'a') {
          value = rt.strs.of(asciiEscape(rt.strs.toJava(rt.printer.repr(value))));
        } else if (conv != 0) {
          throw rt.valueError("Unknown conversion specifier " + conv);
        }
        rt.setKept(mark, value);
        sb.append(format(value, spec));
        rt.release(mark);
      } else if (c == '}') {
        if (i + 1 < len && f.charAt(i + 1) == '}') {
          sb.append('}');
          i += 2;
          continue;
        }
        throw rt.valueError("Single '}' encountered in format string");
      } else {
        sb.append(c);
        i++;
      }
    }
  }

  private static int indexOutsideBrackets(String s, char target) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == target && depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private int lookupField(String field, int a, int n, int kw, int nkw, int[] auto) {
    int end = 0;
    while (end < field.length() && field.charAt(end) != '.' && field.charAt(end) != '[') {
      end++;
    }
    String head = field.substring(0, end);
    int[] stack = rt.thread.stack;
    int value;
    if (head.isEmpty()) {
      if (auto[0] < 0) {
        throw rt.valueError("cannot switch from manual field specification to automatic field numbering");
      }
      int k = auto[0]++;
      if (k >= n) {
        throw rt.indexError("Replacement index " + k + " out of range for positional args tuple");
      }
      value = stack[a + k];
    } else if (Character.isDigit(head.charAt(0))) {
      if (auto[0] > 0) {
        throw rt.valueError("cannot switch from automatic field numbering to manual field specification");
      }
      auto[0] = -1;
      int k = Integer.parseInt(head);
      if (k >= n) {
        throw rt.indexError("Replacement index " + k + " out of range for positional args tuple");
      }
      value = stack[a + k];
    } else {
      value = Values.NULL;
      int id = rt.names.find(head);
      for (int k = 0; k < nkw; k++) {
        if ((stack[kw + 2 * k] >> 1) == id) {
          value = stack[kw + 2 * k + 1];
        }
      }
      if (value == Values.NULL) {
        throw rt.raise(ExceptionTree.KEY_ERROR, "'" + head + "'");
      }
    }
    int i = end;
    while (i < field.length()) {
      if (field.charAt(i) == '.') {
        int j = i + 1;
        while (j < field.length() && field.charAt(j) != '.' && field.charAt(j) != '[') {
          j++;
        }
        value = rt.classes.getAttr(value, rt.names.id(field.substring(i + 1, j)));
        i = j;
      } else {
        int j = field.indexOf(']', i);
        if (j < 0) {
          throw rt.valueError("Missing ']' in format string");
        }
        String key = field.substring(i + 1, j);
        int mark = rt.keep(value);
        int k = key.chars().allMatch(Character::isDigit) && !key.isEmpty()
            ? Values.small(Integer.parseInt(key)) : rt.strs.of(key);
        value = rt.ops.getItem(value, k);
        rt.release(mark);
        i = j + 1;
      }
    }
    return value;
  }

  /** FORMAT_VALUE: conversion 0 none, 1 str, 2 repr; spec NULL for none. */
  int formatValue(int v, int conversion, int spec) {
    int mark = rt.keep(v);
    rt.keep(spec);
    try {
      if (conversion == 1) {
        v = rt.printer.str(v);
      } else if (conversion == 2) {
        v = rt.printer.repr(v);
      } else if (conversion == 3) {
        v = rt.strs.of(asciiEscape(rt.strs.toJava(rt.printer.repr(v))));
      }
      rt.setKept(mark, v);
      if (spec == Values.NULL || rt.strs.length(spec) == 0) {
        return rt.printer.str(v);
      }
      return rt.strs.of(format(v, rt.strs.toJava(spec)));
    } finally {
      rt.release(mark);
    }
  }
}
