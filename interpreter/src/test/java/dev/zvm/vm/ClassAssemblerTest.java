package dev.zvm.vm;

import static dev.zvm.vm.ClassAssembler.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every class here is assembled by ClassAssembler, defined as a hidden class (so the JVM's
 * verifier checks it, max_stack and max_locals included) and run.
 */
class ClassAssemblerTest {
  private static final String GEN = "dev/zvm/vm/Gen";
  private static final String TEST = "dev/zvm/vm/ClassAssemblerTest";

  /** Implemented by a generated class. */
  interface IntOp {
    int apply(int a, int b);
  }

  /** Fields that generated code reads and writes. */
  static final class Box {
    int value;
    long big;
    Object ref;
  }

  static int counter;

  static long combine(int a, long b, double c, Object o) {
    return a + b + (long) c + (o == null ? 0 : 1000);
  }

  /** The method last compiled by {@link #compile}, to check its max_stack and max_locals. */
  private ClassAssembler.Method last;

  /** One public static method {@code f} with the given descriptor, defined and looked up. */
  private MethodHandle compile(String descriptor, Consumer<ClassAssembler.Method> body)
      throws ReflectiveOperationException {
    return define(assemble(descriptor, body), descriptor);
  }

  private byte[] assemble(String descriptor, Consumer<ClassAssembler.Method> body) {
    ClassAssembler c = new ClassAssembler(GEN, "java/lang/Object");
    last = c.method(ACC_PUBLIC | ACC_STATIC, "f", descriptor);
    body.accept(last);
    last.end();
    return c.toBytes();
  }

  private static MethodHandle define(byte[] bytes, String descriptor)
      throws ReflectiveOperationException {
    MethodHandles.Lookup l = MethodHandles.lookup().defineHiddenClass(bytes, true);
    MethodType type = MethodType.fromMethodDescriptorString(descriptor, l.lookupClass().getClassLoader());
    return l.findStatic(l.lookupClass(), "f", type);
  }

  @Test
  void loopSummingOneToNWithIincAndABackwardBranch() throws Throwable {
    MethodHandle sum = compile("(I)I", m -> {
      ClassAssembler.Label test = m.label();
      ClassAssembler.Label done = m.label();
      m.iconst(0);
      m.istore(1);
      m.iconst(1);
      m.istore(2);
      m.bind(test);
      m.iload(2);
      m.iload(0);
      m.jump(IF_ICMPGT, done);
      m.iload(1);
      m.iload(2);
      m.op(IADD);
      m.istore(1);
      m.iinc(2, 1);
      m.jump(GOTO, test);
      m.bind(done);
      m.iload(1);
      m.op(IRETURN);
    });
    assertEquals(5050, (int) sum.invokeExact(100));
    assertEquals(0, (int) sum.invokeExact(0));
    assertEquals(1, (int) sum.invokeExact(1));
    assertEquals(2, last.maxStack());
    assertEquals(3, last.maxLocals());
  }

  @Test
  void classImplementingAnInterfaceAndAnInvokeinterfaceCall() throws Throwable {
    ClassAssembler c = new ClassAssembler(GEN, "java/lang/Object", TEST + "$IntOp");
    ClassAssembler.Method init = c.method(ACC_PUBLIC, "<init>", "()V");
    init.aload(0);
    init.invoke(INVOKESPECIAL, "java/lang/Object", "<init>", "()V");
    init.op(RETURN);
    init.end();
    ClassAssembler.Method apply = c.method(ACC_PUBLIC, "apply", "(II)I");
    apply.iload(1);
    apply.iload(2);
    apply.op(IMUL);
    apply.iload(1);
    apply.op(ISUB);
    apply.op(IRETURN);
    apply.end();
    assertEquals(3, apply.maxLocals());
    ClassAssembler.Method call = c.method(ACC_PUBLIC | ACC_STATIC, "f", "(L" + TEST + "$IntOp;II)I");
    call.aload(0);
    call.iload(1);
    call.iload(2);
    call.invoke(INVOKEINTERFACE, TEST + "$IntOp", "apply", "(II)I");
    call.op(IRETURN);
    call.end();
    assertEquals(3, call.maxStack());
    MethodHandles.Lookup l = MethodHandles.lookup().defineHiddenClass(c.toBytes(), true);
    IntOp op = (IntOp) l.findConstructor(l.lookupClass(), MethodType.methodType(void.class)).invoke();
    assertEquals(6 * 7 - 6, op.apply(6, 7));
    MethodHandle f = l.findStatic(l.lookupClass(), "f",
        MethodType.methodType(int.class, IntOp.class, int.class, int.class));
    IntOp plus = (a, b) -> a + b;
    assertEquals(13, (int) f.invokeExact(plus, 6, 7));
    assertEquals(-5 * 3 + 5, (int) f.invokeExact(op, -5, 3));
  }

  /** Each number of leading nops puts the switch at another offset mod 4: all paddings. */
  static int divide(int a, int b) {
    return a / b;
  }

  /**
   * An exception handler: the call inside the covered range throws, control reaches the handler
   * with the exception alone on the stack, and a throw outside the range is not caught.
   */
  @Test
  void anExceptionHandlerCatchesWhatItsRangeThrows() throws Throwable {
    MethodHandle f = compile("(II)I", m -> {
      ClassAssembler.Label start = m.label();
      ClassAssembler.Label end = m.label();
      ClassAssembler.Label caught = m.label();
      m.iload(0);
      m.iload(1);
      m.bind(start);
      m.invoke(INVOKESTATIC, TEST, "divide", "(II)I");
      m.bind(end);
      m.op(IRETURN);
      m.bind(caught);
      m.op(POP);
      m.iconst(-1);
      m.op(IRETURN);
      m.handler(start, end, caught, "java/lang/ArithmeticException");
    });
    assertEquals(3, (int) f.invokeExact(7, 2));
    assertEquals(-1, (int) f.invokeExact(7, 0));
    assertEquals(2, last.maxStack());
  }

  @Test
  void anExceptionOfAnotherClassPassesTheHandler() throws Throwable {
    MethodHandle f = compile("(Ljava/lang/Object;)I", m -> {
      ClassAssembler.Label start = m.label();
      ClassAssembler.Label end = m.label();
      ClassAssembler.Label caught = m.label();
      m.bind(start);
      m.aload(0);
      m.invoke(INVOKEVIRTUAL, "java/lang/Object", "hashCode", "()I");
      m.bind(end);
      m.op(IRETURN);
      m.bind(caught);
      m.op(ATHROW);
      m.handler(start, end, caught, "java/lang/ArithmeticException");
    });
    assertThrows(NullPointerException.class, () -> {
      int unused = (int) f.invokeExact((Object) null);
    });
  }

  @Test
  void aHandlerOverNoCodeIsRefused() {
    assertThrows(IllegalStateException.class, () -> assemble("()V", m -> {
      ClassAssembler.Label here = m.label();
      ClassAssembler.Label caught = m.label();
      m.bind(here);
      m.op(RETURN);
      m.bind(caught);
      m.op(ATHROW);
      m.handler(here, here, caught, "java/lang/Throwable");
    }));
  }

  @Test
  void tableswitchWithEveryPadding() throws Throwable {
    for (int nops = 0; nops < 4; nops++) {
      int pad = nops;
      MethodHandle f = compile("(I)I", m -> {
        for (int i = 0; i < pad; i++) {
          m.op(NOP);
        }
        ClassAssembler.Label dflt = m.label();
        ClassAssembler.Label[] cases = {m.label(), m.label(), m.label(), m.label()};
        m.iload(0);
        m.tableswitch(-1, 2, dflt, cases);
        for (int i = 0; i < cases.length; i++) {
          m.bind(cases[i]);
          m.iconst(10 * (i - 1));
          m.op(IRETURN);
        }
        m.bind(dflt);
        m.iconst(-100);
        m.op(IRETURN);
      });
      for (int x = -3; x <= 4; x++) {
        int expected = x >= -1 && x <= 2 ? 10 * x : -100;
        assertEquals(expected, (int) f.invokeExact(x), "x=" + x + " after " + pad + " nops");
      }
    }
  }

  @Test
  void lookupswitchWithUnsortedKeysAndEveryPadding() throws Throwable {
    int[] keys = {1000, -5, 7, Integer.MIN_VALUE, Integer.MAX_VALUE};
    for (int nops = 0; nops < 4; nops++) {
      int pad = nops;
      MethodHandle f = compile("(I)I", m -> {
        for (int i = 0; i < pad; i++) {
          m.op(NOP);
        }
        ClassAssembler.Label dflt = m.label();
        ClassAssembler.Label[] targets = new ClassAssembler.Label[keys.length];
        for (int i = 0; i < keys.length; i++) {
          targets[i] = m.label();
        }
        m.iload(0);
        m.lookupswitch(dflt, keys, targets);
        for (int i = 0; i < keys.length; i++) {
          m.bind(targets[i]);
          m.iconst(i + 1);
          m.op(IRETURN);
        }
        m.bind(dflt);
        m.iconst(0);
        m.op(IRETURN);
      });
      for (int i = 0; i < keys.length; i++) {
        assertEquals(i + 1, (int) f.invokeExact(keys[i]), "key " + keys[i]);
      }
      for (int other : new int[] {0, 6, 8, -4, 999, 1001, Integer.MIN_VALUE + 1}) {
        assertEquals(0, (int) f.invokeExact(other), "key " + other);
      }
    }
  }

  @Test
  void everyIntConstantRange() throws Throwable {
    int[] values = {-1, 0, 5, 6, -2, 100, 127, -128, 128, -129, 1000, 32767, -32768, 32768, -32769,
        100000, Integer.MIN_VALUE, Integer.MAX_VALUE};
    for (int v : values) {
      MethodHandle f = compile("()I", m -> {
        m.iconst(v);
        m.op(IRETURN);
      });
      assertEquals(v, (int) f.invokeExact());
    }
  }

  /** The same constant twice costs only the second ldc (2 bytes) and the iadd, no pool entry. */
  @Test
  void constantsAreInThePoolOnce() {
    int once = assemble("()I", m -> {
      m.iconst(100000);
      m.op(IRETURN);
    }).length;
    int twice = assemble("()I", m -> {
      m.iconst(100000);
      m.iconst(100000);
      m.op(IADD);
      m.op(IRETURN);
    }).length;
    assertEquals(once + 3, twice);
  }

  /** More than 255 pool entries: the later constants need ldc_w. */
  @Test
  void manyConstantsUseLdcW() throws Throwable {
    MethodHandle f = compile("()I", m -> {
      m.iconst(100000);
      for (int i = 1; i < 300; i++) {
        m.iconst(100000 + i * 7919);
        m.op(IADD);
      }
      m.op(IRETURN);
    });
    int expected = 0;
    for (int i = 0; i < 300; i++) {
      expected += 100000 + i * 7919;
    }
    assertEquals(expected, (int) f.invokeExact());
    MethodHandle s = compile("()Ljava/lang/String;", m -> {
      for (int i = 0; i < 300; i++) {
        m.sconst("s" + i);
        m.op(POP);
      }
      m.sconst("last \u00e9\u0000\u20ac");
      m.op(ARETURN);
    });
    assertEquals("last \u00e9\u0000\u20ac", (String) s.invokeExact());
  }

  @Test
  void callsToMathAndToAStaticMethodOfTheTest() throws Throwable {
    MethodHandle max = compile("(II)I", m -> {
      m.iload(0);
      m.iload(1);
      m.invoke(INVOKESTATIC, "java/lang/Math", "max", "(II)I");
      m.op(IRETURN);
    });
    assertEquals(9, (int) max.invokeExact(-3, 9));
    MethodHandle f = compile("(IJDLjava/lang/Object;)J", m -> {
      m.iload(0);
      m.lload(1);
      m.dload(3);
      m.aload(5);
      m.invoke(INVOKESTATIC, TEST, "combine", "(IJDLjava/lang/Object;)J");
      m.lconst(7);
      m.op(LADD);
      m.op(LRETURN);
    });
    assertEquals(6, last.maxLocals());
    assertEquals(6, last.maxStack());
    assertEquals(1 + (1L << 40) + 2 + 1000 + 7, (long) f.invokeExact(1, 1L << 40, 2.9, (Object) "x"));
    assertEquals(1 + 2 + 7, (long) f.invokeExact(1, 2L, 0.5, (Object) null));
  }

  @Test
  void staticAndInstanceFieldsNewAndObjectArrays() throws Throwable {
    String box = TEST + "$Box";
    MethodHandle bump = compile("(L" + box + ";)V", m -> {
      m.field(GETSTATIC, TEST, "counter", "I");
      m.iconst(1);
      m.op(IADD);
      m.field(PUTSTATIC, TEST, "counter", "I");
      m.aload(0);
      m.op(DUP);
      m.field(GETFIELD, box, "value", "I");
      m.iconst(5);
      m.op(IADD);
      m.field(PUTFIELD, box, "value", "I");
      m.aload(0);
      m.op(DUP);
      m.field(GETFIELD, box, "big", "J");
      m.lconst(1L << 40);
      m.op(LADD);
      m.field(PUTFIELD, box, "big", "J");
      m.aload(0);
      m.aload(0);
      m.field(PUTFIELD, box, "ref", "Ljava/lang/Object;");
      m.op(RETURN);
    });
    assertEquals(5, last.maxStack()); // box, box.big (2 words), 1L << 40 (2 words)
    counter = 41;
    Box b = new Box();
    b.value = 1;
    b.big = 3;
    bump.invokeExact(b);
    assertEquals(42, counter);
    assertEquals(6, b.value);
    assertEquals(3 + (1L << 40), b.big);
    assertSame(b, b.ref);

    MethodHandle make = compile("()Ljava/lang/Object;", m -> {
      m.type(NEW, box);
      m.op(DUP);
      m.invoke(INVOKESPECIAL, box, "<init>", "()V");
      m.op(ARETURN);
    });
    assertTrue(make.invoke() instanceof Box);

    // a[1] = a[0]; return new Object[a.length + 1] after a check: a instanceof Object[]
    MethodHandle arrays = compile("(Ljava/lang/Object;)[Ljava/lang/Object;", m -> {
      ClassAssembler.Label isArray = m.label();
      m.aload(0);
      m.type(INSTANCEOF, "[Ljava/lang/Object;");
      m.jump(IFNE, isArray);
      m.op(ACONST_NULL);
      m.op(ARETURN);
      m.bind(isArray);
      m.aload(0);
      m.type(CHECKCAST, "[Ljava/lang/Object;");
      m.astore(1);
      m.aload(1);
      m.iconst(1);
      m.aload(1);
      m.iconst(0);
      m.op(AALOAD);
      m.op(AASTORE);
      m.aload(1);
      m.op(ARRAYLENGTH);
      m.iconst(1);
      m.op(IADD);
      m.type(ANEWARRAY, "java/lang/Object");
      m.op(ARETURN);
    });
    Object[] a = {"zero", "one"};
    Object[] result = (Object[]) arrays.invokeExact((Object) a);
    assertArrayEquals(new Object[] {"zero", "zero"}, a);
    assertEquals(3, result.length);
    assertNull((Object[]) arrays.invokeExact((Object) "not an array"));
  }

  @Test
  void longAndDoubleMath() throws Throwable {
    MethodHandle f = compile("(JJ)J", m -> {
      m.lload(0);
      m.lload(2);
      m.op(LMUL);
      m.lconst(1234567890123L);
      m.op(LADD);
      m.lload(0);
      m.iconst(3);
      m.op(LUSHR);
      m.op(LXOR);
      m.op(LRETURN);
    });
    assertEquals(4, last.maxLocals());
    long a = -987654321987L;
    long b = 12345;
    assertEquals((a * b + 1234567890123L) ^ (a >>> 3), (long) f.invokeExact(a, b));

    MethodHandle less = compile("(JJ)I", m -> {
      ClassAssembler.Label notLess = m.label();
      m.lload(0);
      m.lload(2);
      m.op(LCMP);
      m.jump(IFGE, notLess);
      m.iconst(1);
      m.op(IRETURN);
      m.bind(notLess);
      m.iconst(0);
      m.op(IRETURN);
    });
    assertEquals(4, last.maxStack());
    assertEquals(1, (int) less.invokeExact(Long.MIN_VALUE, 0L));
    assertEquals(0, (int) less.invokeExact(5L, 5L));

    MethodHandle hypot = compile("(DD)D", m -> {
      m.dload(0);
      m.op(DUP2);
      m.op(DMUL);
      m.dload(2);
      m.op(DUP2);
      m.op(DMUL);
      m.op(DADD);
      m.invoke(INVOKESTATIC, "java/lang/Math", "sqrt", "(D)D");
      m.dconst(0.5);
      m.op(DADD);
      m.dconst(1);
      m.op(DMUL);
      m.dconst(0);
      m.op(DADD);
      m.op(DRETURN);
    });
    assertEquals(6, last.maxStack()); // a*a, then b and its dup2: three doubles
    assertEquals(5.5, (double) hypot.invokeExact(3.0, 4.0));

    for (long v : new long[] {0, 1, -1, 2, Long.MIN_VALUE}) {
      MethodHandle c = compile("()J", m -> {
        m.lconst(v);
        m.op(LRETURN);
      });
      assertEquals(v, (long) c.invokeExact());
    }
    for (double v : new double[] {0.0, -0.0, 1.0, 2.5, Double.NaN, -1e300}) {
      MethodHandle c = compile("()D", m -> {
        m.dconst(v);
        m.op(DRETURN);
      });
      assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits((double) c.invokeExact()));
    }
  }

  @Test
  void wideLocalsAndIincWithLargeDeltas() throws Throwable {
    MethodHandle f = compile("(I)I", m -> {
      m.iload(0);
      m.istore(300);
      m.iinc(300, 1000);
      m.iinc(300, -20000);
      m.iconst(7);
      m.istore(5);
      m.iinc(5, 200);
      m.lconst(1L << 33);
      m.lstore(400);
      m.dconst(2.5);
      m.dstore(510);
      m.iload(300);
      m.iload(5);
      m.op(IADD);
      m.lload(400);
      m.iconst(30);
      m.op(LSHR);
      m.op(L2I);
      m.op(IADD);
      m.dload(510);
      m.op(D2I);
      m.op(IADD);
      m.op(IRETURN);
    });
    assertEquals(512, last.maxLocals());
    assertEquals(3 + 1000 - 20000 + 207 + 8 + 2, (int) f.invokeExact(3));
  }

  /** A chain of 60 blocks visited in a scrambled order: forward and backward gotos. */
  @Test
  void manyLabelsWithForwardAndBackwardBranches() throws Throwable {
    int n = 60;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = (i * 37 + 11) % n; // 37 is prime to 60: a permutation
    }
    int[] next = new int[n];
    for (int i = 0; i + 1 < n; i++) {
      next[order[i]] = order[i + 1];
    }
    MethodHandle f = compile("(I)I", m -> {
      ClassAssembler.Label[] blocks = new ClassAssembler.Label[n];
      for (int i = 0; i < n; i++) {
        blocks[i] = m.label();
      }
      ClassAssembler.Label bail = m.label();
      m.iconst(0);
      m.istore(1);
      m.jump(GOTO, blocks[order[0]]);
      for (int k = 0; k < n; k++) {
        m.bind(blocks[k]);
        m.iinc(1, k + 1);
        m.iload(1);
        m.iload(0);
        m.jump(IF_ICMPGT, bail);
        if (k == order[n - 1]) {
          m.iload(1);
          m.op(IRETURN);
        } else {
          m.jump(GOTO, blocks[next[k]]);
        }
      }
      m.bind(bail);
      m.iconst(-1);
      m.op(IRETURN);
    });
    assertEquals(n * (n + 1) / 2, (int) f.invokeExact(Integer.MAX_VALUE));
    assertEquals(-1, (int) f.invokeExact(100));
  }

  @Test
  void everyConditionalBranch() throws Throwable {
    int[] vs = {Integer.MIN_VALUE, -2, 0, 3};
    int[] unary = {IFEQ, IFNE, IFLT, IFGE, IFGT, IFLE};
    for (int i = 0; i < unary.length; i++) {
      MethodHandle f = compile("(I)I", branch(unary[i], ILOAD));
      for (int a : vs) {
        boolean expected = switch (i) {
          case 0 -> a == 0;
          case 1 -> a != 0;
          case 2 -> a < 0;
          case 3 -> a >= 0;
          case 4 -> a > 0;
          default -> a <= 0;
        };
        assertEquals(expected ? 1 : 0, (int) f.invokeExact(a), "opcode " + unary[i] + " a=" + a);
      }
    }
    int[] binary = {IF_ICMPEQ, IF_ICMPNE, IF_ICMPLT, IF_ICMPGE, IF_ICMPGT, IF_ICMPLE};
    for (int i = 0; i < binary.length; i++) {
      MethodHandle f = compile("(II)I", branch(binary[i], ILOAD, ILOAD));
      for (int a : vs) {
        for (int b : vs) {
          boolean expected = switch (i) {
            case 0 -> a == b;
            case 1 -> a != b;
            case 2 -> a < b;
            case 3 -> a >= b;
            case 4 -> a > b;
            default -> a <= b;
          };
          assertEquals(expected ? 1 : 0, (int) f.invokeExact(a, b), "opcode " + binary[i]);
        }
      }
    }
    Object x = new Object();
    String desc2 = "(Ljava/lang/Object;Ljava/lang/Object;)I";
    MethodHandle eq = compile(desc2, branch(IF_ACMPEQ, ALOAD, ALOAD));
    MethodHandle ne = compile(desc2, branch(IF_ACMPNE, ALOAD, ALOAD));
    assertEquals(1, (int) eq.invokeExact(x, x));
    assertEquals(0, (int) eq.invokeExact(x, new Object()));
    assertEquals(0, (int) ne.invokeExact(x, x));
    assertEquals(1, (int) ne.invokeExact(x, (Object) null));
    MethodHandle isNull = compile("(Ljava/lang/Object;)I", branch(IFNULL, ALOAD));
    MethodHandle notNull = compile("(Ljava/lang/Object;)I", branch(IFNONNULL, ALOAD));
    assertEquals(1, (int) isNull.invokeExact((Object) null));
    assertEquals(0, (int) isNull.invokeExact(x));
    assertEquals(0, (int) notNull.invokeExact((Object) null));
    assertEquals(1, (int) notNull.invokeExact(x));
  }

  /** Loads the arguments, then returns 1 if the branch is taken and 0 if not. */
  private static Consumer<ClassAssembler.Method> branch(int opcode, int... loads) {
    return m -> {
      for (int i = 0; i < loads.length; i++) {
        if (loads[i] == ILOAD) {
          m.iload(i);
        } else {
          m.aload(i);
        }
      }
      ClassAssembler.Label taken = m.label();
      m.jump(opcode, taken);
      m.iconst(0);
      m.op(IRETURN);
      m.bind(taken);
      m.iconst(1);
      m.op(IRETURN);
    };
  }

  @Test
  void intArraysNewReadAndWrite() throws Throwable {
    // int[] a = new int[n]; for (i = 0; i < a.length; i++) a[i] = i * i; return a;
    MethodHandle squares = compile("(I)[I", m -> {
      ClassAssembler.Label test = m.label();
      ClassAssembler.Label body = m.label();
      m.iload(0);
      m.newIntArray();
      m.astore(1);
      m.iconst(0);
      m.istore(2);
      m.jump(GOTO, test);
      m.bind(body); // reached only by the backward branch below
      m.aload(1);
      m.iload(2);
      m.iload(2);
      m.op(DUP);
      m.op(IMUL);
      m.op(IASTORE);
      m.iinc(2, 1);
      m.bind(test);
      m.iload(2);
      m.aload(1);
      m.op(ARRAYLENGTH);
      m.jump(IF_ICMPLT, body);
      m.aload(1);
      m.op(ARETURN);
    });
    assertEquals(4, last.maxStack());
    assertArrayEquals(new int[] {0, 1, 4, 9, 16}, (int[]) squares.invokeExact(5));
    MethodHandle sumAt = compile("([III)I", m -> {
      m.aload(0);
      m.iload(1);
      m.op(IALOAD);
      m.aload(0);
      m.iload(2);
      m.op(IALOAD);
      m.op(IADD);
      m.op(IRETURN);
    });
    assertEquals(25, (int) sumAt.invokeExact(new int[] {0, 1, 4, 9, 16}, 3, 4));
  }

  @Test
  void maxStackOfADeepExpression() throws Throwable {
    MethodHandle ints = compile("()I", m -> {
      for (int i = 1; i <= 20; i++) {
        m.iconst(i);
      }
      for (int i = 1; i < 20; i++) {
        m.op(IADD);
      }
      m.op(IRETURN);
    });
    assertEquals(20, last.maxStack());
    assertEquals(0, last.maxLocals());
    assertEquals(210, (int) ints.invokeExact());
    MethodHandle longs = compile("()J", m -> {
      for (int i = 1; i <= 20; i++) {
        m.lconst(i * 1000000007L);
      }
      for (int i = 1; i < 20; i++) {
        m.op(LADD);
      }
      m.op(LRETURN);
    });
    assertEquals(40, last.maxStack());
    assertEquals(210 * 1000000007L, (long) longs.invokeExact());
  }

  /** The stack operations, each checked for its result and its exact max_stack. */
  @Test
  void dupSwapAndPop() throws Throwable {
    assertStack(-8, 3, m -> { // 3 4 -> 4 3 4 -> 4 12 -> -8
      m.iconst(3);
      m.iconst(4);
      m.op(DUP_X1);
      m.op(IMUL);
      m.op(ISUB);
    });
    assertStack(-12, 4, m -> { // 1 2 3 -> 3 1 2 3 -> 3 1 5 -> 3 -4 -> -12
      m.iconst(1);
      m.iconst(2);
      m.iconst(3);
      m.op(DUP_X2);
      m.op(IADD);
      m.op(ISUB);
      m.op(IMUL);
    });
    assertStack(-43, 4, m -> { // 6 7 -> 6 7 6 7 -> 6 7 42 -> 6 49 -> -43
      m.iconst(6);
      m.iconst(7);
      m.op(DUP2);
      m.op(IMUL);
      m.op(IADD);
      m.op(ISUB);
    });
    assertStack(84, 5, m -> { // 5 7L -> 7L 5 7L -> 7L 5 7 -> 7L 12 -> 7L 12L -> 84L -> 84
      m.iconst(5);
      m.lconst(7);
      m.op(DUP2_X1);
      m.op(L2I);
      m.op(IADD);
      m.op(I2L);
      m.op(LMUL);
      m.op(L2I);
    });
    assertStack(2, 6, m -> { // 9L 2L -> 2L 9L 2L -> pop2 -> 2L 9L -> pop2 -> 2L
      m.lconst(9);
      m.lconst(2);
      m.op(DUP2_X2);
      m.op(POP2);
      m.op(POP2);
      m.op(L2I);
    });
    assertStack(1, 2, m -> { // 1 2 -> 2 1 -> 1
      m.iconst(1);
      m.iconst(2);
      m.op(SWAP);
      m.op(ISUB);
    });
  }

  private void assertStack(int expected, int maxStack, Consumer<ClassAssembler.Method> body)
      throws Throwable {
    MethodHandle f = compile("()I", body.andThen(m -> m.op(IRETURN)));
    assertEquals(maxStack, last.maxStack());
    assertEquals(expected, (int) f.invokeExact());
  }

  /**
   * The verifier really checks what we write: the same class with max_stack one lower is refused.
   * So an under-estimate in any test above would fail it.
   */
  @Test
  void theVerifierRejectsAnUnderEstimatedMaxStackAndBadTypes() throws Throwable {
    byte[] bytes = assemble("()I", m -> {
      for (int i = 1; i <= 20; i++) {
        m.iconst(i);
      }
      for (int i = 1; i < 20; i++) {
        m.op(IADD);
      }
      m.op(IRETURN);
    });
    int codeLength = 5 + 15 * 2 + 19 + 1; // iconst_1..5, bipush 6..20, the iadds, ireturn
    byte[] header = {0, 20, 0, 0, 0, 0, 0, (byte) codeLength}; // max_stack, max_locals, length
    int at = indexOf(bytes, header);
    assertTrue(at > 0, "Code attribute header not found");
    assertEquals(210, (int) define(bytes.clone(), "()I").invokeExact());
    bytes[at + 1] = 19;
    assertThrows(VerifyError.class, () -> define(bytes, "()I"));

    byte[] badType = assemble("()I", m -> {
      m.op(ACONST_NULL);
      m.op(IRETURN);
    });
    assertThrows(VerifyError.class, () -> define(badType, "()I"));
  }

  private static int indexOf(byte[] bytes, byte[] pattern) {
    for (int i = 0; i + pattern.length <= bytes.length; i++) {
      boolean match = true;
      for (int k = 0; k < pattern.length && match; k++) {
        match = bytes[i + k] == pattern[k];
      }
      if (match) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void branchesJustUnder32KBytesWork() throws Throwable {
    MethodHandle f = compile("()I", m -> {
      ClassAssembler.Label end = m.label();
      ClassAssembler.Label back = m.label();
      ClassAssembler.Label over = m.label();
      m.jump(GOTO, over);
      m.bind(back);
      m.iconst(7);
      m.op(IRETURN);
      m.bind(over);
      for (int i = 0; i < 32000; i++) {
        m.op(NOP);
      }
      m.jump(GOTO, back);
    });
    assertEquals(7, (int) f.invokeExact());
  }

  @Test
  void branchesOver32KBytesAndCodeOver64KAreMethodTooLarge() {
    for (boolean forward : new boolean[] {true, false}) {
      ClassAssembler c = new ClassAssembler(GEN, "java/lang/Object");
      ClassAssembler.Method m = c.method(ACC_PUBLIC | ACC_STATIC, "f", "()V");
      ClassAssembler.Label target = m.label();
      if (forward) {
        m.jump(GOTO, target);
      } else {
        m.bind(target);
      }
      for (int i = 0; i < 40000; i++) {
        m.op(NOP);
      }
      if (forward) {
        m.bind(target);
        m.op(RETURN);
      } else {
        m.jump(GOTO, target);
      }
      IllegalStateException e = assertThrows(IllegalStateException.class, m::end);
      assertTrue(e.getMessage().startsWith("method too large"), e.getMessage());
      assertThrows(IllegalStateException.class, c::toBytes); // the method never ended
    }
    ClassAssembler c = new ClassAssembler(GEN, "java/lang/Object");
    ClassAssembler.Method m = c.method(ACC_PUBLIC | ACC_STATIC, "f", "()V");
    for (int i = 0; i < 70000; i++) {
      m.op(NOP);
    }
    m.op(RETURN);
    IllegalStateException e = assertThrows(IllegalStateException.class, m::end);
    assertTrue(e.getMessage().startsWith("method too large"), e.getMessage());
  }

  @Test
  void misuseFailsClearly() {
    ClassAssembler c = new ClassAssembler(GEN, "java/lang/Object");
    ClassAssembler.Method m = c.method(ACC_PUBLIC | ACC_STATIC, "f", "(I)I");
    ClassAssembler.Label l = m.label();
    m.bind(l);
    assertThrows(IllegalStateException.class, () -> m.bind(l));
    assertThrows(IllegalArgumentException.class, () -> m.op(BIPUSH));
    assertThrows(IllegalArgumentException.class, () -> m.op(ILOAD));
    assertThrows(IllegalArgumentException.class, () -> m.jump(IADD, l));
    assertThrows(IllegalArgumentException.class, () -> m.iinc(1, 40000));
    ClassAssembler.Method other = c.method(ACC_STATIC, "g", "()V");
    assertThrows(IllegalArgumentException.class, () -> other.jump(GOTO, l));

    ClassAssembler.Method unbound = c.method(ACC_STATIC, "h", "()V");
    unbound.jump(GOTO, unbound.label());
    assertTrue(assertThrows(IllegalStateException.class, unbound::end).getMessage().contains("never bound"));

    // depth 1 on one path and 0 on the other where they meet
    ClassAssembler.Method uneven = c.method(ACC_STATIC, "u", "(I)V");
    ClassAssembler.Label join = uneven.label();
    uneven.iload(0);
    uneven.jump(IFEQ, join);
    uneven.iconst(1);
    uneven.bind(join);
    uneven.op(RETURN);
    assertTrue(assertThrows(IllegalStateException.class, uneven::end).getMessage().contains("meet"));

    ClassAssembler.Method underflow = c.method(ACC_STATIC, "v", "()V");
    underflow.op(POP);
    underflow.op(RETURN);
    assertTrue(assertThrows(IllegalStateException.class, underflow::end).getMessage().contains("underflow"));
  }

  @Test
  void constantPoolOverflowFailsClearly() {
    ClassAssembler c = new ClassAssembler(GEN, "java/lang/Object");
    ClassAssembler.Method m = c.method(ACC_PUBLIC | ACC_STATIC, "f", "()V");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
      for (int i = 0; i < 40000; i++) { // a Long takes two entries
        m.lconst(i + 2);
        m.op(POP2);
      }
    });
    assertTrue(e.getMessage().startsWith("constant pool too large"), e.getMessage());
  }
}
