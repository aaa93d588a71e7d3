package dev.zvm.vm;

/**
 * The layout of one VM frame record in a thread's frame array ({@link PyThread#frames}).
 * Descriptor only. A Python call pushes a record here and a window on the thread's value stack,
 * never a Java frame: that is what makes the interpreter stackless.
 *
 * <pre>
 *  frames[fp + ...]                          value stack (PyThread.stack)
 *  +--------+                                 ...
 *  | CODE   | code object index               | callee / result slot  |  &lt;- RET
 *  | PC     | next pc (saved on calls)        | local 0 (argument 0)  |  &lt;- BASE
 *  | BASE   | first local's stack index       | ...                   |
 *  | RET    | stack index of the result slot  | local n-1, cells      |
 *  | FUNC   | the function (a GC root)        | operand stack ...     |  &lt;- sp
 *  | GLOBALS| the globals (a GC root)         +-----------------------+
 *  | KIND   | NORMAL, CLASS_BODY, INIT, MODULE_BODY, NATIVE_ENTRY
 *  | EXTRA  | per kind: the bases tuple, the new instance, the module (a GC root)
 *  +--------+
 * </pre>
 *
 * <p>Invariant: everything below the thread's sp on the stack is live (a GC root), everything above
 * is garbage. A caller's operand stack ends just below its callee's RET slot, so returning sets
 * sp to RET + 1 and no caller sp is saved. The running frame's pc and sp live in the loop's locals;
 * sp is written back before anything that may allocate, call or raise, pc before a call.
 */
final class Frame {
  private Frame() {}

  static final int CODE = 0;
  static final int PC = 1;
  static final int BASE = 2;
  static final int RET = 3;
  static final int FUNC = 4;
  static final int GLOBALS = 5;
  static final int KIND = 6;
  static final int EXTRA = 7;
  static final int WORDS = 8;

  /** A function call: the result goes to RET. */
  static final int NORMAL = 0;
  /** A class body: on return the class is built from its locals and EXTRA (the bases). */
  static final int CLASS_BODY = 1;
  /** An {@code __init__} called by instantiation: the result is EXTRA (the instance). */
  static final int INIT = 2;
  /** A module body: on return the module (EXTRA) is marked loaded and is the result. */
  static final int MODULE_BODY = 3;
  /** Bit: the frame was entered from Java (a nested run); its return ends that run. */
  static final int NATIVE_ENTRY = 8;
  /** Bit: the result is discarded (RET is not written). */
  static final int DISCARD = 16;
  static final int KIND_MASK = 7;
}
