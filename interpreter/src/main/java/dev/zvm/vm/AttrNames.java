package dev.zvm.vm;

/**
 * The name id of a str given to {@code getattr}, {@code setattr}, {@code hasattr} or
 * {@code delattr}, without making a Java string each time. The compiler accepts only literal names,
 * so the same str object comes back call after call: a direct-mapped cache keyed by its reference
 * answers. A hit is still checked against the name's text (a few compares), so the cache stays right
 * for any str, even one freed and replaced by another at the same address. Only a miss goes through
 * {@link Names#id} (a Java string and a hash map). A hit allocates nothing; the attributes benchmark
 * calls these three in its loop, and {@code AttrNamesTest} runs them with a collection at every
 * allocation.
 */
final class AttrNames {
  /** Entries; a power of two. A program passes few names to these at once. */
  private static final int SIZE = 64;

  private final Runtime rt;
  private final int[] refs = new int[SIZE];
  private final int[] ids = new int[SIZE];
  private final String[] texts = new String[SIZE];

  AttrNames(Runtime rt) {
    this.rt = rt;
  }

  /** The name id of str {@code name}, added to the name table if nobody used it before. */
  int id(int name) {
    int slot = (name >>> 3) & (SIZE - 1);
    if (refs[slot] == name && rt.strs.equalsJava(name, texts[slot])) {
      return ids[slot];
    }
    String text = rt.strs.toJava(name);
    int id = rt.names.id(text);
    refs[slot] = name;
    ids[slot] = id;
    texts[slot] = text;
    return id;
  }
}
