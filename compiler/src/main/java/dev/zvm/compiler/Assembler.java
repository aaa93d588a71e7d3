package dev.zvm.compiler;

import dev.zvm.bytecode.CodeObject;
import dev.zvm.bytecode.Constant;
import dev.zvm.bytecode.Opcodes;
import dev.zvm.compiler.CodeUnit.HandlerEntry;
import dev.zvm.compiler.CodeUnit.Insn;
import dev.zvm.compiler.CodeUnit.Label;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One linked {@link CodeUnit} to a {@link CodeObject}: lays the instructions out (every operand
 * has a fixed width, so one pass places the labels), encodes the operands through the linker's
 * tables, builds the line table and the exception table, and computes the maximum stack depth by
 * flow analysis over the encoded code, the way the verifier will check it.
 */
final class Assembler {

  /** The linker's tables, as the assembler needs them. */
  interface Tables {
    int name(String name);

    int constant(Constant c);

    int global(ModuleUnit module, String name);

    int builtin(String name);

    int code(CodeUnit unit);

    int nativeIndex(String name);

    int module(ModuleUnit module);
  }

  /** An error in the input that only shows at this stage (a code object too large). */
  static final class AssemblyError extends RuntimeException {
    /** The unit at fault, or null when the whole program is. */
    final transient CodeUnit unit;

    AssemblyError(String message) {
      this(null, message);
    }

    AssemblyError(CodeUnit unit, String message) {
      super(message, null, false, false);
      this.unit = unit;
    }
  }

  private Assembler() {}

  /** The size in bytes of the unit's instructions (used for dropped-code statistics too). */
  static int size(CodeUnit u) {
    int pc = 0;
    for (Insn i : u.code) {
      if (i.op >= 0) {
        pc += Opcodes.size(i.op);
      }
    }
    return pc;
  }

  static CodeObject assemble(CodeUnit u, Tables t) {
    // 1. layout
    int pc = 0;
    for (Insn i : u.code) {
      if (i.op == CodeUnit.LABEL) {
        ((Label) i.ref).pc = pc;
      } else if (i.op >= 0) {
        pc += Opcodes.size(i.op);
      }
    }
    if (pc > 65535) {
      throw new AssemblyError(u, "'" + u.name + "' is too large: " + pc + " bytes of code, at most 65535");
    }
    if (u.localNames.size() > 256) {
      throw new AssemblyError(u, "'" + u.name + "' has too many local variables: " + u.localNames.size() + ", at most 256");
    }
    // 2. encoding
    byte[] code = new byte[pc];
    List<Integer> lines = new ArrayList<>();
    List<Integer> constants = new ArrayList<>();
    Map<Integer, Integer> constIndex = new HashMap<>();
    int at = 0;
    int lastLine = -1;
    for (Insn i : u.code) {
      if (i.op < 0) {
        continue;
      }
      if (i.line > 0 && i.line != lastLine) {
        lines.add(at);
        lines.add(i.line);
        lastLine = i.line;
      }
      code[at] = (byte) i.op;
      int w0 = Opcodes.operandWidth(i.op, 0);
      int w1 = Opcodes.operandWidth(i.op, 1);
      if (w0 > 0) {
        int v = operand0(u, i, t, constants, constIndex);
        put(code, at + 1, w0, v, Opcodes.operandKind(i.op, 0), u, i);
      }
      if (w1 > 0) {
        put(code, at + 1 + w0, w1, i.arg1, Opcodes.operandKind(i.op, 1), u, i);
      }
      at += Opcodes.size(i.op);
    }
    // 3. the exception table, empty ranges dropped
    List<CodeObject.Handler> handlers = new ArrayList<>();
    for (HandlerEntry h : u.handlers) {
      if (h.start().pc < h.end().pc) {
        handlers.add(new CodeObject.Handler(h.start().pc, h.end().pc, h.handler().pc, h.depth()));
      }
    }
    CodeObject.Handler[] table = handlers.toArray(new CodeObject.Handler[0]);
    int maxStack = maxStack(u, code, table);
    int[] localNames = new int[u.localNames.size()];
    for (int k = 0; k < localNames.length; k++) {
      localNames[k] = t.name(u.localNames.get(k));
    }
    return new CodeObject(
        t.name(u.name),
        t.module(u.module),
        u.kind,
        u.flags,
        u.argCount,
        u.kwOnlyCount,
        u.localNames.size(),
        localNames,
        new int[0],
        0,
        maxStack,
        constants.stream().mapToInt(Integer::intValue).toArray(),
        code,
        lines.stream().mapToInt(Integer::intValue).toArray(),
        table);
  }

  private static int operand0(
      CodeUnit u, Insn i, Tables t, List<Integer> constants, Map<Integer, Integer> constIndex) {
    int kind = Opcodes.operandKind(i.op, 0);
    return switch (kind) {
      case Opcodes.K_CONST -> {
        int pool = t.constant((Constant) i.ref);
        yield constIndex.computeIfAbsent(pool, p -> {
          constants.add(p);
          return constants.size() - 1;
        });
      }
      case Opcodes.K_NAME -> t.name((String) i.ref);
      case Opcodes.K_GLOBAL -> t.global(u.module, (String) i.ref);
      case Opcodes.K_BUILTIN -> t.builtin((String) i.ref);
      case Opcodes.K_CODE -> t.code((CodeUnit) i.ref);
      case Opcodes.K_NATIVE -> t.nativeIndex((String) i.ref);
      case Opcodes.K_MODULE -> t.module(((CodeUnit.ModuleRef) i.ref).module());
      case Opcodes.K_TARGET -> ((Label) i.ref).pc;
      default -> i.arg0;
    };
  }

  private static void put(byte[] code, int at, int width, int v, int kind, CodeUnit u, Insn i) {
    boolean fits = kind == Opcodes.K_INT
        ? v >= -(1 << (8 * width - 1)) && v < (1 << (8 * width - 1))
        : v >= 0 && v < (1 << (8 * width));
    if (!fits) {
      throw new AssemblyError(u, "'" + u.name + "' line " + i.line + ": operand " + v + " of "
          + Opcodes.name(i.op) + " does not fit in " + width + " byte(s)");
    }
    code[at] = (byte) v;
    if (width == 2) {
      code[at + 1] = (byte) (v >> 8);
    }
  }

  /**
   * The deepest the stack gets, following every path from pc 0 and from every handler. A depth
   * mismatch or an underflow is a bug in the code generator, reported as such.
   */
  static int maxStack(CodeUnit u, byte[] code, CodeObject.Handler[] handlers) {
    int[] depthAt = new int[code.length + 1];
    Arrays.fill(depthAt, -1);
    ArrayDeque<Integer> work = new ArrayDeque<>();
    int max = 0;
    merge(u, depthAt, work, 0, 0);
    for (CodeObject.Handler h : handlers) {
      // as the verifier does: every handler is an entry, at its depth plus the exception
      merge(u, depthAt, work, h.handlerPc(), h.depth() + 1);
      max = Math.max(max, h.depth() + 1);
    }
    while (!work.isEmpty()) {
      int pc = work.pop();
      int d = depthAt[pc];
      if (pc >= code.length) {
        throw new IllegalStateException("'" + u.name + "' falls off the end of its code");
      }
      int op = code[pc] & 0xFF;
      int a0 = Opcodes.readOperand(code, pc, 0);
      int a1 = Opcodes.readOperand(code, pc, 1);
      int pops = Opcodes.pops(op, a0, a1);
      int pushes = Opcodes.pushes(op, a0, a1);
      if (d < pops) {
        throw new IllegalStateException("'" + u.name + "' pc " + pc + " " + Opcodes.name(op)
            + ": stack underflow (depth " + d + ")");
      }
      int next = d - pops + pushes;
      max = Math.max(max, Math.max(next, d));
      if (Opcodes.has(op, Opcodes.F_JUMP)) {
        merge(u, depthAt, work, a0, d + Opcodes.jumpEffect(op, a0, a1));
      }
      if (!Opcodes.has(op, Opcodes.F_NO_FALLTHROUGH)) {
        merge(u, depthAt, work, pc + Opcodes.size(op), next);
      }
    }
    return max;
  }

  private static void merge(CodeUnit u, int[] depthAt, ArrayDeque<Integer> work, int pc, int d) {
    if (depthAt[pc] < 0) {
      depthAt[pc] = d;
      work.push(pc);
    } else if (depthAt[pc] != d) {
      throw new IllegalStateException("'" + u.name + "' pc " + pc + ": stack depth " + d
          + " meets depth " + depthAt[pc]);
    }
  }
}
