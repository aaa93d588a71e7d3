package dev.zvm.bytecode;

import java.util.List;

/**
 * The builtin exception tree: the one list of builtin exception names and their parents, shared
 * by the compiler (which puts it first in every image's tree) and the VM (which raises them by
 * index). Zerynth's tree, with {@code MemoryError} under {@code Exception} as DESIGN.md decides,
 * and the CPython names our programs expect ({@code AssertionError}, {@code RecursionError} under
 * {@code RuntimeError}, {@code UnboundLocalError} under {@code NameError}) added.
 *
 * <p>The index of each entry is a constant below; an image's exception tree starts with these
 * entries in this order, and {@code new_exception} or a class deriving from an exception adds
 * after them.
 */
public final class ExceptionTree {
  private ExceptionTree() {}

  /** One builtin entry: its name and its parent's index (the root is its own parent). */
  public record Entry(String name, int parent) {}

  public static final int BASE_EXCEPTION = 0;
  public static final int EXCEPTION = 1;
  public static final int ARITHMETIC_ERROR = 2;
  public static final int ZERO_DIVISION_ERROR = 3;
  public static final int FLOATING_POINT_ERROR = 4;
  public static final int OVERFLOW_ERROR = 5;
  public static final int LOOKUP_ERROR = 6;
  public static final int INDEX_ERROR = 7;
  public static final int KEY_ERROR = 8;
  public static final int NAME_ERROR = 9;
  public static final int UNBOUND_LOCAL_ERROR = 10;
  public static final int TYPE_ERROR = 11;
  public static final int VALUE_ERROR = 12;
  public static final int UNICODE_ERROR = 13;
  public static final int ATTRIBUTE_ERROR = 14;
  public static final int STOP_ITERATION = 15;
  public static final int RUNTIME_ERROR = 16;
  public static final int NOT_IMPLEMENTED_ERROR = 17;
  public static final int UNSUPPORTED_ERROR = 18;
  public static final int RECURSION_ERROR = 19;
  public static final int ASSERTION_ERROR = 20;
  public static final int MEMORY_ERROR = 21;
  public static final int PERIPHERAL_ERROR = 22;
  public static final int INVALID_PIN_ERROR = 23;
  public static final int INVALID_HARDWARE_STATUS_ERROR = 24;
  public static final int HARDWARE_INITIALIZATION_ERROR = 25;
  public static final int IO_ERROR = 26;
  public static final int CONNECTION_ERROR = 27;
  public static final int CONNECTION_ABORTED_ERROR = 28;
  public static final int CONNECTION_REFUSED_ERROR = 29;
  public static final int CONNECTION_RESET_ERROR = 30;
  public static final int TIMEOUT_ERROR = 31;
  public static final int OS_ERROR = 32;
  public static final int IMPORT_ERROR = 33;
  public static final int EOF_ERROR = 34;

  public static final List<Entry> BUILTINS =
      List.of(
          new Entry("BaseException", BASE_EXCEPTION),
          new Entry("Exception", BASE_EXCEPTION),
          new Entry("ArithmeticError", EXCEPTION),
          new Entry("ZeroDivisionError", ARITHMETIC_ERROR),
          new Entry("FloatingPointError", ARITHMETIC_ERROR),
          new Entry("OverflowError", ARITHMETIC_ERROR),
          new Entry("LookupError", EXCEPTION),
          new Entry("IndexError", LOOKUP_ERROR),
          new Entry("KeyError", LOOKUP_ERROR),
          new Entry("NameError", EXCEPTION),
          new Entry("UnboundLocalError", NAME_ERROR),
          new Entry("TypeError", EXCEPTION),
          new Entry("ValueError", EXCEPTION),
          new Entry("UnicodeError", VALUE_ERROR),
          new Entry("AttributeError", EXCEPTION),
          new Entry("StopIteration", EXCEPTION),
          new Entry("RuntimeError", EXCEPTION),
          new Entry("NotImplementedError", RUNTIME_ERROR),
          new Entry("UnsupportedError", RUNTIME_ERROR),
          new Entry("RecursionError", RUNTIME_ERROR),
          new Entry("AssertionError", EXCEPTION),
          new Entry("MemoryError", EXCEPTION),
          new Entry("PeripheralError", EXCEPTION),
          new Entry("InvalidPinError", PERIPHERAL_ERROR),
          new Entry("InvalidHardwareStatusError", PERIPHERAL_ERROR),
          new Entry("HardwareInitializationError", PERIPHERAL_ERROR),
          new Entry("IOError", EXCEPTION),
          new Entry("ConnectionError", IO_ERROR),
          new Entry("ConnectionAbortedError", CONNECTION_ERROR),
          new Entry("ConnectionRefusedError", CONNECTION_ERROR),
          new Entry("ConnectionResetError", CONNECTION_ERROR),
          new Entry("TimeoutError", IO_ERROR),
          new Entry("OSError", EXCEPTION),
          new Entry("ImportError", EXCEPTION),
          new Entry("EOFError", EXCEPTION));

  public static final int BUILTIN_COUNT = BUILTINS.size();

  /** Index of the builtin named {@code name}, or -1. */
  public static int indexOf(String name) {
    for (int i = 0; i < BUILTINS.size(); i++) {
      if (BUILTINS.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
