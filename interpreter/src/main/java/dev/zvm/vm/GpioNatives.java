package dev.zvm.vm;

import static dev.zvm.vm.Args.get;

import dev.zvm.vhal.PinMode;

/**
 * Digital pins: the builtins {@code pinMode}, {@code digitalRead}, {@code digitalWrite},
 * {@code pinToggle} (Zerynth's natives 24..27) and the {@code gpio} module's {@code mode},
 * {@code get}, {@code set}, {@code high}, {@code low}, {@code toggle} over the board's
 * {@link dev.zvm.vhal.Gpio}. Levels are ints: {@code digitalRead} gives 0 or 1, a write takes any
 * int (non-zero is high) or a bool. None of them allocates.
 */
final class GpioNatives {
  private GpioNatives() {}

  static void register(Natives n) {
    NativeFn mode = BoardAccess.guard(GpioNatives::mode);
    NativeFn read = BoardAccess.guard(GpioNatives::read);
    NativeFn write = BoardAccess.guard(GpioNatives::write);
    NativeFn toggle = BoardAccess.guard(GpioNatives::toggle);
    n.add("builtins.pinMode", 2, 2, mode);
    n.add("builtins.digitalRead", 1, 1, read);
    n.add("builtins.digitalWrite", 2, 2, write);
    n.add("builtins.pinToggle", 1, 1, toggle);
    n.add("gpio.mode", 2, 2, mode);
    n.add("gpio.get", 1, 1, read);
    n.add("gpio.set", 2, 2, write);
    n.add("gpio.toggle", 1, 1, toggle);
    n.add("gpio.high", 1, 1, BoardAccess.guard((r, a, c, kw, nk) -> level(r, r.hw.pin(get(r, a, 0)), 1)));
    n.add("gpio.low", 1, 1, BoardAccess.guard((r, a, c, kw, nk) -> level(r, r.hw.pin(get(r, a, 0)), 0)));
  }

  private static int mode(Runtime rt, int a, int n, int kw, int nkw) {
    int pin = rt.hw.pin(get(rt, a, 0));
    long code = rt.ints.arg(get(rt, a, 1), "mode");
    if (code != (int) code) {
      throw rt.valueError("mode=" + code + " is not a pin mode");
    }
    rt.hw.board().gpio().setMode(pin, PinMode.fromCode((int) code));
    return Values.NONE;
  }

  private static int read(Runtime rt, int a, int n, int kw, int nkw) {
    return Values.small(rt.hw.board().gpio().read(rt.hw.pin(get(rt, a, 0))));
  }

  private static int write(Runtime rt, int a, int n, int kw, int nkw) {
    int pin = rt.hw.pin(get(rt, a, 0));
    long value = rt.ints.arg(get(rt, a, 1), "value");
    return level(rt, pin, value != 0 ? 1 : 0);
  }

  private static int level(Runtime rt, int pin, int level) {
    rt.hw.board().gpio().write(pin, level);
    return Values.NONE;
  }

  private static int toggle(Runtime rt, int a, int n, int kw, int nkw) {
    rt.hw.board().gpio().toggle(rt.hw.pin(get(rt, a, 0)));
    return Values.NONE;
  }
}
