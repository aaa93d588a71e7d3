package dev.zvm.vhal;

/** A level change on a pin: low to high ({@code RISING}) or high to low ({@code FALLING}). */
public enum Edge {
  RISING,
  FALLING;

  /** The level a pin has after this edge. */
  public int level() {
    return this == RISING ? 1 : 0;
  }

  /** The edge that brings a pin to {@code level} (0 or 1). */
  public static Edge toLevel(int level) {
    return level != 0 ? RISING : FALLING;
  }
}
