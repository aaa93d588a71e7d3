package dev.zvm.vm;

/**
 * list and tuple. A tuple is a slots object holding its items inline (length = slot count). A
 * list is {@code [length, buffer]} with a growable slots buffer (NULL while empty) so that
 * appending is amortised O(1). Both hold at most {@link Types#MAX_ELEMENTS} items.
 */
final class Lists {
  static final int LEN = 0;
  static final int ITEMS = 1;

  private final Runtime rt;
  private final int[] w;
  private int emptyTuple;

  Lists(Runtime rt) {
    this.rt = rt;
    this.w = rt.w;
  }

  boolean isList(int v) {
    return (v & 3) == 0 && v != 0 && rt.type(v) == Types.LIST;
  }

  boolean isTuple(int v) {
    return (v & 3) == 0 && v != 0 && rt.type(v) == Types.TUPLE;
  }

  // ---- tuple ----

  int newTuple(int n) {
    if (n == 0) {
      return emptyTuple();
    }
    if (n > Types.MAX_ELEMENTS) {
      throw rt.tooLong("tuple");
    }
    return rt.allocSlots(Types.TUPLE, n);
  }

  /** {@link #newTuple} of 1 to MAX_ELEMENTS items, or NULL when the heap cannot hold it. */
  private int tryNewTuple(int n) {
    return rt.heap.allocSlots(Types.TUPLE, n);
  }

  int emptyTuple() {
    if (emptyTuple == 0) {
      emptyTuple = rt.allocSlots(Types.TUPLE, 0);
      rt.permanent(emptyTuple);
    }
    return emptyTuple;
  }

  int tupleLength(int t) {
    return rt.heap.slotCount(t);
  }

  /** A tuple of {@code stack[from .. from + n)} of the running thread. */
  int tupleFromStack(int from, int n) {
    return fromStack(from, n, true);
  }

  int tuple1(int a) {
    int mark = rt.keep(a);
    int t = newTuple(1);
    rt.release(mark);
    w[Runtime.at(t)] = a;
    return t;
  }

  int tuple2(int a, int b) {
    int mark = rt.keep(a);
    rt.keep(b);
    int t = newTuple(2);
    rt.release(mark);
    w[Runtime.at(t)] = a;
    w[Runtime.at(t) + 1] = b;
    return t;
  }

  // ---- list ----

  /** An empty list with room for {@code capacity} items. */
  int newList(int capacity) {
    if (capacity > Types.MAX_ELEMENTS) {
      throw rt.tooLong("list");
    }
    int l = tryNewList(capacity);
    if (l == Values.NULL) {
      throw rt.memoryError();
    }
    return l;
  }

  /** {@link #newList} with room for at most MAX_ELEMENTS items, or NULL when the heap cannot hold it. */
  private int tryNewList(int capacity) {
    int l = rt.heap.allocSlots(Types.LIST, 2);
    if (l == Values.NULL) {
      return l;
    }
    w[Runtime.at(l)] = Values.ZERO;
    if (capacity > 0) {
      int mark = rt.keep(l);
      int buf = rt.heap.allocSlots(Types.BUFFER, capacity);
      rt.release(mark);
      if (buf == Values.NULL) {
        return buf;
      }
      w[Runtime.at(l) + ITEMS] = buf;
    }
    return l;
  }

  /** A list of {@code stack[from .. from + n)} of the running thread. */
  int listFromStack(int from, int n) {
    return fromStack(from, n, false);
  }

  private int fromStack(int from, int n, boolean tuple) {
    if (n > Types.MAX_ELEMENTS) {
      throw rt.tooLong(tuple ? "tuple" : "list");
    }
    if (tuple && n == 0) {
      return emptyTuple();
    }
    int r = tryFromStack(rt.thread.stack, from, n, tuple);
    if (r == Values.NULL) {
      throw rt.memoryError();
    }
    return r;
  }

  /**
   * A tuple ({@code tuple}) or a list of the {@code n} values at {@code stack[from]}, as BUILD_TUPLE
   * and BUILD_LIST make them; NULL when the heap cannot hold it, for an empty tuple or past
   * MAX_ELEMENTS (the caller then builds it in full, and raises). The values must be roots (below
   * the thread's sp).
   */
  int tryFromStack(int[] stack, int from, int n, boolean tuple) {
    if (n > Types.MAX_ELEMENTS || tuple && n == 0) {
      return Values.NULL;
    }
    int r = tuple ? tryNewTuple(n) : tryNewList(n);
    if (r != Values.NULL && n > 0) {
      System.arraycopy(stack, from, w, tuple ? Runtime.at(r) : listItems(r), n);
      if (!tuple) {
        w[Runtime.at(r)] = Values.small(n);
      }
    }
    return r;
  }

  int listLength(int l) {
    return w[Runtime.at(l)] >> 1;
  }

  /** Word index of item 0 of a list (valid until the list grows). */
  int listItems(int l) {
    return Runtime.at(w[Runtime.at(l) + ITEMS]);
  }

  /**
   * Sets the length of list {@code l} to {@code n}, for a caller that has written items 0 to n - 1
   * straight into its buffer (which has room for them: {@link #newList}'s capacity).
   */
  void setLength(int l, int n) {
    w[Runtime.at(l)] = Values.small(n);
  }

  /** Empties list {@code l} and returns its item buffer (NULL if it had none), now the caller's. */
  int detach(int l) {
    int buf = w[Runtime.at(l) + ITEMS];
    clear(l);
    return buf;
  }

  /**
   * Gives list {@code l} back the buffer {@link #detach} took, holding {@code n} items; true if the
   * list was left as detach left it, false (its new items dropped) if something was added.
   */
  boolean attach(int l, int buffer, int n) {
    boolean untouched = listLength(l) == 0 && w[Runtime.at(l) + ITEMS] == Values.NULL;
    w[Runtime.at(l) + ITEMS] = buffer;
    w[Runtime.at(l)] = Values.small(n);
    return untouched;
  }

  int listCapacity(int l) {
    int buf = w[Runtime.at(l) + ITEMS];
    return buf == 0 ? 0 : rt.heap.slotCount(buf);
  }

  /** Length of a list or tuple. */
  int length(int seq) {
    return rt.type(seq) == Types.TUPLE ? tupleLength(seq) : listLength(seq);
  }

  /** Word index of item 0 of a list or tuple. */
  int items(int seq) {
    return rt.type(seq) == Types.TUPLE ? Runtime.at(seq) : listItems(seq);
  }

  int get(int seq, int i) {
    return w[items(seq) + i];
  }

  void set(int list, int i, int v) {
    w[listItems(list) + i] = v;
  }

  /** Makes room for {@code extra} more items. */
  void reserve(int l, int extra) {
    int len = listLength(l);
    int need = len + extra;
    int cap = listCapacity(l);
    if (need <= cap) {
      return;
    }
    if (need > Types.MAX_ELEMENTS) {
      throw rt.tooLong("list");
    }
    int ncap = Math.min(Types.MAX_ELEMENTS, Math.max(need, cap + (cap >> 1) + 4));
    int mark = rt.keep(l);
    int buf = rt.allocSlots(Types.BUFFER, ncap);
    rt.release(mark);
    int old = w[Runtime.at(l) + ITEMS];
    if (old != 0) {
      System.arraycopy(w, Runtime.at(old), w, Runtime.at(buf), len);
    }
    w[Runtime.at(l) + ITEMS] = buf;
  }

  void append(int l, int v) {
    int len = w[Runtime.at(l)] >> 1;
    int buf = w[Runtime.at(l) + ITEMS];
    if (buf == 0 || len == rt.heap.slotCount(buf)) {
      int mark = rt.keep(v);
      reserve(l, 1);
      rt.release(mark);
      buf = w[Runtime.at(l) + ITEMS];
    }
    w[Runtime.at(buf) + len] = v;
    w[Runtime.at(l)] = Values.small(len + 1);
  }

  void insert(int l, int index, int v) {
    int len = listLength(l);
    if (index < 0) {
      index = Math.max(0, index + len);
    }
    index = Math.min(index, len);
    int mark = rt.keep(v);
    reserve(l, 1);
    rt.release(mark);
    int items = listItems(l);
    System.arraycopy(w, items + index, w, items + index + 1, len - index);
    w[items + index] = v;
    w[Runtime.at(l)] = Values.small(len + 1);
  }

  /** Removes and returns item {@code index} (already normalised and in range). */
  int removeAt(int l, int index) {
    int len = listLength(l);
    int items = listItems(l);
    int v = w[items + index];
    System.arraycopy(w, items + index + 1, w, items + index, len - index - 1);
    w[items + len - 1] = Values.NULL;
    w[Runtime.at(l)] = Values.small(len - 1);
    return v;
  }

  void clear(int l) {
    w[Runtime.at(l)] = Values.ZERO;
    w[Runtime.at(l) + ITEMS] = Values.NULL;
  }

  /** Appends every item of the list or tuple {@code src} to {@code l}. */
  void extendFromSeq(int l, int src) {
    int n = length(src);
    int mark = rt.keep(src);
    reserve(l, n);
    rt.release(mark);
    int len = listLength(l);
    System.arraycopy(w, items(src), w, listItems(l) + len, n);
    w[Runtime.at(l)] = Values.small(len + n);
  }

  /** Items {@code start, start+step, ...} ({@code count}) of a list or tuple, as the same type. */
  int slice(int seq, int start, int step, int count) {
    int r = count == 0 && rt.type(seq) == Types.TUPLE ? emptyTuple() : trySlice(seq, start, step, count);
    if (r == Values.NULL) {
      throw rt.memoryError();
    }
    return r;
  }

  /**
   * {@link #slice}, or NULL when the heap cannot hold the new list or tuple (and for an empty tuple
   * when none has been made yet).
   */
  int trySlice(int seq, int start, int step, int count) {
    boolean tuple = rt.type(seq) == Types.TUPLE;
    if (tuple && step == 1 && start == 0 && count == tupleLength(seq)) {
      return seq;
    }
    if (tuple && count == 0) {
      return emptyTuple;
    }
    int mark = rt.keep(seq);
    int r = tuple ? tryNewTuple(count) : tryNewList(count);
    rt.release(mark);
    if (r == Values.NULL) {
      return r;
    }
    int src = items(seq);
    int dst = tuple ? Runtime.at(r) : (count > 0 ? listItems(r) : 0);
    for (int i = 0; i < count; i++) {
      w[dst + i] = w[src + start + i * step];
    }
    if (!tuple) {
      w[Runtime.at(r)] = Values.small(count);
    }
    return r;
  }

  /** A list copy of a list or tuple. */
  int toList(int seq) {
    int n = length(seq);
    int mark = rt.keep(seq);
    int r = newList(n);
    rt.release(mark);
    if (n > 0) {
      System.arraycopy(w, items(seq), w, listItems(r), n);
      w[Runtime.at(r)] = Values.small(n);
    }
    return r;
  }

  /** A tuple copy of a list (or the tuple itself). */
  int toTuple(int seq) {
    if (rt.type(seq) == Types.TUPLE) {
      return seq;
    }
    int n = listLength(seq);
    int mark = rt.keep(seq);
    int r = newTuple(n);
    rt.release(mark);
    System.arraycopy(w, listItems(seq), w, Runtime.at(r), n);
    return r;
  }

  /** a + b for two lists or two tuples. */
  int concat(int a, int b) {
    boolean tuple = rt.type(a) == Types.TUPLE;
    int na = length(a);
    int nb = length(b);
    if (na + nb > Types.MAX_ELEMENTS) {
      throw rt.tooLong(tuple ? "tuple" : "list");
    }
    int mark = rt.keep(a);
    rt.keep(b);
    int r = tuple ? newTuple(na + nb) : newList(na + nb);
    rt.release(mark);
    if (na + nb == 0) {
      return r;
    }
    int dst = tuple ? Runtime.at(r) : listItems(r);
    System.arraycopy(w, items(a), w, dst, na);
    System.arraycopy(w, items(b), w, dst + na, nb);
    if (!tuple) {
      w[Runtime.at(r)] = Values.small(na + nb);
    }
    return r;
  }

  int repeat(int seq, long times) {
    boolean tuple = rt.type(seq) == Types.TUPLE;
    int n = length(seq);
    int total = rt.repeatedLength(n, times, tuple ? "tuple" : "list");
    int mark = rt.keep(seq);
    int r = tuple ? newTuple(total) : newList(total);
    rt.release(mark);
    if (total == 0) {
      return r;
    }
    int dst = tuple ? Runtime.at(r) : listItems(r);
    int src = items(seq);
    for (int at = 0; at < total; at += n) {
      System.arraycopy(w, src, w, dst + at, n);
    }
    if (!tuple) {
      w[Runtime.at(r)] = Values.small(total);
    }
    return r;
  }

  void reverse(int l) {
    int n = listLength(l);
    if (n == 0) {
      return;
    }
    int items = listItems(l);
    for (int i = 0, j = n - 1; i < j; i++, j--) {
      int t = w[items + i];
      w[items + i] = w[items + j];
      w[items + j] = t;
    }
  }
}
