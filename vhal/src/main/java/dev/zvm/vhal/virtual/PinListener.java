package dev.zvm.vhal.virtual;

/**
 * Observes a virtual board's pads: every level change, every PWM setting and every ADC value set
 * from the host. {@link VcdRecorder} is one; a test may be another.
 *
 * <p>Called from the thread that made the change, while the board holds the pad's lock, so the
 * calls for one pad come in the order of its changes, with non-decreasing times when the board is
 * driven by one thread. Must return quickly, and must not wait for another thread that uses the
 * board.
 */
public interface PinListener {
  /**
   * @param pin the pad's main virtual pin ({@code D3}, never {@code D3.PWM})
   * @param level the new level, 0 or 1
   * @param nanos the board-clock time of the change
   */
  void levelChanged(int pin, int level, long nanos);

  /** The pad's PWM output changed: both 0 when it stopped. */
  default void pwmChanged(int pin, long periodNanos, long pulseNanos, long nanos) {}

  /** The host set the value of the pad's ADC channel (values from a source function are not reported). */
  default void analogChanged(int pin, int value, long nanos) {}
}
