package dev.zvm.vm;

import dev.zvm.bytecode.CodeObject;
import dev.zvm.bytecode.ExceptionTree;

/**
 * Calls: binding arguments to parameters and pushing VM frames, for every callable (functions,
 * bound methods, natives, classes, instances with {@code __call__}), and the special returns of
 * class bodies, {@code __init__} and module bodies. The loop inlines only the commonest case (a
 * plain function called with exactly its positional arguments); everything else comes here.
 *
 * <p>Calling convention: the arguments are on the thread's stack at {@code [argBase, argBase +
 * argc)}, followed by {@code nkw} keyword pairs (name id as a small int, value); the thread's sp
 * is just past them. The result goes to {@code retSlot} (below argBase); slot {@code argBase - 1}
 * may be overwritten (to insert a {@code self}). {@link #call} returns the result, or NULL when it
 * pushed a frame that the loop must now run, or {@link Values#BLOCKED} when a native parked the
 * thread (the call is recorded in the thread; the loop parks it).
 */
final class Calls {
  /** Words kept free above a frame's operand stack, for natives' temporaries. */
  static final int STACK_SLACK = 16;

  private static final int NOT_LOOKED_UP = -2;

  private final Runtime rt;
  private final int[] w;
  /** By type byte: its constructor's native id, -1 for none, NOT_LOOKED_UP before the first call. */
  private final int[] constructors = new int[256];

  Calls(Runtime rt) {
    this.rt = rt;
    this.w = rt.w;
    java.util.Arrays.fill(constructors, NOT_LOOKED_UP);
  }

  int call(PyThread t, int retSlot, int f, int argBase, int argc, int nkw, int kindBits) {
    while (true) {
      if (Values.isNative(f)) {
        int r = rt.natives.call(rt, Values.nativeId(f), argBase, argc, argBase + argc, nkw);
        if (r == Values.BLOCKED) {
          t.blockIn(retSlot, Values.nativeId(f), argBase, argc, nkw);
          return r;
        }
        t.sp = retSlot + 1;
        return r;
      }
      if ((f & 3) != 0 || f == 0) {
        throw notCallable(f);
      }
      switch (rt.type(f)) {
        case Types.FUNCTION:
          pushFunction(t, f, retSlot, argBase, argc, nkw, Frame.NORMAL | kindBits, Values.NULL);
          return Values.NULL;
        case Types.METHOD: {
          int self = w[Runtime.at(f) + 1];
          int fn = w[Runtime.at(f)];
          t.stack[argBase - 1] = self;
          argBase--;
          argc++;
          f = fn;
          if (argBase - 1 < retSlot) {
            shiftUp(t, argBase, argc, nkw);
            argBase++;
          }
          continue;
        }
        case Types.CLASS:
          return instantiate(t, f, retSlot, argBase, argc, nkw, kindBits);
        case Types.INSTANCE: {
          int callf = rt.classes.special(f, rt.names.call);
          if (callf == Values.NULL) {
            throw notCallable(f);
          }
          t.stack[argBase - 1] = f;
          argBase--;
          argc++;
          f = callf;
          if (argBase - 1 < retSlot) {
            shiftUp(t, argBase, argc, nkw);
            argBase++;
          }
          continue;
        }
        case Types.STATICMETHOD:
          f = w[Runtime.at(f)];
          continue;
        default:
          throw notCallable(f);
      }
    }
  }

  /** Moves the arguments up one slot, so that argBase - 1 is free again. */
  private void shiftUp(PyThread t, int argBase, int argc, int nkw) {
    int n = argc + 2 * nkw;
    if (t.sp + 1 >= t.stack.length) {
      throw rt.raise(ExceptionTree.RECURSION_ERROR, "maximum recursion depth exceeded");
    }
    System.arraycopy(t.stack, argBase, t.stack, argBase + 1, n);
    t.sp++;
  }

  PyRaise notCallable(int f) {
    return rt.typeError("'" + rt.typeName(f) + "' object is not callable");
  }

  /** Pushes a frame for Python function {@code f}, binding its arguments. */
  void pushFunction(PyThread t, int f, int retSlot, int argBase, int argc, int nkw, int kind, int extra) {
    CodeInfo c = rt.codes[rt.classes.functionCode(f)];
    int fp = t.fp + Frame.WORDS;
    if (fp + Frame.WORDS > t.frames.length) {
      throw rt.raise(ExceptionTree.RECURSION_ERROR, "maximum recursion depth exceeded");
    }
    if (argBase + Math.max(c.fixedWords, argc) + 2 * nkw + c.maxStack + STACK_SLACK > t.stack.length) {
      throw rt.raise(ExceptionTree.RECURSION_ERROR, "maximum recursion depth exceeded");
    }
    int mark = rt.keep(f);
    rt.keep(extra);
    if (c.simple && nkw == 0 && argc == c.argCount) {
      int[] s = t.stack;
      for (int i = argBase + argc; i < argBase + c.localCount; i++) {
        s[i] = Values.NULL;
      }
    } else {
      bind(t, c, f, argBase, argc, nkw);
    }
    rt.release(mark);
    int[] fr = t.frames;
    fr[fp + Frame.CODE] = c.index;
    fr[fp + Frame.PC] = 0;
    fr[fp + Frame.BASE] = argBase;
    fr[fp + Frame.RET] = retSlot;
    fr[fp + Frame.FUNC] = f;
    fr[fp + Frame.GLOBALS] = w[Runtime.at(f) + Classes.FN_GLOBALS];
    fr[fp + Frame.KIND] = kind;
    fr[fp + Frame.EXTRA] = extra;
    t.fp = fp;
    t.sp = argBase + c.fixedWords;
  }

  /** Pushes a frame for a code object run for its side effects: a class or module body. */
  void pushBody(PyThread t, int code, int retSlot, int func, int globals, int kind, int extra) {
    CodeInfo c = rt.codes[code];
    int fp = t.fp + Frame.WORDS;
    int base = retSlot + 1;
    if (fp + Frame.WORDS > t.frames.length
        || base + c.fixedWords + c.maxStack + STACK_SLACK > t.stack.length) {
      throw rt.raise(ExceptionTree.RECURSION_ERROR, "maximum recursion depth exceeded");
    }
    for (int i = base; i < base + c.localCount; i++) {
      t.stack[i] = Values.NULL;
    }
    t.sp = base + c.localCount;
    int mark = rt.keep(func);
    rt.keep(globals);
    rt.keep(extra);
    makeCells(t, c, base, Values.NULL);
    rt.release(mark);
    int[] fr = t.frames;
    fr[fp + Frame.CODE] = code;
    fr[fp + Frame.PC] = 0;
    fr[fp + Frame.BASE] = base;
    fr[fp + Frame.RET] = retSlot;
    fr[fp + Frame.FUNC] = func;
    fr[fp + Frame.GLOBALS] = globals;
    fr[fp + Frame.KIND] = kind;
    fr[fp + Frame.EXTRA] = extra;
    t.fp = fp;
    t.sp = base + c.fixedWords;
  }

  /** General argument binding (CPython's rules) into the locals starting at {@code base}. */
  private void bind(PyThread t, CodeInfo c, int f, int base, int argc, int nkw) {
    int[] s = t.stack;
    CodeObject co = c.co;
    int nparams = c.argCount;
    int kwOnly = co.kwOnlyCount();
    boolean varargs = (c.flags & CodeObject.FLAG_VARARGS) != 0;
    boolean varkw = (c.flags & CodeObject.FLAG_VARKEYWORDS) != 0;
    int[] localNames = co.localNames();
    int tmp = base + Math.max(c.fixedWords, argc);
    System.arraycopy(s, base + argc, s, tmp, 2 * nkw);
    for (int i = base + argc; i < tmp; i++) {
      s[i] = Values.NULL; // old words, which a collection in this binding (an error's message) reads as roots
    }
    t.sp = tmp + 2 * nkw;
    int varTuple = Values.NULL;
    if (argc > nparams) {
      if (!varargs) {
        throw tooManyPositional(c, f, argc);
      }
      varTuple = rt.lists.tupleFromStack(base + nparams, argc - nparams);
      s[t.sp++] = varTuple;
    } else if (varargs) {
      varTuple = rt.lists.emptyTuple();
    }
    int kwDict = Values.NULL;
    if (varkw) {
      kwDict = rt.dicts.newDict();
      s[t.sp++] = kwDict;
    }
    for (int i = Math.min(argc, nparams); i < c.localCount; i++) {
      s[base + i] = Values.NULL;
    }
    for (int k = 0; k < nkw; k++) {
      int nameId = s[tmp + 2 * k] >> 1;
      int v = s[tmp + 2 * k + 1];
      int idx = -1;
      for (int i = 0; i < nparams + kwOnly; i++) {
        if (localNames[i] == nameId) {
          idx = i;
          break;
        }
      }
      if (idx >= 0) {
        if (s[base + idx] != Values.NULL) {
          throw rt.typeError(c.name + "() got multiple values for argument '" + rt.names.name(nameId) + "'");
        }
        s[base + idx] = v;
      } else if (varkw) {
        int key = rt.strs.of(rt.names.name(nameId));
        rt.dicts.put(kwDict, key, v);
      } else {
        throw rt.typeError(c.name + "() got an unexpected keyword argument '" + rt.names.name(nameId) + "'");
      }
    }
    int defaults = w[Runtime.at(f) + Classes.FN_DEFAULTS];
    int nd = defaultCount(defaults);
    java.util.List<String> missing = null;
    for (int i = 0; i < nparams; i++) {
      if (s[base + i] == Values.NULL) {
        int j = i - (nparams - nd);
        if (j >= 0) {
          s[base + i] = w[Runtime.at(defaults) + j];
        } else {
          if (missing == null) {
            missing = new java.util.ArrayList<>();
          }
          missing.add("'" + rt.names.name(localNames[i]) + "'");
        }
      }
    }
    if (missing != null) {
      throw missingArguments(c, missing, "positional");
    }
    int kwDefaults = w[Runtime.at(f) + Classes.FN_KWDEFAULTS];
    for (int i = nparams; i < nparams + kwOnly; i++) {
      if (s[base + i] == Values.NULL) {
        int v = kwDefaults == Values.NULL || kwDefaults == Values.NONE ? Values.NULL
            : findStrKey(kwDefaults, rt.names.name(localNames[i]));
        if (v == Values.NULL) {
          if (missing == null) {
            missing = new java.util.ArrayList<>();
          }
          missing.add("'" + rt.names.name(localNames[i]) + "'");
        } else {
          s[base + i] = v;
        }
      }
    }
    if (missing != null) {
      throw missingArguments(c, missing, "keyword-only");
    }
    int slot = nparams + kwOnly;
    if (varargs) {
      s[base + slot++] = varTuple;
    }
    if (varkw) {
      s[base + slot] = kwDict;
    }
    t.sp = Math.max(t.sp, base + c.fixedWords);
    makeCells(t, c, base, w[Runtime.at(f) + Classes.FN_CLOSURE]);
  }

  /** Creates the code's cells and copies in its free variables from {@code closure}. */
  private void makeCells(PyThread t, CodeInfo c, int base, int closure) {
    int[] s = t.stack;
    if (t.sp < base + c.fixedWords) {
      for (int i = t.sp; i < base + c.fixedWords; i++) {
        s[i] = Values.NULL;
      }
      t.sp = base + c.fixedWords;
    }
    int[] cellLocals = c.co.cellLocals();
    for (int i = 0; i < c.cellCount; i++) {
      int init = cellLocals[i] >= 0 ? s[base + cellLocals[i]] : Values.NULL;
      int cell = rt.allocSlots(Types.CELL, 1);
      w[Runtime.at(cell)] = init;
      s[base + c.localCount + i] = cell;
    }
    for (int j = 0; j < c.freeCount; j++) {
      s[base + c.localCount + c.cellCount + j] = w[Runtime.at(closure) + j];
    }
  }

  private int findStrKey(int dict, String name) {
    for (int ix = rt.dicts.nextEntry(dict, 0); ix >= 0; ix = rt.dicts.nextEntry(dict, ix + 1)) {
      int k = rt.dicts.keyAt(dict, ix);
      if (rt.strs.isStr(k) && rt.strs.equalsJava(k, name)) {
        return rt.dicts.valueAt(dict, ix);
      }
    }
    return Values.NULL;
  }

  /** How many values the defaults tuple of a function holds ({@code Classes.FN_DEFAULTS}: NULL or None for none). */
  int defaultCount(int defaults) {
    return defaults == Values.NULL || defaults == Values.NONE ? 0 : rt.lists.tupleLength(defaults);
  }

  private PyRaise tooManyPositional(CodeInfo c, int f, int argc) {
    int defaults = w[Runtime.at(f) + Classes.FN_DEFAULTS];
    int nd = defaultCount(defaults);
    int max = c.argCount;
    int min = max - nd;
    String takes = min == max ? Integer.toString(max) : "from " + min + " to " + max;
    return rt.typeError(c.name + "() takes " + takes + " positional argument" + (max == 1 && min == max ? "" : "s")
        + " but " + argc + (argc == 1 ? " was" : " were") + " given");
  }

  private PyRaise missingArguments(CodeInfo c, java.util.List<String> names, String kind) {
    int n = names.size();
    String list;
    if (n == 1) {
      list = names.get(0);
    } else if (n == 2) {
      list = names.get(0) + " and " + names.get(1);
    } else {
      list = String.join(", ", names.subList(0, n - 1)) + ", and " + names.get(n - 1);
    }
    return rt.typeError(c.name + "() missing " + n + " required " + kind + " argument" + (n == 1 ? "" : "s") + ": "
        + list);
  }

  /** The native that makes the instances of {@code cls} when it is a builtin class that has one; else -1. */
  int builtinConstructor(int cls) {
    return rt.classes.isBuiltin(cls) ? constructor(rt.classes.typeOf(cls)) : -1;
  }

  /**
   * The native {@code <type>.__new__} of builtin type {@code type}, or -1: looked up by name once
   * per type (the name is a Java string made for it), then kept.
   */
  private int constructor(int type) {
    int c = constructors[type];
    if (c == NOT_LOOKED_UP) {
      c = rt.natives.id(Types.name(type) + ".__new__");
      constructors[type] = c;
    }
    return c;
  }

  /**
   * The __init__ that {@link #instantiate} would push a frame for when {@code cls} is called: a
   * Python function, of a user class that is not an exception class; else NULL (the compiled code's
   * and the fast loop's calls leave such a call to {@link #call}).
   */
  int plainInit(int cls) {
    Classes classes = rt.classes;
    if (classes.isBuiltin(cls) || classes.isExceptionClass(cls)) {
      return Values.NULL;
    }
    int init = classes.lookup(cls, rt.names.init);
    return init != Values.NULL && (init & 3) == 0 && rt.type(init) == Types.FUNCTION ? init : Values.NULL;
  }

  /** cls(...): builtin constructors, exceptions, user classes with their __init__. */
  private int instantiate(PyThread t, int cls, int retSlot, int argBase, int argc, int nkw, int kindBits) {
    Classes classes = rt.classes;
    if (classes.isBuiltin(cls)) {
      int ctor = builtinConstructor(cls);
      if (ctor < 0) {
        throw rt.typeError("cannot create '" + classes.name(cls) + "' instances");
      }
      int r = rt.natives.call(rt, ctor, argBase, argc, argBase + argc, nkw);
      t.sp = retSlot + 1;
      return r;
    }
    int init = classes.lookup(cls, rt.names.init);
    if (classes.isExceptionClass(cls)) {
      if (rt.exceptions.isBaseInit(init)) {
        if (nkw > 0) {
          throw rt.typeError(classes.name(cls) + "() takes no keyword arguments");
        }
        int tree = classes.treeIndex(cls);
        if (argc == 0 && tree >= 0) {
          t.sp = retSlot + 1;
          return Values.exception(tree);
        }
        int args = rt.lists.tupleFromStack(argBase, argc);
        int r = rt.exceptions.newInstance(cls, args);
        t.sp = retSlot + 1;
        return r;
      }
      int args = rt.lists.tupleFromStack(argBase, argc);
      int mark = rt.keep(args);
      int inst = rt.exceptions.newInstance(cls, args);
      rt.release(mark);
      return runInit(t, cls, inst, init, retSlot, argBase, argc, nkw, kindBits);
    }
    int inst = classes.newInstance(cls);
    return runInit(t, cls, inst, init, retSlot, argBase, argc, nkw, kindBits);
  }

  private int runInit(PyThread t, int cls, int inst, int init, int retSlot, int argBase, int argc, int nkw,
      int kindBits) {
    if (init == Values.NULL || (Values.isNative(init) && !rt.exceptions.isBaseInit(init))) {
      if (argc > 0 || nkw > 0) {
        throw rt.typeError(rt.classes.name(cls) + "() takes no arguments");
      }
      t.sp = retSlot + 1;
      return inst;
    }
    if (rt.exceptions.isBaseInit(init)) {
      t.sp = retSlot + 1;
      return inst;
    }
    t.stack[argBase - 1] = inst;
    int base = argBase - 1;
    if (base - 1 < retSlot) {
      shiftUp(t, base, argc + 1, nkw);
      base++;
    }
    if ((init & 3) == 0 && rt.type(init) == Types.FUNCTION) {
      pushFunction(t, init, retSlot, base, argc + 1, nkw, Frame.INIT | kindBits, inst);
      return Values.NULL;
    }
    int mark = rt.keep(inst);
    int r = call(t, retSlot, init, base, argc + 1, nkw, kindBits);
    if (r == Values.NULL) {
      r = rt.interp.execute(t, t.fp);
    }
    rt.release(mark);
    t.sp = retSlot + 1;
    return inst;
  }

  /**
   * The end of a frame whose kind is not NORMAL: checks __init__'s result, builds a class from
   * its body's namespace, marks a module loaded. Returns the value the caller receives.
   */
  int finishFrame(PyThread t, int fp, int v) {
    int[] fr = t.frames;
    switch (fr[fp + Frame.KIND] & Frame.KIND_MASK) {
      case Frame.INIT:
        if (v != Values.NONE) {
          throw rt.typeError("__init__() should return None, not '" + rt.typeName(v) + "'");
        }
        return fr[fp + Frame.EXTRA];
      case Frame.CLASS_BODY:
        return buildClass(t, fp);
      case Frame.MODULE_BODY: {
        int m = fr[fp + Frame.EXTRA];
        w[Runtime.at(m) + Classes.MOD_STATE] = Values.small(Classes.MOD_LOADED);
        return m;
      }
      default:
        return v;
    }
  }

  private int buildClass(PyThread t, int fp) {
    int[] fr = t.frames;
    CodeInfo c = rt.codes[fr[fp + Frame.CODE]];
    int base = fr[fp + Frame.BASE];
    int ns = rt.dicts.newDict();
    int mark = rt.keep(ns);
    int[] names = c.co.localNames();
    for (int i = 0; i < c.localCount; i++) {
      int v = t.stack[base + i];
      if (v != Values.NULL) {
        rt.dicts.putId(ns, names[i], v);
      }
    }
    for (int i = 0; i < c.cellCount; i++) {
      int slot = c.co.cellLocals()[i];
      if (slot >= 0) {
        int v = w[Runtime.at(t.stack[base + c.localCount + i])];
        if (v != Values.NULL) {
          rt.dicts.putId(ns, names[slot], v);
        }
      }
    }
    int name = rt.strs.of(c.name);
    rt.keep(name);
    int module = w[Runtime.at(rt.modules[c.module]) + Classes.MOD_NAME];
    int cls = rt.classes.newClass(name, fr[fp + Frame.EXTRA], ns, module);
    rt.release(mark);
    rt.exceptions.bindTreeEntry(cls);
    return cls;
  }

  /** import: the module, or NULL after pushing its body's frame (first import). */
  int importModule(PyThread t, int index, int retSlot) {
    int m = rt.modules[index];
    int state = w[Runtime.at(m) + Classes.MOD_STATE] >> 1;
    if (state != Classes.MOD_NEW) {
      return m;
    }
    w[Runtime.at(m) + Classes.MOD_STATE] = Values.small(Classes.MOD_LOADING);
    int body = rt.image.modules().get(index).bodyCode();
    int globals = w[Runtime.at(m) + Classes.MOD_GLOBALS];
    pushBody(t, body, retSlot, m, globals, Frame.MODULE_BODY, m);
    return Values.NULL;
  }

  /** CALL_EX: spreads the args tuple (and the kwargs dict) on the stack, then calls. */
  int callEx(PyThread t, int fslot, boolean hasKw) {
    int[] s = t.stack;
    int f = s[fslot];
    int args = s[fslot + 1];
    int kwargs = hasKw ? s[fslot + 2] : Values.NULL;
    int mark = rt.keep(f);
    rt.keep(args);
    rt.keep(kwargs);
    int seq = rt.iters.toSequence(args);
    rt.keep(seq);
    int n = rt.lists.length(seq);
    int nkw = 0;
    if (kwargs != Values.NULL) {
      if (!rt.dicts.isDict(kwargs)) {
        throw rt.typeError("argument after ** must be a mapping, not " + rt.typeName(kwargs));
      }
      nkw = rt.dicts.size(kwargs);
    }
    if (fslot + 1 + n + 2 * nkw + STACK_SLACK > s.length) {
      throw rt.raise(ExceptionTree.RECURSION_ERROR, "maximum recursion depth exceeded");
    }
    int p = fslot + 1;
    for (int i = 0; i < n; i++) {
      s[p++] = rt.lists.get(seq, i);
    }
    if (kwargs != Values.NULL) {
      for (int ix = rt.dicts.nextEntry(kwargs, 0); ix >= 0; ix = rt.dicts.nextEntry(kwargs, ix + 1)) {
        int k = rt.dicts.keyAt(kwargs, ix);
        if (!rt.strs.isStr(k)) {
          throw rt.typeError("keywords must be strings");
        }
        s[p++] = Values.small(rt.names.id(rt.strs.toJava(k)));
        s[p++] = rt.dicts.valueAt(kwargs, ix);
      }
    }
    t.sp = p;
    rt.release(mark);
    return call(t, fslot, f, fslot + 1, n, nkw, 0);
  }
}
