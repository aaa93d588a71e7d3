package dev.zvm.vm;

import static dev.zvm.bytecode.Opcodes.ADD;
import static dev.zvm.bytecode.Opcodes.FLOORDIV;
import static dev.zvm.bytecode.Opcodes.IFLOORDIV;
import static dev.zvm.bytecode.Opcodes.MOD;
import static dev.zvm.bytecode.Opcodes.IMOD;
import static dev.zvm.bytecode.Opcodes.AND;
import static dev.zvm.bytecode.Opcodes.IAND;
import static dev.zvm.bytecode.Opcodes.OR;
import static dev.zvm.bytecode.Opcodes.IOR;
import static dev.zvm.bytecode.Opcodes.XOR;
import static dev.zvm.bytecode.Opcodes.IXOR;
import static dev.zvm.bytecode.Opcodes.LSHIFT;
import static dev.zvm.bytecode.Opcodes.ILSHIFT;
import static dev.zvm.bytecode.Opcodes.RSHIFT;
import static dev.zvm.bytecode.Opcodes.IRSHIFT;
import static dev.zvm.bytecode.Opcodes.DUP_TOP_TWO;
import static dev.zvm.bytecode.Opcodes.EQ;
import static dev.zvm.bytecode.Opcodes.FOR_ITER;
import static dev.zvm.bytecode.Opcodes.GE;
import static dev.zvm.bytecode.Opcodes.GT;
import static dev.zvm.bytecode.Opcodes.IADD;
import static dev.zvm.bytecode.Opcodes.ISUB;
import static dev.zvm.bytecode.Opcodes.LE;
import static dev.zvm.bytecode.Opcodes.IMUL;
import static dev.zvm.bytecode.Opcodes.IPOW;
import static dev.zvm.bytecode.Opcodes.ITRUEDIV;
import static dev.zvm.bytecode.Opcodes.LOAD_ATTR;
import static dev.zvm.bytecode.Opcodes.LOAD_BUILTIN;
import static dev.zvm.bytecode.Opcodes.LOAD_CONST;
import static dev.zvm.bytecode.Opcodes.LOAD_FALSE;
import static dev.zvm.bytecode.Opcodes.LOAD_GLOBAL;
import static dev.zvm.bytecode.Opcodes.LOAD_NONE;
import static dev.zvm.bytecode.Opcodes.LOAD_TRUE;
import static dev.zvm.bytecode.Opcodes.MUL;
import static dev.zvm.bytecode.Opcodes.TRUEDIV;
import static dev.zvm.bytecode.Opcodes.LOAD_FAST;
import static dev.zvm.bytecode.Opcodes.LOAD_METHOD;
import static dev.zvm.bytecode.Opcodes.LOAD_SMALL_INT;
import static dev.zvm.bytecode.Opcodes.LOAD_SUBSCR;
import static dev.zvm.bytecode.Opcodes.LT;
import static dev.zvm.bytecode.Opcodes.NE;
import static dev.zvm.bytecode.Opcodes.POP_JUMP_IF_FALSE;
import static dev.zvm.bytecode.Opcodes.POW;
import static dev.zvm.bytecode.Opcodes.ROT_THREE;
import static dev.zvm.bytecode.Opcodes.STORE_SUBSCR;
import static dev.zvm.bytecode.Opcodes.STORE_FAST;
import static dev.zvm.bytecode.Opcodes.SUB;

import dev.zvm.bytecode.Opcodes;

/**
 * Pairs of instructions that {@link Interpreter#fast} runs as one: the VM's own opcodes, never in an
 * image (0xE0 and up, which the image format leaves unassigned).
 *
 * <p>At load, {@link #quicken} copies a code object's bytes and, for each pair it fuses, overwrites the
 * first instruction's opcode byte with the pair's opcode. Nothing else changes: operands stay where
 * they were, and the second instruction stays whole at its own pc. So a jump into the middle of a
 * pair runs the second instruction alone; line numbers, handlers, the inline caches (keyed by the
 * pc of the instruction that owns them) and the opcode count (an ordinal per pc, CodeInfo#ordinal:
 * a pair that runs to its end lands where both count) all stay as they were. Only the fast loop
 * reads the quickened copy. When it cannot finish a pair on its fast path, it returns at the pair's
 * pc before changing anything, and {@link Interpreter#execute}, which reads the image's own bytes,
 * runs the first instruction in full.
 *
 * <p>Why: in {@code while i < n: i += 1} the nine opcodes become five dispatches. A dispatch (load the
 * opcode, bounds-check, jump through the table, keep pc and sp in step) is most of what a simple
 * opcode costs here. The pairs were chosen by how often they follow each other in the benchmark
 * corpus and in the loops of the test programs.
 */
final class Superinstructions {
  /** {@code LOAD_FAST a; LOAD_FAST b}. */
  static final int LOAD_FAST_LOAD_FAST = 0xE0;
  /** {@code LOAD_FAST a; LOAD_SMALL_INT k}. */
  static final int LOAD_FAST_SMALL_INT = 0xE1;
  /** {@code STORE_FAST a; LOAD_FAST b}. */
  static final int STORE_FAST_LOAD_FAST = 0xE2;
  /** {@code ADD or IADD; STORE_FAST a}: numbers only, so the two are the same. */
  static final int ADD_STORE_FAST = 0xE3;
  /** {@code SUB or ISUB; STORE_FAST a}. */
  static final int SUB_STORE_FAST = 0xE4;
  /** {@code FOR_ITER end; STORE_FAST a}. */
  static final int FOR_ITER_STORE_FAST = 0xE5;
  /** {@code LOAD_FAST a; LOAD_ATTR name}: {@code self.x}. */
  static final int LOAD_FAST_ATTR = 0xE6;
  /** {@code LOAD_FAST a; LOAD_METHOD name}: {@code self.m(...)}. */
  static final int LOAD_FAST_METHOD = 0xE7;
  /** {@code EQ; POP_JUMP_IF_FALSE target}, and the same for the five comparisons after it. */
  static final int EQ_JUMP_IF_FALSE = 0xE8;
  static final int NE_JUMP_IF_FALSE = 0xE9;
  static final int LT_JUMP_IF_FALSE = 0xEA;
  static final int LE_JUMP_IF_FALSE = 0xEB;
  static final int GT_JUMP_IF_FALSE = 0xEC;
  static final int GE_JUMP_IF_FALSE = 0xED;
  /**
   * {@code LOAD_FAST a; LOAD_SMALL_INT k; LOAD_SUBSCR}: {@code a[k]} with a constant index, the one
   * triple (nbody's {@code b[6]}, a record kept as a list or a tuple).
   */
  static final int LOAD_FAST_INDEX = 0xEE;
  /** {@code DUP_TOP_TWO; LOAD_SUBSCR}: the read of {@code a[i] += x}. */
  static final int DUP_TOP_TWO_SUBSCR = 0xEF;
  /** {@code ROT_THREE; STORE_SUBSCR}: the write of {@code a[i] += x}. */
  static final int ROT_THREE_STORE_SUBSCR = 0xF0;
  /**
   * {@code op; STORE_FAST} for the other binary operators ({@code * / // % ** & | ^ << >>} and their
   * in-place forms): {@code tr = zr * zr}. One opcode for all of them; the loop reads which operator
   * from the image's own byte at the pair's pc.
   */
  static final int ARITH_STORE_FAST = 0xF1;
  /**
   * {@code LOAD_FAST a; LOAD_SMALL_INT k; ADD or SUB (or IADD, ISUB); STORE_FAST b}: {@code i += 1},
   * the commonest four instructions in the corpus's loops. A quad: its first byte is rewritten over
   * the pair {@link #LOAD_FAST_SMALL_INT}, and the pair at its third instruction stays, for a jump there
   * and for execute after a refusal.
   */
  static final int INC_FAST = 0xF2;
  /** {@link #INC_FAST}, then {@code LOOP}: the increment that ends a {@code while} loop's body. */
  static final int INC_FAST_LOOP = 0xF3;
  /**
   * {@code LOAD_FAST a; LOAD_FAST b; EQ..GE; POP_JUMP_IF_FALSE target}: {@code while i < n:}. The
   * comparison is read from the pair at its third instruction.
   */
  static final int COMPARE_FAST_FAST = 0xF4;
  /** {@code LOAD_FAST a; LOAD_SMALL_INT k; EQ..GE; POP_JUMP_IF_FALSE target}: {@code if i == 0:}. */
  static final int COMPARE_FAST_INT = 0xF5;
  /** {@code LOAD_FAST a; LOAD_FAST i; LOAD_SUBSCR}: {@code a[i]}, a triple over its first pair. */
  static final int FAST_FAST_SUBSCR = 0xF6;
  /** {@code LOAD_GLOBAL g; LOAD_FAST a}: {@code f(a)}, {@code fib(n - 1)}. */
  static final int GLOBAL_LOAD_FAST = 0xF7;

  static {
    // the comparisons fuse by offset: EQ..GE and their pairs must stay in the same order
    if (NE - EQ != 1 || LT - EQ != 2 || LE - EQ != 3 || GT - EQ != 4 || GE - EQ != 5) {
      throw new AssertionError("comparison opcodes out of order");
    }
    // otherBinary's ranges, and arith's in-place offset: each operator's in-place form sits IADD - ADD
    // above it
    int[][] groups = {{MUL, IMUL}, {TRUEDIV, ITRUEDIV}, {FLOORDIV, IFLOORDIV}, {MOD, IMOD}, {POW, IPOW},
        {LSHIFT, ILSHIFT}, {RSHIFT, IRSHIFT}, {AND, IAND}, {OR, IOR}, {XOR, IXOR}};
    for (int[] g : groups) {
      if (g[0] < MUL || g[0] > XOR || g[1] - g[0] != IADD - ADD) {
        throw new AssertionError("binary opcodes out of order");
      }
    }
    if (XOR - MUL != groups.length - 1) {
      throw new AssertionError("binary opcodes out of order");
    }
  }

  private Superinstructions() {}

  /** The comparison opcode (EQ..GE) of a fused comparison. */
  static int comparison(int fused) {
    return fused - EQ_JUMP_IF_FALSE + EQ;
  }

  /**
   * A copy of {@code code} with the first opcode byte of each fused pair (or triple) rewritten. They
   * are taken greedily from the start, so no instruction begins two of them.
   */
  static byte[] quicken(byte[] code) {
    byte[] q = pairs(code);
    quads(code, q);
    return q;
  }

  /**
   * Over the pairs: rewrites the first byte of each quad ({@link #INC_FAST}, {@link #COMPARE_FAST_FAST}
   * and the rest) and of {@link #FAST_FAST_SUBSCR}, which always start where a pair of their first two
   * instructions does.
   */
  private static void quads(byte[] code, byte[] q) {
    for (int pc = 0; pc < code.length; pc += Opcodes.size(code[pc] & 0xFF)) {
      int first = q[pc] & 0xFF;
      if (first != LOAD_FAST_SMALL_INT && first != LOAD_FAST_LOAD_FAST) {
        continue;
      }
      int third = pc + Opcodes.size(LOAD_FAST) + Opcodes.size(first == LOAD_FAST_LOAD_FAST ? LOAD_FAST : LOAD_SMALL_INT);
      if (third >= code.length) {
        continue;
      }
      int fused = q[third] & 0xFF;
      if (first == LOAD_FAST_LOAD_FAST && fused == LOAD_SUBSCR) {
        q[pc] = (byte) FAST_FAST_SUBSCR;
      } else if (fused >= EQ_JUMP_IF_FALSE && fused <= GE_JUMP_IF_FALSE) {
        q[pc] = (byte) (first == LOAD_FAST_LOAD_FAST ? COMPARE_FAST_FAST : COMPARE_FAST_INT);
      } else if (fused == ADD_STORE_FAST || fused == SUB_STORE_FAST) {
        int after = third + Opcodes.size(ADD) + Opcodes.size(STORE_FAST);
        if (first == LOAD_FAST_SMALL_INT) {
          q[pc] = (byte) (after < code.length && (code[after] & 0xFF) == Opcodes.LOOP ? INC_FAST_LOOP : INC_FAST);
        }
      }
    }
  }

  /** The pairs and the one triple, taken greedily from the start. */
  private static byte[] pairs(byte[] code) {
    byte[] q = code.clone();
    int pc = 0;
    while (pc < code.length) {
      int op = code[pc] & 0xFF;
      int next = pc + Opcodes.size(op);
      if (next >= code.length) {
        break;
      }
      int second = code[next] & 0xFF;
      int third = next + Opcodes.size(second);
      if (op == LOAD_FAST && second == LOAD_SMALL_INT && third < code.length
          && (code[third] & 0xFF) == LOAD_SUBSCR) {
        q[pc] = (byte) LOAD_FAST_INDEX;
        pc = third + Opcodes.size(LOAD_SUBSCR);
        continue;
      }
      int fused = pair(op, second);
      if (fused != 0) {
        q[pc] = (byte) fused;
        pc = next + Opcodes.size(second);
      } else {
        pc = next;
      }
    }
    return q;
  }

  /** {@link #freshOperands}: the left operand of the arithmetic at this pc is a temporary. */
  static final byte LEFT_TEMP = 1;
  /** {@link #freshOperands}: the right operand is one. */
  static final byte RIGHT_TEMP = 2;

  /**
   * For each binary operator but {@code @} (and their in-place forms), whether an operand is a
   * temporary: the result of another of these, pushed by it onto the stack and taken from there by
   * this one, with only plain loads (locals, constants, globals, builtins) between the two, and no
   * jump or handler landing in between. Such a value is referenced by that stack slot alone, so the
   * fast loop may write its own float or int result into the temporary's box instead of allocating
   * one (it checks at run time that the box is the float or int the other instruction just made:
   * Interpreter#fresh). In {@code 2.0 * zr * zi + ci} the last two operations reuse the first one's
   * box, and in {@code (seed * 1103515245 + 12345) & 0x7FFFFFFF} the last two the first one's.
   *
   * <p>A one-pass simulation of the stack within straight-line code: any instruction it does not know
   * (a store, a call, a DUP, a jump) ends the window, and every value below the window counts as
   * not a temporary. Returns one byte per code byte, 0 where nothing may be reused.
   */
  static byte[] freshOperands(byte[] code, int[] handlers) {
    byte[] marks = new byte[code.length];
    boolean[] landing = new boolean[code.length + 1];
    for (int pc = 0; pc < code.length; pc += Opcodes.size(code[pc] & 0xFF)) {
      int op = code[pc] & 0xFF;
      if (Opcodes.has(op, Opcodes.F_JUMP)) {
        landing[Opcodes.readOperand(code, pc, Opcodes.targetOperand(op))] = true;
      }
    }
    for (int i = 2; i < handlers.length; i += 4) {
      landing[handlers[i]] = true;
    }
    boolean[] temp = new boolean[code.length + 2]; // the window's stack: temp[d] for depth d above its base
    int depth = 0;
    for (int pc = 0; pc < code.length; pc += Opcodes.size(code[pc] & 0xFF)) {
      if (landing[pc]) {
        depth = 0;
      }
      switch (code[pc] & 0xFF) {
        case LOAD_FAST:
        case LOAD_CONST:
        case LOAD_SMALL_INT:
        case LOAD_GLOBAL:
        case LOAD_BUILTIN:
        case LOAD_NONE:
        case LOAD_TRUE:
        case LOAD_FALSE:
          temp[depth++] = false; // at most one push per code byte: temp cannot overflow
          break;
        case ADD:
        case IADD:
        case SUB:
        case ISUB:
        case MUL:
        case IMUL:
        case TRUEDIV:
        case ITRUEDIV:
        case FLOORDIV:
        case IFLOORDIV:
        case MOD:
        case IMOD:
        case POW:
        case IPOW:
        case LSHIFT:
        case ILSHIFT:
        case RSHIFT:
        case IRSHIFT:
        case AND:
        case IAND:
        case OR:
        case IOR:
        case XOR:
        case IXOR: {
          int m = (depth >= 2 && temp[depth - 2] ? LEFT_TEMP : 0) | (depth >= 1 && temp[depth - 1] ? RIGHT_TEMP : 0);
          marks[pc] = (byte) m;
          depth = Math.max(0, depth - 2);
          temp[depth++] = true;
          break;
        }
        default:
          depth = 0;
          break;
      }
    }
    return marks;
  }

  /** The opcode that runs {@code first} then {@code second}, or 0 if they do not fuse. */
  static int pair(int first, int second) {
    switch (first) {
      case LOAD_FAST:
        switch (second) {
          case LOAD_FAST:
            return LOAD_FAST_LOAD_FAST;
          case LOAD_SMALL_INT:
            return LOAD_FAST_SMALL_INT;
          case LOAD_ATTR:
            return LOAD_FAST_ATTR;
          case LOAD_METHOD:
            return LOAD_FAST_METHOD;
          default:
            return 0;
        }
      case STORE_FAST:
        return second == LOAD_FAST ? STORE_FAST_LOAD_FAST : 0;
      case LOAD_GLOBAL:
        return second == LOAD_FAST ? GLOBAL_LOAD_FAST : 0;
      case ADD:
      case IADD:
        return second == STORE_FAST ? ADD_STORE_FAST : 0;
      case SUB:
      case ISUB:
        return second == STORE_FAST ? SUB_STORE_FAST : 0;
      case FOR_ITER:
        return second == STORE_FAST ? FOR_ITER_STORE_FAST : 0;
      case DUP_TOP_TWO:
        return second == LOAD_SUBSCR ? DUP_TOP_TWO_SUBSCR : 0;
      case ROT_THREE:
        return second == STORE_SUBSCR ? ROT_THREE_STORE_SUBSCR : 0;
      case EQ:
      case NE:
      case LT:
      case LE:
      case GT:
      case GE:
        return second == POP_JUMP_IF_FALSE ? EQ_JUMP_IF_FALSE + (first - EQ) : 0;
      default:
        return second == STORE_FAST && otherBinary(first) ? ARITH_STORE_FAST : 0;
    }
  }

  /**
   * {@code * / // % ** << >> & | ^} and their in-place forms: the binary operators other than
   * {@code +} and {@code -}, which the image numbers MUL..XOR and IMUL..IXOR (checked at class load).
   */
  static boolean otherBinary(int op) {
    int base = op >= IADD ? op - (IADD - ADD) : op;
    return base >= MUL && base <= XOR;
  }
}
