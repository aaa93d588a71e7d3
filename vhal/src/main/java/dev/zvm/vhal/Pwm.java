package dev.zvm.vhal;

/**
 * Pulse-width modulation (Zerynth's {@code vhalPwmStart}). A pin argument is a pin whose pad has a
 * PWM function ({@code D3.PWM}, or {@code D3} itself); any other raises {@link VhalError#INVALID_PIN}.
 * Any thread; never blocks: the caller that must wait for its pulses waits until the returned time.
 */
public interface Pwm {
  /** What {@link #start} returns for a pulse train that does not end. */
  long FOREVER = Long.MAX_VALUE;

  /**
   * Starts (or changes, or stops) the PWM output of a pin: a pulse of {@code pulseNanos} every
   * {@code periodNanos}, {@code npulses} times, or without end when {@code npulses} is 0. As in
   * Zerynth, a period or pulse of 0, or a pulse longer than the period, stops the output. Negative
   * values are an {@link IllegalArgumentException}.
   *
   * @return the clock time at which the last pulse ends ({@code now + npulses * period}),
   *     {@link #FOREVER} for an endless train, or now when this call stopped the output
   */
  long start(int pin, long periodNanos, long pulseNanos, int npulses);

  /** Stops the PWM output of a pin. */
  void stop(int pin);
}
