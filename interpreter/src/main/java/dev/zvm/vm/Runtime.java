package dev.zvm.vm;

import dev.zvm.bytecode.CodeObject;
import dev.zvm.bytecode.Constant;
import dev.zvm.bytecode.ExceptionTree;
import dev.zvm.bytecode.Image;
import dev.zvm.gc.Heap;
import dev.zvm.gc.RootSet;
import dev.zvm.gc.RootVisitor;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * One VM's state, shared by the loop, the type helpers and the natives: the heap, the loaded
 * image, the name table, the builtin classes and the exception tree as class objects, the modules
 * and the running thread. It is the root set of its heap. There is one per {@link Vm}; nothing here
 * is static, so VMs in one JVM never meet.
 *
 * <p>GC discipline: every allocation may collect. A reference held only in a Java local across an
 * allocation must be kept alive with {@link #keep} (and released with {@link #release}), or be on
 * the thread's value stack below its sp.
 */
final class Runtime implements RootSet {
  static final int MAX_NATIVE_DEPTH = 48;

  final Heap heap;
  final int[] w;
  final Image image;
  final Names names;
  /**
   * Scratch for {@link Builtins#sort}: the permutation and its merge buffer, grown to the longest
   * list sorted so far (at most 65535 entries each), so a sort allocates no Java memory. Busy while a
   * sort runs, since a key function may sort too.
   */
  int[] sortPerm = new int[16];
  int[] sortTmp = new int[16];
  boolean sortScratchBusy;
  /** The name ids of the strs that getattr, setattr, hasattr and delattr are given. */
  final AttrNames attrNames;
  final CodeInfo[] codes;
  final Natives natives = new Natives();
  final PrintStream out;
  final PrintStream err;
  final Clock clock;
  final long epochNanosAtStart;
  final long clockAtStart;
  final int maxFrames;
  final int stackWords;

  final PyRaise raised = new PyRaise();

  /** Where formatting and repr compose text before it becomes a str (a stack: see the class). */
  final TextBuffer text = new TextBuffer(this);
  final Ints ints;
  final Floats floats;
  final Strs strs;
  final ByteSeqs bytes;
  final Lists lists;
  final Dicts dicts;
  final Sets sets;
  final Classes classes;
  final Exceptions exceptions;
  final Iterators iters;
  final Operators ops;
  final Printer printer;
  final Formatter formatter;
  final Calls calls;
  final Interpreter interp;
  /** The board and the hardware natives' state (print's default stream); the board is set by {@link Vm}. */
  final BoardAccess hw = new BoardAccess(this);

  /** The thread running now. */
  PyThread thread;
  /** The Python threads on VOSAL, the interrupt thread, the software timers; set by {@link Vm} before it runs. */
  Threads threads;
  InterruptThread irq;
  PyTimers timers;

  /** Materialised constant pool: 0 until first used, then a value (a GC root). */
  final int[] pool;
  /** The builtin class of each type code (permanent). */
  final int[] typeClass = new int[Types.COUNT];
  /** The class of each exception-tree entry (permanent). */
  int[] excClass;
  /** Module objects by image index (permanent). */
  final int[] modules;
  /** Per module: name id to global slot. */
  final IntMap[] moduleSlots;
  /** Value of each image native (function immediates or type objects). */
  final int[] imageNatives;
  /** Payload word index of the builtins module's globals: LOAD_BUILTIN reads w[builtinsBase + slot]. */
  int builtinsBase;
  /** Methods of builtin types: per type code, name id to value. */
  final IntMap[] builtinMethods = new IntMap[Types.COUNT];

  /** Bumped whenever a class namespace or instance layout changes; inline caches check it. */
  int classEpoch = 1;

  /** Objects kept alive forever: classes (so inline caches may key on them), interned strings. */
  private int[] permanent = new int[256];
  private int permanentCount;

  /** Java-held temporaries kept alive across allocations. */
  private int[] temps = new int[256];
  int tempTop;

  /** The output buffer: print writes here, flushed at the end of a run or when full. */
  private final byte[] outBuf = new byte[8192];
  private int outLen;

  /** The generator behind Zerynth's random(); seeded, so a run is reproducible. */
  final java.util.SplittableRandom random = new java.util.SplittableRandom(0x5EED);

  /** Opcodes executed by finished or yielded runs. */
  long opcodes;

  Runtime(Image image, dev.zvm.gc.HeapConfig heapConfig, PrintStream out, PrintStream err, Clock clock,
      int maxFrames, int stackWords) {
    this.image = image;
    this.out = out;
    this.err = err;
    this.clock = clock;
    this.clockAtStart = clock.nanoTime();
    this.epochNanosAtStart = System.currentTimeMillis() * 1_000_000L;
    this.maxFrames = maxFrames;
    this.stackWords = stackWords;
    this.heap =
        new Heap(heapConfig);
    this.w = heap.words();
    this.names = new Names(image.names());
    this.attrNames = new AttrNames(this);
    this.codes = new CodeInfo[image.codes().size()];
    for (int i = 0; i < codes.length; i++) {
      CodeObject co = image.codes().get(i);
      String file = co.module() >= 0 && co.module() < image.modules().size()
          ? image.modules().get(co.module()).file() : "?";
      String name = co.kind() == CodeObject.KIND_MODULE ? "<module>" : image.name(co.nameId());
      codes[i] = new CodeInfo(i, co, name, file);
    }
    this.pool = new int[image.constants().size()];
    this.modules = new int[image.modules().size()];
    this.moduleSlots = new IntMap[modules.length];
    this.imageNatives = new int[image.natives().size()];

    ints = new Ints(this);
    floats = new Floats(this);
    strs = new Strs(this);
    bytes = new ByteSeqs(this);
    lists = new Lists(this);
    dicts = new Dicts(this);
    sets = new Sets(this);
    classes = new Classes(this);
    exceptions = new Exceptions(this);
    iters = new Iterators(this);
    ops = new Operators(this);
    printer = new Printer(this);
    formatter = new Formatter(this);
    calls = new Calls(this);
    interp = new Interpreter(this);

    heap.setRootSet(this);
    thread = new PyThread(stackWords, maxFrames);
  }

  /** Builds classes, the exception tree, modules and binds natives. Throws VmLoadException. */
  void load() {
    Builtins.register(this, natives);
    Methods.register(this, natives);
    NativeModules.register(this, natives);
    ThreadNatives.register(natives);
    classes.createBuiltinClasses();
    exceptions.createTree();
    for (int id = 0; id < natives.count(); id++) {
      String n = natives.name(id);
      int dot = n.indexOf('.');
      String owner = n.substring(0, dot);
      for (int t = 1; t < Types.COUNT; t++) {
        if (owner.equals(Types.name(t))) {
          if (builtinMethods[t] == null) {
            builtinMethods[t] = new IntMap();
          }
          builtinMethods[t].put(names.id(n.substring(dot + 1)), Values.nativeFn(id));
        }
      }
    }
    for (int i = 0; i < modules.length; i++) {
      Image.Module m = image.modules().get(i);
      int[] globalNames = m.globalNames();
      IntMap slots = new IntMap();
      for (int s = 0; s < globalNames.length; s++) {
        slots.put(globalNames[s], s);
      }
      moduleSlots[i] = slots;
      modules[i] = classes.newModule(names.name(m.nameId()), globalNames.length, i);
      permanent(modules[i]);
    }
    builtinsBase = (w[(modules[image.builtinsModule()] >> 2) + 2 + Classes.MOD_GLOBALS] >> 2) + 2;
    StringBuilder missing = new StringBuilder();
    for (int i = 0; i < imageNatives.length; i++) {
      int v = natives.bind(image.natives().get(i));
      if (v == Values.NULL) {
        missing.append(missing.length() == 0 ? "" : ", ").append(image.natives().get(i));
      }
      imageNatives[i] = v;
    }
    if (missing.length() > 0) {
      throw new VmLoadException("the image needs natives this VM lacks: " + missing);
    }
  }

  // ---- roots ------------------------------------------------------------------------------------

  @Override
  public void scanRoots(RootVisitor v) {
    for (int x : pool) {
      v.visit(x);
    }
    for (int i = 0; i < permanentCount; i++) {
      v.visit(permanent[i]);
    }
    for (int i = 0; i < tempTop; i++) {
      v.visit(temps[i]);
    }
    for (int x : imageNatives) {
      v.visit(x);
    }
    if (threads != null) {
      threads.scanRoots(v);
      irq.scanRoots(v);
      timers.scanRoots(v);
    } else if (thread != null) {
      thread.scanRoots(v);
    }
  }

  /** Keeps {@code ref} alive for the VM's lifetime. */
  void permanent(int ref) {
    if (permanentCount == permanent.length) {
      permanent = Arrays.copyOf(permanent, permanentCount * 2);
    }
    permanent[permanentCount++] = ref;
  }

  /** Keeps {@code v} alive until {@link #release}; returns the mark to release to. */
  int keep(int v) {
    int mark = tempTop;
    if (tempTop == temps.length) {
      temps = Arrays.copyOf(temps, tempTop * 2);
    }
    temps[tempTop++] = v;
    return mark;
  }

  /** Replaces the temporary at {@code mark} (from {@link #keep}). */
  void setKept(int mark, int v) {
    temps[mark] = v;
  }

  int kept(int mark) {
    return temps[mark];
  }

  void release(int mark) {
    tempTop = mark;
  }

  // ---- allocation -------------------------------------------------------------------------------

  int allocSlots(int type, int n) {
    int r = heap.allocSlots(type, n);
    if (r == 0) {
      throw memoryError();
    }
    return r;
  }

  int allocBytes(int type, int n) {
    int r = heap.allocBytes(type, n);
    if (r == 0) {
      throw memoryError();
    }
    return r;
  }

  /** Payload word index of slot 0 of {@code ref}. */
  static int at(int ref) {
    return (ref >> 2) + 2;
  }

  /** Writes {@code bits} into the 8-byte payload of {@code ref} (a float or a boxed int), low word first. */
  static void storeBits64(int[] w, int ref, long bits) {
    int i = at(ref);
    w[i] = (int) bits;
    w[i + 1] = (int) (bits >>> 32);
  }

  int slot(int ref, int i) {
    return w[(ref >> 2) + 2 + i];
  }

  void setSlot(int ref, int i, int v) {
    w[(ref >> 2) + 2 + i] = v;
  }

  int type(int ref) {
    return w[(ref >> 2) + 1] & 0xFF;
  }

  int flags(int ref) {
    return (w[(ref >> 2) + 1] >>> 8) & 0xFF;
  }

  void setFlags(int ref, int flags) {
    int i = (ref >> 2) + 1;
    w[i] = (w[i] & ~0xFF00) | (flags << 8);
  }

  /** The type code of any value: a heap type byte or the pseudo type of an immediate. */
  int typeCode(int v) {
    if ((v & 1) != 0) {
      return Types.INT;
    }
    if ((v & 3) == 0) {
      return w[(v >> 2) + 1] & 0xFF;
    }
    switch (v & 0xFF) {
      case Values.NONE:
        return Types.NONE;
      case Values.FALSE:
        return Types.BOOL;
      case Values.TAG_EXCEPTION:
        return Types.EXCEPTION;
      case Values.TAG_NATIVE:
        return Types.NATIVE;
      case Values.NOT_IMPLEMENTED:
        return Types.NOT_IMPLEMENTED;
      case Values.ELLIPSIS:
        return Types.ELLIPSIS;
      default:
        throw new IllegalStateException("not a value: 0x" + Integer.toHexString(v));
    }
  }

  /** The class of any value. */
  int classOf(int v) {
    if ((v & 1) != 0) {
      return typeClass[Types.INT];
    }
    if ((v & 3) == 0) {
      int t = w[(v >> 2) + 1] & 0xFF;
      return t == Types.INSTANCE ? w[(v >> 2) + 2] : typeClass[t];
    }
    if (Values.isException(v)) {
      return excClass[Values.exceptionIndex(v)];
    }
    return typeClass[typeCode(v)];
  }

  /** The Python name of the value's type, for messages. */
  String typeName(int v) {
    return classes.name(classOf(v));
  }

  // ---- raising ----------------------------------------------------------------------------------

  /** Raises the exception value {@code exc} (a fresh raise: the traceback starts here). */
  PyRaise raiseValue(int exc) {
    PyThread t = thread;
    t.exc = exc;
    t.tracebackLength = 0;
    return raised;
  }

  /** Raises tree entry {@code index} without a message: a 4-byte immediate, no allocation. */
  PyRaise raise(int index) {
    return raiseValue(Values.exception(index));
  }

  /** Raises tree entry {@code index} with a message; without heap for it, without the message. */
  PyRaise raise(int index, String message) {
    return raiseValue(exceptions.make(index, message));
  }

  PyRaise memoryError() {
    return raise(ExceptionTree.MEMORY_ERROR);
  }

  PyRaise typeError(String message) {
    return raise(ExceptionTree.TYPE_ERROR, message);
  }

  PyRaise valueError(String message) {
    return raise(ExceptionTree.VALUE_ERROR, message);
  }

  PyRaise indexError(String message) {
    return raise(ExceptionTree.INDEX_ERROR, message);
  }

  PyRaise overflowError(String message) {
    return raise(ExceptionTree.OVERFLOW_ERROR, message);
  }

  /** The error for a container that would pass {@link Types#MAX_ELEMENTS}. */
  PyRaise tooLong(String what) {
    return raise(
        ExceptionTree.OVERFLOW_ERROR, what + " too long: at most " + Types.MAX_ELEMENTS + " elements");
  }

  /**
   * The length of a sequence of {@code length} elements repeated {@code times} times (0 for a
   * negative count), or OverflowError when it would be longer than a sequence may be. Divides
   * rather than multiplies, so that no count, however large, wraps around.
   */
  int repeatedLength(int length, long times, String what) {
    if (times <= 0 || length == 0) {
      return 0;
    }
    if (times > Types.MAX_ELEMENTS / length) {
      throw tooLong(what);
    }
    return (int) (length * times);
  }

  // ---- constants --------------------------------------------------------------------------------

  /** The value of pool entry {@code i}, made on first use. */
  int constant(int i) {
    int v = pool[i];
    if (v != 0) {
      return v;
    }
    Constant c = image.constants().get(i);
    if (c instanceof Constant.Int n) {
      v = ints.box(n.value());
    } else if (c instanceof Constant.Float f) {
      v = floats.box(f.value());
    } else if (c instanceof Constant.Str s) {
      v = strs.of(s.value());
    } else if (c instanceof Constant.Bytes b) {
      v = bytes.newBytes(b.value(), 0, b.value().length);
    } else {
      throw new IllegalStateException("constant " + c);
    }
    pool[i] = v;
    return v;
  }

  // ---- output -----------------------------------------------------------------------------------

  void writeOut(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        writeByte(c);
      } else {
        int cp = c;
        if (Character.isHighSurrogate(c) && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          cp = Character.toCodePoint(c, s.charAt(++i));
        }
        writeCodePoint(cp);
      }
    }
  }

  void writeCodePoint(int cp) {
    if (cp < 0x80) {
      writeByte(cp);
    } else if (cp < 0x800) {
      writeByte(0xC0 | (cp >> 6));
      writeByte(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      writeByte(0xE0 | (cp >> 12));
      writeByte(0x80 | ((cp >> 6) & 0x3F));
      writeByte(0x80 | (cp & 0x3F));
    } else {
      writeByte(0xF0 | (cp >> 18));
      writeByte(0x80 | ((cp >> 12) & 0x3F));
      writeByte(0x80 | ((cp >> 6) & 0x3F));
      writeByte(0x80 | (cp & 0x3F));
    }
  }

  void writeByte(int b) {
    if (outLen == outBuf.length) {
      flushOut();
    }
    outBuf[outLen++] = (byte) b;
  }

  void flushOut() {
    if (outLen > 0) {
      out.write(outBuf, 0, outLen);
      outLen = 0;
    }
    out.flush();
  }

  // ---- calling Python from Java -------------------------------------------------------------------

  /**
   * Calls {@code f} with the {@code argc} arguments on top of the thread's stack (pushed by the
   * caller right after {@code f}) and returns the result, running Python code in a nested,
   * non-preemptible run if needed. The caller's pushed words are popped.
   */
  int callOnStack(int argc) {
    PyThread t = thread;
    int fslot = t.sp - argc - 1;
    if (t.nativeDepth >= MAX_NATIVE_DEPTH) {
      throw raise(ExceptionTree.RECURSION_ERROR, "maximum recursion depth exceeded");
    }
    t.nativeDepth++;
    try {
      int r = calls.call(t, fslot, t.stack[fslot], fslot + 1, argc, 0, Frame.NATIVE_ENTRY);
      if (r == Values.NULL) {
        r = interp.execute(t, t.fp);
      }
      t.sp = fslot;
      return r;
    } finally {
      t.nativeDepth--;
    }
  }

  /** Pushes a value on the thread's stack (for {@link #callOnStack}). */
  void push(int v) {
    PyThread t = thread;
    if (t.sp >= t.stack.length - 8) {
      throw raise(ExceptionTree.RECURSION_ERROR, "maximum recursion depth exceeded");
    }
    t.stack[t.sp++] = v;
  }

  int call0(int f) {
    push(f);
    return callOnStack(0);
  }

  int call1(int f, int a) {
    push(f);
    push(a);
    return callOnStack(1);
  }

  int call2(int f, int a, int b) {
    push(f);
    push(a);
    push(b);
    return callOnStack(2);
  }

  /** Elapsed nanoseconds of the VM's clock since the VM was built. */
  long elapsedNanos() {
    return clock.nanoTime() - clockAtStart;
  }
}
