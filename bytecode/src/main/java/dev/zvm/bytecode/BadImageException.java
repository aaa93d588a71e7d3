package dev.zvm.bytecode;

/**
 * An image that must not run: its bytes do not parse ({@link ImageReader}) or its contents break a
 * rule of the format ({@link Verifier}). The message says what is wrong and where: the section
 * and byte offset for a parse error; the code object (index and name), the pc and the opcode for
 * a bad instruction.
 *
 * <p>Unchecked on purpose: every producer of images (the compiler, tests) builds valid ones, and
 * the one place a bad image is an expected outcome is a boundary (the CLI, {@code Vm.load}),
 * which catches it and reports the message. It is the only exception the reader and the verifier
 * throw, whatever the input.
 */
public final class BadImageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int codeIndex;
  private final int pc;

  /** A problem outside any instruction (header, tables, a code object's fields). */
  public BadImageException(String message) {
    this(-1, -1, message);
  }

  /**
   * A problem in code object {@code codeIndex} at {@code pc} (-1 when not at an instruction); the
   * message already says where.
   */
  public BadImageException(int codeIndex, int pc, String message) {
    super(message);
    this.codeIndex = codeIndex;
    this.pc = pc;
  }

  /** The code object at fault, or -1. */
  public int codeIndex() {
    return codeIndex;
  }

  /** The pc at fault in {@link #codeIndex()}, or -1. */
  public int pc() {
    return pc;
  }
}
