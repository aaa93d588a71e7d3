package dev.zvm.vhal.virtual;

import dev.zvm.vhal.Pwm;

/** The VM's side of a virtual board's PWM: checks the arguments and the pad's PWM function. */
final class VirtualPwm implements Pwm {
  private final VirtualBoard board;

  VirtualPwm(VirtualBoard board) {
    this.board = board;
  }

  @Override
  public long start(int pin, long periodNanos, long pulseNanos, int npulses) {
    if (periodNanos < 0 || pulseNanos < 0 || npulses < 0) {
      throw new IllegalArgumentException(
          "period="
              + periodNanos
              + "ns pulse="
              + pulseNanos
              + "ns npulses="
              + npulses
              + ": none may be negative");
    }
    return board.pwmPad(pin).startPwm(periodNanos, pulseNanos, npulses, board.nowNanos());
  }

  @Override
  public void stop(int pin) {
    board.pwmPad(pin).stopPwm(board.nowNanos());
  }
}
