package dev.zvm.vhal.virtual;

import dev.zvm.vhal.PinMode;
import dev.zvm.vhal.SpiBus;
import dev.zvm.vhal.VhalError;
import dev.zvm.vhal.VhalException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An SPI bus of a virtual board with its {@link SpiDevice}s, each at a chip-select pad. Selecting a
 * pad with no device is allowed: its MISO line floats high, so it reads {@code 0xFF}.
 *
 * <p>{@link #select} makes the chip-select pin a push-pull output (idle high first, if it was not
 * an output) and drives it low; {@link #unselect} drives it high, so transactions show in traces.
 *
 * <p>Threads: the devices and the open transaction are guarded by this bus's monitor. Selecting
 * drives the chip-select pad through the board's GPIO (bus lock, then pad lock: the only order).
 */
public final class VirtualSpiBus implements SpiBus {
  private static final int NONE = -1;

  private final VirtualBoard board;
  private final int id;
  private final String name;
  private final Map<Integer, SpiDevice> devicesByPad = new HashMap<>();
  private int selectedPin = NONE;
  private SpiDevice selected;

  VirtualSpiBus(VirtualBoard board, int id) {
    this.board = board;
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

  /** Host: puts {@code device} on the bus behind chip-select pin {@code csPin}; one device per pad. */
  public synchronized void attach(int csPin, SpiDevice device) {
    Objects.requireNonNull(device, "device");
    int pad = board.definition().padOf(csPin);
    if (devicesByPad.containsKey(pad)) {
      throw new IllegalArgumentException(
          name + ": " + board.definition().describe(csPin) + " already has a device");
    }
    devicesByPad.put(pad, device);
  }

  /** Host: takes the device behind {@code csPin} off the bus. */
  public synchronized void detach(int csPin) {
    devicesByPad.remove(board.definition().padOf(csPin));
  }

  @Override
  public synchronized void select(int csPin) {
    int pad = board.definition().padOf(csPin);
    if (selectedPin != NONE) {
      throw new VhalException(
          VhalError.HARDWARE_STATUS,
          name + " is already selected (" + board.definition().describe(selectedPin) + ")");
    }
    if (board.gpio().mode(csPin) != PinMode.OUTPUT) {
      board.gpio().write(csPin, 1);
      board.gpio().setMode(csPin, PinMode.OUTPUT);
    }
    board.gpio().write(csPin, 0);
    selectedPin = csPin;
    selected = devicesByPad.get(pad);
    if (selected != null) {
      selected.selected();
    }
  }

  @Override
  public synchronized void exchange(byte[] tx, int txOff, byte[] rx, int rxOff, int len) {
    if (tx != null) {
      Objects.checkFromIndexSize(txOff, len, tx.length);
    }
    if (rx != null) {
      Objects.checkFromIndexSize(rxOff, len, rx.length);
    }
    if (selectedPin == NONE) {
      throw new VhalException(VhalError.HARDWARE_STATUS, name + ": exchange with no device selected");
    }
    for (int i = 0; i < len; i++) {
      int mosi = tx == null ? 0 : tx[txOff + i] & 0xFF;
      int miso = selected == null ? 0xFF : selected.transfer(mosi) & 0xFF;
      if (rx != null) {
        rx[rxOff + i] = (byte) miso;
      }
    }
  }

  @Override
  public synchronized void unselect() {
    if (selectedPin == NONE) {
      throw new VhalException(VhalError.HARDWARE_STATUS, name + ": unselect with no device selected");
    }
    SpiDevice device = selected;
    int pin = selectedPin;
    selected = null;
    selectedPin = NONE;
    board.gpio().write(pin, 1);
    if (device != null) {
      device.deselected();
    }
  }
}
