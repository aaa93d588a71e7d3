package dev.zvm.vm;

import dev.zvm.bytecode.ExceptionTree;

/**
 * str() and repr() of every value, in CPython's forms: {@code ['a', 1]}, {@code (1,)},
 * {@code {'k': 4}}, {@code set()}, floats by {@link FloatFormat#reprInto}, {@code <__main__.C object at
 * 0x...>}. User classes' {@code __str__} and {@code __repr__} run in a nested call. A container
 * that contains itself prints as {@code [...]}; nesting deeper than {@link #MAX_DEPTH} raises
 * RecursionError instead of overflowing the Java stack.
 */
final class Printer {
  static final int MAX_DEPTH = 200;

  private final Runtime rt;
  private final int[] w;
  private final int[] inProgress = new int[MAX_DEPTH + 1];
  private int depth;

  /** Scratch for a float's text ({@link FloatFormat#reprInto}: 24 bytes at most). */
  private final byte[] digits = new byte[32];
  /** str() of None, True and False, made once. */
  private int noneText;
  private int trueText;
  private int falseText;

  Printer(Runtime rt) {
    this.rt = rt;
    this.w = rt.w;
  }

  /** str(v) as a str object. */
  int str(int v) {
    if (rt.strs.isStr(v)) {
      return v;
    }
    if (rt.ints.isInt(v)) {
      return rt.strs.ofLong(rt.ints.value(v)); // the digits straight into the heap: no Java string
    }
    if (rt.floats.isFloat(v)) {
      return floatStr(v);
    }
    if (v == Values.NONE || v == Values.TRUE || v == Values.FALSE) {
      return constantText(v);
    }
    int f = rt.classes.special(v, rt.names.str);
    if (f != Values.NULL) {
      return checkStr(rt.call1(f, v), "__str__");
    }
    StringBuilder sb = new StringBuilder();
    appendStr(sb, v);
    return rt.strs.of(sb);
  }

  /** str() and repr() of None, True or False: a permanent str, made on first use. */
  private int constantText(int v) {
    if (v == Values.NONE) {
      return noneText != 0 ? noneText : (noneText = rt.strs.permanent("None"));
    }
    if (v == Values.TRUE) {
      return trueText != 0 ? trueText : (trueText = rt.strs.permanent("True"));
    }
    return falseText != 0 ? falseText : (falseText = rt.strs.permanent("False"));
  }

  /** repr(v) as a str object. */
  int repr(int v) {
    if (rt.ints.isInt(v)) {
      return rt.strs.ofLong(rt.ints.value(v));
    }
    if (rt.floats.isFloat(v)) {
      return floatStr(v);
    }
    if (rt.strs.isStr(v)) {
      TextBuffer text = rt.text;
      int mark = text.length();
      try {
        quoteInto(text, v, false);
        return text.toStr(mark);
      } finally {
        text.truncate(mark);
      }
    }
    if (v == Values.NONE || v == Values.TRUE || v == Values.FALSE) {
      return constantText(v);
    }
    int f = rt.classes.special(v, rt.names.repr);
    if (f != Values.NULL) {
      return checkStr(rt.call1(f, v), "__repr__");
    }
    StringBuilder sb = new StringBuilder();
    appendRepr(sb, v);
    return rt.strs.of(sb);
  }

  /** ascii(v): repr(v) with every code point that is not ASCII escaped. */
  int ascii(int v) {
    TextBuffer text = rt.text;
    int mark = text.length();
    try {
      textInto(text, v, true);
      text.escapeNonAscii(mark);
      return text.toStr(mark);
    } finally {
      text.truncate(mark);
    }
  }

  /**
   * Appends str(v), or repr(v) when {@code repr}, to {@code text}: strs, ints and floats straight
   * from their values, anything else through {@link #str} or {@link #repr}.
   */
  void textInto(TextBuffer text, int v, boolean repr) {
    if (rt.strs.isStr(v)) {
      if (repr) {
        quoteInto(text, v, false);
      } else {
        text.addStr(v);
      }
    } else if (rt.ints.isInt(v)) {
      text.addDecimal(rt.ints.value(v));
    } else if (rt.floats.isFloat(v)) {
      text.addAscii(digits, 0, FloatFormat.reprInto(rt.floats.value(v), digits));
    } else {
      text.addStr(repr ? repr(v) : str(v));
    }
  }

  /** str() and repr() of a float: its text written into {@link #digits}, then copied to the heap. */
  private int floatStr(int v) {
    int n = FloatFormat.reprInto(rt.floats.value(v), digits);
    return rt.strs.ofAscii(digits, n);
  }

  private int checkStr(int r, String what) {
    if (!rt.strs.isStr(r)) {
      throw rt.typeError(what + " returned non-string (type " + rt.typeName(r) + ")");
    }
    return r;
  }

  void appendStr(StringBuilder sb, int v) {
    if (rt.strs.isStr(v)) {
      rt.strs.appendTo(sb, v);
      return;
    }
    int t = rt.typeCode(v);
    if (t == Types.INSTANCE) {
      int f = rt.classes.special(v, rt.names.str);
      if (f != Values.NULL) {
        rt.strs.appendTo(sb, checkStr(rt.call1(f, v), "__str__"));
        return;
      }
      if (rt.exceptions.isException(v)) {
        sb.append(rt.exceptions.message(v));
        return;
      }
    } else if (t == Types.EXCEPTION) {
      sb.append(rt.exceptions.message(v));
      return;
    }
    appendRepr(sb, v);
  }

  void appendRepr(StringBuilder sb, int v) {
    if ((v & 1) != 0) {
      sb.append(v >> 1);
      return;
    }
    if ((v & 3) != 0) {
      appendImmediate(sb, v);
      return;
    }
    int t = rt.type(v);
    switch (t) {
      case Types.INT:
        sb.append(rt.ints.value(v));
        return;
      case Types.FLOAT: {
        int n = FloatFormat.reprInto(rt.floats.value(v), digits);
        for (int i = 0; i < n; i++) {
          sb.append((char) digits[i]);
        }
        return;
      }
      case Types.STR:
        appendQuoted(sb, v, false);
        return;
      case Types.LIST:
      case Types.TUPLE:
        appendSequence(sb, v, t);
        return;
      case Types.DICT:
        appendDict(sb, v);
        return;
      case Types.SET:
      case Types.FROZENSET:
        appendSet(sb, v, t);
        return;
      case Types.BYTES:
      case Types.BYTEARRAY:
      case Types.SHORTS:
      case Types.SHORTARRAY:
        rt.bytes.appendRepr(sb, v);
        return;
      case Types.RANGE: {
        sb.append("range(").append(rt.heap.getLong(v, 0)).append(", ").append(rt.heap.getLong(v, 8));
        long step = rt.heap.getLong(v, 16);
        if (step != 1) {
          sb.append(", ").append(step);
        }
        sb.append(')');
        return;
      }
      case Types.SLICE:
        sb.append("slice(");
        appendRepr(sb, w[Runtime.at(v)]);
        sb.append(", ");
        appendRepr(sb, w[Runtime.at(v) + 1]);
        sb.append(", ");
        appendRepr(sb, w[Runtime.at(v) + 2]);
        sb.append(')');
        return;
      case Types.FUNCTION:
        sb.append("<function ").append(rt.codes[rt.classes.functionCode(v)].name).append(" at ");
        address(sb, v);
        sb.append('>');
        return;
      case Types.METHOD: {
        int fn = w[Runtime.at(v)];
        int self = w[Runtime.at(v) + 1];
        if (Values.isNative(fn)) {
          sb.append("<built-in method ").append(rt.natives.shortName(Values.nativeId(fn))).append(" of ")
              .append(rt.typeName(self)).append(" object at ");
          address(sb, self);
          sb.append('>');
          return;
        }
        int cls = rt.classes.isClass(self) ? self : rt.classOf(self);
        sb.append("<bound method ").append(rt.classes.name(cls)).append('.');
        if (rt.typeCode(fn) == Types.FUNCTION) {
          sb.append(rt.codes[rt.classes.functionCode(fn)].name);
        } else {
          sb.append('?');
        }
        sb.append(" of ");
        push(v);
        try {
          appendRepr(sb, self);
        } finally {
          depth--;
        }
        sb.append('>');
        return;
      }
      case Types.CLASS:
        sb.append("<class '").append(qualified(v)).append("'>");
        return;
      case Types.MODULE:
        sb.append("<module '").append(rt.strs.toJava(w[Runtime.at(v) + Classes.MOD_NAME])).append("'>");
        return;
      case Types.INSTANCE:
        appendInstance(sb, v);
        return;
      case Types.ITERATOR:
        sb.append('<').append(Iterators.kindName(rt.flags(v))).append(" object at ");
        address(sb, v);
        sb.append('>');
        return;
      case Types.DICT_VIEW: {
        int kind = rt.flags(v);
        sb.append(kind == Iterators.DICT_KEYS ? "dict_keys(" : kind == Iterators.DICT_VALUES ? "dict_values(" : "dict_items(");
        int l = rt.iters.toList(v);
        int mark = rt.keep(l);
        appendRepr(sb, l);
        rt.release(mark);
        sb.append(')');
        return;
      }
      case Types.CELL:
        sb.append("<cell at ");
        address(sb, v);
        sb.append('>');
        return;
      default:
        sb.append('<').append(Types.name(t) == null ? "object" : Types.name(t)).append(" object at ");
        address(sb, v);
        sb.append('>');
    }
  }

  private void appendImmediate(StringBuilder sb, int v) {
    switch (v & 0xFF) {
      case Values.NONE:
        sb.append("None");
        return;
      case Values.FALSE:
        sb.append(v == Values.TRUE ? "True" : "False");
        return;
      case Values.TAG_EXCEPTION:
        sb.append(rt.classes.name(rt.classOf(v))).append("()");
        return;
      case Values.TAG_NATIVE:
        sb.append("<built-in function ").append(rt.natives.shortName(Values.nativeId(v))).append('>');
        return;
      case Values.NOT_IMPLEMENTED:
        sb.append("NotImplemented");
        return;
      case Values.ELLIPSIS:
        sb.append("Ellipsis");
        return;
      default:
        sb.append("<?>");
    }
  }

  private void address(StringBuilder sb, int ref) {
    sb.append("0x").append(String.format("%012x", 0x7f0000000000L + (ref & 0xFFFFFFFFL)));
  }

  /** A class's name as repr shows it: module-qualified unless builtin. */
  String qualified(int cls) {
    String name = rt.classes.name(cls);
    int m = w[Runtime.at(cls) + Classes.MODULE];
    if (m != Values.NONE && rt.strs.isStr(m)) {
      String mod = rt.strs.toJava(m);
      if (!mod.equals("builtins")) {
        return mod + "." + name;
      }
    }
    return name;
  }

  private void appendInstance(StringBuilder sb, int v) {
    int f = rt.classes.special(v, rt.names.repr);
    if (f != Values.NULL) {
      push(v);
      try {
        rt.strs.appendTo(sb, checkStr(rt.call1(f, v), "__repr__"));
      } finally {
        depth--;
      }
      return;
    }
    int cls = w[Runtime.at(v)];
    if (rt.classes.isExceptionClass(cls)) {
      sb.append(rt.classes.name(cls));
      int args = rt.exceptions.args(v);
      int n = rt.lists.tupleLength(args);
      if (n == 1) {
        sb.append('(');
        appendRepr(sb, w[Runtime.at(args)]);
        sb.append(')');
      } else {
        appendRepr(sb, args);
      }
      return;
    }
    sb.append('<').append(qualified(cls)).append(" object at ");
    address(sb, v);
    sb.append('>');
  }

  /** Marks {@code v} as being printed; false, marking nothing, if it already is (a cycle). */
  private boolean enter(int v) {
    for (int i = 0; i < depth; i++) {
      if (inProgress[i] == v) {
        return false;
      }
    }
    push(v);
    return true;
  }

  /**
   * Marks {@code v} as being printed even if it already is: an instance's own {@code __repr__} may
   * print it again, and recurses as in CPython. Every push is undone by its caller's
   * {@code finally}, so an error unwinds the depth to where it was.
   */
  private void push(int v) {
    if (depth >= MAX_DEPTH) {
      throw rt.raise(ExceptionTree.RECURSION_ERROR, "maximum recursion depth exceeded while getting the repr of an object");
    }
    inProgress[depth++] = v;
  }

  private void appendSequence(StringBuilder sb, int v, int t) {
    char open = t == Types.LIST ? '[' : '(';
    char close = t == Types.LIST ? ']' : ')';
    if (!enter(v)) {
      sb.append(open).append("...").append(close);
      return;
    }
    try {
      sb.append(open);
      int n = rt.lists.length(v);
      for (int i = 0; i < rt.lists.length(v); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        appendRepr(sb, rt.lists.get(v, i));
      }
      if (t == Types.TUPLE && n == 1) {
        sb.append(',');
      }
      sb.append(close);
    } finally {
      depth--;
    }
  }

  private void appendDict(StringBuilder sb, int d) {
    if (!enter(d)) {
      sb.append("{...}");
      return;
    }
    try {
      sb.append('{');
      boolean first = true;
      for (int ix = rt.dicts.nextEntry(d, 0); ix >= 0; ix = rt.dicts.nextEntry(d, ix + 1)) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        appendRepr(sb, rt.dicts.keyAt(d, ix));
        sb.append(": ");
        appendRepr(sb, rt.dicts.valueAt(d, ix));
      }
      sb.append('}');
    } finally {
      depth--;
    }
  }

  private void appendSet(StringBuilder sb, int s, int t) {
    if (rt.sets.size(s) == 0) {
      sb.append(t == Types.SET ? "set()" : "frozenset()");
      return;
    }
    if (!enter(s)) {
      sb.append(t == Types.SET ? "{...}" : "frozenset({...})");
      return;
    }
    try {
      if (t == Types.FROZENSET) {
        sb.append("frozenset(");
      }
      sb.append('{');
      boolean first = true;
      for (int j = rt.sets.next(s, 0); j >= 0; j = rt.sets.next(s, j + 1)) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        appendRepr(sb, rt.sets.keyAt(s, j));
      }
      sb.append('}');
      if (t == Types.FROZENSET) {
        sb.append(')');
      }
    } finally {
      depth--;
    }
  }

  /** Python's repr of a str, or of the contents of a bytes or bytearray ({@code bytes}), appended to a Java builder. */
  void appendQuoted(StringBuilder sb, int s, boolean bytes) {
    TextBuffer text = rt.text;
    int mark = text.length();
    try {
      quoteInto(text, s, bytes);
      text.appendTo(sb, mark);
    } finally {
      text.truncate(mark);
    }
  }

  /**
   * Python's repr of a str, or of the contents of a bytes or bytearray ({@code bytes}, without its
   * {@code b}): single quotes unless it holds ' and no ", escapes for the quote, the backslash and
   * what does not print (every byte from 0x7F on; code points by {@link #printable}).
   */
  void quoteInto(TextBuffer text, int s, boolean bytes) {
    int n = bytes ? rt.bytes.length(s) : rt.strs.length(s);
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < n; i++) {
      int c = bytes ? rt.bytes.get(s, i) : rt.strs.charAt(s, i);
      single |= c == '\'';
      dbl |= c == '"';
    }
    char q = single && !dbl ? '"' : '\'';
    text.add(q);
    for (int i = 0; i < n; i++) {
      int c = bytes ? rt.bytes.get(s, i) : rt.strs.charAt(s, i);
      if (c == q || c == '\\') {
        text.add('\\');
        text.add(c);
      } else if (c == '\n') {
        text.addAscii("\\n");
      } else if (c == '\r') {
        text.addAscii("\\r");
      } else if (c == '\t') {
        text.addAscii("\\t");
      } else if (c < 0x20 || c == 0x7F || c > 0x7F && (bytes || !printable(c))) {
        text.addEscape(c);
      } else {
        text.add(c);
      }
    }
    text.add(q);
  }

  /** Python's str.isprintable for one code point. */
  static boolean printable(int c) {
    if (c == ' ') {
      return true;
    }
    switch (Character.getType(c)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SPACE_SEPARATOR:
        return false;
      default:
        return true;
    }
  }
}
