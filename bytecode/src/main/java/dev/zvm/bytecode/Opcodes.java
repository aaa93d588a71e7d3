package dev.zvm.bytecode;

/**
 * The instruction set: one table. Every opcode is a {@code static final int} below, and one row in
 * the metadata arrays gives its name, its operands (kind and width), its stack effect, its flags
 * and a one-line meaning. The compiler, the verifier, the disassembler and the interpreter read
 * these arrays; {@code OpcodesTest} keeps them consistent. There is no second copy of this list.
 *
 * <p>Each constant is a literal (so that the interpreter can {@code switch} on it) followed, on the
 * same line, by the static block that fills its row of the metadata arrays.
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
  public static final int NOP = 0x00; static { op(NOP, "NOP", 0, 0, 0, "do nothing"); }
  public static final int POP_TOP = 0x01; static { op(POP_TOP, "POP_TOP", 1, 0, 0, "[a] -> []"); }
  public static final int DUP_TOP = 0x02; static { op(DUP_TOP, "DUP_TOP", 1, 2, 0, "[a] -> [a, a]"); }
  public static final int DUP_TOP_TWO = 0x03; static { op(DUP_TOP_TWO, "DUP_TOP_TWO", 2, 4, 0, "[a, b] -> [a, b, a, b]"); }
  public static final int ROT_TWO = 0x04; static { op(ROT_TWO, "ROT_TWO", 2, 2, 0, "[a, b] -> [b, a]"); }
  public static final int ROT_THREE = 0x05; static { op(ROT_THREE, "ROT_THREE", 3, 3, 0, "[a, b, c] -> [c, a, b]"); }
  public static final int ROT_FOUR = 0x06; static { op(ROT_FOUR, "ROT_FOUR", 4, 4, 0, "[a, b, c, d] -> [d, a, b, c]"); }
  public static final int LOAD_CONST = 0x07; static { op(LOAD_CONST, "LOAD_CONST", K_CONST, 2, 0, 1, A, "push constant #arg"); }
  public static final int LOAD_NONE = 0x08; static { op(LOAD_NONE, "LOAD_NONE", 0, 1, 0, "push None"); }
  public static final int LOAD_TRUE = 0x09; static { op(LOAD_TRUE, "LOAD_TRUE", 0, 1, 0, "push True"); }
  public static final int LOAD_FALSE = 0x0A; static { op(LOAD_FALSE, "LOAD_FALSE", 0, 1, 0, "push False"); }
  public static final int LOAD_SMALL_INT = 0x0B; static { op(LOAD_SMALL_INT, "LOAD_SMALL_INT", K_INT, 2, 0, 1, 0, "push the int arg (signed 16-bit)"); }
  public static final int PUSH_NAME = 0x0C; static { op(PUSH_NAME, "PUSH_NAME", K_NAME, 2, 0, 1, 0, "push name id arg as a keyword name for CALL_KW"); }

  // ---- variables ----
  public static final int LOAD_FAST = 0x10; static { op(LOAD_FAST, "LOAD_FAST", K_LOCAL, 1, 0, 1, R, "push local arg; UnboundLocalError (a NameError) if unset"); }
  public static final int STORE_FAST = 0x11; static { op(STORE_FAST, "STORE_FAST", K_LOCAL, 1, 1, 0, 0, "pop into local arg"); }
  public static final int DELETE_FAST = 0x12; static { op(DELETE_FAST, "DELETE_FAST", K_LOCAL, 1, 0, 0, R, "unset local arg"); }
  public static final int LOAD_GLOBAL = 0x13; static { op(LOAD_GLOBAL, "LOAD_GLOBAL", K_GLOBAL, 2, 0, 1, R, "push global slot arg of this code's module; NameError if unset"); }
  public static final int STORE_GLOBAL = 0x14; static { op(STORE_GLOBAL, "STORE_GLOBAL", K_GLOBAL, 2, 1, 0, 0, "pop into global slot arg"); }
  public static final int DELETE_GLOBAL = 0x15; static { op(DELETE_GLOBAL, "DELETE_GLOBAL", K_GLOBAL, 2, 0, 0, R, "unset global slot arg"); }
  public static final int LOAD_BUILTIN = 0x16; static { op(LOAD_BUILTIN, "LOAD_BUILTIN", K_BUILTIN, 2, 0, 1, R, "push global slot arg of the builtins module"); }
  public static final int LOAD_DEREF = 0x17; static { op(LOAD_DEREF, "LOAD_DEREF", K_CELL, 1, 0, 1, R, "push the value in cell arg"); }
  public static final int STORE_DEREF = 0x18; static { op(STORE_DEREF, "STORE_DEREF", K_CELL, 1, 1, 0, 0, "pop into cell arg"); }
  public static final int LOAD_CLOSURE = 0x19; static { op(LOAD_CLOSURE, "LOAD_CLOSURE", K_CELL, 1, 0, 1, 0, "push cell arg itself (to build a closure)"); }
  public static final int LOAD_NATIVE = 0x1A; static { op(LOAD_NATIVE, "LOAD_NATIVE", K_NATIVE, 2, 0, 1, 0, "push native function arg"); }
  public static final int LOAD_EXCEPTION = 0x1B; static { op(LOAD_EXCEPTION, "LOAD_EXCEPTION", K_EXCEPTION, 2, 0, 1, 0, "push the exception class arg of the image's tree"); }

  // ---- attributes and subscripts ----
  public static final int LOAD_ATTR = 0x20; static { op(LOAD_ATTR, "LOAD_ATTR", K_NAME, 2, 1, 1, RA, "[o] -> [o.name]"); }
  public static final int STORE_ATTR = 0x21; static { op(STORE_ATTR, "STORE_ATTR", K_NAME, 2, 2, 0, RA, "[v, o] -> [], o.name = v"); }
  public static final int DELETE_ATTR = 0x22; static { op(DELETE_ATTR, "DELETE_ATTR", K_NAME, 2, 1, 0, R, "[o] -> [], del o.name"); }
  public static final int LOAD_METHOD = 0x23; static { op(LOAD_METHOD, "LOAD_METHOD", K_NAME, 2, 1, 2, RA, "[o] -> [f, o] for a method, [bound, NULL-marker] otherwise; paired with CALL_METHOD"); }
  public static final int LOAD_SUBSCR = 0x24; static { op(LOAD_SUBSCR, "LOAD_SUBSCR", 2, 1, RA, "[c, i] -> [c[i]]"); }
  public static final int STORE_SUBSCR = 0x25; static { op(STORE_SUBSCR, "STORE_SUBSCR", 3, 0, RA, "[v, c, i] -> [], c[i] = v"); }
  public static final int DELETE_SUBSCR = 0x26; static { op(DELETE_SUBSCR, "DELETE_SUBSCR", 2, 0, R, "[c, i] -> [], del c[i]"); }

  // ---- unary and binary operators; the I* forms come from augmented assignment ----
  public static final int UNARY_NEG = 0x28; static { op(UNARY_NEG, "UNARY_NEG", 1, 1, RA, "[a] -> [-a]"); }
  public static final int UNARY_POS = 0x29; static { op(UNARY_POS, "UNARY_POS", 1, 1, RA, "[a] -> [+a]"); }
  public static final int UNARY_NOT = 0x2A; static { op(UNARY_NOT, "UNARY_NOT", 1, 1, RA, "[a] -> [not a]"); }
  public static final int UNARY_INVERT = 0x2B; static { op(UNARY_INVERT, "UNARY_INVERT", 1, 1, RA, "[a] -> [~a]"); }
  public static final int ADD = 0x30; static { op(ADD, "ADD", 2, 1, RA, "[a, b] -> [a + b]"); }
  public static final int SUB = 0x31; static { op(SUB, "SUB", 2, 1, RA, "[a, b] -> [a - b]"); }
  public static final int MUL = 0x32; static { op(MUL, "MUL", 2, 1, RA, "[a, b] -> [a * b]"); }
  public static final int TRUEDIV = 0x33; static { op(TRUEDIV, "TRUEDIV", 2, 1, RA, "[a, b] -> [a / b]"); }
  public static final int FLOORDIV = 0x34; static { op(FLOORDIV, "FLOORDIV", 2, 1, RA, "[a, b] -> [a // b]"); }
  public static final int MOD = 0x35; static { op(MOD, "MOD", 2, 1, RA, "[a, b] -> [a % b]; str % args formats"); }
  public static final int POW = 0x36; static { op(POW, "POW", 2, 1, RA, "[a, b] -> [a ** b]"); }
  public static final int LSHIFT = 0x37; static { op(LSHIFT, "LSHIFT", 2, 1, RA, "[a, b] -> [a << b]"); }
  public static final int RSHIFT = 0x38; static { op(RSHIFT, "RSHIFT", 2, 1, RA, "[a, b] -> [a >> b]"); }
  public static final int AND = 0x39; static { op(AND, "AND", 2, 1, RA, "[a, b] -> [a & b]"); }
  public static final int OR = 0x3A; static { op(OR, "OR", 2, 1, RA, "[a, b] -> [a | b]"); }
  public static final int XOR = 0x3B; static { op(XOR, "XOR", 2, 1, RA, "[a, b] -> [a ^ b]"); }
  public static final int MATMUL = 0x3C; static { op(MATMUL, "MATMUL", 2, 1, RA, "[a, b] -> [a @ b]"); }
  public static final int IADD = 0x40; static { op(IADD, "IADD", 2, 1, RA, "[a, b] -> [a += b]"); }
  public static final int ISUB = 0x41; static { op(ISUB, "ISUB", 2, 1, RA, "[a, b] -> [a -= b]"); }
  public static final int IMUL = 0x42; static { op(IMUL, "IMUL", 2, 1, RA, "[a, b] -> [a *= b]"); }
  public static final int ITRUEDIV = 0x43; static { op(ITRUEDIV, "ITRUEDIV", 2, 1, RA, "[a, b] -> [a /= b]"); }
  public static final int IFLOORDIV = 0x44; static { op(IFLOORDIV, "IFLOORDIV", 2, 1, RA, "[a, b] -> [a //= b]"); }
  public static final int IMOD = 0x45; static { op(IMOD, "IMOD", 2, 1, RA, "[a, b] -> [a %= b]"); }
  public static final int IPOW = 0x46; static { op(IPOW, "IPOW", 2, 1, RA, "[a, b] -> [a **= b]"); }
  public static final int ILSHIFT = 0x47; static { op(ILSHIFT, "ILSHIFT", 2, 1, RA, "[a, b] -> [a <<= b]"); }
  public static final int IRSHIFT = 0x48; static { op(IRSHIFT, "IRSHIFT", 2, 1, RA, "[a, b] -> [a >>= b]"); }
  public static final int IAND = 0x49; static { op(IAND, "IAND", 2, 1, RA, "[a, b] -> [a &= b]"); }
  public static final int IOR = 0x4A; static { op(IOR, "IOR", 2, 1, RA, "[a, b] -> [a |= b]"); }
  public static final int IXOR = 0x4B; static { op(IXOR, "IXOR", 2, 1, RA, "[a, b] -> [a ^= b]"); }
  public static final int IMATMUL = 0x4C; static { op(IMATMUL, "IMATMUL", 2, 1, RA, "[a, b] -> [a @= b]"); }

  // ---- comparisons ----
  public static final int EQ = 0x50; static { op(EQ, "EQ", 2, 1, RA, "[a, b] -> [a == b]"); }
  public static final int NE = 0x51; static { op(NE, "NE", 2, 1, RA, "[a, b] -> [a != b]"); }
  public static final int LT = 0x52; static { op(LT, "LT", 2, 1, RA, "[a, b] -> [a < b]"); }
  public static final int LE = 0x53; static { op(LE, "LE", 2, 1, RA, "[a, b] -> [a <= b]"); }
  public static final int GT = 0x54; static { op(GT, "GT", 2, 1, RA, "[a, b] -> [a > b]"); }
  public static final int GE = 0x55; static { op(GE, "GE", 2, 1, RA, "[a, b] -> [a >= b]"); }
  public static final int IS = 0x56; static { op(IS, "IS", 2, 1, 0, "[a, b] -> [a is b]"); }
  public static final int IS_NOT = 0x57; static { op(IS_NOT, "IS_NOT", 2, 1, 0, "[a, b] -> [a is not b]"); }
  public static final int IN = 0x58; static { op(IN, "IN", 2, 1, RA, "[a, b] -> [a in b]"); }
  public static final int NOT_IN = 0x59; static { op(NOT_IN, "NOT_IN", 2, 1, RA, "[a, b] -> [a not in b]"); }

  // ---- building containers ----
  public static final int BUILD_TUPLE = 0x60; static { op(BUILD_TUPLE, "BUILD_TUPLE", K_COUNT, 2, VAR, 1, RA, "pop arg items, push a tuple of them"); }
  public static final int BUILD_LIST = 0x61; static { op(BUILD_LIST, "BUILD_LIST", K_COUNT, 2, VAR, 1, RA, "pop arg items, push a list of them"); }
  public static final int BUILD_SET = 0x62; static { op(BUILD_SET, "BUILD_SET", K_COUNT, 2, VAR, 1, RA, "pop arg items, push a set of them"); }
  public static final int BUILD_DICT = 0x63; static { op(BUILD_DICT, "BUILD_DICT", K_COUNT, 2, VAR, 1, RA, "pop arg key/value pairs [k0, v0, k1, v1, ...], push a dict"); }
  public static final int BUILD_SLICE = 0x64; static { op(BUILD_SLICE, "BUILD_SLICE", K_COUNT, 1, VAR, 1, RA, "pop arg (2 or 3) of start, stop, step; push a slice"); }
  public static final int LIST_APPEND = 0x65; static { op(LIST_APPEND, "LIST_APPEND", K_COUNT, 1, 1, 0, RA, "pop v; append it to the list arg items below the new top (comprehensions)"); }
  public static final int SET_ADD = 0x66; static { op(SET_ADD, "SET_ADD", K_COUNT, 1, 1, 0, RA, "pop v; add it to the set arg items below the new top"); }
  public static final int MAP_ADD = 0x67; static { op(MAP_ADD, "MAP_ADD", K_COUNT, 1, 2, 0, RA, "pop k, v ([k, v] order); store into the dict arg items below the new top"); }
  public static final int LIST_EXTEND = 0x68; static { op(LIST_EXTEND, "LIST_EXTEND", K_COUNT, 1, 1, 0, RA, "pop an iterable; extend the list arg items below the new top"); }
  public static final int DICT_UPDATE = 0x69; static { op(DICT_UPDATE, "DICT_UPDATE", K_COUNT, 1, 1, 0, RA, "pop a mapping; update the dict arg items below the new top (** in calls and displays)"); }
  public static final int SET_UPDATE = 0x6A; static { op(SET_UPDATE, "SET_UPDATE", K_COUNT, 1, 1, 0, RA, "pop an iterable; add its items to the set arg items below the new top"); }
  public static final int LIST_TO_TUPLE = 0x6B; static { op(LIST_TO_TUPLE, "LIST_TO_TUPLE", 1, 1, RA, "[list] -> [tuple of its items]"); }
  public static final int UNPACK_SEQUENCE = 0x6C; static { op(UNPACK_SEQUENCE, "UNPACK_SEQUENCE", K_COUNT, 1, 1, VAR, RA, "[seq] -> [item(arg-1), ..., item0]: item 0 ends on top; ValueError on a length mismatch"); }
  public static final int UNPACK_EX = 0x6D; static { op(UNPACK_EX, "UNPACK_EX", K_COUNT, 1, K_COUNT, 1, 1, VAR, RA, "a, *b, c = seq with arg0 names before the star and arg1 after: pushes arg0 + 1 + arg1 values, first on top, the starred one a list"); }

  // ---- control flow ----
  public static final int JUMP = 0x70; static { op(JUMP, "JUMP", K_TARGET, 2, 0, 0, F_JUMP | F_NO_FALLTHROUGH, "jump forward to arg"); }
  public static final int LOOP = 0x71; static { op(LOOP, "LOOP", K_TARGET, 2, 0, 0, F_JUMP | F_NO_FALLTHROUGH | F_SAFE_POINT, "jump backward to arg; a safe point"); }
  public static final int POP_JUMP_IF_FALSE = 0x72; static { op(POP_JUMP_IF_FALSE, "POP_JUMP_IF_FALSE", K_TARGET, 2, 1, 0, F_JUMP | F_BRANCH | R, "pop a; jump to arg if a is false"); }
  public static final int POP_JUMP_IF_TRUE = 0x73; static { op(POP_JUMP_IF_TRUE, "POP_JUMP_IF_TRUE", K_TARGET, 2, 1, 0, F_JUMP | F_BRANCH | R, "pop a; jump to arg if a is true"); }
  public static final int JUMP_IF_FALSE_OR_POP = 0x74; static { op(JUMP_IF_FALSE_OR_POP, "JUMP_IF_FALSE_OR_POP", K_TARGET, 2, 1, 0, F_JUMP | F_BRANCH | R, "if top is false jump to arg keeping it (depth there: +1), else pop it (and/or)"); }
  public static final int JUMP_IF_TRUE_OR_POP = 0x75; static { op(JUMP_IF_TRUE_OR_POP, "JUMP_IF_TRUE_OR_POP", K_TARGET, 2, 1, 0, F_JUMP | F_BRANCH | R, "if top is true jump to arg keeping it (depth there: +1), else pop it (and/or)"); }
  public static final int GET_ITER = 0x76; static { op(GET_ITER, "GET_ITER", 1, 1, RA, "[o] -> [iter(o)]"); }
  public static final int FOR_ITER = 0x77; static { op(FOR_ITER, "FOR_ITER", K_TARGET, 2, 1, 2, F_JUMP | F_BRANCH | RA, "[it] -> [it, next(it)]; when exhausted pop it and jump to arg (depth there: -1)"); }

  // ---- calls, functions, classes, modules ----
  public static final int CALL = 0x80; static { op(CALL, "CALL", K_COUNT, 1, VAR, 1, F_SAFE_POINT | F_FRAME | RA, "[f, a1..an] -> [f(a1..an)], n = arg"); }
  public static final int CALL_KW = 0x81; static { op(CALL_KW, "CALL_KW", K_COUNT, 1, K_COUNT, 1, VAR, 1, F_SAFE_POINT | F_FRAME | RA, "[f, a1..an, name1, v1, ..., namek, vk] -> [result]; n = arg0, k = arg1, names from PUSH_NAME"); }
  public static final int CALL_EX = 0x82; static { op(CALL_EX, "CALL_EX", K_FLAGS, 1, VAR, 1, F_SAFE_POINT | F_FRAME | RA, "[f, args-tuple] or, with arg bit 0, [f, args-tuple, kwargs-dict] -> [result] (*args / **kwargs)"); }
  public static final int CALL_METHOD = 0x83; static { op(CALL_METHOD, "CALL_METHOD", K_COUNT, 1, VAR, 1, F_SAFE_POINT | F_FRAME | RA, "[f, self-or-marker, a1..an] -> [result], after LOAD_METHOD"); }
  public static final int RETURN_VALUE = 0x84; static { op(RETURN_VALUE, "RETURN_VALUE", 1, 0, F_NO_FALLTHROUGH | F_SAFE_POINT | F_FRAME, "return the top to the caller"); }
  public static final int MAKE_FUNCTION = 0x85; static { op(MAKE_FUNCTION, "MAKE_FUNCTION", K_CODE, 2, K_FLAGS, 1, VAR, 1, RA, "push a function of code arg0; arg1 bits say what is below it, popped in this order: 4 closure cells tuple (top), 2 kw-only defaults dict, 1 defaults tuple"); }
  public static final int BUILD_CLASS = 0x86; static { op(BUILD_CLASS, "BUILD_CLASS", K_CODE, 2, K_COUNT, 1, VAR, 1, F_FRAME | RA, "pop arg1 bases, run class body code arg0, push the class built from its namespace"); }
  public static final int IMPORT_NAME = 0x87; static { op(IMPORT_NAME, "IMPORT_NAME", K_MODULE, 2, 0, 1, F_FRAME | RA, "push module arg, running its body on first import"); }

  // ---- exceptions ----
  public static final int RAISE = 0x90; static { op(RAISE, "RAISE", 1, 0, F_NO_FALLTHROUGH | RA, "raise the top: an exception instance, or a class that is instantiated without arguments"); }
  public static final int RAISE_FROM = 0x91; static { op(RAISE_FROM, "RAISE_FROM", 2, 0, F_NO_FALLTHROUGH | RA, "[exc, cause] -> raise exc with __cause__ = cause"); }
  public static final int RERAISE = 0x92; static { op(RERAISE, "RERAISE", 1, 0, F_NO_FALLTHROUGH | RA, "re-raise the exception on top, keeping its traceback; None raises RuntimeError('No active exception to reraise')"); }
  public static final int EXC_MATCH = 0x93; static { op(EXC_MATCH, "EXC_MATCH", 2, 2, R, "[exc, type-or-tuple] -> [exc, isinstance(exc, type)]"); }
  public static final int ASSERT_FAIL = 0x94; static { op(ASSERT_FAIL, "ASSERT_FAIL", 1, 0, F_NO_FALLTHROUGH | RA, "[msg-or-None] -> raise AssertionError(msg)"); }

  // ---- misc ----
  public static final int FORMAT_VALUE = 0x98; static { op(FORMAT_VALUE, "FORMAT_VALUE", K_FLAGS, 1, VAR, 1, RA, "f-string part: [v] or with arg bit 0 [v, spec] -> [format(v, spec)]; bits 1-2: 1 str, 2 repr"); }
  public static final int BUILD_STRING = 0x99; static { op(BUILD_STRING, "BUILD_STRING", K_COUNT, 2, VAR, 1, RA, "pop arg strs, push their concatenation"); }

  private static void op(int code, String name, int pops, int pushes, int flags, String meaning) {
    op(code, name, K_NONE, 0, K_NONE, 0, pops, pushes, flags, meaning);
  }

  private static void op(
      int code, String name, int kind, int width, int pops, int pushes, int flags, String meaning) {
    op(code, name, kind, width, K_NONE, 0, pops, pushes, flags, meaning);
  }

  private static void op(
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
