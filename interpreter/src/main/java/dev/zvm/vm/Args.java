package dev.zvm.vm;

/** Reading a native's arguments off the thread's stack: positional, keyword, with checks. */
final class Args {
  private Args() {}

  static int get(Runtime rt, int a, int i) {
    return rt.thread.stack[a + i];
  }

  /** Keyword argument {@code name}, or NULL; TypeError for a keyword not in {@code allowed}. */
  static int kw(Runtime rt, int kw, int nkw, String name) {
    if (nkw == 0) {
      return Values.NULL;
    }
    int id = rt.names.find(name);
    int[] s = rt.thread.stack;
    for (int i = 0; i < nkw; i++) {
      if ((s[kw + 2 * i] >> 1) == id) {
        return s[kw + 2 * i + 1];
      }
    }
    return Values.NULL;
  }

  /**
   * {@link #checkKeywords(Runtime, int, int, String, String...)} for one or two names: without
   * keywords (nearly every call) it returns before any varargs array exists, which C2 did not
   * remove on its own (JFR: a String[] per {@code split()} and per {@code int()}). Callers with
   * more names pass a constant array.
   */
  static void checkKeywords(Runtime rt, int kw, int nkw, String function, String allowed) {
    if (nkw > 0) {
      checkKeywords(rt, kw, nkw, function, new String[] {allowed});
    }
  }

  /** As above, for two names. */
  static void checkKeywords(Runtime rt, int kw, int nkw, String function, String a, String b) {
    if (nkw > 0) {
      checkKeywords(rt, kw, nkw, function, new String[] {a, b});
    }
  }

  /** TypeError unless every keyword is one of {@code allowed}. */
  static void checkKeywords(Runtime rt, int kw, int nkw, String function, String... allowed) {
    int[] s = rt.thread.stack;
    outer:
    for (int i = 0; i < nkw; i++) {
      String n = rt.names.name(s[kw + 2 * i] >> 1);
      for (String a : allowed) {
        if (a.equals(n)) {
          continue outer;
        }
      }
      throw rt.typeError("'" + n + "' is an invalid keyword argument for " + function + "()");
    }
  }

  /** Positional argument {@code i}, or keyword {@code name}, or {@code dflt}. */
  static int posOrKw(Runtime rt, int a, int n, int kw, int nkw, int i, String name, int dflt) {
    if (i < n) {
      return rt.thread.stack[a + i];
    }
    int v = kw(rt, kw, nkw, name);
    return v == Values.NULL ? dflt : v;
  }
}
