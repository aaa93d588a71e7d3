package dev.zvm.vhal.virtual;

import dev.zvm.vhal.I2cBus;
import dev.zvm.vhal.VhalError;
import dev.zvm.vhal.VhalException;
import java.util.Objects;

/**
 * An I2C bus of a virtual board with its {@link I2cDevice}s, one per 7-bit address. A transaction
 * with an address no device holds fails as a real master's does on a missing acknowledge.
 *
 * <p>Threads: the device table is guarded by this bus's monitor, held for the whole transaction.
 */
public final class VirtualI2cBus implements I2cBus {
  private final int id;
  private final String name;
  private final I2cDevice[] devices = new I2cDevice[128];

  VirtualI2cBus(VirtualBoard board, int id) {
    this.id = id;
    this.name = board.definition().peripheralName(id);
  }

  @Override
  public int id() {
    return id;
  }

  public String name() {
    return name;
  }

  /** Host: puts {@code device} on the bus at {@code address}; one device per address. */
  public synchronized void attach(int address, I2cDevice device) {
    Objects.requireNonNull(device, "device");
    checkAddress(address);
    if (devices[address] != null) {
      throw new IllegalArgumentException(name + ": address=" + hex(address) + " already has a device");
    }
    devices[address] = device;
  }

  /** Host: takes the device at {@code address} off the bus. */
  public synchronized void detach(int address) {
    checkAddress(address);
    devices[address] = null;
  }

  @Override
  public synchronized void transmit(
      int address, byte[] tx, int txOff, int txLen, byte[] rx, int rxOff, int rxLen) {
    checkAddress(address);
    if (txLen > 0) {
      Objects.checkFromIndexSize(txOff, txLen, tx.length);
    }
    if (rxLen > 0) {
      Objects.checkFromIndexSize(rxOff, rxLen, rx.length);
    }
    I2cDevice device = devices[address];
    if (device == null) {
      throw new VhalException(
          VhalError.PERIPHERAL, name + ": address=" + hex(address) + " not acknowledged (no device)");
    }
    if (txLen > 0) {
      device.write(tx, txOff, txLen);
    }
    if (rxLen > 0) {
      device.read(rx, rxOff, rxLen);
    }
  }

  private static void checkAddress(int address) {
    if (address < 0 || address > 127) {
      throw new IllegalArgumentException("address=" + address + " must be a 7-bit address (0..127)");
    }
  }

  private static String hex(int address) {
    return String.format("0x%02x", address);
  }
}
