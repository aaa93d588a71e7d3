package dev.zvm.vm;

import java.util.Arrays;

/**
 * A Java-side map from int to int with open addressing (no boxing): the VM's own tables that never
 * live on the Python heap, e.g. a builtin type's methods by name id. Lookups allocate nothing.
 */
final class IntMap {
  static final int MISSING = Integer.MIN_VALUE;
  private int[] keys;
  private int[] vals;
  private int size;

  IntMap() {
    keys = new int[16];
    vals = new int[16];
    Arrays.fill(keys, -1);
  }

  /** Keys must be 0 or more. */
  void put(int key, int value) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (keys[i] != -1 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (keys[i] == -1) {
      size++;
    }
    keys[i] = key;
    vals[i] = value;
  }

  int get(int key) {
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (true) {
      int k = keys[i];
      if (k == key) {
        return vals[i];
      }
      if (k == -1) {
        return MISSING;
      }
      i = (i + 1) & mask;
    }
  }

  int size() {
    return size;
  }

  /** Calls {@code f} for every (key, value). */
  void forEach(java.util.function.BiConsumer<Integer, Integer> f) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != -1) {
        f.accept(keys[i], vals[i]);
      }
    }
  }

  private static int mix(int k) {
    return k * 0x9E3779B1 >>> 7;
  }

  private void grow() {
    int[] ok = keys;
    int[] ov = vals;
    keys = new int[ok.length * 2];
    vals = new int[ok.length * 2];
    Arrays.fill(keys, -1);
    size = 0;
    for (int i = 0; i < ok.length; i++) {
      if (ok[i] != -1) {
        put(ok[i], ov[i]);
      }
    }
  }
}
