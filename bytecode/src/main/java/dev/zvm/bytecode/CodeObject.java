package dev.zvm.bytecode;

import java.util.Arrays;
import java.util.Objects;

/**
 * One compiled body: a function, a class body or a module body. Immutable once built; the image
 * holds them by index, and {@link Opcodes#MAKE_FUNCTION}, {@link Opcodes#BUILD_CLASS} and the
 * module table refer to them by that index.
 *
 * <p>Frame layout the interpreter builds from it: {@code localCount} fast locals (the parameters
 * first: positional, then keyword-only, then {@code *args}, then {@code **kwargs}), then the cells
 * ({@code cellLocals.length} cells this code creates, then {@code freeCount} free variables taken
 * from the function's closure), then at most {@code maxStack} values of operand stack.
 *
 * @param nameId the function's, class's or module's name id
 * @param module index of the module whose globals {@code LOAD_GLOBAL} reads
 * @param kind {@link #KIND_MODULE}, {@link #KIND_CLASS} or {@link #KIND_FUNCTION}
 * @param flags {@code FLAG_*} bits
 * @param argCount positional parameters, {@code *args} not counted
 * @param kwOnlyCount keyword-only parameters
 * @param localCount fast local slots, parameters included
 * @param localNames name id of every local slot ({@code localCount} entries); keyword binding
 *     and class namespaces use them
 * @param cellLocals for each cell this code creates, the local slot of the parameter it starts
 *     from, or -1 if it starts empty
 * @param freeCount free variables (closure cells passed in)
 * @param maxStack the deepest the operand stack gets, as the verifier proves
 * @param constants indices into the image's constant pool; {@code LOAD_CONST n} pushes
 *     {@code pool[constants[n]]}
 * @param code the instructions
 * @param lineTable pairs {@code (startPc, line)}, pcs ascending: the line of pc p is the line of
 *     the last pair with startPc ≤ p
 * @param handlers the exception table, innermost first
 */
public record CodeObject(
    int nameId,
    int module,
    int kind,
    int flags,
    int argCount,
    int kwOnlyCount,
    int localCount,
    int[] localNames,
    int[] cellLocals,
    int freeCount,
    int maxStack,
    int[] constants,
    byte[] code,
    int[] lineTable,
    Handler[] handlers) {

  public static final int KIND_MODULE = 0;
  public static final int KIND_CLASS = 1;
  public static final int KIND_FUNCTION = 2;

  /** The last positional-or-keyword parameter slot is followed by a {@code *args} tuple slot. */
  public static final int FLAG_VARARGS = 1;
  /** A {@code **kwargs} dict slot follows the {@code *args} slot (or the keyword-only ones). */
  public static final int FLAG_VARKEYWORDS = 1 << 1;
  /** Reserved for the language level: the body is a generator. */
  public static final int FLAG_GENERATOR = 1 << 2;

  /**
   * One exception-table entry: an exception raised at a pc in {@code [startPc, endPc)} resets the
   * operand stack to {@code depth} values, pushes the exception, and continues at {@code
   * handlerPc}. The first matching entry wins, so inner handlers come first.
   */
  public record Handler(int startPc, int endPc, int handlerPc, int depth) {}

  public CodeObject {
    Objects.requireNonNull(localNames, "localNames");
    Objects.requireNonNull(cellLocals, "cellLocals");
    Objects.requireNonNull(constants, "constants");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(lineTable, "lineTable");
    Objects.requireNonNull(handlers, "handlers");
  }

  /** Parameter slots bound by a call: positional, keyword-only, and the star slots. */
  public int parameterCount() {
    return argCount
        + kwOnlyCount
        + ((flags & FLAG_VARARGS) != 0 ? 1 : 0)
        + ((flags & FLAG_VARKEYWORDS) != 0 ? 1 : 0);
  }

  public int cellCount() {
    return cellLocals.length;
  }

  /** The source line of the instruction at {@code pc}, or 0 if the line table says nothing. */
  public int lineAt(int pc) {
    int line = 0;
    for (int i = 0; i + 1 < lineTable.length; i += 2) {
      if (lineTable[i] > pc) {
        break;
      }
      line = lineTable[i + 1];
    }
    return line;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CodeObject c
        && nameId == c.nameId
        && module == c.module
        && kind == c.kind
        && flags == c.flags
        && argCount == c.argCount
        && kwOnlyCount == c.kwOnlyCount
        && localCount == c.localCount
        && freeCount == c.freeCount
        && maxStack == c.maxStack
        && Arrays.equals(localNames, c.localNames)
        && Arrays.equals(cellLocals, c.cellLocals)
        && Arrays.equals(constants, c.constants)
        && Arrays.equals(code, c.code)
        && Arrays.equals(lineTable, c.lineTable)
        && Arrays.equals(handlers, c.handlers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(nameId, module, kind, Arrays.hashCode(code));
  }

  @Override
  public String toString() {
    return "CodeObject[nameId=" + nameId + ", kind=" + kind + ", " + code.length + " bytes]";
  }
}
