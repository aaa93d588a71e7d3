package dev.zvm.vm;

/**
 * One code object's compiled code: a JVM method that {@link Jit} wrote for it, with the contract of
 * {@link Interpreter}'s fast loop (Interpreter#fast). {@link #run} starts at {@code pc} (or, when
 * it is negative, at the current frame's own pc), runs the instructions it has fast paths for,
 * and returns the pc of the first one it cannot finish, not executed, for execute to run in full;
 * or -1 when it has pushed or popped a frame, or -2 when a native it called parked the thread.
 * A call or a return into a frame of the same code object (recursion) does not return: the method
 * goes on with that frame from its prologue; when it then stops at a pc, that pc is one of another
 * frame than the one it was given, and it returns {@code -3 - pc} to say so.
 * The thread's {@code sp}, {@code budget} and {@code opBase} go in and out through
 * {@link PyThread}, and the value stack in memory is exact at every instruction boundary, so
 * execute and compiled code can hand the thread to each other at any of them.
 */
abstract class Compiled {
  /** The code object compiled. */
  final CodeInfo ci;
  /** Its materialised constants (CodeInfo#constValue). */
  final int[] consts;
  /** The operand stack depth before each instruction (-1 where no instruction starts or none is reached). */
  final int[] depth;
  /** The instruction ordinals that count opcodes (CodeInfo#ordinal). */
  final int[] ord;

  Compiled(CodeInfo ci, int[] depth) {
    this.ci = ci;
    this.consts = ci.constValue;
    this.depth = depth;
    this.ord = ci.ordinal;
  }

  /** Runs the thread's current frame, which runs this code, from {@code pc}; see the class comment. */
  abstract int run(Interpreter in, PyThread t, int entryFp, int pc);
}
