package dev.zvm.vhal.virtual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zvm.vhal.BoardDefinition;
import dev.zvm.vhal.I2cBus;
import dev.zvm.vhal.PinMode;
import dev.zvm.vhal.SpiBus;
import dev.zvm.vhal.VhalError;
import dev.zvm.vhal.VhalException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusTest {
  private static final int I2C0 = 0x0300;
  private static final int SPI0 = 0x0200;
  private static final int D10 = BoardDefinition.VIRTUAL.pinNumber("D10");
  private static final int D9 = BoardDefinition.VIRTUAL.pinNumber("D9");
  private static final int ADDRESS = 0x48;

  private final VirtualBoard board = new VirtualBoard(BoardDefinition.VIRTUAL, new ManualClock());
  private final RegisterMapDevice sensor = new RegisterMapDevice();

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  @Test
  void i2cReadsTheIdAndTheCounter() {
    board.i2c(I2C0).attach(ADDRESS, sensor);
    I2cBus bus = board.i2c(I2C0);
    byte[] rx = new byte[3];
    bus.transmit(ADDRESS, bytes(RegisterMapDevice.WHO_AM_I), 0, 1, rx, 0, 3);
    assertArrayEquals(bytes(0x5A, 0, 0), rx, "id, then the counter (0), read from the pointer on");
    bus.transmit(ADDRESS, bytes(RegisterMapDevice.COUNTER), 0, 1, rx, 0, 1);
    assertEquals(1, rx[0], "the counter counts its own reads");
    bus.transmit(ADDRESS, bytes(RegisterMapDevice.COUNTER), 0, 1, rx, 0, 1);
    assertEquals(2, rx[0]);
    assertEquals(3, sensor.register(RegisterMapDevice.COUNTER));
    assertEquals(3, sensor.register(RegisterMapDevice.COUNTER), "the host's look has no side effect");
  }

  @Test
  void i2cWritesRegistersButNotTheId() {
    board.i2c(I2C0).attach(ADDRESS, sensor);
    I2cBus bus = board.i2c(I2C0);
    bus.transmit(ADDRESS, bytes(0x0E, 0x11, 0x22, 0x33), 0, 4, null, 0, 0);
    assertEquals(0x11, sensor.register(0x0E));
    assertEquals(0x5A, sensor.register(RegisterMapDevice.WHO_AM_I), "read-only");
    assertEquals(0x33, sensor.register(RegisterMapDevice.COUNTER), "writing the counter sets it");
    byte[] rx = new byte[2];
    bus.transmit(ADDRESS, null, 0, 0, rx, 0, 2);
    assertArrayEquals(bytes(0, 0), rx, "a bare read goes on from the pointer (0x11, 0x12)");
    bus.transmit(ADDRESS, bytes(0x7F, 0xAA, 0xBB), 0, 3, null, 0, 0);
    assertEquals(0xAA, sensor.register(0x7F));
    assertEquals(0xBB, sensor.register(0x00), "the pointer wraps at 128");
  }

  @Test
  void i2cWithoutADeviceIsNotAcknowledged() {
    VhalException e =
        assertThrows(VhalException.class, () -> board.i2c(I2C0).transmit(0x20, bytes(1), 0, 1, null, 0, 0));
    assertEquals(VhalError.PERIPHERAL, e.kind());
    assertEquals("I2C0: address=0x20 not acknowledged (no device)", e.getMessage());
    board.i2c(I2C0).attach(0x20, sensor);
    board.i2c(I2C0).detach(0x20);
    assertThrows(VhalException.class, () -> board.i2c(I2C0).transmit(0x20, null, 0, 0, new byte[1], 0, 1));
    assertEquals(
        "address=128 must be a 7-bit address (0..127)",
        assertThrows(IllegalArgumentException.class, () -> board.i2c(I2C0).transmit(128, null, 0, 0, null, 0, 0))
            .getMessage());
    board.i2c(I2C0).attach(0x20, sensor);
    assertEquals(
        "I2C0: address=0x20 already has a device",
        assertThrows(IllegalArgumentException.class, () -> board.i2c(I2C0).attach(0x20, sensor)).getMessage());
  }

  @Test
  void spiReadsAndWritesRegisters() {
    board.spi(SPI0).attach(D10, sensor);
    SpiBus bus = board.spi(SPI0);
    byte[] rx = new byte[3];
    bus.select(D10);
    bus.exchange(bytes(0x80 | RegisterMapDevice.WHO_AM_I, 0, 0), 0, rx, 0, 3);
    bus.unselect();
    assertArrayEquals(bytes(0, 0x5A, 0), rx);
    bus.select(D10);
    bus.exchange(bytes(0x20, 0x42), 0, null, 0, 2);
    bus.unselect();
    assertEquals(0x42, sensor.register(0x20));
    bus.select(D10);
    bus.exchange(bytes(0x80 | 0x20), 0, null, 0, 1);
    bus.exchange(null, 0, rx, 1, 1);
    bus.unselect();
    assertEquals(0x42, rx[1], "a transaction spans exchanges; null tx sends zeros");
  }

  @Test
  void spiChipSelectShowsOnItsPin() {
    Recorded seen = new Recorded();
    board.addPinListener(seen);
    board.spi(SPI0).attach(D10, sensor);
    board.spi(SPI0).select(D10);
    assertEquals(PinMode.OUTPUT, board.mode(D10));
    assertEquals(0, board.level(D10));
    board.spi(SPI0).unselect();
    assertEquals(1, board.level(D10));
    board.spi(SPI0).select(D10);
    board.spi(SPI0).unselect();
    assertEquals(
        List.of("0ms level a=1", "0ms level a=0", "0ms level a=1", "0ms level a=0", "0ms level a=1"), seen.take());
  }

  @Test
  void spiWithoutADeviceReadsFloatingHigh() {
    byte[] rx = new byte[2];
    board.spi(SPI0).select(D9);
    board.spi(SPI0).exchange(bytes(1, 2), 0, rx, 0, 2);
    board.spi(SPI0).unselect();
    assertArrayEquals(bytes(0xFF, 0xFF), rx);
  }

  @Test
  void spiOutOfOrderIsAHardwareStatusError() {
    SpiBus bus = board.spi(SPI0);
    VhalException e = assertThrows(VhalException.class, () -> bus.exchange(new byte[1], 0, null, 0, 1));
    assertEquals(VhalError.HARDWARE_STATUS, e.kind());
    assertEquals("SPI0: exchange with no device selected", e.getMessage());
    assertEquals(
        "SPI0: unselect with no device selected",
        assertThrows(VhalException.class, bus::unselect).getMessage());
    bus.select(D10);
    assertEquals(
        "SPI0 is already selected (pin=D10)",
        assertThrows(VhalException.class, () -> bus.select(D9)).getMessage());
    assertThrows(VhalException.class, () -> board.spi(SPI0).attach(0x0020, sensor));
    board.spi(SPI0).attach(D9, sensor);
    assertEquals(
        "SPI0: pin=D9 already has a device",
        assertThrows(IllegalArgumentException.class, () -> board.spi(SPI0).attach(D9, sensor)).getMessage());
  }

  @Test
  void registerMapChecksItsArguments() {
    assertThrows(IllegalArgumentException.class, () -> new RegisterMapDevice(256));
    assertThrows(IllegalArgumentException.class, () -> sensor.register(128));
    assertThrows(IllegalArgumentException.class, () -> sensor.setRegister(1, -1));
    sensor.setRegister(RegisterMapDevice.WHO_AM_I, 0x33);
    assertEquals(0x33, sensor.register(RegisterMapDevice.WHO_AM_I));
    assertEquals(0x77, new RegisterMapDevice(0x77).register(RegisterMapDevice.WHO_AM_I));
  }
}
