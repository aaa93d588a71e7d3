package dev.zvm.vhal;

/**
 * The digital pin modes, with Zerynth's codes ({@code INPUT=1}, {@code INPUT_PULLUP=2},
 * {@code INPUT_PULLDOWN=3}, {@code OUTPUT=4}, {@code OUTPUT_OPENDRAIN=5}). How a virtual pad
 * resolves its level from its mode is stated once, in {@code dev.zvm.vhal.virtual.VirtualPad}.
 */
public enum PinMode {
  /** Input without pull: reads what the outside drives, 0 when nothing does. */
  INPUT(1),
  /** Input with a pull-up: reads 1 unless the outside drives it. */
  INPUT_PULLUP(2),
  /** Input with a pull-down: reads 0 unless the outside drives it. */
  INPUT_PULLDOWN(3),
  /** Push-pull output: the pin is the written level, whatever the outside drives. */
  OUTPUT(4),
  /** Open-drain output: a written 0 pulls low; a written 1 releases the line to the outside (or to its pull-up). */
  OUTPUT_OPENDRAIN(5);

  private final int code;

  PinMode(int code) {
    this.code = code;
  }

  /** Zerynth's code for this mode, the value of the Python constant. */
  public int code() {
    return code;
  }

  public boolean isOutput() {
    return this == OUTPUT || this == OUTPUT_OPENDRAIN;
  }

  /**
   * The mode of a Zerynth code. Zerynth's other codes (0 none, 6 high drive, 7 analog input, the
   * alternate function and the EXT codes) are not modelled: they raise an {@link VhalError#UNSUPPORTED}
   * error; any other number is an {@link IllegalArgumentException}.
   */
  public static PinMode fromCode(int code) {
    for (PinMode m : values()) {
      if (m.code == code) {
        return m;
      }
    }
    if (code == 0 || code == 6 || code == 7 || code == 15 || code == 16 || code == 32 || code == 48) {
      throw new VhalException(VhalError.UNSUPPORTED, "mode=" + code + " is not supported by this board");
    }
    throw new IllegalArgumentException("mode=" + code + " is not a pin mode");
  }
}
