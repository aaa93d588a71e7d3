package dev.zvm.vm;

import static dev.zvm.vm.Args.get;

import dev.zvm.vhal.PeripheralClass;
import dev.zvm.vhal.SerialPort;

/**
 * The natives under {@code streams.py}: byte streams on the board's serial ports. The Python side
 * ({@code streams.stream}, {@code streams.serial}) loops over these non-blocking calls and waits
 * with {@code _wait} when a port has nothing to read or no room to write, so every blocking point
 * is one native ({@link BoardAccess#awaitSerial}).
 *
 * <p>The console, {@code SERIAL0}, is the VM's stdout sink on the transmit side: what a program
 * writes to it joins print's output buffer, in order. Its receive side is the board's console port,
 * which the host feeds. Other ports use the board's port in both directions.
 *
 * <p>{@code print} writes to the console unless a program made another serial stream the default
 * ({@code streams.serial(SERIAL1)}) or passed {@code stream=}: then it formats the line and calls
 * that stream's {@code write} ({@link #print}).
 */
final class SerialNatives {
  private SerialNatives() {}

  static void register(Natives n) {
    n.add("streams._open", 1, 1, BoardAccess.guard((r, a, c, kw, nk) -> {
      int id = r.hw.peripheral(get(r, a, 0), PeripheralClass.SERIAL);
      r.hw.board().serial(id);
      return Values.small(id);
    }));
    n.add("streams._write", 3, 3, BoardAccess.guard(SerialNatives::write));
    n.add("streams._read_into", 3, 3, BoardAccess.guard(SerialNatives::readInto));
    n.add("streams._read_line", 4, 4, BoardAccess.guard(SerialNatives::readLine));
    n.add("streams._available", 1, 1, BoardAccess.guard((r, a, c, kw, nk) ->
        r.ints.box(port(r, get(r, a, 0)).available())));
    n.add("streams._wait", 2, 2, BoardAccess.guard((r, a, c, kw, nk) -> {
      int id = r.hw.peripheral(get(r, a, 0), PeripheralClass.SERIAL);
      return r.hw.awaitSerial(id, r.hw.board().serial(id), r.ops.truthy(get(r, a, 1)));
    }));
    n.add("streams._set_default", 2, 2, (r, a, c, kw, nk) -> {
      r.hw.setPrintStream(Values.smallValue(get(r, a, 0)), get(r, a, 1));
      return Values.NONE;
    });
    n.add("streams._close", 1, 1, (r, a, c, kw, nk) -> {
      r.hw.closed(Values.smallValue(get(r, a, 0)));
      return Values.NONE;
    });
  }

  private static SerialPort port(Runtime rt, int v) {
    return rt.hw.board().serial(rt.hw.peripheral(v, PeripheralClass.SERIAL));
  }

  private static boolean isConsole(Runtime rt, int v) {
    return Values.smallValue(v) == rt.hw.board().definition().console();
  }

  private static int bytesArg(Runtime rt, int v, String what) {
    if (!rt.bytes.isBytesLike(v)) {
      throw rt.typeError(what + " must be bytes or bytearray, not " + rt.typeName(v));
    }
    return v;
  }

  /** {@code _write(port, buf, ofs)}: writes {@code buf[ofs:]} as far as it fits; returns the new offset. */
  private static int write(Runtime rt, int a, int n, int kw, int nkw) {
    int buf = bytesArg(rt, get(rt, a, 1), "buf");
    int len = rt.bytes.length(buf);
    int ofs = (int) Math.max(0, Math.min(len, rt.ints.arg(get(rt, a, 2), "ofs")));
    if (isConsole(rt, get(rt, a, 0))) {
      for (int i = ofs; i < len; i++) {
        rt.writeByte(rt.bytes.get(buf, i));
      }
      return Values.small(len);
    }
    SerialPort port = port(rt, get(rt, a, 0));
    byte[] data = rt.bytes.toJava(buf);
    return Values.small(ofs + port.write(data, ofs, len - ofs));
  }

  /** {@code _read_into(port, buf, ofs)}: fills {@code buf[ofs:]} with what has arrived; returns the new offset. */
  private static int readInto(Runtime rt, int a, int n, int kw, int nkw) {
    SerialPort port = port(rt, get(rt, a, 0));
    int buf = get(rt, a, 1);
    if (rt.typeCode(buf) != Types.BYTEARRAY) {
      throw rt.typeError("buf must be a bytearray, not " + rt.typeName(buf));
    }
    int len = rt.bytes.length(buf);
    int ofs = (int) Math.max(0, Math.min(len, rt.ints.arg(get(rt, a, 2), "ofs")));
    while (ofs < len) {
      int b = port.read();
      if (b < 0) {
        break;
      }
      rt.bytes.put(buf, ofs++, b);
    }
    return Values.small(ofs);
  }

  /**
   * {@code _read_line(port, line, sep, limit)}: appends arrived bytes to the bytearray {@code line}
   * up to and including the byte {@code sep}, or until it holds {@code limit} bytes ({@code limit}
   * 0: no limit). True when the line is complete, False when the port ran dry first.
   */
  private static int readLine(Runtime rt, int a, int n, int kw, int nkw) {
    SerialPort port = port(rt, get(rt, a, 0));
    int line = get(rt, a, 1);
    if (rt.typeCode(line) != Types.BYTEARRAY) {
      throw rt.typeError("line must be a bytearray, not " + rt.typeName(line));
    }
    long sep = rt.ints.arg(get(rt, a, 2), "sep");
    long limit = rt.ints.arg(get(rt, a, 3), "limit");
    while (limit <= 0 || rt.bytes.length(line) < limit) {
      int b = port.read();
      if (b < 0) {
        return Values.FALSE;
      }
      rt.bytes.append(line, Values.small(b));
      if (b == sep) {
        return Values.TRUE;
      }
    }
    return Values.TRUE;
  }

  /**
   * print's way to a stream other than the console: formats the line as print does ({@code str}
   * of each argument, {@code sep} between, {@code end} after) and calls {@code write} with it.
   */
  static int print(Runtime rt, int write, int a, int n, int sep, int end) {
    int mark = rt.keep(write); // str() below may collect: the bound method may be fresh
    TextBuffer text = rt.text;
    int start = text.length();
    try {
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          addOr(rt, sep, ' ');
        }
        rt.printer.textInto(text, get(rt, a, i), false);
      }
      addOr(rt, end, '\n');
      int line = text.toStr(start);
      text.truncate(start);
      rt.call1(write, line);
    } finally {
      text.truncate(start);
      rt.release(mark);
    }
    return Values.NONE;
  }

  private static void addOr(Runtime rt, int s, char dflt) {
    if (s == Values.NULL || s == Values.NONE) {
      rt.text.add(dflt);
    } else {
      rt.text.addStr(s);
    }
  }
}
