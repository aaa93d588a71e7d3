package dev.zvm.vhal.virtual;

import static dev.zvm.vhal.virtual.ManualClock.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zvm.vhal.Board;
import dev.zvm.vhal.BoardDefinition;
import dev.zvm.vhal.EdgeMode;
import dev.zvm.vhal.PinClass;
import dev.zvm.vhal.PinMode;
import dev.zvm.vhal.VhalException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stimuli replayed under a hand-moved clock, the way the VM's virtual clock drives the board. */
class ReplayTest {
  private static final BoardDefinition DEF = BoardDefinition.VIRTUAL;
  private static final int BTN0 = DEF.pinNumber("BTN0");
  private static final int LED0 = DEF.pinNumber("LED0");
  private static final int LED1 = DEF.pinNumber("LED1");
  private static final int A0 = DEF.pinNumber("A0");
  private static final int D3_PWM = DEF.pinNumber("D3.PWM");

  private static final String SCENARIO =
      "# a bouncing button, a knob, a terminal\n"
          + "100ms BTN0 fall\n"
          + "+1ms  BTN0 rise     # bounce\n"
          + "+1ms  BTN0 fall\n"
          + "400ms BTN0 rise\n"
          + "600ms A0 2048\n"
          + "700ms SERIAL0 \"led\\n\"\n"
          + "1s    BTN0 fall\n"
          + "1.2s  BTN0 rise\n";

  /**
   * A stand-in for a program under the virtual clock: a debounced fall on BTN0 toggles LED0, LED1
   * blinks every 250 ms, the ADC sets a PWM duty, and console input is echoed. The clock jumps
   * from deadline to deadline. Returns the VCD and the console output.
   */
  private static String run(Stimulus stimulus) throws IOException {
    ManualClock clock = new ManualClock();
    VirtualBoard board = new VirtualBoard(DEF, clock);
    board.gpio().setMode(BTN0, PinMode.INPUT_PULLUP);
    board.gpio().setMode(LED0, PinMode.OUTPUT);
    board.gpio().setMode(LED1, PinMode.OUTPUT);
    board.setEdgeListener((pin, edge, nanos) -> board.gpio().toggle(LED0));
    board.gpio().attachInterrupt(BTN0, EdgeMode.FALLING, 20 * MS);
    StringWriter vcd = new StringWriter();
    VcdRecorder recorder = VcdRecorder.start(board, vcd);
    board.schedule(stimulus, 0);
    long blinkAt = 0;
    long end = 2000 * MS;
    while (true) {
      long next = Math.min(board.nextDeadlineNanos(), blinkAt);
      if (next > end) {
        break;
      }
      clock.set(next);
      board.poll(next);
      if (next == blinkAt) {
        board.gpio().toggle(LED1);
        board.pwm().start(D3_PWM, 1000 * 1000, board.adc().read(A0) * 100L, 0);
        byte[] buf = new byte[16];
        int n = board.console().read(buf, 0, buf.length);
        board.console().write(buf, 0, n);
        blinkAt += 250 * MS;
      }
    }
    clock.set(end);
    recorder.close();
    return vcd + "--- console\n" + board.console().takeOutputString();
  }

  @Test
  void theSameStimulusGivesTheSameTraceEveryTime() throws Exception {
    Stimulus stimulus = Stimulus.parse("scenario", SCENARIO, DEF);
    String first = run(stimulus);
    String second = run(Stimulus.parse("scenario", SCENARIO, DEF));
    assertEquals(first, second);
    String different = run(Stimulus.parse("other", SCENARIO.replace("1s    BTN0 fall", "1.1s BTN0 fall"), DEF));
    assertNotEquals(first, different);
  }

  @Test
  void theTraceShowsWhatHappenedWhen() throws Exception {
    String out = run(Stimulus.parse("scenario", SCENARIO, DEF));
    String led0 = "" + VcdRecorder.identifier(DEF.padOf(LED0));
    // the bounce settles at 102 ms: debounced fall at 122 ms toggles LED0 on; 1 s + 20 ms toggles it off.
    assertTrue(out.contains("#122000000\n1" + led0 + "\n"), out);
    assertTrue(out.contains("#1020000000\n0" + led0 + "\n"), out);
    assertFalse(out.contains("#420000000\n"), "a rise is not attached");
    String led1 = VcdRecorder.identifier(DEF.padOf(LED1));
    assertTrue(out.endsWith("#2000000000\n1" + led1 + "\n--- console\nled\n"), out);
    // the knob (2048 at 600 ms) shows as a 1 ms period with a 204.8 us pulse from the blink at 750 ms on.
    assertTrue(
        out.contains("#750000000\n0" + led1 + "\nb11110100001001000000 C\nb110010000000000000 D\n#1000000000\n"),
        out);
  }

  @Test
  void eventsApplyAtTheirOwnTimeEvenWhenPolledLate() throws Exception {
    ManualClock clock = new ManualClock();
    VirtualBoard board = new VirtualBoard(DEF, clock);
    Recorded seen = new Recorded();
    board.addPinListener(seen);
    clock.set(1000 * MS);
    StimulusScheduler s =
        board.schedule(Stimulus.parse("s", "10ms BTN0 high\n20ms A0 7\n30ms BTN0 release\n40ms SERIAL1 \"x\"", DEF));
    assertEquals(1000 * MS, s.originNanos());
    assertEquals(1010 * MS, board.nextDeadlineNanos());
    assertEquals(0, board.poll(1009 * MS));
    assertEquals(2, board.poll(1025 * MS));
    assertEquals(2, s.applied());
    assertEquals(1030 * MS, s.nextDeadlineNanos());
    assertEquals(2, board.poll(5000 * MS));
    assertTrue(s.done());
    assertEquals(List.of("1010ms level a00=1", "1020ms adc 100=7", "1030ms level a00=0"), seen.take());
    assertEquals("x", new String(readAll(board, 0x0701), StandardCharsets.US_ASCII));
    assertEquals(Board.NO_DEADLINE, board.nextDeadlineNanos());
  }

  @Test
  void schedulingTellsTheDeadlineListenerAndCanBeCancelled() throws Exception {
    ManualClock clock = new ManualClock();
    VirtualBoard board = new VirtualBoard(DEF, clock);
    List<Long> deadlines = new ArrayList<>();
    board.setDeadlineListener(deadlines::add);
    StimulusScheduler s = board.schedule(Stimulus.parse("s", "5ms D0 high\n6ms D0 low", DEF), 100);
    assertEquals(List.of(100 + 5 * MS), deadlines);
    board.poll(100 + 5 * MS);
    s.cancel();
    assertEquals(Board.NO_DEADLINE, board.nextDeadlineNanos());
    assertEquals(0, board.poll(Long.MAX_VALUE - 1));
    assertEquals(1, board.level(0));
    board.schedule(Stimulus.parse("empty", "", DEF));
    assertEquals(List.of(100 + 5 * MS), deadlines, "an empty stimulus has no deadline");
  }

  @Test
  void twoStimuliInterleaveInTimeOrder() throws Exception {
    ManualClock clock = new ManualClock();
    VirtualBoard board = new VirtualBoard(DEF, clock);
    Recorded seen = new Recorded();
    board.addPinListener(seen);
    board.schedule(Stimulus.parse("a", "1ms D0 high\n3ms D0 low", DEF), 0);
    board.schedule(Stimulus.parse("b", "2ms D1 high\n3ms D1 low", DEF), 0);
    assertEquals(4, board.poll(10 * MS));
    assertEquals(List.of("1ms level 0=1", "2ms level 1=1", "3ms level 0=0", "3ms level 1=0"), seen.take());
  }

  @Test
  void aStimulusForAnotherBoardIsRejectedWhenScheduled() throws Exception {
    Stimulus s = Stimulus.parse("s", "1ms A5 1\n", DEF);
    BoardDefinition small = BoardDefinition.builder("small").pins(PinClass.ANALOG, 1).build();
    VirtualBoard board = new VirtualBoard(small, new ManualClock());
    VhalException e = assertThrows(VhalException.class, () -> board.schedule(s));
    assertEquals("pin=261 (0x0105) is not a pin of board small", e.getMessage());
  }

  private static byte[] readAll(VirtualBoard board, int port) {
    byte[] buf = new byte[board.serial(port).available()];
    board.serial(port).read(buf, 0, buf.length);
    return buf;
  }
}
