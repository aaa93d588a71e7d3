package dev.zvm.vm;

import static dev.zvm.vm.Args.get;

import dev.zvm.bytecode.ExceptionTree;

/**
 * The builtin functions ({@code builtins.*}), the builtin types' constructors
 * ({@code <type>.__new__}) and the type objects ({@code types.*}) that {@code __builtins__.py}
 * binds with {@code @native}, plus the {@code time} natives. Each is a small Java function over the
 * object model; where one must call back into Python ({@code sorted} with a key, {@code print} of
 * an object with {@code __str__}, {@code map}), it uses a nested, non-preemptible run
 * ({@link Runtime#callOnStack}); see the module README for why.
 */
final class Builtins {
  private Builtins() {}

  static void register(Runtime rt, Natives n) {
    for (int t = 1; t < Types.COUNT; t++) {
      if (Types.hasClass(t)) {
        final int type = t;
        n.addValue("types." + Types.name(t), () -> rt.typeClass[type]);
      }
    }
    n.addValue("builtins.NotImplemented", () -> Values.NOT_IMPLEMENTED);
    n.addValue("builtins.Ellipsis", () -> Values.ELLIPSIS);
    n.addValue("builtins.None", () -> Values.NONE);

    n.addKw("builtins.print", 0, Natives.VARIADIC, Builtins::print);
    n.add("builtins.len", 1, 1, (r, a, c, kw, nk) -> {
      int x = get(r, a, 0);
      if (r.typeCode(x) != Types.RANGE) {
        return Values.small(r.ops.len(x));
      }
      long items = r.ops.rangeLength(x); // a range's length may pass an int's
      if (items < 0) {
        throw r.ints.overflow();
      }
      return r.ints.box(items);
    });
    n.add("builtins.repr", 1, 1, (r, a, c, kw, nk) -> r.printer.repr(get(r, a, 0)));
    n.add("builtins.ascii", 1, 1, (r, a, c, kw, nk) -> r.printer.ascii(get(r, a, 0)));
    n.add("builtins.abs", 1, 1, (r, a, c, kw, nk) -> r.ops.abs(get(r, a, 0)));
    n.add("builtins.all", 1, 1, (r, a, c, kw, nk) -> allAny(r, get(r, a, 0), true));
    n.add("builtins.any", 1, 1, (r, a, c, kw, nk) -> allAny(r, get(r, a, 0), false));
    n.add("builtins.divmod", 2, 2, Builtins::divmod);
    n.add("builtins.round", 1, 2, Builtins::round);
    n.add("builtins.pow", 2, 3, (r, a, c, kw, nk) -> c == 3 && get(r, a, 2) != Values.NONE
        ? r.ops.powMod(get(r, a, 0), get(r, a, 1), get(r, a, 2))
        : r.ops.binary(Operators.OP_POW, get(r, a, 0), get(r, a, 1), false));
    n.add("builtins.isinstance", 2, 2, (r, a, c, kw, nk) -> Values.bool(isInstance(r, get(r, a, 0), get(r, a, 1))));
    n.add("builtins.issubclass", 2, 2, Builtins::issubclass);
    n.add("builtins.hash", 1, 1, (r, a, c, kw, nk) -> r.ints.box(r.ops.hash(get(r, a, 0))));
    n.add("builtins.id", 1, 1, (r, a, c, kw, nk) -> r.ints.box(get(r, a, 0) & 0xFFFFFFFFL));
    n.add("builtins.iter", 1, 1, (r, a, c, kw, nk) -> r.iters.iter(get(r, a, 0)));
    n.add("builtins.next", 1, 2, Builtins::next);
    n.add("builtins.ord", 1, 1, Builtins::ord);
    n.add("builtins.chr", 1, 1, Builtins::chr);
    n.add("builtins.hex", 1, 1, (r, a, c, kw, nk) -> r.strs.ofRadix(indexArg(r, get(r, a, 0)), 4, 'x'));
    n.add("builtins.oct", 1, 1, (r, a, c, kw, nk) -> r.strs.ofRadix(indexArg(r, get(r, a, 0)), 3, 'o'));
    n.add("builtins.bin", 1, 1, (r, a, c, kw, nk) -> r.strs.ofRadix(indexArg(r, get(r, a, 0)), 1, 'b'));
    n.add("builtins.callable", 1, 1, (r, a, c, kw, nk) -> Values.bool(callable(r, get(r, a, 0))));
    n.add("builtins.format", 1, 2, (r, a, c, kw, nk) -> {
      int spec = c > 1 ? get(r, a, 1) : r.strs.empty();
      if (!r.strs.isStr(spec)) {
        throw r.typeError("format() argument 2 must be str, not " + r.typeName(spec));
      }
      return r.formatter.format(get(r, a, 0), spec);
    });
    n.add("builtins.getattr", 2, 3, Builtins::getattr);
    n.add("builtins.setattr", 3, 3, (r, a, c, kw, nk) -> {
      r.classes.setAttr(get(r, a, 0), attrName(r, get(r, a, 1)), get(r, a, 2));
      return Values.NONE;
    });
    n.add("builtins.hasattr", 2, 2, (r, a, c, kw, nk) -> {
      try {
        return Values.bool(r.classes.findAttr(get(r, a, 0), attrName(r, get(r, a, 1))) != Values.NULL);
      } catch (PyRaise e) {
        if (r.exceptions.matches(r.thread.exc, r.excClass[ExceptionTree.ATTRIBUTE_ERROR])) {
          r.thread.exc = Values.NULL;
          return Values.FALSE;
        }
        throw e;
      }
    });
    n.add("builtins.delattr", 2, 2, (r, a, c, kw, nk) -> {
      r.classes.delAttr(get(r, a, 0), attrName(r, get(r, a, 1)));
      return Values.NONE;
    });
    n.addKw("builtins.enumerate", 1, 2, (r, a, c, kw, nk) -> {
      Args.checkKeywords(r, kw, nk, "enumerate", "start");
      int start = Args.posOrKw(r, a, c, kw, nk, 1, "start", Values.ZERO);
      r.ints.arg(start, "enumerate() start");
      int it = r.iters.iter(get(r, a, 0));
      return r.iters.make(Iterators.ENUMERATE, it, start, Values.NONE);
    });
    n.add("builtins.zip", 0, Natives.VARIADIC, (r, a, c, kw, nk) -> {
      int t = r.lists.newTuple(c);
      int mark = r.keep(t);
      for (int i = 0; i < c; i++) {
        int it = r.iters.iter(get(r, a, i));
        r.w[Runtime.at(t) + i] = it;
      }
      r.release(mark);
      return r.iters.make(Iterators.ZIP, t, Values.NONE, Values.NONE);
    });
    n.add("builtins.map", 2, Natives.VARIADIC, (r, a, c, kw, nk) -> {
      int t = r.lists.newTuple(c - 1);
      int mark = r.keep(t);
      for (int i = 1; i < c; i++) {
        int it = r.iters.iter(get(r, a, i));
        r.w[Runtime.at(t) + i - 1] = it;
      }
      r.release(mark);
      return r.iters.make(Iterators.MAP, get(r, a, 0), t, Values.NONE);
    });
    n.add("builtins.filter", 2, 2, (r, a, c, kw, nk) -> {
      int it = r.iters.iter(get(r, a, 1));
      return r.iters.make(Iterators.FILTER, get(r, a, 0), it, Values.NONE);
    });
    n.add("builtins.reversed", 1, 1, Builtins::reversed);
    n.addKw("builtins.sorted", 1, 1, (r, a, c, kw, nk) -> {
      Args.checkKeywords(r, kw, nk, "sorted", "key", "reverse");
      int l = r.iters.toList(get(r, a, 0));
      int mark = r.keep(l);
      sort(r, l, Args.kw(r, kw, nk, "key"), Args.kw(r, kw, nk, "reverse"));
      r.release(mark);
      return l;
    });
    n.addKw("builtins.min", 1, Natives.VARIADIC, (r, a, c, kw, nk) -> minMax(r, a, c, kw, nk, true));
    n.addKw("builtins.max", 1, Natives.VARIADIC, (r, a, c, kw, nk) -> minMax(r, a, c, kw, nk, false));
    n.addKw("builtins.sum", 1, 2, Builtins::sum);
    n.add("builtins.random", 0, 2, (r, a, c, kw, nk) -> {
      if (c == 0) {
        return r.floats.box(r.random.nextDouble());
      }
      long lo = c == 2 ? r.ints.arg(get(r, a, 0), "random()") : 0;
      long hi = r.ints.arg(get(r, a, c - 1), "random()");
      if (hi < lo) {
        throw r.valueError("empty range for random()");
      }
      return r.ints.box(lo + r.random.nextLong(hi - lo + 1));
    });

    n.add("time.perf_counter", 0, 0, (r, a, c, kw, nk) -> r.floats.box(r.elapsedNanos() / 1e9));
    n.add("time.perf_counter_ns", 0, 0, (r, a, c, kw, nk) -> r.ints.box(r.elapsedNanos()));
    n.add("time.monotonic", 0, 0, (r, a, c, kw, nk) -> r.floats.box(r.elapsedNanos() / 1e9));
    n.add("time.time", 0, 0, (r, a, c, kw, nk) ->
        r.floats.box((r.epochNanosAtStart + r.elapsedNanos()) / 1e9));
    n.add("time.time_ns", 0, 0, (r, a, c, kw, nk) -> r.ints.box(r.epochNanosAtStart + r.elapsedNanos()));

    n.add("gc.collect", 0, 0, (r, a, c, kw, nk) -> {
      r.heap.collect();
      return Values.NONE;
    });
    n.add("gc.mem_free", 0, 0, (r, a, c, kw, nk) -> r.ints.box(r.heap.freeBytes()));
    n.add("gc.mem_alloc", 0, 0, (r, a, c, kw, nk) -> r.ints.box(r.heap.usedBytes()));
    n.add("gc.heap_lock", 0, 0, (r, a, c, kw, nk) -> {
      r.heap.setLocked(true);
      return Values.NONE;
    });
    n.add("gc.heap_unlock", 0, 0, (r, a, c, kw, nk) -> {
      r.heap.setLocked(false);
      return Values.NONE;
    });

    Constructors.register(rt, n);
  }

  // ---- print ----

  private static final String[] PRINT_KEYWORDS = {"sep", "end", "file", "flush", "stream"};

  private static int print(Runtime rt, int a, int n, int kw, int nkw) {
    Args.checkKeywords(rt, kw, nkw, "print", PRINT_KEYWORDS);
    int sep = Args.kw(rt, kw, nkw, "sep");
    int end = Args.kw(rt, kw, nkw, "end");
    int file = Args.kw(rt, kw, nkw, "file");
    if (file == Values.NULL || file == Values.NONE) {
      file = Args.kw(rt, kw, nkw, "stream"); // Zerynth's name for it
    }
    if (sep != Values.NULL && sep != Values.NONE && !rt.strs.isStr(sep)) {
      throw rt.typeError("sep must be None or a string, not " + rt.typeName(sep));
    }
    if (end != Values.NULL && end != Values.NONE && !rt.strs.isStr(end)) {
      throw rt.typeError("end must be None or a string, not " + rt.typeName(end));
    }
    int target = rt.hw.printTarget(file);
    if (target != Values.NULL) { // a stream other than the console, through its write method
      int mark = rt.keep(target); // a bound method made just now: formatting may collect
      try {
        return SerialNatives.print(rt, target, a, n, sep, end);
      } finally {
        rt.release(mark);
      }
    }
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        if (sep == Values.NULL || sep == Values.NONE) {
          rt.writeByte(' ');
        } else {
          rt.strs.write(sep);
        }
      }
      writeStr(rt, get(rt, a, i));
    }
    if (end == Values.NULL || end == Values.NONE) {
      rt.writeByte('\n');
    } else {
      rt.strs.write(end);
    }
    return Values.NONE;
  }

  /** Writes str(v) to stdout; ints and strs without allocating. */
  static void writeStr(Runtime rt, int v) {
    if ((v & 1) != 0) {
      writeLong(rt, v >> 1);
      return;
    }
    if (rt.strs.isStr(v)) {
      rt.strs.write(v);
      return;
    }
    if (v == Values.NONE) {
      rt.writeOut("None");
      return;
    }
    if (v == Values.TRUE || v == Values.FALSE) {
      rt.writeOut(v == Values.TRUE ? "True" : "False");
      return;
    }
    int s = rt.printer.str(v);
    rt.strs.write(s);
  }

  private static void writeLong(Runtime rt, long n) {
    if (n < 0) {
      rt.writeByte('-');
      if (n == Long.MIN_VALUE) {
        rt.writeOut("9223372036854775808");
        return;
      }
      n = -n;
    }
    long div = 1;
    while (n / div >= 10) {
      div *= 10;
    }
    while (div > 0) {
      rt.writeByte((int) ('0' + n / div % 10));
      div /= 10;
    }
  }

  // ---- functions ----

  private static int allAny(Runtime rt, int iterable, boolean all) {
    int mark = rt.keep(iterable);
    int it = rt.iters.iter(iterable);
    rt.keep(it);
    try {
      for (int v = rt.iters.next(it); v != Values.NULL; v = rt.iters.next(it)) {
        if (rt.ops.truthy(v) != all) {
          return Values.bool(!all);
        }
      }
      return Values.bool(all);
    } finally {
      rt.release(mark);
    }
  }

  private static int divmod(Runtime rt, int a, int n, int kw, int nkw) {
    int x = get(rt, a, 0);
    int y = get(rt, a, 1);
    if (rt.ints.isIntOrBool(x) && rt.ints.isIntOrBool(y)) {
      long p = rt.ints.value(x);
      long q = rt.ints.value(y);
      int d = rt.ints.floorDiv(p, q);
      int mark = rt.keep(d);
      int m = rt.ints.mod(p, q);
      rt.release(mark);
      return rt.lists.tuple2(d, m);
    }
    if (rt.floats.isNumber(x) && rt.floats.isNumber(y)) {
      double p = rt.floats.toDouble(x);
      double q = rt.floats.toDouble(y);
      if (q == 0) {
        throw rt.raise(ExceptionTree.ZERO_DIVISION_ERROR, "float divmod()");
      }
      double[] r = Operators.floorDivMod(p, q);
      int d = rt.floats.box(r[0]);
      int mark = rt.keep(d);
      int m = rt.floats.box(r[1]);
      rt.release(mark);
      return rt.lists.tuple2(d, m);
    }
    int d = rt.ops.binary(Operators.OP_FLOORDIV, x, y, false);
    int mark = rt.keep(d);
    int m = rt.ops.binary(Operators.OP_MOD, x, y, false);
    rt.release(mark);
    return rt.lists.tuple2(d, m);
  }

  private static int round(Runtime rt, int a, int n, int kw, int nkw) {
    int x = get(rt, a, 0);
    int nd = n > 1 ? get(rt, a, 1) : Values.NONE;
    if (rt.ints.isIntOrBool(x)) {
      long v = rt.ints.value(x);
      if (nd == Values.NONE) {
        return rt.ints.box(v);
      }
      long digits = rt.ints.arg(nd, "round()");
      if (digits >= 0) {
        return rt.ints.box(v);
      }
      if (digits < -18) {
        return Values.ZERO;
      }
      long pow = 1;
      for (int i = 0; i < -digits; i++) {
        pow *= 10;
      }
      long q = Math.floorDiv(v, pow);
      long r = v - q * pow;
      if (2 * r > pow || (2 * r == pow && (q & 1) != 0)) {
        q++;
      }
      return rt.ints.box(q * pow);
    }
    if (rt.floats.isFloat(x)) {
      double d = rt.floats.value(x);
      if (nd == Values.NONE) {
        if (Double.isNaN(d)) {
          throw rt.valueError("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(d)) {
          throw rt.overflowError("cannot convert float infinity to integer");
        }
        double r = Math.rint(d);
        if (Math.abs(r) >= 9.223372036854775807E18) {
          throw rt.ints.overflow();
        }
        return rt.ints.box((long) r);
      }
      long digits = rt.ints.arg(nd, "round()");
      return rt.floats.box(FloatFormat.round(d, (int) Math.max(-400, Math.min(400, digits))));
    }
    int f = rt.classes.special(x, rt.names.id("__round__"));
    if (f != Values.NULL) {
      return n > 1 ? rt.call2(f, x, nd) : rt.call1(f, x);
    }
    throw rt.typeError("type " + rt.typeName(x) + " doesn't define __round__ method");
  }

  static boolean isInstance(Runtime rt, int obj, int spec) {
    if (rt.lists.isTuple(spec)) {
      for (int i = 0; i < rt.lists.tupleLength(spec); i++) {
        if (isInstance(rt, obj, rt.lists.get(spec, i))) {
          return true;
        }
      }
      return false;
    }
    if (!rt.classes.isClass(spec)) {
      throw rt.typeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
    }
    return rt.classes.isInstanceOf(obj, spec);
  }

  private static int issubclass(Runtime rt, int a, int n, int kw, int nkw) {
    int cls = get(rt, a, 0);
    int spec = get(rt, a, 1);
    if (!rt.classes.isClass(cls)) {
      throw rt.typeError("issubclass() arg 1 must be a class");
    }
    if (rt.lists.isTuple(spec)) {
      for (int i = 0; i < rt.lists.tupleLength(spec); i++) {
        int s = rt.lists.get(spec, i);
        if (rt.classes.isClass(s) && rt.classes.isSubclass(cls, s)) {
          return Values.TRUE;
        }
      }
      return Values.FALSE;
    }
    if (!rt.classes.isClass(spec)) {
      throw rt.typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
    }
    return Values.bool(rt.classes.isSubclass(cls, spec));
  }

  private static int next(Runtime rt, int a, int n, int kw, int nkw) {
    int it = get(rt, a, 0);
    int v = rt.iters.next(it);
    if (v != Values.NULL) {
      return v;
    }
    if (n > 1) {
      return get(rt, a, 1);
    }
    throw rt.raise(ExceptionTree.STOP_ITERATION);
  }

  private static int ord(Runtime rt, int a, int n, int kw, int nkw) {
    int v = get(rt, a, 0);
    if (rt.strs.isStr(v)) {
      if (rt.strs.length(v) != 1) {
        throw rt.typeError("ord() expected a character, but string of length " + rt.strs.length(v) + " found");
      }
      return Values.small(rt.strs.charAt(v, 0));
    }
    if (rt.bytes.isBytesLike(v)) {
      if (rt.bytes.length(v) != 1) {
        throw rt.typeError("ord() expected a character, but string of length " + rt.bytes.length(v) + " found");
      }
      return Values.small(rt.bytes.get(v, 0));
    }
    throw rt.typeError("ord() expected string of length 1, but " + rt.typeName(v) + " found");
  }

  private static int chr(Runtime rt, int a, int n, int kw, int nkw) {
    long cp = rt.ints.arg(get(rt, a, 0), "chr()");
    if (cp < 0 || cp > 0x10FFFF) {
      throw rt.valueError("chr() arg not in range(0x110000)");
    }
    return rt.strs.ofChar((int) cp);
  }

  private static long indexArg(Runtime rt, int v) {
    if (rt.ints.isIntOrBool(v)) {
      return rt.ints.value(v);
    }
    int r = rt.classes.callSpecial(v, rt.names.index);
    if (r != Values.NULL && rt.ints.isIntOrBool(r)) {
      return rt.ints.value(r);
    }
    throw rt.typeError("'" + rt.typeName(v) + "' object cannot be interpreted as an integer");
  }

  static boolean callable(Runtime rt, int v) {
    if (Values.isNative(v)) {
      return true;
    }
    if (!Values.isRef(v)) {
      return false;
    }
    switch (rt.type(v)) {
      case Types.FUNCTION:
      case Types.METHOD:
      case Types.CLASS:
      case Types.STATICMETHOD:
        return true;
      case Types.INSTANCE:
        return rt.classes.special(v, rt.names.call) != Values.NULL;
      default:
        return false;
    }
  }

  static int attrName(Runtime rt, int name) {
    if (!rt.strs.isStr(name)) {
      throw rt.typeError("attribute name must be string, not '" + rt.typeName(name) + "'");
    }
    return rt.attrNames.id(name);
  }

  private static int getattr(Runtime rt, int a, int n, int kw, int nkw) {
    int obj = get(rt, a, 0);
    int id = attrName(rt, get(rt, a, 1));
    if (n == 2) {
      return rt.classes.getAttr(obj, id);
    }
    try {
      int v = rt.classes.findAttr(obj, id);
      return v == Values.NULL ? get(rt, a, 2) : v;
    } catch (PyRaise e) {
      if (rt.exceptions.matches(rt.thread.exc, rt.excClass[ExceptionTree.ATTRIBUTE_ERROR])) {
        rt.thread.exc = Values.NULL;
        return get(rt, a, 2);
      }
      throw e;
    }
  }

  private static int reversed(Runtime rt, int a, int n, int kw, int nkw) {
    int seq = get(rt, a, 0);
    int t = rt.typeCode(seq);
    switch (t) {
      case Types.LIST:
      case Types.TUPLE:
      case Types.STR:
      case Types.BYTES:
      case Types.BYTEARRAY:
      case Types.SHORTS:
      case Types.SHORTARRAY:
        return rt.iters.make(Iterators.REVERSED, seq, Values.small(rt.ops.len(seq) - 1), Values.NONE);
      case Types.RANGE: {
        long len = rt.ops.rangeLength(seq);
        long start = rt.heap.getLong(seq, 0);
        long step = rt.heap.getLong(seq, 16);
        if (len == 0) {
          return rt.iters.iter(rt.ops.newRange(0, 0, 1));
        }
        long stop = start - step;
        if (((start ^ step) & (start ^ stop)) < 0) {
          // the reversed range's stop lies past the long range: count down its items instead
          if (len < 0 || len >= Values.SMALL_LIMIT) {
            throw rt.ints.overflow();
          }
          return rt.iters.make(Iterators.REVERSED, seq, Values.small((int) len - 1), Values.NONE);
        }
        return rt.iters.iter(rt.ops.newRange(start + (len - 1) * step, stop, -step));
      }
      case Types.DICT:
      case Types.DICT_VIEW: {
        int l = rt.iters.toList(seq);
        return rt.iters.make(Iterators.REVERSED, l, Values.small(rt.lists.listLength(l) - 1), Values.NONE);
      }
      case Types.INSTANCE: {
        int f = rt.classes.special(seq, rt.names.reversed);
        if (f != Values.NULL) {
          return rt.call1(f, seq);
        }
        if (rt.classes.special(seq, rt.names.len) != Values.NULL
            && rt.classes.special(seq, rt.names.getitem) != Values.NULL) {
          return rt.iters.make(Iterators.REVERSED, seq, Values.small(rt.ops.len(seq) - 1), Values.NONE);
        }
        break;
      }
      default:
        break;
    }
    throw rt.typeError("'" + rt.typeName(seq) + "' object is not reversible");
  }

  /**
   * Sorts list {@code l} in place: stable merge sort, with an optional key and reverse flag. As in
   * CPython, the list is empty while it sorts: a key or a comparison that looks at it sees [], one
   * that adds to it gets ValueError at the end, and the list then holds its own items, sorted (or
   * as they were, if a key or a comparison raised). The sort reads a copy of the items, so nothing
   * done to the list can make it read past them.
   */
  static void sort(Runtime rt, int l, int keyFn, int reverse) {
    int n = rt.lists.listLength(l);
    boolean rev = reverse != Values.NULL && rt.ops.truthy(reverse);
    int mark = rt.keep(l);
    int items = rt.lists.slice(l, 0, 1, n);
    rt.keep(items);
    int buffer = rt.lists.detach(l);
    rt.keep(buffer);
    // the runtime's two scratch arrays, unless a key or a comparison called back into Python is
    // sorting too (then this inner sort allocates its own)
    boolean shared = !rt.sortScratchBusy;
    int[] perm;
    int[] tmp;
    if (shared) {
      if (rt.sortPerm.length < n) {
        rt.sortPerm = new int[Math.max(n, 2 * rt.sortPerm.length)];
        rt.sortTmp = new int[rt.sortPerm.length];
      }
      perm = rt.sortPerm;
      tmp = rt.sortTmp;
      rt.sortScratchBusy = true;
    } else {
      perm = new int[n];
      tmp = new int[n];
    }
    boolean sorted = false;
    boolean modified;
    try {
      int keys = items;
      if (keyFn != Values.NULL && keyFn != Values.NONE) {
        keys = rt.lists.newList(n);
        rt.keep(keys);
        for (int i = 0; i < n; i++) {
          rt.lists.append(keys, rt.call1(keyFn, rt.lists.get(items, i)));
        }
      }
      for (int i = 0; i < n; i++) {
        perm[i] = i;
      }
      mergeSort(rt, keys, perm, tmp, 0, n, rev);
      sorted = true;
    } finally {
      modified = !rt.lists.attach(l, buffer, n); // the buffer still holds the items as they were
      if (sorted) {
        for (int i = 0; i < n; i++) {
          rt.lists.set(l, i, rt.lists.get(items, perm[i]));
        }
      }
      if (shared) {
        rt.sortScratchBusy = false;
      }
    }
    rt.release(mark);
    if (modified) {
      throw rt.valueError("list modified during sort");
    }
  }

  private static void mergeSort(Runtime rt, int keys, int[] perm, int[] tmp, int lo, int hi, boolean rev) {
    if (hi - lo < 2) {
      return;
    }
    if (hi - lo <= 8) {
      for (int i = lo + 1; i < hi; i++) {
        int p = perm[i];
        int j = i - 1;
        while (j >= lo && less(rt, keys, p, perm[j], rev)) {
          perm[j + 1] = perm[j];
          j--;
        }
        perm[j + 1] = p;
      }
      return;
    }
    int mid = (lo + hi) >>> 1;
    mergeSort(rt, keys, perm, tmp, lo, mid, rev);
    mergeSort(rt, keys, perm, tmp, mid, hi, rev);
    if (!less(rt, keys, perm[mid], perm[mid - 1], rev)) {
      return;
    }
    System.arraycopy(perm, lo, tmp, lo, hi - lo);
    int i = lo;
    int j = mid;
    int k = lo;
    while (i < mid && j < hi) {
      if (less(rt, keys, tmp[j], tmp[i], rev)) {
        perm[k++] = tmp[j++];
      } else {
        perm[k++] = tmp[i++];
      }
    }
    while (i < mid) {
      perm[k++] = tmp[i++];
    }
    while (j < hi) {
      perm[k++] = tmp[j++];
    }
  }

  /** keys[x] sorts before keys[y] (for reverse: after, keeping equal ones in order). */
  private static boolean less(Runtime rt, int keys, int x, int y, boolean rev) {
    int a = rt.lists.get(keys, x);
    int b = rt.lists.get(keys, y);
    if (rev) {
      int t = a;
      a = b;
      b = t;
    }
    if ((a & b & 1) != 0) {
      return a < b;
    }
    return rt.ops.truthy(rt.ops.compare(Operators.CMP_LT, a, b));
  }

  private static int minMax(Runtime rt, int a, int n, int kw, int nkw, boolean min) {
    String fname = min ? "min" : "max";
    Args.checkKeywords(rt, kw, nkw, fname, "key", "default");
    int key = Args.kw(rt, kw, nkw, "key");
    int dflt = Args.kw(rt, kw, nkw, "default");
    if (key == Values.NONE) {
      key = Values.NULL;
    }
    int seq = n == 1 ? rt.iters.toSequence(get(rt, a, 0)) : rt.lists.tupleFromStack(a, n);
    if (n > 1 && dflt != Values.NULL) {
      throw rt.typeError("Cannot specify a default for " + fname + "() with multiple positional arguments");
    }
    int mark = rt.keep(seq);
    try {
      int len = rt.lists.length(seq);
      if (len == 0) {
        if (dflt != Values.NULL) {
          return dflt;
        }
        throw rt.valueError(fname + "() arg is an empty sequence");
      }
      int best = rt.lists.get(seq, 0);
      int bestKey = key == Values.NULL ? best : rt.call1(key, best);
      int km = rt.keep(bestKey);
      for (int i = 1; i < rt.lists.length(seq); i++) {
        int v = rt.lists.get(seq, i);
        int k = key == Values.NULL ? v : rt.call1(key, v);
        int cmp = min ? Operators.CMP_LT : Operators.CMP_GT;
        boolean better = (k & bestKey & 1) != 0 ? (min ? k < bestKey : k > bestKey)
            : rt.ops.truthy(rt.ops.compare(cmp, k, bestKey));
        if (better) {
          best = v;
          bestKey = k;
          rt.setKept(km, k);
        }
      }
      return best;
    } finally {
      rt.release(mark);
    }
  }

  private static int sum(Runtime rt, int a, int n, int kw, int nkw) {
    Args.checkKeywords(rt, kw, nkw, "sum", "start");
    int acc = Args.posOrKw(rt, a, n, kw, nkw, 1, "start", Values.ZERO);
    if (rt.strs.isStr(acc)) {
      throw rt.typeError("sum() can't sum strings [use ''.join(seq) instead]");
    }
    int iterable = get(rt, a, 0);
    int mark = rt.keep(iterable);
    int it = rt.iters.iter(iterable);
    rt.keep(it);
    int am = rt.keep(acc);
    for (int v = rt.iters.next(it); v != Values.NULL; v = rt.iters.next(it)) {
      if ((acc & v & 1) != 0) {
        acc = rt.ints.box((long) (acc >> 1) + (v >> 1));
      } else {
        acc = rt.ops.binary(Operators.OP_ADD, acc, v, false);
      }
      rt.setKept(am, acc);
    }
    rt.release(mark);
    return acc;
  }
}
