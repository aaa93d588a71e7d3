package dev.zvm.vhal.virtual;

import static dev.zvm.vhal.virtual.ManualClock.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.zvm.vhal.Board;
import dev.zvm.vhal.BoardDefinition;
import dev.zvm.vhal.Edge;
import dev.zvm.vhal.EdgeMode;
import dev.zvm.vhal.PinMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InterruptTest {
  private static final int BTN0 = BoardDefinition.VIRTUAL.pinNumber("BTN0");
  private static final int D2 = BoardDefinition.VIRTUAL.pinNumber("D2");

  private final ManualClock clock = new ManualClock();
  private final VirtualBoard board = new VirtualBoard(BoardDefinition.VIRTUAL, clock);
  private final Recorded edges = new Recorded();
  private final List<Long> deadlines = new ArrayList<>();

  InterruptTest() {
    board.setEdgeListener(edges);
    board.setDeadlineListener(deadlines::add);
    board.gpio().setMode(BTN0, PinMode.INPUT_PULLUP);
  }

  private void at(long ms, int pin, int level) {
    clock.set(ms * MS);
    board.poll(ms * MS);
    board.drive(pin, level);
  }

  @Test
  void withoutDebounceEveryEdgeIsReportedAtOnce() {
    board.gpio().attachInterrupt(BTN0, EdgeMode.BOTH, 0);
    at(10, BTN0, 0);
    at(11, BTN0, 1);
    at(12, BTN0, 1);
    at(13, BTN0, 0);
    assertEquals(List.of("10ms edge a00 FALLING", "11ms edge a00 RISING", "13ms edge a00 FALLING"), edges.edges());
    assertEquals(Board.NO_DEADLINE, board.nextDeadlineNanos());
    assertEquals(List.of(), deadlines);
  }

  @Test
  void theModeFiltersEdges() {
    board.gpio().attachInterrupt(BTN0, EdgeMode.FALLING, 0);
    at(1, BTN0, 0);
    at(2, BTN0, 1);
    at(3, BTN0, 0);
    assertEquals(List.of("1ms edge a00 FALLING", "3ms edge a00 FALLING"), edges.edges());
    board.gpio().attachInterrupt(BTN0, EdgeMode.RISING, 0);
    at(4, BTN0, 1);
    at(5, BTN0, 0);
    assertEquals(List.of("1ms edge a00 FALLING", "3ms edge a00 FALLING", "4ms edge a00 RISING"), edges.edges());
  }

  @Test
  void detachStopsReports() {
    board.gpio().attachInterrupt(BTN0, EdgeMode.BOTH, 0);
    at(1, BTN0, 0);
    board.gpio().detachInterrupt(BTN0);
    at(2, BTN0, 1);
    assertEquals(List.of("1ms edge a00 FALLING"), edges.edges());
  }

  @Test
  void theEdgeIsReportedWithThePinItWasAttachedWith() {
    int d2pwm = board.definition().pinNumber("D2.PWM");
    board.gpio().attachInterrupt(d2pwm, EdgeMode.RISING, 0);
    at(1, D2, 1);
    assertEquals(List.of("1ms edge 402 RISING"), edges.edges());
  }

  @Test
  void anUndebouncedEdgeIsReportedFromTheThreadThatChangedThePin() throws InterruptedException {
    board.gpio().attachInterrupt(BTN0, EdgeMode.FALLING, 0);
    Thread driver = new Thread(() -> board.raiseEdge(BTN0, Edge.FALLING), "driver");
    driver.start();
    driver.join();
    assertEquals(1, edges.edges().size());
    assertSame(driver, edges.edgeThreads.get(0));
  }

  @Test
  void anEdgeOnAnOutputIsAnEdgeToo() {
    board.gpio().setMode(D2, PinMode.OUTPUT);
    board.gpio().attachInterrupt(D2, EdgeMode.BOTH, 0);
    board.gpio().toggle(D2);
    board.gpio().toggle(D2);
    assertEquals(List.of("0ms edge 2 RISING", "0ms edge 2 FALLING"), edges.edges());
  }

  @Test
  void raiseEdgeOnALineAlreadyThereIsAZeroWidthPulse() {
    board.gpio().attachInterrupt(BTN0, EdgeMode.BOTH, 0);
    clock.set(3 * MS);
    board.raiseEdge(BTN0, Edge.RISING);
    assertEquals(List.of("3ms edge a00 FALLING", "3ms edge a00 RISING"), edges.edges());
  }

  @Test
  void debounceReportsOnceTheLevelHasBeenStableForThePeriod() {
    board.gpio().attachInterrupt(BTN0, EdgeMode.FALLING, 50 * MS);
    at(100, BTN0, 0);
    at(102, BTN0, 1);
    at(104, BTN0, 0);
    assertEquals(List.of(100 * MS + 50 * MS, 152 * MS, 154 * MS), deadlines);
    assertEquals(154 * MS, board.nextDeadlineNanos());
    assertEquals(0, board.poll(153 * MS));
    assertEquals(List.of(), edges.edges());
    assertEquals(1, board.poll(154 * MS));
    assertEquals(List.of("154ms edge a00 FALLING"), edges.edges());
    assertEquals(Board.NO_DEADLINE, board.nextDeadlineNanos());
  }

  @Test
  void bouncesShorterThanTheDebounceGiveNoCallback() {
    board.gpio().attachInterrupt(BTN0, EdgeMode.BOTH, 20 * MS);
    for (int i = 0; i < 10; i++) {
      at(100 + 10 * i, BTN0, 0);
      at(105 + 10 * i, BTN0, 1);
    }
    board.poll(10_000 * MS);
    assertEquals(List.of(), edges.edges());
  }

  @Test
  void aLatePollReportsAtTheDeadlineNotAtThePoll() {
    board.gpio().attachInterrupt(BTN0, EdgeMode.BOTH, 10 * MS);
    at(100, BTN0, 0);
    clock.set(500 * MS);
    board.drive(BTN0, 1);
    board.poll(1000 * MS);
    assertEquals(List.of("110ms edge a00 FALLING", "510ms edge a00 RISING"), edges.edges());
  }

  @ParameterizedTest(name = "{0} spaced presses")
  @ValueSource(ints = {1, 7, 50})
  void nSpacedEdgesGiveNCallbacks(int n) {
    board.gpio().attachInterrupt(BTN0, EdgeMode.FALLING, 30 * MS);
    for (int i = 0; i < n; i++) {
      long t = 1000 + 200L * i;
      at(t, BTN0, 0);
      at(t + 1, BTN0, 1);
      at(t + 2, BTN0, 0);
      at(t + 100, BTN0, 1);
    }
    board.poll(Long.MAX_VALUE - 1);
    assertEquals(n, edges.edges().size());
    assertEquals("1032ms edge a00 FALLING", edges.edges().get(0));
  }

  /**
   * Random bounce trains against a model of the rule: a change at t is confirmed when the next
   * change comes no sooner than t + debounce; a confirmed level that differs from the last
   * confirmed one is an edge at t + debounce.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 1234567, 987654321})
  void debounceMatchesTheModelOnRandomBounces(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long debounce = (1 + random.nextInt(20)) * MS;
    board.gpio().attachInterrupt(BTN0, EdgeMode.BOTH, debounce);
    long t = 0;
    int level = 1;
    List<long[]> changes = new ArrayList<>();
    StringBuilder stim = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      t += random.nextInt(3) == 0 ? debounce + random.nextInt(5) * MS : random.nextInt((int) (debounce / MS) + 1) * MS;
      level = 1 - level;
      changes.add(new long[] {t, level});
      stim.append(t).append("ns BTN0 ").append(level == 1 ? "high" : "low").append('\n');
    }
    List<String> expected = new ArrayList<>();
    int confirmed = 1;
    for (int i = 0; i < changes.size(); i++) {
      long at = changes.get(i)[0];
      boolean stable = i + 1 == changes.size() || changes.get(i + 1)[0] >= at + debounce;
      if (stable && changes.get(i)[1] != confirmed) {
        confirmed = (int) changes.get(i)[1];
        expected.add((at + debounce) / MS + "ms edge a00 " + (confirmed == 1 ? "RISING" : "FALLING"));
      }
    }
    try {
      board.schedule(Stimulus.parse("random", stim, board.definition()), 0);
      board.poll(Long.MAX_VALUE - 1);
      assertEquals(expected, edges.edges());
    } catch (AssertionError | StimulusException e) {
      throw new AssertionError("seed=" + seed + " debounce=" + debounce + "ns: " + e.getMessage(), e);
    }
  }
}
