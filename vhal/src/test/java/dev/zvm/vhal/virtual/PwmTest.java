package dev.zvm.vhal.virtual;

import static dev.zvm.vhal.virtual.ManualClock.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zvm.vhal.Board;
import dev.zvm.vhal.BoardDefinition;
import dev.zvm.vhal.Pwm;
import dev.zvm.vhal.VhalError;
import dev.zvm.vhal.VhalException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PwmTest {
  private static final int D3_PWM = BoardDefinition.VIRTUAL.pinNumber("D3.PWM");
  private static final int LED0_PWM = BoardDefinition.VIRTUAL.pinNumber("LED0.PWM");

  private final ManualClock clock = new ManualClock();
  private final VirtualBoard board = new VirtualBoard(BoardDefinition.VIRTUAL, clock);
  private final Pwm pwm = board.pwm();
  private final Recorded seen = new Recorded();

  PwmTest() {
    board.addPinListener(seen);
  }

  @Test
  void anEndlessTrainRunsUntilChangedOrStopped() {
    clock.set(10 * MS);
    assertEquals(Pwm.FOREVER, pwm.start(D3_PWM, 20 * MS, 5 * MS, 0));
    assertEquals(20 * MS, board.pwmPeriodNanos(3));
    assertEquals(5 * MS, board.pwmPulseNanos(D3_PWM));
    assertEquals(Board.NO_DEADLINE, board.nextDeadlineNanos());
    clock.set(30 * MS);
    pwm.start(D3_PWM, 20 * MS, 5 * MS, 0);
    pwm.start(3, 20 * MS, 15 * MS, 0);
    clock.set(40 * MS);
    pwm.stop(D3_PWM);
    assertEquals(0, board.pwmPeriodNanos(3));
    assertEquals(
        List.of("10ms pwm 3 20000000/5000000", "30ms pwm 3 20000000/15000000", "40ms pwm 3 0/0"), seen.take());
  }

  @Test
  void aCountedTrainEndsAtNowPlusCountTimesPeriod() {
    List<Long> deadlines = new ArrayList<>();
    board.setDeadlineListener(deadlines::add);
    clock.set(100 * MS);
    long end = pwm.start(LED0_PWM, 2 * MS, 1 * MS, 10);
    assertEquals(120 * MS, end);
    assertEquals(List.of(120 * MS), deadlines);
    assertEquals(120 * MS, board.nextDeadlineNanos());
    assertEquals(0, board.poll(119 * MS));
    assertEquals(2 * MS, board.pwmPeriodNanos(LED0_PWM));
    assertEquals(1, board.poll(500 * MS));
    assertEquals(0, board.pwmPeriodNanos(LED0_PWM));
    assertEquals(List.of("100ms pwm 900 2000000/1000000", "120ms pwm 900 0/0"), seen.take());
    assertEquals(Board.NO_DEADLINE, board.nextDeadlineNanos());
  }

  @Test
  void aNewSettingReplacesTheTrainAndItsEnd() {
    pwm.start(D3_PWM, 10 * MS, 1 * MS, 5);
    pwm.start(D3_PWM, 10 * MS, 2 * MS, 0);
    assertEquals(Board.NO_DEADLINE, board.nextDeadlineNanos());
    board.poll(10_000 * MS);
    assertEquals(2 * MS, board.pwmPulseNanos(D3_PWM));
  }

  @Test
  void aTrainThatEndedUnpolledEndsAtItsOwnTimeBeforeTheNextSetting() {
    clock.set(100 * MS);
    pwm.start(D3_PWM, 2 * MS, 1 * MS, 10);
    clock.set(200 * MS);
    pwm.start(D3_PWM, 4 * MS, 1 * MS, 0);
    clock.set(300 * MS);
    pwm.start(LED0_PWM, 4 * MS, 1 * MS, 1);
    clock.set(400 * MS);
    pwm.stop(LED0_PWM);
    assertEquals(
        List.of(
            "100ms pwm 3 2000000/1000000",
            "120ms pwm 3 0/0",
            "200ms pwm 3 4000000/1000000",
            "300ms pwm 900 4000000/1000000",
            "304ms pwm 900 0/0"),
        seen.take());
  }

  @Test
  void zeroesOrAPulseLongerThanThePeriodStopTheOutput() {
    clock.set(7 * MS);
    pwm.start(D3_PWM, 10, 5, 0);
    assertEquals(7 * MS, pwm.start(D3_PWM, 0, 5, 3));
    pwm.start(D3_PWM, 10, 5, 0);
    assertEquals(7 * MS, pwm.start(D3_PWM, 10, 0, 0));
    pwm.start(D3_PWM, 10, 5, 0);
    assertEquals(7 * MS, pwm.start(D3_PWM, 10, 11, 0));
    assertEquals(0, board.pwmPeriodNanos(D3_PWM));
    pwm.start(D3_PWM, 10, 10, 0);
    assertEquals(10, board.pwmPulseNanos(D3_PWM), "a pulse as long as the period is 100% duty");
  }

  @Test
  void aHugeTrainSaturates() {
    clock.set(5);
    assertEquals(Long.MAX_VALUE, pwm.start(D3_PWM, Long.MAX_VALUE / 2, 1, Integer.MAX_VALUE));
  }

  @Test
  void badArgumentsFailClearly() {
    assertEquals(
        "period=-1ns pulse=0ns npulses=0: none may be negative",
        assertThrows(IllegalArgumentException.class, () -> pwm.start(D3_PWM, -1, 0, 0)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> pwm.start(D3_PWM, 1, -1, 0));
    assertThrows(IllegalArgumentException.class, () -> pwm.start(D3_PWM, 1, 1, -1));
    int a0 = board.definition().pinNumber("A0");
    VhalException e = assertThrows(VhalException.class, () -> pwm.start(a0, 10, 5, 0));
    assertEquals(VhalError.INVALID_PIN, e.kind());
    assertEquals("pin=A0 has no PWM function on board virtual", e.getMessage());
    assertThrows(VhalException.class, () -> pwm.stop(0x0A00));
    assertThrows(VhalException.class, () -> pwm.start(0x0500, 10, 5, 0));
  }
}
