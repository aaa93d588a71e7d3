package dev.zvm.vm;

import dev.zvm.bytecode.CodeObject;
import dev.zvm.bytecode.Opcodes;

/**
 * What the VM keeps per code object: the image's read-only code ("flash") and this VM's mutable
 * per-code state, the materialised constants and the inline caches. Two VMs loading one image
 * share the {@link CodeObject}s and nothing else.
 *
 * <p>The inline cache has {@link #IC_WORDS} words per code byte, used at the pc of each
 * {@code LOAD_ATTR}, {@code STORE_ATTR} and {@code LOAD_METHOD}, and the words of their two operand
 * bytes: 12 words, four entries of (class, epoch, value), for sites that see several classes
 * (Interpreter#fillPolymorphic). Classes are never collected, so a key is never reused; a hit also
 * needs the runtime's class epoch unchanged since the entry was filled. The value is an instance
 * slot index, or at {@code LOAD_METHOD} the function. A {@code CALL} that compiled code makes of a
 * known class keeps one entry at its pc: the class and its {@code __init__} (Interpreter#callInit).
 */
final class CodeInfo {
  static final int IC_WORDS = 4;

  final int index;
  final CodeObject co;
  final byte[] code;
  /** {@link #code} with fused pairs, read by the fast loop only (Superinstructions). */
  final byte[] quick;
  /** Per pc of an arithmetic instruction, which operands are temporaries (Superinstructions#freshOperands). */
  final byte[] freshOperands;
  final int kind;
  final int flags;
  final int argCount;
  final int localCount;
  final int cellCount;
  final int freeCount;
  /** Locals, cells and free variables: the frame's fixed part. */
  final int fixedWords;
  final int maxStack;
  /** Image pool index of each of this code's constants. */
  final int[] constIndex;
  /** Materialised constant values (0 until first used); the pool in the runtime roots them. */
  final int[] constValue;
  /** Handlers flattened: (startPc, endPc, handlerPc, depth) each, innermost first. */
  final int[] handlers;
  /** No *args, **kwargs, keyword-only parameters, cells or free variables. */
  final boolean simple;
  /** {@link #argCount} if the code is {@link #simple}, else -1: the argument count of a call that binds by position alone. */
  final int plainArgs;
  /**
   * Whether {@code *args} is all that keeps the code from {@link #simple}: its positional parameters,
   * then the tuple of the rest in local {@link #argCount} (Interpreter#callVarargs).
   */
  final boolean varargsOnly;
  /** The value stack a frame of this code needs above its base: Interpreter#call's bound. */
  final int frameWords;
  final int[] ic;
  /**
   * The ordinal of the instruction that covers each code byte, plus one entry past the end (the
   * instruction count). The loop counts the opcodes it executes from these, at taken jumps and
   * frame changes only, instead of one increment per opcode: the executed count since the last
   * flush is {@code base + ordinal[pc]}, and a jump from {@code next} to {@code target} adds
   * {@code ordinal[next] - ordinal[target]} to {@code base} (Interpreter#execute).
   */
  final int[] ordinal;
  final String name;
  final String file;
  final int module;
  /** This code compiled by the baseline compiler (Jit), or null; published by its compiler thread. */
  volatile Compiled compiled;
  /** Entries into the fast loop so far, until it is compiled (Interpreter#enterFast). */
  int entries;
  /**
   * Per pc of a {@code CALL} or {@code CALL_METHOD}, what the fast loop has seen it call until the
   * code was compiled (Interpreter#seen; kept only where there is a compiler): in the low bits {@link #CALLED_NATIVE} and
   * {@link #CALLED_OTHER} (a Python function, a bound method, a class), or both, or neither; above
   * {@link #CODE_SHIFT}, one more than the code object of the one Python function it has called,
   * {@link #SEVERAL_CODES} when it has called others too, 0 when none. That function is the
   * callee itself, or the {@code __init__} of the classes it called when {@link #CALLED_CLASS} is
   * set (a user class with a Python {@code __init__}); a site that called both kinds has called
   * several. The baseline compiler leaves out a call site's native path where no native was seen,
   * and its direct call where nothing else was; where one function was seen, it checks for that
   * function's code and calls it with what it knows of it ({@link #knownCallee}, Jit). All only
   * make a call faster: the general call behind them still takes any callee.
   */
  final int[] callees;
  static final int CALLED_NATIVE = 1;
  static final int CALLED_OTHER = 2;
  static final int CALLED_MASK = 3;
  static final int CALLED_CLASS = 4;
  static final int CODE_SHIFT = 3;
  static final int SEVERAL_CODES = -1 >>> CODE_SHIFT;

  CodeInfo(int index, CodeObject co, String name, String file) {
    this.index = index;
    this.co = co;
    this.code = co.code();
    this.quick = Superinstructions.quicken(code);
    this.kind = co.kind();
    this.flags = co.flags();
    this.argCount = co.argCount();
    this.localCount = co.localCount();
    this.cellCount = co.cellCount();
    this.freeCount = co.freeCount();
    this.fixedWords = localCount + cellCount + freeCount;
    this.maxStack = co.maxStack();
    this.constIndex = co.constants();
    this.constValue = new int[constIndex.length];
    CodeObject.Handler[] hs = co.handlers();
    this.handlers = new int[hs.length * 4];
    for (int i = 0; i < hs.length; i++) {
      handlers[4 * i] = hs[i].startPc();
      handlers[4 * i + 1] = hs[i].endPc();
      handlers[4 * i + 2] = hs[i].handlerPc();
      handlers[4 * i + 3] = hs[i].depth();
    }
    this.freshOperands = Superinstructions.freshOperands(code, handlers);
    boolean plainLocals = co.kwOnlyCount() == 0 && cellCount == 0 && freeCount == 0;
    int starred = flags & (CodeObject.FLAG_VARARGS | CodeObject.FLAG_VARKEYWORDS);
    this.simple = starred == 0 && plainLocals;
    this.plainArgs = simple ? argCount : -1;
    this.varargsOnly = starred == CodeObject.FLAG_VARARGS && plainLocals;
    this.frameWords = 1 + fixedWords + maxStack + Calls.STACK_SLACK;
    this.ic = new int[needsCache(code) ? code.length * IC_WORDS : 0];
    this.ordinal = ordinals(code);
    this.callees = new int[code.length];
    this.name = name;
    this.file = file;
    this.module = co.module();
  }

  /** The code object of the one Python function the call at {@code pc} was seen to call, or -1 (see {@link #callees}). */
  int knownCallee(int pc) {
    int seen = callees[pc] >>> CODE_SHIFT;
    return seen == 0 || seen == SEVERAL_CODES ? -1 : seen - 1;
  }

  private static int[] ordinals(byte[] code) {
    int[] ord = new int[code.length + 1];
    int n = 0;
    for (int pc = 0; pc < code.length; n++) {
      int end = Math.min(code.length, pc + Opcodes.size(code[pc] & 0xFF));
      for (; pc < end; pc++) {
        ord[pc] = n;
      }
    }
    ord[code.length] = n;
    return ord;
  }

  private static boolean needsCache(byte[] code) {
    for (int pc = 0; pc < code.length; pc += Opcodes.size(code[pc] & 0xFF)) {
      int op = code[pc] & 0xFF;
      if (op == Opcodes.LOAD_ATTR || op == Opcodes.STORE_ATTR || op == Opcodes.LOAD_METHOD || op == Opcodes.CALL) {
        return true;
      }
    }
    return false;
  }

  /** The handler covering {@code pc}, as an offset into {@link #handlers}, or -1. */
  int handlerFor(int pc) {
    for (int i = 0; i < handlers.length; i += 4) {
      if (pc >= handlers[i] && pc < handlers[i + 1]) {
        return i;
      }
    }
    return -1;
  }

  int lineAt(int pc) {
    return co.lineAt(pc);
  }
}
