package dev.zvm.vm;

import static dev.zvm.bytecode.Opcodes.*;

import dev.zvm.bytecode.ExceptionTree;
import dev.zvm.gc.ObjectHeader;
import dev.zvm.vosal.Vosal;

/**
 * The dispatch loop (Lua's {@code luaV_execute}, clox's {@code run}): {@link #execute} is one
 * method, an outer loop that loads the current frame into locals and an inner {@code switch} over
 * the opcode. Calls and returns write the frame back, switch frames and continue the outer loop;
 * no Python call ever recurses in Java. At the common opcodes it hands the thread to
 * {@link #fast}, a small loop of fast paths only (locals, constants, globals, small-int and float
 * arithmetic and comparisons, jumps, calls of natives, plain Python calls and returns, instance
 * attributes and methods through the inline caches, list indexing, range and list iteration),
 * which returns at the first
 * instruction it cannot finish that way; execute's cases then run it in full, mostly through
 * named helpers.
 *
 * <p>Safe points are {@code LOOP} (the only backward jump), the calls and the returns: there the
 * budget counts down (a local decrement) and a top-level run reads VOSAL's attention flag (a load:
 * an interrupt, a thread of higher priority, a stop); when the flag is up, or every
 * {@link #interval} safe points, it asks VOSAL whether to yield ({@link Threads#offerYield}: a
 * decrement and an opaque read when nothing is pending); when told to, it returns parked (YIELDED)
 * so the kernel may run another thread. A native that blocks returns {@link Values#BLOCKED}; the loop then returns parked
 * (BLOCKED) and {@link #resume} calls the native again when the wait ends. A nested run (Java
 * calling back into Python) is not preemptible: it only checks, every {@link #NESTED_INTERVAL}
 * safe points, whether the VM is being stopped.
 *
 * <p>Zero allocation in steady state: the loop allocates no Java object, and Python objects only
 * where the program makes them. Keep {@link #execute} under HotSpot's 8000-byte
 * {@code HugeMethodLimit} (a test checks it): add cases as calls to helpers.
 */
final class Interpreter {
  /**
   * Safe points between two offers to yield under real time, by default (see
   * Vm.Builder#safePointInterval): every 64th. The safe points between only count down and read
   * {@link Threads#attention}, so interrupts, a thread of higher priority and stop() still take
   * effect at the next one; the interval sets the grain of the quantum and of timer checks. Against
   * every fourth (the default before attention was read at every safe point): calls -13 %,
   * binary_trees -20 %, richards -8 %, pystone -4 %; every 256th gained nothing more (README, "The
   * safe-point interval").
   */
  static final int DEFAULT_INTERVAL = 64;
  /**
   * The most safe points past the budget that a call or a return may run before it takes the safe
   * point itself, under real time ({@link #callSlack}: four intervals, at most this). The budget's
   * safe points are then the loops': a call or a return that finds the budget spent goes on, and
   * the next loop offers to yield. Each safe point taken at a call or a return left the compiled
   * code there, unwinding every direct call above it and entering them again one by one; at a
   * loop it leaves one frame, which comes back into its regular compiled method. Against taking it
   * at the call (jars alternated, 3 rounds, medians of the warm repetitions): strings -13 to -20 %,
   * attributes -7 to -15 %, pystone -7 to -14 %, binary_trees -6 %, wordcount -4 %, richards -1 to
   * -4 %, calls within noise (four and sixteen intervals measured alike on strings, attributes and
   * richards; binary_trees and wordcount were measured with sixteen). Interrupts, a thread of higher priority and stop() still act at the
   * very next safe point of any kind (the attention flag). Bounded, so that a thread that only
   * recurses still offers (ThreadsTest.threadsThatOnlyRecurseStillShareTheGilByQuantum), its
   * quantum at most five times as long in safe points; and (interval + slack) times 65535
   * instructions still fits execute's int count.
   */
  static final int MAX_CALL_SLACK = 2048;
  /**
   * The default under virtual time, where the interval is also the clock's grain (time advances by
   * an offer's worth of safe points at a time): every fourth, so that a wake-up lands within four
   * safe points of its deadline.
   */
  static final int VIRTUAL_TIME_INTERVAL = 4;
  /** Safe points between two stop checks in a nested, non-preemptible run. */
  static final int NESTED_INTERVAL = 10_000;
  /** The largest safe-point interval (keeps the loop's int opcode count from overflowing). */
  static final int MAX_INTERVAL = 30_000;
  /**
   * Entries into the fast loop in one code object (calls, returns into it, and every time execute
   * hands it back) after which the baseline compiler compiles it (see Vm.Builder#jitThreshold).
   */
  static final int DEFAULT_JIT_THRESHOLD = 1000;

  /**
   * Words per inline cache entry: (key, epoch, value). The key is a class, and the value an
   * instance slot index at LOAD_ATTR and STORE_ATTR or the function at LOAD_METHOD (the opcode says
   * which); or, at LOAD_ATTR only, the key is a class | 1 (an instance of it reads a class
   * attribute) or a class | 2 (the class itself is read), and the value is the attribute.
   */
  static final int IC_ENTRY_WORDS = 3;
  /** Entries per site: a site's three code bytes give it 12 words (CodeInfo#IC_WORDS each). */
  static final int IC_ENTRIES = 4;

  /** Package-private for the compiled code, which passes it to the natives it calls (a field load). */
  final Runtime rt;
  final int[] w;
  /**
   * The float or int box that the current run of {@link #fast} made last (0 at its start): the only
   * box {@link #floatBox} and {@link #intBox} may overwrite, and only where the code says the
   * operand is that temporary.
   * A box made before this run, or by {@link #execute}, is never overwritten, since fast may have
   * been entered between the two instructions.
   */
  int fresh;
  /**
   * 1 when the last {@link #addSub} or {@link #binaryOp} gave a float box that nothing but its stack
   * slot refers to: a new one, a temporary's, or the {@code into} box it was given; else 0. Compiled
   * code reads it right after the call, when the result is stored to a local next (see
   * Jit#ownedLocals).
   */
  int ownable;
  /** The image's code objects, by index (Runtime#codes); compiled call sites read their callees' here. */
  final CodeInfo[] codes;
  /** How far above a run's entry frame compiled code still calls compiled code directly: see {@link #directCallee}. */
  static final int MAX_DIRECT_FRAMES = 16;
  /** Safe points between two offers to yield in a top-level run; set by {@link Vm}. */
  int interval = DEFAULT_INTERVAL;
  /**
   * Safe points past the budget a call or a return still makes without taking the safe point
   * (see {@link #MAX_CALL_SLACK}): 0 under virtual time, where every safe point also moves the
   * clock and the schedule stays as it was.
   */
  int callSlack;
  /** The baseline compiler, or null when the VM runs without one; set by {@link Vm}. */
  Jit jit;
  /** The OS of {@link Runtime#threads}, or null before there are threads; set by {@link Vm} (see {@link #watcher}). */
  Vosal os;
  /** How often fast is entered in a code object before it is compiled; set by {@link Vm}. */
  int jitThreshold = DEFAULT_JIT_THRESHOLD;

  Interpreter(Runtime rt) {
    this.rt = rt;
    this.w = rt.w;
    this.codes = rt.codes;
  }

  /**
   * Runs thread {@code t} from its current frame until the frame at {@code entryFp} returns
   * (then its result is returned), or, for a preemptible top-level run, until a safe point says
   * yield (then NULL is returned and {@code t.state} is YIELDED) or a native blocks (NULL, and
   * BLOCKED). A Python exception that leaves the entry frame is thrown as {@link PyRaise} with the
   * frames above {@code entryFp} unwound.
   */
  int execute(PyThread t, int entryFp) {
    final int[] w = this.w;
    final int[] stack = t.stack;
    final int[] fr = t.frames;
    final int builtinsBase = rt.builtinsBase;
    final int tempMark = rt.tempTop;
    final boolean preemptible = t.nativeDepth == 0;
    final Threads threads = rt.threads;
    int budget = t.budget;
    // Opcodes executed and not yet added to rt.opcodes: opBase + ordinal[pc], where ordinal[pc] is
    // the ordinal of the instruction at pc (CodeInfo#ordinal). Straight-line code counts for free;
    // a taken jump adds ordinal[next] - ordinal[target], and a frame change moves the count
    // between code objects. A counter bumped at every opcode cost ~14 ns of the 38 ns per
    // iteration of InterpreterBenchmark.dispatch: C2 kept it in memory, a store-to-load chain
    // through all nine opcodes of the loop. An int, flushed at every budget refill, so it cannot
    // overflow: between two refills at most NESTED_INTERVAL or MAX_INTERVAL safe points pass, each
    // after at most one code object's 65535 instructions.
    int opBase = 0;
    // the pc at which fast last stopped in a frame it was handed after a call or a return: execute
    // runs that instruction itself, without asking fast again
    int stoppedPc = -1;
    outer:
    for (;;) {
      final int refused = stoppedPc;
      stoppedPc = -1;
      final int fp = t.fp;
      final CodeInfo ci = codes[fr[fp + Frame.CODE]];
      final byte[] code = ci.code;
      final int[] consts = ci.constValue;
      final int base = fr[fp + Frame.BASE];
      final int gbase = (fr[fp + Frame.GLOBALS] >> 2) + 2;
      final int[] ord = ci.ordinal;
      int pc = fr[fp + Frame.PC];
      int sp = t.sp;
      opBase -= ord[pc];
      try {
        for (;;) {
          if (FAST[code[pc] & 0xFF] && pc != refused) {
            t.sp = sp;
            t.budget = budget;
            t.opBase = opBase;
            pc = enterFast(t, entryFp, pc);
            budget = t.budget;
            opBase = t.opBase;
            if (pc < 0) {
              // -2: a native fast called has parked the thread, in the frame it is in now (compiled
              // code may have gone on into another). -1: fast called or returned: the thread is in
              // another frame now. Hand it straight back
              // (-1: fast starts at that frame's own pc), without loading the frame here, until fast
              // stops at an instruction, in whatever frame the thread is in by then (compiled code
              // that went on into a frame of its own code object says -3 - pc: Compiled#run)
              int r = pc;
              while (r == -1) {
                r = enterFast(t, entryFp, -1);
              }
              if (r <= -3) {
                r = -3 - r;
              }
              budget = t.budget;
              opBase = t.opBase;
              int nfp = t.fp;
              int[] nord = codes[fr[nfp + Frame.CODE]].ordinal;
              if (r == -2) {
                return blocked(t, budget, opBase + nord[fr[nfp + Frame.PC]]);
              }
              // execute loads that frame and runs the instruction at r itself
              fr[nfp + Frame.PC] = r;
              opBase += nord[r];
              stoppedPc = r;
              continue outer;
            }
            sp = t.sp;
          }
          switch (code[pc] & 0xFF) {
            case LOAD_CONST: {
              int i = (code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8;
              pc += 3;
              int v = consts[i];
              if (v == 0) {
                t.sp = sp;
                v = loadConst(ci, i);
              }
              stack[sp++] = v;
              continue;
            }
            case LOAD_FAST: {
              int v = stack[base + (code[pc + 1] & 0xFF)];
              pc += 2;
              if (v == 0) {
                throw unboundLocal(ci, code[pc - 1] & 0xFF);
              }
              stack[sp++] = v;
              continue;
            }
            case DELETE_FAST: {
              int i = code[pc + 1] & 0xFF;
              pc += 2;
              if (stack[base + i] == 0) {
                throw unboundLocal(ci, i);
              }
              stack[base + i] = 0;
              continue;
            }
            case LOAD_GLOBAL: {
              int slot = (code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8;
              pc += 3;
              int v = w[gbase + slot];
              if (v == 0) {
                t.sp = sp;
                throw nameError(ci.module, slot);
              }
              stack[sp++] = v;
              continue;
            }
            case DELETE_GLOBAL: {
              int slot = (code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8;
              pc += 3;
              if (w[gbase + slot] == 0) {
                t.sp = sp;
                throw nameError(ci.module, slot);
              }
              w[gbase + slot] = 0;
              continue;
            }
            case LOAD_BUILTIN: {
              int slot = (code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8;
              pc += 3;
              int v = w[builtinsBase + slot];
              if (v == 0) {
                t.sp = sp;
                throw nameError(rt.image.builtinsModule(), slot);
              }
              stack[sp++] = v;
              continue;
            }
            case LOAD_DEREF: {
              int i = code[pc + 1] & 0xFF;
              pc += 2;
              int v = w[(stack[base + ci.localCount + i] >> 2) + 2];
              if (v == 0) {
                t.sp = sp;
                throw unboundCell(ci, i);
              }
              stack[sp++] = v;
              continue;
            }
            case STORE_DEREF:
              w[(stack[base + ci.localCount + (code[pc + 1] & 0xFF)] >> 2) + 2] = stack[--sp];
              pc += 2;
              continue;
            case LOAD_CLOSURE:
              stack[sp++] = stack[base + ci.localCount + (code[pc + 1] & 0xFF)];
              pc += 2;
              continue;
            case LOAD_ATTR: // the cache hit runs in fast; here the full lookup, which fills the cache
              pc += 3;
              t.sp = sp;
              stack[sp - 1] = loadAttr(ci, pc - 3, stack[sp - 1]);
              continue;
            case STORE_ATTR:
              pc += 3;
              t.sp = sp;
              storeAttr(ci, pc - 3, stack[sp - 1], stack[sp - 2]);
              sp -= 2;
              continue;
            case DELETE_ATTR:
              pc += 3;
              t.sp = sp;
              rt.classes.delAttr(stack[sp - 1], (code[pc - 2] & 0xFF) | (code[pc - 1] & 0xFF) << 8);
              sp--;
              continue;
            case LOAD_METHOD: // as LOAD_ATTR
              pc += 3;
              t.sp = sp;
              sp = loadMethod(ci, pc - 3, stack[sp - 1], sp);
              continue;
            case LOAD_SUBSCR: // a list and an int index run in fast
              pc++;
              t.sp = sp;
              stack[sp - 2] = rt.ops.getItem(stack[sp - 2], stack[sp - 1]);
              sp--;
              continue;
            case STORE_SUBSCR:
              pc++;
              t.sp = sp;
              rt.ops.setItem(stack[sp - 2], stack[sp - 1], stack[sp - 3]);
              sp -= 3;
              continue;
            case DELETE_SUBSCR:
              pc++;
              t.sp = sp;
              rt.ops.delItem(stack[sp - 2], stack[sp - 1]);
              sp -= 2;
              continue;
            case UNARY_NEG: // a small int runs in fast
              pc++;
              t.sp = sp;
              stack[sp - 1] = rt.ops.neg(stack[sp - 1]);
              continue;
            case UNARY_POS:
              pc++;
              t.sp = sp;
              stack[sp - 1] = rt.ops.pos(stack[sp - 1]);
              continue;
            case UNARY_NOT: // a bool runs in fast
              pc++;
              t.sp = sp;
              stack[sp - 1] = Values.bool(!rt.ops.truthy(stack[sp - 1]));
              continue;
            case UNARY_INVERT:
              pc++;
              t.sp = sp;
              stack[sp - 1] = rt.ops.invert(stack[sp - 1]);
              continue;
            case ADD: // small ints and floats run in fast
            case IADD:
            case SUB:
            case ISUB:
            case MUL:
            case TRUEDIV:
            case FLOORDIV:
            case MOD:
            case POW:
            case LSHIFT:
            case RSHIFT:
            case AND:
            case OR:
            case XOR:
            case MATMUL:
            case IMUL:
            case ITRUEDIV:
            case IFLOORDIV:
            case IMOD:
            case IPOW:
            case ILSHIFT:
            case IRSHIFT:
            case IAND:
            case IOR:
            case IXOR:
            case IMATMUL:
              t.sp = sp;
              sp = binary(code[pc++] & 0xFF, sp);
              continue;
            case EQ: // small ints and floats run in fast
              pc++;
              t.sp = sp;
              stack[sp - 2] = rt.ops.compare(Operators.CMP_EQ, stack[sp - 2], stack[sp - 1]);
              sp--;
              continue;
            case NE:
              pc++;
              t.sp = sp;
              stack[sp - 2] = rt.ops.compare(Operators.CMP_NE, stack[sp - 2], stack[sp - 1]);
              sp--;
              continue;
            case LT:
              pc++;
              t.sp = sp;
              stack[sp - 2] = rt.ops.compare(Operators.CMP_LT, stack[sp - 2], stack[sp - 1]);
              sp--;
              continue;
            case LE:
              pc++;
              t.sp = sp;
              stack[sp - 2] = rt.ops.compare(Operators.CMP_LE, stack[sp - 2], stack[sp - 1]);
              sp--;
              continue;
            case GT:
              pc++;
              t.sp = sp;
              stack[sp - 2] = rt.ops.compare(Operators.CMP_GT, stack[sp - 2], stack[sp - 1]);
              sp--;
              continue;
            case GE:
              pc++;
              t.sp = sp;
              stack[sp - 2] = rt.ops.compare(Operators.CMP_GE, stack[sp - 2], stack[sp - 1]);
              sp--;
              continue;
            case IN:
            case NOT_IN: {
              boolean not = (code[pc++] & 0xFF) == NOT_IN;
              t.sp = sp;
              boolean r = rt.ops.contains(stack[sp - 1], stack[sp - 2]);
              stack[sp - 2] = r != not ? Values.TRUE : Values.FALSE;
              sp--;
              continue;
            }
            case BUILD_TUPLE:
            case BUILD_LIST:
            case BUILD_SET:
            case BUILD_DICT:
            case BUILD_SLICE:
            case BUILD_STRING:
            case LIST_APPEND:
            case SET_ADD:
            case MAP_ADD:
            case LIST_EXTEND:
            case DICT_UPDATE:
            case SET_UPDATE:
            case LIST_TO_TUPLE:
            case UNPACK_SEQUENCE:
            case UNPACK_EX:
            case FORMAT_VALUE:
            case MAKE_FUNCTION:
            case EXC_MATCH:
            {
              int at = pc;
              pc += size(code[pc] & 0xFF);
              t.sp = sp;
              sp = containerOp(fr, fp, ci, at, sp);
              continue;
            }
            case LOOP: {
              int target = (code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8;
              opBase += ord[pc + 3] - ord[target];
              pc = target;
              if (--budget < 0 || preemptible && threads.attention()) {
                rt.opcodes += opBase + ord[pc];
                opBase = -ord[pc];
                budget = preemptible ? interval - 1 : NESTED_INTERVAL;
                if (safePoint(preemptible)) {
                  fr[fp + Frame.PC] = pc;
                  t.sp = sp;
                  return park(t, budget, 0);
                }
              }
              continue;
            }
            case POP_JUMP_IF_FALSE: {
              int v = stack[--sp];
              int target = (code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8;
              pc += 3;
              if (v == Values.FALSE || (v != Values.TRUE && !truthy(t, v, sp))) {
                opBase += ord[pc] - ord[target];
                pc = target;
              }
              continue;
            }
            case POP_JUMP_IF_TRUE: {
              int v = stack[--sp];
              int target = (code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8;
              pc += 3;
              if (v == Values.TRUE || (v != Values.FALSE && truthy(t, v, sp))) {
                opBase += ord[pc] - ord[target];
                pc = target;
              }
              continue;
            }
            case JUMP_IF_FALSE_OR_POP: {
              int v = stack[sp - 1];
              int target = (code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8;
              pc += 3;
              if (v == Values.FALSE || (v != Values.TRUE && !truthy(t, v, sp))) {
                opBase += ord[pc] - ord[target];
                pc = target;
              } else {
                sp--;
              }
              continue;
            }
            case JUMP_IF_TRUE_OR_POP: {
              int v = stack[sp - 1];
              int target = (code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8;
              pc += 3;
              if (v == Values.TRUE || (v != Values.FALSE && truthy(t, v, sp))) {
                opBase += ord[pc] - ord[target];
                pc = target;
              } else {
                sp--;
              }
              continue;
            }
            case GET_ITER:
              pc++;
              t.sp = sp;
              stack[sp - 1] = rt.iters.iter(stack[sp - 1]);
              continue;
            case FOR_ITER: { // a range iterator of small ints runs in fast
              int target = (code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8;
              pc += 3;
              t.sp = sp;
              int v = rt.iters.next(stack[sp - 1]);
              if (v == 0) {
                sp--;
                opBase += ord[pc] - ord[target];
                pc = target;
              } else {
                stack[sp++] = v;
              }
              continue;
            }
            case CALL: // plain Python functions and natives run in fast; here the safe point, the rest
            case CALL_METHOD: {
              int fslot = calleeSlot(code[pc] & 0xFF, code[pc + 1] & 0xFF, sp);
              int argBase = firstArg(code[pc] & 0xFF, stack, fslot);
              int argc = sp - argBase;
              pc += 2;
              fr[fp + Frame.PC] = pc;
              t.sp = sp;
              if (--budget < -callSlack || preemptible && threads.attention()) {
                // the call is not counted yet: it runs again on resume if the thread parks here
                rt.opcodes += opBase + ord[pc - 2];
                opBase = -ord[pc - 2];
                budget = preemptible ? interval - 1 : NESTED_INTERVAL;
                if (safePoint(preemptible)) {
                  fr[fp + Frame.PC] = pc - 2; // the call runs again on resume: not a safe point then
                  return park(t, budget + 1, 0);
                }
              }
              int r = rt.calls.call(t, fslot, stack[fslot], argBase, argc, 0, 0);
              if (r == 0) {
                opBase += ord[pc];
                continue outer;
              }
              if (r == Values.BLOCKED) {
                return blocked(t, budget, opBase + ord[pc]);
              }
              stack[fslot] = r;
              sp = fslot + 1;
              continue;
            }
            case CALL_KW:
            case CALL_EX:
            case BUILD_CLASS:
            case IMPORT_NAME: {
              int op = code[pc] & 0xFF;
              int at = pc;
              pc += size(op);
              fr[fp + Frame.PC] = pc;
              t.sp = sp;
              int r = frameOp(t, op, code, at, sp);
              if (r == 0) {
                opBase += ord[pc];
                continue outer;
              }
              if (r == Values.BLOCKED) {
                return blocked(t, budget, opBase + ord[pc]);
              }
              sp = t.sp;
              stack[sp - 1] = r;
              continue;
            }
            case RETURN_VALUE: {
              int v = stack[sp - 1];
              int kind = fr[fp + Frame.KIND];
              pc++;
              opBase += ord[pc]; // now the count since the flush, whatever the frame
              if (kind != Frame.NORMAL) {
                fr[fp + Frame.PC] = pc;
                t.sp = sp;
                v = rt.calls.finishFrame(t, fp, v);
              }
              int ret = fr[fp + Frame.RET];
              t.fp = fp - Frame.WORDS;
              if ((kind & Frame.DISCARD) == 0) {
                stack[ret] = v;
                t.sp = ret + 1;
              } else {
                t.sp = ret;
              }
              if (fp == entryFp || (kind & Frame.NATIVE_ENTRY) != 0) {
                rt.opcodes += opBase;
                t.budget = budget;
                return v;
              }
              if (--budget < -callSlack || preemptible && threads.attention()) {
                rt.opcodes += opBase;
                opBase = 0;
                budget = preemptible ? interval - 1 : NESTED_INTERVAL;
                if (safePoint(preemptible)) {
                  return park(t, budget, 0);
                }
              }
              continue outer;
            }
            case RAISE:
              pc++;
              t.sp = sp;
              throw rt.raiseValue(rt.exceptions.toException(stack[sp - 1]));
            case RAISE_FROM:
              pc++;
              t.sp = sp;
              throw raiseFrom(stack[sp - 2], stack[sp - 1]);
            case RERAISE:
              pc++;
              t.sp = sp;
              throw reraise(stack[sp - 1]);
            case ASSERT_FAIL:
              pc++;
              t.sp = sp;
              throw assertFail(stack[sp - 1]);
            case NOP: // always completed by fast, which the top of this loop runs first
            case POP_TOP:
            case DUP_TOP:
            case DUP_TOP_TWO:
            case ROT_TWO:
            case ROT_THREE:
            case ROT_FOUR:
            case LOAD_NONE:
            case LOAD_TRUE:
            case LOAD_FALSE:
            case LOAD_SMALL_INT:
            case PUSH_NAME:
            case STORE_FAST:
            case STORE_GLOBAL:
            case LOAD_NATIVE:
            case LOAD_EXCEPTION:
            case IS:
            case IS_NOT:
            case JUMP:
              throw new IllegalStateException("opcode 0x" + Integer.toHexString(code[pc] & 0xFF) + " at " + pc
                  + " reached execute: fast completes it");
            default:
              throw new IllegalStateException("bad opcode 0x" + Integer.toHexString(code[pc] & 0xFF) + " at " + pc);
          }
        }
      } catch (PyRaise e) {
        int rfp = fp;
        int[] rord = ord;
        if (t.fastPc >= 0) { // raised in a native that fast called: its frame, pc and count
          pc = t.fastPc;
          budget = t.budget;
          opBase = t.opBase;
          t.fastPc = -1;
          rfp = t.fp; // not fp when fast ran a frame that execute handed straight on
          rord = codes[fr[rfp + Frame.CODE]].ordinal;
        }
        // pc - 1 is inside the instruction that raised (as unwind reads it), which counts
        rt.opcodes += pc == 0 ? opBase : opBase + rord[pc - 1] + 1;
        opBase = 0;
        fr[rfp + Frame.PC] = pc;
        rt.release(tempMark);
        if (!unwind(t, entryFp)) {
          t.budget = budget;
          throw e;
        }
      }
    }
  }

  /**
   * Fast's contract for the thread's current frame: its compiled code when it has some; else fast,
   * counting the entries until the code object is hot enough to compile.
   */
  private int enterFast(PyThread t, int entryFp, int pc) {
    CodeInfo ci = codes[t.frames[t.fp + Frame.CODE]];
    Compiled c = ci.compiled;
    if (c == null) {
      if (jit == null || ++ci.entries != jitThreshold) {
        return fast(t, entryFp, pc);
      }
      c = jit.request(ci);
      if (c == null) {
        return fast(t, entryFp, pc);
      }
    }
    return c.run(this, t, entryFp, pc);
  }

  // ---- the fast loop ----------------------------------------------------------------------------

  /** The opcodes {@link #fast} may run; execute hands it the thread only at these. */
  private static final boolean[] FAST = new boolean[256];

  static {
    for (int op : new int[] {NOP, POP_TOP, DUP_TOP, DUP_TOP_TWO, ROT_TWO, ROT_THREE, ROT_FOUR, LOAD_CONST,
        LOAD_NONE, LOAD_TRUE, LOAD_FALSE, LOAD_SMALL_INT, PUSH_NAME, LOAD_FAST, STORE_FAST, LOAD_GLOBAL,
        STORE_GLOBAL, LOAD_BUILTIN, LOAD_NATIVE, LOAD_EXCEPTION, LOAD_ATTR, STORE_ATTR, LOAD_METHOD,
        LOAD_SUBSCR, STORE_SUBSCR, UNARY_NEG, UNARY_NOT, UNARY_INVERT, ADD, IADD, SUB, ISUB, MUL, IMUL, TRUEDIV, ITRUEDIV, POW, IPOW,
        FLOORDIV, IFLOORDIV, MOD, IMOD, AND, IAND, OR, IOR, XOR, IXOR, LSHIFT, ILSHIFT, RSHIFT, IRSHIFT, EQ, NE, LT, LE, GT, GE, IS,
        IS_NOT, JUMP, LOOP, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP,
        FOR_ITER, CALL, CALL_METHOD, RETURN_VALUE}) {
      FAST[op] = true;
    }
  }

  /**
   * The fast loop: the common opcodes on their fast paths only (locals, constants, globals,
   * small-int arithmetic and comparisons, bool tests, jumps, list indexing, range iteration, and
   * attributes and methods through the inline caches), in one small method. At the first
   * instruction it cannot finish on a fast path (an opcode it lacks, a cache miss, a float, a
   * budget that has run out at a LOOP), it returns that instruction's pc, not executed, and
   * {@link #execute} runs it in full.
   *
   * <p>Why two loops: C2 compiles {@link #execute} as one unit, and once a program has run many
   * kinds of opcodes (calls, natives, dicts, allocation) the register allocator spills the loop's
   * own state (pc, sp, the stack array) to memory around the calls on their paths, and every
   * opcode pays for it: InterpreterBenchmark.dispatch went from 26 ns per iteration (only its own
   * loop profiled) to 53 ns (after the other loops ran). This method is small and calls out on
   * few paths (a float allocation, a native), so its cost depends far less on what else the
   * program ran (25 to 45 ns in both cases, bimodal; perfasm still shows pc and the stack array
   * spilled once many of its paths are hot, the next thing to attack). It raises only from a
   * native it calls (see {@link #callNative}); a native that blocks makes it return -2. It
   * pushes the frame of a
   * plain Python call, or pops a returning frame, itself, then returns -1, and execute calls it
   * again with pc -1: start at the current frame's own pc (continuing in the new frame here instead
   * made every frame local loop-carried, and dispatch went from 30 to 43 ns). The thread's
   * {@code sp}, {@code fp}, {@code budget} and {@code opBase} go in and out through {@link PyThread}.
   */
  int fast(PyThread t, int entryFp, int pc) {
    fresh = 0;
    final int[] w = this.w;
    final int[] stack = t.stack;
    final int[] fr = t.frames;
    final int builtinsBase = rt.builtinsBase;
    final int fp = t.fp;
    final CodeInfo ci = codes[fr[fp + Frame.CODE]];
    final byte[] code = ci.quick; // the image's bytes with fused pairs (Superinstructions)
    final int[] ord = ci.ordinal;
    final int[] consts = ci.constValue;
    final int base = fr[fp + Frame.BASE];
    final int gbase = (fr[fp + Frame.GLOBALS] >> 2) + 2;
    final Threads threads = preemptor(t); // null: a nested run, never preempted
    int sp = t.sp;
    int budget = t.budget;
    int opBase = t.opBase;
    if (pc < 0) { // a frame that a call or a return has just entered: from its own pc
      pc = fr[fp + Frame.PC];
      opBase -= ord[pc];
    }
    loop:
    for (;;) {
      switch (code[pc] & 0xFF) {
        case NOP:
          pc++;
          continue;
        case POP_TOP:
          sp--;
          pc++;
          continue;
        case DUP_TOP:
          stack[sp] = stack[sp - 1];
          sp++;
          pc++;
          continue;
        case DUP_TOP_TWO:
          stack[sp] = stack[sp - 2];
          stack[sp + 1] = stack[sp - 1];
          sp += 2;
          pc++;
          continue;
        case ROT_TWO: {
          int a = stack[sp - 1];
          stack[sp - 1] = stack[sp - 2];
          stack[sp - 2] = a;
          pc++;
          continue;
        }
        case ROT_THREE: {
          int c = stack[sp - 1];
          stack[sp - 1] = stack[sp - 2];
          stack[sp - 2] = stack[sp - 3];
          stack[sp - 3] = c;
          pc++;
          continue;
        }
        case ROT_FOUR: {
          int d = stack[sp - 1];
          stack[sp - 1] = stack[sp - 2];
          stack[sp - 2] = stack[sp - 3];
          stack[sp - 3] = stack[sp - 4];
          stack[sp - 4] = d;
          pc++;
          continue;
        }
        case LOAD_CONST: {
          int v = consts[(code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8];
          if (v == 0) {
            break loop; // not materialised yet
          }
          stack[sp++] = v;
          pc += 3;
          continue;
        }
        case LOAD_NONE:
          stack[sp++] = Values.NONE;
          pc++;
          continue;
        case LOAD_TRUE:
          stack[sp++] = Values.TRUE;
          pc++;
          continue;
        case LOAD_FALSE:
          stack[sp++] = Values.FALSE;
          pc++;
          continue;
        case LOAD_SMALL_INT:
          stack[sp++] = (((code[pc + 1] & 0xFF) | code[pc + 2] << 8) << 1) | 1;
          pc += 3;
          continue;
        case PUSH_NAME:
          stack[sp++] = (((code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8) << 1) | 1;
          pc += 3;
          continue;
        case LOAD_FAST: {
          int v = stack[base + (code[pc + 1] & 0xFF)];
          if (v == 0) {
            break loop;
          }
          stack[sp++] = v;
          pc += 2;
          continue;
        }
        case STORE_FAST:
          stack[base + (code[pc + 1] & 0xFF)] = stack[--sp];
          pc += 2;
          continue;
        case LOAD_GLOBAL: {
          int v = w[gbase + ((code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8)];
          if (v == 0) {
            break loop;
          }
          stack[sp++] = v;
          pc += 3;
          continue;
        }
        case Superinstructions.GLOBAL_LOAD_FAST: {
          int g = w[gbase + ((code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8)];
          int v = stack[base + (code[pc + 4] & 0xFF)];
          if (g == 0 || v == 0) {
            break loop; // execute's LOAD_GLOBAL finds a builtin or raises; then the LOAD_FAST alone
          }
          stack[sp] = g;
          stack[sp + 1] = v;
          sp += 2;
          pc += 5;
          continue;
        }
        case STORE_GLOBAL:
          w[gbase + ((code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8)] = stack[--sp];
          pc += 3;
          continue;
        case LOAD_BUILTIN: {
          int v = w[builtinsBase + ((code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8)];
          if (v == 0) {
            break loop;
          }
          stack[sp++] = v;
          pc += 3;
          continue;
        }
        case LOAD_NATIVE:
          stack[sp++] = rt.imageNatives[(code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8];
          pc += 3;
          continue;
        case LOAD_EXCEPTION:
          stack[sp++] = rt.excClass[(code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8];
          pc += 3;
          continue;
        case Superinstructions.LOAD_FAST_ATTR: {
          int v = stack[base + (code[pc + 1] & 0xFF)];
          if (v == 0) {
            break loop;
          }
          stack[sp++] = v;
          pc += 2;
        }
        // fall through: the pair's LOAD_ATTR, at pc now
        case LOAD_ATTR: {
          int v = cachedAttr(ci, pc, stack[sp - 1]);
          if (v == 0) {
            break loop;
          }
          stack[sp - 1] = v;
          pc += 3;
          continue;
        }
        case STORE_ATTR:
          if (!storeCachedAttr(ci, pc, stack[sp - 1], stack[sp - 2])) {
            break loop;
          }
          sp -= 2;
          pc += 3;
          continue;
        case Superinstructions.LOAD_FAST_METHOD: {
          int v = stack[base + (code[pc + 1] & 0xFF)];
          if (v == 0) {
            break loop;
          }
          stack[sp++] = v;
          pc += 2;
        }
        // fall through: the pair's LOAD_METHOD, at pc now
        case LOAD_METHOD:
          if (!cachedMethod(ci, pc, stack, sp - 1)) {
            break loop;
          }
          sp++;
          pc += 3;
          continue;
        case Superinstructions.FAST_FAST_SUBSCR: {
          int n = stack[base + (code[pc + 3] & 0xFF)];
          int v = (n & 1) == 0 ? 0 : item(w, stack[base + (code[pc + 1] & 0xFF)], n >> 1);
          if (v == 0) {
            break loop; // also an unbound local (0): execute runs the LOAD_FAST, which raises
          }
          stack[sp++] = v;
          pc += 5;
          continue;
        }
        case Superinstructions.LOAD_FAST_INDEX: {
          int v = item(w, stack[base + (code[pc + 1] & 0xFF)], (code[pc + 3] & 0xFF) | code[pc + 4] << 8);
          if (v == 0) {
            break loop; // also an unbound local (0): execute runs the LOAD_FAST, which raises
          }
          stack[sp++] = v;
          pc += 6;
          continue;
        }
        case LOAD_SUBSCR: {
          int i = stack[sp - 1];
          int v = (i & 1) != 0 ? item(w, stack[sp - 2], i >> 1) : 0;
          if (v == 0) {
            break loop;
          }
          stack[sp - 2] = v;
          sp--;
          pc++;
          continue;
        }
        case STORE_SUBSCR: {
          int i = stack[sp - 1];
          int slot = (i & 1) != 0 ? listSlot(w, stack[sp - 2], i >> 1) : -1;
          if (slot < 0) {
            break loop;
          }
          w[slot] = stack[sp - 3];
          sp -= 3;
          pc++;
          continue;
        }
        case Superinstructions.DUP_TOP_TWO_SUBSCR: {
          // [c, i] -> [c, i, c[i]]
          int c = stack[sp - 2];
          int i = stack[sp - 1];
          int v = (i & 1) != 0 ? item(w, c, i >> 1) : 0;
          if (v == 0) { // execute lacks DUP_TOP_TWO: do it here, and leave it the LOAD_SUBSCR
            stack[sp] = c;
            stack[sp + 1] = i;
            sp += 2;
            pc++;
            break loop;
          }
          stack[sp++] = v;
          pc += 2;
          continue;
        }
        case Superinstructions.ROT_THREE_STORE_SUBSCR: {
          // [c, i, v]: c[i] = v
          int c = stack[sp - 3];
          int i = stack[sp - 2];
          int v = stack[sp - 1];
          int slot = (i & 1) != 0 ? listSlot(w, c, i >> 1) : -1;
          if (slot < 0) { // execute lacks ROT_THREE: do it here, and leave it the STORE_SUBSCR
            stack[sp - 3] = v;
            stack[sp - 2] = c;
            stack[sp - 1] = i;
            pc++;
            break loop;
          }
          w[slot] = v;
          sp -= 3;
          pc += 2;
          continue;
        }
        case UNARY_NEG: {
          int a = stack[sp - 1];
          if ((a & 1) == 0) {
            break loop;
          }
          stack[sp - 1] = 2 - a;
          pc++;
          continue;
        }
        case UNARY_INVERT: {
          int a = stack[sp - 1];
          if ((a & 1) == 0) {
            break loop;
          }
          stack[sp - 1] = a ^ -2; // ~x of a small int: every bit of the word but the tag flips
          pc++;
          continue;
        }
        case UNARY_NOT: {
          int a = stack[sp - 1];
          if (a != Values.TRUE && a != Values.FALSE) {
            break loop;
          }
          stack[sp - 1] = a ^ (Values.TRUE ^ Values.FALSE);
          pc++;
          continue;
        }
        case ADD:
        case IADD:
        case SUB:
        case ISUB:
        case Superinstructions.ADD_STORE_FAST:
        case Superinstructions.SUB_STORE_FAST: {
          // also the pairs that store the result into a local (Superinstructions)
          int op = code[pc] & 0xFF;
          boolean add = op == ADD || op == IADD || op == Superinstructions.ADD_STORE_FAST;
          int a = stack[sp - 2];
          int b = stack[sp - 1];
          int r;
          if ((a & b & 1) != 0) {
            int x = add ? (a >> 1) + (b >> 1) : (a >> 1) - (b >> 1);
            if (x <= -Values.SMALL_LIMIT || x >= Values.SMALL_LIMIT) {
              break loop;
            }
            r = (x << 1) | 1;
          } else {
            t.sp = sp; // arith may allocate a float, and a collection scans the stack up to t.sp
            r = arith(add ? ADD : SUB, a, b, ci.freshOperands[pc]);
            if (r == Values.NULL) {
              break loop;
            }
          }
          if (op < Superinstructions.ADD_STORE_FAST) {
            stack[sp - 2] = r;
            sp--;
            pc++;
          } else {
            sp -= 2;
            stack[base + (code[pc + 2] & 0xFF)] = r;
            pc += 3;
          }
          continue;
        }
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
        case AND:
        case IAND:
        case OR:
        case IOR:
        case XOR:
        case IXOR:
        case LSHIFT:
        case ILSHIFT:
        case RSHIFT:
        case IRSHIFT: {
          t.sp = sp;
          int r = arith(code[pc] & 0xFF, stack[sp - 2], stack[sp - 1], ci.freshOperands[pc]);
          if (r == Values.NULL) {
            break loop;
          }
          stack[sp - 2] = r;
          sp--;
          pc++;
          continue;
        }
        case Superinstructions.ARITH_STORE_FAST: {
          // one of the operators above, then STORE_FAST: which one, the image's own byte says
          t.sp = sp;
          int r = arith(ci.code[pc] & 0xFF, stack[sp - 2], stack[sp - 1], ci.freshOperands[pc]);
          if (r == Values.NULL) {
            break loop;
          }
          sp -= 2;
          stack[base + (code[pc + 2] & 0xFF)] = r;
          pc += 3;
          continue;
        }
        case EQ:
        case NE:
        case LT:
        case LE:
        case GT:
        case GE:
        case Superinstructions.EQ_JUMP_IF_FALSE:
        case Superinstructions.NE_JUMP_IF_FALSE:
        case Superinstructions.LT_JUMP_IF_FALSE:
        case Superinstructions.LE_JUMP_IF_FALSE:
        case Superinstructions.GT_JUMP_IF_FALSE:
        case Superinstructions.GE_JUMP_IF_FALSE: {
          // also a comparison fused with the POP_JUMP_IF_FALSE after it (Superinstructions)
          int op = code[pc] & 0xFF;
          int cmp = op < Superinstructions.EQ_JUMP_IF_FALSE ? op : Superinstructions.comparison(op);
          int a = stack[sp - 2];
          int b = stack[sp - 1];
          int r = truth(cmp, a, b);
          if (r < 0) {
            break loop;
          }
          if (op == cmp) {
            stack[sp - 2] = r != 0 ? Values.TRUE : Values.FALSE;
            sp--;
            pc++;
          } else if (r != 0) {
            sp -= 2;
            pc += 4;
          } else {
            sp -= 2;
            int target = (code[pc + 2] & 0xFF) | (code[pc + 3] & 0xFF) << 8;
            opBase += ord[pc + 4] - ord[target];
            pc = target;
          }
          continue;
        }
        case Superinstructions.COMPARE_FAST_FAST:
        case Superinstructions.COMPARE_FAST_INT: {
          // LOAD_FAST a; LOAD_FAST b or LOAD_SMALL_INT k; a comparison; POP_JUMP_IF_FALSE: its pair, at
          // the third instruction, says which comparison
          int a = stack[base + (code[pc + 1] & 0xFF)];
          int b;
          int at;
          if ((code[pc] & 0xFF) == Superinstructions.COMPARE_FAST_FAST) {
            b = stack[base + (code[pc + 3] & 0xFF)];
            at = pc + 4;
          } else {
            b = (((code[pc + 3] & 0xFF) | code[pc + 4] << 8) << 1) | 1;
            at = pc + 5;
          }
          if (a == 0 || b == 0) {
            break loop; // execute's LOAD_FAST raises
          }
          int r = truth(Superinstructions.comparison(code[at] & 0xFF), a, b);
          if (r < 0) {
            break loop;
          }
          if (r != 0) {
            pc = at + 4;
          } else {
            int target = (code[at + 2] & 0xFF) | (code[at + 3] & 0xFF) << 8;
            opBase += ord[at + 4] - ord[target];
            pc = target;
          }
          continue;
        }
        case Superinstructions.INC_FAST:
        case Superinstructions.INC_FAST_LOOP: {
          // LOAD_FAST a; LOAD_SMALL_INT k; ADD or SUB; STORE_FAST b: its pair, at the third
          // instruction, says which operator; then, for INC_FAST_LOOP, the LOOP
          int a = stack[base + (code[pc + 1] & 0xFF)];
          int k = (code[pc + 3] & 0xFF) | code[pc + 4] << 8;
          boolean add = (code[pc + 5] & 0xFF) == Superinstructions.ADD_STORE_FAST;
          int r;
          if ((a & 1) != 0) {
            int x = add ? (a >> 1) + k : (a >> 1) - k;
            if (x <= -Values.SMALL_LIMIT || x >= Values.SMALL_LIMIT) {
              break loop;
            }
            r = (x << 1) | 1;
          } else {
            if (a == 0) {
              break loop;
            }
            t.sp = sp;
            r = arith(add ? ADD : SUB, a, (k << 1) | 1, 0);
            if (r == Values.NULL) {
              break loop;
            }
          }
          stack[base + (code[pc + 7] & 0xFF)] = r;
          boolean loops = (code[pc] & 0xFF) == Superinstructions.INC_FAST_LOOP;
          pc += 8;
          if (loops) {
            if (budget <= 0 || threads != null && threads.attention()) {
              break loop; // at the LOOP: execute's is the safe point
            }
            budget--;
            int target = (code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8;
            opBase += ord[pc + 3] - ord[target];
            pc = target;
          }
          continue;
        }
        case IS:
          stack[sp - 2] = stack[sp - 2] == stack[sp - 1] ? Values.TRUE : Values.FALSE;
          sp--;
          pc++;
          continue;
        case IS_NOT:
          stack[sp - 2] = stack[sp - 2] != stack[sp - 1] ? Values.TRUE : Values.FALSE;
          sp--;
          pc++;
          continue;
        case JUMP: {
          int target = (code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8;
          opBase += ord[pc + 3] - ord[target];
          pc = target;
          continue;
        }
        case LOOP: {
          if (budget <= 0 || threads != null && threads.attention()) {
            break loop; // execute's LOOP is the safe point: it refills the budget, or yields
          }
          budget--;
          int target = (code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8;
          opBase += ord[pc + 3] - ord[target];
          pc = target;
          continue;
        }
        case POP_JUMP_IF_FALSE:
        case POP_JUMP_IF_TRUE: {
          int truth = truthOf(stack[sp - 1]);
          if (truth < 0) {
            break loop;
          }
          sp--;
          if ((truth != 0) == ((code[pc] & 0xFF) == POP_JUMP_IF_TRUE)) {
            int target = (code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8;
            opBase += ord[pc + 3] - ord[target];
            pc = target;
          } else {
            pc += 3;
          }
          continue;
        }
        case JUMP_IF_FALSE_OR_POP:
        case JUMP_IF_TRUE_OR_POP: {
          int v = stack[sp - 1];
          if (v != Values.TRUE && v != Values.FALSE) {
            break loop;
          }
          if ((v == Values.TRUE) == ((code[pc] & 0xFF) == JUMP_IF_TRUE_OR_POP)) {
            int target = (code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8;
            opBase += ord[pc + 3] - ord[target];
            pc = target;
          } else {
            sp--;
            pc += 3;
          }
          continue;
        }
        case FOR_ITER:
        case Superinstructions.FOR_ITER_STORE_FAST: {
          // over a range of small ints, a list or a tuple (Iterators#next does the same in full); the pair
          // stores the value into a local (Superinstructions)
          int r = forIter(stack, sp - 1);
          if (r < 0) {
            break loop;
          }
          if (r == 0) {
            int target = (code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8;
            sp--;
            opBase += ord[pc + 3] - ord[target];
            pc = target;
          } else if ((code[pc] & 0xFF) == FOR_ITER) {
            sp++;
            pc += 3;
          } else {
            stack[base + (code[pc + 4] & 0xFF)] = stack[sp];
            pc += 5;
          }
          continue;
        }
        case Superinstructions.LOAD_FAST_LOAD_FAST: {
          int a = stack[base + (code[pc + 1] & 0xFF)];
          int b = stack[base + (code[pc + 3] & 0xFF)];
          if (a == 0 || b == 0) {
            break loop;
          }
          stack[sp] = a;
          stack[sp + 1] = b;
          sp += 2;
          pc += 4;
          continue;
        }
        case Superinstructions.LOAD_FAST_SMALL_INT: {
          int a = stack[base + (code[pc + 1] & 0xFF)];
          if (a == 0) {
            break loop;
          }
          stack[sp] = a;
          stack[sp + 1] = (((code[pc + 3] & 0xFF) | code[pc + 4] << 8) << 1) | 1;
          sp += 2;
          pc += 5;
          continue;
        }
        case Superinstructions.STORE_FAST_LOAD_FAST: {
          stack[base + (code[pc + 1] & 0xFF)] = stack[--sp];
          int v = stack[base + (code[pc + 3] & 0xFF)];
          if (v == 0) {
            pc += 2; // the store is done: execute runs the load, which raises
            break loop;
          }
          stack[sp++] = v;
          pc += 4;
          continue;
        }
        case CALL:
        case CALL_METHOD: {
          // a native, or a plain Python function called with positional arguments only, trailing
          // ones left to its defaults: its frame pushed here (Interpreter#call)
          int op = code[pc] & 0xFF;
          int n = code[pc + 1] & 0xFF;
          if (jit != null) { // the profile is the compiler's
            ci.callees[pc] = seen(ci.callees[pc], stack[calleeSlot(op, n, sp)]);
          }
          int r = call(t, entryFp, op, n, pc, sp, budget, opBase, ord);
          if (r > 0) {
            break loop; // execute's call: the safe point, or a call fast does not make
          }
          if (r < 0) {
            return r;
          }
          budget--;
          sp -= op == CALL ? n : n + 1; // the native's result where the function was
          pc += 2;
          continue;
        }
        case RETURN_VALUE: {
          // from a plain frame, or an __init__ that returns None, to its Python caller; the run's
          // own entry frame returns in execute
          int r = ret(t, entryFp, pc, sp, budget, opBase, ord);
          if (r > 0) {
            break loop;
          }
          return r;
        }
        default:
          break loop;
      }
    }
    t.sp = sp;
    t.budget = budget;
    t.opBase = opBase;
    return pc;
  }



  // ---- for compiled code (Jit) -------------------------------------------------------------------
  //
  // Compiled code keeps fast's contract and its fast paths; the ones that are more than a few loads
  // are here, called with constant operands, so that C2 inlines them into each compiled method.
  // Each returns a refusal (0, -1 or false, as it says) where fast would stop: the compiled code
  // then returns that instruction's pc, not executed, and execute runs it in full.

  /** Which kernel preempts {@code t} at safe points: none (null) in a nested run. */
  Threads preemptor(PyThread t) {
    return t.nativeDepth == 0 ? rt.threads : null;
  }

  /**
   * The OS whose attention flag {@code t}'s safe points read ({@link Threads#attention}): none
   * (null) in a nested run. {@link #os} itself, not the threads' own reference to it: compiled
   * code reads it at each call and return, and each hop of a chain of fields is a load C2 cannot
   * hoist out of a frame it has just entered.
   */
  Vosal watcher(PyThread t) {
    return t.nativeDepth == 0 ? os : null;
  }

  int builtin(int slot) {
    return w[rt.builtinsBase + slot];
  }

  int nativeValue(int i) {
    return rt.imageNatives[i];
  }

  int exceptionClass(int i) {
    return rt.excClass[i];
  }

  /**
   * {@code a + b} or {@code a - b} (op ADD, IADD, SUB or ISUB) as fast computes it: small ints
   * inline (a result past the small range boxed by {@link #arith}); otherwise {@link #arith}, after
   * {@code t.sp = sp} (the operands are below sp, where a collection sees them). NULL: refused.
   */
  int addSub(PyThread t, int sp, int op, int a, int b, int temps, int into) {
    ownable = 0;
    if ((a & b & 1) != 0) {
      int r = smallAddSub(op, a, b);
      if (r != Values.NULL) {
        return r;
      }
      // past the small range: arith boxes it. Not refused: a refusal leaves compiled code at a
      // branch C2 saw never taken, and costs a recompilation of the method (a sum that grows past
      // 2^30 once per run did it to the strings benchmark's main loop)
    } else if (bothFloats(a, b)) {
      double x = Floats.load(w, a);
      double y = Floats.load(w, b);
      t.sp = sp;
      return floatResult(op == ADD || op == IADD ? x + y : x - y, temps, a, b, into);
    }
    t.sp = sp;
    return arith(op, a, b, temps);
  }

  /**
   * A new float box holding {@code d}, for a float statement of compiled code (Jit#floatStatement),
   * after {@code t.sp = sp}: the statement's operands are locals, below sp; 0 when the heap cannot
   * give one (the statement then runs in full, and raises there).
   */
  int newFloat(PyThread t, int sp, double d) {
    t.sp = sp;
    return rt.heap.allocBits64(Types.FLOAT, Double.doubleToRawLongBits(d));
  }

  /**
   * A new int box holding {@code v} (past the small range), for an int statement of compiled code
   * (Jit#intStatement), after {@code t.sp = sp}: the statement's operands are locals, below sp; 0
   * when the heap cannot give one (the statement then runs in full, and raises there).
   */
  int newInt(PyThread t, int sp, long v) {
    t.sp = sp;
    return rt.heap.allocBits64(Types.INT, v);
  }

  /**
   * {@link #binaryOp} for a compiled site outside the function's innermost loops: the same result
   * through {@link #arith}, which C2 never inlines, so the site spends none of the compiled
   * method's inlining budget (see Jit#innermost).
   */
  int binaryOpAway(PyThread t, int sp, int op, int a, int b, int temps) {
    t.sp = sp;
    return arith(op, a, b, temps);
  }

  /** {@link #addSub} for a compiled site outside the function's innermost loops: see {@link #binaryOpAway}. */
  int addSubAway(PyThread t, int sp, int op, int a, int b, int temps) {
    if ((a & b & 1) != 0) {
      int r = smallAddSub(op, a, b);
      if (r != Values.NULL) {
        return r; // else boxed by arith, as addSub does
      }
    }
    t.sp = sp;
    return arith(op, a, b, temps);
  }

  /** {@code a + b} or {@code a - b} (op ADD, IADD, SUB or ISUB) of two small ints; NULL past small. */
  private static int smallAddSub(int op, int a, int b) {
    int x = op == ADD || op == IADD ? (a >> 1) + (b >> 1) : (a >> 1) - (b >> 1);
    return x <= -Values.SMALL_LIMIT || x >= Values.SMALL_LIMIT ? Values.NULL : (x << 1) | 1;
  }

  /** Whether {@code a} and {@code b} are both float objects. */
  private boolean bothFloats(int a, int b) {
    return Floats.isBox(w, a) && Floats.isBox(w, b);
  }

  /**
   * Any other operator of {@link #arith}, after {@code t.sp = sp}. NULL: refused. Two floats with
   * {@code * + - /} (the case float code is made of; {@link #addSub} comes here when an operand is
   * no small int) are computed here, in few enough bytecodes for C2 to inline at each compiled
   * call site with {@code op} a constant: mandelbrot −20 %, nbody −4 to −8 % against arith's path.
   */
  int binaryOp(PyThread t, int sp, int op, int a, int b, int temps, int into) {
    ownable = 0;
    t.sp = sp;
    int base = op >= IADD ? op - (IADD - ADD) : op;
    if (base <= TRUEDIV && bothFloats(a, b)) {
      double x = Floats.load(w, a);
      double y = Floats.load(w, b);
      if (base == TRUEDIV && y == 0) {
        return Values.NULL; // execute raises ZeroDivisionError
      }
      return floatResult(base == MUL ? x * y : base == ADD ? x + y : base == SUB ? x - y : x / y, temps, a, b, into);
    }
    return (a & b & 1) != 0 ? smallIntProduct(op, base, a, b, temps) : arith(op, a, b, temps);
  }

  /**
   * The float result of compiled arithmetic on two floats, boxed: in {@code into} when it is not 0
   * (a float box the local the result goes to owns: Jit#ownedLocals); else in an operand that
   * {@code temps} says is a temporary and is the box this run made last ({@link #fresh}); else in a
   * new box (0 when the heap cannot give one). Each of these only the result's stack slot will
   * refer to ({@link #ownable}). As {@link #floatBox}, without its type test (both operands are
   * floats), in fewer bytecodes: each compiled operator inlines it.
   */
  private int floatResult(double r, int temps, int a, int b, int into) {
    int box = into != 0 ? into
        : (temps & Superinstructions.LEFT_TEMP) != 0 && a == fresh ? a
        : (temps & Superinstructions.RIGHT_TEMP) != 0 && b == fresh ? b : 0;
    if (box == 0) {
      box = fresh = rt.heap.allocBits64(Types.FLOAT, Double.doubleToRawLongBits(r));
      if (box == 0) {
        return 0;
      }
    } else {
      Floats.store(w, box, r);
    }
    ownable = 1;
    return box;
  }

  /**
   * {@link #binaryOp} of two small ints: {@code * // %} (int code's other commonest case) in long,
   * where no 31-bit operands overflow; anything else, and a result past small, by {@link #arith}.
   * Apart, so that float code, whose sites inline binaryOp, does not pay for it in bytecode.
   */
  private int smallIntProduct(int op, int base, int a, int b, int temps) {
    if ((base == MUL || base == FLOORDIV || base == MOD) && b != Values.ZERO) {
      long x = a >> 1;
      long y = b >> 1;
      long r = base == MUL ? x * y : base == FLOORDIV ? Math.floorDiv(x, y) : Math.floorMod(x, y);
      if (r > -Values.SMALL_LIMIT && r < Values.SMALL_LIMIT) {
        return ((int) r << 1) | 1;
      }
    }
    return arith(op, a, b, temps);
  }

  /** The truth of a value that POP_JUMP_IF_* tests on fast's paths: 1, 0, or -1 (refused). */
  static int truthOf(int v) {
    if (v == Values.TRUE || v == Values.FALSE || v == Values.NONE) {
      return v == Values.TRUE ? 1 : 0;
    }
    if ((v & 1) != 0) {
      return v != Values.ZERO ? 1 : 0;
    }
    return -1;
  }

  /** {@code obj.name} at LOAD_ATTR {@code pc} through its inline cache, as fast reads it; 0: refused. */
  int cachedAttr(CodeInfo ci, int pc, int obj) {
    if ((obj & 3) != 0 || obj == 0) {
      return 0;
    }
    int type = w[(obj >> 2) + 1] & 0xFF;
    int[] ic = ci.ic;
    int key;
    if (type == Types.INSTANCE) {
      int cls = w[(obj >> 2) + 2];
      int e = icEntry(ic, pc << 2, cls, rt.classEpoch);
      if (e >= 0) {
        int attrs = w[(obj >> 2) + 3];
        int idx = ic[e + 2];
        return attrs != 0 && idx < ((w[attrs >> 2] & 0x07FF_FFFF) << 1) - 2 ? w[(attrs >> 2) + 2 + idx] : 0;
      }
      key = cls | 1;
    } else if (type == Types.CLASS) {
      key = obj | 2;
    } else {
      return 0;
    }
    int k = icEntry(ic, pc << 2, key, rt.classEpoch);
    return k >= 0 ? ic[k + 2] : 0;
  }

  /** {@code obj.name = v} at STORE_ATTR {@code pc} through its inline cache; false: refused. */
  boolean storeCachedAttr(CodeInfo ci, int pc, int obj, int v) {
    if ((obj & 3) != 0 || obj == 0 || (w[(obj >> 2) + 1] & 0xFF) != Types.INSTANCE) {
      return false;
    }
    int k = icEntry(ci.ic, pc << 2, w[(obj >> 2) + 2], rt.classEpoch);
    if (k < 0) {
      return false;
    }
    int attrs = w[(obj >> 2) + 3];
    int idx = ci.ic[k + 2];
    if (attrs == 0 || idx >= ((w[attrs >> 2] & 0x07FF_FFFF) << 1) - 2) {
      return false;
    }
    w[(attrs >> 2) + 2 + idx] = v;
    return true;
  }

  /**
   * LOAD_METHOD at {@code pc} through its inline cache, the object at {@code stack[top]}: writes the
   * function there and the self (or the NULL marker) above it; false: refused, nothing written.
   */
  boolean cachedMethod(CodeInfo ci, int pc, int[] stack, int top) {
    int obj = stack[top];
    if ((obj & 3) != 0 || obj == 0) {
      return false;
    }
    int type = w[(obj >> 2) + 1] & 0xFF;
    int key = type == Types.INSTANCE ? w[(obj >> 2) + 2] : type == Types.CLASS ? obj | 2 : rt.typeClass[type];
    int k = icEntry(ci.ic, pc << 2, key, rt.classEpoch);
    if (k < 0) {
      return false;
    }
    stack[top] = ci.ic[k + 2];
    stack[top + 1] = (key & 2) == 0 ? obj : Values.NULL;
    return true;
  }

  /**
   * GET_ITER of a list or a tuple, for compiled code: its iterator, after {@code t.sp = sp} (a
   * collection sees the sequence); 0 where execute must make it (another type, a heap that cannot
   * give it: execute collects and raises MemoryError).
   */
  int seqIter(PyThread t, int sp, int v) {
    if ((v & 3) != 0 || v == 0) {
      return 0;
    }
    int type = w[(v >> 2) + 1] & 0xFF;
    if (type != Types.LIST && type != Types.TUPLE) {
      return 0;
    }
    t.sp = sp;
    int it = rt.heap.allocSlots(Types.ITERATOR, 3);
    if (it != 0) {
      int i = Runtime.at(it);
      w[i] = v;
      w[i + 1] = Values.ZERO;
      w[i + 2] = Values.NONE;
      rt.setFlags(it, Iterators.SEQ);
    }
    return it;
  }

  /**
   * {@code c[start:stop]} of a str, list or tuple whose bounds are small ints or None, as BUILD_SLICE 2
   * and LOAD_SUBSCR make it, without the slice object: the compiled code's path. NULL where execute
   * must run the two: another type or bound, or a heap that cannot hold the piece. {@code sp} is the
   * depth above the three operands, so a collection sees them.
   */
  int sliceOf(PyThread t, int sp, int c, int start, int stop) {
    boolean bounds = ((start & 1) != 0 || start == Values.NONE) && ((stop & 1) != 0 || stop == Values.NONE);
    if ((c & 3) != 0 || c == 0 || !bounds) {
      return Values.NULL;
    }
    int type = w[(c >> 2) + 1] & 0xFF;
    if (type != Types.STR && type != Types.LIST && type != Types.TUPLE) {
      return Values.NULL;
    }
    int len = type == Types.STR ? rt.strs.length(c) : rt.lists.length(c);
    int from = start == Values.NONE ? 0 : (int) Operators.sliceBound(start >> 1, len, false);
    int to = stop == Values.NONE ? len : (int) Operators.sliceBound(stop >> 1, len, false);
    t.sp = sp;
    return type == Types.STR ? rt.strs.trySubstring(c, from, Math.max(from, to))
        : rt.lists.trySlice(c, from, 1, Math.max(0, to - from));
  }

  /**
   * BUILD_TUPLE ({@code tuple}) or BUILD_LIST of the {@code n} values at {@code stack[from]}, for the
   * compiled code; NULL where execute must build it (an empty tuple, a heap that cannot hold it).
   */
  int build(PyThread t, boolean tuple, int from, int n) {
    t.sp = from + n; // a collection sees the values
    return rt.lists.tryFromStack(t.stack, from, n, tuple);
  }

  /**
   * {@code c[i]} for a list, tuple or ASCII str and a small int in range, or a dict and a small-int
   * or str key it holds (Dicts#findPlain); 0: refused.
   */
  int subscr(int c, int i) {
    if ((i & 1) != 0) {
      int v = item(w, c, i >> 1);
      if (v != 0) {
        return v;
      }
    }
    int ix = isDict(c) ? rt.dicts.findPlain(c, i) : -1;
    return ix >= 0 ? rt.dicts.valueAt(c, ix) : 0;
  }

  /**
   * The heap word of {@code c[i]} for a list and a small int in range, or for a dict and a
   * small-int or str key it holds already (a new key may resize the dict: execute); -1: refused.
   */
  int subscrSlot(int c, int i) {
    if ((i & 1) != 0) {
      int slot = listSlot(w, c, i >> 1);
      if (slot >= 0) {
        return slot;
      }
    }
    int ix = isDict(c) ? rt.dicts.findPlain(c, i) : -1;
    return ix >= 0 ? rt.dicts.valueSlot(c, ix) : -1;
  }

  /**
   * {@code a in b} (op IN) or {@code a not in b} (NOT_IN) for a dict {@code b} and a small-int or str
   * key: 1 true, 0 false, -1 refused.
   */
  int containment(int op, int a, int b) {
    int ix = isDict(b) ? rt.dicts.findPlain(b, a) : Dicts.NOT_PLAIN;
    if (ix == Dicts.NOT_PLAIN) {
      return -1;
    }
    return (ix >= 0) == (op == IN) ? 1 : 0;
  }

  /**
   * EXC_MATCH of exception {@code exc} against {@code spec} when the spec is one exception class:
   * 1 a match, 0 none; -1 refused (a tuple, or anything else, which execute matches or rejects).
   */
  int exceptionMatch(int exc, int spec) {
    if ((spec & 3) != 0 || spec == 0 || !rt.classes.isClass(spec) || !rt.classes.isExceptionClass(spec)) {
      return -1;
    }
    return rt.classes.isSubclass(rt.classOf(exc), spec) ? 1 : 0;
  }

  private boolean isDict(int v) {
    return (v & 3) == 0 && v != 0 && (w[(v >> 2) + 1] & 0xFF) == Types.DICT;
  }

  /**
   * FOR_ITER over a range of small ints, a list or a tuple, the iterator at {@code stack[top]}:
   * 1 with the next item written above it, 0 when exhausted, -1 refused.
   */
  int forIter(int[] stack, int top) {
    int it = stack[top];
    if ((it & 3) != 0 || it == 0) {
      return -1;
    }
    int kind = w[(it >> 2) + 1] & 0xFFFF;
    int ii = (it >> 2) + 2;
    if (kind == (Types.ITERATOR | Iterators.RANGE << 8)) {
      int cur = w[ii];
      int stop = w[ii + 1];
      int step = w[ii + 2];
      if ((cur & stop & step & 1) == 0) {
        return -1;
      }
      if (step > 0 ? cur >= stop : cur <= stop) {
        return 0;
      }
      int n = (cur >> 1) + (step >> 1);
      if (n <= -Values.SMALL_LIMIT || n >= Values.SMALL_LIMIT) {
        return -1;
      }
      w[ii] = (n << 1) | 1;
      stack[top + 1] = cur;
      return 1;
    }
    if (kind == (Types.ITERATOR | Iterators.SEQ << 8)) {
      int seq = w[ii];
      int h = seq >> 2;
      int type = w[h + 1] & 0xFF;
      if (w[ii + 2] == Values.TRUE || type != Types.LIST && type != Types.TUPLE) {
        return -1;
      }
      int index = w[ii + 1] >> 1;
      boolean list = type == Types.LIST;
      if (index >= (list ? w[h + 2] >> 1 : ObjectHeader.payloadBytes(w[h], w[h + 1]) >> 2)) {
        return 0;
      }
      w[ii + 1] = ((index + 1) << 1) | 1;
      stack[top + 1] = list ? w[(w[h + 3] >> 2) + 2 + index] : w[h + 2 + index];
      return 1;
    }
    return -1;
  }

  /**
   * CALL or CALL_METHOD ({@code op}, {@code n} arguments) at {@code pc}, the stack at {@code sp},
   * as fast makes it: 0 when a native was called and its result is on the stack (the caller counts
   * the safe point: budget - 1); -1 when a Python frame was pushed, -2 when a native parked the
   * thread (both with the thread's sp, budget and count set, to be returned as they are); 1 refused.
   */
  int call(PyThread t, int entryFp, int op, int n, int pc, int sp, int budget, int opBase, int[] ord) {
    // The commonest call first, in a method small enough for C2 to inline into a compiled call
    // site (whose op, n and pc are constants): a plain function given exactly its parameters.
    // Everything else goes to callSlow, which starts over.
    final int[] stack = t.stack;
    int fslot = calleeSlot(op, n, sp);
    int argBase = firstArg(op, stack, fslot);
    int f = stack[fslot];
    if ((f & 3) != 0 || f == 0 || (w[(f >> 2) + 1] & 0xFF) != Types.FUNCTION) {
      return callSlow(t, entryFp, op, n, pc, sp, budget, opBase, ord);
    }
    CodeInfo c = codes[w[(f >> 2) + 2] >> 1];
    if (c.plainArgs != sp - argBase || !roomFor(t, c, argBase) || safePointDue(t, budget)) {
      return callSlow(t, entryFp, op, n, pc, sp, budget, opBase, ord);
    }
    pushFrame(t, c, f, fslot, argBase, pc + 2, Frame.NORMAL, 0, budget, opBase + ord[pc + 2]);
    return -1;
  }

  /** The most keyword arguments {@link #callKw} binds; a call with more goes through execute. */
  private static final int MAX_KW = 8;
  private final int[] kwParam = new int[MAX_KW];
  private final int[] kwValue = new int[MAX_KW];

  /**
   * CALL_KW at {@code pc} ({@code n} positional arguments, then {@code k} name and value pairs),
   * the stack at {@code sp}, as compiled code makes it: a plain Python function (no {@code *args},
   * {@code **kwargs}, keyword-only parameters, cells) whose parameters take every argument, the
   * positional ones first, the keywords by name, its defaults the rest. Binds them in place and
   * pushes its frame: -1, the thread's sp, budget and count set, as {@link #call}. 1 refused,
   * nothing changed, for execute's full call: any other callee, a binding that raises (an unknown
   * or repeated name, a parameter left without a value). No safe point, as in execute.
   */
  int callKw(PyThread t, int n, int k, int pc, int sp, int budget, int opBase, int[] ord) {
    final int[] stack = t.stack;
    int fslot = sp - 2 * k - n - 1;
    int f = stack[fslot];
    if ((f & 3) != 0 || f == 0 || (w[(f >> 2) + 1] & 0xFF) != Types.FUNCTION || k > MAX_KW) {
      return 1;
    }
    CodeInfo c = codes[w[(f >> 2) + 2] >> 1];
    int nparams = c.argCount;
    int argBase = fslot + 1;
    if (!c.simple || n > nparams || nparams > 31 || !roomFor(t, c, argBase)) {
      return 1;
    }
    int[] names = c.co.localNames();
    int bound = (1 << n) - 1; // a bit per parameter that has its value
    for (int j = 0; j < k; j++) {
      int name = stack[argBase + n + 2 * j] >> 1;
      int i = 0;
      while (i < nparams && names[i] != name) {
        i++;
      }
      if (i == nparams || (bound & 1 << i) != 0) {
        return 1; // execute raises the TypeError
      }
      bound |= 1 << i;
      kwParam[j] = i;
      kwValue[j] = stack[argBase + n + 2 * j + 1];
    }
    int defaults = w[(f >> 2) + 2 + Classes.FN_DEFAULTS];
    int nd = rt.calls.defaultCount(defaults);
    for (int i = n; i < nparams - nd; i++) {
      if ((bound & 1 << i) == 0) {
        return 1; // a missing argument: execute raises
      }
    }
    for (int i = Math.max(n, nparams - nd); i < nparams; i++) {
      stack[argBase + i] = w[(defaults >> 2) + 2 + i - (nparams - nd)];
    }
    for (int j = 0; j < k; j++) {
      stack[argBase + kwParam[j]] = kwValue[j];
    }
    // no safe point, as execute's CALL_KW: the budget stays as it was
    pushFrame(t, c, f, fslot, argBase, pc + 3, Frame.NORMAL, 0, budget + 1, opBase + ord[pc + 3]);
    return -1;
  }

  /** A call site's profile ({@link CodeInfo#callees}) {@code profile} once it has also called {@code f}. */
  private int seen(int profile, int f) {
    if (Values.isNative(f)) {
      return profile | CodeInfo.CALLED_NATIVE;
    }
    int before = profile >>> CodeInfo.CODE_SHIFT;
    int flags = (profile | CodeInfo.CALLED_OTHER) & (CodeInfo.CALLED_MASK | CodeInfo.CALLED_CLASS);
    if (before == CodeInfo.SEVERAL_CODES) {
      return profile | CodeInfo.CALLED_OTHER;
    }
    int type = (f & 3) == 0 && f != 0 ? w[(f >> 2) + 1] & 0xFF : -1;
    int fn = type == Types.FUNCTION ? f : type == Types.CLASS ? rt.calls.plainInit(f) : Values.NULL;
    boolean viaClass = type == Types.CLASS;
    if (fn == Values.NULL || before != 0 && viaClass != ((profile & CodeInfo.CALLED_CLASS) != 0)) {
      return flags | CodeInfo.SEVERAL_CODES << CodeInfo.CODE_SHIFT;
    }
    int code = w[(fn >> 2) + 2] >> 1;
    int now = before == 0 || before == code + 1 ? code + 1 : CodeInfo.SEVERAL_CODES;
    return flags | (viaClass ? CodeInfo.CALLED_CLASS : 0) | now << CodeInfo.CODE_SHIFT;
  }

  /**
   * CALL or CALL_METHOD at a compiled call site that has checked its callee {@code f} (at
   * {@code fslot}) to be a function of code object {@code k}, the one its profile saw, and that
   * {@code k} takes the arguments from {@code argBase}, its last {@code missing} parameters left to
   * its defaults (Jit, knownCall): {@link #call} and {@link #callSlow} without the checks the site
   * has made, {@code k} and {@code missing} constants there. Pushes the frame, which goes on at
   * {@code after} once it returns: -1, as call; 1 refused (no room, a safe point due, too few
   * defaults), nothing changed, for execute's call.
   */
  int callKnown(PyThread t, int f, int fslot, int argBase, int k, int missing, int after, int budget,
      int opBaseAfter) {
    CodeInfo c = codes[k];
    if (!roomFor(t, c, argBase) || safePointDue(t, budget)) {
      return 1;
    }
    if (missing > 0) {
      int from = defaultsFor(f, missing);
      if (from < 0) {
        return 1; // execute's binding raises the TypeError
      }
      System.arraycopy(w, from, t.stack, argBase + c.argCount - missing, missing);
    }
    pushFrame(t, c, f, fslot, argBase, after, Frame.NORMAL, 0, budget, opBaseAfter);
    return -1;
  }

  /**
   * CALL at a compiled call site that has checked its callee {@code cls} (at {@code fslot}) to be a
   * class, its profile having seen classes whose {@code __init__} is of code object {@code k}, which
   * takes the self and the arguments up to {@code sp} (Jit, knownCall): a new instance and the
   * frame of its {@code __init__}, which returns the instance (as {@link #callSlow} makes them),
   * with the class's {@code __init__} kept in the site's inline cache (a class is never collected,
   * and the class epoch says when a namespace changed). -1 with the frame pushed, as call; 1
   * refused, nothing changed: another {@code __init__}, a builtin or exception class, no room, a
   * safe point due, or a heap that cannot give the instance, for the general call.
   */
  int callInit(CodeInfo ci, PyThread t, int cls, int fslot, int k, int pc, int sp, int budget, int opBaseAfter) {
    int[] ic = ci.ic;
    int e = pc * CodeInfo.IC_WORDS;
    int init;
    if (ic[e] == cls && ic[e + 1] == rt.classEpoch) {
      init = ic[e + 2];
    } else {
      init = rt.calls.plainInit(cls);
      if (init == Values.NULL || w[(init >> 2) + 2] >> 1 != k) {
        return 1;
      }
      ic[e] = cls;
      ic[e + 1] = rt.classEpoch;
      ic[e + 2] = init;
    }
    CodeInfo c = codes[k];
    int argBase = fslot + 1;
    if (!roomFor(t, c, argBase) || safePointDue(t, budget)) {
      return 1;
    }
    t.sp = sp; // a collection sees the class and the arguments
    int self = rt.classes.tryNewInstance(cls);
    if (self == Values.NULL) {
      return 1; // execute's call collects and raises MemoryError
    }
    insertSelf(t.stack, argBase, sp - argBase, self);
    pushFrame(t, c, init, fslot, argBase, pc + 2, Frame.INIT, self, budget, opBaseAfter);
    return -1;
  }

  /**
   * Default {@code j} of the last {@code missing} of function {@code f}'s parameters, for a leaf
   * computed at its call site (Jit, inlineLeaf); 0 when {@code f} has fewer defaults than that
   * (the call raises).
   */
  int defaultArg(int f, int missing, int j) {
    int from = defaultsFor(f, missing);
    return from < 0 ? 0 : w[from + j];
  }

  /**
   * The word index of the defaults of function {@code f}'s last {@code missing} parameters (they
   * follow one another), or -1 when it has fewer defaults than that.
   */
  private int defaultsFor(int f, int missing) {
    int defaults = w[(f >> 2) + 2 + Classes.FN_DEFAULTS];
    int nd = rt.calls.defaultCount(defaults);
    return nd < missing ? -1 : (defaults >> 2) + 2 + nd - missing;
  }

  /** Moves the {@code argc} arguments from {@code argBase} up one slot and puts {@code self} before them. */
  private static void insertSelf(int[] stack, int argBase, int argc, int self) {
    System.arraycopy(stack, argBase, stack, argBase + 1, argc);
    stack[argBase] = self;
  }

  /** Whether the thread's frames and value stack have room for a frame of {@code c} based at {@code argBase}. */
  private static boolean roomFor(PyThread t, CodeInfo c, int argBase) {
    return t.fp + 2 * Frame.WORDS <= t.frames.length && argBase + c.frameWords <= t.stack.length;
  }

  /**
   * Pushes the frame of function {@code f} (code {@code c}) called by the thread's frame, which
   * goes on at {@code after} once it returns, its arguments bound from {@code argBase} and its
   * result going to {@code fslot}; sets the thread's sp, budget (one safe point spent) and count
   * ({@code opBaseAfter}, past the call).
   */
  private void pushFrame(PyThread t, CodeInfo c, int f, int fslot, int argBase, int after, int kind, int extra,
      int budget, int opBaseAfter) {
    final int[] stack = t.stack;
    final int[] fr = t.frames;
    int fp = t.fp;
    fr[fp + Frame.PC] = after;
    for (int i = argBase + c.argCount, e = argBase + c.localCount; i < e; i++) {
      stack[i] = 0;
    }
    int nfp = fp + Frame.WORDS;
    fr[nfp + Frame.CODE] = c.index;
    fr[nfp + Frame.PC] = 0;
    fr[nfp + Frame.BASE] = argBase;
    fr[nfp + Frame.RET] = fslot;
    fr[nfp + Frame.FUNC] = f;
    fr[nfp + Frame.GLOBALS] = w[(f >> 2) + 2 + Classes.FN_GLOBALS];
    fr[nfp + Frame.KIND] = kind;
    fr[nfp + Frame.EXTRA] = extra;
    t.fp = nfp;
    t.sp = argBase + c.localCount;
    t.budget = budget - 1;
    t.opBase = opBaseAfter;
  }

  /** {@link #call} for every other callee and case: natives, bound methods, classes, defaults, refusals. */
  private int callSlow(PyThread t, int entryFp, int op, int n, int pc, int sp, int budget, int opBase, int[] ord) {
    if (safePointDue(t, budget)) {
      return 1; // execute's call is the safe point
    }
    final int[] stack = t.stack;
    int fslot = calleeSlot(op, n, sp);
    int argBase = firstArg(op, stack, fslot);
    int argc = sp - argBase;
    int f = stack[fslot];
    if (Values.isNative(f)) {
      return callNative(t, Values.nativeId(f), fslot, argBase, argc, pc, sp, budget, opBase);
    }
    if ((f & 3) != 0 || f == 0) {
      return 1;
    }
    // a bound method kept in a variable (add = counter.add; add(v)), or a user class with a Python
    // __init__: its function, with a self as the first argument (as Calls#call and #instantiate)
    int self = 0;
    boolean construct = false;
    int type = w[(f >> 2) + 1] & 0xFF;
    if (type == Types.METHOD && op == CALL) {
      self = w[Runtime.at(f) + 1];
      f = w[Runtime.at(f)];
    } else if (type == Types.CLASS && op == CALL) {
      int ctor = rt.calls.builtinConstructor(f); // int(s), str(i), list(it): a native makes it
      if (ctor >= 0) {
        return callNative(t, ctor, fslot, argBase, argc, pc, sp, budget, opBase);
      }
      f = rt.calls.plainInit(f);
      construct = true;
    }
    if ((f & 3) != 0 || f == 0 || (w[(f >> 2) + 1] & 0xFF) != Types.FUNCTION) {
      return 1;
    }
    CodeInfo c = codes[w[(f >> 2) + 2] >> 1];
    boolean shifted = self != 0 || construct;
    if (shifted) {
      argc++;
    }
    if (c.varargsOnly && !construct && argc > c.argCount) {
      return callVarargs(t, c, f, fslot, argBase, argc, self, pc, sp, budget, opBase, ord);
    }
    int missing = c.argCount - argc; // trailing parameters the defaults must supply
    if (!c.simple || missing < 0 || !roomFor(t, c, argBase)) {
      return 1;
    }
    int from = missing > 0 ? defaultsFor(f, missing) : 0;
    if (from < 0) {
      return 1; // execute's binding raises the TypeError
    }
    if (construct) {
      t.sp = sp; // a collection sees the class and the arguments
      self = rt.classes.tryNewInstance(stack[fslot]);
      if (self == Values.NULL) {
        return 1; // execute's call collects and raises MemoryError
      }
    }
    if (shifted) {
      insertSelf(stack, argBase, argc - 1, self);
    }
    if (missing > 0) {
      System.arraycopy(w, from, stack, argBase + argc, missing);
    }
    // an __init__ frame returns the new instance (EXTRA)
    pushFrame(t, c, f, fslot, argBase, pc + 2, construct ? Frame.INIT : Frame.NORMAL, construct ? self : 0, budget,
        opBase + ord[pc + 2]);
    return -1;
  }

  /**
   * {@link #callSlow} of a function whose only other parameter is {@code *args}, given more
   * arguments than its positional parameters ({@code argc}, the self of a bound method counted):
   * the rest become the tuple in its {@code *args} local, and its frame is pushed, -1; 1 refused
   * (no room, a heap that cannot give the tuple; none is made for no extra arguments), for
   * execute's full call. The stack is changed only once the tuple is made.
   */
  private int callVarargs(PyThread t, CodeInfo c, int f, int fslot, int argBase, int argc, int self, int pc, int sp,
      int budget, int opBase, int[] ord) {
    if (!roomFor(t, c, argBase)) {
      return 1;
    }
    final int[] stack = t.stack;
    int extra = argc - c.argCount;
    t.sp = sp; // a collection sees the arguments
    int tuple = rt.lists.tryFromStack(stack, sp - extra, extra, true); // the last ones, shifted or not
    if (tuple == Values.NULL) {
      return 1;
    }
    if (self != 0) {
      insertSelf(stack, argBase, argc - 1, self);
    }
    pushFrame(t, c, f, fslot, argBase, pc + 2, Frame.NORMAL, 0, budget, opBase + ord[pc + 2]);
    stack[argBase + c.argCount] = tuple;
    return -1;
  }

  /**
   * After compiled code of code object {@code callerCode} has pushed a Python frame: the callee's
   * compiled code, for the call site to run it itself (Jit, direct calls), or null when execute
   * must: the callee is not compiled yet (execute counts its entries), runs the caller's own code
   * (the caller's method goes on into the frame itself), or the frame lies more than
   * {@link #MAX_DIRECT_FRAMES} above the run's entry frame. Each direct call nests a JVM frame
   * above a Python frame of its own, so that bound is the bound on the JVM stack they take per
   * run, nested runs (a native calling Python) included.
   */
  Compiled directCallee(PyThread t, int entryFp, int callerCode) {
    int code = t.frames[t.fp + Frame.CODE];
    return code == callerCode ? null : compiledCallee(t, entryFp, code);
  }

  /**
   * {@link #directCallee} for a call site that knows the callee's code object {@code k}, whose frame
   * it has just pushed (Jit, knownCall): its compiled code, or null (not compiled yet, or too deep).
   */
  Compiled compiledCallee(PyThread t, int entryFp, int k) {
    return t.fp - entryFp > MAX_DIRECT_FRAMES * Frame.WORDS ? null : codes[k].compiled;
  }

  /**
   * What compiled code does after a direct call (Jit, directCall) whose callee's method returned
   * {@code r}, the caller's frame being {@code fp}: 0 when the callee has returned into that frame
   * (go on after the call); else what the caller's method hands on: -1 when the thread is in
   * another frame, -2 parked, and a stop at a pc of the callee's frame (the thread's current one)
   * as {@code -3 - pc}, as Compiled#run says.
   */
  static int directOutcome(int r, PyThread t, int fp) {
    if (r == -1) {
      return t.fp == fp ? 0 : -1;
    }
    return r >= 0 ? -3 - r : r;
  }

  /**
   * RETURN_VALUE at {@code pc} as fast makes it, to a Python caller: -1 with the thread in the
   * caller's frame (sp, budget and count set), or 1 refused (the run's entry frame, an __init__
   * returning other than None, another frame kind, a safe point that must be offered).
   */
  int ret(PyThread t, int entryFp, int pc, int sp, int budget, int opBase, int[] ord) {
    final int[] fr = t.frames;
    final int fp = t.fp;
    int kind = fr[fp + Frame.KIND];
    int v = t.stack[sp - 1];
    if (budget <= -callSlack || fp == entryFp || kind != Frame.NORMAL && (kind != Frame.INIT || v != Values.NONE)) {
      return 1;
    }
    Vosal os = watcher(t);
    if (os != null && os.attention()) {
      return 1;
    }
    if (kind == Frame.INIT) {
      v = fr[fp + Frame.EXTRA];
    }
    int r = fr[fp + Frame.RET];
    t.stack[r] = v;
    t.fp = fp - Frame.WORDS;
    t.sp = r + 1;
    t.budget = budget - 1;
    t.opBase = opBase + ord[pc + 1];
    return -1;
  }

  /**
   * Item {@code n} (negative: from the end) of {@code c} if it is a list or a tuple and {@code n} is
   * in range, or the character if it is a str and the character's one-letter str is made already
   * (ASCII, Strs#cachedChar); else 0, for execute to run the instruction in full. {@code c} 0 (an
   * unbound local) is none of these: the heap's first granule is never an object, and its info word
   * holds only the last mark's epoch, so the type byte read there is 0.
   */
  int item(int[] w, int c, int n) {
    if ((c & 3) != 0) {
      return 0;
    }
    int h = c >> 2;
    switch (w[h + 1] & 0xFF) {
      case Types.LIST: {
        int i = inRange(n, w[h + 2] >> 1);
        return i < 0 ? 0 : w[(w[h + 3] >> 2) + 2 + i];
      }
      case Types.TUPLE: {
        int i = inRange(n, ObjectHeader.payloadBytes(w[h], w[h + 1]) >> 2);
        return i < 0 ? 0 : w[h + 2 + i];
      }
      case Types.STR: {
        int i = inRange(n, rt.strs.length(c));
        return i < 0 ? 0 : rt.strs.cachedChar(rt.strs.charAt(c, i));
      }
      default:
        return 0;
    }
  }

  /** The word of item {@code n} (negative: from the end) of list {@code c}; -1 if c is no list or n is out of range. */
  private static int listSlot(int[] w, int c, int n) {
    if ((c & 3) != 0 || (w[(c >> 2) + 1] & 0xFF) != Types.LIST) {
      return -1;
    }
    int i = inRange(n, w[(c >> 2) + 2] >> 1);
    return i < 0 ? -1 : (w[(c >> 2) + 3] >> 2) + 2 + i;
  }

  /** {@code n} as an index into {@code len} items, negative ones counting from the end; -1 out of range. */
  private static int inRange(int n, int len) {
    int i = n < 0 ? n + len : n;
    return i >= 0 && i < len ? i : -1;
  }

  /**
   * Whether a call made with {@code budget} left must be execute's safe point instead: the budget
   * is spent, or the kernel wants the thread's attention (a preemption, an interrupt, a stop).
   */
  private boolean safePointDue(PyThread t, int budget) {
    if (budget <= -callSlack) {
      return true;
    }
    Vosal os = watcher(t);
    return os != null && os.attention();
  }

  /**
   * The stack slot of the callee of CALL or CALL_METHOD with {@code n} arguments, {@code sp} being
   * the depth above them: CALL_METHOD has a self slot between (NULL when LOAD_METHOD found no
   * bound method, see {@link #firstArg}).
   */
  static int calleeSlot(int op, int n, int sp) {
    return sp - n - (op == CALL ? 1 : 2);
  }

  /** The first argument's slot: the self slot of a CALL_METHOD that has a self, else past it. */
  static int firstArg(int op, int[] stack, int fslot) {
    return op == CALL || stack[fslot + 1] != 0 ? fslot + 1 : fslot + 2;
  }

  /**
   * Native {@code id} called by the CALL or CALL_METHOD at {@code pc}, as Calls#call calls one: its
   * result replaces the callee at {@code fslot} (0), or the thread is parked in it (-2). If it raises,
   * execute's catch must unwind from this call's pc with the caller's budget and count, which a
   * nested run inside the native may have overwritten on the thread: they are put back on the way
   * out ({@link #nativeRaised}). Compiled code makes such calls itself: see {@link #nativeAt}.
   */
  private int callNative(PyThread t, int id, int fslot, int argBase, int argc, int pc, int sp, int budget,
      int opBase) {
    t.frames[t.fp + Frame.PC] = pc + 2;
    t.sp = sp;
    int r;
    try {
      r = rt.natives.call(rt, id, argBase, argc, argBase + argc, 0);
    } catch (PyRaise e) {
      throw nativeRaised(e, t, pc, budget, opBase);
    }
    if (r == Values.BLOCKED) {
      return nativeBlocked(t, fslot, id, argBase, argc, budget, opBase);
    }
    t.stack[fslot] = r;
    return 0;
  }

  /** The raise of a native called at {@code pc}, once the thread says where execute must unwind from. */
  PyRaise nativeRaised(PyRaise e, PyThread t, int pc, int budget, int opBase) {
    t.fastPc = pc + 2;
    t.budget = budget - 1;
    t.opBase = opBase;
    return e;
  }

  /** A native that answered BLOCKED: the thread waits in it (execute calls it again), -2. */
  private int nativeBlocked(PyThread t, int fslot, int id, int argBase, int argc, int budget, int opBase) {
    t.blockIn(fslot, id, argBase, argc, 0);
    t.budget = budget - 1;
    t.opBase = opBase;
    return -2;
  }

  /** Where the native that {@link #nativeAt} returned finds its arguments. */
  int nativeArgBase;

  /**
   * The first half of a native call that compiled code makes itself, so that the interface call
   * ({@link NativeFn#call}) sits at the call site, whose own type profile then sees one native (a
   * shared call site sees them all and dispatches through a table): the native that the CALL or
   * CALL_METHOD at {@code pc} calls, with its arguments at {@link #nativeArgBase}, the frame's pc and
   * the stack depth set as {@link #callNative} sets them. Null where {@link #call} must decide: the
   * callee is no native, the argument count is wrong, or this call is a safe point that must
   * yield. After the call the compiled code stores the result, or on BLOCKED calls
   * {@link #nativeBlockedAt}; a raise goes through {@link #nativeRaised} (its exception handler).
   */
  NativeFn nativeAt(PyThread t, int op, int n, int pc, int sp, int budget) {
    if (safePointDue(t, budget)) {
      return null;
    }
    int[] stack = t.stack;
    int fslot = calleeSlot(op, n, sp);
    int f = stack[fslot];
    if (!Values.isNative(f)) {
      return null;
    }
    int argBase = firstArg(op, stack, fslot);
    NativeFn fn = rt.natives.fnFor(Values.nativeId(f), sp - argBase);
    if (fn != null) {
      t.frames[t.fp + Frame.PC] = pc + 2;
      t.sp = sp;
      nativeArgBase = argBase;
    }
    return fn;
  }

  /**
   * {@link #nativeBlocked} for compiled code {@code c}'s native call (see {@link #nativeAt}) at
   * {@code pc}, the frame's stack base at {@code sb}: -2.
   */
  int nativeBlockedAt(PyThread t, Compiled c, int pc, int sb, int budget, int opBase) {
    int op = c.ci.code[pc] & 0xFF;
    int n = readOperand(c.ci.code, pc, 0);
    int sp = sb + c.depth[pc];
    int fslot = calleeSlot(op, n, sp);
    int argBase = firstArg(op, t.stack, fslot);
    return nativeBlocked(t, fslot, Values.nativeId(t.stack[fslot]), argBase, sp - argBase, budget, opBase);
  }

  /**
   * The fast loop's arithmetic beyond small-int {@code +} and {@code -}: {@code + - * // % & | ^ << >>}
   * of two ints, small or boxed, whose result fits 64 bits (boxed when it leaves the small range);
   * {@code /} of two small ints; {@code + - * /} with a float operand (an int operand converts);
   * {@code +} of two strs; and {@code str % args} of bare {@code %s} and {@code %d} conversions
   * ({@link Strs#percentLatin1}). Returns the result, or NULL where {@link #execute} must run the
   * instruction: bools, an overflow past 64 bits, a zero divisor, a negative shift, any other type,
   * or a heap that cannot hold the result (execute then collects and raises MemoryError). The caller has set {@code t.sp}, so a
   * collection this allocation starts sees both operands.
   */
  int arith(int op, int a, int b, int temps) {
    int base = op >= IADD ? op - (IADD - ADD) : op;
    if ((a & b & 1) != 0) {
      int x = a >> 1;
      int y = b >> 1;
      switch (base) {
        case AND:
          return a & b;
        case OR:
          return a | b;
        case XOR:
          return (a ^ b) | 1;
        case TRUEDIV:
          // both below 2^30: the quotient of the doubles is the correctly rounded one
          return y == 0 ? Values.NULL : rt.floats.tryBox((double) x / y);
        default:
          return intArith(base, x, y, 0, 0, 0);
      }
    }
    if (((a | b) & 3) == 0 && a != 0 && b != 0
        && (w[(a >> 2) + 1] & 0xFF) == Types.FLOAT && (w[(b >> 2) + 1] & 0xFF) == Types.FLOAT) {
      // two floats, the case float code is made of: each header read once
      return floatArith(base, Floats.load(w, a), Floats.load(w, b), temps, a, b);
    }
    if (rt.ints.isInt(a) && rt.ints.isInt(b)) {
      return base == TRUEDIV ? Values.NULL : intArith(base, rt.ints.value(a), rt.ints.value(b), temps, a, b);
    }
    if (base == ADD && ((a | b) & 3) == 0 && a != 0 && b != 0
        && (w[(a >> 2) + 1] & 0xFF) == Types.STR && (w[(b >> 2) + 1] & 0xFF) == Types.STR) {
      return rt.strs.tryConcat(a, b); // str + str, and s += t
    }
    if (base == MOD && (a & 3) == 0 && a != 0 && (w[(a >> 2) + 1] & 0xFF) == Types.STR) {
      return rt.strs.percentLatin1(a, b); // "%s,%d" % (s, i)
    }
    if (!smallIntOrFloat(a) || !smallIntOrFloat(b)) {
      return Values.NULL;
    }
    return floatArith(base, asDouble(a), asDouble(b), temps, a, b);
  }

  /**
   * {@code x op y} boxed, for {@code + - * / **}; NULL for another operator, a zero divisor, a power
   * that raises, or a full heap. The box is operand {@code a} or {@code b} itself when {@code temps} says it is a temporary
   * (Superinstructions#freshOperands) and it is the float this run of the fast loop made last
   * ({@link #fresh}): then only that stack slot refers to it, and it is overwritten instead of
   * allocating.
   */
  private int floatArith(int base, double x, double y, int temps, int a, int b) {
    double r;
    switch (base) {
      case ADD:
        r = x + y;
        break;
      case SUB:
        r = x - y;
        break;
      case MUL:
        r = x * y;
        break;
      case TRUEDIV:
        if (y == 0) {
          return Values.NULL;
        }
        r = x / y;
        break;
      case POW:
        r = Math.pow(x, y);
        if (Operators.powFault(x, y, r) != 0) {
          return Values.NULL; // execute raises (Operators#floatPow)
        }
        break;
      default:
        return Values.NULL;
    }
    return floatBox(r, temps, a, b);
  }

  /**
   * {@code r} boxed: in operand {@code a} or {@code b} itself when {@code temps} says it is a
   * temporary and it is the float this run made last (see {@link #floatArith}), else a new box.
   */
  private int floatBox(double r, int temps, int a, int b) {
    int box = reusableBox(temps, a, b, Types.FLOAT);
    if (box != 0) {
      Floats.store(w, box, r);
      return box;
    }
    return fresh = rt.floats.tryBox(r);
  }

  /**
   * Operand {@code a} or {@code b} when {@code temps} says it is a temporary and it is the box of
   * {@code type} this run made last ({@link #fresh}): a box the result may overwrite. Else 0.
   */
  private int reusableBox(int temps, int a, int b, int type) {
    int box = (temps & Superinstructions.LEFT_TEMP) != 0 && a == fresh ? a
        : (temps & Superinstructions.RIGHT_TEMP) != 0 && b == fresh ? b : 0;
    return box != 0 && (w[(box >> 2) + 1] & 0xFF) == type ? box : 0;
  }

  /**
   * {@code x op y} for two ints (small or boxed, not bools) within 64 bits: the result, small or
   * boxed; NULL where execute must run the instruction: past 64 bits (OverflowError), a zero divisor,
   * a negative shift, true division, or a heap that cannot hold the box.
   */
  private int intArith(int base, long x, long y, int temps, int a, int b) {
    long r;
    switch (base) {
      case ADD:
        r = x + y;
        if (((x ^ r) & (y ^ r)) < 0) {
          return Values.NULL;
        }
        break;
      case SUB:
        r = x - y;
        if (((x ^ y) & (x ^ r)) < 0) {
          return Values.NULL;
        }
        break;
      case MUL: {
        long hi = Math.multiplyHigh(x, y);
        r = x * y;
        if (hi != (r >> 63)) {
          return Values.NULL;
        }
        break;
      }
      case POW: {
        if (y < 0) {
          return Values.NULL; // a float: execute
        }
        // by squaring, as Ints#pow does; past 64 bits NULL, where Ints#pow throws OverflowError
        long acc = 1;
        long sq = x;
        for (long e = y; ; ) {
          if ((e & 1) != 0) {
            long lo = acc * sq;
            if (Math.multiplyHigh(acc, sq) != (lo >> 63)) {
              return Values.NULL;
            }
            acc = lo;
          }
          e >>= 1;
          if (e == 0) {
            break;
          }
          long next = sq * sq;
          if (Math.multiplyHigh(sq, sq) != (next >> 63)) {
            return Values.NULL; // a bit of e is left, so the power is past 64 bits too (|x| >= 2 here)
          }
          sq = next;
        }
        r = acc;
        break;
      }
      case FLOORDIV:
        if (y == 0 || (x == Long.MIN_VALUE && y == -1)) {
          return Values.NULL;
        }
        r = Math.floorDiv(x, y);
        break;
      case MOD:
        if (y == 0) {
          return Values.NULL;
        }
        r = Math.floorMod(x, y);
        break;
      case AND:
        r = x & y;
        break;
      case OR:
        r = x | y;
        break;
      case XOR:
        r = x ^ y;
        break;
      case RSHIFT:
        if (y < 0) {
          return Values.NULL;
        }
        r = x >> Math.min(y, 63);
        break;
      case LSHIFT:
        if (y < 0 || y > 62 || (x << y) >> y != x) {
          return x == 0 && y >= 0 ? Values.small(0) : Values.NULL;
        }
        r = x << y;
        break;
      default:
        return Values.NULL;
    }
    if (Values.fitsSmall(r)) {
      return Values.small((int) r);
    }
    return intBox(r, temps, a, b);
  }

  /**
   * {@code r}, past the small range, boxed: in operand {@code a} or {@code b} itself when
   * {@code temps} says it is a temporary and it is the box this run made last, as
   * {@link #floatBox} does for floats ({@code (seed * 1103515245 + 12345) & 0x7FFFFFFF} makes one
   * box, not three); else in a new box. NULL where the heap cannot hold one.
   */
  private int intBox(long r, int temps, int a, int b) {
    int box = reusableBox(temps, a, b, Types.INT);
    if (box != 0) {
      Runtime.storeBits64(w, box, r);
      return box;
    }
    return fresh = rt.ints.tryBox(r);
  }

  /** A small int or a float object: what arith and numberTruth take (bools and big ints: execute). */
  private boolean smallIntOrFloat(int v) {
    return (v & 1) != 0 || Floats.isBox(w, v);
  }

  /** The value of a small int or a float object as a double (a small int's 31 bits convert exactly). */
  private double asDouble(int v) {
    return (v & 1) != 0 ? v >> 1 : Floats.load(w, v);
  }

  /**
   * Which outcomes make each comparison EQ..GE true: four bits per operator, from EQ's at bit 0,
   * for less, equal, greater and unordered (a NaN, for which only {@code !=} holds).
   */
  private static final int OUTCOMES = 0x2 | 0xD << 4 | 0x1 << 8 | 0x3 << 12 | 0x4 << 16 | 0x6 << 20;

  /** Whether comparison {@code cmp} (EQ..GE) holds for outcome {@code o} (0 less, 1 equal, 2 greater, 3 unordered). */
  private static int holds(int cmp, int o) {
    return OUTCOMES >>> ((cmp - EQ) << 2) + o & 1;
  }

  /** Whether comparison {@code cmp} (EQ..GE) holds for two doubles, as Python compares floats: 1 or 0. */
  static int holds(int cmp, double x, double y) {
    return holds(cmp, x < y ? 0 : x == y ? 1 : x > y ? 2 : 3);
  }

  /**
   * The comparison {@code cmp} (EQ..GE) of {@code a} and {@code b} on the fast loop's paths: 1 true,
   * 0 false, -1 where execute must run it ({@link #numberTruth}'s other types). Small in bytecode,
   * as every compiled comparison inlines it: no switch, a table of outcomes.
   */
  int truth(int cmp, int a, int b) {
    if ((a & b & 1) != 0) {
      return holds(cmp, a < b ? 0 : a == b ? 1 : 2); // small ints compare as tagged words
    }
    return numberTruth(cmp, a, b);
  }

  /**
   * {@link #truth} when an operand is no small int: two numbers one of which is a float (an int
   * operand converts exactly: 31 bits), or {@code ==}/{@code !=} of two strs (pystone compares
   * one-letter codes); -1 for any other types.
   */
  private int numberTruth(int cmp, int a, int b) {
    if (!smallIntOrFloat(a) || !smallIntOrFloat(b)) {
      return strTruth(cmp, a, b);
    }
    return holds(cmp, asDouble(a), asDouble(b));
  }

  /** {@code ==} or {@code !=} of two strs: 1 or 0; -1 for anything else. */
  private int strTruth(int cmp, int a, int b) {
    if (((a | b) & 3) == 0 && a != 0 && b != 0 && (cmp == EQ || cmp == NE)
        && (w[(a >> 2) + 1] & 0xFF) == Types.STR && (w[(b >> 2) + 1] & 0xFF) == Types.STR) {
      return rt.strs.equal(a, b) == (cmp == EQ) ? 1 : 0;
    }
    return -1;
  }

  // ---- helpers (cold paths) ---------------------------------------------------------------------

  private int park(PyThread t, int budget, int ops) {
    rt.opcodes += ops;
    t.budget = budget;
    t.state = PyThread.YIELDED;
    return Values.NULL;
  }

  /** A native parked the thread ({@link PyThread#blockIn} has recorded the call). */
  private int blocked(PyThread t, int budget, int ops) {
    rt.opcodes += ops;
    t.budget = budget;
    return Values.NULL;
  }

  /**
   * A safe point's slow path, every {@link #interval} safe points: in a top-level run, whether
   * the thread must give the GIL up now; in a nested run, a stop check (it throws to stop).
   */
  private boolean safePoint(boolean preemptible) {
    return preemptible ? rt.threads.offerYield() : rt.threads.nestedSafePoint();
  }

  /**
   * Continues a parked top-level run: a thread that blocked in a native first calls that native
   * again (its wait has ended; {@link PyThread#resuming} tells it so), and a Python exception it
   * raises unwinds from the call's frame as one raised by the loop would. Then as
   * {@link #execute}. Returns NULL while the thread stays parked.
   */
  int resume(PyThread t, int entryFp) {
    if (t.state == PyThread.BLOCKED) {
      int r;
      t.resuming = true;
      try {
        r = rt.natives.call(rt, t.blockedNative, t.blockedArgBase, t.blockedArgc,
            t.blockedArgBase + t.blockedArgc, t.blockedNkw);
      } catch (PyRaise e) {
        t.resuming = false;
        t.state = PyThread.RUNNING;
        t.sp = t.blockedRet + 1;
        if (t.fp < entryFp || !unwind(t, entryFp)) {
          throw e;
        }
        return execute(t, entryFp);
      }
      t.resuming = false;
      if (r == Values.BLOCKED) {
        return Values.NULL;
      }
      t.stack[t.blockedRet] = r;
      t.sp = t.blockedRet + 1;
      t.state = PyThread.RUNNING;
      if (t.fp < entryFp) {
        return r; // the blocked native was the run's own call (a thread or callback that is a native)
      }
    }
    t.state = PyThread.RUNNING;
    return execute(t, entryFp);
  }

  private boolean truthy(PyThread t, int v, int sp) {
    if ((v & 1) != 0) {
      return v != Values.ZERO;
    }
    if (v == Values.NONE) {
      return false;
    }
    t.sp = sp;
    return rt.ops.truthy(v);
  }

  private int loadConst(CodeInfo ci, int i) {
    int v = rt.constant(ci.constIndex[i]);
    ci.constValue[i] = v;
    return v;
  }

  private PyRaise unboundLocal(CodeInfo ci, int slot) {
    String name = rt.names.name(ci.co.localNames()[slot]);
    return rt.raise(ExceptionTree.UNBOUND_LOCAL_ERROR,
        "cannot access local variable '" + name + "' where it is not associated with a value");
  }

  private PyRaise unboundCell(CodeInfo ci, int i) {
    String name = "?";
    if (i < ci.cellCount) {
      int slot = ci.co.cellLocals()[i];
      if (slot >= 0) {
        name = rt.names.name(ci.co.localNames()[slot]);
      }
    }
    return rt.raise(ExceptionTree.NAME_ERROR,
        "cannot access free variable '" + name + "' where it is not associated with a value in enclosing scope");
  }

  private PyRaise nameError(int module, int slot) {
    int[] names = rt.image.modules().get(module).globalNames();
    return rt.raise(ExceptionTree.NAME_ERROR, "name '" + rt.names.name(names[slot]) + "' is not defined");
  }

  private int binary(int op, int sp) {
    int[] stack = rt.thread.stack;
    int a = stack[sp - 2];
    int b = stack[sp - 1];
    boolean inplace = op >= IADD;
    int r = rt.ops.binary(op - (inplace ? IADD : ADD), a, b, inplace);
    stack[sp - 2] = r;
    return sp - 1;
  }

  /** LOAD_ATTR's slow path: the full lookup, then fills the cache. */
  private int loadAttr(CodeInfo ci, int pc, int obj) {
    int nameId = (ci.code[pc + 1] & 0xFF) | (ci.code[pc + 2] & 0xFF) << 8;
    int v = rt.classes.getAttr(obj, nameId);
    int k = pc << 2;
    if (rt.classes.isInstance(obj)) {
      int cls = w[Runtime.at(obj)];
      int idx = rt.classes.layoutIndex(cls, nameId);
      int cv = rt.classes.lookup(cls, nameId);
      boolean dataDescriptor = cv != Values.NULL && (cv & 3) == 0 && rt.type(cv) == Types.PROPERTY;
      if (idx >= 0 && !dataDescriptor && rt.classes.instanceSlot(obj, idx) == v) {
        fillPolymorphic(ci.ic, k, cls, idx);
      } else if (idx < 0 && !dataDescriptor && cv == v) {
        // a class attribute that reads as itself through the instance (not a function, which binds):
        // while the epoch holds, no instance of cls can shadow it (a new instance attribute grows
        // the layout, which bumps the epoch)
        fillPolymorphic(ci.ic, k, cls | 1, v);
      }
    } else if (rt.typeCode(obj) == Types.CLASS && v == rt.classes.lookup(obj, nameId)) {
      fillPolymorphic(ci.ic, k, obj | 2, v); // an attribute of the class itself (not a classmethod)
    }
    return v;
  }

  private void storeAttr(CodeInfo ci, int pc, int obj, int v) {
    int nameId = (ci.code[pc + 1] & 0xFF) | (ci.code[pc + 2] & 0xFF) << 8;
    rt.classes.setAttr(obj, nameId, v);
    if (rt.classes.isInstance(obj)) {
      int cls = w[Runtime.at(obj)];
      if ((rt.classes.classFlags(cls) & Classes.F_SETATTR) == 0) {
        int cv = rt.classes.lookup(cls, nameId);
        boolean dataDescriptor = cv != Values.NULL && (cv & 3) == 0 && rt.type(cv) == Types.PROPERTY;
        int idx = rt.classes.layoutIndex(cls, nameId);
        if (idx >= 0 && !dataDescriptor) {
          fillPolymorphic(ci.ic, pc << 2, cls, idx);
        }
      }
    }
  }

  /**
   * The entry keyed {@code key} among the four of the cache site at {@code k}, if it was filled in
   * this class {@code epoch}; else -1. Keys are unique within a site ({@link #fillPolymorphic}).
   */
  private static int icEntry(int[] ic, int k, int key, int epoch) {
    int e = ic[k] == key ? k : ic[k + 3] == key ? k + 3 : ic[k + 6] == key ? k + 6 : ic[k + 9] == key ? k + 9 : -1;
    return e >= 0 && ic[e + 1] == epoch ? e : -1;
  }

  /**
   * Fills one of the four entries of a LOAD_ATTR, LOAD_METHOD or STORE_ATTR cache: those
   * instructions are three bytes long, so the cache words of their two operand bytes hold entries
   * too, 12 words for four entries of three (richards calls {@code task.run()} and reads
   * {@code self.state} on four task classes from one site each; with three entries, 20 million of
   * its default run's attribute and method lookups missed). The entry already keyed on this class,
   * else the first stale one, else the fourth, which the classes past the third share.
   */
  private void fillPolymorphic(int[] ic, int k, int key, int value) {
    int epoch = rt.classEpoch;
    int last = k + (IC_ENTRIES - 1) * IC_ENTRY_WORDS;
    int e = last; // all taken by other classes: the last entry is replaced
    for (int i = k; i <= last; i += IC_ENTRY_WORDS) {
      if (ic[i] == key || ic[i + 1] != epoch) {
        e = i;
        break;
      }
    }
    ic[e] = key;
    ic[e + 1] = epoch;
    ic[e + 2] = value;
  }

  /**
   * LOAD_METHOD's slow path: a function found on the class (and not shadowed by an instance
   * attribute) is pushed unbound with the object as self; anything else is pushed as the
   * attribute's value with the NULL marker.
   */
  private int loadMethod(CodeInfo ci, int pc, int obj, int sp) {
    int[] stack = rt.thread.stack;
    int nameId = (ci.code[pc + 1] & 0xFF) | (ci.code[pc + 2] & 0xFF) << 8;
    int type = rt.typeCode(obj);
    if (type != Types.CLASS && type != Types.MODULE && type != Types.SUPER) {
      int cls = rt.classOf(obj);
      int f = rt.classes.lookup(cls, nameId);
      boolean method = f != Values.NULL
          && (Values.isNative(f) || ((f & 3) == 0 && rt.type(f) == Types.FUNCTION));
      boolean shadowed = type == Types.INSTANCE && rt.classes.layoutIndex(cls, nameId) >= 0
          && rt.classes.instanceSlot(obj, rt.classes.layoutIndex(cls, nameId)) != Values.NULL;
      if (method && !shadowed) {
        if (type != Types.INSTANCE || rt.classes.layoutIndex(cls, nameId) < 0) {
          fillPolymorphic(ci.ic, pc << 2, cls, f);
        }
        stack[sp - 1] = f;
        stack[sp] = obj;
        return sp + 1;
      }
    }
    int v = rt.classes.getAttr(obj, nameId);
    if (type == Types.CLASS && v == rt.classes.lookup(obj, nameId)) {
      fillPolymorphic(ci.ic, pc << 2, obj | 2, v); // Point.norm1(self): the class's own attribute
    }
    stack[sp - 1] = v;
    stack[sp] = Values.NULL;
    return sp + 1;
  }

  /** The container opcodes and others with a count operand; returns the new sp. */
  private int containerOp(int[] fr, int fp, CodeInfo ci, int pc, int sp) {
    int[] s = rt.thread.stack;
    byte[] code = ci.code;
    int op = code[pc] & 0xFF;
    int arg = operandWidth(op, 0) == 2 ? (code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8 : code[pc + 1] & 0xFF;
    switch (op) {
      case BUILD_TUPLE: {
        int v = rt.lists.tupleFromStack(sp - arg, arg);
        s[sp - arg] = v;
        return sp - arg + 1;
      }
      case BUILD_LIST: {
        int v = rt.lists.listFromStack(sp - arg, arg);
        s[sp - arg] = v;
        return sp - arg + 1;
      }
      case BUILD_SET: {
        int set = rt.sets.newSet(Types.SET);
        s[sp] = set;
        rt.thread.sp = sp + 1;
        for (int i = sp - arg; i < sp; i++) {
          rt.sets.add(set, s[i]);
        }
        s[sp - arg] = set;
        return sp - arg + 1;
      }
      case BUILD_DICT: {
        int d = rt.dicts.newDict();
        s[sp] = d;
        rt.thread.sp = sp + 1;
        for (int i = sp - 2 * arg; i < sp; i += 2) {
          rt.dicts.put(d, s[i], s[i + 1]);
        }
        s[sp - 2 * arg] = d;
        return sp - 2 * arg + 1;
      }
      case BUILD_SLICE: {
        int step = arg == 3 ? s[sp - 1] : Values.NONE;
        int v = rt.ops.newSlice(s[sp - arg], s[sp - arg + 1], step);
        s[sp - arg] = v;
        return sp - arg + 1;
      }
      case BUILD_STRING: {
        int v = arg == 0 ? rt.strs.empty() : rt.strs.concatAll(s, sp - arg, sp);
        s[sp - arg] = v;
        return sp - arg + 1;
      }
      case LIST_APPEND:
        rt.lists.append(s[sp - 2 - arg], s[sp - 1]);
        return sp - 1;
      case SET_ADD:
        rt.sets.add(s[sp - 2 - arg], s[sp - 1]);
        return sp - 1;
      case MAP_ADD:
        rt.dicts.put(s[sp - 3 - arg], s[sp - 2], s[sp - 1]);
        return sp - 2;
      case LIST_EXTEND: {
        int seq = rt.iters.toSequence(s[sp - 1]);
        s[sp] = seq;
        rt.thread.sp = sp + 1;
        rt.lists.extendFromSeq(s[sp - 2 - arg], seq);
        return sp - 1;
      }
      case DICT_UPDATE: {
        int src = s[sp - 1];
        if (!rt.dicts.isDict(src)) {
          throw rt.typeError("'" + rt.typeName(src) + "' object is not a mapping");
        }
        rt.dicts.update(s[sp - 2 - arg], src);
        return sp - 1;
      }
      case SET_UPDATE: {
        int set = s[sp - 2 - arg];
        int src = s[sp - 1];
        if (rt.sets.isSet(src)) {
          rt.sets.merge(set, src);
        } else {
          int seq = rt.iters.toSequence(src);
          s[sp] = seq;
          rt.thread.sp = sp + 1;
          for (int i = 0; i < rt.lists.length(seq); i++) {
            rt.sets.add(set, rt.lists.get(seq, i));
          }
        }
        return sp - 1;
      }
      case LIST_TO_TUPLE:
        s[sp - 1] = rt.lists.toTuple(s[sp - 1]);
        return sp;
      case UNPACK_SEQUENCE:
        return unpack(s, sp, arg);
      case UNPACK_EX:
        return unpackEx(s, sp, code[pc + 1] & 0xFF, code[pc + 2] & 0xFF);
      case FORMAT_VALUE: {
        boolean hasSpec = (arg & 1) != 0;
        int spec = hasSpec ? s[sp - 1] : Values.NULL;
        int v = hasSpec ? s[sp - 2] : s[sp - 1];
        int r = rt.formatter.formatValue(v, (arg >> 1) & 3, spec);
        int top = hasSpec ? sp - 2 : sp - 1;
        s[top] = r;
        return top + 1;
      }
      case MAKE_FUNCTION:
        return makeFunction(fr, fp, s, sp, arg, code[pc + 3] & 0xFF);
      case EXC_MATCH: {
        boolean m = rt.exceptions.matches(s[sp - 2], s[sp - 1]);
        s[sp - 1] = Values.bool(m);
        return sp;
      }
      default:
        throw new IllegalStateException(name(op));
    }
  }

  private int unpack(int[] s, int sp, int n) {
    int seq = s[sp - 1];
    int type = rt.typeCode(seq);
    if (type != Types.TUPLE && type != Types.LIST) {
      seq = rt.iters.toList(seq);
      s[sp - 1] = seq;
    }
    int len = rt.lists.length(seq);
    if (len != n) {
      if (len < n) {
        throw rt.valueError("not enough values to unpack (expected " + n + ", got " + len + ")");
      }
      throw rt.valueError("too many values to unpack (expected " + n + ")");
    }
    int items = rt.lists.items(seq);
    int top = sp - 1 + n - 1;
    for (int i = 0; i < n; i++) {
      s[top - i] = w[items + i];
    }
    return sp - 1 + n;
  }

  private int unpackEx(int[] s, int sp, int before, int after) {
    int seq = rt.iters.toList(s[sp - 1]);
    s[sp - 1] = seq;
    int len = rt.lists.length(seq);
    if (len < before + after) {
      throw rt.valueError("not enough values to unpack (expected at least " + (before + after) + ", got " + len + ")");
    }
    rt.thread.sp = sp;
    int middle = rt.lists.slice(seq, before, 1, len - before - after);
    int total = before + 1 + after;
    int top = sp - 1 + total - 1;
    int items = rt.lists.items(seq);
    for (int i = 0; i < before; i++) {
      s[top - i] = w[items + i];
    }
    s[top - before] = middle;
    for (int j = 0; j < after; j++) {
      s[top - before - 1 - j] = w[items + len - after + j];
    }
    return sp - 1 + total;
  }

  private int makeFunction(int[] fr, int fp, int[] s, int sp, int code, int flags) {
    int closure = Values.NULL;
    int kwDefaults = Values.NULL;
    int defaults = Values.NULL;
    int top = sp;
    if ((flags & 4) != 0) {
      closure = s[--top];
    }
    if ((flags & 2) != 0) {
      kwDefaults = s[--top];
    }
    if ((flags & 1) != 0) {
      defaults = s[--top];
    }
    int globals = fr[fp + Frame.GLOBALS];
    int f = rt.classes.newFunction(code, globals, defaults, kwDefaults, closure, codes[code].module);
    s[top] = f;
    return top + 1;
  }

  /**
   * CALL_KW, CALL_EX, BUILD_CLASS, IMPORT_NAME: a value, NULL after pushing a frame, or BLOCKED
   * when a native parked the thread.
   */
  private int frameOp(PyThread t, int op, byte[] code, int pc, int sp) {
    int[] s = t.stack;
    switch (op) {
      case CALL_KW: {
        int n = code[pc + 1] & 0xFF;
        int k = code[pc + 2] & 0xFF;
        int fslot = sp - 2 * k - n - 1;
        int r = rt.calls.call(t, fslot, s[fslot], fslot + 1, n, k, 0);
        if (r != Values.NULL && r != Values.BLOCKED) {
          t.sp = fslot + 1;
        }
        return r;
      }
      case CALL_EX: {
        boolean kw = (code[pc + 1] & 1) != 0;
        int fslot = sp - (kw ? 3 : 2);
        int r = rt.calls.callEx(t, fslot, kw);
        if (r != Values.NULL && r != Values.BLOCKED) {
          t.sp = fslot + 1;
        }
        return r;
      }
      case BUILD_CLASS: {
        int body = (code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8;
        int n = code[pc + 3] & 0xFF;
        int retSlot = sp - n;
        int bases = rt.lists.tupleFromStack(retSlot, n);
        s[retSlot] = bases;
        t.sp = retSlot + 1;
        int module = rt.modules[codes[body].module];
        int globals = w[Runtime.at(module) + Classes.MOD_GLOBALS];
        rt.calls.pushBody(t, body, retSlot, module, globals, Frame.CLASS_BODY, bases);
        return Values.NULL;
      }
      default: {
        int index = (code[pc + 1] & 0xFF) | (code[pc + 2] & 0xFF) << 8;
        int r = rt.calls.importModule(t, index, sp);
        if (r != Values.NULL) {
          t.sp = sp + 1;
        }
        return r;
      }
    }
  }

  private PyRaise raiseFrom(int exc, int cause) {
    int e = rt.exceptions.toException(exc);
    if (rt.classes.isInstance(e) && cause != Values.NONE) {
      int mark = rt.keep(e);
      rt.classes.setAttr(e, rt.names.cause, rt.exceptions.toException(cause));
      rt.release(mark);
    }
    return rt.raiseValue(e);
  }

  private PyRaise reraise(int exc) {
    if (exc == Values.NONE || exc == Values.NULL) {
      return rt.raise(ExceptionTree.RUNTIME_ERROR, "No active exception to reraise");
    }
    rt.thread.exc = exc;
    return rt.raised;
  }

  private PyRaise assertFail(int msg) {
    if (msg == Values.NONE) {
      return rt.raise(ExceptionTree.ASSERTION_ERROR);
    }
    int args = rt.lists.tuple1(msg);
    return rt.raiseValue(rt.exceptions.instance(ExceptionTree.ASSERTION_ERROR, args));
  }

  /**
   * Finds a handler for the thread's exception, unwinding frames down to {@code entryFp}. True if
   * a handler took it (the loop continues there); false if it left the entry frame.
   */
  private boolean unwind(PyThread t, int entryFp) {
    int[] fr = t.frames;
    while (true) {
      int fp = t.fp;
      CodeInfo c = codes[fr[fp + Frame.CODE]];
      int pc = fr[fp + Frame.PC] - 1;
      rt.exceptions.record(t, fp, pc);
      int h = c.handlerFor(pc);
      if (h >= 0) {
        int sp = fr[fp + Frame.BASE] + c.fixedWords + c.handlers[h + 3];
        t.stack[sp++] = t.exc;
        t.exc = Values.NULL;
        t.sp = sp;
        fr[fp + Frame.PC] = c.handlers[h + 2];
        return true;
      }
      int kind = fr[fp + Frame.KIND];
      if ((kind & Frame.KIND_MASK) == Frame.MODULE_BODY) {
        int m = fr[fp + Frame.EXTRA];
        w[Runtime.at(m) + Classes.MOD_STATE] = Values.small(Classes.MOD_NEW);
      }
      t.fp = fp - Frame.WORDS;
      t.sp = fr[fp + Frame.RET] + 1;
      if (fp == entryFp || (kind & Frame.NATIVE_ENTRY) != 0) {
        t.sp = fr[fp + Frame.RET];
        return false;
      }
    }
  }
}
