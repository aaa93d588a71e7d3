package dev.zvm.vm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline compiler's assembler: it writes the class file of one small class, usually a hidden
 * class (see {@link java.lang.invoke.MethodHandles.Lookup#defineHiddenClass}) whose method is the
 * JVM translation of one Python function. It needs no library: a constant pool with each constant
 * once, labels with their offsets patched in at the end, and max_stack and max_locals computed.
 *
 * <p><b>Class-file version 49.0 (Java 5)</b>, the last version before StackMapTable: HotSpot checks
 * such a class with the old type-inferencing verifier, so we compute no stack map frames. JDK 17
 * loads version-49 hidden classes and verifies them ("Verifying class ... with old format" under
 * {@code -Xlog:verification}) with no JVM flag. The version rules out what we would not use anyway:
 * invokedynamic, dynamic constants, interface static methods.
 *
 * <p>Left out on purpose: goto_w (a branch that does not fit 16 bits makes {@link Method#end()}
 * throw "method too large", and the compiler then leaves that function to the interpreter), jsr and
 * ret, stack maps, fields, and every attribute other than Code. Every method has code (no abstract
 * or native methods). Exception handlers ({@link Method#handler}) catch one class each.
 *
 * <pre>{@code
 * ClassAssembler c = new ClassAssembler("dev/zvm/vm/Jit", "java/lang/Object");
 * ClassAssembler.Method m = c.method(ACC_PUBLIC | ACC_STATIC, "twice", "(I)I");
 * m.iload(0); m.iconst(2); m.op(IMUL); m.op(IRETURN);
 * m.end();
 * byte[] bytes = c.toBytes();
 * }</pre>
 *
 * <p>Not thread-safe: one compiler thread builds one class.
 */
final class ClassAssembler {
  static final int ACC_PUBLIC = 0x0001, ACC_PRIVATE = 0x0002, ACC_PROTECTED = 0x0004;
  static final int ACC_STATIC = 0x0008, ACC_FINAL = 0x0010, ACC_SUPER = 0x0020;
  static final int ACC_SYNTHETIC = 0x1000;

  // Opcodes: JVM specification, chapter 6. Those without operands go through Method#op.
  static final int NOP = 0x00, ACONST_NULL = 0x01, ICONST_M1 = 0x02, ICONST_0 = 0x03;
  static final int ICONST_1 = 0x04, ICONST_2 = 0x05, ICONST_3 = 0x06, ICONST_4 = 0x07;
  static final int ICONST_5 = 0x08, LCONST_0 = 0x09, LCONST_1 = 0x0a;
  static final int FCONST_0 = 0x0b, FCONST_1 = 0x0c, FCONST_2 = 0x0d, DCONST_0 = 0x0e, DCONST_1 = 0x0f;
  static final int BIPUSH = 0x10, SIPUSH = 0x11, LDC = 0x12, LDC_W = 0x13, LDC2_W = 0x14;
  static final int ILOAD = 0x15, LLOAD = 0x16, FLOAD = 0x17, DLOAD = 0x18, ALOAD = 0x19;
  static final int IALOAD = 0x2e, LALOAD = 0x2f, FALOAD = 0x30, DALOAD = 0x31;
  static final int AALOAD = 0x32, BALOAD = 0x33, CALOAD = 0x34, SALOAD = 0x35;
  static final int ISTORE = 0x36, LSTORE = 0x37, FSTORE = 0x38, DSTORE = 0x39, ASTORE = 0x3a;
  static final int IASTORE = 0x4f, LASTORE = 0x50, FASTORE = 0x51, DASTORE = 0x52;
  static final int AASTORE = 0x53, BASTORE = 0x54, CASTORE = 0x55, SASTORE = 0x56;
  static final int POP = 0x57, POP2 = 0x58, DUP = 0x59, DUP_X1 = 0x5a, DUP_X2 = 0x5b;
  static final int DUP2 = 0x5c, DUP2_X1 = 0x5d, DUP2_X2 = 0x5e, SWAP = 0x5f;
  static final int IADD = 0x60, LADD = 0x61, FADD = 0x62, DADD = 0x63;
  static final int ISUB = 0x64, LSUB = 0x65, FSUB = 0x66, DSUB = 0x67;
  static final int IMUL = 0x68, LMUL = 0x69, FMUL = 0x6a, DMUL = 0x6b;
  static final int IDIV = 0x6c, LDIV = 0x6d, FDIV = 0x6e, DDIV = 0x6f;
  static final int IREM = 0x70, LREM = 0x71, FREM = 0x72, DREM = 0x73;
  static final int INEG = 0x74, LNEG = 0x75, FNEG = 0x76, DNEG = 0x77;
  static final int ISHL = 0x78, LSHL = 0x79, ISHR = 0x7a, LSHR = 0x7b, IUSHR = 0x7c, LUSHR = 0x7d;
  static final int IAND = 0x7e, LAND = 0x7f, IOR = 0x80, LOR = 0x81, IXOR = 0x82, LXOR = 0x83;
  static final int IINC = 0x84;
  static final int I2L = 0x85, I2F = 0x86, I2D = 0x87, L2I = 0x88, L2F = 0x89, L2D = 0x8a;
  static final int F2I = 0x8b, F2L = 0x8c, F2D = 0x8d, D2I = 0x8e, D2L = 0x8f, D2F = 0x90;
  static final int I2B = 0x91, I2C = 0x92, I2S = 0x93;
  static final int LCMP = 0x94, FCMPL = 0x95, FCMPG = 0x96, DCMPL = 0x97, DCMPG = 0x98;
  static final int IFEQ = 0x99, IFNE = 0x9a, IFLT = 0x9b, IFGE = 0x9c, IFGT = 0x9d, IFLE = 0x9e;
  static final int IF_ICMPEQ = 0x9f, IF_ICMPNE = 0xa0, IF_ICMPLT = 0xa1, IF_ICMPGE = 0xa2;
  static final int IF_ICMPGT = 0xa3, IF_ICMPLE = 0xa4, IF_ACMPEQ = 0xa5, IF_ACMPNE = 0xa6;
  static final int GOTO = 0xa7, TABLESWITCH = 0xaa, LOOKUPSWITCH = 0xab;
  static final int IRETURN = 0xac, LRETURN = 0xad, FRETURN = 0xae, DRETURN = 0xaf;
  static final int ARETURN = 0xb0, RETURN = 0xb1;
  static final int GETSTATIC = 0xb2, PUTSTATIC = 0xb3, GETFIELD = 0xb4, PUTFIELD = 0xb5;
  static final int INVOKEVIRTUAL = 0xb6, INVOKESPECIAL = 0xb7, INVOKESTATIC = 0xb8;
  static final int INVOKEINTERFACE = 0xb9;
  static final int NEW = 0xbb, NEWARRAY = 0xbc, ANEWARRAY = 0xbd, ARRAYLENGTH = 0xbe, ATHROW = 0xbf;
  static final int CHECKCAST = 0xc0, INSTANCEOF = 0xc1, MONITORENTER = 0xc2, MONITOREXIT = 0xc3;
  static final int WIDE = 0xc4, IFNULL = 0xc6, IFNONNULL = 0xc7;
  /** The operand of NEWARRAY for an int[]. */
  static final int T_INT = 10;

  private static final int MAJOR_VERSION = 49;
  private static final int MAX_CODE_BYTES = 65535;
  /** constant_pool_count is a u2 and counts one more than the entries. */
  private static final int MAX_POOL_COUNT = 65535;

  /**
   * The net change in operand-stack words of each instruction {@link Method#op} accepts
   * (long and double take two words); {@code NOT_SIMPLE} for the others.
   */
  private static final int[] OP_STACK_DELTA = new int[256];
  private static final int NOT_SIMPLE = Integer.MIN_VALUE;

  static {
    Arrays.fill(OP_STACK_DELTA, NOT_SIMPLE);
    delta(0, NOP, SWAP, INEG, LNEG, FNEG, DNEG, ARRAYLENGTH, RETURN);
    delta(+1, ACONST_NULL, ICONST_M1, ICONST_0, ICONST_1, ICONST_2, ICONST_3, ICONST_4, ICONST_5);
    delta(+1, FCONST_0, FCONST_1, FCONST_2, DUP, DUP_X1, DUP_X2);
    delta(+2, LCONST_0, LCONST_1, DCONST_0, DCONST_1, DUP2, DUP2_X1, DUP2_X2);
    delta(-1, IALOAD, FALOAD, AALOAD, BALOAD, CALOAD, SALOAD);
    delta(0, LALOAD, DALOAD);
    delta(-3, IASTORE, FASTORE, AASTORE, BASTORE, CASTORE, SASTORE);
    delta(-4, LASTORE, DASTORE);
    delta(-1, POP);
    delta(-2, POP2);
    delta(-1, IADD, ISUB, IMUL, IDIV, IREM, ISHL, ISHR, IUSHR, IAND, IOR, IXOR);
    delta(-1, FADD, FSUB, FMUL, FDIV, FREM, LSHL, LSHR, LUSHR);
    delta(-2, LADD, LSUB, LMUL, LDIV, LREM, LAND, LOR, LXOR, DADD, DSUB, DMUL, DDIV, DREM);
    delta(+1, I2L, I2D, F2L, F2D);
    delta(0, I2F, L2D, F2I, D2L, I2B, I2C, I2S);
    delta(-1, L2I, L2F, D2I, D2F, FCMPL, FCMPG);
    delta(-3, LCMP, DCMPL, DCMPG);
    delta(-1, IRETURN, FRETURN, ARETURN, ATHROW, MONITORENTER, MONITOREXIT);
    delta(-2, LRETURN, DRETURN);
  }

  private static void delta(int words, int... opcodes) {
    for (int opcode : opcodes) {
      OP_STACK_DELTA[opcode] = words;
    }
  }

  private final ConstantPool pool = new ConstantPool();
  private final int thisClass;
  private final int superClass;
  private final int[] interfaces;
  /** The method_info structures of the ended methods, one after another. */
  private final ByteBuf methods = new ByteBuf();
  private int methodCount;
  private int openMethods;

  /** A public final class; the names are internal names such as {@code java/lang/Object}. */
  ClassAssembler(String internalName, String superInternalName, String... interfaceInternalNames) {
    thisClass = pool.classRef(internalName);
    superClass = pool.classRef(superInternalName);
    interfaces = new int[interfaceInternalNames.length];
    for (int i = 0; i < interfaces.length; i++) {
      interfaces[i] = pool.classRef(interfaceInternalNames[i]);
    }
  }

  /** Starts a method; finish it with {@link Method#end()}. */
  Method method(int access, String name, String descriptor) {
    openMethods++;
    return new Method(access, name, descriptor);
  }

  /** The class file; every method must have ended. */
  byte[] toBytes() {
    if (openMethods > 0) {
      throw new IllegalStateException(openMethods + " method(s) not ended");
    }
    ByteBuf out = new ByteBuf();
    out.u4(0xCAFEBABE).u2(0).u2(MAJOR_VERSION);
    out.u2(pool.count()).append(pool.bytes);
    out.u2(ACC_PUBLIC | ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC).u2(thisClass).u2(superClass);
    out.u2(interfaces.length);
    for (int i : interfaces) {
      out.u2(i);
    }
    out.u2(0); // fields
    out.u2(methodCount).append(methods);
    out.u2(0); // attributes
    return out.toArray();
  }

  /** A position in a method's code; bound once, referred to by any number of branches. */
  /**
   * A method whose code or branches do not fit the class file (no goto_w here): the caller leaves
   * the function to the interpreter. Any other IllegalStateException of this class is a misuse.
   */
  static final class MethodTooLargeException extends IllegalStateException {
    MethodTooLargeException(String message) {
      super(message);
    }
  }

  static final class Label {
    private final Method owner;
    /** The offset in the code, -1 until bound. */
    private int offset = -1;
    /** The index in Method#insns of the instruction that starts at the label. */
    private int insnIndex;

    private Label(Method owner) {
      this.owner = owner;
    }
  }

  /** One instruction as the stack-depth pass sees it. */
  private record Insn(int offset, int stackDelta, boolean fallsThrough, Label[] targets) {}

  /** A branch offset to write once the target is bound: relative to the branch's opcode. */
  private record Fixup(Label target, int insnOffset, int at, boolean fourBytes) {}

  /** An exception_table entry: instructions [start, end) are covered, caught at handler. */
  private record Handler(Label start, Label end, Label handler, int catchType) {}

  /**
   * The code of one method, emitted instruction by instruction. {@link #end()} patches the branch
   * offsets, computes max_stack and max_locals and adds the method to the class.
   */
  final class Method {
    private final int access;
    private final String name;
    private final int nameIndex;
    private final int descriptorIndex;
    private final ByteBuf code = new ByteBuf();
    private final List<Insn> insns = new ArrayList<>();
    private final List<Fixup> fixups = new ArrayList<>();
    private final List<Handler> handlers = new ArrayList<>();
    private int maxLocals;
    private int maxStack = -1;
    private boolean ended;

    private Method(int access, String name, String descriptor) {
      this.access = access;
      this.name = name;
      this.nameIndex = pool.utf8(name);
      this.descriptorIndex = pool.utf8(descriptor);
      this.maxLocals = argumentWords(descriptor) + ((access & ACC_STATIC) != 0 ? 0 : 1);
    }

    Label label() {
      return new Label(this);
    }

    /** The next instruction starts at {@code l}. */
    void bind(Label l) {
      checkOwn(l);
      if (l.offset >= 0) {
        throw new IllegalStateException("label bound twice in " + name);
      }
      l.offset = code.length;
      l.insnIndex = insns.size();
    }

    /**
     * An exception thrown by the instructions from {@code start} up to (not including) {@code end}
     * that is an instance of {@code catchType} (an internal name) goes to {@code handler}, with the
     * stack holding only the exception.
     */
    void handler(Label start, Label end, Label handler, String catchType) {
      checkOwn(start);
      checkOwn(end);
      checkOwn(handler);
      handlers.add(new Handler(start, end, handler, pool.classRef(catchType)));
    }

    /** An instruction without operands that touches no local: see {@code OP_STACK_DELTA}. */
    void op(int opcode) {
      if (opcode < 0 || opcode > 255 || OP_STACK_DELTA[opcode] == NOT_SIMPLE) {
        throw new IllegalArgumentException("not an instruction without operands: " + opcode);
      }
      boolean ends = (opcode >= IRETURN && opcode <= RETURN) || opcode == ATHROW;
      begin(OP_STACK_DELTA[opcode], !ends);
      code.u1(opcode);
    }

    /** Pushes {@code v} with the shortest instruction: iconst_*, bipush, sipush or ldc. */
    void iconst(int v) {
      if (v >= -1 && v <= 5) {
        begin(1, true);
        code.u1(ICONST_0 + v);
      } else if (v == (byte) v) {
        begin(1, true);
        code.u1(BIPUSH).u1(v);
      } else if (v == (short) v) {
        begin(1, true);
        code.u1(SIPUSH).u2(v);
      } else {
        ldc(pool.integer(v));
      }
    }

    void lconst(long v) {
      begin(2, true);
      if (v == 0 || v == 1) {
        code.u1(LCONST_0 + (int) v);
      } else {
        code.u1(LDC2_W).u2(pool.longValue(v));
      }
    }

    void dconst(double v) {
      begin(2, true);
      if (Double.doubleToRawLongBits(v) == 0) { // +0.0 only: -0.0 goes to the pool
        code.u1(DCONST_0);
      } else if (v == 1.0) {
        code.u1(DCONST_1);
      } else {
        code.u1(LDC2_W).u2(pool.doubleValue(v));
      }
    }

    /** Pushes a String constant. */
    void sconst(String s) {
      ldc(pool.string(s));
    }

    private void ldc(int index) {
      begin(1, true);
      if (index <= 255) {
        code.u1(LDC).u1(index);
      } else {
        code.u1(LDC_W).u2(index);
      }
    }

    void iload(int local) {
      local(ILOAD, local, 1, +1);
    }

    void lload(int local) {
      local(LLOAD, local, 2, +2);
    }

    void dload(int local) {
      local(DLOAD, local, 2, +2);
    }

    void aload(int local) {
      local(ALOAD, local, 1, +1);
    }

    void istore(int local) {
      local(ISTORE, local, 1, -1);
    }

    void lstore(int local) {
      local(LSTORE, local, 2, -2);
    }

    void dstore(int local) {
      local(DSTORE, local, 2, -2);
    }

    void astore(int local) {
      local(ASTORE, local, 1, -1);
    }

    /** xload_n/xstore_n for locals 0..3, the one-byte form up to 255, wide above. */
    private void local(int opcode, int local, int words, int stackDelta) {
      useLocal(local, words);
      begin(stackDelta, true);
      if (local <= 3) {
        int shortForm = opcode < ISTORE ? 0x1a + (opcode - ILOAD) * 4 : 0x3b + (opcode - ISTORE) * 4;
        code.u1(shortForm + local);
      } else if (local <= 255) {
        code.u1(opcode).u1(local);
      } else {
        code.u1(WIDE).u1(opcode).u2(local);
      }
    }

    /** Adds {@code delta} (-32768..32767) to an int local; wide when either is out of a byte. */
    void iinc(int local, int delta) {
      if (delta != (short) delta) {
        throw new IllegalArgumentException("iinc delta out of range: " + delta);
      }
      useLocal(local, 1);
      begin(0, true);
      if (local <= 255 && delta == (byte) delta) {
        code.u1(IINC).u1(local).u1(delta);
      } else {
        code.u1(WIDE).u1(IINC).u2(local).u2(delta);
      }
    }

    /** A conditional branch (ifeq..if_acmpne, ifnull, ifnonnull) or goto, with a 16-bit offset. */
    void jump(int opcode, Label target) {
      checkOwn(target);
      int stackDelta;
      if (opcode >= IFEQ && opcode <= IFLE || opcode == IFNULL || opcode == IFNONNULL) {
        stackDelta = -1;
      } else if (opcode >= IF_ICMPEQ && opcode <= IF_ACMPNE) {
        stackDelta = -2;
      } else if (opcode == GOTO) {
        stackDelta = 0;
      } else {
        throw new IllegalArgumentException("not a branch: " + opcode);
      }
      int at = code.length;
      begin(stackDelta, opcode != GOTO, target);
      code.u1(opcode);
      offset(target, at, false);
    }

    /** Jumps to {@code targets[key - low]}, or to {@code dflt} when the key is not in low..high. */
    void tableswitch(int low, int high, Label dflt, Label... targets) {
      if (high < low || (long) high - low + 1 != targets.length) {
        throw new IllegalArgumentException("tableswitch " + low + ".." + high
            + " needs " + ((long) high - low + 1) + " targets, not " + targets.length);
      }
      int at = switchStart(TABLESWITCH, dflt, targets);
      code.u4(low).u4(high);
      for (Label t : targets) {
        offset(t, at, true);
      }
    }

    /** Jumps to {@code targets[i]} when the key is {@code keys[i]}, else to {@code dflt}. */
    void lookupswitch(Label dflt, int[] keys, Label[] targets) {
      if (keys.length != targets.length) {
        throw new IllegalArgumentException(keys.length + " keys but " + targets.length + " targets");
      }
      Integer[] order = new Integer[keys.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Integer.compare(keys[a], keys[b]));
      for (int i = 1; i < order.length; i++) {
        if (keys[order[i]] == keys[order[i - 1]]) {
          throw new IllegalArgumentException("duplicate lookupswitch key " + keys[order[i]]);
        }
      }
      int at = switchStart(LOOKUPSWITCH, dflt, targets);
      code.u4(keys.length);
      for (int i : order) {
        code.u4(keys[i]);
        offset(targets[i], at, true);
      }
    }

    /** The opcode, 0-3 bytes of padding to a multiple of 4 from the code's start, the default. */
    private int switchStart(int opcode, Label dflt, Label[] targets) {
      checkOwn(dflt);
      Label[] all = Arrays.copyOf(targets, targets.length + 1);
      all[targets.length] = dflt;
      for (Label t : all) {
        checkOwn(t);
      }
      int at = code.length;
      begin(-1, false, all);
      code.u1(opcode);
      while (code.length % 4 != 0) {
        code.u1(0);
      }
      offset(dflt, at, true);
      return at;
    }

    /** getstatic, putstatic, getfield or putfield. */
    void field(int opcode, String owner, String name, String descriptor) {
      int words = descriptor.startsWith("J") || descriptor.startsWith("D") ? 2 : 1;
      int stackDelta = switch (opcode) {
        case GETSTATIC -> words;
        case PUTSTATIC -> -words;
        case GETFIELD -> words - 1;
        case PUTFIELD -> -words - 1;
        default -> throw new IllegalArgumentException("not a field instruction: " + opcode);
      };
      begin(stackDelta, true);
      code.u1(opcode).u2(pool.member(ConstantPool.FIELDREF, owner, name, descriptor));
    }

    /**
     * invokestatic, invokevirtual, invokespecial (methods of classes) or invokeinterface (methods
     * of interfaces).
     */
    void invoke(int opcode, String owner, String name, String descriptor) {
      if (opcode < INVOKEVIRTUAL || opcode > INVOKEINTERFACE) {
        throw new IllegalArgumentException("not an invoke instruction: " + opcode);
      }
      int args = argumentWords(descriptor) + (opcode == INVOKESTATIC ? 0 : 1);
      begin(returnWords(descriptor) - args, true);
      if (opcode == INVOKEINTERFACE) {
        int ref = pool.member(ConstantPool.INTERFACE_METHODREF, owner, name, descriptor);
        code.u1(opcode).u2(ref).u1(args).u1(0);
      } else {
        code.u1(opcode).u2(pool.member(ConstantPool.METHODREF, owner, name, descriptor));
      }
    }

    /** new, checkcast, instanceof or anewarray of a class (or array type) named internally. */
    void type(int opcode, String internalName) {
      if (opcode != NEW && opcode != CHECKCAST && opcode != INSTANCEOF && opcode != ANEWARRAY) {
        throw new IllegalArgumentException("not a type instruction: " + opcode);
      }
      begin(opcode == NEW ? 1 : 0, true);
      code.u1(opcode).u2(pool.classRef(internalName));
    }

    /** newarray int: the length on the stack becomes an int[]. */
    void newIntArray() {
      begin(0, true);
      code.u1(NEWARRAY).u1(T_INT);
    }

    /**
     * Patches the branches, computes max_stack and max_locals and adds the method to the class.
     * Throws IllegalStateException "method too large" when the code exceeds 65535 bytes or a
     * branch does not fit in 16 bits, and on an unbound label or an inconsistent stack.
     */
    void end() {
      checkOpen();
      if (insns.isEmpty()) {
        throw new IllegalStateException("method " + name + " has no code");
      }
      if (code.length > MAX_CODE_BYTES) {
        throw new MethodTooLargeException("method too large: " + name + " has " + code.length
            + " bytes of code, the limit is " + MAX_CODE_BYTES);
      }
      for (Fixup f : fixups) {
        if (f.target.offset < 0) {
          throw new IllegalStateException("a label used at offset " + f.insnOffset + " of " + name
              + " was never bound");
        }
        int relative = f.target.offset - f.insnOffset;
        if (f.fourBytes) {
          code.patch4(f.at, relative);
        } else if (relative == (short) relative) {
          code.patch2(f.at, relative);
        } else {
          throw new MethodTooLargeException("method too large: the branch at offset " + f.insnOffset
              + " of " + name + " to offset " + f.target.offset + " does not fit in 16 bits");
        }
      }
      for (Handler h : handlers) {
        if (h.start.offset < 0 || h.end.offset < 0 || h.handler.offset < 0) {
          throw new IllegalStateException("an exception handler's label in " + name + " was never bound");
        }
        if (h.start.offset >= h.end.offset) {
          throw new IllegalStateException("an exception handler in " + name + " covers no code");
        }
      }
      maxStack = computeMaxStack();
      ended = true;
      openMethods--;
      methodCount++;
      methods.u2(access).u2(nameIndex).u2(descriptorIndex).u2(1);
      methods.u2(pool.utf8("Code")).u4(12 + code.length + 8 * handlers.size());
      methods.u2(maxStack).u2(maxLocals).u4(code.length).append(code);
      methods.u2(handlers.size());
      for (Handler h : handlers) {
        methods.u2(h.start.offset).u2(h.end.offset).u2(h.handler.offset).u2(h.catchType);
      }
      methods.u2(0); // no attributes
    }

    /** The bytes of code emitted so far. */
    int codeLength() {
      return code.length;
    }

    /** The computed max_stack, valid after {@link #end()}. */
    int maxStack() {
      return maxStack;
    }

    /** The computed max_locals, valid after {@link #end()} (and growing before). */
    int maxLocals() {
      return maxLocals;
    }

    /**
     * The stack depth at every reachable instruction, by data flow from depth 0 at the first;
     * the JVM requires one depth per instruction whichever way control arrives, and so do we.
     */
    private int computeMaxStack() {
      int[] depth = new int[insns.size()];
      Arrays.fill(depth, -1);
      depth[0] = 0;
      int[] work = new int[insns.size()];
      int workSize = 0;
      work[workSize++] = 0;
      int max = handlers.isEmpty() ? 0 : 1;
      for (Handler h : handlers) { // a handler starts with the exception alone on the stack
        if (depth[h.handler.insnIndex] < 0) {
          depth[h.handler.insnIndex] = 1;
          work[workSize++] = h.handler.insnIndex;
        }
      }
      while (workSize > 0) {
        int i = work[--workSize];
        Insn insn = insns.get(i);
        int after = depth[i] + insn.stackDelta;
        if (after < 0) {
          throw new IllegalStateException("operand stack underflow at offset " + insn.offset
              + " of " + name);
        }
        max = Math.max(max, after);
        if (insn.fallsThrough) {
          workSize = flow(depth, work, workSize, i + 1, after, insn);
        }
        for (Label t : insn.targets) {
          workSize = flow(depth, work, workSize, t.insnIndex, after, insn);
        }
      }
      return max;
    }

    /** Control goes from {@code from} to instruction {@code to} with the stack {@code depth} deep. */
    private int flow(int[] depths, int[] work, int workSize, int to, int depth, Insn from) {
      if (to >= depths.length) {
        throw new IllegalStateException("control runs off the end of " + name + " from offset "
            + from.offset);
      }
      if (depths[to] < 0) {
        depths[to] = depth;
        work[workSize++] = to;
      } else if (depths[to] != depth) {
        throw new IllegalStateException("stack depths " + depths[to] + " and " + depth
            + " meet at offset " + insns.get(to).offset + " of " + name);
      }
      return workSize;
    }

    /** Records the instruction about to be written at the current offset. */
    private void begin(int stackDelta, boolean fallsThrough, Label... targets) {
      checkOpen();
      insns.add(new Insn(code.length, stackDelta, fallsThrough, targets));
    }

    /** Writes a placeholder for the offset from the instruction at {@code insnOffset} to l. */
    private void offset(Label l, int insnOffset, boolean fourBytes) {
      fixups.add(new Fixup(l, insnOffset, code.length, fourBytes));
      if (fourBytes) {
        code.u4(0);
      } else {
        code.u2(0);
      }
    }

    private void useLocal(int local, int words) {
      if (local < 0 || local + words > 65535) {
        throw new IllegalArgumentException("local out of range: " + local);
      }
      maxLocals = Math.max(maxLocals, local + words);
    }

    private void checkOwn(Label l) {
      if (l.owner != this) {
        throw new IllegalArgumentException("label of another method");
      }
    }

    private void checkOpen() {
      if (ended) {
        throw new IllegalStateException("method " + name + " already ended");
      }
    }
  }

  /** Words the arguments of a method descriptor take on the stack and in locals. */
  private static int argumentWords(String descriptor) {
    if (!descriptor.startsWith("(") || descriptor.indexOf(')') < 0) {
      throw new IllegalArgumentException("not a method descriptor: " + descriptor);
    }
    int words = 0;
    int i = 1;
    while (descriptor.charAt(i) != ')') {
      int start = i;
      while (descriptor.charAt(i) == '[') {
        i++;
      }
      if (descriptor.charAt(i) == 'L') {
        i = descriptor.indexOf(';', i);
        if (i < 0) {
          throw new IllegalArgumentException("not a method descriptor: " + descriptor);
        }
      }
      char c = descriptor.charAt(i);
      words += i == start && (c == 'J' || c == 'D') ? 2 : 1;
      i++;
    }
    return words;
  }

  private static int returnWords(String descriptor) {
    char r = descriptor.charAt(descriptor.indexOf(')') + 1);
    return r == 'V' ? 0 : r == 'J' || r == 'D' ? 2 : 1;
  }

  /** The constant pool: each constant once, keyed by its tag and contents. */
  private static final class ConstantPool {
    static final int UTF8 = 1, INTEGER = 3, LONG = 5, DOUBLE = 6, CLASS = 7, STRING = 8;
    static final int FIELDREF = 9, METHODREF = 10, INTERFACE_METHODREF = 11, NAME_AND_TYPE = 12;

    final ByteBuf bytes = new ByteBuf();
    private final Map<List<Object>, Integer> indices = new HashMap<>();
    /** The next free index; entries start at 1. */
    private int next = 1;

    int count() {
      return next;
    }

    int utf8(String s) {
      List<Object> key = List.of(UTF8, s);
      Integer known = indices.get(key);
      if (known != null) {
        return known;
      }
      int length = modifiedUtf8Length(s);
      if (length > 65535) {
        throw new IllegalArgumentException("string too long for the constant pool: " + length + " bytes");
      }
      int index = add(key, 1);
      bytes.u1(UTF8).u2(length).modifiedUtf8(s);
      return index;
    }

    int classRef(String internalName) {
      return withUtf8(CLASS, internalName);
    }

    int string(String s) {
      return withUtf8(STRING, s);
    }

    int integer(int v) {
      List<Object> key = List.of(INTEGER, v);
      Integer known = indices.get(key);
      if (known != null) {
        return known;
      }
      int index = add(key, 1);
      bytes.u1(INTEGER).u4(v);
      return index;
    }

    int longValue(long v) {
      return eightBytes(LONG, v, v);
    }

    int doubleValue(double v) {
      return eightBytes(DOUBLE, v, Double.doubleToRawLongBits(v));
    }

    /** A Fieldref, Methodref or InterfaceMethodref. */
    int member(int tag, String owner, String name, String descriptor) {
      List<Object> key = List.of(tag, owner, name, descriptor);
      Integer known = indices.get(key);
      if (known != null) {
        return known;
      }
      int ownerIndex = classRef(owner);
      int nameAndType = nameAndType(name, descriptor);
      int index = add(key, 1);
      bytes.u1(tag).u2(ownerIndex).u2(nameAndType);
      return index;
    }

    private int nameAndType(String name, String descriptor) {
      List<Object> key = List.of(NAME_AND_TYPE, name, descriptor);
      Integer known = indices.get(key);
      if (known != null) {
        return known;
      }
      int nameIndex = utf8(name);
      int descriptorIndex = utf8(descriptor);
      int index = add(key, 1);
      bytes.u1(NAME_AND_TYPE).u2(nameIndex).u2(descriptorIndex);
      return index;
    }

    /** A Class or String entry: the tag and the index of a Utf8, added first if new. */
    private int withUtf8(int tag, String s) {
      List<Object> key = List.of(tag, s);
      Integer known = indices.get(key);
      if (known != null) {
        return known;
      }
      int utf = utf8(s);
      int index = add(key, 1);
      bytes.u1(tag).u2(utf);
      return index;
    }

    private int eightBytes(int tag, Object value, long bits) {
      List<Object> key = List.of(tag, value);
      Integer known = indices.get(key);
      if (known != null) {
        return known;
      }
      int index = add(key, 2); // a Long or Double takes two indices
      bytes.u1(tag).u4((int) (bits >>> 32)).u4((int) bits);
      return index;
    }

    private static int modifiedUtf8Length(String s) {
      int length = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        length += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
      }
      return length;
    }

    private int add(List<Object> key, int slots) {
      if (next + slots > MAX_POOL_COUNT) {
        throw new IllegalStateException("constant pool too large: more than 65534 entries");
      }
      int index = next;
      next += slots;
      indices.put(key, index);
      return index;
    }
  }

  /** A growable big-endian byte buffer whose earlier bytes can be patched. */
  private static final class ByteBuf {
    byte[] data = new byte[64];
    int length;

    ByteBuf u1(int v) {
      if (length == data.length) {
        data = Arrays.copyOf(data, data.length * 2);
      }
      data[length++] = (byte) v;
      return this;
    }

    ByteBuf u2(int v) {
      return u1(v >>> 8).u1(v);
    }

    ByteBuf u4(int v) {
      return u2(v >>> 16).u2(v);
    }

    ByteBuf append(ByteBuf other) {
      for (int i = 0; i < other.length; i++) {
        u1(other.data[i]);
      }
      return this;
    }

    void patch2(int at, int v) {
      data[at] = (byte) (v >>> 8);
      data[at + 1] = (byte) v;
    }

    void patch4(int at, int v) {
      patch2(at, v >>> 16);
      patch2(at + 2, v);
    }

    /** The class file's modified UTF-8: NUL and each surrogate take several bytes. */
    ByteBuf modifiedUtf8(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c != 0 && c < 0x80) {
          u1(c);
        } else if (c < 0x800) {
          u1(0xc0 | c >> 6).u1(0x80 | c & 0x3f);
        } else {
          u1(0xe0 | c >> 12).u1(0x80 | c >> 6 & 0x3f).u1(0x80 | c & 0x3f);
        }
      }
      return this;
    }

    byte[] toArray() {
      return Arrays.copyOf(data, length);
    }
  }
}
