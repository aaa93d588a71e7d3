package dev.zvm.vm;

/**
 * set and frozenset: open addressing with CPython's probing (nine linear probes, then the
 * perturbed jump), growth and pop finger, so a set iterates in the order CPython prints it (for
 * ints, floats and tuples, whose hashes are CPython's too). Payload {@code [used, fill, keys,
 * hashes, finger]}: keys is a slots buffer of a power-of-two size (NULL = unused, DUMMY = deleted),
 * hashes a raw buffer of 64-bit hashes; both NULL until the first element.
 */
final class Sets {
  static final int USED = 0;
  static final int FILL = 1;
  static final int KEYS = 2;
  static final int HASHES = 3;
  static final int FINGER = 4;
  static final int SLOTS = 5;
  private static final int MIN_SIZE = 8;
  private static final int LINEAR_PROBES = 9;

  private final Runtime rt;
  private final int[] w;

  Sets(Runtime rt) {
    this.rt = rt;
    this.w = rt.w;
  }

  boolean isSet(int v) {
    if ((v & 3) != 0 || v == 0) {
      return false;
    }
    int t = rt.type(v);
    return t == Types.SET || t == Types.FROZENSET;
  }

  int newSet(int type) {
    int s = rt.allocSlots(type, SLOTS);
    int i = Runtime.at(s);
    w[i + USED] = Values.ZERO;
    w[i + FILL] = Values.ZERO;
    w[i + FINGER] = Values.ZERO;
    return s;
  }

  int size(int s) {
    return w[Runtime.at(s) + USED] >> 1;
  }

  /** Table slots (0 while empty). */
  int tableSize(int s) {
    int keys = w[Runtime.at(s) + KEYS];
    return keys == 0 ? 0 : rt.heap.slotCount(keys);
  }

  /** Key in table slot {@code j}: NULL, DUMMY or a key. */
  int keyAt(int s, int j) {
    return w[Runtime.at(w[Runtime.at(s) + KEYS]) + j];
  }

  long hashAt(int s, int j) {
    return rt.heap.getLong(w[Runtime.at(s) + HASHES], 8 * j);
  }

  /** The first table slot at or after {@code j} holding a key, or -1. */
  int next(int s, int j) {
    int n = tableSize(s);
    for (; j < n; j++) {
      int k = keyAt(s, j);
      if (k != Values.NULL && k != Values.DUMMY) {
        return j;
      }
    }
    return -1;
  }

  boolean add(int s, int key) {
    return addEntry(s, key, rt.ops.hash(key));
  }

  /** Adds {@code key} with its hash; false if it was there already. */
  boolean addEntry(int s, int key, long hash) {
    int si = Runtime.at(s);
    restart:
    while (true) {
      if (w[si + KEYS] == 0) {
        int mark = rt.keep(s);
        rt.keep(key);
        allocTable(s, MIN_SIZE);
        rt.release(mark);
      }
      int keys = w[si + KEYS];
      int hashes = w[si + HASHES];
      int mask = rt.heap.slotCount(keys) - 1;
      int i = (int) (hash & mask);
      int freeslot = -1;
      long perturb = hash;
      int j;
      while (true) {
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        j = i;
        boolean unused = false;
        do {
          int k = w[Runtime.at(keys) + j];
          if (k == Values.NULL) {
            unused = true;
            break;
          }
          long eh = rt.heap.getLong(hashes, 8 * j);
          if (k != Values.DUMMY && eh == hash) {
            if (k == key) {
              return false;
            }
            boolean eq = rt.ops.eq(k, key);
            if (w[si + KEYS] != keys || w[Runtime.at(keys) + j] != k) {
              continue restart;
            }
            if (eq) {
              return false;
            }
          } else if (k == Values.DUMMY && freeslot < 0) {
            freeslot = j;
          }
          j++;
        } while (probes-- > 0);
        if (unused) {
          break;
        }
        perturb >>>= 5;
        i = (int) ((i * 5L + 1 + perturb) & mask);
      }
      int used = (w[si + USED] >> 1) + 1;
      if (used > Types.MAX_ELEMENTS) {
        throw rt.tooLong("set");
      }
      if (freeslot >= 0) {
        w[Runtime.at(keys) + freeslot] = key;
        rt.heap.setLong(hashes, 8 * freeslot, hash);
        w[si + USED] = Values.small(used);
        return true;
      }
      int fill = (w[si + FILL] >> 1) + 1;
      w[Runtime.at(keys) + j] = key;
      rt.heap.setLong(hashes, 8 * j, hash);
      w[si + USED] = Values.small(used);
      w[si + FILL] = Values.small(fill);
      if ((long) fill * 5 >= (long) mask * 3) {
        resize(s, used > 50000 ? used * 2 : used * 4);
      }
      return true;
    }
  }

  private void allocTable(int s, int size) {
    int keys = rt.allocSlots(Types.BUFFER, size);
    int mark = rt.keep(keys);
    int hashes = rt.allocBytes(Types.BUFFER, 8 * size);
    rt.release(mark);
    w[Runtime.at(s) + KEYS] = keys;
    w[Runtime.at(s) + HASHES] = hashes;
  }

  private void resize(int s, int minUsed) {
    int size = MIN_SIZE;
    while (size <= minUsed) {
      size <<= 1;
    }
    int si = Runtime.at(s);
    int oldKeys = w[si + KEYS];
    int oldHashes = w[si + HASHES];
    int mark = rt.keep(oldKeys);
    rt.keep(oldHashes);
    rt.keep(s);
    allocTable(s, size);
    rt.release(mark);
    int keys = w[si + KEYS];
    int hashes = w[si + HASHES];
    int oldSize = oldKeys == 0 ? 0 : rt.heap.slotCount(oldKeys);
    for (int j = 0; j < oldSize; j++) {
      int k = w[Runtime.at(oldKeys) + j];
      if (k != Values.NULL && k != Values.DUMMY) {
        insertClean(keys, hashes, size - 1, k, rt.heap.getLong(oldHashes, 8 * j));
      }
    }
    w[si + FILL] = w[si + USED];
  }

  private void insertClean(int keys, int hashes, int mask, int key, long hash) {
    long perturb = hash;
    int i = (int) (hash & mask);
    int ki = Runtime.at(keys);
    while (true) {
      if (w[ki + i] == Values.NULL) {
        break;
      }
      boolean found = false;
      if (i + LINEAR_PROBES <= mask) {
        for (int j = 0; j < LINEAR_PROBES; j++) {
          i++;
          if (w[ki + i] == Values.NULL) {
            found = true;
            break;
          }
        }
      }
      if (found) {
        break;
      }
      perturb >>>= 5;
      i = (int) ((i * 5L + 1 + perturb) & mask);
    }
    w[ki + i] = key;
    rt.heap.setLong(hashes, 8 * i, hash);
  }

  /** Table slot of {@code key}, or -1. */
  int find(int s, int key, long hash) {
    int si = Runtime.at(s);
    restart:
    while (true) {
      int keys = w[si + KEYS];
      if (keys == 0) {
        return -1;
      }
      int hashes = w[si + HASHES];
      int mask = rt.heap.slotCount(keys) - 1;
      int i = (int) (hash & mask);
      long perturb = hash;
      while (true) {
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        int j = i;
        do {
          int k = w[Runtime.at(keys) + j];
          if (k == Values.NULL) {
            return -1;
          }
          if (k != Values.DUMMY && rt.heap.getLong(hashes, 8 * j) == hash) {
            if (k == key) {
              return j;
            }
            boolean eq = rt.ops.eq(k, key);
            if (w[si + KEYS] != keys || w[Runtime.at(keys) + j] != k) {
              continue restart;
            }
            if (eq) {
              return j;
            }
          }
          j++;
        } while (probes-- > 0);
        perturb >>>= 5;
        i = (int) ((i * 5L + 1 + perturb) & mask);
      }
    }
  }

  boolean contains(int s, int key) {
    return find(s, key, rt.ops.hash(key)) >= 0;
  }

  /** Removes {@code key}; false if absent. */
  boolean discard(int s, int key) {
    return discardEntry(s, key, rt.ops.hash(key));
  }

  boolean discardEntry(int s, int key, long hash) {
    int j = find(s, key, hash);
    if (j < 0) {
      return false;
    }
    int si = Runtime.at(s);
    w[Runtime.at(w[si + KEYS]) + j] = Values.DUMMY;
    rt.heap.setLong(w[si + HASHES], 8 * j, -1);
    w[si + USED] = Values.small((w[si + USED] >> 1) - 1);
    return true;
  }

  /** set.pop(): CPython's finger walk. Caller checks non-empty. */
  int pop(int s) {
    int si = Runtime.at(s);
    int keys = w[si + KEYS];
    int mask = rt.heap.slotCount(keys) - 1;
    int j = (w[si + FINGER] >> 1) & mask;
    while (true) {
      int k = w[Runtime.at(keys) + j];
      if (k != Values.NULL && k != Values.DUMMY) {
        break;
      }
      j = j + 1 > mask ? 0 : j + 1;
    }
    int key = w[Runtime.at(keys) + j];
    w[Runtime.at(keys) + j] = Values.DUMMY;
    rt.heap.setLong(w[si + HASHES], 8 * j, -1);
    w[si + USED] = Values.small((w[si + USED] >> 1) - 1);
    w[si + FINGER] = Values.small(j + 1);
    return key;
  }

  void clear(int s) {
    int si = Runtime.at(s);
    w[si + USED] = Values.ZERO;
    w[si + FILL] = Values.ZERO;
    w[si + KEYS] = Values.NULL;
    w[si + HASHES] = Values.NULL;
    w[si + FINGER] = Values.ZERO;
  }

  /** Adds every element of set {@code other} to {@code s} (CPython's set_merge). */
  void merge(int s, int other) {
    if (s == other || size(other) == 0) {
      return;
    }
    int mark = rt.keep(s);
    rt.keep(other);
    int si = Runtime.at(s);
    int fill = w[si + FILL] >> 1;
    int mask = tableSize(s) - 1;
    if (tableSize(s) == 0 || (long) (fill + size(other)) * 5 >= (long) mask * 3) {
      resize(s, (size(s) + size(other)) * 2);
    }
    int n = tableSize(other);
    if ((w[si + FILL] >> 1) == 0) {
      int keys = w[si + KEYS];
      int hashes = w[si + HASHES];
      int m = tableSize(s) - 1;
      for (int j = 0; j < n; j++) {
        int k = keyAt(other, j);
        if (k != Values.NULL && k != Values.DUMMY) {
          insertClean(keys, hashes, m, k, hashAt(other, j));
        }
      }
      w[si + FILL] = Values.small(size(other));
      w[si + USED] = Values.small(size(other));
    } else {
      for (int j = 0; j < n; j++) {
        int k = keyAt(other, j);
        if (k != Values.NULL && k != Values.DUMMY) {
          addEntry(s, k, hashAt(other, j));
        }
      }
    }
    rt.release(mark);
  }

  int copy(int s, int type) {
    int mark = rt.keep(s);
    int r = newSet(type);
    rt.keep(r);
    merge(r, s);
    rt.release(mark);
    return r;
  }

  /** CPython's frozenset hash. */
  long frozenHash(int s) {
    long hash = 0;
    int n = tableSize(s);
    for (int j = 0; j < n; j++) {
      int k = keyAt(s, j);
      if (k != Values.NULL && k != Values.DUMMY) {
        hash ^= shuffle(hashAt(s, j));
      }
    }
    hash ^= ((long) size(s) + 1) * 1927868237L;
    hash ^= (hash >>> 11) ^ (hash >>> 25);
    hash = hash * 69069L + 907133923L;
    if (hash == -1) {
      hash = 590923713L;
    }
    return hash;
  }

  private static long shuffle(long h) {
    return ((h ^ 89869747L) ^ (h << 16)) * 3644798167L;
  }
}
