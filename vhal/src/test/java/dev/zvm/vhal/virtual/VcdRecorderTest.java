package dev.zvm.vhal.virtual;

import static dev.zvm.vhal.virtual.ManualClock.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zvm.vhal.BoardDefinition;
import dev.zvm.vhal.PinClass;
import dev.zvm.vhal.PinMode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VcdRecorderTest {
  private static final BoardDefinition TINY =
      BoardDefinition.builder("tiny").pins(PinClass.DIGITAL, 2).pins(PinClass.ANALOG, 1).pwm("D0").adcBits(10).build();
  private static final int D0 = TINY.pinNumber("D0");
  private static final int D0_PWM = TINY.pinNumber("D0.PWM");
  private static final int D1 = TINY.pinNumber("D1");
  private static final int A0 = TINY.pinNumber("A0");

  private static final String HEADER =
      "$version zvm vhal $end\n"
          + "$timescale 1ns $end\n"
          + "$scope module tiny $end\n"
          + "$var wire 1 ! D0 $end\n"
          + "$var wire 1 \" D1 $end\n"
          + "$var wire 1 # A0 $end\n"
          + "$var integer 64 $ D0_PWM_period_ns $end\n"
          + "$var integer 64 % D0_PWM_pulse_ns $end\n"
          + "$var integer 10 & A0_ADC $end\n"
          + "$upscope $end\n"
          + "$enddefinitions $end\n"
          + "#0\n"
          + "$dumpvars\n";

  private final ManualClock clock = new ManualClock();
  private final VirtualBoard board = new VirtualBoard(TINY, clock);

  @Test
  void goldenTrace() throws IOException {
    board.gpio().setMode(D1, PinMode.INPUT_PULLUP);
    clock.set(1000);
    StringWriter out = new StringWriter();
    VcdRecorder vcd = VcdRecorder.start(board, out);
    assertEquals(1000, vcd.originNanos());
    clock.set(1000 + 5 * MS);
    board.gpio().setMode(D0, PinMode.OUTPUT);
    board.gpio().write(D0, 1);
    long end = board.pwm().start(D0_PWM, 1000, 250, 4);
    clock.set(end);
    board.poll(end);
    clock.set(1000 + 7 * MS);
    board.drive(D1, 0);
    board.setAnalog(A0, 512);
    clock.set(1000 + 9 * MS);
    vcd.close();
    vcd.close();
    board.gpio().write(D0, 0);
    assertEquals(
        HEADER
            + "0!\n1\"\n0#\nb0 $\nb0 %\nb0 &\n$end\n"
            + "#5000000\n"
            + "1!\n"
            + "b1111101000 $\n"
            + "b11111010 %\n"
            + "#5004000\n"
            + "b0 $\n"
            + "b0 %\n"
            + "#7000000\n"
            + "0\"\n"
            + "b1000000000 &\n"
            + "#9000000\n",
        out.toString());
    assertEquals(5, vcd.changes());
  }

  @Test
  void theInitialDumpHoldsTheCurrentState() throws IOException {
    board.gpio().setMode(D0, PinMode.OUTPUT);
    board.gpio().write(D0, 1);
    board.pwm().start(D0_PWM, 8, 2, 0);
    board.setAnalog(A0, 3);
    StringWriter out = new StringWriter();
    VcdRecorder.start(board, out).close();
    assertEquals(HEADER + "1!\n0\"\n0#\nb1000 $\nb10 %\nb11 &\n$end\n", out.toString());
  }

  @Test
  void timeNeverGoesBack() throws IOException {
    StringWriter out = new StringWriter();
    VcdRecorder vcd = VcdRecorder.start(board, out);
    vcd.levelChanged(D1, 1, 50);
    vcd.levelChanged(D1, 0, 20);
    vcd.levelChanged(D0, 1, -5);
    vcd.levelChanged(D0, 0, 60);
    vcd.close();
    assertTrue(out.toString().endsWith("$end\n#50\n1\"\n0\"\n1!\n#60\n0!\n"), out.toString());
  }

  @Test
  void anIoErrorStopsTheRecordingAndComesOutOfClose() throws IOException {
    int[] budget = {1};
    Writer failing =
        new Writer() {
          @Override
          public void write(char[] buf, int off, int len) throws IOException {
            if (budget[0]-- <= 0) {
              throw new IOException("no space");
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    VcdRecorder vcd = VcdRecorder.start(board, failing);
    board.gpio().setMode(D0, PinMode.OUTPUT);
    board.gpio().write(D0, 1);
    board.gpio().write(D0, 0);
    assertEquals("no space", assertThrows(IOException.class, vcd::close).getMessage());
    assertEquals(0, vcd.changes());
  }

  @Test
  void writesAFileItCloses(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("t.vcd");
    VcdRecorder vcd = VcdRecorder.start(board, file);
    clock.set(10);
    board.drive(D1, 1);
    vcd.close();
    String text = Files.readString(file);
    assertTrue(text.startsWith(HEADER));
    assertTrue(text.endsWith("$end\n#10\n1\"\n"), text);
  }

  @Test
  void identifiersArePrintableAndUnique() {
    assertEquals("!", VcdRecorder.identifier(0));
    assertEquals("~", VcdRecorder.identifier(93));
    assertEquals("!!", VcdRecorder.identifier(94));
    assertEquals("\"!", VcdRecorder.identifier(95));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      String id = VcdRecorder.identifier(i);
      assertTrue(id.chars().allMatch(c -> c >= '!' && c <= '~'), id);
      assertTrue(seen.add(id), id);
    }
  }

  @Test
  void theDefaultBoardDeclaresEveryPad() throws IOException {
    VirtualBoard full = new VirtualBoard(BoardDefinition.VIRTUAL, clock);
    StringWriter out = new StringWriter();
    VcdRecorder.start(full, out).close();
    String text = out.toString();
    assertEquals(28 + 40 + 6, text.lines().filter(l -> l.startsWith("$var ")).count());
    assertTrue(text.contains("$var wire 1 < BTN1 $end\n"), text);
    assertTrue(text.contains(" LED3_PWM_pulse_ns $end\n"));
    assertTrue(text.contains("$var integer 12 "));
  }
}
