package dev.zvm.vm;

import dev.zvm.bytecode.ExceptionTree;

/**
 * dict: insertion-ordered, as CPython's compact dict. Payload {@code [used, count, entries,
 * hashes, index]}: the entries buffer holds (key, value) pairs in insertion order (a deleted key
 * becomes {@link Values#DUMMY}), the hashes buffer their 32-bit hashes, and the index is an open
 * addressing table of entry numbers + 1 (0 = empty), probed with CPython's perturbation. Class
 * namespaces and instance layouts are dicts keyed by name ids (small ints), so those lookups never
 * call back into Python.
 *
 * <p>A key's {@code __eq__} may run Python code that changes the dict; a lookup that sees the
 * table replaced starts again.
 */
final class Dicts {
  static final int USED = 0;
  static final int COUNT = 1;
  static final int ENTRIES = 2;
  static final int HASHES = 3;
  static final int INDEX = 4;
  static final int SLOTS = 5;

  private final Runtime rt;
  private final int[] w;

  Dicts(Runtime rt) {
    this.rt = rt;
    this.w = rt.w;
  }

  boolean isDict(int v) {
    return (v & 3) == 0 && v != 0 && rt.type(v) == Types.DICT;
  }

  int newDict() {
    int d = rt.allocSlots(Types.DICT, SLOTS);
    int i = Runtime.at(d);
    w[i + USED] = Values.ZERO;
    w[i + COUNT] = Values.ZERO;
    return d;
  }

  int size(int d) {
    return w[Runtime.at(d) + USED] >> 1;
  }

  /** Entries used so far, deleted ones included: iteration runs over [0, count). */
  int count(int d) {
    return w[Runtime.at(d) + COUNT] >> 1;
  }

  /** Key of entry {@code ix}, or DUMMY if deleted. */
  int keyAt(int d, int ix) {
    return w[Runtime.at(w[Runtime.at(d) + ENTRIES]) + 2 * ix];
  }

  int valueAt(int d, int ix) {
    return w[Runtime.at(w[Runtime.at(d) + ENTRIES]) + 2 * ix + 1];
  }

  /** The first live entry at or after {@code ix}, or -1. */
  int nextEntry(int d, int ix) {
    int n = count(d);
    if (n == 0) {
      return -1;
    }
    int e = Runtime.at(w[Runtime.at(d) + ENTRIES]);
    for (; ix < n; ix++) {
      if (w[e + 2 * ix] != Values.DUMMY) {
        return ix;
      }
    }
    return -1;
  }

  private static int mix(long hash) {
    return (int) hash;
  }

  /** Entry index of {@code key}, or -1. May run Python code ({@code __eq__}). */
  int find(int d, int key) {
    return find(d, key, mix(rt.ops.hash(key)));
  }

  int find(int d, int key, int h) {
    return find(d, key, h, false);
  }

  /**
   * The probe of {@link #find}; with {@code noCalls}, where the lookup would have to call
   * {@code __eq__} (a stored key of the same hash that is neither a small int nor a str), returns
   * {@link #NOT_PLAIN} instead.
   */
  private int find(int d, int key, int h, boolean noCalls) {
    while (true) {
      int di = Runtime.at(d);
      int index = w[di + INDEX];
      if (index == 0) {
        return -1;
      }
      int entries = w[di + ENTRIES];
      int hashes = w[di + HASHES];
      int ii = Runtime.at(index);
      int mask = (rt.heap.payloadBytes(index) >> 2) - 1;
      int i = h & mask;
      int perturb = h;
      boolean restart = false;
      while (true) {
        int ix = w[ii + i] - 1;
        if (ix < 0) {
          return -1;
        }
        int k = w[Runtime.at(entries) + 2 * ix];
        if (k == key) {
          return ix;
        }
        if (k != Values.DUMMY && w[Runtime.at(hashes) + ix] == h && !cheapUnequal(k, key)) {
          if (noCalls) {
            // cheapUnequal found two strs equal, or could not tell without a call
            return rt.strs.isStr(k) && rt.strs.isStr(key) ? ix : NOT_PLAIN;
          }
          boolean eq = rt.ops.eq(k, key);
          if (w[di + ENTRIES] != entries || w[Runtime.at(entries) + 2 * ix] != k) {
            restart = true;
            break;
          }
          if (eq) {
            return ix;
          }
        }
        perturb >>>= 5;
        i = (i * 5 + perturb + 1) & mask;
      }
      if (!restart) {
        return -1;
      }
    }
  }

  /** Not decided by {@link #findPlain}: {@link #find} must look (it may run Python code). */
  static final int NOT_PLAIN = -2;

  /**
   * Entry index of {@code key} when the key is a small int or a str and the lookup needs no call
   * of any kind (compiled code's {@code d[k]}, {@code k in d}): -1 if absent; {@link #NOT_PLAIN}
   * for another key type, or where a stored key of the same hash is not a str equal to it.
   */
  int findPlain(int d, int key) {
    if ((key & 1) == 0 && !rt.strs.isStr(key)) {
      return NOT_PLAIN;
    }
    return find(d, key, mix(rt.ops.hash(key)), true);
  }

  /** The heap word that holds entry {@code ix}'s value. */
  int valueSlot(int d, int ix) {
    return Runtime.at(w[Runtime.at(d) + ENTRIES]) + 2 * ix + 1;
  }

  /** True when two distinct words are certainly unequal without any call (small ints, strs). */
  private boolean cheapUnequal(int a, int b) {
    if ((a & 1) != 0 && (b & 1) != 0) {
      return true;
    }
    if ((a & 3) == 0 && (b & 3) == 0 && rt.type(a) == Types.STR && rt.type(b) == Types.STR) {
      return !rt.strs.equal(a, b);
    }
    return false;
  }

  /** The value for {@code key}, or NULL. */
  int get(int d, int key) {
    int ix = find(d, key);
    return ix < 0 ? Values.NULL : valueAt(d, ix);
  }

  /** Lookup for name-id keyed dicts (class namespaces): no hashing calls, no Python. */
  int getId(int d, int nameId) {
    int di = Runtime.at(d);
    int index = w[di + INDEX];
    if (index == 0) {
      return Values.NULL;
    }
    int key = Values.small(nameId);
    int ii = Runtime.at(index);
    int ei = Runtime.at(w[di + ENTRIES]);
    int mask = (rt.heap.payloadBytes(index) >> 2) - 1;
    int h = nameId;
    int i = h & mask;
    int perturb = h;
    while (true) {
      int ix = w[ii + i] - 1;
      if (ix < 0) {
        return Values.NULL;
      }
      if (w[ei + 2 * ix] == key) {
        return w[ei + 2 * ix + 1];
      }
      perturb >>>= 5;
      i = (i * 5 + perturb + 1) & mask;
    }
  }

  void put(int d, int key, int value) {
    long hl = rt.ops.hash(key);
    int h = mix(hl);
    int ix = find(d, key, h);
    if (ix >= 0) {
      w[Runtime.at(w[Runtime.at(d) + ENTRIES]) + 2 * ix + 1] = value;
      return;
    }
    insertNew(d, key, value, h);
  }

  void putId(int d, int nameId, int value) {
    put(d, Values.small(nameId), value);
  }

  private void insertNew(int d, int key, int value, int h) {
    int di = Runtime.at(d);
    int used = w[di + USED] >> 1;
    int count = w[di + COUNT] >> 1;
    if (used >= Types.MAX_ELEMENTS) {
      throw rt.tooLong("dict");
    }
    int entries = w[di + ENTRIES];
    int capacity = entries == 0 ? 0 : rt.heap.slotCount(entries) >> 1;
    if (count >= capacity) {
      int mark = rt.keep(d);
      rt.keep(key);
      rt.keep(value);
      resize(d, used + 1);
      rt.release(mark);
      count = w[di + COUNT] >> 1;
      entries = w[di + ENTRIES];
    }
    int e = Runtime.at(entries);
    w[e + 2 * count] = key;
    w[e + 2 * count + 1] = value;
    w[Runtime.at(w[di + HASHES]) + count] = h;
    int index = w[di + INDEX];
    int ii = Runtime.at(index);
    int mask = (rt.heap.payloadBytes(index) >> 2) - 1;
    int i = h & mask;
    int perturb = h;
    while (w[ii + i] != 0) {
      perturb >>>= 5;
      i = (i * 5 + perturb + 1) & mask;
    }
    w[ii + i] = count + 1;
    w[di + COUNT] = Values.small(count + 1);
    w[di + USED] = Values.small(used + 1);
  }

  /** Rebuilds the tables for at least {@code minUsed} live entries, compacting deleted ones. */
  private void resize(int d, int minUsed) {
    int size = 8;
    int target = minUsed * 2;
    while (size < target) {
      size <<= 1;
    }
    int cap = size * 2 / 3;
    int entries = rt.allocSlots(Types.BUFFER, 2 * cap);
    int mark = rt.keep(entries);
    int hashes = rt.allocBytes(Types.BUFFER, 4 * cap);
    rt.keep(hashes);
    int index = rt.allocBytes(Types.BUFFER, 4 * size);
    rt.release(mark);
    int di = Runtime.at(d);
    int oldEntries = w[di + ENTRIES];
    int oldHashes = w[di + HASHES];
    int n = w[di + COUNT] >> 1;
    int j = 0;
    int ne = Runtime.at(entries);
    int nh = Runtime.at(hashes);
    int ii = Runtime.at(index);
    int mask = size - 1;
    for (int ix = 0; ix < n; ix++) {
      int k = w[Runtime.at(oldEntries) + 2 * ix];
      if (k == Values.DUMMY) {
        continue;
      }
      w[ne + 2 * j] = k;
      w[ne + 2 * j + 1] = w[Runtime.at(oldEntries) + 2 * ix + 1];
      int h = w[Runtime.at(oldHashes) + ix];
      w[nh + j] = h;
      int i = h & mask;
      int perturb = h;
      while (w[ii + i] != 0) {
        perturb >>>= 5;
        i = (i * 5 + perturb + 1) & mask;
      }
      w[ii + i] = j + 1;
      j++;
    }
    w[di + ENTRIES] = entries;
    w[di + HASHES] = hashes;
    w[di + INDEX] = index;
    w[di + COUNT] = Values.small(j);
  }

  /** Removes {@code key}; returns its value or NULL if absent. */
  int remove(int d, int key) {
    int ix = find(d, key);
    if (ix < 0) {
      return Values.NULL;
    }
    return removeAt(d, ix);
  }

  int removeAt(int d, int ix) {
    int di = Runtime.at(d);
    int e = Runtime.at(w[di + ENTRIES]);
    int v = w[e + 2 * ix + 1];
    w[e + 2 * ix] = Values.DUMMY;
    w[e + 2 * ix + 1] = Values.NULL;
    w[di + USED] = Values.small((w[di + USED] >> 1) - 1);
    if (w[di + USED] == Values.ZERO) {
      clear(d);
    }
    return v;
  }

  void clear(int d) {
    int di = Runtime.at(d);
    w[di + USED] = Values.ZERO;
    w[di + COUNT] = Values.ZERO;
    w[di + ENTRIES] = Values.NULL;
    w[di + HASHES] = Values.NULL;
    w[di + INDEX] = Values.NULL;
  }

  int copy(int d) {
    int mark = rt.keep(d);
    int r = newDict();
    rt.keep(r);
    update(r, d);
    rt.release(mark);
    return r;
  }

  /** Adds every entry of dict {@code src} to {@code d}. */
  void update(int d, int src) {
    int mark = rt.keep(d);
    rt.keep(src);
    for (int ix = nextEntry(src, 0); ix >= 0; ix = nextEntry(src, ix + 1)) {
      put(d, keyAt(src, ix), valueAt(src, ix));
    }
    rt.release(mark);
  }

  PyRaise keyError(int key) {
    int t = rt.lists.tuple1(key);
    return rt.raiseValue(rt.exceptions.instance(ExceptionTree.KEY_ERROR, t));
  }
}
