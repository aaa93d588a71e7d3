package dev.zvm.vm;

/**
 * A Python thread's state outside the loop's locals: its value stack, its frame records, its
 * pending exception and traceback. Everything is preallocated when the thread is made, so calls,
 * returns and raises allocate no Java object, and a thread can be parked at any safe point and
 * resumed later by another {@link Interpreter#execute} call.
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
  int state = RUNNING;

  PyThread(int stackWords, int maxFrames) {
    this.stack = new int[stackWords];
    this.frames = new int[(maxFrames + 1) * Frame.WORDS];
    this.traceback = new int[(maxFrames + 2) * 3];
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
