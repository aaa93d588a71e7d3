package dev.zvm.vhal.virtual;

/**
 * A simple sensor with a map of 128 eight-bit registers, speaking both I2C and SPI the way most
 * small sensors do. It is the device the bus tests and example programs talk to.
 *
 * <ul>
 *   <li>{@link #WHO_AM_I} ({@code 0x0F}) holds the device id; writes to it are ignored.
 *   <li>{@link #COUNTER} ({@code 0x10}) counts its own reads: each read returns the value, then
 *       adds one (wrapping at 256). Writing it sets the count.
 *   <li>Every other register reads back what was last written to it (0 at first).
 * </ul>
 *
 * <p>I2C: a write's first byte sets the register pointer, the following bytes are written from
 * there; a read returns registers from the pointer. SPI: the first byte after select is
 * {@code (read ? 0x80 : 0) | register}, the device answers it with 0; then each byte reads (or
 * writes) a register. Both protocols advance the pointer after each byte, wrapping at 128.
 *
 * <p>Threads: every method is synchronized; the host may inspect registers while the VM talks to it.
 */
public final class RegisterMapDevice implements I2cDevice, SpiDevice {
  public static final int WHO_AM_I = 0x0F;
  public static final int COUNTER = 0x10;
  public static final int DEFAULT_ID = 0x5A;
  public static final int REGISTERS = 128;
  private static final int SPI_READ = 0x80;

  private final int[] registers = new int[REGISTERS];
  private int pointer;
  private boolean spiCommandDone;
  private boolean spiReading;

  public RegisterMapDevice() {
    this(DEFAULT_ID);
  }

  public RegisterMapDevice(int id) {
    registers[WHO_AM_I] = checkByte(id, "id");
  }

  /** Host: a register's value, without the side effect of a bus read. */
  public synchronized int register(int register) {
    return registers[checkRegister(register)];
  }

  /** Host: sets a register, the read-only id included. */
  public synchronized void setRegister(int register, int value) {
    registers[checkRegister(register)] = checkByte(value, "value");
  }

  @Override
  public synchronized void write(byte[] src, int off, int len) {
    if (len == 0) {
      return;
    }
    pointer = src[off] & (REGISTERS - 1);
    for (int i = 1; i < len; i++) {
      writeNext(src[off + i] & 0xFF);
    }
  }

  @Override
  public synchronized void read(byte[] dst, int off, int len) {
    for (int i = 0; i < len; i++) {
      dst[off + i] = (byte) readNext();
    }
  }

  @Override
  public synchronized void selected() {
    spiCommandDone = false;
  }

  @Override
  public synchronized int transfer(int mosi) {
    if (!spiCommandDone) {
      spiCommandDone = true;
      spiReading = (mosi & SPI_READ) != 0;
      pointer = mosi & (REGISTERS - 1);
      return 0;
    }
    if (spiReading) {
      return readNext();
    }
    writeNext(mosi);
    return 0;
  }

  private int readNext() {
    int r = pointer;
    int value = registers[r];
    if (r == COUNTER) {
      registers[r] = (value + 1) & 0xFF;
    }
    pointer = (pointer + 1) & (REGISTERS - 1);
    return value;
  }

  private void writeNext(int value) {
    if (pointer != WHO_AM_I) {
      registers[pointer] = value;
    }
    pointer = (pointer + 1) & (REGISTERS - 1);
  }

  private static int checkRegister(int register) {
    if (register < 0 || register >= REGISTERS) {
      throw new IllegalArgumentException("register=" + register + " must be in 0.." + (REGISTERS - 1));
    }
    return register;
  }

  private static int checkByte(int value, String what) {
    if (value < 0 || value > 0xFF) {
      throw new IllegalArgumentException(what + "=" + value + " must be in 0..255");
    }
    return value;
  }
}
