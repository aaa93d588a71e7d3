package dev.zvm.vhal;

/**
 * An SPI bus, master side (Zerynth's {@code vhalSpiSelect}, {@code vhalSpiExchange},
 * {@code vhalSpiUnselect}). A transaction is {@code select(cs)}, any number of exchanges,
 * {@code unselect()}. The chip-select pin is driven low by {@code select} (it becomes an output)
 * and high by {@code unselect}, so it shows in traces. One transaction at a time: the VM serializes
 * Python threads with its own lock, as Zerynth's {@code vhalSpiLock} does. Any thread, but one at a time.
 */
public interface SpiBus {
  /** This bus's id ({@code SPI0} = {@code 0x0200}). */
  int id();

  /** Starts a transaction with the device whose chip select is {@code csPin}; {@link VhalError#HARDWARE_STATUS} if one is open. */
  void select(int csPin);

  /**
   * Shifts {@code len} bytes out and {@code len} bytes in. A null {@code tx} sends zeros; a null
   * {@code rx} drops what comes in. {@link VhalError#HARDWARE_STATUS} outside a transaction.
   */
  void exchange(byte[] tx, int txOff, byte[] rx, int rxOff, int len);

  /** Ends the transaction; {@link VhalError#HARDWARE_STATUS} if none is open. */
  void unselect();
}
