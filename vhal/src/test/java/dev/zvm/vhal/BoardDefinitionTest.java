package dev.zvm.vhal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoardDefinitionTest {
  private final BoardDefinition board = BoardDefinition.VIRTUAL;

  @Test
  void virtualBoardNamesPinsWithZerynthNumbers() {
    assertEquals(0x0000, board.pins().get("D0"));
    assertEquals(0x0003, board.pins().get("D3"));
    assertEquals(0x000F, board.pins().get("D15"));
    assertEquals(0x0100, board.pins().get("A0"));
    assertEquals(0x0105, board.pins().get("A5"));
    assertEquals(0x0900, board.pins().get("LED0"));
    assertEquals(0x0903, board.pins().get("LED3"));
    assertEquals(0x0A00, board.pins().get("BTN0"));
    assertEquals(0x0A01, board.pins().get("BTN1"));
    assertEquals(0x0403, board.pins().get("D3.PWM"));
    assertEquals(0x0410, board.pins().get("LED0.PWM"));
    assertEquals(16 + 6 + 4 + 2 + 20, board.pins().size());
    assertEquals(28, board.padCount());
    assertEquals(-1, board.pinNumber("D16"));
    assertEquals(-1, board.pinNumber("A0.PWM"));
  }

  @Test
  void pinsComeInDefinitionOrderPadsFirst() {
    List<String> names = List.copyOf(board.pins().keySet());
    assertEquals("D0", names.get(0));
    assertEquals("A0", names.get(16));
    assertEquals("LED0", names.get(22));
    assertEquals("BTN1", names.get(27));
    assertEquals("D0.PWM", names.get(28));
  }

  @Test
  void constantsArePinsThenPeripherals() {
    List<String> names = List.copyOf(board.constants().keySet());
    assertEquals(board.pins().size() + board.peripherals().size(), names.size());
    assertEquals("D0", names.get(0));
    assertEquals("SERIAL0", names.get(board.pins().size()));
    assertEquals(0x0403L, board.constants().get("D3.PWM"));
    assertEquals(0x0300L, board.constants().get("I2C0"));
  }

  @Test
  void aFunctionReachesItsPad() {
    assertEquals(board.padOf(board.pinNumber("D3")), board.padOf(board.pinNumber("D3.PWM")));
    assertEquals("D3.PWM", board.pinName(0x0403));
    BoardDefinition.Pad d3 = board.pads().get(board.padOf(3));
    assertEquals("D3", d3.name());
    assertTrue(d3.hasPwm());
    assertFalse(d3.hasAdc());
    BoardDefinition.Pad a2 = board.pads().get(board.padOf(0x0102));
    assertEquals(2, a2.adcChannel());
    assertFalse(a2.hasPwm());
  }

  @Test
  void peripheralsAreEncodedByClass() {
    assertEquals(0x0700, board.peripherals().get("SERIAL0"));
    assertEquals(0x0702, board.peripherals().get("SERIAL2"));
    assertEquals(0x0200, board.peripherals().get("SPI0"));
    assertEquals(0x0300, board.peripherals().get("I2C0"));
    assertEquals(0x0100, board.peripherals().get("ADC0"));
    assertEquals(0x0400, board.peripherals().get("PWMD0"));
    assertEquals(0x0700, board.console());
    assertEquals("SERIAL1", board.peripheralName(0x0701));
    assertEquals("0x0709", board.peripheralName(0x0709));
    assertEquals(4095, board.adcMax());
  }

  @Test
  void anUnknownPinIsAnInvalidPinError() {
    VhalException e = assertThrows(VhalException.class, () -> board.padOf(99));
    assertEquals(VhalError.INVALID_PIN, e.kind());
    assertEquals("pin=99 (0x0063) is not a pin of board virtual", e.getMessage());
    assertEquals(0, e.getStackTrace().length);
    assertThrows(VhalException.class, () -> board.padOf(-1));
    assertThrows(VhalException.class, () -> board.padOf(0x0A02));
    assertThrows(VhalException.class, () -> board.pinName(0x7FFF_FFFF));
    assertEquals("pin=BTN0", board.describe(0x0A00));
  }

  @Test
  void aCustomBoard() {
    BoardDefinition b =
        BoardDefinition.builder("tiny")
            .pins(PinClass.DIGITAL, 2)
            .pins(PinClass.DIGITAL, 1)
            .pins(PinClass.ANALOG, 1)
            .pwm("D2")
            .adcBits(10)
            .serialPorts(2)
            .i2cBuses(1)
            .build();
    assertEquals(List.of("D0", "D1", "D2", "A0", "D2.PWM"), List.copyOf(b.pins().keySet()));
    assertEquals(0x0400, b.pins().get("D2.PWM"));
    assertEquals(List.of("SERIAL0", "SERIAL1", "I2C0", "ADC0", "PWMD0"), List.copyOf(b.peripherals().keySet()));
    assertEquals(1023, b.adcMax());
  }

  @Test
  void builderRejectsNonsense() {
    assertEquals(
        "cls=PWM is a function of a pad: use pwm(pinName)",
        assertThrows(IllegalArgumentException.class, () -> BoardDefinition.builder("b").pins(PinClass.PWM, 1))
            .getMessage());
    assertEquals(
        "pad=D0 is not defined (add its class with pins() first)",
        assertThrows(IllegalArgumentException.class, () -> BoardDefinition.builder("b").pwm("D0")).getMessage());
    assertEquals(
        "pad=D0 already has a PWM function",
        assertThrows(
                IllegalArgumentException.class,
                () -> BoardDefinition.builder("b").pins(PinClass.DIGITAL, 1).pwm("D0").pwm("D0"))
            .getMessage());
    assertEquals(
        "count=257 gives more than 256 pins of class DIGITAL",
        assertThrows(IllegalArgumentException.class, () -> BoardDefinition.builder("b").pins(PinClass.DIGITAL, 257))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> BoardDefinition.builder("two words"));
    assertThrows(IllegalArgumentException.class, () -> BoardDefinition.builder("b").serialPorts(0));
    assertThrows(IllegalArgumentException.class, () -> BoardDefinition.builder("b").adcBits(17));
  }

  @Test
  void pinClassesAndModes() {
    assertEquals(PinClass.BUTTON, PinClass.of(0x0A01));
    assertEquals(null, PinClass.of(0x0200));
    assertEquals(PinMode.INPUT_PULLUP, PinMode.fromCode(2));
    for (PinMode m : PinMode.values()) {
      assertEquals(m, PinMode.fromCode(m.code()));
    }
    assertEquals(1, PinMode.INPUT.code());
    assertEquals(4, PinMode.OUTPUT.code());
    assertEquals(5, PinMode.OUTPUT_OPENDRAIN.code());
    VhalException unsupported = assertThrows(VhalException.class, () -> PinMode.fromCode(7));
    assertEquals(VhalError.UNSUPPORTED, unsupported.kind());
    assertEquals("mode=7 is not supported by this board", unsupported.getMessage());
    assertEquals(
        "mode=99 is not a pin mode",
        assertThrows(IllegalArgumentException.class, () -> PinMode.fromCode(99)).getMessage());
  }

  @Test
  void edgeModes() {
    assertTrue(EdgeMode.BOTH.accepts(Edge.RISING));
    assertTrue(EdgeMode.BOTH.accepts(Edge.FALLING));
    assertTrue(EdgeMode.RISING.accepts(Edge.RISING));
    assertFalse(EdgeMode.RISING.accepts(Edge.FALLING));
    assertTrue(EdgeMode.FALLING.accepts(Edge.FALLING));
    assertFalse(EdgeMode.FALLING.accepts(Edge.RISING));
    assertEquals(EdgeMode.BOTH, EdgeMode.of(true, true));
    assertEquals(null, EdgeMode.of(false, false));
    assertEquals(Edge.RISING, Edge.toLevel(5));
  }
}
