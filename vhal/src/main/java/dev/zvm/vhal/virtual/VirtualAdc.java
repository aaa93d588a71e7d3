package dev.zvm.vhal.virtual;

import dev.zvm.vhal.Adc;

/** The VM's side of a virtual board's ADC: a sample is the pad's analog input at the board clock's time. */
final class VirtualAdc implements Adc {
  private final VirtualBoard board;

  VirtualAdc(VirtualBoard board) {
    this.board = board;
  }

  @Override
  public int read(int pin) {
    return board.adcPad(pin).sample(board.nowNanos(), board.definition().adcMax());
  }

  @Override
  public int resolutionBits() {
    return board.definition().adcBits();
  }
}
