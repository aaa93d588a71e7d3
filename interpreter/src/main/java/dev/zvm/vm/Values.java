package dev.zvm.vm;

/**
 * The 32-bit value word: its tags and codecs. Descriptor only, every method static and pure.
 *
 * <pre>
 *   31                                              2  1  0
 *  +-------------------------------------------------+-----+
 *  | payload: a 31-bit two's complement int           |    1|  small int, -2^30 &lt; n &lt; 2^30
 *  +-------------------------------------------------+--+--+
 *  | byte offset of an object header (multiple of 8)  | 0 0|  reference (0 is NULL, never a value)
 *  +-------------------------------------+-----------+--+--+
 *  | payload                             |  kind  |   1 0|  immediate; low byte = (kind &lt;&lt; 2) | 2
 *  +-------------------------------------+-----------+-----+
 * </pre>
 *
 * Immediates, as Zerynth lays them out: None is 0x0A, False 0x12, True 0x112; an exception
 * without a message is 0x0E with its exception-tree index in bits 16..31; a native function is
 * 0x16 with the VM's native id in bits 8..31. NULL (0) is never a Python value: it marks an unset
 * local, an empty slot, and the "no self" marker of {@code LOAD_METHOD}.
 *
 * <p>Small ints box into 64-bit ints once they reach ±2^30, as Zerynth does, so the negation of a
 * small int is always small.
 */
final class Values {
  private Values() {}

  static final int NULL = 0;
  static final int NONE = 0x0A;
  static final int FALSE = 0x12;
  static final int TRUE = 0x112;
  /** The result of a special method that does not handle its operands ({@code NotImplemented}). */
  static final int NOT_IMPLEMENTED = 0x1E;
  /** A deleted entry in a hash table (never visible to Python). */
  static final int DUMMY = 0x22;
  /** {@code Ellipsis}. */
  static final int ELLIPSIS = 0x26;
  /**
   * What a native returns when it has parked its thread on a VOSAL wait (never visible to Python):
   * the loop parks the thread, and the native is called again with the same arguments when the
   * wait ends (see {@link Threads}).
   */
  static final int BLOCKED = 0x2A;

  static final int TAG_EXCEPTION = 0x0E;
  static final int TAG_NATIVE = 0x16;

  /** Small ints are strictly inside (-SMALL_LIMIT, SMALL_LIMIT). */
  static final int SMALL_LIMIT = 1 << 30;

  static final int ZERO = 1;
  static final int ONE = 3;

  static boolean isSmall(int v) {
    return (v & 1) != 0;
  }

  static boolean isRef(int v) {
    return (v & 3) == 0 && v != 0;
  }

  static boolean isImmediate(int v) {
    return (v & 3) == 2;
  }

  /** True if {@code n} is representable as a small int. */
  static boolean fitsSmall(long n) {
    return n > -SMALL_LIMIT && n < SMALL_LIMIT;
  }

  /** The small int word of {@code n}; the caller has checked {@link #fitsSmall}. */
  static int small(int n) {
    return (n << 1) | 1;
  }

  static int smallValue(int v) {
    return v >> 1;
  }

  static int bool(boolean b) {
    return b ? TRUE : FALSE;
  }

  static boolean isBool(int v) {
    return v == TRUE || v == FALSE;
  }

  static boolean isException(int v) {
    return (v & 0xFF) == TAG_EXCEPTION;
  }

  static int exception(int treeIndex) {
    return (treeIndex << 16) | TAG_EXCEPTION;
  }

  static int exceptionIndex(int v) {
    return v >>> 16;
  }

  static boolean isNative(int v) {
    return (v & 0xFF) == TAG_NATIVE;
  }

  static int nativeFn(int id) {
    return (id << 8) | TAG_NATIVE;
  }

  static int nativeId(int v) {
    return v >>> 8;
  }
}
