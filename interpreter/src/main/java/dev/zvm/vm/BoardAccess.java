package dev.zvm.vm;

import dev.zvm.bytecode.ExceptionTree;
import dev.zvm.vhal.Board;
import dev.zvm.vhal.PeripheralClass;
import dev.zvm.vhal.SerialPort;
import dev.zvm.vhal.VhalException;

/**
 * How the hardware natives reach the VM's {@link Board}: checking pin and peripheral arguments,
 * turning vhal's errors into Python exceptions, and waiting for the board. One per VM
 * ({@link Runtime#hw}); the board is set by {@link Vm} before the image loads.
 *
 * <p><b>Errors.</b> A {@link VhalException} becomes the exception of its kind ({@code INVALID_PIN}
 * is {@code InvalidPinError}, ...; see {@link #raise(VhalException)}); an
 * {@link IllegalArgumentException} from vhal (a negative period, a mode code that is no mode) is a
 * {@code ValueError}. Both keep vhal's {@code key=value} message. {@link #guard} wraps a native so
 * that its vhal calls need no try block of their own.
 *
 * <p><b>Waiting.</b> A native that must wait for the board (serial input, transmit space, the end
 * of a PWM pulse train) returns what {@link #awaitSerial} or {@link #awaitTime} returns: NONE when
 * there is nothing to wait for, or {@link Values#BLOCKED}, the thread parked on a kernel wait that
 * gives the GIL up ({@link Threads}); the native is then called again when the wait ends. The
 * board's timed work (debounce, pulse-train ends, stimuli) is done by a kernel timer
 * ({@link BoardEvents}).
 */
final class BoardAccess {
  private final Runtime rt;
  private Board board;
  private BoardEvents events;

  /** The serial port {@code print} writes to when it is not the console; -1 for the console. */
  private int printPort = -1;
  /** Heap pin handle of that port's stream {@code write} method; -1 while print goes to the console. */
  private int printWrite = -1;

  BoardAccess(Runtime rt) {
    this.rt = rt;
  }

  void setBoard(Board board) {
    this.board = board;
  }

  Board board() {
    return board;
  }

  /** A pin argument: an int that is a virtual pin number (0..0xFFFF); InvalidPinError otherwise. */
  int pin(int v) {
    long n = rt.ints.arg(v, "pin");
    if (n < 0 || n > 0xFFFF) {
      throw rt.raise(ExceptionTree.INVALID_PIN_ERROR,
          "pin=" + n + " is not a pin of board " + board.definition().name());
    }
    return (int) n;
  }

  /**
   * A peripheral argument of class {@code cls}: an id such as {@code SERIAL1}, or None for the
   * first one ({@code SERIAL0}, {@code SPI0}, {@code I2C0}); InvalidPinError for anything else.
   */
  int peripheral(int v, PeripheralClass cls) {
    if (v == Values.NONE || v == Values.NULL) {
      return cls.id(0);
    }
    long n = rt.ints.arg(v, "drvname");
    if (n < 0 || n > 0xFFFF || !cls.owns((int) n)) {
      throw rt.raise(ExceptionTree.INVALID_PIN_ERROR,
          "drvname=" + n + " is not a " + cls.prefix() + " peripheral of board " + board.definition().name());
    }
    return (int) n;
  }

  /** The Python exception for a vhal error (its kind names it), with vhal's message. */
  PyRaise raise(VhalException e) {
    int index = switch (e.kind()) {
      case PERIPHERAL -> ExceptionTree.PERIPHERAL_ERROR;
      case INVALID_PIN -> ExceptionTree.INVALID_PIN_ERROR;
      case HARDWARE_STATUS -> ExceptionTree.INVALID_HARDWARE_STATUS_ERROR;
      case TIMEOUT -> ExceptionTree.TIMEOUT_ERROR;
      case HARDWARE_INITIALIZATION -> ExceptionTree.HARDWARE_INITIALIZATION_ERROR;
      case UNSUPPORTED -> ExceptionTree.UNSUPPORTED_ERROR;
    };
    return rt.raise(index, e.getMessage());
  }

  /**
   * The native {@code fn}, with vhal's exceptions turned into Python ones. Only the natives of
   * board modules are wrapped, so an IllegalArgumentException here comes from vhal's argument
   * checks, never from a VM bug.
   */
  static NativeFn guard(NativeFn fn) {
    return (r, a, n, kw, nkw) -> {
      try {
        return fn.call(r, a, n, kw, nkw);
      } catch (VhalException e) {
        throw r.hw.raise(e);
      } catch (IllegalArgumentException e) {
        throw r.valueError(e.getMessage());
      }
    };
  }

  /**
   * Makes serial port {@code port} print's default stream, through that stream's {@code write}
   * method; the console ({@code SERIAL0}) means print's own fast path to the stdout sink.
   */
  void setPrintStream(int port, int write) {
    if (port == board.definition().console()) {
      clearPrintStream();
      return;
    }
    printPort = port;
    if (printWrite < 0) {
      printWrite = rt.heap.pin(write);
    } else {
      rt.heap.setPinned(printWrite, write);
    }
  }

  /** print goes back to the console if it went to {@code port}. */
  void closed(int port) {
    if (port == printPort) {
      clearPrintStream();
    }
  }

  private void clearPrintStream() {
    printPort = -1;
    if (printWrite >= 0) {
      rt.heap.unpin(printWrite);
      printWrite = -1;
    }
  }

  /**
   * Where print writes: the {@code write} method of an explicit {@code stream=} (or {@code file=})
   * argument, else of the default stream a program chose; NULL for the console.
   */
  int printTarget(int stream) {
    if (stream != Values.NULL && stream != Values.NONE) {
      return rt.classes.getAttr(stream, rt.names.id("write"));
    }
    return printWrite < 0 ? Values.NULL : rt.heap.pinned(printWrite);
  }

  /** The board's deadline timer and serial waits, set by {@link Vm} before the image loads. */
  void setEvents(BoardEvents events) {
    this.events = events;
  }

  /**
   * Waits until the VM's clock (the board's) reaches {@code deadlineNanos}: NONE if it has, else
   * BLOCKED, the thread parked until then (the native is called again then, and returns NONE).
   */
  int awaitTime(long deadlineNanos) {
    int r = rt.threads.resumed() ? Values.NONE : rt.threads.sleepUntil(deadlineNanos);
    if (r != Values.BLOCKED) {
      // the board's work due by now (a train that ended at this deadline) is done before the wait
      // returns: the timer that does it may fire after the one that woke this thread
      events.catchUp();
    }
    return r;
  }

  /**
   * Waits until serial port {@code port} has received bytes ({@code output} false) or has room to
   * transmit ({@code output} true): NONE if it has already (or on the call again after a wait),
   * else BLOCKED, the thread parked until the port reports news. The caller checks again.
   */
  int awaitSerial(int portId, SerialPort port, boolean output) {
    if (rt.threads.resumed()) {
      return Values.NONE;
    }
    return events.awaitSerial(port, portId, output);
  }
}
