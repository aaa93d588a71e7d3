package dev.zvm.vhal;

/**
 * Receives the edges of pins with an interrupt attached. The VM forwards each into the kernel's
 * ISR gateway, where the interrupt thread picks it up.
 *
 * <p>Called from the thread that changed the pin (an undebounced edge) or from the thread running
 * {@link Board#poll(long)} (a debounced one), while the board holds the pin's lock: it must return
 * quickly and never block (offer to a queue, count an overflow). One call per edge, in the order
 * of the pin's changes.
 */
@FunctionalInterface
public interface EdgeListener {
  /**
   * @param pin the virtual pin the interrupt was attached with
   * @param edge the direction of the change
   * @param nanos the board-clock time of the edge: the change itself, or the end of the debounce
   *     period that confirmed it
   */
  void edgeFromIsr(int pin, Edge edge, long nanos);
}
