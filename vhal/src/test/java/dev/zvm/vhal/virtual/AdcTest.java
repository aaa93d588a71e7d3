package dev.zvm.vhal.virtual;

import static dev.zvm.vhal.virtual.ManualClock.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zvm.vhal.Adc;
import dev.zvm.vhal.BoardDefinition;
import dev.zvm.vhal.VhalError;
import dev.zvm.vhal.VhalException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdcTest {
  private static final int A0 = BoardDefinition.VIRTUAL.pinNumber("A0");
  private static final int A5 = BoardDefinition.VIRTUAL.pinNumber("A5");

  private final ManualClock clock = new ManualClock();
  private final VirtualBoard board = new VirtualBoard(BoardDefinition.VIRTUAL, clock);
  private final Adc adc = board.adc();

  @Test
  void readsTheValueSetAndReportsIt() {
    Recorded seen = new Recorded();
    board.addPinListener(seen);
    assertEquals(12, adc.resolutionBits());
    assertEquals(0, adc.read(A0));
    clock.set(3 * MS);
    board.setAnalog(A0, 512);
    board.setAnalog(A5, 4095);
    assertEquals(512, adc.read(A0));
    assertEquals(4095, adc.read(A5));
    assertEquals(512, board.analogValue(A0));
    assertEquals(List.of("3ms adc 100=512", "3ms adc 105=4095"), seen.take());
  }

  @Test
  void aSourceIsSampledAtTheTimeOfEachReadAndClamped() {
    board.setAnalogSource(A0, t -> (int) (t / MS) * 100);
    clock.set(1 * MS);
    assertEquals(100, adc.read(A0));
    clock.set(40 * MS);
    assertEquals(4000, adc.read(A0));
    clock.set(41 * MS);
    assertEquals(4095, adc.read(A0), "clamped to the ADC's range");
    board.setAnalogSource(A0, t -> -5);
    assertEquals(0, adc.read(A0));
    board.setAnalogSource(A0, null);
    assertEquals(0, adc.read(A0));
    board.setAnalog(A0, 77);
    board.setAnalogSource(A0, t -> 1);
    board.setAnalog(A0, 78);
    assertEquals(78, adc.read(A0), "setting a value replaces the source");
  }

  @Test
  void badPinsAndValuesFailClearly() {
    VhalException e = assertThrows(VhalException.class, () -> adc.read(3));
    assertEquals(VhalError.INVALID_PIN, e.kind());
    assertEquals("pin=D3 has no ADC channel on board virtual", e.getMessage());
    assertThrows(VhalException.class, () -> adc.read(0x0106));
    assertEquals(
        "value=4096 is out of the ADC's range 0..4095",
        assertThrows(IllegalArgumentException.class, () -> board.setAnalog(A0, 4096)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> board.setAnalog(A0, -1));
    assertThrows(VhalException.class, () -> board.setAnalogSource(0x0A00, t -> 1));
  }
}
