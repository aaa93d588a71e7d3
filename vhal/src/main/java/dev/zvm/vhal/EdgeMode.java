package dev.zvm.vhal;

/**
 * Which edges an interrupt on a pin reports. Zerynth keeps one rise and one fall callback per pin;
 * the VM attaches the union of those it holds.
 */
public enum EdgeMode {
  RISING,
  FALLING,
  BOTH;

  public boolean accepts(Edge edge) {
    return this == BOTH || (edge == Edge.RISING) == (this == RISING);
  }

  /** The mode reporting rising edges when {@code rising}, falling ones when {@code falling}; null for neither. */
  public static EdgeMode of(boolean rising, boolean falling) {
    if (rising && falling) {
      return BOTH;
    }
    if (rising) {
      return RISING;
    }
    return falling ? FALLING : null;
  }
}
