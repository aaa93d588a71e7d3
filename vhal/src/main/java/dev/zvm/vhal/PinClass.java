package dev.zvm.vhal;

/**
 * The classes of virtual pin. A virtual pin number is {@code (class << 8) | index}, as in Zerynth's
 * {@code vhal_pins.h}: {@code D3} is {@code 0x0003}, {@code A0} is {@code 0x0100}, {@code D3.PWM} is
 * {@code 0x04nn} (its index in the board's PWM table), {@code LED0} is {@code 0x0900}, {@code BTN0}
 * is {@code 0x0A00}. The codes are Zerynth's; only the classes this board model uses are listed.
 */
public enum PinClass {
  DIGITAL(0, "D"),
  ANALOG(1, "A"),
  PWM(4, "PWM"),
  LED(9, "LED"),
  BUTTON(10, "BTN");

  /** The largest number of pins of one class: the index is the low byte of a virtual pin. */
  public static final int MAX_PER_CLASS = 256;

  private final int code;
  private final String prefix;

  PinClass(int code, String prefix) {
    this.code = code;
    this.prefix = prefix;
  }

  /** Zerynth's class code, the high byte of a virtual pin. */
  public int code() {
    return code;
  }

  /** The name prefix of the pins of this class ({@code D}, {@code A}, {@code LED}, {@code BTN}), or the function suffix ({@code PWM}). */
  public String prefix() {
    return prefix;
  }

  /** The virtual pin number of the {@code index}th pin of this class. */
  public int pin(int index) {
    if (index < 0 || index >= MAX_PER_CLASS) {
      throw new IllegalArgumentException("index=" + index + " must be in 0.." + (MAX_PER_CLASS - 1));
    }
    return (code << 8) | index;
  }

  /** The class of a virtual pin number, or null when its high byte names no class of this list. */
  public static PinClass of(int pin) {
    int c = pin >>> 8;
    for (PinClass k : values()) {
      if (k.code == c) {
        return k;
      }
    }
    return null;
  }
}
