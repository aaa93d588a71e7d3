package dev.zvm.vhal;

/**
 * An I2C bus, master side (Zerynth's {@code vhalI2CTransmit}). Any thread, one transaction at a time.
 */
public interface I2cBus {
  /** This bus's id ({@code I2C0} = {@code 0x0300}). */
  int id();

  /**
   * One transaction with the device at 7-bit {@code address}: writes {@code txLen} bytes (when
   * {@code txLen > 0}), then, after a repeated start, reads {@code rxLen} bytes (when
   * {@code rxLen > 0}). {@link VhalError#PERIPHERAL} when no device acknowledges the address;
   * an address outside 0..127 is an {@link IllegalArgumentException}.
   */
  void transmit(int address, byte[] tx, int txOff, int txLen, byte[] rx, int rxOff, int rxLen);
}
