package dev.zvm.vm;

import static dev.zvm.vm.Args.get;

import dev.zvm.bytecode.ExceptionTree;

/**
 * The analog side of the board: PWM outputs ({@code pwm.write}, the builtin {@code analogWrite})
 * and ADC inputs ({@code adc.read}, the builtin {@code analogRead}).
 *
 * <p>{@code pwm.write(pin, period, pulse, time_unit=MILLIS, npulses=0)} is Python
 * ({@code pwm.py}) over two natives: {@code pwm._start} starts the train and returns the board time
 * at which its last pulse ends, and {@code pwm._wait_until} waits for that time when
 * {@code npulses > 0}, so a counted train blocks until its pulses are out, as in Zerynth.
 *
 * <p>{@code adc.read(pin, samples=1)}: one pin and one sample give an int; more samples give a
 * {@code shorts} of them; a list or tuple of pins gives a {@code shorts} with one sample per pin,
 * or with {@code samples > 1} a tuple holding a {@code shorts} of samples per pin. Samples are
 * taken pin after pin, sample after sample, as vhal interleaves them.
 */
final class PwmAdcNatives {
  private PwmAdcNatives() {}

  static void register(Natives n) {
    n.add("pwm._start", 5, 5, BoardAccess.guard(PwmAdcNatives::pwmStart));
    n.add("pwm._wait_until", 1, 1, (r, a, c, kw, nk) -> r.hw.awaitTime(r.ints.arg(get(r, a, 0), "time")));
    NativeFn read = BoardAccess.guard(PwmAdcNatives::adcRead);
    n.addKw("adc.read", 1, 2, read);
    n.addKw("builtins.analogRead", 1, 2, read);
  }

  /**
   * {@code _start(pin, period, pulse, time_unit, npulses)}: the end time of a counted train, in
   * board ns; None for an endless one or a stop, so that a fade loop allocates nothing.
   */
  private static int pwmStart(Runtime rt, int a, int n, int kw, int nkw) {
    int pin = rt.hw.pin(get(rt, a, 0));
    long period = TimeUnits.toNanos(rt, get(rt, a, 1), get(rt, a, 3), "period");
    long pulse = TimeUnits.toNanos(rt, get(rt, a, 2), get(rt, a, 3), "pulse");
    long npulses = rt.ints.arg(get(rt, a, 4), "npulses");
    if (npulses < 0 || npulses > Integer.MAX_VALUE) {
      throw rt.valueError("npulses=" + npulses + " must be in 0.." + Integer.MAX_VALUE);
    }
    long end = rt.hw.board().pwm().start(pin, period, pulse, (int) npulses);
    return npulses == 0 ? Values.NONE : rt.ints.box(end);
  }

  private static int adcRead(Runtime rt, int a, int n, int kw, int nkw) {
    Args.checkKeywords(rt, kw, nkw, "read", "samples");
    int pins = get(rt, a, 0);
    long samples = rt.ints.arg(Args.posOrKw(rt, a, n, kw, nkw, 1, "samples", Values.ONE), "samples");
    if (samples < 1 || samples > Types.MAX_ELEMENTS) {
      throw rt.valueError("samples=" + samples + " must be in 1.." + Types.MAX_ELEMENTS);
    }
    dev.zvm.vhal.Adc adc = rt.hw.board().adc();
    if (!rt.lists.isList(pins) && !rt.lists.isTuple(pins)) {
      int pin = rt.hw.pin(pins);
      if (samples == 1) {
        return Values.small(adc.read(pin));
      }
      int out = rt.bytes.alloc(Types.SHORTS, (int) samples);
      for (int s = 0; s < samples; s++) {
        rt.bytes.put(out, s, adc.read(pin));
      }
      return out;
    }
    int count = rt.lists.length(pins);
    if (count == 0) {
      throw rt.raise(ExceptionTree.VALUE_ERROR, "adc.read() needs at least one pin");
    }
    int[] pin = new int[count];
    for (int i = 0; i < count; i++) {
      pin[i] = rt.hw.pin(rt.lists.get(pins, i));
    }
    if (samples == 1) {
      int out = rt.bytes.alloc(Types.SHORTS, count);
      for (int i = 0; i < count; i++) {
        rt.bytes.put(out, i, adc.read(pin[i]));
      }
      return out;
    }
    int tuple = rt.lists.newTuple(count);
    int mark = rt.keep(tuple);
    try {
      for (int i = 0; i < count; i++) {
        int shorts = rt.bytes.alloc(Types.SHORTS, (int) samples);
        rt.w[Runtime.at(tuple) + i] = shorts;
      }
      for (int s = 0; s < samples; s++) {
        for (int i = 0; i < count; i++) {
          rt.bytes.put(rt.w[Runtime.at(tuple) + i], s, adc.read(pin[i]));
        }
      }
      return tuple;
    } finally {
      rt.release(mark);
    }
  }
}
