package dev.zvm.vm;

import static dev.zvm.bytecode.Opcodes.*;

import dev.zvm.bytecode.Constant;
import dev.zvm.bytecode.Opcodes;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline compiler: translates one code object into one JVM method, of a hidden class of its
 * own, with the contract of the fast loop ({@link Compiled}). There is no dispatch left: each
 * instruction becomes the JVM code of its fast path, its operands constants, and the operand
 * stack's depth, which the image's verifier proves the same on every path, becomes a constant
 * offset from the frame's stack base, so {@code sp} is no variable at all. Where the fast path does
 * not apply (a cache miss, a float that needs a box the heap cannot give, an opcode without a fast
 * path), the method returns that instruction's pc and execute runs it in full, as after fast.
 *
 * <p>Why it pays: HotSpot compiles each such method on its own, small, with the Python function's
 * own paths only, where the fast loop is one method for every program, at C2's inlining budget,
 * and pays a switch and the operand decoding at every instruction.
 *
 * <p>Where execute hands the thread back (a <em>resume point</em>), the method's entry switch jumps
 * to that instruction: the first, each handler, the instruction after a call (a returning callee
 * comes back there), after an instruction that often leaves (one without a fast path, a comparison
 * or arithmetic that may need execute), and the targets of branches and loops that may leave. At
 * any other pc the method hands the thread to the fast loop, which has the same contract. A
 * comparison followed by a conditional jump compiles into one JVM branch, so the jump is no resume
 * point.
 *
 * <p>Compiling takes milliseconds (generating the class, defining it), so by default it happens off
 * the carrier, on the JDK's common fork-join pool, and the code object runs interpreted until its
 * compiled code is published (a volatile field; the compiled object's fields are final). Compiled
 * or interpreted, a program computes the same and counts the same opcodes and safe points, so
 * when the switch happens changes no result, not even under virtual time.
 *
 * <p>The compiler refuses a code object whose method would exceed {@link #HUGE_METHOD_BYTES}:
 * HotSpot does not compile a method longer than 8000 bytes of bytecode, and then compiled code
 * would run slower than fast. Unless the JVM runs with {@code -XX:-DontCompileHugeMethods} (the
 * {@code zvm} launcher passes it): then HotSpot compiles methods of any length, and the limit is
 * the class file's, 65535 bytes (a function of a few hundred lines). The main loop of a program
 * is often such a function: wordcount's {@code run}, 374 bytes of our bytecode, is 8834 of the
 * JVM's, and ran in fast (283 ms per repetition against 186 ms compiled).
 */
final class Jit {
  /** HotSpot's HugeMethodLimit: a longer method is never compiled by C1 or C2, unless huge methods compile. */
  static final int HUGE_METHOD_BYTES = 8000;

  // the JVM's opcodes, by names that do not clash with ours
  private static final int J_IADD = ClassAssembler.IADD;
  private static final int J_ISUB = ClassAssembler.ISUB;
  private static final int J_ISHL = ClassAssembler.ISHL;
  private static final int J_ISHR = ClassAssembler.ISHR;
  private static final int J_IXOR = ClassAssembler.IXOR;
  private static final int J_IAND = ClassAssembler.IAND;
  private static final int J_IOR = ClassAssembler.IOR;
  private static final int J_IALOAD = ClassAssembler.IALOAD;
  private static final int J_IASTORE = ClassAssembler.IASTORE;
  private static final int J_IRETURN = ClassAssembler.IRETURN;
  private static final int J_RETURN = ClassAssembler.RETURN;
  private static final int J_IFEQ = ClassAssembler.IFEQ;
  private static final int J_IFNE = ClassAssembler.IFNE;
  private static final int J_IFLT = ClassAssembler.IFLT;
  private static final int J_IFGE = ClassAssembler.IFGE;
  private static final int J_IFGT = ClassAssembler.IFGT;
  private static final int J_IFLE = ClassAssembler.IFLE;
  private static final int J_IF_ICMPEQ = ClassAssembler.IF_ICMPEQ;
  private static final int J_IF_ICMPNE = ClassAssembler.IF_ICMPNE;
  private static final int J_IF_ICMPLE = ClassAssembler.IF_ICMPLE;
  private static final int J_GOTO = ClassAssembler.GOTO;
  private static final int J_IFNULL = ClassAssembler.IFNULL;
  private static final int J_GETFIELD = ClassAssembler.GETFIELD;
  private static final int J_PUTFIELD = ClassAssembler.PUTFIELD;
  private static final int J_INVOKEVIRTUAL = ClassAssembler.INVOKEVIRTUAL;
  private static final int J_INVOKESPECIAL = ClassAssembler.INVOKESPECIAL;
  private static final int J_INVOKESTATIC = ClassAssembler.INVOKESTATIC;

  private static final String INTERP = "dev/zvm/vm/Interpreter";
  private static final String THREAD = "dev/zvm/vm/PyThread";
  private static final String COMPILED = "dev/zvm/vm/Compiled";
  private static final String CODE_INFO = "Ldev/zvm/vm/CodeInfo;";

  // the generated method's locals
  private static final int THIS = 0;
  private static final int VM = 1;
  private static final int T = 2;
  private static final int ENTRY_FP = 3;
  private static final int PC = 4;
  private static final int STACK = 5;
  private static final int W = 6;
  private static final int FR = 7;
  private static final int FP = 8;
  private static final int BASE = 9;
  private static final int SB = 10;
  private static final int GBASE = 11;
  private static final int CONSTS = 12;
  private static final int BUDGET = 13;
  private static final int OP_BASE = 14;
  private static final int WATCHER = 15;
  private static final int A = 16;
  /** 1 once this invocation has gone on into another frame of its code object: see #epilogue. */
  private static final int REENTERED = 17;
  /** The pc of the native call in progress, for the paths native calls share: see #shared. */
  private static final int NATIVE_PC = 18;
  /** 1 right after an operator whose result only its stack slot refers to: see #ownedLocals. */
  private static final int OWNABLE = 19;
  /** A second scratch int, beside A: the right operand of a comparison written out (#comparison). */
  private static final int B = 20;
  /** The first of the locals, one per owned local, that say whether it owns its box now. */
  private static final int OWNS = 21;

  private final MethodHandles.Lookup lookup = MethodHandles.lookup();
  private final boolean background;
  /** The image's constant pool: a float statement's constants become the JVM's (see #floatStatements). */
  private final List<Constant> constants;
  /** The image's code objects (Interpreter#codes): a call site's known callee is one of them. */
  private final CodeInfo[] codes;
  private final AtomicInteger compiled = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicLong nanos = new AtomicLong();

  /**
   * @param background compile on the JDK's common fork-join pool, off the carrier, and let the code
   *     object run interpreted until its compiled code is published; else compile at once, on the
   *     carrier (deterministic: tests)
   */
  Jit(boolean background, List<Constant> constants, CodeInfo[] codes) {
    this.background = background;
    this.constants = constants;
    this.codes = codes;
  }

  /** Code objects compiled so far, and refused. */
  int compiledCount() {
    return compiled.get();
  }

  int refusedCount() {
    return refused.get();
  }

  /** Time spent compiling (and refusing), in nanoseconds, on whichever thread compiled. */
  long compileNanos() {
    return nanos.get();
  }

  /**
   * Asks for {@code ci}'s compiled code, once: compiled at once, or in the background and
   * published to {@link CodeInfo#compiled} when done. Returns it if it is there already.
   */
  Compiled request(CodeInfo ci) {
    if (!background) {
      Compiled c = compile(ci);
      ci.compiled = c;
      return c;
    }
    ForkJoinPool.commonPool().execute(() -> ci.compiled = compile(ci));
    return null;
  }

  /** Compiled code for {@code ci}, or null where it is refused (see the class comment). */
  Compiled compile(CodeInfo ci) {
    long t0 = System.nanoTime();
    try {
      return translate(ci);
    } finally {
      nanos.addAndGet(System.nanoTime() - t0);
    }
  }

  private Compiled translate(CodeInfo ci) {
    int[] depth = depths(ci);
    byte[] bytes;
    try {
      FloatStatements floats = floatStatements(ci, depth, constants);
      bytes = new Translation(ci, codes, constants, depth, floats, intStatements(ci, depth, constants, floats.end())).classBytes();
    } catch (ClassAssembler.MethodTooLargeException tooLarge) {
      refused.incrementAndGet();
      return null;
    }
    if (bytes == null) {
      refused.incrementAndGet();
      return null;
    }
    try {
      Class<?> c = lookup.defineHiddenClass(bytes, true).lookupClass();
      Compiled code = (Compiled) c.getDeclaredConstructor(CodeInfo.class, int[].class).newInstance(ci, depth);
      compiled.incrementAndGet();
      return code;
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException("compiled code for " + ci.name + " failed to load", e);
    }
  }

  /**
   * The operand stack depth before each reachable instruction, by flow from pc 0 and from every
   * handler (at its depth plus the exception), as the verifier proves it; -1 elsewhere.
   */
  static int[] depths(CodeInfo ci) {
    byte[] code = ci.code;
    int[] depth = new int[code.length + 1];
    Arrays.fill(depth, -1);
    int[] work = new int[code.length + 1];
    int n = 0;
    depth[0] = 0;
    work[n++] = 0;
    for (int i = 0; i < ci.handlers.length; i += 4) {
      if (depth[ci.handlers[i + 2]] < 0) { // handlers may share one pc: each pc is pushed once
        depth[ci.handlers[i + 2]] = ci.handlers[i + 3] + 1;
        work[n++] = ci.handlers[i + 2];
      }
    }
    while (n > 0) {
      int pc = work[--n];
      int op = code[pc] & 0xFF;
      int a0 = Opcodes.readOperand(code, pc, 0);
      int a1 = Opcodes.readOperand(code, pc, 1);
      int d = depth[pc];
      if (Opcodes.has(op, F_JUMP)) {
        int target = Opcodes.readOperand(code, pc, Opcodes.targetOperand(op));
        if (depth[target] < 0) {
          depth[target] = d + Opcodes.jumpEffect(op, a0, a1);
          work[n++] = target;
        }
      }
      int next = pc + Opcodes.size(op);
      if (!Opcodes.has(op, F_NO_FALLTHROUGH) && next < code.length && depth[next] < 0) {
        depth[next] = d - Opcodes.pops(op, a0, a1) + Opcodes.pushes(op, a0, a1);
        work[n++] = next;
      }
    }
    return depth;
  }

  /**
   * Whether HotSpot compiles methods longer than {@link #HUGE_METHOD_BYTES}
   * ({@code -XX:-DontCompileHugeMethods}). Asked of the JVM the first time a method is that long, so
   * a program without one never loads the management classes.
   */
  static final class HugeMethods {
    static final boolean COMPILE = compile(dontCompileHugeMethods());

    private HugeMethods() {}

    /** The value of the JVM's DontCompileHugeMethods flag, or null where the JVM does not say. */
    private static String dontCompileHugeMethods() {
      try {
        com.sun.management.HotSpotDiagnosticMXBean bean =
            java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        return bean == null ? null : bean.getVMOption("DontCompileHugeMethods").getValue();
      } catch (RuntimeException | LinkageError notHotSpot) {
        return null;
      }
    }

    /** Huge methods compile only where the flag is known to be off. */
    static boolean compile(String dontCompileHugeMethods) {
      return "false".equals(dontCompileHugeMethods);
    }
  }

  /**
   * Per pc, the locals among the first 64 that are bound on every path to it, from the code's
   * entry or from a handler: a LOAD_FAST of one of them needs no test for an unbound local (and no
   * exit for the UnboundLocalError), which is most of them (22 bytes of JVM bytecode each, 15
   * without the test). The parameters are bound at the entry (a call binds them all, or raises);
   * STORE_FAST binds a local, DELETE_FAST unbinds it; a handler gets what every instruction whose
   * raise it catches ({@link CodeInfo#handlerFor}) had before it ran. A forward analysis to a fixed point, over the same flow as
   * {@link #depths}. It holds whichever tier ran the path, since it is the bytecode's.
   */
  static long[] boundLocals(CodeInfo ci) {
    byte[] code = ci.code;
    long[] in = new long[code.length + 1];
    Arrays.fill(in, -1L); // not reached yet: no constraint
    int params = ci.co.parameterCount();
    in[0] = params >= 64 ? -1L : (1L << params) - 1;
    for (boolean changed = true; changed; ) {
      changed = false;
      for (int pc = 0; pc < code.length; pc += Opcodes.size(code[pc] & 0xFF)) {
        int op = code[pc] & 0xFF;
        long out = in[pc];
        if (op == STORE_FAST || op == DELETE_FAST) {
          int local = Opcodes.readOperand(code, pc, 0);
          if (local < 64) {
            out = op == STORE_FAST ? out | 1L << local : out & ~(1L << local);
          }
        }
        int next = pc + Opcodes.size(op);
        if (!Opcodes.has(op, F_NO_FALLTHROUGH) && next < code.length) {
          changed |= meet(in, next, out);
        }
        if (Opcodes.has(op, F_JUMP)) {
          changed |= meet(in, Opcodes.readOperand(code, pc, Opcodes.targetOperand(op)), out);
        }
        int h = ci.handlerFor(pc); // where a raise here goes (one raised in a handler: its own pc's)
        if (h >= 0) {
          changed |= meet(in, ci.handlers[h + 2], in[pc]);
        }
      }
    }
    return in;
  }

  /**
   * Per pc, whether it lies in an innermost loop (the range from a LOOP's target to the LOOP, with
   * no other LOOP inside), or the code has no loop at all: where a function spends its time.
   */
  static boolean[] innermost(CodeInfo ci) {
    byte[] code = ci.code;
    boolean[] in = new boolean[code.length + 1];
    List<int[]> loops = new ArrayList<>();
    for (int pc = 0; pc < code.length; pc += Opcodes.size(code[pc] & 0xFF)) {
      if ((code[pc] & 0xFF) == LOOP) {
        loops.add(new int[] {Opcodes.readOperand(code, pc, 0), pc});
      }
    }
    if (loops.isEmpty()) {
      Arrays.fill(in, true);
      return in;
    }
    for (int[] l : loops) {
      boolean inner = true;
      for (int[] o : loops) {
        inner &= o == l || o[1] < l[0] || o[1] >= l[1]; // no other LOOP inside [target, LOOP)
      }
      if (inner) {
        Arrays.fill(in, l[0], l[1] + 1, true);
      }
    }
    return in;
  }

  /**
   * The float statements of a code object ({@link #floatStatement}): per pc, the pc of the
   * STORE_FAST, comparison or STORE_SUBSCR that ends the statement starting there (-1 where none
   * starts); the value of the number constant a statement loads there (null elsewhere); at the
   * LOAD_FAST of an item read ({@code c[k]}: the container, then a LOAD_SMALL_INT or a LOAD_FAST
   * index, then LOAD_SUBSCR), the LOAD_SUBSCR's pc (0 elsewhere); and per statement start, where
   * its expression ends: the end itself, or, for a store into an item, the ROT_THREE of
   * {@code c[k] op= ...} or the LOAD_FAST of the container of {@code c[k] = ...}.
   */
  record FloatStatements(int[] end, Double[] constant, int[] itemEnd, int[] expressionEnd) {}

  static FloatStatements floatStatements(CodeInfo ci, int[] depth, List<Constant> constants) {
    byte[] code = ci.code;
    FloatStatements s = new FloatStatements(new int[code.length], new Double[code.length], new int[code.length],
        new int[code.length]);
    Arrays.fill(s.end(), -1);
    for (int pc = 0; pc < code.length && constants != null; pc += Opcodes.size(code[pc] & 0xFF)) {
      if (depth[pc] >= 0) {
        int e = floatStatement(ci, depth, constants, pc, s);
        if (e >= 0) {
          s.end()[pc] = e;
          pc = e; // no statement starts inside another
        }
      }
    }
    return s;
  }

  /**
   * Whether a float statement starts at {@code pc}: {@code x = <expression>}, {@code c[k] = <expression>},
   * {@code c[k] op= <expression>}, or a comparison of two expressions that a conditional jump tests
   * ({@code while tr + ti <= 4.0}), an expression a tree of {@code + - * / **} (and their in-place
   * forms) over locals, items {@code c[k]} (a local container, a small-int constant or a local
   * index) and number constants, each operator with a local or an item somewhere under it, so
   * that when every local and item it reads holds a float, Python computes every operator on
   * floats: the JVM's doubles give the same results, in the same order. Compiled as one block
   * ({@code Translation#floatStatement}) in doubles, with one box for the result, or none when the
   * local owns one. Not for one operator on a local and an int constant ({@code i += 1}), which is
   * int code. Returns the pc of the STORE_FAST, the comparison or the STORE_SUBSCR, or -1; records
   * the constants, the items and the expression's end in {@code s}.
   */
  private static int floatStatement(CodeInfo ci, int[] depth, List<Constant> constants, int start, FloatStatements s) {
    byte[] code = ci.code;
    Double[] constant = s.constant();
    boolean[] local = new boolean[16]; // per tree on the simulated stack: a local somewhere under it
    int n = 0;
    int ops = 0;
    boolean floatConst = false;
    boolean intConst = false;
    boolean update = false; // c[k] op= ...: the item read first is the one stored
    for (int pc = start; pc < code.length && depth[pc] >= 0 && n < local.length; pc += Opcodes.size(code[pc] & 0xFF)) {
      int op = code[pc] & 0xFF;
      int a0 = Opcodes.readOperand(code, pc, 0);
      switch (op) {
        case LOAD_FAST: {
          int index = pc + Opcodes.size(LOAD_FAST);
          int indexOp = index < code.length ? code[index] & 0xFF : -1;
          int after = index + (indexOp >= 0 ? Opcodes.size(indexOp) : 0);
          int then = after < code.length && (indexOp == LOAD_SMALL_INT || indexOp == LOAD_FAST) ? code[after] & 0xFF : -1;
          if (then == LOAD_SUBSCR) {
            s.itemEnd()[pc] = after;
            pc = after;
          } else if (then == DUP_TOP_TWO && pc == start && after + 1 < code.length
              && (code[after + 1] & 0xFF) == LOAD_SUBSCR) {
            s.itemEnd()[pc] = after + 1;
            pc = after + 1;
            update = true;
          } else if (then == STORE_SUBSCR && !update) {
            s.expressionEnd()[start] = pc;
            return n == 1 && worthIt(ops, floatConst, intConst) ? after : -1;
          }
          local[n++] = true;
          break;
        }
        case LOAD_SMALL_INT:
          constant[pc] = (double) a0;
          intConst = true;
          local[n++] = false;
          break;
        case LOAD_CONST: {
          Constant c = constants.get(ci.constIndex[a0]);
          if (c instanceof Constant.Float f) {
            constant[pc] = f.value();
            floatConst = true;
          } else if (c instanceof Constant.Int i && Math.abs(i.value()) < 1L << 31) {
            constant[pc] = (double) i.value();
            intConst = true;
          } else {
            return -1;
          }
          local[n++] = false;
          break;
        }
        case ADD: case SUB: case MUL: case TRUEDIV: case POW: case IADD: case ISUB: case IMUL: case ITRUEDIV: case IPOW:
          if (n < 2 || !(local[n - 2] || local[n - 1])) {
            return -1;
          }
          n--;
          local[n - 1] = true;
          ops++;
          break;
        case ROT_THREE: { // c[k] op= ...: the store after it
          int store = pc + Opcodes.size(ROT_THREE);
          s.expressionEnd()[start] = pc;
          return update && n == 1 && store < code.length && (code[store] & 0xFF) == STORE_SUBSCR
              && worthIt(ops, floatConst, intConst) ? store : -1;
        }
        case STORE_FAST:
          s.expressionEnd()[start] = pc;
          return n == 1 && !update && worthIt(ops, floatConst, intConst) ? pc : -1;
        case EQ: case NE: case LT: case LE: case GT: case GE: { // and a conditional jump after it
          int next = pc + Opcodes.size(op);
          int j = next < code.length ? code[next] & 0xFF : -1;
          s.expressionEnd()[start] = pc;
          return n == 2 && !update && ops > 0 && (j == POP_JUMP_IF_FALSE || j == POP_JUMP_IF_TRUE) ? pc : -1;
        }
        default:
          return -1;
      }
    }
    return -1;
  }

  /**
   * The int statements of a code object ({@link #intStatement}), outside its float statements:
   * per pc, the pc of the STORE_FAST or RETURN_VALUE that ends the statement starting there (-1
   * where none starts), and the value of the int constant a statement loads there, or of the
   * float constant it divides by or into (null elsewhere).
   */
  record IntStatements(int[] end, Long[] constant, Double[] floatConstant) {}

  static IntStatements intStatements(CodeInfo ci, int[] depth, List<Constant> constants, int[] floatEnd) {
    byte[] code = ci.code;
    IntStatements s = new IntStatements(new int[code.length], new Long[code.length], new Double[code.length]);
    Arrays.fill(s.end(), -1);
    for (int pc = 0; pc < code.length && constants != null; pc += Opcodes.size(code[pc] & 0xFF)) {
      if (floatEnd[pc] >= 0) {
        pc = floatEnd[pc];
      } else if (depth[pc] >= 0) {
        int e = intStatement(ci, depth, constants, pc, s.constant(), s.floatConstant());
        if (e >= 0) {
          s.end()[pc] = e;
          pc = e;
        }
      }
    }
    return s;
  }

  /**
   * Whether an int statement starts at {@code pc}: {@code x = <expression>} or
   * {@code return <expression>}, the expression a tree of at least two of
   * {@code + - * // % & | ^ >>} (and their in-place forms) over locals and int constants, or such a
   * tree divided by or into a float constant at its root (spectral_norm's
   * {@code 1.0 / ((s * (s + 1)) // 2 + i + 1)}). Compiled as one block
   * ({@code Translation#intStatement}) in the JVM's longs when every local it reads holds an int
   * (wordcount's {@code (seed * 1103515245 + 12345) & 0x7FFFFFFF}, whose product each operator
   * would box): an int is at most 64 bits here, and where a long would overflow the block gives
   * way to the statement's instructions, so the longs compute what Python computes; the division
   * by or into a float is the JVM's double division of the int made a double, as Python's. Returns
   * the STORE_FAST's or the RETURN_VALUE's pc, or -1; records the constants in {@code constant}
   * and {@code floatConstant}.
   */
  private static int intStatement(CodeInfo ci, int[] depth, List<Constant> constants, int start, Long[] constant,
      Double[] floatConstant) {
    byte[] code = ci.code;
    boolean[] isFloat = new boolean[16]; // per value on the simulated stack: a float constant, or the division's result
    int n = 0;
    int ops = 0;
    for (int pc = start; pc < code.length && depth[pc] >= 0 && n < isFloat.length; pc += Opcodes.size(code[pc] & 0xFF)) {
      int op = code[pc] & 0xFF;
      if (op == LOAD_FAST) {
        isFloat[n++] = false;
      } else if (op == STORE_FAST || op == RETURN_VALUE) {
        return n == 1 && ops >= 2 ? pc : -1;
      } else {
        int after = intExpressionStep(ci, constants, pc, isFloat, n, constant, floatConstant);
        if (after < 0) {
          return -1;
        }
        ops += after < n ? 1 : 0;
        n = after;
      }
    }
    return -1;
  }

  /**
   * One instruction of an int statement's expression ({@link #intStatement}, {@link #leaf}) other
   * than a local's load, on a simulated stack of {@code n} values, {@code isFloat} saying which are
   * doubles: an int or float constant's load (recorded per pc in {@code longs} or
   * {@code doubles}), an int operator over two ints, or a division of a float constant and an int
   * that leaves nothing else on the stack (the root). Returns the stack's new depth, or -1 where
   * the instruction is none of these.
   */
  private static int intExpressionStep(CodeInfo c, List<Constant> constants, int pc, boolean[] isFloat, int n,
      Long[] longs, Double[] doubles) {
    byte[] code = c.code;
    int op = code[pc] & 0xFF;
    int a0 = Opcodes.readOperand(code, pc, 0);
    switch (op) {
      case LOAD_SMALL_INT:
        longs[pc] = (long) a0;
        isFloat[n] = false;
        return n + 1;
      case LOAD_CONST: {
        Constant k = constants.get(c.constIndex[a0]);
        if (k instanceof Constant.Int i) {
          longs[pc] = i.value();
          isFloat[n] = false;
        } else if (k instanceof Constant.Float f) {
          doubles[pc] = f.value();
          isFloat[n] = true;
        } else {
          return -1;
        }
        return n + 1;
      }
      case TRUEDIV: case ITRUEDIV: // the root, a float constant and an int tree: nothing else after it
        if (n != 2 || isFloat[0] == isFloat[1]) {
          return -1;
        }
        isFloat[0] = true;
        return 1;
      case ADD: case SUB: case MUL: case FLOORDIV: case MOD: case AND: case OR: case XOR: case RSHIFT:
      case IADD: case ISUB: case IMUL: case IFLOORDIV: case IMOD: case IAND: case IOR: case IXOR: case IRSHIFT:
        return n < 2 || isFloat[n - 1] || isFloat[n - 2] ? -1 : n - 1;
      default:
        return -1;
    }
  }

  /**
   * A function a call site may compute instead of calling it (Translation#inlineLeaf): its code a
   * straight line of {@code x = <expression>} statements and a {@code return <expression>}, the
   * expressions int statements' ({@link #intStatement}: {@code + - * // % & | ^ >>} over its
   * parameters, the locals it has assigned before, and int constants, a float constant dividing
   * or divided at the return's root), nothing else before the RETURN_VALUE: wordcount's
   * {@code next_seed} and {@code syllable}, spectral_norm's {@code entry}. When its arguments are
   * ints, it cannot raise, call or yield, so no frame of it could ever be seen. {@code returnPc}
   * is its RETURN_VALUE's, {@code count} the instructions it runs, {@code longs} and
   * {@code doubles} its constants per pc.
   */
  record Leaf(int returnPc, int count, Long[] longs, Double[] doubles) {}

  static Leaf leaf(CodeInfo c, List<Constant> constants) {
    if (!c.simple || c.handlers.length > 0 || c.cellCount + c.freeCount > 0 || constants == null) {
      return null;
    }
    byte[] code = c.code;
    boolean[] bound = new boolean[c.localCount];
    Arrays.fill(bound, 0, c.argCount, true);
    Long[] longs = new Long[code.length];
    Double[] doubles = new Double[code.length];
    boolean[] isFloat = new boolean[16];
    int n = 0;
    for (int pc = 0; pc < code.length && n < isFloat.length; pc += Opcodes.size(code[pc] & 0xFF)) {
      int op = code[pc] & 0xFF;
      int a0 = Opcodes.readOperand(code, pc, 0);
      if (op == LOAD_FAST) {
        if (a0 >= bound.length || !bound[a0]) {
          return null; // unbound: the call raises
        }
        isFloat[n++] = false;
      } else if (op == STORE_FAST) {
        if (n != 1 || isFloat[0] || a0 >= bound.length) {
          return null; // a float is stored only by the return
        }
        bound[a0] = true;
        n = 0;
      } else if (op == RETURN_VALUE) {
        return n == 1 ? new Leaf(pc, c.ordinal[pc] - c.ordinal[0] + 1, longs, doubles) : null;
      } else {
        n = intExpressionStep(c, constants, pc, isFloat, n, longs, doubles);
        if (n < 0) {
          return null;
        }
      }
    }
    return null;
  }

  /** Whether a statement is float code: not one operator on a local and an int constant ({@code i += 1}). */
  private static boolean worthIt(int ops, boolean floatConst, boolean intConst) {
    return ops > 0 && (floatConst || ops > 1 || !intConst);
  }

  /**
   * The locals whose float boxes compiled code may write a result into, in place, instead of
   * allocating a new box: float code's commonest allocation ({@code tr = zr * zr}) made free.
   *
   * <p>A box may be written only while nothing but the local refers to it, which the code proves
   * for a local none of whose reads lets its value go anywhere: every LOAD_FAST of it is popped, on
   * its straight path, by an arithmetic operator or a comparison, which reads the number and keeps
   * nothing (one that would call Python code, a dunder, leaves for execute), and no DELETE_FAST
   * unbinds it. Such a local <em>owns</em> its box after an operator in an innermost loop stored
   * a result only its stack slot referred to (a new box, or a temporary's, as
   * {@link Interpreter#ownable} says) directly into it; any other store, and entering the frame
   * (the prologue: the thread may have run anywhere since), ends that. The next such operator
   * storing to the local then writes into the owned box ({@code into}).
   *
   * <p>Returns, per local, the JVM local that holds its flag, or -1; fills {@code into} with the
   * owned local each operator's result is stored to, or -1. {@code inner}: {@link #innermost}.
   */
  static int[] ownedLocals(CodeInfo ci, int[] depth, boolean[] inner, int[] into) {
    byte[] code = ci.code;
    Arrays.fill(into, -1);
    int locals = ci.localCount;
    boolean[] escapes = new boolean[locals];
    for (int pc = 0; pc < code.length; pc += Opcodes.size(code[pc] & 0xFF)) {
      int op = code[pc] & 0xFF;
      if (depth[pc] < 0 || (op != LOAD_FAST && op != DELETE_FAST)) {
        continue;
      }
      int local = Opcodes.readOperand(code, pc, 0);
      if (local < locals) {
        escapes[local] |= op == DELETE_FAST || !readByAnOperator(code, depth, pc);
      }
    }
    int[] owns = new int[locals];
    Arrays.fill(owns, -1);
    int next = OWNS;
    for (int pc = 0; pc < code.length; pc += Opcodes.size(code[pc] & 0xFF)) {
      int op = code[pc] & 0xFF;
      int store = pc + Opcodes.size(op);
      if (depth[pc] < 0 || !inner[pc] || !Translation.isBinaryOperator(op) || store >= code.length
          || (code[store] & 0xFF) != STORE_FAST) {
        continue;
      }
      int local = Opcodes.readOperand(code, store, 0);
      if (local < locals && !escapes[local]) {
        if (owns[local] < 0) {
          owns[local] = next++;
        }
        into[pc] = local;
      }
    }
    return owns;
  }

  /**
   * Whether the value LOAD_FAST at {@code pc} pushes is popped, on the straight path after it, by a
   * binary operator or a comparison (EQ..GE, IS, IS NOT), as one of its two operands.
   */
  private static boolean readByAnOperator(byte[] code, int[] depth, int pc) {
    int slot = depth[pc];
    for (int q = pc + Opcodes.size(code[pc] & 0xFF); q < code.length && depth[q] >= 0; q += Opcodes.size(code[q] & 0xFF)) {
      int op = code[q] & 0xFF;
      int pops = Opcodes.pops(op, Opcodes.readOperand(code, q, 0), Opcodes.readOperand(code, q, 1));
      if (depth[q] - pops <= slot) { // q pops the value
        return (Translation.isBinaryOperator(op) || op >= EQ && op <= IS_NOT) && pops == 2;
      }
      if (Opcodes.has(op, F_JUMP) || Opcodes.has(op, F_NO_FALLTHROUGH)) {
        return false;
      }
    }
    return false;
  }

  private static boolean meet(long[] in, int pc, long state) {
    long v = in[pc] & state;
    if (v == in[pc]) {
      return false;
    }
    in[pc] = v;
    return true;
  }

  /** A taken jump that moves the opcode count: at {@code from}, add {@code count}, go to {@code to}. */
  private record Edge(ClassAssembler.Label from, int count, ClassAssembler.Label to) {}

  /** One code object's translation. */
  private static final class Translation {
    private final CodeInfo ci;
    /** The image's code objects, where a call site's known callee is (Jit#codes). */
    private final CodeInfo[] codes;
    /** The image's constant pool, for the leaves a call site computes (Jit#leaf). */
    private final List<Constant> constants;
    private final byte[] code;
    private final int[] depth;
    private final ClassAssembler cls;
    private final ClassAssembler.Method m;
    private final ClassAssembler.Label[] labels;
    private final boolean[] resume;
    /** Instructions compiled into the one before them (the jump after a comparison). */
    private final boolean[] fused;
    private final ClassAssembler.Label[] exits;
    private final ClassAssembler.Label exit;
    /** The start of the prologue: a frame of this same code object entered or returned to runs on here. */
    private final ClassAssembler.Label reentry;
    /** A call or a return changed the frame (-1 in A) or parked the thread (-2). */
    private final ClassAssembler.Label frameChanged;
    /** Returns PC, the run's result, as the contract says for the frame the thread is in now. */
    private final ClassAssembler.Label stopped;
    private final List<Edge> edges = new ArrayList<>();
    /** Per pc, the locals bound on every path to it (see #boundLocals). */
    private final long[] bound;
    /** Per pc, whether it is in an innermost loop, or the code has no loop (see Jit#innermost). */
    private final boolean[] innermost;
    /**
     * Per Python local, the JVM local that says whether it owns its float box, or -1 (see
     * #ownedLocals); per operator pc, the owned local its result is stored to next, or -1.
     */
    private final int[] owns;
    private final int[] into;
    /** The shared paths (see #shared), by their numbers below. */
    private final ClassAssembler.Label[] sharedLabels = new ClassAssembler.Label[3];
    private static final int NATIVE_BLOCKED = 0;
    private static final int NATIVE_RAISED = 1;
    private static final int HAND_ON = 2;

    /** See #floatStatements: the constants' values per pc, where each statement ends, its items, its expression's end. */
    private final Double[] floatConsts;
    private final int[] floatEnd;
    private final int[] itemEnd;
    private final int[] expressionEnd;
    /** See #intStatements: where each int statement ends, and its constants per pc. */
    private final int[] intEnd;
    private final Long[] intConsts;
    /** Per pc, the float constant an int statement divides by or into there (IntStatements). */
    private final Double[] intFloatConsts;
    /** The first JVM local free for a float statement's doubles. */
    private final int doubles;

    Translation(CodeInfo ci, CodeInfo[] codes, List<Constant> constants, int[] depth, FloatStatements floatStatements,
        IntStatements ints) {
      this.codes = codes;
      this.constants = constants;
      this.ci = ci;
      this.code = ci.code;
      this.depth = depth;
      this.cls = new ClassAssembler("dev/zvm/vm/Compiled$" + ci.index, COMPILED);
      this.labels = new ClassAssembler.Label[code.length + 1];
      this.resume = new boolean[code.length + 1];
      this.fused = new boolean[code.length + 1];
      this.exits = new ClassAssembler.Label[code.length + 1];
      this.bound = boundLocals(ci);
      this.innermost = innermost(ci);
      this.into = new int[code.length + 1];
      this.owns = ownedLocals(ci, depth, innermost, into);
      this.floatConsts = floatStatements.constant();
      this.floatEnd = floatStatements.end();
      this.itemEnd = floatStatements.itemEnd();
      this.expressionEnd = floatStatements.expressionEnd();
      this.intEnd = ints.end();
      this.intConsts = ints.constant();
      this.intFloatConsts = ints.floatConstant();
      int free = OWNS;
      for (int jl : owns) {
        free = Math.max(free, jl + 1);
      }
      this.doubles = free;
      ClassAssembler.Method init = cls.method(0, "<init>", "(" + CODE_INFO + "[I)V");
      init.aload(0);
      init.aload(1);
      init.aload(2);
      init.invoke(J_INVOKESPECIAL, COMPILED, "<init>", "(" + CODE_INFO + "[I)V");
      init.op(J_RETURN);
      init.end();
      this.m = cls.method(0, "run", "(L" + INTERP + ";L" + THREAD + ";II)I");
      this.exit = m.label();
      this.reentry = m.label();
      this.frameChanged = m.label();
      this.stopped = m.label();
    }

    byte[] classBytes() {
      plan();
      prologue();
      boolean reachable = false;
      for (int pc = 0; pc < code.length; pc += Opcodes.size(code[pc] & 0xFF)) {
        if (depth[pc] < 0 || fused[pc]) {
          continue;
        }
        if (labels[pc] != null) {
          m.bind(labels[pc]);
          reachable = true;
        }
        if (reachable && floatEnd[pc] >= 0) {
          int end = floatEnd[pc];
          int next = end + Opcodes.size(code[end] & 0xFF);
          int last = code[end] & 0xFF;
          if (last == STORE_FAST || last == STORE_SUBSCR || fused[next]) { // a comparison: its jump must be its own
            floatStatement(pc, end);
          }
        }
        if (reachable && intEnd[pc] >= 0) {
          intStatement(pc, intEnd[pc]);
        }
        if (reachable) {
          reachable = instruction(pc);
        }
      }
      epilogue();
      sharedPaths();
      m.end();
      byte[] bytes = cls.toBytes();
      return m.codeLength() > HUGE_METHOD_BYTES && !HugeMethods.COMPILE ? null : bytes;
    }

    /** Decides the resume points, the fused jumps and the labels. */
    private void plan() {
      resume[0] = true;
      for (int i = 0; i < ci.handlers.length; i += 4) {
        resume[ci.handlers[i + 2]] = true;
      }
      for (int pc = 0; pc < code.length; pc += Opcodes.size(code[pc] & 0xFF)) {
        if (depth[pc] < 0) {
          continue;
        }
        int op = code[pc] & 0xFF;
        int next = pc + Opcodes.size(op);
        if (Opcodes.has(op, F_JUMP)) {
          int target = Opcodes.readOperand(code, pc, Opcodes.targetOperand(op));
          label(target);
          if (op != JUMP) {
            resume[target] = true; // LOOP leaves at the budget; the branches on other values
          }
        }
        if (leavesOften(op) && next < code.length && !Opcodes.has(op, F_NO_FALLTHROUGH) && depth[next] >= 0) {
          resume[next] = true; // not after a raise or a return: execute never goes on there
        }
      }
      for (int pc = 0; pc < code.length; pc += Opcodes.size(code[pc] & 0xFF)) {
        int op = code[pc] & 0xFF;
        int next = pc + Opcodes.size(op);
        if (depth[pc] >= 0 && next < code.length && isComparison(op)) {
          int j = code[next] & 0xFF;
          if ((j == POP_JUMP_IF_FALSE || j == POP_JUMP_IF_TRUE) && labels[next] == null) {
            fused[next] = true;
            resume[next] = false;
          }
        }
        if (depth[pc] >= 0 && isSliceSubscr(pc) && labels[next] == null) {
          fused[next] = true;
          resume[next] = false;
        }
      }
      for (int pc = 0; pc < code.length; pc++) {
        if (resume[pc]) {
          label(pc);
        }
      }
    }

    /** BUILD_SLICE 2 then LOAD_SUBSCR: {@code c[start:stop]}, compiled as one. */
    private boolean isSliceSubscr(int pc) {
      int next = pc + Opcodes.size(code[pc] & 0xFF);
      return (code[pc] & 0xFF) == BUILD_SLICE && Opcodes.readOperand(code, pc, 0) == 2 && next < code.length
          && (code[next] & 0xFF) == LOAD_SUBSCR;
    }

    private static boolean isComparison(int op) {
      return op >= EQ && op <= NOT_IN;
    }

    /** Opcodes whose next instruction execute often hands back: all but those that leave only to raise, or never. */
    private static boolean leavesOften(int op) {
      switch (op) {
        case NOP:
        case POP_TOP:
        case DUP_TOP:
        case DUP_TOP_TWO:
        case ROT_TWO:
        case ROT_THREE:
        case ROT_FOUR:
        case LOAD_NONE:
        case LOAD_TRUE:
        case LOAD_FALSE:
        case LOAD_SMALL_INT:
        case PUSH_NAME:
        case LOAD_FAST:
        case STORE_FAST:
        case LOAD_CONST:
        case LOAD_GLOBAL:
        case STORE_GLOBAL:
        case LOAD_BUILTIN:
        case LOAD_NATIVE:
        case LOAD_EXCEPTION:
        case IS:
        case IS_NOT:
        case JUMP:
        case LOOP:
        case RETURN_VALUE:
          return false;
        default:
          return true;
      }
    }

    private ClassAssembler.Label label(int pc) {
      if (labels[pc] == null) {
        labels[pc] = m.label();
      }
      return labels[pc];
    }

    private void prologue() {
      m.iconst(0);
      m.istore(REENTERED);
      // what stays the same in every frame of this code object the invocation runs (a call or a
      // return that needs a larger stack or frame array goes through execute)
      m.aload(T);
      m.field(J_GETFIELD, THREAD, "stack", "[I");
      m.astore(STACK);
      m.aload(VM);
      m.field(J_GETFIELD, INTERP, "w", "[I");
      m.astore(W);
      m.aload(T);
      m.field(J_GETFIELD, THREAD, "frames", "[I");
      m.astore(FR);
      m.aload(THIS);
      m.field(J_GETFIELD, COMPILED, "consts", "[I");
      m.astore(CONSTS);
      m.aload(VM);
      m.aload(T);
      m.invoke(J_INVOKEVIRTUAL, INTERP, "watcher", "(L" + THREAD + ";)Ldev/zvm/vosal/Vosal;");
      m.astore(WATCHER);
      // the frame's own
      m.bind(reentry);
      m.aload(VM);
      m.iconst(0);
      m.field(J_PUTFIELD, INTERP, "fresh", "I");
      m.iconst(0); // no box is owned on entering a frame: while the thread ran elsewhere, any may have escaped
      m.istore(OWNABLE);
      for (int jl : owns) {
        if (jl >= 0) {
          m.iconst(0);
          m.istore(jl);
        }
      }
      m.aload(T);
      m.field(J_GETFIELD, THREAD, "fp", "I");
      m.istore(FP);
      frameWord(Frame.BASE);
      m.istore(BASE);
      m.iload(BASE);
      m.iconst(ci.fixedWords);
      m.op(J_IADD);
      m.istore(SB);
      frameWord(Frame.GLOBALS);
      m.iconst(2);
      m.op(J_ISHR);
      m.iconst(2);
      m.op(J_IADD);
      m.istore(GBASE);
      m.aload(T);
      m.field(J_GETFIELD, THREAD, "budget", "I");
      m.istore(BUDGET);
      m.aload(T);
      m.field(J_GETFIELD, THREAD, "opBase", "I");
      m.istore(OP_BASE);
      // pc < 0: a frame a call or a return has just entered, from its own pc
      ClassAssembler.Label entry = m.label();
      m.iload(PC);
      m.jump(J_IFGE, entry);
      frameWord(Frame.PC);
      m.istore(PC);
      m.iload(OP_BASE);
      m.aload(THIS);
      m.field(J_GETFIELD, COMPILED, "ord", "[I");
      m.iload(PC);
      m.op(J_IALOAD);
      m.op(J_ISUB);
      m.istore(OP_BASE);
      m.bind(entry);
      m.iload(PC); // pc 0, where every call enters: no search through the switch
      m.jump(J_IFEQ, labels[0]);
      int count = 0;
      for (int pc = 0; pc < code.length; pc++) {
        if (resume[pc]) {
          count++;
        }
      }
      int[] keys = new int[count];
      ClassAssembler.Label[] targets = new ClassAssembler.Label[count];
      for (int pc = 0, i = 0; pc < code.length; pc++) {
        if (resume[pc]) {
          keys[i] = pc;
          targets[i++] = labels[pc];
        }
      }
      ClassAssembler.Label other = m.label();
      m.iload(PC);
      m.lookupswitch(other, keys, targets);
      // any other pc: the fast loop runs from there, with the count this method has taken
      m.bind(other);
      m.aload(T);
      m.iload(OP_BASE);
      m.field(J_PUTFIELD, THREAD, "opBase", "I");
      m.aload(VM);
      m.aload(T);
      m.iload(ENTRY_FP);
      m.iload(PC);
      m.invoke(J_INVOKEVIRTUAL, INTERP, "fast", "(L" + THREAD + ";II)I");
      m.istore(PC);
      m.jump(J_GOTO, stopped);
    }

    private void frameWord(int word) {
      m.aload(FR);
      plus(FP, word);
      m.op(J_IALOAD);
    }

    /** The exits, then the taken jumps that move the opcode count. */
    private void epilogue() {
      // after a call or a return: when the thread's frame now runs this same code object (a
      // recursive call, its return), this method goes on with it from the prologue, instead of
      // returning -1 for execute to enter the frame through Interpreter#enterFast: no trip through
      // execute, and no call of run() through a call site that every compiled method shares
      ClassAssembler.Label leave = m.label();
      m.bind(frameChanged);
      m.iload(A);
      m.iconst(-1);
      m.jump(J_IF_ICMPNE, leave);
      m.aload(T);
      m.field(J_GETFIELD, THREAD, "frames", "[I");
      m.aload(T);
      m.field(J_GETFIELD, THREAD, "fp", "I");
      m.iconst(Frame.CODE);
      m.op(J_IADD);
      m.op(J_IALOAD);
      m.iconst(ci.index);
      m.jump(J_IF_ICMPNE, leave);
      m.iconst(1);
      m.istore(REENTERED);
      m.iconst(-1);
      m.istore(PC);
      m.jump(J_GOTO, reentry);
      m.bind(leave);
      m.iload(A);
      m.op(J_IRETURN);
      // a pc where the run stopped is one of the frame the caller entered, unless this invocation
      // went on into another frame: then -3 - pc says so (Compiled#run)
      ClassAssembler.Label same = m.label();
      m.bind(stopped);
      m.iload(REENTERED);
      m.jump(J_IFEQ, same);
      m.iload(PC);
      m.jump(J_IFLT, same); // -1, -2: about the thread's frame already
      m.iconst(-3);
      m.iload(PC);
      m.op(J_ISUB);
      m.op(J_IRETURN);
      m.bind(same);
      m.iload(PC);
      m.op(J_IRETURN);
      for (int pc = 0; pc < exits.length; pc++) {
        if (exits[pc] != null) {
          m.bind(exits[pc]);
          m.iconst(pc);
          m.istore(PC);
          m.jump(J_GOTO, exit);
        }
      }
      // the instruction at PC is not executed: sp is its depth
      m.bind(exit);
      m.aload(T);
      m.iload(SB);
      m.aload(THIS);
      m.field(J_GETFIELD, COMPILED, "depth", "[I");
      m.iload(PC);
      m.op(J_IALOAD);
      m.op(J_IADD);
      m.field(J_PUTFIELD, THREAD, "sp", "I");
      m.aload(T);
      m.iload(BUDGET);
      m.field(J_PUTFIELD, THREAD, "budget", "I");
      m.aload(T);
      m.iload(OP_BASE);
      m.field(J_PUTFIELD, THREAD, "opBase", "I");
      m.jump(J_GOTO, stopped);
      for (Edge e : edges) {
        m.bind(e.from());
        m.iinc(OP_BASE, e.count());
        m.jump(J_GOTO, e.to());
      }
    }

    /** Where the instruction at {@code pc} leaves for execute, not executed. */
    private ClassAssembler.Label exitAt(int pc) {
      if (exits[pc] == null) {
        exits[pc] = m.label();
      }
      return exits[pc];
    }

    /** The taken jump from the instruction at {@code pc} to {@code target}, counting the opcodes. */
    private ClassAssembler.Label edge(int pc, int target) {
      int next = pc + Opcodes.size(code[pc] & 0xFF);
      int k = ci.ordinal[next] - ci.ordinal[target];
      if (k == 0) {
        return label(target);
      }
      ClassAssembler.Label l = m.label();
      edges.add(new Edge(l, k, label(target)));
      return l;
    }

    // the value stack: slot d above the frame's stack base; locals from the frame's base

    /** Pushes the int local {@code base} plus the constant {@code k}. */
    private void plus(int base, int k) {
      m.iload(base);
      if (k != 0) {
        m.iconst(k);
        m.op(J_IADD);
      }
    }

    private void slot(int d) {
      m.aload(STACK);
      plus(SB, d);
    }

    private void load(int d) {
      slot(d);
      m.op(J_IALOAD);
    }

    private void local(int i) {
      m.aload(STACK);
      plus(BASE, i);
    }

    /** stack[d] = the value in local A. */
    private void storeA(int d) {
      slot(d);
      m.iload(A);
      m.op(J_IASTORE);
    }

    private void storeConst(int d, int v) {
      slot(d);
      m.iconst(v);
      m.op(J_IASTORE);
    }

    private void copy(int from, int to) {
      slot(to);
      load(from);
      m.op(J_IASTORE);
    }

    /** A = the int on the JVM stack; leaves at pc when it is 0. */
    private void nonZeroOrExit(int pc) {
      m.istore(A);
      m.iload(A);
      m.jump(J_IFEQ, exitAt(pc));
    }

    /** Compiles the instruction at pc; says whether the next one is reached from it. */
    private boolean instruction(int pc) {
      int op = code[pc] & 0xFF;
      int d = depth[pc];
      int a0 = Opcodes.readOperand(code, pc, 0);
      int next = pc + Opcodes.size(op);
      switch (op) {
        case NOP:
        case POP_TOP:
          return true;
        case DUP_TOP:
          copy(d - 1, d);
          return true;
        case DUP_TOP_TWO:
          copy(d - 2, d);
          copy(d - 1, d + 1);
          return true;
        case ROT_TWO:
        case ROT_THREE:
        case ROT_FOUR: {
          int n = op == ROT_TWO ? 2 : op == ROT_THREE ? 3 : 4;
          load(d - 1);
          m.istore(A);
          for (int i = d - 1; i > d - n; i--) {
            copy(i - 1, i);
          }
          storeA(d - n);
          return true;
        }
        case LOAD_CONST:
          m.aload(CONSTS);
          m.iconst(a0);
          m.op(J_IALOAD);
          nonZeroOrExit(pc);
          storeA(d);
          return true;
        case LOAD_NONE:
          storeConst(d, Values.NONE);
          return true;
        case LOAD_TRUE:
          storeConst(d, Values.TRUE);
          return true;
        case LOAD_FALSE:
          storeConst(d, Values.FALSE);
          return true;
        case LOAD_SMALL_INT:
        case PUSH_NAME:
          storeConst(d, (a0 << 1) | 1);
          return true;
        case LOAD_FAST:
          if (a0 < 64 && (bound[pc] >>> a0 & 1) != 0) { // bound on every path here: no test
            slot(d);
            local(a0);
            m.op(J_IALOAD);
            m.op(J_IASTORE);
            return true;
          }
          local(a0);
          m.op(J_IALOAD);
          nonZeroOrExit(pc);
          storeA(d);
          return true;
        case STORE_FAST:
          local(a0);
          load(d - 1);
          m.op(J_IASTORE);
          if (a0 < owns.length && owns[a0] >= 0) { // it owns its box when the operator before said so
            m.iload(OWNABLE);
            m.istore(owns[a0]);
            m.iconst(0);
            m.istore(OWNABLE);
          }
          return true;
        case LOAD_GLOBAL:
          global(a0);
          m.op(J_IALOAD);
          nonZeroOrExit(pc);
          storeA(d);
          return true;
        case STORE_GLOBAL:
          global(a0);
          load(d - 1);
          m.op(J_IASTORE);
          return true;
        case LOAD_BUILTIN:
          m.aload(VM);
          m.iconst(a0);
          m.invoke(J_INVOKEVIRTUAL, INTERP, "builtin", "(I)I");
          nonZeroOrExit(pc);
          storeA(d);
          return true;
        case LOAD_NATIVE:
        case LOAD_EXCEPTION:
          slot(d);
          m.aload(VM);
          m.iconst(a0);
          m.invoke(J_INVOKEVIRTUAL, INTERP, op == LOAD_NATIVE ? "nativeValue" : "exceptionClass", "(I)I");
          m.op(J_IASTORE);
          return true;
        case LOAD_ATTR:
          m.aload(VM);
          codeInfo();
          m.iconst(pc);
          load(d - 1);
          m.invoke(J_INVOKEVIRTUAL, INTERP, "cachedAttr", "(" + CODE_INFO + "II)I");
          nonZeroOrExit(pc);
          storeA(d - 1);
          return true;
        case STORE_ATTR:
          m.aload(VM);
          codeInfo();
          m.iconst(pc);
          load(d - 1);
          load(d - 2);
          m.invoke(J_INVOKEVIRTUAL, INTERP, "storeCachedAttr", "(" + CODE_INFO + "III)Z");
          m.jump(J_IFEQ, exitAt(pc));
          return true;
        case LOAD_METHOD:
          m.aload(VM);
          codeInfo();
          m.iconst(pc);
          m.aload(STACK);
          stackIndex(d - 1);
          m.invoke(J_INVOKEVIRTUAL, INTERP, "cachedMethod", "(" + CODE_INFO + "I[II)Z");
          m.jump(J_IFEQ, exitAt(pc));
          return true;
        case LOAD_SUBSCR: {
          ClassAssembler.Label done = m.label();
          ClassAssembler.Label other = m.label();
          if (innermost[pc]) {
            stackListItem(d, other);
            m.aload(W);
            m.iload(B);
            m.op(J_IALOAD);
            m.istore(A);
            storeA(d - 2);
            m.jump(J_GOTO, done);
          }
          m.bind(other);
          m.aload(VM);
          load(d - 2);
          load(d - 1);
          m.invoke(J_INVOKEVIRTUAL, INTERP, "subscr", "(II)I");
          nonZeroOrExit(pc);
          storeA(d - 2);
          m.bind(done);
          return true;
        }
        case BUILD_SLICE:
          if (!fused[next]) {
            m.jump(J_GOTO, exitAt(pc));
            return false;
          }
          // [c, start, stop] -> [c[start:stop]]; refused, execute builds the slice, and the
          // LOAD_SUBSCR after it (no resume point) runs in fast
          m.aload(VM);
          m.aload(T);
          stackIndex(d);
          load(d - 3);
          load(d - 2);
          load(d - 1);
          m.invoke(J_INVOKEVIRTUAL, INTERP, "sliceOf", "(L" + THREAD + ";IIII)I");
          nonZeroOrExit(pc);
          storeA(d - 3);
          return true;
        case BUILD_TUPLE:
        case BUILD_LIST:
          m.aload(VM);
          m.aload(T);
          m.iconst(op == BUILD_TUPLE ? 1 : 0);
          stackIndex(d - a0);
          m.iconst(a0);
          m.invoke(J_INVOKEVIRTUAL, INTERP, "build", "(L" + THREAD + ";ZII)I");
          nonZeroOrExit(pc);
          storeA(d - a0);
          return true;
        case STORE_SUBSCR: {
          ClassAssembler.Label store = m.label();
          ClassAssembler.Label other = m.label();
          if (innermost[pc]) {
            stackListItem(d, other);
            m.iload(B);
            m.istore(A);
            m.jump(J_GOTO, store);
          }
          m.bind(other);
          m.aload(VM);
          load(d - 2);
          load(d - 1);
          m.invoke(J_INVOKEVIRTUAL, INTERP, "subscrSlot", "(II)I");
          m.istore(A);
          m.iload(A);
          m.jump(J_IFLT, exitAt(pc));
          m.bind(store);
          m.aload(W);
          m.iload(A);
          load(d - 3);
          m.op(J_IASTORE);
          return true;
        }
        case UNARY_NEG:
        case UNARY_INVERT:
          load(d - 1);
          m.istore(A);
          m.iload(A);
          m.iconst(1);
          m.op(J_IAND);
          m.jump(J_IFEQ, exitAt(pc));
          slot(d - 1);
          if (op == UNARY_NEG) {
            m.iconst(2);
            m.iload(A);
            m.op(J_ISUB);
          } else {
            m.iload(A);
            m.iconst(-2); // ~x of a small int: every bit of the word but the tag flips
            m.op(J_IXOR);
          }
          m.op(J_IASTORE);
          return true;
        case UNARY_NOT: {
          ClassAssembler.Label bool = m.label();
          load(d - 1);
          m.istore(A);
          m.iload(A);
          m.iconst(Values.TRUE);
          m.jump(J_IF_ICMPEQ, bool);
          m.iload(A);
          m.iconst(Values.FALSE);
          m.jump(J_IF_ICMPNE, exitAt(pc));
          m.bind(bool);
          slot(d - 1);
          m.iload(A);
          m.iconst(Values.TRUE ^ Values.FALSE);
          m.op(J_IXOR);
          m.op(J_IASTORE);
          return true;
        }
        case EQ:
        case NE:
        case LT:
        case LE:
        case GT:
        case GE:
        case IS:
        case IS_NOT:
        case IN:
        case NOT_IN:
          return comparison(pc, op, d, next);
        case EXC_MATCH:
          // [exc, class] -> [exc, match]
          m.aload(VM);
          load(d - 2);
          load(d - 1);
          m.invoke(J_INVOKEVIRTUAL, INTERP, "exceptionMatch", "(II)I");
          m.istore(A);
          m.iload(A);
          m.jump(J_IFLT, exitAt(pc));
          slot(d - 1);
          m.iload(A);
          bool();
          m.op(J_IASTORE);
          return true;
        case JUMP:
          m.jump(J_GOTO, edge(pc, a0));
          return false;
        case LOOP:
          m.iload(BUDGET);
          m.jump(J_IFLE, exitAt(pc)); // execute's LOOP is the safe point: it refills the budget, or yields
          ClassAssembler.Label go = m.label();
          m.aload(WATCHER);
          m.jump(J_IFNULL, go);
          m.aload(WATCHER);
          m.invoke(J_INVOKEVIRTUAL, "dev/zvm/vosal/Vosal", "attention", "()Z");
          m.jump(J_IFNE, exitAt(pc));
          m.bind(go);
          m.iinc(BUDGET, -1);
          m.jump(J_GOTO, edge(pc, a0));
          return false;
        case POP_JUMP_IF_FALSE:
        case POP_JUMP_IF_TRUE: {
          // a bool decides here, anything else through truthOf: a call a long method's inlining
          // budget may not cover
          ClassAssembler.Label fall = m.label();
          boolean onTrue = op == POP_JUMP_IF_TRUE;
          load(d - 1);
          m.istore(A);
          m.iload(A);
          m.iconst(Values.TRUE);
          m.jump(J_IF_ICMPEQ, onTrue ? edge(pc, a0) : fall);
          m.iload(A);
          m.iconst(Values.FALSE);
          m.jump(J_IF_ICMPEQ, onTrue ? fall : edge(pc, a0));
          m.iload(A);
          m.invoke(J_INVOKESTATIC, INTERP, "truthOf", "(I)I");
          m.istore(A);
          m.iload(A);
          m.jump(J_IFLT, exitAt(pc));
          m.iload(A);
          m.jump(op == POP_JUMP_IF_TRUE ? J_IFNE : J_IFEQ, edge(pc, a0));
          m.bind(fall);
          return true;
        }
        case JUMP_IF_FALSE_OR_POP:
        case JUMP_IF_TRUE_OR_POP: {
          // only a bool decides here; the top stays on a taken jump and is popped otherwise
          ClassAssembler.Label isTrue = m.label();
          ClassAssembler.Label fall = m.label();
          load(d - 1);
          m.istore(A);
          m.iload(A);
          m.iconst(Values.TRUE);
          m.jump(J_IF_ICMPEQ, isTrue);
          m.iload(A);
          m.iconst(Values.FALSE);
          m.jump(J_IF_ICMPNE, exitAt(pc));
          m.jump(J_GOTO, op == JUMP_IF_FALSE_OR_POP ? edge(pc, a0) : fall);
          m.bind(isTrue);
          m.jump(J_GOTO, op == JUMP_IF_TRUE_OR_POP ? edge(pc, a0) : fall);
          m.bind(fall);
          return true;
        }
        case GET_ITER:
          m.aload(VM);
          m.aload(T);
          stackIndex(d);
          load(d - 1);
          m.invoke(J_INVOKEVIRTUAL, INTERP, "seqIter", "(L" + THREAD + ";II)I");
          nonZeroOrExit(pc);
          storeA(d - 1);
          return true;
        case FOR_ITER:
          m.aload(VM);
          m.aload(STACK);
          stackIndex(d - 1);
          m.invoke(J_INVOKEVIRTUAL, INTERP, "forIter", "([II)I");
          m.istore(A);
          m.iload(A);
          m.jump(J_IFLT, exitAt(pc));
          m.iload(A);
          m.jump(J_IFEQ, edge(pc, a0)); // exhausted: the iterator is popped (the depth there)
          return true;
        case CALL:
        case CALL_METHOD: {
          ClassAssembler.Label done = m.label();
          int seen = ci.callees[pc] & CodeInfo.CALLED_MASK;
          if (seen != CodeInfo.CALLED_OTHER) {
            nativeCall(pc, op, a0, d, done);
          }
          CodeInfo known = knownCallee(pc, op, a0);
          if (known != null) {
            knownCall(pc, op, a0, d, known, next);
          }
          m.aload(VM);
          m.aload(T);
          m.iload(ENTRY_FP);
          m.iconst(op);
          m.iconst(a0);
          m.iconst(pc);
          stackIndex(d);
          m.iload(BUDGET);
          m.iload(OP_BASE);
          ordinals();
          m.invoke(J_INVOKEVIRTUAL, INTERP, "call", "(L" + THREAD + ";IIIIIII[I)I");
          m.istore(A);
          m.iload(A);
          m.jump(J_IFGT, exitAt(pc));
          m.iload(A);
          m.jump(J_IFEQ, done);
          if (labels[next] != null && seen != CodeInfo.CALLED_NATIVE) {
            directCall(next);
          }
          m.jump(J_GOTO, frameChanged); // a frame pushed (-1) or the thread parked (-2)
          m.bind(done);
          m.iinc(BUDGET, -1); // a native's result is on the stack
          return true;
        }
        case CALL_KW: {
          m.aload(VM);
          m.aload(T);
          m.iconst(a0);
          m.iconst(Opcodes.readOperand(code, pc, 1));
          m.iconst(pc);
          stackIndex(d);
          m.iload(BUDGET);
          m.iload(OP_BASE);
          ordinals();
          m.invoke(J_INVOKEVIRTUAL, INTERP, "callKw", "(L" + THREAD + ";IIIIII[I)I");
          m.istore(A);
          m.iload(A);
          m.jump(J_IFGT, exitAt(pc));
          if (labels[next] != null) {
            directCall(next);
          }
          m.jump(J_GOTO, frameChanged); // a frame pushed (-1)
          return false;
        }
        case RETURN_VALUE:
          m.aload(VM);
          m.aload(T);
          m.iload(ENTRY_FP);
          m.iconst(pc);
          stackIndex(d);
          m.iload(BUDGET);
          m.iload(OP_BASE);
          ordinals();
          m.invoke(J_INVOKEVIRTUAL, INTERP, "ret", "(L" + THREAD + ";IIIII[I)I");
          m.istore(A);
          m.iload(A);
          m.jump(J_IFGT, exitAt(pc));
          m.jump(J_GOTO, frameChanged); // returned into the caller's frame (-1)
          return false;
        default:
          if (isBinaryOperator(op)) {
            return binaryOperator(pc, op, d);
          }
          // no fast path: execute runs it
          m.jump(J_GOTO, exitAt(pc));
          return false;
      }
    }

    /**
     * A call of a native, made here when the callee is one ({@link Interpreter#nativeAt}): the
     * interface call is this site's own, so the JVM's type profile of it sees the one native this
     * Python call site calls, and C2 calls it directly (or inlines it) where a shared call site
     * dispatches through a table among hundreds. A raise goes through
     * {@link Interpreter#nativeRaised}, as from execute's native calls. Goes on to {@code done} with
     * the result in place; falls through to the general call when the callee is no native.
     */
    private void nativeCall(int pc, int op, int n, int d, ClassAssembler.Label done) {
      ClassAssembler.Label notNative = m.label();
      ClassAssembler.Label tryStart = m.label();
      ClassAssembler.Label tryEnd = m.label();
      String fn = "dev/zvm/vm/NativeFn";
      ClassAssembler.Label general = m.label();
      int callee = Interpreter.calleeSlot(op, n, d);
      load(callee); // a native's tag, tested here, keeps other calls as they were
      m.iconst(0xFF);
      m.op(J_IAND);
      m.iconst(Values.TAG_NATIVE);
      m.jump(J_IF_ICMPNE, general);
      m.aload(VM);
      m.aload(T);
      m.iconst(op);
      m.iconst(n);
      m.iconst(pc);
      stackIndex(d);
      m.iload(BUDGET);
      m.invoke(J_INVOKEVIRTUAL, INTERP, "nativeAt", "(L" + THREAD + ";IIIII)L" + fn + ";");
      m.op(ClassAssembler.DUP);
      m.jump(J_IFNULL, notNative);
      m.iconst(pc);
      m.istore(NATIVE_PC); // for the paths all native calls of the method share (see #shared)
      // fn.call(rt, argBase, argc, argBase + argc, 0): the arguments run from argBase to the top
      m.aload(VM);
      m.field(J_GETFIELD, INTERP, "rt", "Ldev/zvm/vm/Runtime;");
      m.aload(VM);
      m.field(J_GETFIELD, INTERP, "nativeArgBase", "I");
      m.istore(A);
      m.iload(A);
      stackIndex(d);
      m.iload(A);
      m.op(J_ISUB);
      stackIndex(d);
      m.iconst(0);
      m.bind(tryStart);
      m.invoke(ClassAssembler.INVOKEINTERFACE, fn, "call", "(Ldev/zvm/vm/Runtime;IIII)I");
      m.bind(tryEnd);
      m.istore(A);
      m.iload(A);
      m.iconst(Values.BLOCKED);
      m.jump(J_IF_ICMPEQ, shared(NATIVE_BLOCKED));
      storeA(callee); // the result replaces the callee
      m.jump(J_GOTO, done);
      m.handler(tryStart, tryEnd, shared(NATIVE_RAISED), "dev/zvm/vm/PyRaise");
      m.bind(notNative);
      m.op(ClassAssembler.POP);
      m.bind(general);
    }

    /**
     * After a call that pushed a Python frame (-1 in A): runs the callee's compiled code from this
     * call site, when {@link Interpreter#directCallee} gives it, instead of returning -1 for execute
     * to run it and then to enter this frame again through the prologue's switch. Each Python call
     * site has its own JVM call site, whose type profile sees the one code object it calls. When the
     * callee has returned into this frame, the method goes on at {@code next} with the budget and
     * count the callee left; any other outcome ({@link Interpreter#directOutcome}) is handed on as
     * the contract says. Falls through, A still -1 or -2, when the call is left to execute.
     */
    private void directCall(int next) {
      ClassAssembler.Label general = m.label();
      m.iload(A);
      m.iconst(-1);
      m.jump(J_IF_ICMPNE, general); // parked
      runCallee("directCallee", ci.index, next);
      m.bind(general);
    }

    /**
     * The call site's one known callee ({@link CodeInfo#knownCallee}), when the general call would
     * push its frame: a plain function (no {@code *args}, {@code **kwargs}, keyword-only
     * parameters, cells) that this site gives its parameters (a CALL all of them or the first
     * ones, its defaults the rest; a CALL_METHOD exactly, its self counted or not, as the argument
     * count says), or the {@code __init__} of the classes a CALL makes, given the rest of its
     * parameters. Null for any other site.
     */
    private CodeInfo knownCallee(int pc, int op, int n) {
      int k = ci.knownCallee(pc);
      if (k < 0 || k >= codes.length || (ci.callees[pc] & CodeInfo.CALLED_MASK) != CodeInfo.CALLED_OTHER) {
        return null;
      }
      CodeInfo c = codes[k];
      boolean fits = knownClass(pc) ? op == CALL && c.plainArgs == n + 1 && ci.ic.length > 0
          : op == CALL ? c.plainArgs >= n : c.plainArgs == n || c.plainArgs == n + 1;
      return fits ? c : null;
    }

    /** Whether the call site's known callee is the {@code __init__} of the classes it calls. */
    private boolean knownClass(int pc) {
      return (ci.callees[pc] & CodeInfo.CALLED_CLASS) != 0;
    }

    /**
     * The call of a known callee {@code k}, written out before the general call, which it falls
     * through to when the callee is another object: tests that the callee is a function of code
     * {@code k} (its function word and code, no table lookup) and, for CALL_METHOD, that the self
     * slot is as the argument count needs it; then {@link Interpreter#callKnown} pushes the frame
     * with {@code k} a constant. Where the profile saw classes, it tests for a class instead, and
     * {@link Interpreter#callInit} makes the instance and pushes the frame of the class's
     * {@code __init__} if that is of code {@code k}. The callee's compiled code, read from
     * {@code k}'s CodeInfo and not from the frame just pushed, runs as {@link #directCall} runs it.
     * A recursive call goes on in this method (frameChanged), as the general call's does.
     */
    private void knownCall(int pc, int op, int n, int d, CodeInfo k, int next) {
      ClassAssembler.Label other = m.label();
      int fslot = Interpreter.calleeSlot(op, n, d);
      load(fslot);
      m.istore(A);
      if (knownClass(pc)) {
        // a class: Interpreter#callInit finds its __init__ (the site's cache) and makes the instance
        typeTest(A, Types.CLASS, other);
        m.aload(VM);
        codeInfo();
        m.aload(T);
        m.iload(A);
        stackIndex(fslot);
        m.iconst(k.index);
        m.iconst(pc);
        stackIndex(d);
        m.iload(BUDGET);
        m.iload(OP_BASE);
        m.iconst(ci.ordinal[pc + 2]);
        m.op(J_IADD);
        m.invoke(J_INVOKEVIRTUAL, INTERP, "callInit", "(" + CODE_INFO + "L" + THREAD + ";IIIIIII)I");
        m.istore(A);
        m.iload(A);
        m.jump(J_IFGT, other); // another __init__, or no instance: the general call decides
      } else {
        typeTest(A, Types.FUNCTION, other);
        word(A, 2);
        m.iconst(k.index << 1 | 1);
        m.jump(J_IF_ICMPNE, other);
        int argBase = fslot + 1;
        if (op == CALL_METHOD) {
          boolean self = k.plainArgs == n + 1; // else none: LOAD_METHOD left the NULL marker
          load(fslot + 1);
          m.jump(self ? J_IFEQ : J_IFNE, other);
          argBase = self ? fslot + 1 : fslot + 2;
        }
        Leaf leaf = op == CALL && k.plainArgs >= n && labels[next] != null ? leaf(k, constants) : null;
        if (leaf != null) {
          inlineLeaf(d, fslot, n, k, leaf, next);
        }
        m.aload(VM);
        m.aload(T);
        m.iload(A);
        stackIndex(fslot);
        stackIndex(argBase);
        m.iconst(k.index);
        m.iconst(op == CALL ? k.plainArgs - n : 0); // the parameters the defaults supply
        m.iconst(pc + 2);
        m.iload(BUDGET);
        m.iload(OP_BASE);
        m.iconst(ci.ordinal[pc + 2]);
        m.op(J_IADD);
        m.invoke(J_INVOKEVIRTUAL, INTERP, "callKnown", "(L" + THREAD + ";IIIIIIII)I");
        m.istore(A);
        m.iload(A);
        m.jump(J_IFGT, exitAt(pc)); // the general call would refuse it too: execute's call
      }
      if (k.index == ci.index || labels[next] == null) {
        m.jump(J_GOTO, frameChanged); // a recursive call goes on in this method
        m.bind(other);
        return;
      }
      runCallee("compiledCallee", k.index, next);
      m.jump(J_GOTO, frameChanged); // not compiled yet, or too deep: execute runs it
      m.bind(other);
    }

    /**
     * A call of leaf {@code k} (#leaf) computed here, its function checked already: when the
     * arguments, and the defaults of the called function for the parameters past the {@code n}
     * given, are ints and the call and its return would take no safe point (the budget holds
     * both, nothing wants the thread's attention), the leaf's statements run in the JVM's longs
     * (#longBlock) and its result replaces the callee on the value stack; the call and the return
     * spend their two safe points and count the leaf's instructions, as the frame would have.
     * Anything else (an argument that is no int, an overflow, a zero divisor, a safe point due, a
     * heap that cannot box the result) falls through to the call, which computes it again: nothing
     * has changed by then.
     */
    private void inlineLeaf(int d, int fslot, int n, CodeInfo k, Leaf leaf, int next) {
      ClassAssembler.Label call = m.label();
      ClassAssembler.Label awake = m.label();
      m.iload(BUDGET); // budget - 2 > -callSlack: neither the call nor the return is a safe point
      m.iconst(1);
      m.aload(VM);
      m.field(J_GETFIELD, INTERP, "callSlack", "I");
      m.op(J_ISUB);
      m.jump(J_IF_ICMPLE, call);
      m.aload(WATCHER);
      m.jump(J_IFNULL, awake);
      m.aload(WATCHER);
      m.invoke(J_INVOKEVIRTUAL, "dev/zvm/vosal/Vosal", "attention", "()Z");
      m.jump(J_IFNE, call);
      m.bind(awake);
      int[] local = new int[k.localCount];
      int free = doubles;
      for (int i = 0; i < k.argCount; i++) {
        if (i < n) {
          load(fslot + 1 + i);
        } else { // a parameter the called function's defaults supply
          m.aload(VM);
          load(fslot);
          m.iconst(k.argCount - n);
          m.iconst(i - n);
          m.invoke(J_INVOKEVIRTUAL, INTERP, "defaultArg", "(III)I");
        }
        m.istore(A);
        m.iload(A);
        m.jump(J_IFEQ, call); // none
        longOfA(call);
        m.lstore(free);
        local[i] = free;
        free += 2;
      }
      int result = longBlock(k.code, 0, leaf.returnPc(), leaf.longs(), leaf.doubles(), local, free, call);
      boxResult(result, d, call);
      storeA(fslot);
      m.iinc(BUDGET, -2);
      m.iinc(OP_BASE, leaf.count());
      m.aload(VM);
      m.iconst(0);
      m.field(J_PUTFIELD, INTERP, "fresh", "I");
      m.jump(J_GOTO, labels[next]);
      m.bind(call);
      load(fslot); // the call takes the callee in A, which the arguments' tests used
      m.istore(A);
    }

    /**
     * Runs the compiled code that Interpreter's {@code lookup} ({@link Interpreter#directCallee},
     * {@link Interpreter#compiledCallee}) gives for {@code code} from this call site, as
     * {@link #directCall} says; falls through where it gives none.
     */
    private void runCallee(String lookup, int code, int next) {
      ClassAssembler.Label noCallee = m.label();
      m.aload(VM);
      m.aload(T);
      m.iload(ENTRY_FP);
      m.iconst(code);
      m.invoke(J_INVOKEVIRTUAL, INTERP, lookup, "(L" + THREAD + ";II)L" + COMPILED + ";");
      m.op(ClassAssembler.DUP);
      m.jump(J_IFNULL, noCallee);
      m.aload(VM);
      m.aload(T);
      m.iload(ENTRY_FP);
      m.iconst(0); // a pushed frame starts at pc 0 (ordinal 0): the prologue need not read it
      m.invoke(J_INVOKEVIRTUAL, COMPILED, "run", "(L" + INTERP + ";L" + THREAD + ";II)I");
      m.aload(T);
      m.iload(FP);
      m.invoke(J_INVOKESTATIC, INTERP, "directOutcome", "(IL" + THREAD + ";I)I");
      m.istore(A);
      m.iload(A);
      m.jump(J_IFNE, shared(HAND_ON));
      // the callee has returned into this frame: go on after the call, as the prologue would
      m.aload(T);
      m.field(J_GETFIELD, THREAD, "budget", "I");
      m.istore(BUDGET);
      m.aload(T);
      m.field(J_GETFIELD, THREAD, "opBase", "I");
      m.iconst(ci.ordinal[next]);
      m.op(J_ISUB);
      m.istore(OP_BASE);
      m.aload(VM);
      m.iconst(0);
      m.field(J_PUTFIELD, INTERP, "fresh", "I");
      m.jump(J_GOTO, labels[next]);
      m.bind(noCallee);
      m.op(ClassAssembler.POP);
    }

    /**
     * The label of one of the paths that every native or direct call of the method shares, bound
     * once at its end by {@link #sharedPaths} if some call used it. They are cold (a native that
     * blocks or raises, a direct callee that did not simply return), and each call site written
     * out with its own copies was about 40 bytes longer: a long method leaves C2 less of its
     * inlining budget for the helpers the hot paths call.
     */
    private ClassAssembler.Label shared(int path) {
      if (sharedLabels[path] == null) {
        sharedLabels[path] = m.label();
      }
      return sharedLabels[path];
    }

    private void sharedPaths() {
      if (sharedLabels[NATIVE_BLOCKED] != null) { // a native answered BLOCKED: park (-2)
        m.bind(sharedLabels[NATIVE_BLOCKED]);
        m.aload(VM);
        m.aload(T);
        m.aload(THIS);
        m.iload(NATIVE_PC);
        m.iload(SB);
        m.iload(BUDGET);
        m.iload(OP_BASE);
        m.invoke(J_INVOKEVIRTUAL, INTERP, "nativeBlockedAt", "(L" + THREAD + ";L" + COMPILED + ";IIII)I");
        m.istore(A);
        m.jump(J_GOTO, frameChanged);
      }
      if (sharedLabels[NATIVE_RAISED] != null) { // the PyRaise alone on the stack
        m.bind(sharedLabels[NATIVE_RAISED]);
        m.aload(VM);
        m.op(ClassAssembler.SWAP);
        m.aload(T);
        m.iload(NATIVE_PC);
        m.iload(BUDGET);
        m.iload(OP_BASE);
        m.invoke(J_INVOKEVIRTUAL, INTERP, "nativeRaised",
            "(Ldev/zvm/vm/PyRaise;L" + THREAD + ";III)Ldev/zvm/vm/PyRaise;");
        m.op(ClassAssembler.ATHROW);
      }
      if (sharedLabels[HAND_ON] != null) { // a direct callee's outcome other than a return here
        m.bind(sharedLabels[HAND_ON]);
        m.iload(A);
        m.iconst(-1);
        m.jump(J_IF_ICMPEQ, frameChanged); // in another frame: as after a call through execute
        m.iload(A);
        m.op(J_IRETURN);
      }
    }

    /**
     * A float statement (#floatStatement) as one block, before the statement's own instructions:
     * when every local and item it reads holds a float, it computes the expression in the JVM's
     * doubles and stores one box (into the local, the local's own box when it owns one
     * (#ownedLocals), or into the item), and goes on after the store; the opcode count needs
     * nothing, since it counts from the pc. Anything else (a value that is no float, a container
     * that is no list or tuple, an index out of range, a zero divisor, a heap that cannot give the
     * box) falls through to the statement's instructions, which compute it again from the start:
     * the block has changed nothing by then. Every jump out of it leaves the JVM's operand stack
     * empty, so the values live in JVM locals from {@link #doubles} on.
     */
    private void floatStatement(int start, int store) {
      ClassAssembler.Label generic = m.label();
      int exprEnd = expressionEnd[start];
      int[] local = new int[ci.localCount]; // the JVM local of each Python local's double, once read
      int[] item = new int[code.length]; // the JVM local of each item's double, at its LOAD_FAST
      int next = doubles;
      for (int pc = start; pc < exprEnd; pc += Opcodes.size(code[pc] & 0xFF)) {
        int x = Opcodes.readOperand(code, pc, 0);
        if ((code[pc] & 0xFF) == LOAD_FAST && itemEnd[pc] != 0) {
          readItem(pc, next); // its temporaries die before the double takes their place
          unboxA(generic);
          m.dstore(next);
          item[pc] = next;
          next += 2;
          pc = itemEnd[pc];
        } else if ((code[pc] & 0xFF) == LOAD_FAST && local[x] == 0) {
          local(x);
          m.op(J_IALOAD);
          m.istore(A);
          unboxA(generic); // a float, or the full way
          m.dstore(next);
          local[x] = next;
          next += 2;
        }
      }
      int[] stack = new int[16];
      int n = 0;
      for (int pc = start; pc < exprEnd; pc += Opcodes.size(code[pc] & 0xFF)) {
        int op = code[pc] & 0xFF;
        if (op == LOAD_FAST && itemEnd[pc] != 0) {
          stack[n++] = item[pc];
          pc = itemEnd[pc];
        } else if (op == LOAD_FAST) {
          stack[n++] = local[Opcodes.readOperand(code, pc, 0)];
        } else if (floatConsts[pc] != null) {
          m.dconst(floatConsts[pc]);
          m.dstore(next);
          stack[n++] = next;
          next += 2;
        } else {
          int base = op >= IADD ? op - (IADD - ADD) : op;
          int right = stack[--n];
          int left = stack[--n];
          if (base == TRUEDIV) { // Python raises ZeroDivisionError (for -0.0 too): the full way
            m.dload(right);
            m.dconst(0.0);
            m.op(ClassAssembler.DCMPL);
            m.jump(J_IFEQ, generic);
          }
          m.dload(left);
          m.dload(right);
          if (base == POW) { // Math.pow, as the full way computes it, which raises where powFault says
            m.invoke(J_INVOKESTATIC, "java/lang/Math", "pow", "(DD)D");
            m.dstore(next);
            m.dload(left);
            m.dload(right);
            m.dload(next);
            m.invoke(J_INVOKESTATIC, "dev/zvm/vm/Operators", "powFault", "(DDD)I");
            m.jump(J_IFNE, generic);
          } else {
            m.op(base == ADD ? ClassAssembler.DADD : base == SUB ? ClassAssembler.DSUB
                : base == MUL ? ClassAssembler.DMUL : ClassAssembler.DDIV);
            m.dstore(next);
          }
          stack[n++] = next;
          next += 2;
        }
      }
      int last = code[store] & 0xFF;
      if (last == STORE_SUBSCR) {
        storeItem(start, store, stack[0], next, generic);
        return;
      }
      if (last != STORE_FAST) { // a comparison, and the jump it is fused with
        int jump = store + Opcodes.size(code[store] & 0xFF);
        int after = jump + Opcodes.size(code[jump] & 0xFF);
        m.iconst(code[store] & 0xFF);
        m.dload(stack[0]);
        m.dload(stack[1]);
        m.invoke(J_INVOKESTATIC, INTERP, "holds", "(IDD)I");
        m.jump((code[jump] & 0xFF) == POP_JUMP_IF_TRUE ? J_IFNE : J_IFEQ, edge(jump, Opcodes.readOperand(code, jump, 0)));
        m.jump(J_GOTO, label(after));
        m.bind(generic);
        return;
      }
      int result = stack[0];
      int x = Opcodes.readOperand(code, store, 0);
      int after = store + Opcodes.size(STORE_FAST);
      int owned = x < owns.length ? owns[x] : -1;
      ClassAssembler.Label box = m.label();
      if (owned >= 0) { // the local's own box takes the result
        m.iload(owned);
        m.jump(J_IFEQ, box);
        local(x);
        m.op(J_IALOAD);
        m.istore(A);
        m.dload(result); // Floats#store written out, as #unboxA
        m.invoke(J_INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J");
        m.lstore(next);
        wordSlot(A, 2);
        m.lload(next);
        m.op(ClassAssembler.L2I);
        m.op(J_IASTORE);
        wordSlot(A, 3);
        m.lload(next);
        m.iconst(32);
        m.op(ClassAssembler.LUSHR);
        m.op(ClassAssembler.L2I);
        m.op(J_IASTORE);
        m.jump(J_GOTO, label(after));
      }
      m.bind(box);
      newFloat(start, result, generic);
      local(x);
      m.iload(A);
      m.op(J_IASTORE);
      if (owned >= 0) { // a new box: only the local refers to it
        m.iconst(1);
        m.istore(owned);
      }
      m.jump(J_GOTO, label(after));
      m.bind(generic);
    }

    /**
     * An int statement (#intStatement) as one block, before the statement's own instructions: when
     * every local it reads holds an int (small, or a 64-bit box), it computes the expression in the
     * JVM's longs (#longBlock) and stores the result, a small int, a new int box or (a division by
     * or into a float) a new float box, into the local, or onto the value stack for the
     * RETURN_VALUE after it; then it goes on after the STORE_FAST, or at the RETURN_VALUE. Anything
     * else (a local that is no int, an overflow, a zero divisor, a heap that cannot give the box)
     * falls through to the statement's instructions, which compute it again: the block has changed
     * nothing by then. A local that owned its float box owns none after the store.
     */
    private void intStatement(int start, int end) {
      ClassAssembler.Label generic = m.label();
      int[] local = new int[ci.localCount]; // the JVM local of each Python local's long, once read
      int next = doubles;
      for (int pc = start; pc < end; pc += Opcodes.size(code[pc] & 0xFF)) {
        int x = Opcodes.readOperand(code, pc, 0);
        if ((code[pc] & 0xFF) == LOAD_FAST && local[x] == 0) {
          local(x);
          m.op(J_IALOAD);
          m.istore(A);
          longOfA(generic); // an int, or the full way
          m.lstore(next);
          local[x] = next;
          next += 2;
        }
      }
      int result = longBlock(code, start, end, intConsts, intFloatConsts, local, next, generic);
      boxResult(result, depth[start], generic);
      if ((code[end] & 0xFF) == RETURN_VALUE) {
        storeA(depth[start]);
        m.jump(J_GOTO, label(end));
      } else {
        int x = Opcodes.readOperand(code, end, 0);
        local(x);
        m.iload(A);
        m.op(J_IASTORE);
        if (x < owns.length && owns[x] >= 0) {
          m.iconst(0);
          m.istore(owns[x]);
        }
        m.jump(J_GOTO, label(end + Opcodes.size(STORE_FAST)));
      }
      m.bind(generic);
    }

    /**
     * Computes the straight-line instructions {@code [start, end)} of {@code code} in the JVM's
     * longs: loads of the Python locals whose longs {@code local} holds (their JVM locals), of the
     * constants {@code longs} and {@code doubles} give per pc, the int operators
     * {@code + - * // % & | ^ >>} each tested for a long's overflow (and {@code //} and {@code %}
     * for a zero divisor, {@code >>} for a shift past 0 to 63), a float constant dividing or divided by an
     * int at the root (a zero divisor tested), and STORE_FASTs into {@code local} (a leaf's
     * statements, Translation#inlineLeaf). Any failed test goes to {@code generic}. Returns the JVM
     * local of the one value left, a long, or a double where the root divided; negative
     * ({@code -1 - local}) for a double. JVM locals from {@code next} on are free.
     */
    private int longBlock(byte[] code, int start, int end, Long[] longs, Double[] doubles, int[] local, int next,
        ClassAssembler.Label generic) {
      int[] stack = new int[16];
      boolean[] isFloat = new boolean[16]; // a double there, not a long
      int n = 0;
      for (int pc = start; pc < end; pc += Opcodes.size(code[pc] & 0xFF)) {
        int op = code[pc] & 0xFF;
        if (op == LOAD_FAST) {
          isFloat[n] = false;
          stack[n++] = local[Opcodes.readOperand(code, pc, 0)];
          continue;
        }
        if (op == STORE_FAST) {
          local[Opcodes.readOperand(code, pc, 0)] = stack[--n];
          continue;
        }
        if (longs[pc] != null || doubles[pc] != null) { // a constant, into a JVM local of its own
          isFloat[n] = doubles[pc] != null;
          if (isFloat[n]) {
            m.dconst(doubles[pc]);
            m.dstore(next);
          } else {
            m.lconst(longs[pc]);
            m.lstore(next);
          }
          stack[n++] = next;
          next += 2;
          continue;
        }
        int base = op >= IADD ? op - (IADD - ADD) : op;
        int y = stack[--n];
        int x = stack[--n];
        int r = next;
        next += 2;
        if (base == TRUEDIV) { // a float constant and an int: the int made a double, a zero divisor the full way
          boolean floatOnLeft = isFloat[n];
          if (floatOnLeft) {
            jumpIfLong(y, 0, J_IFEQ, generic);
            m.dload(x);
            m.lload(y);
            m.op(ClassAssembler.L2D);
          } else {
            m.dload(y);
            m.dconst(0.0);
            m.op(ClassAssembler.DCMPL);
            m.jump(J_IFEQ, generic);
            m.lload(x);
            m.op(ClassAssembler.L2D);
            m.dload(y);
          }
          m.op(ClassAssembler.DDIV);
          m.dstore(r);
          isFloat[n] = true;
          stack[n++] = r;
          continue;
        }
        isFloat[n] = false;
        if (base == MOD) { // Python's modulo takes the divisor's sign; a zero divisor the full way
          jumpIfLong(y, 0, J_IFEQ, generic);
          m.lload(x);
          m.lload(y);
          m.invoke(J_INVOKESTATIC, "java/lang/Math", "floorMod", "(JJ)J");
          m.lstore(r);
        } else if (base == FLOORDIV) { // a zero divisor, and the one quotient past a long (MIN_VALUE // -1), the full way
          ClassAssembler.Label fits = m.label();
          jumpIfLong(y, 0, J_IFEQ, generic);
          jumpIfLong(y, -1, J_IFNE, fits);
          jumpIfLong(x, Long.MIN_VALUE, J_IFEQ, generic);
          m.bind(fits);
          m.lload(x);
          m.lload(y);
          m.invoke(J_INVOKESTATIC, "java/lang/Math", "floorDiv", "(JJ)J");
          m.lstore(r);
        } else if (base == RSHIFT) { // a shift from 0 to 63; anything else the full way
          jumpIfLong(y, 63, J_IFGT, generic);
          jumpIfLong(y, 0, J_IFLT, generic);
          m.lload(x);
          m.lload(y);
          m.op(ClassAssembler.L2I);
          m.op(ClassAssembler.LSHR);
          m.lstore(r);
        } else {
          m.lload(x);
          m.lload(y);
          m.op(base == ADD ? ClassAssembler.LADD : base == SUB ? ClassAssembler.LSUB : base == MUL ? ClassAssembler.LMUL
              : base == AND ? ClassAssembler.LAND : base == OR ? ClassAssembler.LOR : ClassAssembler.LXOR);
          m.lstore(r);
          if (base == ADD || base == SUB) { // overflow: the result's sign differs from both (+) or from x where x and y differ (-)
            m.lload(x);
            m.lload(r);
            m.op(ClassAssembler.LXOR);
            m.lload(base == ADD ? y : x);
            m.lload(base == ADD ? r : y);
            m.op(ClassAssembler.LXOR);
            m.op(ClassAssembler.LAND);
            m.lconst(0);
            m.op(ClassAssembler.LCMP);
            m.jump(J_IFLT, generic);
          } else if (base == MUL) { // overflow: the high half is not the low half's sign
            m.lload(x);
            m.lload(y);
            m.invoke(J_INVOKESTATIC, "java/lang/Math", "multiplyHigh", "(JJ)J");
            m.lload(r);
            m.iconst(63);
            m.op(ClassAssembler.LSHR);
            m.op(ClassAssembler.LCMP);
            m.jump(J_IFNE, generic);
          }
        }
        stack[n++] = r;
      }
      return isFloat[0] ? -1 - stack[0] : stack[0];
    }

    /** Compares the long in JVM local {@code local} with {@code c} and jumps to {@code target} by {@code jump} (IFEQ .. IFLE). */
    private void jumpIfLong(int local, long c, int jump, ClassAssembler.Label target) {
      m.lload(local);
      m.lconst(c);
      m.op(ClassAssembler.LCMP);
      m.jump(jump, target);
    }

    /**
     * The value #longBlock left in JVM local {@code result} made a Python value in A: a double (a
     * negative result) a new float box, a long a small int when it fits, else a new int box; to
     * {@code generic} when the heap cannot give the box, whose allocation sees the value stack up
     * to depth {@code sp}.
     */
    private void boxResult(int result, int sp, ClassAssembler.Label generic) {
      if (result < 0) {
        newFloatAt(sp, -1 - result, generic);
        return;
      }
      ClassAssembler.Label box = m.label();
      ClassAssembler.Label have = m.label();
      m.lload(result);
      m.lconst(Values.SMALL_LIMIT);
      m.op(ClassAssembler.LADD);
      m.lconst(0);
      m.op(ClassAssembler.LCMP);
      m.jump(J_IFLE, box);
      m.lload(result);
      m.lconst(Values.SMALL_LIMIT);
      m.op(ClassAssembler.LCMP);
      m.jump(J_IFGE, box);
      m.lload(result);
      m.op(ClassAssembler.L2I);
      m.iconst(1);
      m.op(J_ISHL);
      m.iconst(1);
      m.op(J_IOR);
      m.istore(A);
      m.jump(J_GOTO, have);
      m.bind(box);
      m.aload(VM);
      m.aload(T);
      stackIndex(sp);
      m.lload(result);
      m.invoke(J_INVOKEVIRTUAL, INTERP, "newInt", "(L" + THREAD + ";IJ)I");
      m.istore(A);
      m.iload(A);
      m.jump(J_IFEQ, generic);
      m.bind(have);
    }

    /**
     * The long of the int in A, small or a 64-bit box, on the JVM stack; to {@code generic} (the
     * JVM stack empty) when A is no int: #unboxA's counterpart for int statements.
     */
    private void longOfA(ClassAssembler.Label generic) {
      ClassAssembler.Label boxed = m.label();
      ClassAssembler.Label have = m.label();
      m.iload(A);
      m.iconst(1);
      m.op(J_IAND);
      m.jump(J_IFEQ, boxed);
      m.iload(A); // a small int
      m.iconst(1);
      m.op(J_ISHR);
      m.op(ClassAssembler.I2L);
      m.jump(J_GOTO, have);
      m.bind(boxed);
      typeTest(A, Types.INT, generic);
      bits64A();
      m.bind(have);
    }

    /** Pushes the long in the 64-bit box A refers to (its low word first), as Runtime#storeBits64 wrote it. */
    private void bits64A() {
      word(A, 3);
      m.op(ClassAssembler.I2L);
      m.iconst(32);
      m.op(ClassAssembler.LSHL);
      word(A, 2);
      m.op(ClassAssembler.I2L);
      m.lconst(0xFFFF_FFFFL);
      m.op(ClassAssembler.LAND);
      m.op(ClassAssembler.LOR);
    }

    /**
     * A = item {@code c[k]} of the item read whose LOAD_FAST (of the container) is at {@code pc}:
     * of a list written out (#listSlot), of anything else by Interpreter#subscr (a tuple and a
     * small int in range, a dict and a key it holds; else 0, which is no float). Uses the JVM int
     * locals {@code temp} and {@code temp + 1}.
     */
    private void readItem(int pc, int temp) {
      ClassAssembler.Label other = m.label();
      ClassAssembler.Label done = m.label();
      listSlot(pc, temp, temp + 1, other);
      m.aload(W);
      m.iload(temp + 1);
      m.op(J_IALOAD);
      m.istore(A);
      m.jump(J_GOTO, done);
      m.bind(other); // temp still holds the container
      m.aload(VM);
      m.iload(temp);
      pushIndex(pc);
      m.invoke(J_INVOKEVIRTUAL, INTERP, "subscr", "(II)I");
      m.istore(A);
      m.bind(done);
    }

    /** Pushes the index of the item whose container's LOAD_FAST is at {@code pc}: a local's value, or the small int constant. */
    private void pushIndex(int pc) {
      int index = pc + Opcodes.size(LOAD_FAST);
      int k = Opcodes.readOperand(code, index, 0);
      if ((code[index] & 0xFF) == LOAD_FAST) {
        local(k);
        m.op(J_IALOAD);
      } else {
        m.iconst((k << 1) | 1);
      }
    }

    /**
     * The heap word of item {@code c[k]}, the container's LOAD_FAST at {@code pc} and the index's
     * after it, into JVM local {@code slot}, by #listItemWord; the JVM local {@code c} holds the
     * container.
     */
    private void listSlot(int pc, int c, int slot, ClassAssembler.Label other) {
      int index = pc + Opcodes.size(LOAD_FAST);
      boolean fromEnd = (code[index] & 0xFF) == LOAD_FAST || Opcodes.readOperand(code, index, 0) < 0;
      local(Opcodes.readOperand(code, pc, 0));
      m.op(J_IALOAD);
      m.istore(c);
      pushIndex(pc);
      m.istore(slot);
      listItemWord(c, slot, fromEnd, other);
    }

    /**
     * The heap word of item {@code c[i]} of the container and the index on the value stack (slots
     * d - 2 and d - 1, as LOAD_SUBSCR and STORE_SUBSCR find them) into B, by #listItemWord; A
     * holds the container.
     */
    private void stackListItem(int d, ClassAssembler.Label other) {
      load(d - 2);
      m.istore(A);
      load(d - 1);
      m.istore(B);
      listItemWord(A, B, true, other);
    }

    /**
     * The heap word of item {@code c[i]} into JVM local {@code i}, which holds the index (a tagged
     * value) before, {@code c} holding the container: when that is a list and the index a small
     * int in range (negative from the end, unless {@code fromEnd} is false: a constant that is not
     * negative), as Interpreter#item and #subscrSlot find it. Written out: in a long method a call
     * is one C2's inlining budget may not cover. Else to {@code other}, the JVM stack empty and
     * {@code i} spoilt.
     */
    private void listItemWord(int c, int i, boolean fromEnd, ClassAssembler.Label other) {
      typeTest(c, Types.LIST, other);
      m.iload(i);
      m.iconst(1);
      m.op(J_IAND);
      m.jump(J_IFEQ, other);
      m.iload(i);
      m.iconst(1);
      m.op(J_ISHR);
      m.istore(i);
      if (fromEnd) {
        ClassAssembler.Label from = m.label();
        m.iload(i);
        m.jump(J_IFGE, from);
        m.iload(i);
        word(c, 2); // the length, a small int
        m.iconst(1);
        m.op(J_ISHR);
        m.op(J_IADD);
        m.istore(i);
        m.bind(from);
        m.iload(i);
        m.jump(J_IFLT, other);
      }
      m.iload(i);
      word(c, 2);
      m.iconst(1);
      m.op(J_ISHR);
      m.jump(ClassAssembler.IF_ICMPGE, other);
      word(c, 3); // the items' array: its words from 2 on
      m.iconst(2);
      m.op(J_ISHR);
      m.iconst(2);
      m.op(J_IADD);
      m.iload(i);
      m.op(J_IADD);
      m.istore(i);
    }

    /**
     * To {@code other} unless JVM local {@code v} refers to an object (a reference: its two low
     * bits 0, and not 0) whose type byte is {@code type}.
     */
    private void typeTest(int v, int type, ClassAssembler.Label other) {
      m.iload(v);
      m.iconst(3);
      m.op(J_IAND);
      m.jump(J_IFNE, other);
      m.iload(v);
      m.jump(J_IFEQ, other);
      word(v, 1);
      m.iconst(0xFF);
      m.op(J_IAND);
      m.iconst(type);
      m.jump(J_IF_ICMPNE, other);
    }

    /** Pushes {@code w[(c >> 2) + k]}, c a JVM local: word k of the object it refers to. */
    private void word(int c, int k) {
      wordSlot(c, k);
      m.op(J_IALOAD);
    }

    /** Pushes w and {@code (c >> 2) + k}, for an IALOAD or an IASTORE of word k of the object c refers to. */
    private void wordSlot(int c, int k) {
      m.aload(W);
      m.iload(c);
      m.iconst(2);
      m.op(J_ISHR);
      m.iconst(k);
      m.op(J_IADD);
    }

    /** A = a new float box holding the double in JVM local {@code result}; to {@code generic} when the heap cannot give one. */
    private void newFloat(int start, int result, ClassAssembler.Label generic) {
      newFloatAt(depth[start], result, generic);
    }

    /** {@link #newFloat} with the value stack up to depth {@code sp}. */
    private void newFloatAt(int sp, int result, ClassAssembler.Label generic) {
      m.aload(VM);
      m.aload(T);
      stackIndex(sp);
      m.dload(result);
      m.invoke(J_INVOKEVIRTUAL, INTERP, "newFloat", "(L" + THREAD + ";ID)I");
      m.istore(A);
      m.iload(A);
      m.jump(J_IFEQ, generic);
    }

    /**
     * The end of a float statement that stores into an item, {@code c[k] = ...} or {@code c[k] op= ...}
     * (the STORE_SUBSCR at {@code store}): a new box for the double in JVM local {@code result},
     * written into the item's word (of a list, #listSlot; else Interpreter#subscrSlot: a dict and a
     * key it holds), then on after the store; {@code temp} and {@code temp + 1} are free JVM locals.
     */
    private void storeItem(int start, int store, int result, int temp, ClassAssembler.Label generic) {
      int target = (code[store - 1] & 0xFF) == ROT_THREE ? start : expressionEnd[start]; // the container's LOAD_FAST
      ClassAssembler.Label other = m.label();
      ClassAssembler.Label write = m.label();
      newFloat(start, result, generic);
      listSlot(target, temp, temp + 1, other);
      m.jump(J_GOTO, write);
      m.bind(other); // temp still holds the container
      m.aload(VM);
      m.iload(temp);
      pushIndex(target);
      m.invoke(J_INVOKEVIRTUAL, INTERP, "subscrSlot", "(II)I");
      m.istore(temp + 1);
      m.iload(temp + 1);
      m.jump(J_IFLT, generic); // the new box is garbage: the full way computes it again
      m.bind(write);
      m.aload(W);
      m.iload(temp + 1);
      m.iload(A);
      m.op(J_IASTORE);
      m.jump(J_GOTO, label(store + Opcodes.size(STORE_SUBSCR)));
      m.bind(generic);
    }

    /**
     * The double of the float box in A, on the JVM stack; to {@code generic} (the JVM stack empty)
     * when A is no float. Floats#isBox and Floats#load written out: as calls they are two of the
     * calls a long method's inlining budget runs out before (nbody's advance spent a third of its
     * time in them, not inlined).
     */
    private void unboxA(ClassAssembler.Label generic) {
      typeTest(A, Types.FLOAT, generic);
      bits64A();
      m.invoke(J_INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D");
    }

    /** {@code + - * / // % ** << >> & | ^} and their in-place forms (not {@code @}). */
    private static boolean isBinaryOperator(int op) {
      return op >= ADD && op <= XOR || op >= IADD && op <= IXOR;
    }

    private boolean binaryOperator(int pc, int op, int d) {
      boolean addSub = op == ADD || op == IADD || op == SUB || op == ISUB; // small ints inline first
      ClassAssembler.Label done = m.label();
      if (addSub && innermost[pc]) {
        smallAddSub(op, d, done);
      }
      m.aload(VM);
      m.aload(T);
      stackIndex(d);
      m.iconst(op);
      load(d - 2);
      load(d - 1);
      m.iconst(ci.freshOperands[pc]);
      if (!innermost[pc]) {
        m.invoke(J_INVOKEVIRTUAL, INTERP, addSub ? "addSubAway" : "binaryOpAway", "(L" + THREAD + ";IIIII)I");
        nonZeroOrExit(pc);
        storeA(d - 2);
        return true;
      }
      int x = into[pc];
      if (x < 0) {
        m.iconst(0);
      } else { // the box the local owns, if it owns one, takes the result
        ClassAssembler.Label none = m.label();
        ClassAssembler.Label box = m.label();
        m.iload(owns[x]);
        m.jump(J_IFEQ, none);
        local(x);
        m.op(J_IALOAD);
        m.jump(J_GOTO, box);
        m.bind(none);
        m.iconst(0);
        m.bind(box);
      }
      m.invoke(J_INVOKEVIRTUAL, INTERP, addSub ? "addSub" : "binaryOp", "(L" + THREAD + ";IIIIII)I");
      nonZeroOrExit(pc);
      storeA(d - 2);
      if (x >= 0) {
        m.aload(VM);
        m.field(J_GETFIELD, INTERP, "ownable", "I");
        m.istore(OWNABLE);
      }
      m.bind(done);
      return true;
    }

    /**
     * {@code a + b} or {@code a - b} of two small ints whose result is small, written out in the
     * method, then to {@code done}; anything else falls through to Interpreter#addSub. In a long
     * method the call is one C2's inlining budget may no longer cover, and int code is made of
     * these ({@code i += 1}).
     */
    private void smallAddSub(int op, int d, ClassAssembler.Label done) {
      ClassAssembler.Label other = m.label();
      twoSmallInts(d, other);
      m.iload(A);
      m.iconst(1);
      m.op(J_ISHR);
      m.iload(B);
      m.iconst(1);
      m.op(J_ISHR);
      m.op(op == ADD || op == IADD ? J_IADD : J_ISUB);
      m.istore(A);
      m.iload(A); // small: -SMALL_LIMIT < r < SMALL_LIMIT, so r + SMALL_LIMIT is positive and does not wrap
      m.iconst(Values.SMALL_LIMIT);
      m.op(J_IADD);
      m.jump(J_IFLE, other);
      m.iload(A);
      m.iconst(1);
      m.op(J_ISHL);
      m.iconst(1);
      m.op(J_IOR);
      m.istore(A);
      storeA(d - 2);
      m.iconst(0); // a small int owns no box
      m.istore(OWNABLE);
      m.jump(J_GOTO, done);
      m.bind(other);
    }

    /**
     * EQ..GE, IS, IS_NOT, IN and NOT_IN; fused with the conditional jump after it where that jump is
     * no resume point.
     */
    private boolean comparison(int pc, int op, int d, int next) {
      boolean identity = op == IS || op == IS_NOT;
      if (op >= EQ && op <= GE && next < code.length && fused[next]) {
        fusedComparison(pc, op, d, next);
        return true;
      }
      if (identity) {
        load(d - 2);
        load(d - 1);
      } else {
        m.aload(VM);
        m.iconst(op);
        load(d - 2);
        load(d - 1);
        m.invoke(J_INVOKEVIRTUAL, INTERP, op == IN || op == NOT_IN ? "containment" : "truth", "(III)I");
        m.istore(A);
        m.iload(A);
        m.jump(J_IFLT, exitAt(pc));
        m.iload(A);
      }
      // on the JVM stack: two words to compare (identity) or 1/0 (truth)
      if (next < code.length && fused[next]) {
        int j = code[next] & 0xFF;
        int target = Opcodes.readOperand(code, next, 0);
        boolean jumpIfTrue = j == POP_JUMP_IF_TRUE;
        int branch;
        if (identity) {
          boolean same = (op == IS) == jumpIfTrue; // jump when the words are equal
          branch = same ? J_IF_ICMPEQ : J_IF_ICMPNE;
        } else {
          branch = jumpIfTrue ? J_IFNE : J_IFEQ;
        }
        m.jump(branch, edge(next, target));
        return true;
      }
      if (identity) {
        ClassAssembler.Label differ = m.label();
        ClassAssembler.Label done = m.label();
        m.jump(J_IF_ICMPNE, differ);
        storeConst(d - 2, op == IS ? Values.TRUE : Values.FALSE);
        m.jump(J_GOTO, done);
        m.bind(differ);
        storeConst(d - 2, op == IS ? Values.FALSE : Values.TRUE);
        m.bind(done);
        return true;
      }
      bool();
      m.istore(A);
      storeA(d - 2);
      return true;
    }

    /**
     * EQ..GE and the conditional jump after it: two small ints compare as their tagged words, in
     * the method itself (the loop tests of int code: as a call, one a long method's inlining
     * budget may not cover); any other operands through Interpreter#truth, or execute.
     */
    private void fusedComparison(int pc, int op, int d, int next) {
      int target = Opcodes.readOperand(code, next, 0);
      boolean jumpIfTrue = (code[next] & 0xFF) == POP_JUMP_IF_TRUE;
      ClassAssembler.Label other = m.label();
      ClassAssembler.Label fall = m.label();
      twoSmallInts(d, other);
      m.iload(A);
      m.iload(B);
      m.jump(intBranch(jumpIfTrue ? op : negated(op)), edge(next, target));
      m.jump(J_GOTO, fall);
      m.bind(other);
      m.aload(VM);
      m.iconst(op);
      m.iload(A);
      m.iload(B);
      m.invoke(J_INVOKEVIRTUAL, INTERP, "truth", "(III)I");
      m.istore(A);
      m.iload(A);
      m.jump(J_IFLT, exitAt(pc));
      m.iload(A);
      m.jump(jumpIfTrue ? J_IFNE : J_IFEQ, edge(next, target));
      m.bind(fall);
    }

    /** A and B = the two values on top of the value stack (slots d - 2 and d - 1); to {@code other} unless both are small ints. */
    private void twoSmallInts(int d, ClassAssembler.Label other) {
      load(d - 2);
      m.istore(A);
      load(d - 1);
      m.istore(B);
      m.iload(A);
      m.iload(B);
      m.op(J_IAND);
      m.iconst(1);
      m.op(J_IAND);
      m.jump(J_IFEQ, other);
    }

    /** The comparison that holds where {@code cmp} (EQ..GE) does not, on ints. */
    private static int negated(int cmp) {
      switch (cmp) {
        case EQ: return NE;
        case NE: return EQ;
        case LT: return GE;
        case LE: return GT;
        case GT: return LE;
        default: return LT;
      }
    }

    /** The JVM's IF_ICMPxx that jumps where {@code cmp} (EQ..GE) holds. */
    private static int intBranch(int cmp) {
      switch (cmp) {
        case EQ: return ClassAssembler.IF_ICMPEQ;
        case NE: return ClassAssembler.IF_ICMPNE;
        case LT: return ClassAssembler.IF_ICMPLT;
        case LE: return ClassAssembler.IF_ICMPLE;
        case GT: return ClassAssembler.IF_ICMPGT;
        default: return ClassAssembler.IF_ICMPGE;
      }
    }

    /** Turns the 1 or 0 on the JVM stack into TRUE or FALSE: FALSE | 1 << 8 is TRUE. */
    private void bool() {
      m.iconst(8);
      m.op(J_ISHL);
      m.iconst(Values.FALSE);
      m.op(J_IOR);
    }

    private void global(int slot) {
      m.aload(W);
      plus(GBASE, slot);
    }

    private void stackIndex(int d) {
      plus(SB, d);
    }

    private void codeInfo() {
      m.aload(THIS);
      m.field(J_GETFIELD, COMPILED, "ci", CODE_INFO);
    }

    private void ordinals() {
      m.aload(THIS);
      m.field(J_GETFIELD, COMPILED, "ord", "[I");
    }
  }
}
