package dev.zvm.vhal.virtual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zvm.vhal.BoardDefinition;
import dev.zvm.vhal.SerialPort;
import dev.zvm.vhal.VhalError;
import dev.zvm.vhal.VhalException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerialTest {
  private static final int SERIAL0 = 0x0700;
  private static final int SERIAL1 = 0x0701;

  private final VirtualBoard board =
      VirtualBoard.builder().clock(new ManualClock()).serialBuffers(8, 6).build();
  private final List<Integer> events = new ArrayList<>();

  SerialTest() {
    board.setSerialListener(events::add);
  }

  @Test
  void serial0IsTheConsole() {
    assertSame(board.console(), board.serial(BoardDefinition.VIRTUAL.console()));
    assertEquals("SERIAL0", board.console().name());
    assertEquals(SERIAL1, board.serial(SERIAL1).id());
  }

  @Test
  void inputFedByTheHostIsReadByTheVm() {
    SerialPort port = board.serial(SERIAL1);
    assertEquals(0, port.available());
    assertEquals(-1, port.read());
    assertEquals(3, board.serial(SERIAL1).feed("ab\n"));
    assertEquals(List.of(SERIAL1), events);
    assertEquals(3, port.available());
    assertEquals('a', port.read());
    byte[] buf = new byte[10];
    assertEquals(2, port.read(buf, 4, 6));
    assertEquals('b', buf[4]);
    assertEquals('\n', buf[5]);
    assertEquals(0, port.read(buf, 0, 10));
  }

  @Test
  void inputBeyondTheRingIsDroppedAndCounted() {
    VirtualSerialPort port = board.serial(SERIAL0);
    assertEquals(8, port.feed("0123456789"));
    assertEquals(2, port.rxOverruns());
    assertEquals(0, port.feed("x"));
    assertEquals(3, port.rxOverruns());
    assertEquals(List.of(SERIAL0), events, "a feed that fits nothing is no event");
    byte[] buf = new byte[8];
    assertEquals(8, port.read(buf, 0, 8));
    assertEquals("01234567", new String(buf, StandardCharsets.US_ASCII));
    port.feed("abcdef");
    assertEquals(4, port.read(buf, 0, 4));
    port.feed("ghijkl");
    assertEquals(8, port.read(buf, 0, 8), "the ring wraps");
    assertEquals("efghijkl", new String(buf, StandardCharsets.US_ASCII));
  }

  @Test
  void outputWrittenByTheVmIsTakenByTheHost() {
    VirtualSerialPort port = board.serial(SERIAL0);
    byte[] hello = "hello, world".getBytes(StandardCharsets.US_ASCII);
    assertEquals(6, port.writeSpace());
    assertEquals(6, port.write(hello, 0, hello.length), "the ring takes what fits");
    assertEquals(0, port.writeSpace());
    assertEquals(0, port.write(hello, 6, 6));
    assertEquals("hello,", port.takeOutputString());
    assertEquals(List.of(SERIAL0), events, "freeing space is an event");
    assertEquals(6, port.write(hello, 6, 6));
    assertEquals(" world", port.takeOutputString());
    assertEquals("", port.takeOutputString());
    assertEquals(12, port.txTotal());
  }

  @Test
  void aSinkTakesOutputAsItIsWritten() {
    VirtualSerialPort port = board.serial(SERIAL0);
    port.write("abc".getBytes(StandardCharsets.US_ASCII), 0, 3);
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    port.setOutputSink(sink);
    assertEquals("abc", sink.toString(StandardCharsets.US_ASCII), "what was buffered goes first");
    byte[] big = "0123456789".repeat(10).getBytes(StandardCharsets.US_ASCII);
    assertEquals(100, port.write(big, 0, 100));
    assertEquals(103, sink.size());
    assertEquals(Integer.MAX_VALUE, port.writeSpace());
    port.setOutputSink(null);
    assertEquals(6, port.write(big, 0, 100));
  }

  @Test
  void aFailingSinkIsAPeripheralError() {
    VirtualSerialPort port = board.serial(SERIAL0);
    port.setOutputSink(
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("disk full");
          }
        });
    VhalException e = assertThrows(VhalException.class, () -> port.write(new byte[1], 0, 1));
    assertEquals(VhalError.PERIPHERAL, e.kind());
    assertEquals("SERIAL0 output failed: disk full", e.getMessage());
  }

  @Test
  void unknownOrWrongPeripheralsFailClearly() {
    VhalException e = assertThrows(VhalException.class, () -> board.serial(0x0200));
    assertEquals(VhalError.INVALID_PIN, e.kind());
    assertEquals("peripheral=SPI0 is not a SERIAL peripheral of board virtual", e.getMessage());
    assertEquals(
        "peripheral=0x0703 is not a SERIAL peripheral of board virtual",
        assertThrows(VhalException.class, () -> board.serial(0x0703)).getMessage());
    assertThrows(VhalException.class, () -> board.spi(0x0201));
    assertThrows(VhalException.class, () -> board.i2c(0x0700));
    assertThrows(IndexOutOfBoundsException.class, () -> board.console().read(new byte[2], 1, 2));
  }

  @Test
  void bytesSurviveTheRoundTrip() {
    VirtualSerialPort port = board.serial(SERIAL0);
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[5];
    for (int off = 0; off < 256; off += 5) {
      int n = Math.min(5, 256 - off);
      assertEquals(n, port.feed(all, off, n));
      assertEquals(n, port.read(buf, 0, 5));
      out.write(buf, 0, n);
    }
    assertArrayEquals(all, out.toByteArray());
  }
}
