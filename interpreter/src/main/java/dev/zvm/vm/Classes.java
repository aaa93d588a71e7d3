package dev.zvm.vm;

import dev.zvm.bytecode.ExceptionTree;

/**
 * Classes, instances, functions, bound methods and modules: the objects that carry attributes.
 *
 * <p>A class is a slots object {@code [name, bases, mro, namespace, layout, flags, type code,
 * tree index, module name]}. The namespace and the layout are dicts keyed by name ids. The MRO is
 * C3 (as CPython's), stored as a tuple that starts with the class itself. Builtin classes (int,
 * list, ...) have an empty namespace: their methods are natives found by name id in
 * {@link Runtime#builtinMethods}. Classes are never collected (they are permanent roots), which
 * lets the inline caches key on a class reference.
 *
 * <p>An instance is {@code [class, attributes]}: attribute {@code x} lives at index
 * {@code layout[x]} of the attributes buffer, and the layout is shared by every instance of the
 * class and only grows. An inline cache keyed by the class therefore finds an instance attribute
 * with one load and no hashing.
 */
final class Classes {
  static final int NAME = 0;
  static final int BASES = 1;
  static final int MRO = 2;
  static final int NS = 3;
  static final int LAYOUT = 4;
  static final int FLAGS = 5;
  static final int TYPE = 6;
  static final int TREE = 7;
  static final int MODULE = 8;
  static final int CLASS_SLOTS = 9;

  /** Class flag: a builtin type (instances are not INSTANCE objects). */
  static final int F_BUILTIN = 1;
  /** Class flag: derives from BaseException. */
  static final int F_EXCEPTION = 2;
  /** Class flag: defines or inherits a Python {@code __getattr__}. */
  static final int F_GETATTR = 4;
  /** Class flag: defines or inherits a Python {@code __setattr__}. */
  static final int F_SETATTR = 8;

  static final int INST_CLASS = 0;
  static final int INST_ATTRS = 1;

  static final int FN_CODE = 0;
  static final int FN_GLOBALS = 1;
  static final int FN_DEFAULTS = 2;
  static final int FN_KWDEFAULTS = 3;
  static final int FN_CLOSURE = 4;
  static final int FN_MODULE = 5;
  static final int FN_SLOTS = 6;

  static final int MOD_NAME = 0;
  static final int MOD_GLOBALS = 1;
  static final int MOD_STATE = 2;
  static final int MOD_INDEX = 3;
  static final int MOD_SLOTS = 4;
  static final int MOD_NEW = 0;
  static final int MOD_LOADING = 1;
  static final int MOD_LOADED = 2;

  /** Size of {@link #lookupCache} in entries, as a power of two. */
  private static final int LOOKUP_CACHE_BITS = 10;
  /** Marks a layout-index key in {@link #lookupCache} (above the 16-bit name ids). */
  private static final int LAYOUT_KEY = 1 << 16;

  private final Runtime rt;
  private final int[] w;
  /**
   * Direct-mapped (class, key, epoch, answer) entries for {@link #lookup} and
   * {@link #layoutIndex}. Every change to a class namespace or layout bumps
   * {@link Runtime#classEpoch}, which empties the cache at once; a class is never collected, so a
   * key is never reused.
   */
  private final int[] lookupCache = new int[4 << LOOKUP_CACHE_BITS];

  Classes(Runtime rt) {
    this.rt = rt;
    this.w = rt.w;
  }

  boolean isClass(int v) {
    return (v & 3) == 0 && v != 0 && rt.type(v) == Types.CLASS;
  }

  boolean isInstance(int v) {
    return (v & 3) == 0 && v != 0 && rt.type(v) == Types.INSTANCE;
  }

  int classFlags(int cls) {
    return w[Runtime.at(cls) + FLAGS] >> 1;
  }

  boolean isBuiltin(int cls) {
    return (classFlags(cls) & F_BUILTIN) != 0;
  }

  boolean isExceptionClass(int cls) {
    return (classFlags(cls) & F_EXCEPTION) != 0;
  }

  /** The builtin type code of a class's instances (INSTANCE for user classes). */
  int typeOf(int cls) {
    return w[Runtime.at(cls) + TYPE] >> 1;
  }

  int treeIndex(int cls) {
    return w[Runtime.at(cls) + TREE] >> 1;
  }

  void setTreeIndex(int cls, int index) {
    w[Runtime.at(cls) + TREE] = Values.small(index);
  }

  String name(int cls) {
    return rt.strs.toJava(w[Runtime.at(cls) + NAME]);
  }

  int nameStr(int cls) {
    return w[Runtime.at(cls) + NAME];
  }

  int mro(int cls) {
    return w[Runtime.at(cls) + MRO];
  }

  // ---- creation ---------------------------------------------------------------------------------

  /** The builtin classes, one per named type code; object first. */
  void createBuiltinClasses() {
    int object = makeClass(rt.strs.permanent("object"), rt.lists.emptyTuple(), Types.OBJECT, F_BUILTIN);
    rt.typeClass[Types.OBJECT] = object;
    for (int t = 1; t < Types.COUNT; t++) {
      if (!Types.hasClass(t) || t == Types.OBJECT || t == Types.BOOL) {
        continue;
      }
      rt.typeClass[t] = makeClass(rt.strs.permanent(Types.name(t)), rt.lists.tuple1(object), t, F_BUILTIN);
    }
    rt.typeClass[Types.BOOL] = makeClass(
        rt.strs.permanent("bool"), rt.lists.tuple1(rt.typeClass[Types.INT]), Types.BOOL, F_BUILTIN);
  }

  private int makeClass(int name, int bases, int typeCode, int flags) {
    int mark = rt.keep(name);
    rt.keep(bases);
    int ns = rt.dicts.newDict();
    rt.keep(ns);
    int c = newClassObject(name, bases, ns, typeCode, flags, Values.NONE);
    rt.release(mark);
    return c;
  }

  private int newClassObject(int name, int bases, int ns, int typeCode, int flags, int module) {
    int mark = rt.keep(name);
    rt.keep(bases);
    rt.keep(ns);
    rt.keep(module);
    int layout = rt.dicts.newDict();
    rt.keep(layout);
    int c = rt.allocSlots(Types.CLASS, CLASS_SLOTS);
    rt.permanent(c);
    int i = Runtime.at(c);
    w[i + NAME] = name;
    w[i + BASES] = bases;
    w[i + NS] = ns;
    w[i + LAYOUT] = layout;
    w[i + FLAGS] = Values.small(flags);
    w[i + TYPE] = Values.small(typeCode);
    w[i + TREE] = Values.small(-1);
    w[i + MODULE] = module;
    w[i + MRO] = rt.lists.emptyTuple();
    rt.release(mark);
    int mro = computeMro(c, bases);
    w[i + MRO] = mro;
    return c;
  }

  /**
   * A user class from a class body: its name, bases and namespace (a dict keyed by name ids).
   * Raises TypeError for an inconsistent MRO or a base that is not a class.
   */
  int newClass(int name, int bases, int ns, int module) {
    int n = rt.lists.tupleLength(bases);
    int flags = 0;
    int typeCode = Types.INSTANCE;
    for (int i = 0; i < n; i++) {
      int b = w[Runtime.at(bases) + i];
      if (!isClass(b)) {
        throw rt.typeError("bases must be classes, not " + rt.typeName(b));
      }
      for (int j = 0; j < i; j++) {
        if (w[Runtime.at(bases) + j] == b) {
          throw rt.typeError("duplicate base class " + name(b));
        }
      }
      flags |= classFlags(b) & (F_EXCEPTION | F_GETATTR | F_SETATTR);
      if (isBuiltin(b) && typeOf(b) != Types.OBJECT) {
        throw rt.typeError("zvm: a class cannot derive from the builtin type '" + name(b) + "'");
      }
    }
    if (n == 0) {
      int mark = rt.keep(name);
      rt.keep(ns);
      rt.keep(module);
      bases = rt.lists.tuple1(rt.typeClass[Types.OBJECT]);
      rt.release(mark);
    }
    if (rt.dicts.getId(ns, rt.names.getattr) != Values.NULL) {
      flags |= F_GETATTR;
    }
    if (rt.dicts.getId(ns, rt.names.setattr) != Values.NULL) {
      flags |= F_SETATTR;
    }
    return newClassObject(name, bases, ns, typeCode, flags, module);
  }

  /** An exception-tree class: named {@code name}, deriving from {@code parent} (0 for the root). */
  int newExceptionClass(String name, int parent) {
    int nameStr = rt.strs.permanent(name);
    int mark = rt.keep(nameStr);
    int bases = rt.lists.tuple1(parent == 0 ? rt.typeClass[Types.OBJECT] : parent);
    rt.keep(bases);
    int ns = rt.dicts.newDict();
    rt.keep(ns);
    int c = newClassObject(nameStr, bases, ns, Types.INSTANCE, F_EXCEPTION, rt.strs.permanent("builtins"));
    rt.release(mark);
    return c;
  }

  /** C3 linearisation: the class, then the merge of its bases' MROs and the bases list. */
  private int computeMro(int cls, int bases) {
    int n = rt.lists.tupleLength(bases);
    java.util.List<java.util.List<Integer>> seqs = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      int b = w[Runtime.at(bases) + i];
      int m = mro(b);
      java.util.List<Integer> l = new java.util.ArrayList<>();
      for (int j = 0; j < rt.lists.tupleLength(m); j++) {
        l.add(w[Runtime.at(m) + j]);
      }
      seqs.add(l);
    }
    java.util.List<Integer> bl = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      bl.add(w[Runtime.at(bases) + i]);
    }
    seqs.add(bl);
    java.util.List<Integer> result = new java.util.ArrayList<>();
    result.add(cls);
    while (true) {
      seqs.removeIf(java.util.List::isEmpty);
      if (seqs.isEmpty()) {
        break;
      }
      Integer candidate = null;
      for (java.util.List<Integer> s : seqs) {
        Integer head = s.get(0);
        boolean inTail = false;
        for (java.util.List<Integer> o : seqs) {
          if (o.indexOf(head) > 0) {
            inTail = true;
            break;
          }
        }
        if (!inTail) {
          candidate = head;
          break;
        }
      }
      if (candidate == null) {
        throw rt.typeError("Cannot create a consistent method resolution order (MRO)");
      }
      result.add(candidate);
      for (java.util.List<Integer> s : seqs) {
        if (!s.isEmpty() && s.get(0).equals(candidate)) {
          s.remove(0);
        }
      }
    }
    int mark = rt.keep(cls);
    int t = rt.lists.newTuple(result.size());
    rt.release(mark);
    for (int i = 0; i < result.size(); i++) {
      w[Runtime.at(t) + i] = result.get(i);
    }
    return t;
  }

  // ---- lookup -----------------------------------------------------------------------------------

  /**
   * The attribute {@code nameId} found along the class's MRO (unbound), or NULL. Answers come
   * from {@link #lookupCache} while the class epoch holds: a polymorphic site (richards calls
   * {@code fn()} on several task classes from one pc) misses its monomorphic inline cache on
   * every call, and this cache turns the MRO walk of dict probes into one hashed compare
   * (InterpreterBenchmark, benchmarks/programs/richards.py).
   */
  int lookup(int cls, int nameId) {
    int k = cacheIndex(cls, nameId);
    int[] lc = lookupCache;
    if (lc[k] == cls && lc[k + 1] == nameId && lc[k + 2] == rt.classEpoch) {
      return lc[k + 3];
    }
    int v = lookupMro(cls, nameId);
    lc[k] = cls;
    lc[k + 1] = nameId;
    lc[k + 2] = rt.classEpoch;
    lc[k + 3] = v;
    return v;
  }

  /**
   * The entry of (cls, key) in {@link #lookupCache}. Name ids are 16-bit, so a layout index query
   * keys on {@code nameId | LAYOUT_KEY} and never meets a lookup of the same name.
   */
  private static int cacheIndex(int cls, int key) {
    return (((cls >>> 3) * 31 + key) * 0x9E37_79B1 >>> (32 - LOOKUP_CACHE_BITS)) << 2;
  }

  private int lookupMro(int cls, int nameId) {
    int mro = mro(cls);
    int n = rt.heap.slotCount(mro);
    int mi = Runtime.at(mro);
    for (int i = 0; i < n; i++) {
      int c = w[mi + i];
      int v = lookupOwn(c, nameId);
      if (v != Values.NULL) {
        return v;
      }
    }
    return Values.NULL;
  }

  /** The attribute defined by the class itself (not its bases), or NULL. */
  int lookupOwn(int c, int nameId) {
    int ci = Runtime.at(c);
    if ((w[ci + FLAGS] & (F_BUILTIN << 1)) != 0) {
      IntMap m = rt.builtinMethods[w[ci + TYPE] >> 1];
      if (m == null) {
        return Values.NULL;
      }
      int v = m.get(nameId);
      return v == IntMap.MISSING ? Values.NULL : v;
    }
    return rt.dicts.getId(w[ci + NS], nameId);
  }

  boolean isSubclass(int cls, int base) {
    if (cls == base) {
      return true;
    }
    int mro = mro(cls);
    int n = rt.heap.slotCount(mro);
    for (int i = 0; i < n; i++) {
      if (w[Runtime.at(mro) + i] == base) {
        return true;
      }
    }
    return false;
  }

  /** isinstance(v, cls) for one class (bool counts as int; every value is an object). */
  boolean isInstanceOf(int v, int cls) {
    return isSubclass(rt.classOf(v), cls);
  }

  /**
   * The special method {@code nameId} of a user-defined class of {@code v} (never of a builtin
   * type: their behaviour is built into the operators), or NULL.
   */
  int special(int v, int nameId) {
    if ((v & 3) != 0 || v == 0 || rt.type(v) != Types.INSTANCE) {
      return Values.NULL;
    }
    int f = lookup(w[Runtime.at(v)], nameId);
    if (f == Values.NULL || Values.isNative(f)) {
      return Values.NULL;
    }
    return f;
  }

  /** Calls {@code v.nameId()} if {@code v}'s user class defines it; NULL otherwise. */
  int callSpecial(int v, int nameId) {
    int f = special(v, nameId);
    if (f == Values.NULL) {
      return Values.NULL;
    }
    return rt.call1(f, v);
  }

  // ---- instances --------------------------------------------------------------------------------

  int newInstance(int cls) {
    int inst = tryNewInstance(cls);
    if (inst == Values.NULL) {
      throw rt.memoryError();
    }
    return inst;
  }

  /**
   * A new instance of {@code cls}, or NULL where the heap cannot hold it even after a collection:
   * raises nothing (for the compiled code's and the fast loop's calls, which leave that case to
   * execute, whose call raises MemoryError).
   */
  int tryNewInstance(int cls) {
    int layoutSize = rt.dicts.size(w[Runtime.at(cls) + LAYOUT]);
    int inst = rt.heap.allocSlots(Types.INSTANCE, 2);
    if (inst == Values.NULL) {
      return inst;
    }
    w[Runtime.at(inst)] = cls;
    if (layoutSize > 0) {
      int mark = rt.keep(inst);
      int attrs = rt.heap.allocSlots(Types.BUFFER, layoutSize);
      rt.release(mark);
      if (attrs == Values.NULL) {
        return attrs;
      }
      w[Runtime.at(inst) + INST_ATTRS] = attrs;
    }
    return inst;
  }

  /** The layout index of {@code nameId} in the class, or -1 (cached as {@link #lookup} is). */
  int layoutIndex(int cls, int nameId) {
    int key = nameId | LAYOUT_KEY;
    int k = cacheIndex(cls, key);
    int[] lc = lookupCache;
    if (lc[k] == cls && lc[k + 1] == key && lc[k + 2] == rt.classEpoch) {
      return lc[k + 3];
    }
    int v = rt.dicts.getId(w[Runtime.at(cls) + LAYOUT], nameId);
    int index = v == Values.NULL ? -1 : v >> 1;
    lc[k] = cls;
    lc[k + 1] = key;
    lc[k + 2] = rt.classEpoch;
    lc[k + 3] = index;
    return index;
  }

  /** The layout index of {@code nameId}, added if new (which invalidates the caches). */
  int layoutIndexOrAdd(int cls, int nameId) {
    int layout = w[Runtime.at(cls) + LAYOUT];
    int v = rt.dicts.getId(layout, nameId);
    if (v != Values.NULL) {
      return v >> 1;
    }
    int index = rt.dicts.size(layout);
    rt.dicts.putId(layout, nameId, Values.small(index));
    rt.classEpoch++;
    return index;
  }

  /** The instance attribute at layout index {@code index}, or NULL if unset. */
  int instanceSlot(int inst, int index) {
    int attrs = w[Runtime.at(inst) + INST_ATTRS];
    if (attrs == 0 || index >= rt.heap.slotCount(attrs)) {
      return Values.NULL;
    }
    return w[Runtime.at(attrs) + index];
  }

  void setInstanceSlot(int inst, int index, int v) {
    int attrs = w[Runtime.at(inst) + INST_ATTRS];
    if (attrs == 0 || index >= rt.heap.slotCount(attrs)) {
      int mark = rt.keep(inst);
      rt.keep(v);
      int cls = w[Runtime.at(inst)];
      int size = Math.max(index + 1, rt.dicts.size(w[Runtime.at(cls) + LAYOUT])) + 2;
      int grown = rt.allocSlots(Types.BUFFER, size);
      rt.release(mark);
      attrs = w[Runtime.at(inst) + INST_ATTRS];
      if (attrs != 0) {
        System.arraycopy(w, Runtime.at(attrs), w, Runtime.at(grown), rt.heap.slotCount(attrs));
      }
      w[Runtime.at(inst) + INST_ATTRS] = grown;
      attrs = grown;
    }
    w[Runtime.at(attrs) + index] = v;
  }

  // ---- functions, methods, modules --------------------------------------------------------------

  int newFunction(int code, int globals, int defaults, int kwDefaults, int closure, int module) {
    int mark = rt.keep(globals);
    rt.keep(defaults);
    rt.keep(kwDefaults);
    rt.keep(closure);
    int f = rt.allocSlots(Types.FUNCTION, FN_SLOTS);
    rt.release(mark);
    int i = Runtime.at(f);
    w[i + FN_CODE] = Values.small(code);
    w[i + FN_GLOBALS] = globals;
    w[i + FN_DEFAULTS] = defaults;
    w[i + FN_KWDEFAULTS] = kwDefaults;
    w[i + FN_CLOSURE] = closure;
    w[i + FN_MODULE] = Values.small(module);
    return f;
  }

  int functionCode(int f) {
    return w[Runtime.at(f) + FN_CODE] >> 1;
  }

  int newMethod(int fn, int self) {
    int mark = rt.keep(fn);
    rt.keep(self);
    int m = rt.allocSlots(Types.METHOD, 2);
    rt.release(mark);
    w[Runtime.at(m)] = fn;
    w[Runtime.at(m) + 1] = self;
    return m;
  }

  int newModule(String name, int globalCount, int index) {
    int n = rt.strs.permanent(name);
    int mark = rt.keep(n);
    int globals = rt.allocSlots(Types.BUFFER, globalCount);
    rt.keep(globals);
    int m = rt.allocSlots(Types.MODULE, MOD_SLOTS);
    rt.release(mark);
    int i = Runtime.at(m);
    w[i + MOD_NAME] = n;
    w[i + MOD_GLOBALS] = globals;
    w[i + MOD_STATE] = Values.small(MOD_NEW);
    w[i + MOD_INDEX] = Values.small(index);
    return m;
  }

  /** A wrapper object (property, staticmethod, classmethod, super) of {@code n} slots. */
  int newWrapper(int type, int a, int b) {
    int mark = rt.keep(a);
    rt.keep(b);
    int o = rt.allocSlots(type, 2);
    rt.release(mark);
    w[Runtime.at(o)] = a;
    w[Runtime.at(o) + 1] = b;
    return o;
  }

  // ---- attribute access -------------------------------------------------------------------------

  /** {@code obj.name}: the full lookup, with binding. Raises AttributeError. */
  int getAttr(int obj, int nameId) {
    int v = findAttr(obj, nameId);
    if (v == Values.NULL) {
      throw attributeError(obj, nameId);
    }
    return v;
  }

  /** {@code obj.name} or NULL if there is no such attribute (for hasattr/getattr with default). */
  int findAttr(int obj, int nameId) {
    int type = rt.typeCode(obj);
    switch (type) {
      case Types.INSTANCE:
        return instanceAttr(obj, nameId);
      case Types.CLASS:
        return classAttr(obj, nameId);
      case Types.MODULE: {
        int index = w[Runtime.at(obj) + MOD_INDEX] >> 1;
        int slot = rt.moduleSlots[index].get(nameId);
        if (slot == IntMap.MISSING) {
          return nameId == rt.names.name ? w[Runtime.at(obj) + MOD_NAME] : Values.NULL;
        }
        return w[Runtime.at(w[Runtime.at(obj) + MOD_GLOBALS]) + slot];
      }
      case Types.SUPER:
        return superAttr(obj, nameId);
      case Types.EXCEPTION:
        if (nameId == rt.names.args) {
          return rt.lists.emptyTuple();
        }
        break;
      case Types.FUNCTION:
        if (nameId == rt.names.name || nameId == rt.names.qualname) {
          return rt.strs.of(rt.codes[functionCode(obj)].name);
        }
        break;
      case Types.NATIVE:
        if (nameId == rt.names.name || nameId == rt.names.qualname) {
          return rt.strs.of(rt.natives.shortName(Values.nativeId(obj)));
        }
        break;
      case Types.METHOD:
        if (nameId == rt.names.name) {
          return findAttr(w[Runtime.at(obj)], nameId);
        }
        if (nameId == rt.names.id("__self__")) {
          return w[Runtime.at(obj) + 1];
        }
        if (nameId == rt.names.id("__func__")) {
          return w[Runtime.at(obj)];
        }
        break;
      case Types.SLICE:
      case Types.RANGE: {
        String n = rt.names.name(nameId);
        int k = n.equals("start") ? 0 : n.equals("stop") ? 1 : n.equals("step") ? 2 : -1;
        if (k >= 0) {
          if (type == Types.SLICE) {
            return w[Runtime.at(obj) + k];
          }
          return rt.ints.box(rt.heap.getLong(obj, 8 * k));
        }
        break;
      }
      default:
        break;
    }
    if (nameId == rt.names.classAttr) {
      return rt.classOf(obj);
    }
    int cls = rt.classOf(obj);
    int v = lookup(cls, nameId);
    if (v == Values.NULL) {
      if (rt.floats.isNumber(obj)) {
        return numberAttr(obj, nameId);
      }
      return Values.NULL;
    }
    return bind(v, obj, cls);
  }

  private int numberAttr(int obj, int nameId) {
    String n = rt.names.name(nameId);
    if (n.equals("real")) {
      return Values.isBool(obj) ? rt.ints.box(rt.ints.value(obj)) : obj;
    }
    if (n.equals("imag")) {
      return rt.floats.isFloat(obj) ? rt.floats.box(0.0) : Values.ZERO;
    }
    if (n.equals("numerator") && rt.ints.isIntOrBool(obj)) {
      return rt.ints.box(rt.ints.value(obj));
    }
    if (n.equals("denominator") && rt.ints.isIntOrBool(obj)) {
      return Values.ONE;
    }
    return Values.NULL;
  }

  /** Binds a class attribute found for {@code obj}: functions become bound methods. */
  int bind(int v, int obj, int cls) {
    if ((v & 3) == 0) {
      switch (rt.type(v)) {
        case Types.FUNCTION:
          return newMethod(v, obj);
        case Types.STATICMETHOD:
          return w[Runtime.at(v)];
        case Types.CLASSMETHOD:
          return newMethod(w[Runtime.at(v)], cls);
        case Types.PROPERTY: {
          int getter = w[Runtime.at(v)];
          if (getter == Values.NONE) {
            throw rt.raise(ExceptionTree.ATTRIBUTE_ERROR, "unreadable attribute");
          }
          return rt.call1(getter, obj);
        }
        default:
          return v;
      }
    }
    if (Values.isNative(v)) {
      return newMethod(v, obj);
    }
    return v;
  }

  private int instanceAttr(int obj, int nameId) {
    int cls = w[Runtime.at(obj)];
    int cv = lookup(cls, nameId);
    if (cv != Values.NULL && (cv & 3) == 0 && rt.type(cv) == Types.PROPERTY) {
      return bind(cv, obj, cls);
    }
    int index = layoutIndex(cls, nameId);
    if (index >= 0) {
      int v = instanceSlot(obj, index);
      if (v != Values.NULL) {
        return v;
      }
    }
    if (cv != Values.NULL) {
      return bind(cv, obj, cls);
    }
    if (nameId == rt.names.classAttr) {
      return cls;
    }
    if (nameId == rt.names.args && isExceptionClass(cls)) {
      return rt.lists.emptyTuple();
    }
    if ((classFlags(cls) & F_GETATTR) != 0) {
      int ga = lookup(cls, rt.names.getattr);
      if (ga != Values.NULL) {
        int name = rt.strs.of(rt.names.name(nameId));
        return rt.call2(ga, obj, name);
      }
    }
    return Values.NULL;
  }

  private int classAttr(int cls, int nameId) {
    int v = lookup(cls, nameId);
    if (v != Values.NULL) {
      if ((v & 3) == 0 && v != 0) {
        int t = rt.type(v);
        if (t == Types.STATICMETHOD) {
          return w[Runtime.at(v)];
        }
        if (t == Types.CLASSMETHOD) {
          return newMethod(w[Runtime.at(v)], cls);
        }
      }
      return v;
    }
    if (nameId == rt.names.name || nameId == rt.names.qualname) {
      return nameStr(cls);
    }
    if (nameId == rt.names.module) {
      int m = w[Runtime.at(cls) + MODULE];
      return m == Values.NONE ? rt.strs.of("builtins") : m;
    }
    if (nameId == rt.names.id("__bases__")) {
      return w[Runtime.at(cls) + BASES];
    }
    if (nameId == rt.names.id("__mro__")) {
      return mro(cls);
    }
    if (nameId == rt.names.classAttr) {
      return rt.typeClass[Types.CLASS];
    }
    return Values.NULL;
  }

  private int superAttr(int sup, int nameId) {
    int start = w[Runtime.at(sup)];
    int self = w[Runtime.at(sup) + 1];
    int cls = isClass(self) ? self : rt.classOf(self);
    int mro = mro(cls);
    int n = rt.heap.slotCount(mro);
    int i = 0;
    while (i < n && w[Runtime.at(mro) + i] != start) {
      i++;
    }
    for (i++; i < n; i++) {
      int v = lookupOwn(w[Runtime.at(mro) + i], nameId);
      if (v != Values.NULL) {
        if (isClass(self)) {
          return (v & 3) == 0 && rt.type(v) == Types.CLASSMETHOD ? newMethod(w[Runtime.at(v)], self) : v;
        }
        return bind(v, self, cls);
      }
    }
    return Values.NULL;
  }

  PyRaise attributeError(int obj, int nameId) {
    String attr = rt.names.name(nameId);
    String msg;
    int t = rt.typeCode(obj);
    if (t == Types.CLASS) {
      msg = "type object '" + name(obj) + "' has no attribute '" + attr + "'";
    } else if (t == Types.MODULE) {
      msg = "module '" + rt.strs.toJava(w[Runtime.at(obj) + MOD_NAME]) + "' has no attribute '" + attr + "'";
    } else {
      msg = "'" + rt.typeName(obj) + "' object has no attribute '" + attr + "'";
    }
    return rt.raise(ExceptionTree.ATTRIBUTE_ERROR, msg);
  }

  /** {@code obj.name = v}. */
  void setAttr(int obj, int nameId, int v) {
    int type = rt.typeCode(obj);
    if (type == Types.INSTANCE) {
      int cls = w[Runtime.at(obj)];
      if ((classFlags(cls) & F_SETATTR) != 0) {
        int sa = lookup(cls, rt.names.setattr);
        if (sa != Values.NULL && !Values.isNative(sa)) {
          int mark = rt.keep(obj);
          rt.keep(v);
          int name = rt.strs.of(rt.names.name(nameId));
          rt.release(mark);
          rt.push(sa);
          rt.push(obj);
          rt.push(name);
          rt.push(v);
          rt.callOnStack(3);
          return;
        }
      }
      int cv = lookup(cls, nameId);
      if (cv != Values.NULL && (cv & 3) == 0 && rt.type(cv) == Types.PROPERTY) {
        int setter = w[Runtime.at(cv) + 1];
        if (setter == Values.NONE || setter == Values.NULL) {
          throw rt.raise(ExceptionTree.ATTRIBUTE_ERROR, "can't set attribute '" + rt.names.name(nameId) + "'");
        }
        rt.call2(setter, obj, v);
        return;
      }
      int index = layoutIndex(cls, nameId); // the cached way, for a name the class has seen
      if (index < 0) {
        index = layoutIndexOrAdd(cls, nameId);
      }
      int mark = rt.keep(obj);
      rt.keep(v);
      setInstanceSlot(obj, index, v);
      rt.release(mark);
      return;
    }
    if (type == Types.CLASS && !isBuiltin(obj)) {
      int ns = w[Runtime.at(obj) + NS];
      rt.dicts.putId(ns, nameId, v);
      rt.classEpoch++;
      if (nameId == rt.names.getattr) {
        w[Runtime.at(obj) + FLAGS] |= F_GETATTR << 1;
      }
      return;
    }
    if (type == Types.MODULE) {
      int index = w[Runtime.at(obj) + MOD_INDEX] >> 1;
      int slot = rt.moduleSlots[index].get(nameId);
      if (slot != IntMap.MISSING) {
        w[Runtime.at(w[Runtime.at(obj) + MOD_GLOBALS]) + slot] = v;
        return;
      }
    }
    if (findAttr(obj, nameId) != Values.NULL) {
      throw rt.raise(ExceptionTree.ATTRIBUTE_ERROR,
          "'" + rt.typeName(obj) + "' object attribute '" + rt.names.name(nameId) + "' is read-only");
    }
    throw rt.raise(ExceptionTree.ATTRIBUTE_ERROR,
        "'" + rt.typeName(obj) + "' object has no attribute '" + rt.names.name(nameId) + "'");
  }

  void delAttr(int obj, int nameId) {
    int type = rt.typeCode(obj);
    if (type == Types.INSTANCE) {
      int index = layoutIndex(w[Runtime.at(obj)], nameId);
      if (index >= 0 && instanceSlot(obj, index) != Values.NULL) {
        setInstanceSlot(obj, index, Values.NULL);
        return;
      }
    } else if (type == Types.CLASS && !isBuiltin(obj)) {
      int ns = w[Runtime.at(obj) + NS];
      if (rt.dicts.remove(ns, Values.small(nameId)) != Values.NULL) {
        rt.classEpoch++;
        return;
      }
    }
    throw attributeError(obj, nameId);
  }
}
