package dev.zvm.vm;

/**
 * Registers the natives of the stdlib's board and library modules: the pins ({@link GpioNatives}),
 * PWM and ADC ({@link PwmAdcNatives}), serial streams ({@link SerialNatives}), SPI and I2C
 * ({@link BusNatives}), {@code math}, {@code random}, {@code struct} and Zerynth's {@code gc}
 * functions. The builtins and the builtin types' methods are {@link Builtins} and {@link Methods}.
 */
final class NativeModules {
  private NativeModules() {}

  static void register(Runtime rt, Natives n) {
    GpioNatives.register(n);
    PwmAdcNatives.register(n);
    SerialNatives.register(n);
    BusNatives.register(n);
    MathNatives.register(n);
    RandomNatives.register(rt, n);
    StructNatives.register(n);
    GcNatives.register(rt, n);
  }
}
