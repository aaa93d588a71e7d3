package dev.zvm.vm;

import dev.zvm.bytecode.ExceptionTree;

/**
 * Iteration: {@code iter()} and the step the loop's {@code FOR_ITER} and the builtin {@code next}
 * take. A builtin iterator is a slots object {@code [a, b, c]} whose kind is in the user flags
 * (below). An instance of a user class iterates through its {@code __next__}, called in a nested
 * run; StopIteration from it ends the iteration.
 *
 * <pre>
 *  SEQ, STR, BYTES   [sequence, index]
 *  RANGE             [current, stop, step]       ints
 *  DICT_*            [dict, entry index, size at start]
 *  SET               [set, table slot, size at start]
 *  ENUMERATE         [iterator, count]
 *  ZIP               [tuple of iterators]
 *  MAP               [function, tuple of iterators]
 *  FILTER            [function or None, iterator]
 *  REVERSED          [sequence, index]          counting down
 * </pre>
 */
final class Iterators {
  static final int SEQ = 1;
  static final int STR = 2;
  static final int BYTES = 3;
  static final int RANGE = 4;
  static final int DICT_KEYS = 5;
  static final int DICT_VALUES = 6;
  static final int DICT_ITEMS = 7;
  static final int SET = 8;
  static final int ENUMERATE = 9;
  static final int ZIP = 10;
  static final int MAP = 11;
  static final int FILTER = 12;
  static final int REVERSED = 13;

  private static final String[] KIND_NAMES = {
    "", "list_iterator", "str_iterator", "bytes_iterator", "range_iterator", "dict_keyiterator",
    "dict_valueiterator", "dict_itemiterator", "set_iterator", "enumerate", "zip", "map", "filter",
    "list_reverseiterator"
  };

  private final Runtime rt;
  private final int[] w;

  Iterators(Runtime rt) {
    this.rt = rt;
    this.w = rt.w;
  }

  static String kindName(int kind) {
    return KIND_NAMES[kind];
  }

  int make(int kind, int a, int b, int c) {
    int mark = rt.keep(a);
    rt.keep(b);
    rt.keep(c);
    int it = rt.allocSlots(Types.ITERATOR, 3);
    rt.release(mark);
    int i = Runtime.at(it);
    w[i] = a;
    w[i + 1] = b;
    w[i + 2] = c;
    rt.setFlags(it, kind);
    return it;
  }

  /** iter(obj). */
  int iter(int obj) {
    int type = rt.typeCode(obj);
    switch (type) {
      case Types.LIST:
      case Types.TUPLE:
        return make(SEQ, obj, Values.ZERO, Values.NONE);
      case Types.STR:
        return make(STR, obj, Values.ZERO, Values.NONE);
      case Types.BYTES:
      case Types.BYTEARRAY:
      case Types.SHORTS:
      case Types.SHORTARRAY:
        return make(BYTES, obj, Values.ZERO, Values.NONE);
      case Types.RANGE: {
        long start = rt.heap.getLong(obj, 0);
        long stop = rt.heap.getLong(obj, 8);
        long step = rt.heap.getLong(obj, 16);
        int mark = rt.keep(obj);
        int a = rt.ints.box(start);
        rt.keep(a);
        int b = rt.ints.box(stop);
        rt.keep(b);
        int c = rt.ints.box(step);
        rt.release(mark);
        return make(RANGE, a, b, c);
      }
      case Types.DICT:
        return make(DICT_KEYS, obj, Values.ZERO, Values.small(rt.dicts.size(obj)));
      case Types.DICT_VIEW: {
        int d = w[Runtime.at(obj)];
        return make(rt.flags(obj), d, Values.ZERO, Values.small(rt.dicts.size(d)));
      }
      case Types.SET:
      case Types.FROZENSET:
        return make(SET, obj, Values.ZERO, Values.small(rt.sets.size(obj)));
      case Types.ITERATOR:
        return obj;
      case Types.INSTANCE: {
        int f = rt.classes.special(obj, rt.names.iter);
        if (f != Values.NULL) {
          int it = rt.call1(f, obj);
          if (rt.typeCode(it) != Types.ITERATOR && rt.classes.special(it, rt.names.next) == Values.NULL) {
            throw rt.typeError("iter() returned non-iterator of type '" + rt.typeName(it) + "'");
          }
          return it;
        }
        if (rt.classes.special(obj, rt.names.getitem) != Values.NULL) {
          // the old sequence protocol: obj[0], obj[1], ... until IndexError
          return make(SEQ, obj, Values.ZERO, Values.TRUE);
        }
        break;
      }
      default:
        break;
    }
    throw rt.typeError("'" + rt.typeName(obj) + "' object is not iterable");
  }

  /** The next item, or NULL when the iterator is exhausted. May run Python code. */
  int next(int it) {
    if ((it & 3) == 0 && it != 0 && rt.type(it) == Types.INSTANCE) {
      return nextUser(it);
    }
    if (rt.typeCode(it) != Types.ITERATOR) {
      throw rt.typeError("'" + rt.typeName(it) + "' object is not an iterator");
    }
    int i = Runtime.at(it);
    switch (rt.flags(it)) {
      case SEQ: {
        int seq = w[i];
        int index = w[i + 1] >> 1;
        if (w[i + 2] == Values.TRUE) {
          return nextGetitem(it, seq, index);
        }
        if (index >= rt.lists.length(seq)) {
          return Values.NULL;
        }
        w[i + 1] = Values.small(index + 1);
        return rt.lists.get(seq, index);
      }
      case STR: {
        int s = w[i];
        int index = w[i + 1] >> 1;
        if (index >= rt.strs.length(s)) {
          return Values.NULL;
        }
        w[i + 1] = Values.small(index + 1);
        return rt.strs.ofChar(rt.strs.charAt(s, index));
      }
      case BYTES: {
        int s = w[i];
        int index = w[i + 1] >> 1;
        if (index >= rt.bytes.length(s)) {
          return Values.NULL;
        }
        w[i + 1] = Values.small(index + 1);
        return Values.small(rt.bytes.get(s, index));
      }
      case RANGE:
        return nextRange(it);
      case DICT_KEYS:
      case DICT_VALUES:
      case DICT_ITEMS:
        return nextDict(it);
      case SET: {
        int s = w[i];
        if (rt.sets.size(s) != w[i + 2] >> 1) {
          throw rt.raise(ExceptionTree.RUNTIME_ERROR, "Set changed size during iteration");
        }
        int j = rt.sets.next(s, w[i + 1] >> 1);
        if (j < 0) {
          w[i + 1] = Values.small(rt.sets.tableSize(s));
          return Values.NULL;
        }
        w[i + 1] = Values.small(j + 1);
        return rt.sets.keyAt(s, j);
      }
      case ENUMERATE: {
        int v = next(w[i]);
        if (v == Values.NULL) {
          return Values.NULL;
        }
        int count = w[i + 1];
        int mark = rt.keep(v);
        w[Runtime.at(it) + 1] = rt.ops.add(count, Values.ONE);
        int r = rt.lists.tuple2(count, v);
        rt.release(mark);
        return r;
      }
      case ZIP:
        return nextZip(it);
      case MAP:
        return nextMap(it);
      case FILTER:
        return nextFilter(it);
      case REVERSED: {
        int seq = w[i];
        int index = w[i + 1] >> 1;
        if (index < 0) {
          return Values.NULL;
        }
        w[i + 1] = Values.small(index - 1);
        int type = rt.typeCode(seq);
        if (type == Types.STR) {
          if (index >= rt.strs.length(seq)) {
            return Values.NULL;
          }
          return rt.strs.ofChar(rt.strs.charAt(seq, index));
        }
        if (type == Types.LIST || type == Types.TUPLE) {
          if (index >= rt.lists.length(seq)) {
            return Values.NULL;
          }
          return rt.lists.get(seq, index);
        }
        if (rt.bytes.isByteSeq(seq)) {
          return Values.small(rt.bytes.get(seq, index));
        }
        return rt.ops.getItem(seq, Values.small(index));
      }
      default:
        throw new IllegalStateException("iterator kind " + rt.flags(it));
    }
  }

  private int nextGetitem(int it, int obj, int index) {
    try {
      int v = rt.ops.getItem(obj, Values.small(index));
      w[Runtime.at(it) + 1] = Values.small(index + 1);
      return v;
    } catch (PyRaise e) {
      if (rt.exceptions.matches(rt.thread.exc, rt.excClass[ExceptionTree.INDEX_ERROR])
          || rt.exceptions.matches(rt.thread.exc, rt.excClass[ExceptionTree.STOP_ITERATION])) {
        rt.thread.exc = Values.NULL;
        return Values.NULL;
      }
      throw e;
    }
  }

  private int nextUser(int obj) {
    int f = rt.classes.special(obj, rt.names.next);
    if (f == Values.NULL) {
      throw rt.typeError("'" + rt.typeName(obj) + "' object is not an iterator");
    }
    try {
      return rt.call1(f, obj);
    } catch (PyRaise e) {
      if (rt.exceptions.matches(rt.thread.exc, rt.excClass[ExceptionTree.STOP_ITERATION])) {
        rt.thread.exc = Values.NULL;
        return Values.NULL;
      }
      throw e;
    }
  }

  /**
   * Items a native loop took from range iterators, counted so that it looks at a stop every
   * {@link #STOP_POLL} of them: a range may have 2^64 items, and {@code sum}, {@code all},
   * {@code any} or {@code in} over one runs in Java with no safe point, which {@code vm.stop()}
   * must still end.
   */
  private int rangeSteps;
  private static final int STOP_POLL = 4096;

  private int nextRange(int it) {
    if (++rangeSteps % STOP_POLL == 0) {
      rt.threads.nestedSafePoint(); // throws when the VM stops
    }
    int i = Runtime.at(it);
    int cur = w[i];
    int stop = w[i + 1];
    int step = w[i + 2];
    if ((cur & stop & step & 1) != 0) {
      int c = cur >> 1;
      int s = step >> 1;
      if (s > 0 ? c >= stop >> 1 : c <= stop >> 1) {
        return Values.NULL;
      }
      long n = (long) c + s;
      w[i] = Values.fitsSmall(n) ? Values.small((int) n) : rt.ints.box(n);
      return cur;
    }
    long c = rt.ints.value(cur);
    long s = rt.ints.value(step);
    long e = rt.ints.value(stop);
    if (s > 0 ? c >= e : c <= e) {
      return Values.NULL;
    }
    int mark = rt.keep(it);
    rt.keep(cur);
    long nx = c + s;
    int boxed = (s > 0 && nx < c) || (s < 0 && nx > c) ? stop : rt.ints.box(nx);
    w[Runtime.at(it)] = boxed;
    rt.release(mark);
    return cur;
  }

  private int nextDict(int it) {
    int i = Runtime.at(it);
    int d = w[i];
    if (rt.dicts.size(d) != w[i + 2] >> 1) {
      throw rt.raise(ExceptionTree.RUNTIME_ERROR, "dictionary changed size during iteration");
    }
    int ix = rt.dicts.nextEntry(d, w[i + 1] >> 1);
    if (ix < 0) {
      w[i + 1] = Values.small(rt.dicts.count(d));
      return Values.NULL;
    }
    w[i + 1] = Values.small(ix + 1);
    switch (rt.flags(it)) {
      case DICT_KEYS:
        return rt.dicts.keyAt(d, ix);
      case DICT_VALUES:
        return rt.dicts.valueAt(d, ix);
      default:
        return rt.lists.tuple2(rt.dicts.keyAt(d, ix), rt.dicts.valueAt(d, ix));
    }
  }

  private int nextZip(int it) {
    int iters = w[Runtime.at(it)];
    int n = rt.lists.tupleLength(iters);
    if (n == 0) {
      return Values.NULL;
    }
    int mark = rt.keep(it);
    int t = rt.lists.newTuple(n);
    rt.keep(t);
    for (int k = 0; k < n; k++) {
      int v = next(w[Runtime.at(iters) + k]);
      if (v == Values.NULL) {
        rt.release(mark);
        return Values.NULL;
      }
      w[Runtime.at(t) + k] = v;
    }
    rt.release(mark);
    return t;
  }

  private int nextMap(int it) {
    int i = Runtime.at(it);
    int f = w[i];
    int iters = w[i + 1];
    int n = rt.lists.tupleLength(iters);
    int base = rt.thread.sp;
    rt.push(f);
    for (int k = 0; k < n; k++) {
      int v = next(w[Runtime.at(iters) + k]);
      if (v == Values.NULL) {
        rt.thread.sp = base;
        return Values.NULL;
      }
      rt.push(v);
    }
    return rt.callOnStack(n);
  }

  private int nextFilter(int it) {
    while (true) {
      int i = Runtime.at(it);
      int v = next(w[i + 1]);
      if (v == Values.NULL) {
        return Values.NULL;
      }
      int f = w[Runtime.at(it)];
      int mark = rt.keep(v);
      boolean keep = f == Values.NONE ? rt.ops.truthy(v) : rt.ops.truthy(rt.call1(f, v));
      rt.release(mark);
      if (keep) {
        return v;
      }
    }
  }

  /** A list of the items of any iterable. */
  int toList(int iterable) {
    int type = rt.typeCode(iterable);
    if (type == Types.LIST || type == Types.TUPLE) {
      return rt.lists.toList(iterable);
    }
    int mark = rt.keep(iterable);
    int l = rt.lists.newList(type == Types.DICT ? rt.dicts.size(iterable) : 0);
    rt.keep(l);
    int it = iter(iterable);
    rt.keep(it);
    for (int v = next(it); v != Values.NULL; v = next(it)) {
      rt.lists.append(l, v);
    }
    rt.release(mark);
    return l;
  }

  /** A list or tuple with the items of any iterable (a list or tuple itself when it is one). */
  int toSequence(int iterable) {
    int type = rt.typeCode(iterable);
    if (type == Types.LIST || type == Types.TUPLE) {
      return iterable;
    }
    return toList(iterable);
  }
}
