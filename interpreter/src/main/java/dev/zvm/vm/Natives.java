package dev.zvm.vm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The VM's table of natives: every Java function Python can call, by name and by id. A native
 * function value is the immediate {@code Values.nativeFn(id)}. Names are {@code module.name} for
 * functions reached through {@code @native} ({@code builtins.len}, {@code time.time}) and
 * {@code type.method} for the methods of builtin types ({@code list.append}); a few names bind a
 * value rather than a function ({@code types.int} is the class {@code int}).
 *
 * <p>Built once per VM at load; read-only while running.
 */
final class Natives {
  static final int VARIADIC = Integer.MAX_VALUE;

  private final List<String> names = new ArrayList<>();
  private final Map<String, Integer> ids = new HashMap<>();
  private final Map<String, IntSupplier> values = new HashMap<>();
  private NativeFn[] fns = new NativeFn[64];
  private int[] minArgs = new int[64];
  private int[] maxArgs = new int[64];
  private boolean[] keywords = new boolean[64];

  /** Registers a function taking {@code min..max} positional arguments and no keywords. */
  void add(String name, int min, int max, NativeFn fn) {
    register(name, min, max, false, fn);
  }

  /** Registers a function that also takes keyword arguments (it checks their names itself). */
  void addKw(String name, int min, int max, NativeFn fn) {
    register(name, min, max, true, fn);
  }

  /** Registers a name that binds a value computed at load (a type object, a constant). */
  void addValue(String name, IntSupplier value) {
    values.put(name, value);
  }

  private void register(String name, int min, int max, boolean kw, NativeFn fn) {
    if (ids.containsKey(name)) {
      throw new IllegalStateException("native " + name + " registered twice");
    }
    int id = names.size();
    if (id == fns.length) {
      fns = java.util.Arrays.copyOf(fns, id * 2);
      minArgs = java.util.Arrays.copyOf(minArgs, id * 2);
      maxArgs = java.util.Arrays.copyOf(maxArgs, id * 2);
      keywords = java.util.Arrays.copyOf(keywords, id * 2);
    }
    names.add(name);
    ids.put(name, id);
    fns[id] = fn;
    minArgs[id] = min;
    maxArgs[id] = max;
    keywords[id] = kw;
  }

  /** The id of a native function, or -1. */
  int id(String name) {
    Integer id = ids.get(name);
    return id == null ? -1 : id;
  }

  /** The value bound to {@code name} (a function immediate or a value), or NULL if unknown. */
  int bind(String name) {
    IntSupplier v = values.get(name);
    if (v != null) {
      return v.getAsInt();
    }
    int id = id(name);
    return id < 0 ? Values.NULL : Values.nativeFn(id);
  }

  String name(int id) {
    return names.get(id);
  }

  /** The part after the last dot: what Python calls the function. */
  String shortName(int id) {
    String n = names.get(id);
    return n.substring(n.lastIndexOf('.') + 1);
  }

  int count() {
    return names.size();
  }

  List<String> allNames() {
    return names;
  }

  /**
   * Native {@code id} if it takes {@code n} positional arguments (and no keywords: none are
   * passed), else null: what {@link #call} calls after its checks, for callers that call it
   * themselves.
   */
  NativeFn fnFor(int id, int n) {
    return n < minArgs[id] || n > maxArgs[id] ? null : fns[id];
  }

  /** Calls native {@code id} after checking its argument counts. */
  int call(Runtime rt, int id, int a, int n, int kw, int nkw) {
    if (n < minArgs[id] || n > maxArgs[id]) {
      throw argCountError(rt, id, n);
    }
    if (nkw != 0 && !keywords[id]) {
      throw rt.raise(
          dev.zvm.bytecode.ExceptionTree.TYPE_ERROR, shortName(id) + "() takes no keyword arguments");
    }
    return fns[id].call(rt, a, n, kw, nkw);
  }

  private PyRaise argCountError(Runtime rt, int id, int n) {
    int min = minArgs[id];
    int max = maxArgs[id];
    String want =
        min == max
            ? (min == 0 ? "no arguments" : min == 1 ? "exactly one argument" : "exactly " + min + " arguments")
            : max == VARIADIC ? "at least " + min + " argument" + (min == 1 ? "" : "s")
            : "from " + min + " to " + max + " arguments";
    return rt.raise(
        dev.zvm.bytecode.ExceptionTree.TYPE_ERROR,
        shortName(id) + "() takes " + want + " (" + n + " given)");
  }
}
