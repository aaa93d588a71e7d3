package dev.zvm.vhal.virtual;

import dev.zvm.vhal.EdgeMode;
import dev.zvm.vhal.Gpio;
import dev.zvm.vhal.PinMode;
import java.util.Objects;

/** The VM's side of a virtual board's digital pins: resolves each pin to its pad, at the board clock's time. */
final class VirtualGpio implements Gpio {
  private final VirtualBoard board;

  VirtualGpio(VirtualBoard board) {
    this.board = board;
  }

  @Override
  public void setMode(int pin, PinMode mode) {
    Objects.requireNonNull(mode, "mode");
    board.pad(pin).setMode(mode, board.nowNanos());
  }

  @Override
  public PinMode mode(int pin) {
    return board.pad(pin).mode();
  }

  @Override
  public int read(int pin) {
    return board.pad(pin).level();
  }

  @Override
  public void write(int pin, int level) {
    board.pad(pin).write(level, board.nowNanos());
  }

  @Override
  public void toggle(int pin) {
    board.pad(pin).toggle(board.nowNanos());
  }

  @Override
  public void attachInterrupt(int pin, EdgeMode mode, long debounceNanos) {
    Objects.requireNonNull(mode, "mode");
    if (debounceNanos < 0) {
      throw new IllegalArgumentException("debounceNanos=" + debounceNanos + " must be >= 0");
    }
    board.pad(pin).attachInterrupt(pin, mode, debounceNanos);
  }

  @Override
  public void detachInterrupt(int pin) {
    board.pad(pin).detachInterrupt();
  }
}
