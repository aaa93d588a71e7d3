package dev.zvm.vhal.virtual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zvm.vhal.BoardDefinition;
import dev.zvm.vhal.virtual.StimulusEvent.Action;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StimulusTest {
  private static final BoardDefinition BOARD = BoardDefinition.VIRTUAL;

  private static Stimulus parse(String text) throws StimulusException {
    return Stimulus.parse("stim.txt", text, BOARD);
  }

  @Test
  void theDocumentedFormat() throws StimulusException {
    Stimulus s =
        parse(
            "# a button, a knob and a terminal\n"
                + "\n"
                + "250ms BTN0 fall\n"
                + "   +2ms   BTN0   rise    # a bounce\n"
                + "300ms D3 HIGH\n"
                + "1s A0 512\n"
                + "1.5s BTN0 rise\n"
                + "2s SERIAL0 \"hello\\n\"\n"
                + "2s SERIAL1 \"a#b \\\"q\\\" \\\\ \\t\\r\\0\\x7f\\xFFé\"\n"
                + "2000001us D3 release\n"
                + "2000001500ns D3 low\n"
                + "+2.5µs\tLED0.PWM\thigh\n"
                + "+0.25s A5 0\n"
                + "+.5ms A5 4095");
    List<StimulusEvent> e = s.events();
    assertEquals(12, e.size());
    assertEquals("stim.txt", s.sourceName());
    assertEvent(e.get(0), 250_000_000L, 3, Action.FALL, "BTN0", 0x0A00);
    assertEvent(e.get(1), 252_000_000L, 4, Action.RISE, "BTN0", 0x0A00);
    assertEvent(e.get(2), 300_000_000L, 5, Action.HIGH, "D3", 3);
    assertEvent(e.get(3), 1_000_000_000L, 6, Action.ANALOG, "A0", 0x0100);
    assertEquals(512, e.get(3).value());
    assertEvent(e.get(4), 1_500_000_000L, 7, Action.RISE, "BTN0", 0x0A00);
    assertEvent(e.get(5), 2_000_000_000L, 8, Action.SERIAL, "SERIAL0", 0x0700);
    assertArrayEquals("hello\n".getBytes(StandardCharsets.US_ASCII), e.get(5).data());
    byte[] tricky = e.get(6).data();
    assertArrayEquals(
        concat("a#b \"q\" \\ \t\r".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 0x7F, (byte) 0xFF},
            "é".getBytes(StandardCharsets.UTF_8)),
        tricky);
    assertEvent(e.get(7), 2_000_001_000L, 10, Action.RELEASE, "D3", 3);
    assertEvent(e.get(8), 2_000_001_500L, 11, Action.LOW, "D3", 3);
    assertEvent(e.get(9), 2_000_004_000L, 12, Action.HIGH, "LED0.PWM", 0x0410);
    assertEvent(e.get(10), 2_250_004_000L, 13, Action.ANALOG, "A5", 0x0105);
    assertEvent(e.get(11), 2_250_504_000L, 14, Action.ANALOG, "A5", 0x0105);
    assertEquals(4095, e.get(11).value());
  }

  @Test
  void relativeAndAbsoluteTimes() throws StimulusException {
    Stimulus s = parse("1s D0 high\n+250ms D0 low\n+1.5s D0 high\n3s D0 low\n+0ns D0 high\n");
    assertEquals(
        List.of(1_000_000_000L, 1_250_000_000L, 2_750_000_000L, 3_000_000_000L, 3_000_000_000L),
        s.events().stream().map(StimulusEvent::timeNanos).collect(Collectors.toList()));
    assertEquals(3_000_000_000L, s.endNanos());
    assertEquals(0, parse("# nothing\n\n   \n").endNanos());
  }

  @Test
  void toStringReadsBackToTheSameEvent() throws StimulusException {
    Stimulus s = parse("1s SERIAL0 \"x\\\"\\\\\\n\\x01\"\n2s A1 7\n3s BTN1 release\n");
    for (StimulusEvent e : s.events()) {
      StimulusEvent back = parse(e.toString()).events().get(0);
      assertEquals(e.timeNanos(), back.timeNanos());
      assertEquals(e.action(), back.action());
      assertEquals(e.target(), back.target());
      assertEquals(e.value(), back.value());
      assertArrayEquals(e.data(), back.data());
    }
    assertEquals("1000000000ns SERIAL0 \"x\\\"\\\\\\n\\x01\"", s.events().get(0).toString());
    assertEquals("3000000000ns BTN1 release", s.events().get(2).toString());
  }

  /** Every message the parser has, each on the line it belongs to. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "250ms BTN0| expected \"<time> <pin or port> <action>\", got \"250ms BTN0\"",
        "250ms   # only a time| expected \"<time> <pin or port> <action>\", got \"250ms\"",
        "1sec BTN0 fall| bad time \"1sec\": write a number and a unit (ns, us, ms or s), e.g. 250ms or +1.5s",
        "250 BTN0 fall| bad time \"250\": write a number and a unit (ns, us, ms or s), e.g. 250ms or +1.5s",
        "-1s BTN0 fall| bad time \"-1s\": write a number and a unit (ns, us, ms or s), e.g. 250ms or +1.5s",
        "1.5ns BTN0 fall| time \"1.5ns\" is not a whole number of nanoseconds",
        "9999999999s BTN0 fall| time \"9999999999s\" is too large",
        "\"1s\" BTN0 fall| expected a time such as 250ms first, got a string",
        "1s \"BTN0\" fall| expected a pin or serial port name after the time, got a string",
        "1s BTN9 fall| unknown pin or serial port \"BTN9\" on board virtual",
        "1s SPI0 \"x\"| SPI0 is not a pin or a serial port",
        "1s BTN0 up| unknown action \"up\" for pin BTN0: use high, low, rise, fall, release or an ADC value",
        "1s BTN0 \"x\"| pin BTN0 takes high, low, rise, fall, release or an ADC value, not a string",
        "1s D3 512| pin D3 has no ADC channel, so it cannot take the value 512",
        "1s A0 4096| ADC value 4096 is out of range 0..4095",
        "1s A0 -1| ADC value -1 is out of range 0..4095",
        "1s A0 99999999999999999999| ADC value 99999999999999999999 is out of range 0..4095",
        "1s SERIAL0 hello| SERIAL0 takes a quoted string such as \"hello\\n\", got hello",
        "1s SERIAL0 \"hello| unterminated string: the closing \" is missing",
        "1s SERIAL0 \"hello\\| unterminated string: the closing \" is missing",
        "1s SERIAL0 \"a\\qb\"| unknown escape \\q in a string (use \\n \\r \\t \\0 \\\\ \\\" or \\xHH)",
        "1s SERIAL0 \"\\x4\"| \\x in a string needs two hex digits, e.g. \\x0d",
        "1s SERIAL0 \"\\xZZ\"| \\x in a string needs two hex digits, e.g. \\x0d",
        "1s BTN0 fall now| unexpected \"now\" after the action (a comment starts with #)",
        "1s SERIAL0 \"a\" \"b\"| unexpected string after the action (a comment starts with #)",
      })
  void everyErrorMessage(String line, String message) {
    StimulusException e = assertThrows(StimulusException.class, () -> parse("# header\n" + line + "\n"));
    assertEquals(List.of(new StimulusException.Problem(2, message.strip())), e.problems());
    assertEquals("stim.txt:2: " + message.strip(), e.getMessage());
    assertEquals("stim.txt", e.sourceName());
  }

  @Test
  void eventsMustComeInTimeOrder() {
    StimulusException e =
        assertThrows(StimulusException.class, () -> parse("2s D0 high\n1500ms D0 low\n"));
    assertEquals("stim.txt:2: time 1500ms is before the previous event (at 2s): events must be in time order", e.getMessage());
  }

  @Test
  void everyBadLineIsReportedAtOnce() {
    StimulusException e =
        assertThrows(
            StimulusException.class,
            () -> parse("1s D0 high\n1s D0 sideways\n2s D99 low\r\n3s D0 low\r1s D0 high\n"));
    assertEquals(
        "stim.txt:2: unknown action \"sideways\" for pin D0: use high, low, rise, fall, release or an ADC value\n"
            + "stim.txt:3: unknown pin or serial port \"D99\" on board virtual\n"
            + "stim.txt:5: time 1s is before the previous event (at 3s): events must be in time order",
        e.getMessage());
    assertEquals(List.of(2, 3, 5), e.problems().stream().map(StimulusException.Problem::line).toList());
  }

  @Test
  void readsAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("stim.txt");
    Files.writeString(file, "10ms BTN0 fall\n");
    Stimulus s = Stimulus.read(file, BOARD);
    assertEquals(file.toString(), s.sourceName());
    assertEquals(1, s.events().size());
    Files.writeString(file, "10ms BTN0\n");
    StimulusException e = assertThrows(StimulusException.class, () -> Stimulus.read(file, BOARD));
    assertEquals(file + ":1: expected \"<time> <pin or port> <action>\", got \"10ms BTN0\"", e.getMessage());
  }

  private static void assertEvent(StimulusEvent e, long nanos, int line, Action action, String name, int target) {
    assertEquals(nanos, e.timeNanos(), "time of " + e);
    assertEquals(line, e.line(), "line of " + e);
    assertEquals(action, e.action());
    assertEquals(name, e.targetName());
    assertEquals(target, e.target());
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
