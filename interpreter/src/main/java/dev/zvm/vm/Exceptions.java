package dev.zvm.vm;

import dev.zvm.bytecode.ExceptionTree;
import dev.zvm.bytecode.Image;

/**
 * Exception values and tracebacks. The image's exception tree becomes classes at load (so
 * {@code class MyError(ValueError)} and {@code except ValueError} are ordinary class machinery).
 * An exception raised without arguments is a 4-byte immediate holding its tree index, as in
 * Zerynth, and costs no heap; one with arguments is an instance whose {@code args} attribute holds
 * them.
 *
 * <p>Tracebacks are computed while the loop unwinds: each frame the exception leaves adds
 * (depth, code, pc) to the thread's traceback; a new raise clears it, a re-raise keeps it.
 */
final class Exceptions {
  private final Runtime rt;
  private final int[] w;
  private int initNative;

  Exceptions(Runtime rt) {
    this.rt = rt;
    this.w = rt.w;
  }

  void createTree() {
    java.util.List<Image.ExceptionClass> tree = rt.image.exceptions();
    rt.excClass = new int[tree.size()];
    initNative = rt.natives.id("BaseException.__init__");
    for (int i = 0; i < tree.size(); i++) {
      Image.ExceptionClass e = tree.get(i);
      String name = i < ExceptionTree.BUILTIN_COUNT ? ExceptionTree.BUILTINS.get(i).name() : rt.image.name(e.nameId());
      int parent = i == 0 || e.parent() == i ? 0 : rt.excClass[e.parent()];
      int c = rt.classes.newExceptionClass(name, parent);
      rt.classes.setTreeIndex(c, i);
      rt.excClass[i] = c;
    }
    int base = rt.excClass[0];
    rt.dicts.putId(rt.w[Runtime.at(base) + Classes.NS], rt.names.init, Values.nativeFn(initNative));
  }

  /** True if {@code v} is the BaseException.__init__ native. */
  boolean isBaseInit(int v) {
    return v == Values.nativeFn(initNative);
  }

  boolean isException(int v) {
    if (Values.isException(v)) {
      return true;
    }
    return rt.classes.isInstance(v) && rt.classes.isExceptionClass(rt.w[Runtime.at(v)]);
  }

  /** An instance of tree entry {@code index} with the arguments tuple {@code args}. */
  int instance(int index, int args) {
    return newInstance(rt.excClass[index], args);
  }

  int newInstance(int cls, int args) {
    int mark = rt.keep(args);
    int inst = rt.classes.newInstance(cls);
    rt.keep(inst);
    setArgs(inst, args);
    rt.release(mark);
    return inst;
  }

  void setArgs(int inst, int args) {
    int cls = rt.w[Runtime.at(inst)];
    int index = rt.classes.layoutIndex(cls, rt.names.args); // cached: every raise of the class after the first
    if (index < 0) {
      index = rt.classes.layoutIndexOrAdd(cls, rt.names.args);
    }
    rt.classes.setInstanceSlot(inst, index, args);
  }

  /** The args tuple of an exception value. */
  int args(int exc) {
    if (Values.isException(exc)) {
      return rt.lists.emptyTuple();
    }
    int cls = rt.w[Runtime.at(exc)];
    int index = rt.classes.layoutIndex(cls, rt.names.args);
    int v = index < 0 ? Values.NULL : rt.classes.instanceSlot(exc, index);
    return v == Values.NULL ? rt.lists.emptyTuple() : v;
  }

  /**
   * Tree entry {@code index} with a message; when the heap cannot hold the message, the
   * immediate without it (raising must not fail for lack of memory).
   */
  int make(int index, String message) {
    try {
      int str = rt.strs.of(message);
      int mark = rt.keep(str);
      int args = rt.lists.tuple1(str);
      rt.keep(args);
      int inst = instance(index, args);
      rt.release(mark);
      return inst;
    } catch (PyRaise oom) {
      return Values.exception(index);
    }
  }

  /** The class of an exception value. */
  int classOf(int exc) {
    return rt.classOf(exc);
  }

  /** Does exception {@code exc} match {@code spec} (a class or a tuple of classes)? */
  boolean matches(int exc, int spec) {
    int cls = rt.classOf(exc);
    if (rt.lists.isTuple(spec)) {
      int n = rt.lists.tupleLength(spec);
      for (int i = 0; i < n; i++) {
        if (matches(exc, rt.w[Runtime.at(spec) + i])) {
          return true;
        }
      }
      return false;
    }
    if (!rt.classes.isClass(spec) || !rt.classes.isExceptionClass(spec)) {
      throw rt.typeError("catching classes that do not inherit from BaseException is not allowed");
    }
    return rt.classes.isSubclass(cls, spec);
  }

  /**
   * Turns the operand of RAISE into an exception value: an exception instance stays; an
   * exception class is instantiated without arguments (an immediate when it is in the tree and
   * has no Python __init__). Returns NULL when the class needs a Python __init__ call (the caller
   * then calls it).
   */
  int toException(int v) {
    if (isException(v)) {
      return v;
    }
    if (rt.classes.isClass(v) && rt.classes.isExceptionClass(v)) {
      int init = rt.classes.lookup(v, rt.names.init);
      int tree = rt.classes.treeIndex(v);
      if (isBaseInit(init) && tree >= 0) {
        return Values.exception(tree);
      }
      if (isBaseInit(init)) {
        return newInstance(v, rt.lists.emptyTuple());
      }
      return rt.call0(v);
    }
    throw rt.typeError("exceptions must derive from BaseException");
  }

  /** The text of str(exc). */
  String message(int exc) {
    int args = args(exc);
    int n = rt.lists.tupleLength(args);
    if (n == 0) {
      int tree = rt.classes.treeIndex(rt.classOf(exc));
      String dflt = tree >= 0 ? rt.image.exceptions().get(tree).defaultMessage() : null;
      return dflt == null ? "" : dflt;
    }
    if (!Values.isException(exc)) {
      int f = rt.classes.special(exc, rt.names.str);
      if (f != Values.NULL) {
        return rt.strs.toJava(rt.printer.str(exc));
      }
    }
    if (n == 1) {
      int a = w[Runtime.at(args)];
      if (rt.classes.isSubclass(rt.classOf(exc), rt.excClass[ExceptionTree.KEY_ERROR])) {
        return rt.strs.toJava(rt.printer.repr(a));
      }
      return rt.strs.toJava(rt.printer.str(a));
    }
    return rt.strs.toJava(rt.printer.repr(args));
  }

  /** The exception's type name as a traceback's last line shows it. */
  String qualifiedName(int exc) {
    int cls = rt.classOf(exc);
    String name = rt.classes.name(cls);
    int m = w[Runtime.at(cls) + Classes.MODULE];
    if (m != Values.NONE && rt.strs.isStr(m)) {
      String mod = rt.strs.toJava(m);
      if (!mod.equals("__main__") && !mod.equals("builtins")) {
        return mod + "." + name;
      }
    }
    return name;
  }

  // ---- tracebacks -------------------------------------------------------------------------------

  /** Adds the frame at {@code fp}, stopped at {@code pc}, unless this frame is already the last entry. */
  void record(PyThread t, int fp, int pc) {
    int depth = fp / Frame.WORDS;
    int n = t.tracebackLength;
    if (n > 0 && t.traceback[3 * (n - 1)] == depth) {
      return;
    }
    if (3 * (n + 1) > t.traceback.length) {
      return;
    }
    t.traceback[3 * n] = depth;
    t.traceback[3 * n + 1] = t.frames[fp + Frame.CODE];
    t.traceback[3 * n + 2] = pc;
    t.tracebackLength = n + 1;
  }

  /** CPython's text: the entries outermost first, repeated lines folded, then the exception. */
  String formatTraceback(PyThread t, int exc) {
    StringBuilder sb = new StringBuilder("Traceback (most recent call last):\n");
    String last = null;
    int repeats = 0;
    for (int i = t.tracebackLength - 1; i >= 0; i--) {
      CodeInfo c = rt.codes[t.traceback[3 * i + 1]];
      int pc = t.traceback[3 * i + 2];
      String line = "  File \"" + c.file + "\", line " + c.lineAt(pc) + ", in " + c.name + "\n";
      if (line.equals(last)) {
        repeats++;
        if (repeats < 3) {
          sb.append(line);
        }
        continue;
      }
      appendRepeats(sb, repeats);
      repeats = 0;
      last = line;
      sb.append(line);
    }
    appendRepeats(sb, repeats);
    sb.append(describe(exc)).append('\n');
    return sb.toString();
  }

  private static void appendRepeats(StringBuilder sb, int repeats) {
    if (repeats >= 3) {
      int more = repeats - 2;
      sb.append("  [Previous line repeated ").append(more).append(" more time").append(more == 1 ? "" : "s")
          .append("]\n");
    }
  }

  /** {@code Name: message}, or {@code Name} without a message. */
  String describe(int exc) {
    String name = qualifiedName(exc);
    String msg;
    try {
      msg = message(exc);
    } catch (PyRaise e) {
      msg = "<exception str() failed>";
    }
    return msg.isEmpty() ? name : name + ": " + msg;
  }

  /**
   * A user class deriving from an exception takes the tree entry the compiler made for it (same
   * name, parent among its bases), so the tree and the class agree.
   */
  void bindTreeEntry(int cls) {
    if (!rt.classes.isExceptionClass(cls)) {
      return;
    }
    java.util.List<Image.ExceptionClass> tree = rt.image.exceptions();
    String name = rt.classes.name(cls);
    int bases = w[Runtime.at(cls) + Classes.BASES];
    for (int i = ExceptionTree.BUILTIN_COUNT; i < tree.size(); i++) {
      Image.ExceptionClass e = tree.get(i);
      if (!rt.image.name(e.nameId()).equals(name)) {
        continue;
      }
      int parent = rt.excClass[e.parent()];
      boolean parentIsBase = false;
      for (int b = 0; b < rt.lists.tupleLength(bases); b++) {
        parentIsBase |= w[Runtime.at(bases) + b] == parent;
      }
      if (parentIsBase && rt.classes.treeIndex(rt.excClass[i]) == i
          && rt.classes.lookupOwn(rt.excClass[i], rt.names.init) == Values.NULL) {
        rt.excClass[i] = cls;
        rt.classes.setTreeIndex(cls, i);
        return;
      }
    }
  }
}
