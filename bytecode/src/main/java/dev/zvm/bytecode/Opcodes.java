package dev.zvm.bytecode;

/**
 * The instruction set: one table. Every opcode is a {@code static final int} below, and one row in
 * the metadata arrays gives its name, its operands (kind and width), its stack effect, its flags
 * and a one-line meaning. The compiler, the verifier, the disassembler and the interpreter read
 * these arrays; {@code OpcodesTest} keeps them consistent. There is no second copy of this list.
 *
 * <p>Encoding: a one-byte opcode followed by its operands, little-endian, unaligned; at most two
 * operands and four bytes in all. Jump targets are absolute pcs (u16) within the code object, so
 * a code object is at most 65535 bytes. Only {@link #LOOP} jumps backwards, and every backward
 * jump is a {@link #LOOP}: that is where the interpreter's safe points are, with calls and
 * returns.
 *
 * <p>Stack notation in the meanings: {@code [a, b] -> [c]} shows the top of the stack on the
 * right. Exceptions are handled through each code object's exception table, not through block
 * opcodes (see {@link CodeObject.Handler}): entering a handler resets the stack to the handler's
 * depth and pushes the exception.
 */
public final class Opcodes {
  private Opcodes() {}

  // ---- operand kinds: what an operand indexes, so the verifier can range-check it ----
  public static final int K_NONE = 0;
  /** Index into the code object's constant list. */
  public static final int K_CONST = 1;
  /** A fast local slot of the current frame (u8). */
  public static final int K_LOCAL = 2;
  /** A global slot of the code object's module. */
  public static final int K_GLOBAL = 3;
  /** A 16-bit name id (attributes, keyword names). */
  public static final int K_NAME = 4;
  /** Index into the image's code objects. */
  public static final int K_CODE = 5;
  /** Index into the image's native table. */
  public static final int K_NATIVE = 6;
  /** A global slot of the builtins module. */
  public static final int K_BUILTIN = 7;
  /** Index into the image's exception tree. */
  public static final int K_EXCEPTION = 8;
  /** An absolute pc in the same code object. */
  public static final int K_TARGET = 9;
  /** A count (of items, arguments, depth); never an index. */
  public static final int K_COUNT = 10;
  /** A signed immediate integer. */
  public static final int K_INT = 11;
  /** Index into the image's module table. */
  public static final int K_MODULE = 12;
  /** A cell or free variable of the current frame (u8). */
  public static final int K_CELL = 13;
  /** Bit flags, meaning given by the opcode. */
  public static final int K_FLAGS = 14;

  // ---- flags ----
  /** The operand is a jump target. */
  public static final int F_JUMP = 1;
  /** Execution never falls through to the next instruction. */
  public static final int F_NO_FALLTHROUGH = 1 << 1;
  /** The interpreter checks {@code shouldYield()} here. */
  public static final int F_SAFE_POINT = 1 << 2;
  /** May raise a Python exception. */
  public static final int F_MAY_RAISE = 1 << 3;
  /** May allocate on the Python heap (and so may collect). */
  public static final int F_MAY_ALLOC = 1 << 4;
  /** Pushes or pops a frame: the loop writes pc and sp back to the frame first. */
  public static final int F_FRAME = 1 << 5;
  /** Conditional jump: both the target and the next instruction follow. */
  public static final int F_BRANCH = 1 << 6;

  /** Stack effect marker: the count depends on the operand; see {@link #pops} / {@link #pushes}. */
  public static final int VAR = -1;

  public static final int COUNT = 256;
  private static final String[] NAME = new String[COUNT];
  private static final int[] KIND0 = new int[COUNT];
  private static final int[] WIDTH0 = new int[COUNT];
  private static final int[] KIND1 = new int[COUNT];
  private static final int[] WIDTH1 = new int[COUNT];
  private static final int[] POPS = new int[COUNT];
  private static final int[] PUSHES = new int[COUNT];
  private static final int[] FLAGS = new int[COUNT];
  private static final String[] MEANING = new String[COUNT];

  private static final int R = F_MAY_RAISE;
  private static final int A = F_MAY_ALLOC;
  private static final int RA = F_MAY_RAISE | F_MAY_ALLOC;

  // ---- stack and constants ----
  public static final int NOP = op(0x00, "NOP", 0, 0, 0, "do nothing");
  public static final int POP_TOP = op(0x01, "POP_TOP", 1, 0, 0, "[a] -> []");
  public static final int DUP_TOP = op(0x02, "DUP_TOP", 1, 2, 0, "[a] -> [a, a]");
  public static final int DUP_TOP_TWO = op(0x03, "DUP_TOP_TWO", 2, 4, 0, "[a, b] -> [a, b, a, b]");
  public static final int ROT_TWO = op(0x04, "ROT_TWO", 2, 2, 0, "[a, b] -> [b, a]");
  public static final int ROT_THREE = op(0x05, "ROT_THREE", 3, 3, 0, "[a, b, c] -> [c, a, b]");
  public static final int ROT_FOUR = op(0x06, "ROT_FOUR", 4, 4, 0, "[a, b, c, d] -> [d, a, b, c]");
  public static final int LOAD_CONST = op(0x07, "LOAD_CONST", K_CONST, 2, 0, 1, A, "push constant #arg");
  public static final int LOAD_NONE = op(0x08, "LOAD_NONE", 0, 1, 0, "push None");
  public static final int LOAD_TRUE = op(0x09, "LOAD_TRUE", 0, 1, 0, "push True");
  public static final int LOAD_FALSE = op(0x0A, "LOAD_FALSE", 0, 1, 0, "push False");
  public static final int LOAD_SMALL_INT = op(0x0B, "LOAD_SMALL_INT", K_INT, 2, 0, 1, 0, "push the int arg (signed 16-bit)");
  public static final int PUSH_NAME = op(0x0C, "PUSH_NAME", K_NAME, 2, 0, 1, 0, "push name id arg as a keyword name for CALL_KW");

  // ---- variables ----
  public static final int LOAD_FAST = op(0x10, "LOAD_FAST", K_LOCAL, 1, 0, 1, R, "push local arg; UnboundLocalError (a NameError) if unset");
  public static final int STORE_FAST = op(0x11, "STORE_FAST", K_LOCAL, 1, 1, 0, 0, "pop into local arg");
  public static final int DELETE_FAST = op(0x12, "DELETE_FAST", K_LOCAL, 1, 0, 0, R, "unset local arg");
  public static final int LOAD_GLOBAL = op(0x13, "LOAD_GLOBAL", K_GLOBAL, 2, 0, 1, R, "push global slot arg of this code's module; NameError if unset");
  public static final int STORE_GLOBAL = op(0x14, "STORE_GLOBAL", K_GLOBAL, 2, 1, 0, 0, "pop into global slot arg");
  public static final int DELETE_GLOBAL = op(0x15, "DELETE_GLOBAL", K_GLOBAL, 2, 0, 0, R, "unset global slot arg");
  public static final int LOAD_BUILTIN = op(0x16, "LOAD_BUILTIN", K_BUILTIN, 2, 0, 1, R, "push global slot arg of the builtins module");
  public static final int LOAD_DEREF = op(0x17, "LOAD_DEREF", K_CELL, 1, 0, 1, R, "push the value in cell arg");
  public static final int STORE_DEREF = op(0x18, "STORE_DEREF", K_CELL, 1, 1, 0, 0, "pop into cell arg");
  public static final int LOAD_CLOSURE = op(0x19, "LOAD_CLOSURE", K_CELL, 1, 0, 1, 0, "push cell arg itself (to build a closure)");
  public static final int LOAD_NATIVE = op(0x1A, "LOAD_NATIVE", K_NATIVE, 2, 0, 1, 0, "push native function arg");
  public static final int LOAD_EXCEPTION = op(0x1B, "LOAD_EXCEPTION", K_EXCEPTION, 2, 0, 1, 0, "push the exception class arg of the image's tree");

  // ---- attributes and subscripts ----
  public static final int LOAD_ATTR = op(0x20, "LOAD_ATTR", K_NAME, 2, 1, 1, RA, "[o] -> [o.name]");
  public static final int STORE_ATTR = op(0x21, "STORE_ATTR", K_NAME, 2, 2, 0, RA, "[v, o] -> [], o.name = v");
  public static final int DELETE_ATTR = op(0x22, "DELETE_ATTR", K_NAME, 2, 1, 0, R, "[o] -> [], del o.name");
  public static final int LOAD_METHOD = op(0x23, "LOAD_METHOD", K_NAME, 2, 1, 2, RA, "[o] -> [f, o] for a method, [bound, NULL-marker] otherwise; paired with CALL_METHOD");
  public static final int LOAD_SUBSCR = op(0x24, "LOAD_SUBSCR", 2, 1, RA, "[c, i] -> [c[i]]");
  public static final int STORE_SUBSCR = op(0x25, "STORE_SUBSCR", 3, 0, RA, "[v, c, i] -> [], c[i] = v");
  public static final int DELETE_SUBSCR = op(0x26, "DELETE_SUBSCR", 2, 0, R, "[c, i] -> [], del c[i]");

  // ---- unary and binary operators; the I* forms come from augmented assignment ----
  public static final int UNARY_NEG = op(0x28, "UNARY_NEG", 1, 1, RA, "[a] -> [-a]");
  public static final int UNARY_POS = op(0x29, "UNARY_POS", 1, 1, RA, "[a] -> [+a]");
  public static final int UNARY_NOT = op(0x2A, "UNARY_NOT", 1, 1, RA, "[a] -> [not a]");
  public static final int UNARY_INVERT = op(0x2B, "UNARY_INVERT", 1, 1, RA, "[a] -> [~a]");
  public static final int ADD = op(0x30, "ADD", 2, 1, RA, "[a, b] -> [a + b]");
  public static final int SUB = op(0x31, "SUB", 2, 1, RA, "[a, b] -> [a - b]");
  public static final int MUL = op(0x32, "MUL", 2, 1, RA, "[a, b] -> [a * b]");
  public static final int TRUEDIV = op(0x33, "TRUEDIV", 2, 1, RA, "[a, b] -> [a / b]");
  public static final int FLOORDIV = op(0x34, "FLOORDIV", 2, 1, RA, "[a, b] -> [a // b]");
  public static final int MOD = op(0x35, "MOD", 2, 1, RA, "[a, b] -> [a % b]; str % args formats");
  public static final int POW = op(0x36, "POW", 2, 1, RA, "[a, b] -> [a ** b]");
  public static final int LSHIFT = op(0x37, "LSHIFT", 2, 1, RA, "[a, b] -> [a << b]");
  public static final int RSHIFT = op(0x38, "RSHIFT", 2, 1, RA, "[a, b] -> [a >> b]");
  public static final int AND = op(0x39, "AND", 2, 1, RA, "[a, b] -> [a & b]");
  public static final int OR = op(0x3A, "OR", 2, 1, RA, "[a, b] -> [a | b]");
  public static final int XOR = op(0x3B, "XOR", 2, 1, RA, "[a, b] -> [a ^ b]");
  public static final int MATMUL = op(0x3C, "MATMUL", 2, 1, RA, "[a, b] -> [a @ b]");
  public static final int IADD = op(0x40, "IADD", 2, 1, RA, "[a, b] -> [a += b]");
  public static final int ISUB = op(0x41, "ISUB", 2, 1, RA, "[a, b] -> [a -= b]");
  public static final int IMUL = op(0x42, "IMUL", 2, 1, RA, "[a, b] -> [a *= b]");
  public static final int ITRUEDIV = op(0x43, "ITRUEDIV", 2, 1, RA, "[a, b] -> [a /= b]");
  public static final int IFLOORDIV = op(0x44, "IFLOORDIV", 2, 1, RA, "[a, b] -> [a //= b]");
  public static final int IMOD = op(0x45, "IMOD", 2, 1, RA, "[a, b] -> [a %= b]");
  public static final int IPOW = op(0x46, "IPOW", 2, 1, RA, "[a, b] -> [a **= b]");
  public static final int ILSHIFT = op(0x47, "ILSHIFT", 2, 1, RA, "[a, b] -> [a <<= b]");
  public static final int IRSHIFT = op(0x48, "IRSHIFT", 2, 1, RA, "[a, b] -> [a >>= b]");
  public static final int IAND = op(0x49, "IAND", 2, 1, RA, "[a, b] -> [a &= b]");
  public static final int IOR = op(0x4A, "IOR", 2, 1, RA, "[a, b] -> [a |= b]");
  public static final int IXOR = op(0x4B, "IXOR", 2, 1, RA, "[a, b] -> [a ^= b]");
  public static final int IMATMUL = op(0x4C, "IMATMUL", 2, 1, RA, "[a, b] -> [a @= b]");

  // ---- comparisons ----
  public static final int EQ = op(0x50, "EQ", 2, 1, RA, "[a, b] -> [a == b]");
  public static final int NE = op(0x51, "NE", 2, 1, RA, "[a, b] -> [a != b]");
  public static final int LT = op(0x52, "LT", 2, 1, RA, "[a, b] -> [a < b]");
  public static final int LE = op(0x53, "LE", 2, 1, RA, "[a, b] -> [a <= b]");
  public static final int GT = op(0x54, "GT", 2, 1, RA, "[a, b] -> [a > b]");
  public static final int GE = op(0x55, "GE", 2, 1, RA, "[a, b] -> [a >= b]");
  public static final int IS = op(0x56, "IS", 2, 1, 0, "[a, b] -> [a is b]");
  public static final int IS_NOT = op(0x57, "IS_NOT", 2, 1, 0, "[a, b] -> [a is not b]");
  public static final int IN = op(0x58, "IN", 2, 1, RA, "[a, b] -> [a in b]");
  public static final int NOT_IN = op(0x59, "NOT_IN", 2, 1, RA, "[a, b] -> [a not in b]");

  // ---- building containers ----
  public static final int BUILD_TUPLE = op(0x60, "BUILD_TUPLE", K_COUNT, 2, VAR, 1, RA, "pop arg items, push a tuple of them");
  public static final int BUILD_LIST = op(0x61, "BUILD_LIST", K_COUNT, 2, VAR, 1, RA, "pop arg items, push a list of them");
  public static final int BUILD_SET = op(0x62, "BUILD_SET", K_COUNT, 2, VAR, 1, RA, "pop arg items, push a set of them");
  public static final int BUILD_DICT = op(0x63, "BUILD_DICT", K_COUNT, 2, VAR, 1, RA, "pop arg key/value pairs [k0, v0, k1, v1, ...], push a dict");
  public static final int BUILD_SLICE = op(0x64, "BUILD_SLICE", K_COUNT, 1, VAR, 1, RA, "pop arg (2 or 3) of start, stop, step; push a slice");
  public static final int LIST_APPEND = op(0x65, "LIST_APPEND", K_COUNT, 1, 1, 0, RA, "pop v; append it to the list arg items below the new top (comprehensions)");
  public static final int SET_ADD = op(0x66, "SET_ADD", K_COUNT, 1, 1, 0, RA, "pop v; add it to the set arg items below the new top");
  public static final int MAP_ADD = op(0x67, "MAP_ADD", K_COUNT, 1, 2, 0, RA, "pop k, v ([k, v] order); store into the dict arg items below the new top");
  public static final int LIST_EXTEND = op(0x68, "LIST_EXTEND", K_COUNT, 1, 1, 0, RA, "pop an iterable; extend the list arg items below the new top");
  public static final int DICT_UPDATE = op(0x69, "DICT_UPDATE", K_COUNT, 1, 1, 0, RA, "pop a mapping; update the dict arg items below the new top (** in calls and displays)");
  public static final int SET_UPDATE = op(0x6A, "SET_UPDATE", K_COUNT, 1, 1, 0, RA, "pop an iterable; add its items to the set arg items below the new top");
  public static final int LIST_TO_TUPLE = op(0x6B, "LIST_TO_TUPLE", 1, 1, RA, "[list] -> [tuple of its items]");
  public static final int UNPACK_SEQUENCE = op(0x6C, "UNPACK_SEQUENCE", K_COUNT, 1, 1, VAR, RA, "[seq] -> [item(arg-1), ..., item0]: item 0 ends on top; ValueError on a length mismatch");
  public static final int UNPACK_EX = op(0x6D, "UNPACK_EX", K_COUNT, 1, K_COUNT, 1, 1, VAR, RA, "a, *b, c = seq with arg0 names before the star and arg1 after: pushes arg0 + 1 + arg1 values, first on top, the starred one a list");

  // ---- control flow ----
  public static final int JUMP = op(0x70, "JUMP", K_TARGET, 2, 0, 0, F_JUMP | F_NO_FALLTHROUGH, "jump forward to arg");
  public static final int LOOP = op(0x71, "LOOP", K_TARGET, 2, 0, 0, F_JUMP | F_NO_FALLTHROUGH | F_SAFE_POINT, "jump backward to arg; a safe point");
  public static final int POP_JUMP_IF_FALSE = op(0x72, "POP_JUMP_IF_FALSE", K_TARGET, 2, 1, 0, F_JUMP | F_BRANCH | R, "pop a; jump to arg if a is false");
  public static final int POP_JUMP_IF_TRUE = op(0x73, "POP_JUMP_IF_TRUE", K_TARGET, 2, 1, 0, F_JUMP | F_BRANCH | R, "pop a; jump to arg if a is true");
  public static final int JUMP_IF_FALSE_OR_POP = op(0x74, "JUMP_IF_FALSE_OR_POP", K_TARGET, 2, 1, 0, F_JUMP | F_BRANCH | R, "if top is false jump to arg keeping it (depth there: +1), else pop it (and/or)");
  public static final int JUMP_IF_TRUE_OR_POP = op(0x75, "JUMP_IF_TRUE_OR_POP", K_TARGET, 2, 1, 0, F_JUMP | F_BRANCH | R, "if top is true jump to arg keeping it (depth there: +1), else pop it (and/or)");
  public static final int GET_ITER = op(0x76, "GET_ITER", 1, 1, RA, "[o] -> [iter(o)]");
  public static final int FOR_ITER = op(0x77, "FOR_ITER", K_TARGET, 2, 1, 2, F_JUMP | F_BRANCH | RA, "[it] -> [it, next(it)]; when exhausted pop it and jump to arg (depth there: -1)");

  // ---- calls, functions, classes, modules ----
  public static final int CALL = op(0x80, "CALL", K_COUNT, 1, VAR, 1, F_SAFE_POINT | F_FRAME | RA, "[f, a1..an] -> [f(a1..an)], n = arg");
  public static final int CALL_KW = op(0x81, "CALL_KW", K_COUNT, 1, K_COUNT, 1, VAR, 1, F_SAFE_POINT | F_FRAME | RA, "[f, a1..an, name1, v1, ..., namek, vk] -> [result]; n = arg0, k = arg1, names from PUSH_NAME");
  public static final int CALL_EX = op(0x82, "CALL_EX", K_FLAGS, 1, VAR, 1, F_SAFE_POINT | F_FRAME | RA, "[f, args-tuple] or, with arg bit 0, [f, args-tuple, kwargs-dict] -> [result] (*args / **kwargs)");
  public static final int CALL_METHOD = op(0x83, "CALL_METHOD", K_COUNT, 1, VAR, 1, F_SAFE_POINT | F_FRAME | RA, "[f, self-or-marker, a1..an] -> [result], after LOAD_METHOD");
  public static final int RETURN_VALUE = op(0x84, "RETURN_VALUE", 1, 0, F_NO_FALLTHROUGH | F_SAFE_POINT | F_FRAME, "return the top to the caller");
  public static final int MAKE_FUNCTION = op(0x85, "MAKE_FUNCTION", K_CODE, 2, K_FLAGS, 1, VAR, 1, RA, "push a function of code arg0; arg1 bits say what is below it, popped in this order: 4 closure cells tuple (top), 2 kw-only defaults dict, 1 defaults tuple");
  public static final int BUILD_CLASS = op(0x86, "BUILD_CLASS", K_CODE, 2, K_COUNT, 1, VAR, 1, F_FRAME | RA, "pop arg1 bases, run class body code arg0, push the class built from its namespace");
  public static final int IMPORT_NAME = op(0x87, "IMPORT_NAME", K_MODULE, 2, 0, 1, F_FRAME | RA, "push module arg, running its body on first import");

  // ---- exceptions ----
  public static final int RAISE = op(0x90, "RAISE", 1, 0, F_NO_FALLTHROUGH | RA, "raise the top: an exception instance, or a class that is instantiated without arguments");
  public static final int RAISE_FROM = op(0x91, "RAISE_FROM", 2, 0, F_NO_FALLTHROUGH | RA, "[exc, cause] -> raise exc with __cause__ = cause");
  public static final int RERAISE = op(0x92, "RERAISE", 1, 0, F_NO_FALLTHROUGH | RA, "re-raise the exception on top, keeping its traceback; None raises RuntimeError('No active exception to reraise')");
  public static final int EXC_MATCH = op(0x93, "EXC_MATCH", 2, 2, R, "[exc, type-or-tuple] -> [exc, isinstance(exc, type)]");
  public static final int ASSERT_FAIL = op(0x94, "ASSERT_FAIL", 1, 0, F_NO_FALLTHROUGH | RA, "[msg-or-None] -> raise AssertionError(msg)");

  // ---- misc ----
  public static final int FORMAT_VALUE = op(0x98, "FORMAT_VALUE", K_FLAGS, 1, VAR, 1, RA, "f-string part: [v] or with arg bit 0 [v, spec] -> [format(v, spec)]; bits 1-2: 1 str, 2 repr");
  public static final int BUILD_STRING = op(0x99, "BUILD_STRING", K_COUNT, 2, VAR, 1, RA, "pop arg strs, push their concatenation");

  private static int op(int code, String name, int pops, int pushes, int flags, String meaning) {
    return op(code, name, K_NONE, 0, K_NONE, 0, pops, pushes, flags, meaning);
  }

  private static int op(
      int code, String name, int kind, int width, int pops, int pushes, int flags, String meaning) {
    return op(code, name, kind, width, K_NONE, 0, pops, pushes, flags, meaning);
  }

  private static int op(
      int code,
      String name,
      int kind0,
      int width0,
      int kind1,
      int width1,
      int pops,
      int pushes,
      int flags,
      String meaning) {
    if (NAME[code] != null) {
      throw new IllegalStateException("opcode 0x" + Integer.toHexString(code) + " defined twice");
    }
    NAME[code] = name;
    KIND0[code] = kind0;
    WIDTH0[code] = width0;
    KIND1[code] = kind1;
    WIDTH1[code] = width1;
    POPS[code] = pops;
    PUSHES[code] = pushes;
    FLAGS[code] = flags;
    MEANING[code] = meaning;
    return code;
  }

  /** True if {@code op} is a defined opcode. */
  public static boolean isDefined(int op) {
    return op >= 0 && op < COUNT && NAME[op] != null;
  }

  public static String name(int op) {
    return NAME[op];
  }

  public static String meaning(int op) {
    return MEANING[op];
  }

  /** The opcode named {@code name}, or -1. */
  public static int byName(String name) {
    for (int op = 0; op < COUNT; op++) {
      if (name.equals(NAME[op])) {
        return op;
      }
    }
    return -1;
  }

  /** Number of operands: 0, 1 or 2. */
  public static int operandCount(int op) {
    return WIDTH0[op] == 0 ? 0 : WIDTH1[op] == 0 ? 1 : 2;
  }

  /** Kind of operand {@code i} (0 or 1): one of the {@code K_*} constants. */
  public static int operandKind(int op, int i) {
    return i == 0 ? KIND0[op] : KIND1[op];
  }

  /** Width in bytes of operand {@code i} (0 or 1): 0, 1 or 2. */
  public static int operandWidth(int op, int i) {
    return i == 0 ? WIDTH0[op] : WIDTH1[op];
  }

  /** Size of the whole instruction in bytes, opcode included. */
  public static int size(int op) {
    return 1 + WIDTH0[op] + WIDTH1[op];
  }

  public static int flags(int op) {
    return FLAGS[op];
  }

  public static boolean has(int op, int flag) {
    return (FLAGS[op] & flag) != 0;
  }

  /** Values popped by {@code op} given its operands (for the fixed ones the operands are unused). */
  public static int pops(int op, int arg0, int arg1) {
    int fixed = POPS[op];
    if (fixed != VAR) {
      return fixed;
    }
    if (op == BUILD_TUPLE || op == BUILD_LIST || op == BUILD_SET || op == BUILD_STRING) {
      return arg0;
    }
    if (op == BUILD_DICT) {
      return 2 * arg0;
    }
    if (op == BUILD_SLICE) {
      return arg0;
    }
    if (op == CALL) {
      return arg0 + 1;
    }
    if (op == CALL_METHOD) {
      return arg0 + 2;
    }
    if (op == CALL_KW) {
      return 1 + arg0 + 2 * arg1;
    }
    if (op == CALL_EX) {
      return (arg0 & 1) != 0 ? 3 : 2;
    }
    if (op == MAKE_FUNCTION) {
      return Integer.bitCount(arg1 & 7);
    }
    if (op == BUILD_CLASS) {
      return arg1;
    }
    if (op == FORMAT_VALUE) {
      return (arg0 & 1) != 0 ? 2 : 1;
    }
    throw new IllegalStateException("no variable pop count for " + NAME[op]);
  }

  /** Values pushed by {@code op} given its operands, on the fall-through path. */
  public static int pushes(int op, int arg0, int arg1) {
    int fixed = PUSHES[op];
    if (fixed != VAR) {
      return fixed;
    }
    if (op == UNPACK_SEQUENCE) {
      return arg0;
    }
    if (op == UNPACK_EX) {
      return arg0 + 1 + arg1;
    }
    throw new IllegalStateException("no variable push count for " + NAME[op]);
  }

  /**
   * Operand {@code i} (0 or 1) of the instruction at {@code pc}: unsigned, except a {@link #K_INT}
   * operand, which is sign-extended; 0 when the instruction has no such operand. The caller has
   * checked that the whole instruction lies inside {@code code} (true of every verified image).
   */
  public static int readOperand(byte[] code, int pc, int i) {
    int op = code[pc] & 0xFF;
    int at = pc + 1 + (i == 0 ? 0 : WIDTH0[op]);
    int width = i == 0 ? WIDTH0[op] : WIDTH1[op];
    boolean signed = (i == 0 ? KIND0[op] : KIND1[op]) == K_INT;
    if (width == 0) {
      return 0;
    }
    if (width == 1) {
      return signed ? code[at] : code[at] & 0xFF;
    }
    int v = (code[at] & 0xFF) | (code[at + 1] & 0xFF) << 8;
    return signed ? (short) v : v;
  }

  /**
   * Index of {@code op}'s {@link #K_TARGET} operand, or -1 if it has none. Every {@link #F_JUMP}
   * opcode has exactly one.
   */
  public static int targetOperand(int op) {
    return KIND0[op] == K_TARGET ? 0 : KIND1[op] == K_TARGET ? 1 : -1;
  }

  /**
   * The bits a {@link #K_FLAGS} operand of {@code op} may carry; 0 for an opcode without one. The
   * verifier rejects any other bit, so {@link #pops} is exact for a verified image.
   */
  public static int flagMask(int op) {
    if (op == CALL_EX) {
      return 1;
    }
    if (op == MAKE_FUNCTION || op == FORMAT_VALUE) {
      return 7;
    }
    return 0;
  }

  /**
   * Stack depth change when {@code op} takes its jump, relative to the depth before it; only for
   * {@link #F_JUMP} opcodes.
   */
  public static int jumpEffect(int op, int arg0, int arg1) {
    if (op == JUMP_IF_FALSE_OR_POP || op == JUMP_IF_TRUE_OR_POP) {
      return 0;
    }
    if (op == FOR_ITER) {
      return -1;
    }
    return pushes(op, arg0, arg1) - pops(op, arg0, arg1);
  }
}
