package dev.zvm.vm;

import static dev.zvm.vm.Args.get;

import java.nio.charset.StandardCharsets;

/**
 * What calling a builtin type does: {@code int(x, base)}, {@code str(obj)}, {@code list(it)},
 * {@code dict(...)}, ... registered as the natives {@code <type>.__new__}, which
 * {@link Calls} invokes when a builtin class is called.
 */
final class Constructors {
  private Constructors() {}

  static void register(Runtime rt, Natives n) {
    n.addKw("int.__new__", 0, 2, Constructors::newInt);
    n.add("float.__new__", 0, 1, Constructors::newFloat);
    n.add("bool.__new__", 0, 1, (r, a, c, kw, nk) -> c == 0 ? Values.FALSE : Values.bool(r.ops.truthy(get(r, a, 0))));
    n.addKw("str.__new__", 0, 3, Constructors::newStr);
    n.addKw("bytes.__new__", 0, 3, (r, a, c, kw, nk) -> newByteSeq(r, Types.BYTES, a, c, kw, nk));
    n.addKw("bytearray.__new__", 0, 3, (r, a, c, kw, nk) -> newByteSeq(r, Types.BYTEARRAY, a, c, kw, nk));
    n.add("shorts.__new__", 0, 1, (r, a, c, kw, nk) -> newByteSeq(r, Types.SHORTS, a, c, kw, nk));
    n.add("shortarray.__new__", 0, 1, (r, a, c, kw, nk) -> newByteSeq(r, Types.SHORTARRAY, a, c, kw, nk));
    n.add("list.__new__", 0, 1, (r, a, c, kw, nk) -> c == 0 ? r.lists.newList(0) : r.iters.toList(get(r, a, 0)));
    n.add("tuple.__new__", 0, 1, (r, a, c, kw, nk) ->
        c == 0 ? r.lists.emptyTuple() : r.lists.toTuple(r.iters.toSequence(get(r, a, 0))));
    n.addKw("dict.__new__", 0, 1, Constructors::newDict);
    n.add("set.__new__", 0, 1, (r, a, c, kw, nk) -> newSet(r, Types.SET, c == 0 ? Values.NULL : get(r, a, 0)));
    n.add("frozenset.__new__", 0, 1, (r, a, c, kw, nk) ->
        newSet(r, Types.FROZENSET, c == 0 ? Values.NULL : get(r, a, 0)));
    n.add("range.__new__", 1, 3, Constructors::newRange);
    n.add("slice.__new__", 1, 3, (r, a, c, kw, nk) -> c == 1
        ? r.ops.newSlice(Values.NONE, get(r, a, 0), Values.NONE)
        : r.ops.newSlice(get(r, a, 0), get(r, a, 1), c == 3 ? get(r, a, 2) : Values.NONE));
    n.add("type.__new__", 1, 1, (r, a, c, kw, nk) -> r.classOf(get(r, a, 0)));
    n.add("object.__new__", 0, 0, (r, a, c, kw, nk) -> r.classes.newInstance(r.typeClass[Types.OBJECT]));
    n.add("object.__init__", 1, 1, (r, a, c, kw, nk) -> Values.NONE);
    n.add("BaseException.__init__", 1, Natives.VARIADIC, (r, a, c, kw, nk) -> {
      int self = get(r, a, 0);
      int args = r.lists.tupleFromStack(a + 1, c - 1);
      if (r.classes.isInstance(self)) {
        r.exceptions.setArgs(self, args);
      }
      return Values.NONE;
    });
    n.add("super.__new__", 2, 2, (r, a, c, kw, nk) -> {
      int cls = get(r, a, 0);
      if (!r.classes.isClass(cls)) {
        throw r.typeError("super() argument 1 must be a type, not " + r.typeName(cls));
      }
      return r.classes.newWrapper(Types.SUPER, cls, get(r, a, 1));
    });
    n.add("property.__new__", 1, 2, (r, a, c, kw, nk) ->
        r.classes.newWrapper(Types.PROPERTY, get(r, a, 0), c > 1 ? get(r, a, 1) : Values.NONE));
    n.add("property.setter", 2, 2, (r, a, c, kw, nk) ->
        r.classes.newWrapper(Types.PROPERTY, r.w[Runtime.at(get(r, a, 0))], get(r, a, 1)));
    n.add("property.getter", 2, 2, (r, a, c, kw, nk) ->
        r.classes.newWrapper(Types.PROPERTY, get(r, a, 1), r.w[Runtime.at(get(r, a, 0)) + 1]));
    n.add("staticmethod.__new__", 1, 1, (r, a, c, kw, nk) ->
        r.classes.newWrapper(Types.STATICMETHOD, get(r, a, 0), Values.NONE));
    n.add("classmethod.__new__", 1, 1, (r, a, c, kw, nk) ->
        r.classes.newWrapper(Types.CLASSMETHOD, get(r, a, 0), Values.NONE));
  }

  private static int newInt(Runtime rt, int a, int n, int kw, int nkw) {
    Args.checkKeywords(rt, kw, nkw, "int", "base");
    if (n == 0 && nkw == 0) {
      return Values.ZERO;
    }
    int x = get(rt, a, 0);
    int baseArg = Args.posOrKw(rt, a, n, kw, nkw, 1, "base", Values.NULL);
    if (baseArg != Values.NULL) {
      long base = rt.ints.arg(baseArg, "int() base");
      if (base != 0 && (base < 2 || base > 36)) {
        throw rt.valueError("int() base must be >= 2 and <= 36, or 0");
      }
      String text;
      if (rt.strs.isStr(x)) {
        text = rt.strs.toJava(x);
      } else if (rt.bytes.isBytesLike(x)) {
        text = new String(rt.bytes.toJava(x), StandardCharsets.ISO_8859_1);
      } else {
        throw rt.typeError("int() can't convert non-string with explicit base");
      }
      return parseInt(rt, x, text, (int) base);
    }
    if (rt.ints.isIntOrBool(x)) {
      return rt.ints.box(rt.ints.value(x));
    }
    if (rt.floats.isFloat(x)) {
      double d = rt.floats.value(x);
      if (Double.isNaN(d)) {
        throw rt.valueError("cannot convert float NaN to integer");
      }
      if (Double.isInfinite(d)) {
        throw rt.overflowError("cannot convert float infinity to integer");
      }
      if (Math.abs(d) >= 9.223372036854775807E18) {
        throw rt.ints.overflow();
      }
      return rt.ints.box((long) d);
    }
    if (rt.strs.isStr(x)) {
      long v = rt.strs.decimalValue(x); // digits only: no Java string
      return v != Long.MIN_VALUE ? rt.ints.box(v) : parseInt(rt, x, rt.strs.toJava(x), 10);
    }
    if (rt.bytes.isBytesLike(x)) {
      return parseInt(rt, x, new String(rt.bytes.toJava(x), StandardCharsets.ISO_8859_1), 10);
    }
    int r = rt.classes.callSpecial(x, rt.names.intName);
    if (r == Values.NULL) {
      r = rt.classes.callSpecial(x, rt.names.index);
    }
    if (r != Values.NULL && rt.ints.isIntOrBool(r)) {
      return r;
    }
    throw rt.typeError("int() argument must be a string, a bytes-like object or a real number, not '"
        + rt.typeName(x) + "'");
  }

  private static int parseInt(Runtime rt, int x, String text, int base) {
    int v = rt.ints.parse(text, base);
    if (v == Values.NULL) {
      throw rt.valueError("invalid literal for int() with base " + base + ": "
          + rt.strs.toJava(rt.printer.repr(x)));
    }
    return v;
  }

  private static int newFloat(Runtime rt, int a, int n, int kw, int nkw) {
    if (n == 0) {
      return rt.floats.box(0.0);
    }
    int x = get(rt, a, 0);
    if (rt.floats.isFloat(x)) {
      return x;
    }
    if (rt.ints.isIntOrBool(x)) {
      return rt.floats.box(rt.ints.value(x));
    }
    if (rt.strs.isStr(x)) {
      double quick = rt.strs.decimalFloat(x); // the common decimal forms: no Java string
      if (!Double.isNaN(quick)) {
        return rt.floats.box(quick);
      }
    }
    if (rt.strs.isStr(x) || rt.bytes.isBytesLike(x)) {
      String text = rt.strs.isStr(x) ? rt.strs.toJava(x)
          : new String(rt.bytes.toJava(x), StandardCharsets.ISO_8859_1);
      Double d = Floats.parse(text);
      if (d == null) {
        throw rt.valueError("could not convert string to float: " + rt.strs.toJava(rt.printer.repr(x)));
      }
      return rt.floats.box(d);
    }
    int r = rt.classes.callSpecial(x, rt.names.floatName);
    if (r != Values.NULL && rt.floats.isFloat(r)) {
      return r;
    }
    throw rt.typeError("float() argument must be a string or a real number, not '" + rt.typeName(x) + "'");
  }

  private static int newStr(Runtime rt, int a, int n, int kw, int nkw) {
    Args.checkKeywords(rt, kw, nkw, "str", "encoding", "errors");
    if (n == 0) {
      return rt.strs.empty();
    }
    int x = get(rt, a, 0);
    int enc = Args.posOrKw(rt, a, n, kw, nkw, 1, "encoding", Values.NULL);
    int errors = Args.posOrKw(rt, a, n, kw, nkw, 2, "errors", Values.NULL);
    if (enc == Values.NULL && errors == Values.NULL) {
      return rt.printer.str(x);
    }
    String encoding = enc == Values.NULL ? "utf-8" : rt.strs.arg(enc, "str() argument 'encoding'");
    if (!rt.bytes.isBytesLike(x)) {
      throw rt.typeError(rt.strs.isStr(x) ? "decoding str is not supported"
          : "decoding to str: need a bytes-like object, " + rt.typeName(x) + " found");
    }
    return Methods.decode(rt, x, encoding, errors);
  }

  private static int newByteSeq(Runtime rt, int type, int a, int n, int kw, int nkw) {
    if (n == 0) {
      return rt.bytes.alloc(type, 0);
    }
    int src = get(rt, a, 0);
    if (rt.strs.isStr(src)) {
      int enc = Args.posOrKw(rt, a, n, kw, nkw, 1, "encoding", Values.NULL);
      if (enc == Values.NULL) {
        throw rt.typeError("string argument without an encoding");
      }
      byte[] b = Methods.encode(rt, src, rt.strs.arg(enc, Types.name(type) + "() argument 'encoding'"));
      int r = rt.bytes.alloc(type, b.length);
      for (int i = 0; i < b.length; i++) {
        rt.bytes.put(r, i, b[i] & 0xFF);
      }
      return r;
    }
    if (rt.ints.isIntOrBool(src)) {
      long len = rt.ints.value(src);
      if (len < 0) {
        throw rt.valueError("negative count");
      }
      if (len > Types.MAX_ELEMENTS) {
        throw rt.tooLong(Types.name(type));
      }
      return rt.bytes.alloc(type, (int) len);
    }
    int mark = rt.keep(src);
    int seq;
    if (rt.bytes.isByteSeq(src)) {
      seq = src;
    } else {
      seq = rt.iters.toSequence(src);
      rt.keep(seq);
    }
    int len = rt.bytes.isByteSeq(seq) ? rt.bytes.length(seq) : rt.lists.length(seq);
    int r = rt.bytes.alloc(type, len);
    for (int i = 0; i < len; i++) {
      int v = rt.bytes.isByteSeq(seq) ? Values.small(rt.bytes.get(seq, i)) : rt.lists.get(seq, i);
      rt.bytes.put(r, i, rt.bytes.checkElement(type, v));
    }
    rt.release(mark);
    return r;
  }

  private static int newDict(Runtime rt, int a, int n, int kw, int nkw) {
    int d = rt.dicts.newDict();
    int mark = rt.keep(d);
    if (n == 1) {
      Methods.dictUpdateFrom(rt, d, get(rt, a, 0));
    }
    int[] s = rt.thread.stack;
    for (int i = 0; i < nkw; i++) {
      int key = rt.strs.of(rt.names.name(s[kw + 2 * i] >> 1));
      rt.dicts.put(d, key, s[kw + 2 * i + 1]);
    }
    rt.release(mark);
    return d;
  }

  static int newSet(Runtime rt, int type, int iterable) {
    int s = rt.sets.newSet(type);
    if (iterable == Values.NULL) {
      return s;
    }
    int mark = rt.keep(s);
    rt.keep(iterable);
    if (rt.sets.isSet(iterable)) {
      rt.sets.merge(s, iterable);
    } else {
      int it = rt.iters.iter(iterable);
      rt.keep(it);
      for (int v = rt.iters.next(it); v != Values.NULL; v = rt.iters.next(it)) {
        rt.sets.add(s, v);
      }
    }
    rt.release(mark);
    return s;
  }

  private static int newRange(Runtime rt, int a, int n, int kw, int nkw) {
    long start = 0;
    long stop;
    long step = 1;
    if (n == 1) {
      stop = rangeArg(rt, get(rt, a, 0));
    } else {
      start = rangeArg(rt, get(rt, a, 0));
      stop = rangeArg(rt, get(rt, a, 1));
      if (n == 3) {
        step = rangeArg(rt, get(rt, a, 2));
        if (step == 0) {
          throw rt.valueError("range() arg 3 must not be zero");
        }
      }
    }
    return rt.ops.newRange(start, stop, step);
  }

  private static long rangeArg(Runtime rt, int v) {
    if (rt.ints.isIntOrBool(v)) {
      return rt.ints.value(v);
    }
    int r = rt.classes.callSpecial(v, rt.names.index);
    if (r != Values.NULL && rt.ints.isIntOrBool(r)) {
      return rt.ints.value(r);
    }
    throw rt.typeError("'" + rt.typeName(v) + "' object cannot be interpreted as an integer");
  }
}
