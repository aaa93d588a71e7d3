package dev.zvm.vhal;

/**
 * Digital pins: modes, levels and edge interrupts (Zerynth's {@code pinMode}, {@code digitalRead},
 * {@code digitalWrite}, {@code pinToggle}, {@code vhalPinAttachInterrupt}). Every pin argument is
 * a virtual pin of the board's {@link BoardDefinition}; any other number raises
 * {@link VhalError#INVALID_PIN}. Every method may be called from any thread and returns at once.
 */
public interface Gpio {
  void setMode(int pin, PinMode mode);

  PinMode mode(int pin);

  /** The pin's level, 0 or 1, whatever its mode. */
  int read(int pin);

  /** Sets the pin's output latch: 0 is low, any other value high. It shows on the pin in an output mode. */
  void write(int pin, int level);

  /** Inverts the pin's output latch. */
  void toggle(int pin);

  /**
   * Reports the pin's edges of {@code mode} to the board's {@link EdgeListener}, replacing any
   * interrupt the pin had. With {@code debounceNanos > 0} an edge is reported only once the new
   * level has stayed stable for that long, at the time it has (Zerynth's debounce): bounces shorter
   * than the debounce give nothing, and the board needs {@link Board#poll(long)} to report it.
   * With 0, each edge is reported at once, from the thread that changed the pin.
   */
  void attachInterrupt(int pin, EdgeMode mode, long debounceNanos);

  /** Stops reporting the pin's edges; nothing happens if none were reported. */
  void detachInterrupt(int pin);
}
