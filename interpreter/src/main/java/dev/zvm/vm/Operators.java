package dev.zvm.vm;

import dev.zvm.bytecode.ExceptionTree;

/**
 * The operators' slow paths: everything the loop's inline small-int cases do not cover. Binary
 * and unary arithmetic across int, bool, float, str, the sequences and sets; comparisons;
 * equality, hashing and truth; subscripts, slices, {@code in} and {@code len}; and the special
 * methods of user classes with their reflected and in-place forms.
 */
final class Operators {
  /** Binary operator index = opcode - ADD (or - IADD): the order of the opcode table. */
  static final int OP_ADD = 0;
  static final int OP_SUB = 1;
  static final int OP_MUL = 2;
  static final int OP_TRUEDIV = 3;
  static final int OP_FLOORDIV = 4;
  static final int OP_MOD = 5;
  static final int OP_POW = 6;
  static final int OP_LSHIFT = 7;
  static final int OP_RSHIFT = 8;
  static final int OP_AND = 9;
  static final int OP_OR = 10;
  static final int OP_XOR = 11;
  static final int OP_MATMUL = 12;

  static final String[] SPECIAL_NAMES = {
    "add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "or", "xor",
    "matmul"
  };
  private static final String[] SYMBOLS = {
    "+", "-", "*", "/", "//", "%", "** or pow()", "<<", ">>", "&", "|", "^", "@"
  };

  /** Comparison index = opcode - EQ. */
  static final int CMP_EQ = 0;
  static final int CMP_NE = 1;
  static final int CMP_LT = 2;
  static final int CMP_LE = 3;
  static final int CMP_GT = 4;
  static final int CMP_GE = 5;
  private static final String[] CMP_SYMBOLS = {"==", "!=", "<", "<=", ">", ">="};

  private final Runtime rt;
  /** The last "index out of range" message made, and the sequence kind it names ({@link #outOfRange}). */
  private String outOfRangeWhat;
  private String outOfRangeMessage;
  private final int[] w;
  /** Depth of nested comparisons of containers (lists in lists ...), bounded. */
  private int depth;

  Operators(Runtime rt) {
    this.rt = rt;
    this.w = rt.w;
  }

  // ---- binary arithmetic ------------------------------------------------------------------------

  int add(int a, int b) {
    if ((a & b & 1) != 0) {
      return rt.ints.box((long) (a >> 1) + (b >> 1));
    }
    return binary(OP_ADD, a, b, false);
  }

  /** a op b; {@code inplace} for the augmented assignment forms. */
  int binary(int op, int a, int b, boolean inplace) {
    Ints ints = rt.ints;
    if (ints.isIntOrBool(a) && ints.isIntOrBool(b)) {
      return intBinary(op, a, b);
    }
    boolean fa = rt.floats.isFloat(a);
    boolean fb = rt.floats.isFloat(b);
    if ((fa || ints.isIntOrBool(a)) && (fb || ints.isIntOrBool(b))) {
      return floatBinary(op, rt.floats.toDouble(a), rt.floats.toDouble(b));
    }
    int r = sequenceBinary(op, a, b, inplace);
    if (r != Values.NULL) {
      return r;
    }
    r = userBinary(op, a, b, inplace);
    if (r != Values.NULL) {
      return r;
    }
    throw binaryTypeError(op, a, b);
  }

  private PyRaise binaryTypeError(int op, int a, int b) {
    if (op == OP_ADD && rt.strs.isStr(a)) {
      return rt.typeError("can only concatenate str (not \"" + rt.typeName(b) + "\") to str");
    }
    if (op == OP_ADD && rt.lists.isList(a)) {
      return rt.typeError("can only concatenate list (not \"" + rt.typeName(b) + "\") to list");
    }
    if (op == OP_ADD && rt.lists.isTuple(a)) {
      return rt.typeError("can only concatenate tuple (not \"" + rt.typeName(b) + "\") to tuple");
    }
    if (op == OP_MUL && (isSequence(a) || isSequence(b))) {
      int other = isSequence(a) ? b : a;
      return rt.typeError("can't multiply sequence by non-int of type '" + rt.typeName(other) + "'");
    }
    return rt.typeError("unsupported operand type(s) for " + SYMBOLS[op] + ": '" + rt.typeName(a) + "' and '"
        + rt.typeName(b) + "'");
  }

  private boolean isSequence(int v) {
    int t = rt.typeCode(v);
    return t == Types.STR || t == Types.LIST || t == Types.TUPLE || rt.bytes.isByteSeq(v);
  }

  private int intBinary(int op, int a, int b) {
    Ints ints = rt.ints;
    long x = ints.value(a);
    long y = ints.value(b);
    switch (op) {
      case OP_ADD:
        return ints.add(x, y);
      case OP_SUB:
        return ints.sub(x, y);
      case OP_MUL:
        return ints.mul(x, y);
      case OP_TRUEDIV:
        if (y == 0) {
          throw rt.raise(ExceptionTree.ZERO_DIVISION_ERROR, "division by zero");
        }
        return rt.floats.box(trueDivide(x, y));
      case OP_FLOORDIV:
        return ints.floorDiv(x, y);
      case OP_MOD:
        return ints.mod(x, y);
      case OP_POW:
        if (y < 0) {
          if (x == 0) {
            throw rt.raise(ExceptionTree.ZERO_DIVISION_ERROR, "0.0 cannot be raised to a negative power");
          }
          return rt.floats.box(Math.pow(x, y));
        }
        return ints.pow(x, y);
      case OP_LSHIFT:
        return ints.lshift(x, y);
      case OP_RSHIFT:
        return ints.rshift(x, y);
      case OP_AND:
        return Values.isBool(a) && Values.isBool(b) ? Values.bool((x & y) != 0) : ints.box(x & y);
      case OP_OR:
        return Values.isBool(a) && Values.isBool(b) ? Values.bool((x | y) != 0) : ints.box(x | y);
      case OP_XOR:
        return Values.isBool(a) && Values.isBool(b) ? Values.bool((x ^ y) != 0) : ints.box(x ^ y);
      default:
        throw binaryTypeError(op, a, b);
    }
  }

  /** int / int correctly rounded (exact for |values| up to 2^53, as CPython). */
  private static double trueDivide(long x, long y) {
    if (Math.abs(x) < (1L << 53) && Math.abs(y) < (1L << 53)) {
      return (double) x / (double) y;
    }
    return new java.math.BigDecimal(x).divide(new java.math.BigDecimal(y), java.math.MathContext.DECIMAL128)
        .doubleValue();
  }

  private int floatBinary(int op, double x, double y) {
    switch (op) {
      case OP_ADD:
        return rt.floats.box(x + y);
      case OP_SUB:
        return rt.floats.box(x - y);
      case OP_MUL:
        return rt.floats.box(x * y);
      case OP_TRUEDIV:
        if (y == 0) {
          throw rt.raise(ExceptionTree.ZERO_DIVISION_ERROR, "float division by zero");
        }
        return rt.floats.box(x / y);
      case OP_FLOORDIV:
        if (y == 0) {
          throw rt.raise(ExceptionTree.ZERO_DIVISION_ERROR, "float floor division by zero");
        }
        return rt.floats.box(floorDivMod(x, y)[0]);
      case OP_MOD:
        if (y == 0) {
          throw rt.raise(ExceptionTree.ZERO_DIVISION_ERROR, "float modulo");
        }
        return rt.floats.box(floorDivMod(x, y)[1]);
      case OP_POW:
        return rt.floats.box(floatPow(x, y));
      default:
        throw rt.typeError("unsupported operand type(s) for " + SYMBOLS[op] + ": 'float' and 'float'");
    }
  }

  /** CPython's float_divmod: floor quotient and modulo with the divisor's sign. */
  static double[] floorDivMod(double vx, double wx) {
    double mod = vx % wx;
    double div = (vx - mod) / wx;
    if (mod != 0) {
      if ((wx < 0) != (mod < 0)) {
        mod += wx;
        div -= 1.0;
      }
    } else {
      mod = Math.copySign(0.0, wx);
    }
    double floordiv;
    if (div != 0) {
      floordiv = Math.floor(div);
      if (div - floordiv > 0.5) {
        floordiv += 1.0;
      }
    } else {
      floordiv = Math.copySign(0.0, vx / wx);
    }
    return new double[] {floordiv, mod};
  }

  double floatPow(double x, double y) {
    double r = Math.pow(x, y);
    switch (powFault(x, y, r)) {
      case POW_ZERO_DIVISION:
        throw rt.raise(ExceptionTree.ZERO_DIVISION_ERROR, "0.0 cannot be raised to a negative power");
      case POW_DOMAIN:
        throw rt.valueError("math domain error: a negative number to a fractional power");
      case POW_OVERFLOW:
        throw rt.overflowError("(34, 'Numerical result out of range')");
      case POW_ONE:
        return 1.0;
      default:
        return r;
    }
  }

  static final int POW_ZERO_DIVISION = 1;
  static final int POW_DOMAIN = 2;
  static final int POW_OVERFLOW = 3;
  /** C99's pow, which CPython follows, where Java's gives NaN: 1 ** nan and (-1) ** inf are 1. */
  static final int POW_ONE = 4;

  /**
   * Why float {@code x ** y} raises instead of giving {@code r = Math.pow(x, y)}: one of the POW_
   * codes, or 0 when it does not (the fast loop leaves a power that raises to {@link #floatPow}).
   */
  static int powFault(double x, double y, double r) {
    if (x == 0 && y < 0) {
      return POW_ZERO_DIVISION;
    }
    if (x < 0 && y != Math.floor(y) && Double.isFinite(y)) {
      return POW_DOMAIN;
    }
    if (r != r && (x == 1.0 || x == -1.0 && Double.isInfinite(y))) { // r is NaN
      return POW_ONE;
    }
    return Double.isInfinite(r) && Double.isFinite(x) && Double.isFinite(y) ? POW_OVERFLOW : 0;
  }

  private int sequenceBinary(int op, int a, int b, boolean inplace) {
    int ta = rt.typeCode(a);
    int tb = rt.typeCode(b);
    switch (op) {
      case OP_ADD:
        if (ta == Types.STR && tb == Types.STR) {
          return rt.strs.concat(a, b);
        }
        if (ta == Types.LIST && inplace) {
          int items = rt.iters.toSequence(b);
          int mark = rt.keep(items);
          rt.lists.extendFromSeq(a, items);
          rt.release(mark);
          return a;
        }
        if ((ta == Types.LIST || ta == Types.TUPLE) && ta == tb) {
          return rt.lists.concat(a, b);
        }
        if (rt.bytes.isByteSeq(a) && rt.bytes.isByteSeq(b)
            && ByteSeqs.width(ta) == ByteSeqs.width(tb)) {
          if (inplace && ByteSeqs.mutable(ta)) {
            int n = rt.bytes.length(b);
            for (int i = 0; i < n; i++) {
              rt.bytes.append(a, Values.small(rt.bytes.get(b, i)));
            }
            return a;
          }
          return rt.bytes.concat(a, b);
        }
        return Values.NULL;
      case OP_MUL: {
        int seq;
        int count;
        if (isSequence(a) && rt.ints.isIntOrBool(b)) {
          seq = a;
          count = b;
        } else if (isSequence(b) && rt.ints.isIntOrBool(a)) {
          seq = b;
          count = a;
        } else {
          return Values.NULL;
        }
        long n = rt.ints.value(count);
        int t = rt.typeCode(seq);
        if (t == Types.STR) {
          return rt.strs.repeat(seq, n);
        }
        if (t == Types.LIST || t == Types.TUPLE) {
          if (inplace && t == Types.LIST && seq == a) {
            int r = rt.lists.repeat(seq, n);
            rt.lists.clear(a);
            rt.lists.extendFromSeq(a, r);
            return a;
          }
          return rt.lists.repeat(seq, n);
        }
        return rt.bytes.repeat(seq, n);
      }
      case OP_MOD:
        if (ta == Types.STR) {
          return rt.formatter.percent(a, b);
        }
        if (rt.bytes.isBytesLike(a)) {
          int s = rt.strs.of(new String(rt.bytes.toJava(a), java.nio.charset.StandardCharsets.ISO_8859_1));
          int r = rt.formatter.percent(s, b);
          String out = rt.strs.toJava(r);
          byte[] bs = out.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
          return rt.bytes.newBytes(bs, 0, bs.length);
        }
        return Values.NULL;
      case OP_OR:
      case OP_AND:
      case OP_SUB:
      case OP_XOR:
        if (rt.sets.isSet(a) && rt.sets.isSet(b)) {
          return setBinary(op, a, b, inplace);
        }
        if (op == OP_OR && ta == Types.DICT && tb == Types.DICT) {
          if (inplace) {
            rt.dicts.update(a, b);
            return a;
          }
          int r = rt.dicts.copy(a);
          int mark = rt.keep(r);
          rt.dicts.update(r, b);
          rt.release(mark);
          return r;
        }
        return Values.NULL;
      default:
        return Values.NULL;
    }
  }

  private int setBinary(int op, int a, int b, boolean inplace) {
    int type = rt.type(a);
    Sets sets = rt.sets;
    int mark = rt.keep(a);
    rt.keep(b);
    try {
      switch (op) {
        case OP_OR: {
          int r = inplace && type == Types.SET ? a : sets.copy(a, type);
          rt.keep(r);
          sets.merge(r, b);
          return r;
        }
        case OP_AND: {
          int small = a;
          int big = b;
          if (sets.size(b) > sets.size(a)) {
            small = b;
            big = a;
          }
          int r = sets.newSet(type);
          rt.keep(r);
          for (int j = sets.next(small, 0); j >= 0; j = sets.next(small, j + 1)) {
            int k = sets.keyAt(small, j);
            long h = sets.hashAt(small, j);
            if (sets.find(big, k, h) >= 0) {
              sets.addEntry(r, k, h);
            }
          }
          if (inplace && type == Types.SET) {
            sets.clear(a);
            sets.merge(a, r);
            return a;
          }
          return r;
        }
        case OP_SUB: {
          if (inplace && type == Types.SET) {
            for (int j = sets.next(b, 0); j >= 0; j = sets.next(b, j + 1)) {
              sets.discardEntry(a, sets.keyAt(b, j), sets.hashAt(b, j));
            }
            return a;
          }
          if ((sets.size(a) >> 2) > sets.size(b)) {
            int r = sets.copy(a, type);
            rt.keep(r);
            for (int j = sets.next(b, 0); j >= 0; j = sets.next(b, j + 1)) {
              sets.discardEntry(r, sets.keyAt(b, j), sets.hashAt(b, j));
            }
            return r;
          }
          int r = sets.newSet(type);
          rt.keep(r);
          for (int j = sets.next(a, 0); j >= 0; j = sets.next(a, j + 1)) {
            int k = sets.keyAt(a, j);
            long h = sets.hashAt(a, j);
            if (sets.find(b, k, h) < 0) {
              sets.addEntry(r, k, h);
            }
          }
          return r;
        }
        default: {
          int r = inplace && type == Types.SET ? a : sets.copy(b, type);
          rt.keep(r);
          int other = inplace && type == Types.SET ? b : a;
          for (int j = sets.next(other, 0); j >= 0; j = sets.next(other, j + 1)) {
            int k = sets.keyAt(other, j);
            long h = sets.hashAt(other, j);
            if (!sets.discardEntry(r, k, h)) {
              sets.addEntry(r, k, h);
            }
          }
          return r;
        }
      }
    } finally {
      rt.release(mark);
    }
  }

  /** a.__op__(b), then b.__rop__(a); in-place tries a.__iop__(b) first. NULL if none applies. */
  private int userBinary(int op, int a, int b, boolean inplace) {
    Names n = rt.names;
    if (inplace) {
      int f = rt.classes.special(a, n.inplace[op]);
      if (f != Values.NULL) {
        int r = rt.call2(f, a, b);
        if (r != Values.NOT_IMPLEMENTED) {
          return r;
        }
      }
    }
    int f = rt.classes.special(a, n.binary[op]);
    int g = rt.classes.special(b, n.reflected[op]);
    // A subclass's reflected method overrides: it goes first (CPython's rule).
    boolean subFirst = g != Values.NULL && rt.classOf(a) != rt.classOf(b)
        && rt.classes.isSubclass(rt.classOf(b), rt.classOf(a));
    if (subFirst) {
      int r = rt.call2(g, b, a);
      if (r != Values.NOT_IMPLEMENTED) {
        return r;
      }
      g = Values.NULL;
    }
    if (f != Values.NULL) {
      int r = rt.call2(f, a, b);
      if (r != Values.NOT_IMPLEMENTED) {
        return r;
      }
    }
    if (g != Values.NULL) {
      int r = rt.call2(g, b, a);
      if (r != Values.NOT_IMPLEMENTED) {
        return r;
      }
    }
    return Values.NULL;
  }

  /** pow(a, b, m). */
  int powMod(int a, int b, int m) {
    if (!rt.ints.isIntOrBool(a) || !rt.ints.isIntOrBool(b) || !rt.ints.isIntOrBool(m)) {
      throw rt.typeError("pow() 3rd argument not allowed unless all arguments are integers");
    }
    long e = rt.ints.value(b);
    if (e < 0) {
      throw rt.valueError("pow() 2nd argument cannot be negative when 3rd argument specified");
    }
    return rt.ints.powMod(rt.ints.value(a), e, rt.ints.value(m));
  }

  // ---- unary ------------------------------------------------------------------------------------

  int neg(int a) {
    if (rt.ints.isIntOrBool(a)) {
      return rt.ints.neg(rt.ints.value(a));
    }
    if (rt.floats.isFloat(a)) {
      return rt.floats.box(-rt.floats.value(a));
    }
    return unaryUser(a, rt.names.neg, "-");
  }

  int pos(int a) {
    if (rt.ints.isIntOrBool(a)) {
      return rt.ints.box(rt.ints.value(a));
    }
    if (rt.floats.isFloat(a)) {
      return a;
    }
    return unaryUser(a, rt.names.pos, "+");
  }

  int invert(int a) {
    if (rt.ints.isIntOrBool(a)) {
      return rt.ints.box(~rt.ints.value(a));
    }
    return unaryUser(a, rt.names.invert, "~");
  }

  int abs(int a) {
    if (rt.ints.isIntOrBool(a)) {
      long v = rt.ints.value(a);
      return v < 0 ? rt.ints.neg(v) : rt.ints.box(v);
    }
    if (rt.floats.isFloat(a)) {
      return rt.floats.box(Math.abs(rt.floats.value(a)));
    }
    int f = rt.classes.special(a, rt.names.abs);
    if (f != Values.NULL) {
      return rt.call1(f, a);
    }
    throw rt.typeError("bad operand type for abs(): '" + rt.typeName(a) + "'");
  }

  private int unaryUser(int a, int nameId, String symbol) {
    int f = rt.classes.special(a, nameId);
    if (f != Values.NULL) {
      return rt.call1(f, a);
    }
    throw rt.typeError("bad operand type for unary " + symbol + ": '" + rt.typeName(a) + "'");
  }

  // ---- truth, equality, hashing -----------------------------------------------------------------

  boolean truthy(int v) {
    if ((v & 1) != 0) {
      return v != Values.ZERO;
    }
    if (v == Values.TRUE) {
      return true;
    }
    if (v == Values.FALSE || v == Values.NONE) {
      return false;
    }
    if ((v & 3) != 0) {
      return true;
    }
    switch (rt.type(v)) {
      case Types.INT:
        return rt.ints.value(v) != 0;
      case Types.FLOAT:
        return rt.floats.value(v) != 0;
      case Types.STR:
        return rt.strs.length(v) != 0;
      case Types.LIST:
        return rt.lists.listLength(v) != 0;
      case Types.TUPLE:
        return rt.lists.tupleLength(v) != 0;
      case Types.DICT:
        return rt.dicts.size(v) != 0;
      case Types.SET:
      case Types.FROZENSET:
        return rt.sets.size(v) != 0;
      case Types.BYTES:
      case Types.BYTEARRAY:
      case Types.SHORTS:
      case Types.SHORTARRAY:
        return rt.bytes.length(v) != 0;
      case Types.RANGE:
        return rangeLength(v) != 0;
      case Types.DICT_VIEW:
        return rt.dicts.size(w[Runtime.at(v)]) != 0;
      case Types.INSTANCE: {
        int f = rt.classes.special(v, rt.names.bool);
        if (f != Values.NULL) {
          int r = rt.call1(f, v);
          if (!Values.isBool(r)) {
            throw rt.typeError("__bool__ should return bool, returned " + rt.typeName(r));
          }
          return r == Values.TRUE;
        }
        f = rt.classes.special(v, rt.names.len);
        if (f != Values.NULL) {
          return rt.ints.value(rt.call1(f, v)) != 0;
        }
        return true;
      }
      default:
        return true;
    }
  }

  /** a == b as a boolean (user __eq__ results are judged by truth). */
  boolean eq(int a, int b) {
    if (a == b) {
      return !(rt.floats.isFloat(a) && Double.isNaN(rt.floats.value(a)));
    }
    if ((a & 1) != 0 && (b & 1) != 0) {
      return false;
    }
    int ta = rt.typeCode(a);
    int tb = rt.typeCode(b);
    if (isNumberType(ta) && isNumberType(tb)) {
      if (ta == Types.FLOAT || tb == Types.FLOAT) {
        return rt.floats.toDouble(a) == rt.floats.toDouble(b);
      }
      return rt.ints.value(a) == rt.ints.value(b);
    }
    if (ta == Types.INSTANCE || tb == Types.INSTANCE) {
      int r = userCompare(CMP_EQ, a, b);
      if (r != Values.NULL) {
        return truthy(r);
      }
      return false;
    }
    if (ta != tb) {
      if (rt.sets.isSet(a) && rt.sets.isSet(b)) {
        return setEquals(a, b);
      }
      if (rt.bytes.isBytesLike(a) && rt.bytes.isBytesLike(b)) {
        return rt.bytes.equal(a, b);
      }
      return false;
    }
    switch (ta) {
      case Types.STR:
        return rt.strs.equal(a, b);
      case Types.LIST:
      case Types.TUPLE:
        return sequenceEquals(a, b);
      case Types.DICT:
        return dictEquals(a, b);
      case Types.SET:
      case Types.FROZENSET:
        return setEquals(a, b);
      case Types.BYTES:
      case Types.BYTEARRAY:
      case Types.SHORTS:
      case Types.SHORTARRAY:
        return rt.bytes.equal(a, b);
      case Types.RANGE: {
        long la = rangeLength(a);
        if (la != rangeLength(b)) {
          return false;
        }
        if (la == 0) {
          return true;
        }
        if (rt.heap.getLong(a, 0) != rt.heap.getLong(b, 0)) {
          return false;
        }
        return la == 1 || rt.heap.getLong(a, 16) == rt.heap.getLong(b, 16);
      }
      case Types.METHOD:
        return w[Runtime.at(a)] == w[Runtime.at(b)] && w[Runtime.at(a) + 1] == w[Runtime.at(b) + 1];
      case Types.SLICE:
        return eq(w[Runtime.at(a)], w[Runtime.at(b)]) && eq(w[Runtime.at(a) + 1], w[Runtime.at(b) + 1])
            && eq(w[Runtime.at(a) + 2], w[Runtime.at(b) + 2]);
      default:
        return false;
    }
  }

  private static boolean isNumberType(int t) {
    return t == Types.INT || t == Types.BOOL || t == Types.FLOAT;
  }

  private void enter() {
    if (++depth > 200) {
      depth = 0;
      throw rt.raise(ExceptionTree.RECURSION_ERROR, "maximum recursion depth exceeded in comparison");
    }
  }

  private boolean sequenceEquals(int a, int b) {
    int n = rt.lists.length(a);
    if (n != rt.lists.length(b)) {
      return false;
    }
    enter();
    try {
      for (int i = 0; i < n; i++) {
        if (i >= rt.lists.length(a) || i >= rt.lists.length(b)) {
          return false;
        }
        int x = rt.lists.get(a, i);
        int y = rt.lists.get(b, i);
        if (x != y && !eq(x, y)) {
          return false;
        }
      }
      return true;
    } finally {
      depth--;
    }
  }

  private boolean dictEquals(int a, int b) {
    if (rt.dicts.size(a) != rt.dicts.size(b)) {
      return false;
    }
    enter();
    int mark = rt.keep(a);
    rt.keep(b);
    try {
      for (int ix = rt.dicts.nextEntry(a, 0); ix >= 0; ix = rt.dicts.nextEntry(a, ix + 1)) {
        int v = rt.dicts.get(b, rt.dicts.keyAt(a, ix));
        if (v == Values.NULL) {
          return false;
        }
        int x = rt.dicts.valueAt(a, ix);
        if (x != v && !eq(x, v)) {
          return false;
        }
      }
      return true;
    } finally {
      depth--;
      rt.release(mark);
    }
  }

  private boolean setEquals(int a, int b) {
    return rt.sets.size(a) == rt.sets.size(b) && setSubset(a, b);
  }

  boolean setSubset(int a, int b) {
    if (rt.sets.size(a) > rt.sets.size(b)) {
      return false;
    }
    for (int j = rt.sets.next(a, 0); j >= 0; j = rt.sets.next(a, j + 1)) {
      if (rt.sets.find(b, rt.sets.keyAt(a, j), rt.sets.hashAt(a, j)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** hash(v): CPython's for numbers, tuples and frozensets; TypeError for unhashable values. */
  long hash(int v) {
    if ((v & 1) != 0) {
      int n = v >> 1;
      return n == -1 ? -2 : n;
    }
    if ((v & 3) != 0) {
      if (v == Values.TRUE) {
        return 1;
      }
      if (v == Values.FALSE) {
        return 0;
      }
      return v >>> 2;
    }
    switch (rt.type(v)) {
      case Types.INT:
        return Ints.hash(rt.ints.value(v));
      case Types.FLOAT: {
        double d = rt.floats.value(v);
        if (d == Math.rint(d) && Math.abs(d) < 9.2e18) {
          return Ints.hash((long) d);
        }
        return FloatFormat.hash(d);
      }
      case Types.STR:
        return rt.strs.hash(v);
      case Types.BYTES:
      case Types.SHORTS:
        return rt.bytes.hash(v);
      case Types.TUPLE:
        return tupleHash(v);
      case Types.FROZENSET:
        return rt.sets.frozenHash(v);
      case Types.RANGE:
        return rangeHash(v);
      case Types.LIST:
      case Types.DICT:
      case Types.SET:
      case Types.BYTEARRAY:
      case Types.SHORTARRAY:
      case Types.SLICE:
        throw rt.typeError("unhashable type: '" + rt.typeName(v) + "'");
      case Types.INSTANCE: {
        int cls = w[Runtime.at(v)];
        int f = rt.classes.lookup(cls, rt.names.hash);
        if (f != Values.NULL && !Values.isNative(f)) {
          if (f == Values.NONE) {
            throw rt.typeError("unhashable type: '" + rt.classes.name(cls) + "'");
          }
          int r = rt.call1(f, v);
          if (!rt.ints.isIntOrBool(r)) {
            throw rt.typeError("__hash__ method should return an integer");
          }
          long h = rt.ints.value(r);
          return h == -1 ? -2 : h;
        }
        int eqf = rt.classes.lookup(cls, rt.names.eq);
        if (eqf != Values.NULL && !Values.isNative(eqf)) {
          throw rt.typeError("unhashable type: '" + rt.classes.name(cls) + "'");
        }
        return v >>> 3;
      }
      case Types.METHOD:
        return hash(w[Runtime.at(v)]) ^ hash(w[Runtime.at(v) + 1]);
      default:
        return v >>> 3;
    }
  }

  private long tupleHash(int t) {
    final long p1 = -7046029288634856825L;
    final long p2 = -4417276706812531889L;
    final long p5 = 2870177450012600261L;
    int n = rt.lists.tupleLength(t);
    long acc = p5;
    enter();
    try {
      for (int i = 0; i < n; i++) {
        long lane = hash(w[Runtime.at(t) + i]);
        acc += lane * p2;
        acc = (acc << 31) | (acc >>> 33);
        acc *= p1;
      }
    } finally {
      depth--;
    }
    acc += n ^ (p5 ^ 3527539L);
    return acc == -1 ? 1546275796L : acc;
  }

  // ---- comparisons ------------------------------------------------------------------------------

  /** a op b for comparison {@code cmp}: a bool, or whatever a user method returns. */
  int compare(int cmp, int a, int b) {
    if (cmp == CMP_EQ) {
      if (rt.classes.isInstance(a) || rt.classes.isInstance(b)) {
        int r = userCompare(CMP_EQ, a, b);
        return r != Values.NULL ? r : Values.bool(a == b);
      }
      return Values.bool(eq(a, b));
    }
    if (cmp == CMP_NE) {
      if (rt.classes.isInstance(a) || rt.classes.isInstance(b)) {
        int r = userCompare(CMP_NE, a, b);
        if (r != Values.NULL) {
          return r;
        }
        r = userCompare(CMP_EQ, a, b);
        return r != Values.NULL ? Values.bool(!truthy(r)) : Values.bool(a != b);
      }
      return Values.bool(!eq(a, b));
    }
    int ta = rt.typeCode(a);
    int tb = rt.typeCode(b);
    if (isNumberType(ta) && isNumberType(tb)) {
      if (ta != Types.FLOAT && tb != Types.FLOAT) {
        return Values.bool(order(cmp, Long.compare(rt.ints.value(a), rt.ints.value(b))));
      }
      double x = rt.floats.toDouble(a);
      double y = rt.floats.toDouble(b);
      switch (cmp) {
        case CMP_LT:
          return Values.bool(x < y);
        case CMP_LE:
          return Values.bool(x <= y);
        case CMP_GT:
          return Values.bool(x > y);
        default:
          return Values.bool(x >= y);
      }
    }
    if (ta == Types.INSTANCE || tb == Types.INSTANCE) {
      int r = userCompare(cmp, a, b);
      if (r != Values.NULL) {
        return r;
      }
      throw compareError(cmp, a, b);
    }
    if (ta == Types.STR && tb == Types.STR) {
      return Values.bool(order(cmp, rt.strs.compare(a, b)));
    }
    if ((ta == Types.LIST || ta == Types.TUPLE) && ta == tb) {
      return sequenceCompare(cmp, a, b);
    }
    if (rt.bytes.isByteSeq(a) && rt.bytes.isByteSeq(b)) {
      return Values.bool(order(cmp, rt.bytes.compare(a, b)));
    }
    if (rt.sets.isSet(a) && rt.sets.isSet(b)) {
      switch (cmp) {
        case CMP_LE:
          return Values.bool(setSubset(a, b));
        case CMP_LT:
          return Values.bool(rt.sets.size(a) < rt.sets.size(b) && setSubset(a, b));
        case CMP_GE:
          return Values.bool(setSubset(b, a));
        default:
          return Values.bool(rt.sets.size(b) < rt.sets.size(a) && setSubset(b, a));
      }
    }
    throw compareError(cmp, a, b);
  }

  private static boolean order(int cmp, int c) {
    switch (cmp) {
      case CMP_LT:
        return c < 0;
      case CMP_LE:
        return c <= 0;
      case CMP_GT:
        return c > 0;
      default:
        return c >= 0;
    }
  }

  private PyRaise compareError(int cmp, int a, int b) {
    return rt.typeError("'" + CMP_SYMBOLS[cmp] + "' not supported between instances of '" + rt.typeName(a)
        + "' and '" + rt.typeName(b) + "'");
  }

  private int sequenceCompare(int cmp, int a, int b) {
    enter();
    try {
      int na = rt.lists.length(a);
      int nb = rt.lists.length(b);
      int i = 0;
      while (i < na && i < nb) {
        int x = rt.lists.get(a, i);
        int y = rt.lists.get(b, i);
        if (x != y && !eq(x, y)) {
          return compare(cmp, x, y);
        }
        i++;
        na = rt.lists.length(a);
        nb = rt.lists.length(b);
      }
      return Values.bool(order(cmp, Integer.compare(na, nb)));
    } finally {
      depth--;
    }
  }

  private int[] cmpIds;
  private static final int[] SWAPPED = {CMP_EQ, CMP_NE, CMP_GT, CMP_GE, CMP_LT, CMP_LE};

  /** a.__cmp__(b), else b.__swapped__(a); NULL if neither handles it. */
  private int userCompare(int cmp, int a, int b) {
    if (cmpIds == null) {
      Names n = rt.names;
      cmpIds = new int[] {n.eq, n.ne, n.lt, n.le, n.gt, n.ge};
    }
    int[] ids = cmpIds;
    int f = rt.classes.special(a, ids[cmp]);
    if (f != Values.NULL) {
      int r = rt.call2(f, a, b);
      if (r != Values.NOT_IMPLEMENTED) {
        return r;
      }
    }
    int g = rt.classes.special(b, ids[SWAPPED[cmp]]);
    if (g != Values.NULL) {
      int r = rt.call2(g, b, a);
      if (r != Values.NOT_IMPLEMENTED) {
        return r;
      }
    }
    return Values.NULL;
  }

  /** The result of a comparison opcode as a value. */
  int compareOp(int cmp, int a, int b) {
    return compare(cmp, a, b);
  }

  // ---- containers -------------------------------------------------------------------------------

  /**
   * The number of items of a range, unsigned: a range may span more than Long.MAX_VALUE items
   * ({@code range(-2**63, 2**63 - 1)}), and such a length reads as negative. The distances are
   * taken unsigned too, so that no start and stop overflow.
   */
  long rangeLength(int r) {
    long start = rt.heap.getLong(r, 0);
    long stop = rt.heap.getLong(r, 8);
    long step = rt.heap.getLong(r, 16);
    if (step > 0) {
      return start < stop ? Long.divideUnsigned(stop - start - 1, step) + 1 : 0;
    }
    return start > stop ? Long.divideUnsigned(start - stop - 1, -step) + 1 : 0;
  }

  /** A range's length as a Java int, or OverflowError: for len() and slicing. */
  int rangeIntLength(int r) {
    long n = rangeLength(r);
    if (n < 0 || n > Integer.MAX_VALUE) {
      throw rt.raise(ExceptionTree.OVERFLOW_ERROR, "range has too many items");
    }
    return (int) n;
  }

  /** The position of {@code x} among a range's items, or -1 (never a position) when it is none. */
  long rangePosition(int r, long x) {
    long start = rt.heap.getLong(r, 0);
    long stop = rt.heap.getLong(r, 8);
    long step = rt.heap.getLong(r, 16);
    if (step > 0 ? (x < start || x >= stop) : (x > start || x <= stop)) {
      return -1;
    }
    long distance = step > 0 ? x - start : start - x;
    long stride = step > 0 ? step : -step;
    return Long.remainderUnsigned(distance, stride) == 0 ? Long.divideUnsigned(distance, stride) : -1;
  }

  /** Item {@code i} of a range, counted from its end when negative; IndexError outside it. */
  private int rangeItem(int r, int i) {
    long k = rt.ints.isIntOrBool(i) ? rt.ints.value(i) : rt.ints.index(i, "range indices");
    long len = rangeLength(r);
    if (k < 0 ? Long.compareUnsigned(-k, len) > 0 : Long.compareUnsigned(k, len) >= 0) {
      throw rt.indexError(outOfRange("range object"));
    }
    if (k < 0) {
      k += len;
    }
    return rt.ints.box(rt.heap.getLong(r, 0) + k * rt.heap.getLong(r, 16));
  }

  /**
   * {@code from + delta}, clamped to the long range: a range's stop need only lie beyond its last
   * item, so a stop past Long.MAX_VALUE may be Long.MAX_VALUE.
   */
  static long clampedAdd(long from, long delta) {
    long r = from + delta;
    if (((from ^ r) & (delta ^ r)) < 0) {
      return delta > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    return r;
  }

  /** Equal ranges (the same items) hash alike, whatever their stops: by length, first item, step. */
  private long rangeHash(int r) {
    long len = rangeLength(r);
    long h = len;
    if (len != 0) {
      h = h * 1_000_003 + rt.heap.getLong(r, 0);
    }
    if (len != 0 && len != 1) {
      h = h * 1_000_003 + rt.heap.getLong(r, 16);
    }
    return h;
  }

  int newRange(long start, long stop, long step) {
    int r = rt.allocBytes(Types.RANGE, 24);
    rt.heap.setLong(r, 0, start);
    rt.heap.setLong(r, 8, stop);
    rt.heap.setLong(r, 16, step);
    return r;
  }

  /** len(v). */
  int len(int v) {
    if ((v & 3) == 0 && v != 0) {
      switch (rt.type(v)) {
        case Types.STR:
          return rt.strs.length(v);
        case Types.LIST:
          return rt.lists.listLength(v);
        case Types.TUPLE:
          return rt.lists.tupleLength(v);
        case Types.DICT:
          return rt.dicts.size(v);
        case Types.SET:
        case Types.FROZENSET:
          return rt.sets.size(v);
        case Types.BYTES:
        case Types.BYTEARRAY:
        case Types.SHORTS:
        case Types.SHORTARRAY:
          return rt.bytes.length(v);
        case Types.RANGE:
          return rangeIntLength(v);
        case Types.DICT_VIEW:
          return rt.dicts.size(w[Runtime.at(v)]);
        case Types.INSTANCE: {
          int f = rt.classes.special(v, rt.names.len);
          if (f != Values.NULL) {
            int r = rt.call1(f, v);
            if (!rt.ints.isIntOrBool(r)) {
              throw rt.typeError("'" + rt.typeName(r) + "' object cannot be interpreted as an integer");
            }
            long n = rt.ints.value(r);
            if (n < 0) {
              throw rt.valueError("__len__() should return >= 0");
            }
            return (int) n;
          }
          break;
        }
        default:
          break;
      }
    }
    throw rt.typeError("object of type '" + rt.typeName(v) + "' has no len()");
  }

  /**
   * Normalises a slice for a sequence of {@code length}: writes start, step and count into
   * {@code out} (CPython's PySlice_AdjustIndices).
   */
  void sliceIndices(int slice, int length, int[] out) {
    int si = Runtime.at(slice);
    int vStart = w[si];
    int vStop = w[si + 1];
    int vStep = w[si + 2];
    long step = vStep == Values.NONE ? 1 : rt.ints.index(vStep, "slice indices");
    if (step == 0) {
      throw rt.valueError("slice step cannot be zero");
    }
    long start = vStart == Values.NONE ? (step < 0 ? length - 1 : 0)
        : sliceBound(rt.ints.index(vStart, "slice indices"), length, step < 0);
    long stop = vStop == Values.NONE ? (step < 0 ? -1 : length)
        : sliceBound(rt.ints.index(vStop, "slice indices"), length, step < 0);
    long count;
    if (step < 0) {
      count = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
    } else {
      count = start < stop ? (stop - start - 1) / step + 1 : 0;
    }
    out[0] = (int) start;
    out[1] = (int) Math.max(Math.min(step, Integer.MAX_VALUE), Integer.MIN_VALUE + 1);
    out[2] = (int) count;
  }

  /**
   * A slice's start or stop {@code i} for a sequence of {@code length}: from the end when negative,
   * then clamped to {@code [0, length]}, or to {@code [-1, length - 1]} for a negative step.
   */
  static long sliceBound(long i, int length, boolean backwards) {
    if (i < 0) {
      i += length;
      return i < 0 ? (backwards ? -1 : 0) : i;
    }
    return i >= length ? (backwards ? length - 1 : length) : i;
  }

  private final int[] slice = new int[3];

  boolean isSlice(int v) {
    return (v & 3) == 0 && v != 0 && rt.type(v) == Types.SLICE;
  }

  int newSlice(int start, int stop, int step) {
    int mark = rt.keep(start);
    rt.keep(stop);
    rt.keep(step);
    int s = rt.allocSlots(Types.SLICE, 3);
    rt.release(mark);
    w[Runtime.at(s)] = start;
    w[Runtime.at(s) + 1] = stop;
    w[Runtime.at(s) + 2] = step;
    return s;
  }

  /** A normalised index into a sequence of {@code length}; IndexError naming {@code what}. */
  int seqIndex(int index, int length, String what) {
    // an int needs no message: the "<what> indices" text is made only for the TypeError
    long i = rt.ints.isIntOrBool(index) ? rt.ints.value(index) : rt.ints.index(index, what + " indices");
    if (i < 0) {
      i += length;
    }
    if (i < 0 || i >= length) {
      throw rt.indexError(outOfRange(what));
    }
    return (int) i;
  }

  /**
   * "{@code what} index out of range", made once per kind of sequence in a row: a program that
   * catches IndexError in a loop (raise_catch) raised with a new Java string each time. Callers pass
   * literals, so the identity test suffices.
   */
  private String outOfRange(String what) {
    if (what != outOfRangeWhat) {
      outOfRangeWhat = what;
      outOfRangeMessage = what + " index out of range";
    }
    return outOfRangeMessage;
  }

  /** A slice of a range, itself a range. */
  private int rangeSlice(int r, int slice) {
    long start = rt.heap.getLong(r, 0);
    long step = rt.heap.getLong(r, 16);
    sliceIndices(slice, rangeIntLength(r), this.slice);
    long first = start + this.slice[0] * step;
    long count = this.slice[2];
    long newStep;
    try {
      newStep = Math.multiplyExact(step, (long) this.slice[1]);
    } catch (ArithmeticException e) {
      throw rt.ints.overflow();
    }
    long stop = count == 0 ? first : clampedAdd(first + (count - 1) * newStep, newStep);
    return newRange(first, stop, newStep);
  }

  /** c[i]. */
  int getItem(int c, int i) {
    int t = rt.typeCode(c);
    switch (t) {
      case Types.LIST:
      case Types.TUPLE: {
        int len = rt.lists.length(c);
        if (isSlice(i)) {
          sliceIndices(i, len, slice);
          return rt.lists.slice(c, slice[0], slice[1], slice[2]);
        }
        return rt.lists.get(c, seqIndex(i, len, t == Types.LIST ? "list" : "tuple"));
      }
      case Types.STR: {
        int len = rt.strs.length(c);
        if (isSlice(i)) {
          sliceIndices(i, len, slice);
          return rt.strs.slice(c, slice[0], slice[1], slice[2]);
        }
        return rt.strs.ofChar(rt.strs.charAt(c, seqIndex(i, len, "string")));
      }
      case Types.DICT: {
        int v = rt.dicts.get(c, i);
        if (v == Values.NULL) {
          throw rt.dicts.keyError(i);
        }
        return v;
      }
      case Types.BYTES:
      case Types.BYTEARRAY:
      case Types.SHORTS:
      case Types.SHORTARRAY: {
        int len = rt.bytes.length(c);
        if (isSlice(i)) {
          sliceIndices(i, len, slice);
          return rt.bytes.slice(c, slice[0], slice[1], slice[2]);
        }
        return Values.small(rt.bytes.get(c, seqIndex(i, len, Types.name(t))));
      }
      case Types.RANGE:
        return isSlice(i) ? rangeSlice(c, i) : rangeItem(c, i);
      case Types.INSTANCE: {
        int f = rt.classes.special(c, rt.names.getitem);
        if (f != Values.NULL) {
          return rt.call2(f, c, i);
        }
        break;
      }
      case Types.CLASS:
        // list[int] style generic aliases: return the class itself
        return c;
      default:
        break;
    }
    throw rt.typeError("'" + rt.typeName(c) + "' object is not subscriptable");
  }

  /** c[i] = v. */
  void setItem(int c, int i, int v) {
    int t = rt.typeCode(c);
    switch (t) {
      case Types.LIST: {
        int len = rt.lists.listLength(c);
        if (isSlice(i)) {
          setListSlice(c, i, v);
          return;
        }
        rt.lists.set(c, seqIndex(i, len, "list assignment"), v);
        return;
      }
      case Types.DICT:
        rt.dicts.put(c, i, v);
        return;
      case Types.BYTEARRAY:
      case Types.SHORTARRAY: {
        int len = rt.bytes.length(c);
        if (isSlice(i)) {
          int src = rt.iters.toList(v);
          int mark = rt.keep(src);
          sliceIndices(i, len, slice);
          int n = rt.lists.listLength(src);
          if (slice[1] != 1 || n != slice[2]) {
            if (slice[1] != 1) {
              throw rt.valueError("attempt to assign sequence of size " + n + " to extended slice of size "
                  + slice[2]);
            }
            int tmp = rt.bytes.toJava(c).length;
            int start = slice[0];
            int count = slice[2];
            byte[] old = rt.bytes.toJava(c);
            int[] vals = new int[n];
            for (int k = 0; k < n; k++) {
              vals[k] = rt.bytes.checkElement(t, rt.lists.get(src, k));
            }
            int newLen = tmp - count + n;
            rt.bytes.reserve(c, Math.max(0, newLen - tmp));
            rt.bytes.setLength(c, newLen);
            int[] all = new int[newLen];
            for (int k = 0; k < start; k++) {
              all[k] = old[k] & 0xFF;
            }
            System.arraycopy(vals, 0, all, start, n);
            for (int k = start + count; k < tmp; k++) {
              all[k - count + n] = old[k] & 0xFF;
            }
            for (int k = 0; k < newLen; k++) {
              rt.bytes.put(c, k, all[k]);
            }
          } else {
            for (int k = 0; k < n; k++) {
              rt.bytes.put(c, slice[0] + k, rt.bytes.checkElement(t, rt.lists.get(src, k)));
            }
          }
          rt.release(mark);
          return;
        }
        rt.bytes.put(c, seqIndex(i, len, t == Types.BYTEARRAY ? "bytearray" : "shortarray"),
            rt.bytes.checkElement(t, v));
        return;
      }
      case Types.INSTANCE: {
        int f = rt.classes.special(c, rt.names.setitem);
        if (f != Values.NULL) {
          rt.push(f);
          rt.push(c);
          rt.push(i);
          rt.push(v);
          rt.callOnStack(3);
          return;
        }
        break;
      }
      default:
        break;
    }
    throw rt.typeError("'" + rt.typeName(c) + "' object does not support item assignment");
  }

  private void setListSlice(int l, int sl, int v) {
    int mark = rt.keep(l);
    rt.keep(sl);
    int src = v == l ? rt.lists.toList(v) : rt.iters.toSequence(v);
    rt.keep(src);
    int len = rt.lists.listLength(l);
    sliceIndices(sl, len, slice);
    int start = slice[0];
    int step = slice[1];
    int count = slice[2];
    int n = rt.lists.length(src);
    if (step != 1) {
      if (n != count) {
        throw rt.valueError("attempt to assign sequence of size " + n + " to extended slice of size " + count);
      }
      for (int k = 0; k < n; k++) {
        rt.lists.set(l, start + k * step, rt.lists.get(src, k));
      }
      rt.release(mark);
      return;
    }
    int newLen = len - count + n;
    if (newLen > len) {
      rt.lists.reserve(l, newLen - len);
    }
    int items = rt.lists.listItems(l);
    int srcItems = n > 0 ? rt.lists.items(src) : 0;
    int[] copy = new int[n];
    for (int k = 0; k < n; k++) {
      copy[k] = w[srcItems + k];
    }
    System.arraycopy(w, items + start + count, w, items + start + n, len - start - count);
    System.arraycopy(copy, 0, w, items + start, n);
    for (int k = newLen; k < len; k++) {
      w[items + k] = Values.NULL;
    }
    w[Runtime.at(l)] = Values.small(newLen);
    rt.release(mark);
  }

  /** del c[i]. */
  void delItem(int c, int i) {
    int t = rt.typeCode(c);
    switch (t) {
      case Types.LIST: {
        int len = rt.lists.listLength(c);
        if (isSlice(i)) {
          sliceIndices(i, len, slice);
          int start = slice[0];
          int step = slice[1];
          int count = slice[2];
          if (step < 0) {
            start = start + (count - 1) * step;
            step = -step;
          }
          for (int k = count - 1; k >= 0; k--) {
            rt.lists.removeAt(c, start + k * step);
          }
          return;
        }
        rt.lists.removeAt(c, seqIndex(i, len, "list assignment"));
        return;
      }
      case Types.DICT:
        if (rt.dicts.remove(c, i) == Values.NULL) {
          throw rt.dicts.keyError(i);
        }
        return;
      case Types.BYTEARRAY:
      case Types.SHORTARRAY: {
        int len = rt.bytes.length(c);
        if (isSlice(i)) {
          sliceIndices(i, len, slice);
          int start = slice[0];
          int step = slice[1];
          int count = slice[2];
          if (step < 0) {
            start = start + (count - 1) * step;
            step = -step;
          }
          boolean[] gone = new boolean[len];
          for (int k = 0; k < count; k++) {
            gone[start + k * step] = true;
          }
          int j = 0;
          for (int k = 0; k < len; k++) {
            if (!gone[k]) {
              rt.bytes.put(c, j++, rt.bytes.get(c, k));
            }
          }
          rt.bytes.setLength(c, j);
          return;
        }
        int k = seqIndex(i, len, "bytearray");
        for (int j = k; j < len - 1; j++) {
          rt.bytes.put(c, j, rt.bytes.get(c, j + 1));
        }
        rt.bytes.setLength(c, len - 1);
        return;
      }
      case Types.INSTANCE: {
        int f = rt.classes.special(c, rt.names.delitem);
        if (f != Values.NULL) {
          rt.call2(f, c, i);
          return;
        }
        break;
      }
      default:
        break;
    }
    throw rt.typeError("'" + rt.typeName(c) + "' object does not support item deletion");
  }

  /** v in c. */
  boolean contains(int c, int v) {
    int t = rt.typeCode(c);
    switch (t) {
      case Types.LIST:
      case Types.TUPLE: {
        for (int i = 0; i < rt.lists.length(c); i++) {
          int x = rt.lists.get(c, i);
          if (x == v || eq(x, v)) {
            return true;
          }
        }
        return false;
      }
      case Types.STR:
        if (!rt.strs.isStr(v)) {
          throw rt.typeError("'in <string>' requires string as left operand, not " + rt.typeName(v));
        }
        return rt.strs.contains(c, v);
      case Types.DICT:
        return rt.dicts.find(c, v) >= 0;
      case Types.SET:
      case Types.FROZENSET:
        if (rt.sets.isSet(v) && rt.type(v) == Types.SET) {
          int f = rt.sets.copy(v, Types.FROZENSET);
          return rt.sets.contains(c, f);
        }
        return rt.sets.contains(c, v);
      case Types.DICT_VIEW: {
        int d = w[Runtime.at(c)];
        int kind = rt.flags(c);
        if (kind == Iterators.DICT_KEYS) {
          return rt.dicts.find(d, v) >= 0;
        }
        for (int ix = rt.dicts.nextEntry(d, 0); ix >= 0; ix = rt.dicts.nextEntry(d, ix + 1)) {
          if (kind == Iterators.DICT_VALUES) {
            int x = rt.dicts.valueAt(d, ix);
            if (x == v || eq(x, v)) {
              return true;
            }
          } else if (rt.lists.isTuple(v) && rt.lists.tupleLength(v) == 2
              && eq(rt.dicts.keyAt(d, ix), rt.lists.get(v, 0))
              && eq(rt.dicts.valueAt(d, ix), rt.lists.get(v, 1))) {
            return true;
          }
        }
        return false;
      }
      case Types.BYTES:
      case Types.BYTEARRAY:
      case Types.SHORTS:
      case Types.SHORTARRAY: {
        if (rt.ints.isIntOrBool(v)) {
          int x = rt.bytes.checkElement(rt.typeCode(c), v); // -1 in b'xy' is a ValueError
          for (int i = 0; i < rt.bytes.length(c); i++) {
            if (rt.bytes.get(c, i) == x) {
              return true;
            }
          }
          return false;
        }
        if (rt.bytes.isByteSeq(v)) {
          return rt.bytes.indexOf(c, v, 0, rt.bytes.length(c)) >= 0;
        }
        throw rt.bytes.notBytesLike(v);
      }
      case Types.RANGE: {
        if (!rt.ints.isIntOrBool(v)) {
          return iterContains(c, v);
        }
        return rangePosition(c, rt.ints.value(v)) != -1;
      }
      case Types.INSTANCE: {
        int f = rt.classes.special(c, rt.names.contains);
        if (f != Values.NULL) {
          return truthy(rt.call2(f, c, v));
        }
        return iterContains(c, v);
      }
      case Types.ITERATOR:
        return iterContains(c, v);
      default:
        throw rt.typeError("argument of type '" + rt.typeName(c) + "' is not iterable");
    }
  }

  private boolean iterContains(int c, int v) {
    int mark = rt.keep(c);
    rt.keep(v);
    int it = rt.iters.iter(c);
    rt.keep(it);
    try {
      for (int x = rt.iters.next(it); x != Values.NULL; x = rt.iters.next(it)) {
        if (x == v || eq(x, v)) {
          return true;
        }
      }
      return false;
    } finally {
      rt.release(mark);
    }
  }
}
