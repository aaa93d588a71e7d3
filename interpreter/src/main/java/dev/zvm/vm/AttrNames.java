package dev.zvm.vm;

/**
 * The name id of a str given to {@code getattr}, {@code setattr}, {@code hasattr} or
 * {@code delattr}, without making a Java string each time. The compiler accepts only literal names,
 * so the same str object comes back call after call: a direct-mapped cache keyed by its reference
 * answers. An entry holds only while no collection has run since it was filled: a str's address
 * can name another str only after a collection has freed the first, so within one collection
 * cycle the reference alone identifies the text (and a literal's entry is filled again after each
 * collection, once). Only a miss goes through {@link Names#id} (a Java string and a hash map). A
 * hit allocates nothing; the attributes benchmark calls these three in its loop, and
 * {@code AttrNamesTest} runs them with a collection at every allocation.
 */
final class AttrNames {
  /** Entries; a power of two. A program passes few names to these at once. */
  private static final int SIZE = 64;

  private final Runtime rt;
  private final int[] refs = new int[SIZE];
  private final int[] ids = new int[SIZE];
  /** The heap's collection count when each entry was filled. */
  private final long[] cycles = new long[SIZE];

  AttrNames(Runtime rt) {
    this.rt = rt;
  }

  /** The name id of str {@code name}, added to the name table if nobody used it before. */
  int id(int name) {
    int slot = (name >>> 3) & (SIZE - 1);
    long cycle = rt.heap.collections();
    if (refs[slot] == name && cycles[slot] == cycle) {
      return ids[slot];
    }
    int id = rt.names.id(rt.strs.toJava(name));
    refs[slot] = name;
    ids[slot] = id;
    cycles[slot] = cycle;
    return id;
  }
}
