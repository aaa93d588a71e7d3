package dev.zvm.vhal;

/**
 * The analog-to-digital converter (Zerynth's {@code vhalAdcRead}). A pin argument is a pin whose
 * pad has an ADC channel ({@code A0}); any other raises {@link VhalError#INVALID_PIN}. Any thread;
 * a virtual conversion takes no time.
 */
public interface Adc {
  /** One sample of the pin, in {@code 0 .. (1 << resolutionBits()) - 1}. */
  int read(int pin);

  int resolutionBits();
}
