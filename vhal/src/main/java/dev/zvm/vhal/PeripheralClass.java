package dev.zvm.vhal;

/**
 * The classes of peripheral a board offers to drivers. A peripheral id is {@code (class << 8) |
 * index}, with Zerynth's {@code PRPH_*} codes as the class: {@code SERIAL0} is {@code 0x0700},
 * {@code SPI0} is {@code 0x0200}, {@code I2C0} {@code 0x0300}, {@code ADC0} {@code 0x0100},
 * {@code PWMD0} {@code 0x0400}. Encoding the class in the id lets a board reject an SPI id passed
 * where a serial port is expected.
 */
public enum PeripheralClass {
  ADC(1, "ADC"),
  SPI(2, "SPI"),
  I2C(3, "I2C"),
  PWM(4, "PWMD"),
  SERIAL(7, "SERIAL");

  private final int code;
  private final String prefix;

  PeripheralClass(int code, String prefix) {
    this.code = code;
    this.prefix = prefix;
  }

  public int code() {
    return code;
  }

  /** The name prefix of this class's peripherals: {@code SERIAL} for {@code SERIAL0}. */
  public String prefix() {
    return prefix;
  }

  /** The id of the {@code index}th peripheral of this class. */
  public int id(int index) {
    if (index < 0 || index > 0xFF) {
      throw new IllegalArgumentException("index=" + index + " must be in 0..255");
    }
    return (code << 8) | index;
  }

  /** True when {@code id} belongs to this class. */
  public boolean owns(int id) {
    return (id >>> 8) == code && id >= 0;
  }
}
