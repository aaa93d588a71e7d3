package dev.zvm.vhal.virtual;

/**
 * A Java model of a device on a virtual I2C bus, attached at its 7-bit address. A transaction is
 * a {@link #write} (when the master sends bytes), then a {@link #read} after a repeated start (when
 * it asks for bytes). Called from the thread running the transaction, one at a time.
 */
public interface I2cDevice {
  void write(byte[] src, int off, int len);

  void read(byte[] dst, int off, int len);
}
