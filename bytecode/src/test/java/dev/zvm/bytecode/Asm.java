package dev.zvm.bytecode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A test assembler: emits instructions by the opcode table, with forward and backward labels. */
final class Asm {
  private byte[] buf = new byte[64];
  private int size;
  private final List<int[]> fixups = new ArrayList<>(); // {operand pc, label}
  private int[] labels = new int[8];
  private int labelCount;

  /** Emits {@code op} with its operands, each written at the width the table gives. */
  Asm op(int op, int... args) {
    if (args.length != Opcodes.operandCount(op)) {
      throw new IllegalArgumentException(
          Opcodes.name(op) + " takes " + Opcodes.operandCount(op) + " operands");
    }
    u8(op);
    for (int i = 0; i < args.length; i++) {
      operand(Opcodes.operandWidth(op, i), args[i]);
    }
    return this;
  }

  /** Raw bytes, for broken code. */
  Asm raw(int... bytes) {
    for (int b : bytes) {
      u8(b);
    }
    return this;
  }

  int newLabel() {
    if (labelCount == labels.length) {
      labels = Arrays.copyOf(labels, labelCount * 2);
    }
    labels[labelCount] = -1;
    return labelCount++;
  }

  /** Binds {@code label} here; returns this. */
  Asm bind(int label) {
    labels[label] = size;
    return this;
  }

  /** A jump opcode to {@code label}, patched when the code is built. */
  Asm jump(int op, int label) {
    u8(op);
    fixups.add(new int[] {size, label});
    operand(Opcodes.operandWidth(op, 0), 0);
    return this;
  }

  int pc() {
    return size;
  }

  byte[] build() {
    byte[] out = Arrays.copyOf(buf, size);
    for (int[] f : fixups) {
      int target = labels[f[1]];
      if (target < 0) {
        throw new IllegalStateException("unbound label " + f[1]);
      }
      out[f[0]] = (byte) target;
      out[f[0] + 1] = (byte) (target >> 8);
    }
    return out;
  }

  private void operand(int width, int v) {
    u8(v);
    if (width == 2) {
      u8(v >> 8);
    }
  }

  private void u8(int b) {
    if (size == buf.length) {
      buf = Arrays.copyOf(buf, size * 2);
    }
    buf[size++] = (byte) b;
  }
}
