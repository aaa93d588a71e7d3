package dev.zvm.vm;

/**
 * A Python thread's state outside the loop's locals: its value stack, its frame records, its
 * pending exception and traceback. Everything is preallocated when the thread is made, so calls,
 * returns and raises allocate no Java object, and a thread can be parked at any safe point and
 * resumed later by another {@link Interpreter#execute} call.
 *
 * <p>Each Python thread runs as one VOSAL thread ({@link #vthread}); {@link Threads} owns the
 * list of them and their bodies. A thread parked in a blocking native keeps that call's
 * arguments on its stack (below sp, so they stay GC roots) and the call in the {@code blocked*}
 * fields: when the wait ends, {@link Interpreter#resume} calls the native again with them.
 *
 * <p>Owned by the VM's carrier: only the thread that runs the VM reads or writes it.
 */
final class PyThread {
  /** Why {@link Interpreter#execute} returned without finishing. */
  static final int RUNNING = 0;
  static final int YIELDED = 1;
  static final int BLOCKED = 2;
  static final int FINISHED = 3;
  static final int RAISED = 4;

  /** Locals, cells and operand stacks of every frame, bottom first. */
  final int[] stack;
  /** Values in use: {@code stack[0 .. sp)}; written back by the loop before any allocation. */
  int sp;
  /** Frame records, {@link Frame#WORDS} words each. */
  final int[] frames;
  /** Offset of the current frame record, or {@code -Frame.WORDS} when there is none. */
  int fp = -Frame.WORDS;

  /** The exception being raised or handled (a GC root); NULL when none. */
  int exc;

  /** Traceback entries (depth, code index, pc), innermost first; see {@link Exceptions}. */
  final int[] traceback;
  int tracebackLength;

  /** Nested runs started from Java (a native calling back into Python) now active. */
  int nativeDepth;
  /** Safe points left before the thread offers to yield. */
  int budget;
  /** Interpreter#fast's opcode-count base, handed over with {@link #sp} and {@link #budget}. */
  int opBase;
  /**
   * The pc past a native call that Interpreter#fast made and that raised, for execute's catch to
   * unwind from (fast's pc is not execute's); -1 otherwise.
   */
  int fastPc = -1;
  int state = RUNNING;

  /** The VM's number for the thread: what thread objects and wait lists hold (a small int). */
  final int id;
  /** The name in tracebacks: "main", "irq", "Thread-N". */
  final String name;
  /** The VOSAL thread that runs it; null until {@link Threads} starts it. */
  dev.zvm.vosal.VThread vthread;
  /** The semaphore the thread parks on in {@link Threads#await}; made on the first wait. */
  dev.zvm.vosal.VSemaphore park;
  /** Set by the thread that hands it a wait list's unit or wakes it (see {@link Threads#grant}). */
  boolean granted;
  /** True while a blocked native is being called again after its wait ended. */
  boolean resuming;
  /** The frame a top-level run returns from (the thread's function, or a callback). */
  int entryFp = -Frame.WORDS;
  /** The function and argument tuple of a thread not started yet (GC roots until it starts). */
  int startFn;
  int startArgs;

  /** The native call a BLOCKED thread waits in: result slot, native id, arguments. */
  int blockedRet;
  int blockedNative;
  int blockedArgBase;
  int blockedArgc;
  int blockedNkw;

  PyThread(int stackWords, int maxFrames) {
    this(0, "main", stackWords, maxFrames);
  }

  PyThread(int id, String name, int stackWords, int maxFrames) {
    this.id = id;
    this.name = name;
    this.stack = new int[stackWords];
    this.frames = new int[(maxFrames + 1) * Frame.WORDS];
    this.traceback = new int[(maxFrames + 2) * 3];
  }

  /**
   * Records that native {@code nativeId}, called with its arguments at {@code argBase}, returned
   * {@link Values#BLOCKED}: the arguments stay on the stack (GC roots) for the call again.
   */
  void blockIn(int retSlot, int nativeId, int argBase, int argc, int nkw) {
    blockedRet = retSlot;
    blockedNative = nativeId;
    blockedArgBase = argBase;
    blockedArgc = argc;
    blockedNkw = nkw;
    sp = argBase + argc + 2 * nkw;
    state = BLOCKED;
  }

  int depth() {
    return fp / Frame.WORDS + 1;
  }

  /** Hands every value this thread holds to the collector. */
  void scanRoots(dev.zvm.gc.RootVisitor v) {
    for (int i = 0; i < sp; i++) {
      v.visit(stack[i]);
    }
    for (int f = 0; f <= fp; f += Frame.WORDS) {
      v.visit(frames[f + Frame.FUNC]);
      v.visit(frames[f + Frame.GLOBALS]);
      v.visit(frames[f + Frame.EXTRA]);
    }
    v.visit(exc);
  }
}
