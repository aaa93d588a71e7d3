package dev.zvm.vhal;

import java.util.function.LongSupplier;

/**
 * A board as the VM sees it: its definition, its peripherals, the listeners through which it
 * reports hardware events, and the timed work it needs done. The VM holds one board; its natives
 * call the peripherals from the carrier thread; anything else (a test, a service, a stimulus) may
 * change the board's inputs from any thread.
 *
 * <p><b>Time.</b> A board reads time from the clock it is given ({@link #setClock}): the VM hands
 * it the kernel's clock before it runs anything, so under the virtual clock every timestamp a board
 * takes (edges, traces, PWM ends) is virtual time.
 *
 * <p><b>Timed work.</b> A board never starts a thread. Work due at a time (a debounce period that
 * ends, a PWM pulse train that ends, a scheduled stimulus) is done by {@link #poll(long)}, which
 * the VM calls when the clock reaches {@link #nextDeadlineNanos()}: from a kernel timer, or from
 * the virtual clock as it jumps to the next deadline. When a board gains a deadline earlier than
 * any it had, it tells the {@link DeadlineListener}, so the kernel can arm a timer for it.
 */
public interface Board {
  /** What {@link #nextDeadlineNanos()} returns when nothing is due, ever. */
  long NO_DEADLINE = Long.MAX_VALUE;

  BoardDefinition definition();

  /**
   * The clock the board reads, in nanoseconds. Any thread; set it before anything reads the board
   * (timestamps taken on the old clock are not converted).
   */
  void setClock(LongSupplier nanoClock);

  /** The clock's current time in nanoseconds. Any thread. */
  long nowNanos();

  Gpio gpio();

  Pwm pwm();

  Adc adc();

  /** The serial port with this id ({@code SERIAL0} = {@link BoardDefinition#console()}); {@link VhalError#INVALID_PIN} if none. */
  SerialPort serial(int id);

  /** The SPI bus with this id ({@code SPI0}); {@link VhalError#INVALID_PIN} if none. */
  SpiBus spi(int id);

  /** The I2C bus with this id ({@code I2C0}); {@link VhalError#INVALID_PIN} if none. */
  I2cBus i2c(int id);

  /** Where edges of pins with an interrupt attached go; null for nowhere. Any thread. */
  void setEdgeListener(EdgeListener listener);

  /** Who to tell when the board gains an earlier deadline; null for no one. Any thread. */
  void setDeadlineListener(DeadlineListener listener);

  /** Where serial events go (input arrived, output space freed), for every port; null for nowhere. Any thread. */
  void setSerialListener(SerialListener listener);

  /**
   * Does the work due at or before {@code nowNanos}, in time order, each at its own time (so a
   * late poll still records and reports the exact deadline). Any thread, never blocks on anything
   * but the board's own short locks. Returns how many items of work it did; the caller then
   * re-reads {@link #nextDeadlineNanos()} to know when to poll again.
   */
  int poll(long nowNanos);

  /** The earliest time at which {@link #poll(long)} has work, or {@link #NO_DEADLINE}. Any thread. */
  long nextDeadlineNanos();
}
