package dev.zvm.vhal.virtual;

import static dev.zvm.vhal.virtual.ManualClock.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zvm.vhal.BoardDefinition;
import dev.zvm.vhal.Edge;
import dev.zvm.vhal.Gpio;
import dev.zvm.vhal.PinMode;
import dev.zvm.vhal.VhalError;
import dev.zvm.vhal.VhalException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GpioTest {
  private static final int D2 = BoardDefinition.VIRTUAL.pinNumber("D2");
  private static final int LED0 = BoardDefinition.VIRTUAL.pinNumber("LED0");
  private static final int BTN0 = BoardDefinition.VIRTUAL.pinNumber("BTN0");

  private final ManualClock clock = new ManualClock();
  private final VirtualBoard board = new VirtualBoard(BoardDefinition.VIRTUAL, clock);
  private final Gpio gpio = board.gpio();

  @Test
  void padsStartAsFloatingInputsReadingLow() {
    for (BoardDefinition.Pad p : board.definition().pads()) {
      assertEquals(PinMode.INPUT, gpio.mode(p.pin()));
      assertEquals(0, gpio.read(p.pin()));
      assertEquals(-1, board.drivenLevel(p.pin()));
    }
  }

  /** The level table of {@code VirtualPad}: mode x latch x outside drive (-1 = not driven). */
  @ParameterizedTest(name = "{0} latch={1} drive={2} -> {3}")
  @CsvSource({
    "INPUT,0,-1,0", "INPUT,1,-1,0", "INPUT,0,0,0", "INPUT,0,1,1", "INPUT,1,0,0",
    "INPUT_PULLUP,0,-1,1", "INPUT_PULLUP,0,0,0", "INPUT_PULLUP,1,1,1",
    "INPUT_PULLDOWN,1,-1,0", "INPUT_PULLDOWN,0,1,1", "INPUT_PULLDOWN,0,0,0",
    "OUTPUT,0,-1,0", "OUTPUT,1,-1,1", "OUTPUT,1,0,1", "OUTPUT,0,1,0",
    "OUTPUT_OPENDRAIN,0,-1,0", "OUTPUT_OPENDRAIN,0,1,0", "OUTPUT_OPENDRAIN,1,-1,1",
    "OUTPUT_OPENDRAIN,1,0,0", "OUTPUT_OPENDRAIN,1,1,1"
  })
  void levelFollowsModeLatchAndDrive(PinMode mode, int latch, int drive, int level) {
    gpio.write(D2, latch);
    if (drive >= 0) {
      board.drive(D2, drive);
    }
    gpio.setMode(D2, mode);
    assertEquals(level, gpio.read(D2));
    assertEquals(level, board.level(D2));
    assertEquals(mode, board.mode(D2));
    assertEquals(drive, board.drivenLevel(D2));
  }

  @Test
  void writeReadAndToggleAnOutput() {
    gpio.setMode(LED0, PinMode.OUTPUT);
    gpio.write(LED0, 1);
    assertEquals(1, gpio.read(LED0));
    gpio.write(LED0, 0);
    assertEquals(0, gpio.read(LED0));
    gpio.write(LED0, 7);
    assertEquals(1, gpio.read(LED0), "any non-zero value is high");
    gpio.toggle(LED0);
    assertEquals(0, gpio.read(LED0));
    gpio.toggle(LED0);
    assertEquals(1, gpio.read(LED0));
  }

  @Test
  void aFunctionPinDrivesItsPad() {
    int d3pwm = board.definition().pinNumber("D3.PWM");
    gpio.setMode(d3pwm, PinMode.OUTPUT);
    gpio.write(d3pwm, 1);
    assertEquals(1, gpio.read(3));
    assertEquals(PinMode.OUTPUT, gpio.mode(3));
  }

  @Test
  void theOutsideDrivesInputsAndReleases() {
    gpio.setMode(BTN0, PinMode.INPUT_PULLUP);
    assertEquals(1, gpio.read(BTN0));
    board.drive(BTN0, 0);
    assertEquals(0, gpio.read(BTN0));
    board.release(BTN0);
    assertEquals(1, gpio.read(BTN0));
    board.raiseEdge(BTN0, Edge.FALLING);
    assertEquals(0, gpio.read(BTN0));
    assertEquals(0, board.drivenLevel(BTN0));
  }

  @Test
  void listenersSeeEveryLevelChangeWithItsTime() {
    Recorded r = new Recorded();
    board.addPinListener(r);
    gpio.setMode(LED0, PinMode.OUTPUT);
    clock.set(5 * MS);
    gpio.write(LED0, 1);
    gpio.write(LED0, 1);
    clock.set(7 * MS);
    gpio.toggle(LED0);
    clock.set(9 * MS);
    gpio.setMode(BTN0, PinMode.INPUT_PULLUP);
    board.raiseEdge(BTN0, Edge.RISING);
    board.removePinListener(r);
    gpio.toggle(LED0);
    assertEquals(
        List.of(
            "5ms level 900=1", "7ms level 900=0", "9ms level a00=1", "9ms level a00=0", "9ms level a00=1"),
        r.take());
  }

  @Test
  void invalidPinsAndModesFailClearly() {
    VhalException e = assertThrows(VhalException.class, () -> gpio.read(0x0010));
    assertEquals(VhalError.INVALID_PIN, e.kind());
    assertEquals("pin=16 (0x0010) is not a pin of board virtual", e.getMessage());
    assertThrows(VhalException.class, () -> gpio.write(-3, 1));
    assertThrows(VhalException.class, () -> gpio.setMode(0x0B00, PinMode.OUTPUT));
    assertThrows(VhalException.class, () -> gpio.toggle(0x0A05));
    assertThrows(VhalException.class, () -> gpio.mode(0x0106));
    assertThrows(NullPointerException.class, () -> gpio.setMode(D2, null));
    assertEquals(
        "debounceNanos=-1 must be >= 0",
        assertThrows(
                IllegalArgumentException.class,
                () -> gpio.attachInterrupt(D2, dev.zvm.vhal.EdgeMode.BOTH, -1))
            .getMessage());
  }
}
