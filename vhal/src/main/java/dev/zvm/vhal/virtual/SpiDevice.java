package dev.zvm.vhal.virtual;

/**
 * A Java model of a device on a virtual SPI bus, attached at its chip-select pin. Called from the
 * thread running the transaction (the VM's carrier), one transaction at a time.
 */
public interface SpiDevice {
  /** The chip select went low: a transaction starts. */
  default void selected() {}

  /** One byte shifted each way: takes the byte the master sent (0..255), returns the byte it receives. */
  int transfer(int mosi);

  /** The chip select went high: the transaction ended. */
  default void deselected() {}
}
