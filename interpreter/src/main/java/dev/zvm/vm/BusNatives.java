package dev.zvm.vm;

import static dev.zvm.vm.Args.get;

import dev.zvm.vhal.PeripheralClass;

/**
 * The natives under {@code spi.py} and {@code i2c.py}: transactions on the board's SPI and I2C
 * buses, where Java device models answer. Data goes out as bytes or bytearray (the Python side
 * turns ints and lists into bytes first) and comes back as bytes.
 */
final class BusNatives {
  private BusNatives() {}

  static void register(Natives n) {
    n.add("spi._bus", 1, 1, BoardAccess.guard((r, a, c, kw, nk) -> {
      int id = r.hw.peripheral(get(r, a, 0), PeripheralClass.SPI);
      r.hw.board().spi(id);
      return Values.small(id);
    }));
    n.add("spi._select", 2, 2, BoardAccess.guard((r, a, c, kw, nk) -> {
      spi(r, get(r, a, 0)).select(r.hw.pin(get(r, a, 1)));
      return Values.NONE;
    }));
    n.add("spi._unselect", 1, 1, BoardAccess.guard((r, a, c, kw, nk) -> {
      spi(r, get(r, a, 0)).unselect();
      return Values.NONE;
    }));
    n.add("spi._exchange", 4, 4, BoardAccess.guard(BusNatives::spiExchange));
    n.add("i2c._bus", 1, 1, BoardAccess.guard((r, a, c, kw, nk) -> {
      int id = r.hw.peripheral(get(r, a, 0), PeripheralClass.I2C);
      r.hw.board().i2c(id);
      return Values.small(id);
    }));
    n.add("i2c._transmit", 4, 4, BoardAccess.guard(BusNatives::i2cTransmit));
  }

  private static dev.zvm.vhal.SpiBus spi(Runtime rt, int bus) {
    return rt.hw.board().spi(rt.hw.peripheral(bus, PeripheralClass.SPI));
  }

  /** Bytes to send: a bytes-like object, or None for nothing. */
  private static byte[] data(Runtime rt, int v) {
    if (v == Values.NONE) {
      return null;
    }
    if (!rt.bytes.isBytesLike(v)) {
      throw rt.typeError("data must be bytes or bytearray, not " + rt.typeName(v));
    }
    return rt.bytes.toJava(v);
  }

  private static int count(Runtime rt, int v) {
    long n = rt.ints.arg(v, "n");
    if (n < 0 || n > Types.MAX_ELEMENTS) {
      throw rt.valueError("n=" + n + " must be in 0.." + Types.MAX_ELEMENTS);
    }
    return (int) n;
  }

  /**
   * {@code _exchange(bus, data, n, keep)}: shifts {@code data} out (or {@code n} zero bytes when
   * it is None) and returns what came in as bytes, or None when {@code keep} is false.
   */
  private static int spiExchange(Runtime rt, int a, int n, int kw, int nkw) {
    dev.zvm.vhal.SpiBus bus = spi(rt, get(rt, a, 0));
    byte[] tx = data(rt, get(rt, a, 1));
    int len = tx != null ? tx.length : count(rt, get(rt, a, 2));
    boolean keep = rt.ops.truthy(get(rt, a, 3));
    byte[] rx = keep ? new byte[len] : null;
    bus.exchange(tx, 0, rx, 0, len);
    return keep ? rt.bytes.newBytes(rx, 0, len) : Values.NONE;
  }

  /**
   * {@code _transmit(bus, addr, data, n)}: writes {@code data} (None: nothing) to the device at
   * {@code addr}, then reads {@code n} bytes after a repeated start; returns them as bytes, or
   * None when {@code n} is 0.
   */
  private static int i2cTransmit(Runtime rt, int a, int n, int kw, int nkw) {
    int id = rt.hw.peripheral(get(rt, a, 0), PeripheralClass.I2C);
    long addr = rt.ints.arg(get(rt, a, 1), "addr");
    if (addr < 0 || addr > 127) {
      throw rt.valueError("addr=" + addr + " is not a 7-bit I2C address");
    }
    byte[] tx = data(rt, get(rt, a, 2));
    int rxLen = count(rt, get(rt, a, 3));
    byte[] rx = rxLen > 0 ? new byte[rxLen] : null;
    rt.hw.board().i2c(id).transmit((int) addr, tx, 0, tx == null ? 0 : tx.length, rx, 0, rxLen);
    return rxLen > 0 ? rt.bytes.newBytes(rx, 0, rxLen) : Values.NONE;
  }
}
