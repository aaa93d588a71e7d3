package dev.zvm.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zvm.compiler.Compilation;
import dev.zvm.compiler.Compiler;
import dev.zvm.vhal.BoardDefinition;
import dev.zvm.vhal.Edge;
import dev.zvm.vhal.virtual.Stimulus;
import dev.zvm.vhal.virtual.VcdRecorder;
import dev.zvm.vhal.virtual.VirtualBoard;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The interrupt thread: pin callbacks fed by the board through the ISR gateway (from a stimulus
 * under virtual time, and from another Java thread under real time), debounce, the bounded queue
 * and its overflow count, the latency histogram; software timers, whose callbacks run there too;
 * and the same program with the same stimulus giving the same output and trace twice.
 */
class InterruptsTest {
  static final BoardDefinition DEF = BoardDefinition.VIRTUAL;
  static final int BTN0 = DEF.pinNumber("BTN0");
  static final int LED0 = DEF.pinNumber("LED0");

  record Ran(String out, String err, RunResult result, Vm vm, String vcd) {}

  static Compilation compile(String src) {
    Compilation c = Compiler.builder().constants(DEF.constants()).build().compileSource("app.py", src);
    if (!c.ok()) {
      throw new AssertionError(c.formatDiagnostics());
    }
    return c;
  }

  /** Runs {@code src} under virtual time with {@code stimulus} scheduled at time 0, for at most {@code limitMs}. */
  static Ran run(String src, String stimulus, Vm.Builder builder, long limitMs) throws Exception {
    VirtualBoard board = new VirtualBoard();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Vm vm = builder.board(board).stdout(new PrintStream(out, true, StandardCharsets.UTF_8))
        .stderr(new PrintStream(err, true, StandardCharsets.UTF_8)).build();
    vm.load(compile(src).image());
    StringWriter vcd = new StringWriter();
    VcdRecorder rec = VcdRecorder.start(board, vcd);
    if (stimulus != null) {
      board.schedule(Stimulus.parse("stim.txt", stimulus, DEF));
    }
    RunResult r = vm.runFor(Duration.ofMillis(limitMs));
    rec.close();
    return new Ran(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), r, vm, vcd.toString());
  }

  static Ran run(String src, String stimulus) throws Exception {
    return run(src, stimulus, ThreadsTest.virtual(), 10_000);
  }

  static void assertOut(String expected, Ran r) {
    assertTrue(r.result().ok(), () -> r.result().exception().traceback());
    assertEquals(expected, r.out(), () -> "stderr:\n" + r.err());
  }

  /** {@code n} presses: falls {@code gapMs} apart from 10 ms, each released half-way. */
  static String presses(int n, int gapMs) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(10 + i * gapMs).append("ms BTN0 fall\n");
      sb.append(10 + i * gapMs + gapMs / 2).append("ms BTN0 rise\n");
    }
    return sb.toString();
  }

  @Test
  void spacedEdgesGiveExactlyOneCallbackEach() throws Exception {
    String src = String.join("\n",
        "import timers",
        "count = [0]",
        "def pressed():",
        "    count[0] += 1",
        "pinMode(BTN0, INPUT_PULLUP)",
        "onPinFall(BTN0, pressed)",
        "sleep(1000)",
        "print(count[0])",
        "");
    Ran r = run(src, presses(25, 20));
    assertOut("25\n", r);
    VmStats s = r.vm().stats();
    assertEquals(25, s.interruptCallbacks());
    assertEquals(0, s.interruptOverflows());
    assertEquals(25, s.interruptLatency().getTotalCount());
  }

  @Test
  void debounceSuppressesBouncesAndReportsWhenTheLevelIsStable() throws Exception {
    String src = String.join("\n",
        "import timers",
        "def pressed(name):",
        "    print(name, timers.now(), digitalRead(BTN0))",
        "pinMode(BTN0, INPUT_PULLUP)",
        "onPinFall(BTN0, pressed, 'press', debounce=20)",
        "sleep(1000)",
        "");
    String bouncy = "100ms BTN0 fall\n+1ms BTN0 rise\n+1ms BTN0 fall\n+3ms BTN0 rise\n+2ms BTN0 fall\n"
        + "300ms BTN0 rise\n+5ms BTN0 fall\n+5ms BTN0 rise\n"
        + "500ms BTN0 fall\n+25ms BTN0 rise\n+25ms BTN0 fall\n";
    // Presses settle at 107 (+20 = 127) and 500 (+20 = 520), 550 (+20 = 570); the 300 ms
    // glitches are shorter than the debounce, and rises have no callback.
    assertOut("press 127 0\npress 520 0\npress 570 0\n", run(src, bouncy));
  }

  @Test
  void riseAndFallShareAPinAndNoneDetaches() throws Exception {
    String src = String.join("\n",
        "import timers",
        "def edge(what, n):",
        "    print(what, n, timers.now())",
        "pinMode(BTN0, INPUT_PULLUP)",
        "onPinRise(BTN0, edge, 'rise', 1)",
        "onPinFall(BTN0, edge, 'fall', 2)",
        "sleep(25)",
        "onPinFall(BTN0, None)",
        "sleep(25)",
        "onPinRise(BTN0, None)",
        "sleep(25)",
        "");
    assertOut("fall 2 10\nrise 1 20\nrise 1 40\n", run(src, presses(4, 20)));
  }

  @Test
  void aFullQueueDropsEventsAndCountsThem() throws Exception {
    String src = String.join("\n",
        "import timers",
        "def slow():",
        "    print('callback', timers.now())",
        "    sleep(50)",
        "pinMode(BTN0, INPUT_PULLUP)",
        "onPinFall(BTN0, slow)",
        "sleep(1000)",
        "");
    // 10 presses 2 ms apart: the first callback sleeps 50 ms; the queue (2) keeps the next two.
    Ran r = run(src, presses(10, 2), ThreadsTest.virtual().interruptQueue(2), 10_000);
    assertOut("callback 10\ncallback 60\ncallback 110\n", r);
    assertEquals(3, r.vm().stats().interruptCallbacks());
    assertEquals(7, r.vm().stats().interruptOverflows());
    assertTrue(r.vm().stats().format().contains("dropped (queue full): 7"), r.vm().stats().format());
  }

  @Test
  void callbacksMayAllocatePrintAndRaiseWithoutStoppingTheInterruptThread() throws Exception {
    String src = String.join("\n",
        "log = []",
        "def pressed(n):",
        "    log.append('x' * n)",
        "    if len(log) == 2:",
        "        raise ValueError('second')",
        "pinMode(BTN0, INPUT_PULLUP)",
        "onPinFall(BTN0, pressed, 3)",
        "sleep(200)",
        "print(log)",
        "");
    Ran r = run(src, presses(3, 20));
    assertOut("['xxx', 'xxx', 'xxx']\n", r);
    assertTrue(r.err().startsWith("Exception in interrupt callback:\n"), r.err());
    assertTrue(r.err().endsWith("ValueError: second\n"), r.err());
  }

  @Test
  void theInterruptThreadPreemptsASpinningThread() throws Exception {
    String src = String.join("\n",
        "import timers",
        "stop = [False]",
        "def pressed():",
        "    print('pressed', timers.now())",
        "    stop[0] = True",
        "pinMode(BTN0, INPUT_PULLUP)",
        "onPinFall(BTN0, pressed)",
        "n = 0",
        "while not stop[0]:",
        "    n += 1",
        "print('spun', n > 1000)",
        "");
    assertOut("pressed 10\nspun True\n", run(src, presses(1, 20)));
  }

  @Test
  void timersFireAtTheirVirtualTimes() throws Exception {
    String src = String.join("\n",
        "import timers",
        "def tick(name):",
        "    print(name, timers.now())",
        "def once():",
        "    print('once', timers.now())",
        "t = timers.timer()",
        "t.interval(30, tick, 'iv')",
        "o = timers.timer()",
        "o.one_shot(50, once)",
        "n = timers.timer()",
        "n.one_shot(70, tick, None)",
        "sleep(100)",
        "t.clear()",
        "sleep(100)",
        "s = timers.timer()",
        "s.start()",
        "sleep(25)",
        "print(s.get(), s.reset(), s.get(), timers.now())",
        "o.one_shot(10, once)",
        "o.one_shot(20, once)",
        "sleep(30)",
        "o.destroy()",
        "try:",
        "    o.one_shot(5, once)",
        "except RuntimeError as e:",
        "    print(e)",
        "");
    assertOut("iv 30\nonce 50\niv 60\nNone 70\niv 90\n25 25 0 225\nonce 245\nthe timer was destroyed\n",
        run(src, null));
  }

  @Test
  void aSpinningProgramStillSeesItsTimersUnderVirtualTime() throws Exception {
    String src = String.join("\n",
        "import timers",
        "hits = []",
        "def tick():",
        "    hits.append(timers.now())",
        "t = timers.timer()",
        "t.interval(10, tick)",
        "while len(hits) < 5:",
        "    pass",
        "t.clear()",
        "print(hits)",
        "");
    assertOut("[10, 20, 30, 40, 50]\n", run(src, null));
    assertOut("[10, 20, 30, 40, 50]\n", run(src, null, Vm.builder().virtualTimePerOpcode(100), 10_000));
  }

  @Test
  void theSameProgramAndStimulusGiveTheSameOutputAndTraceTwice() throws Exception {
    String src = String.join("\n",
        "import timers",
        "def pressed():",
        "    pinToggle(LED0)",
        "    print('toggle', timers.now(), digitalRead(LED0))",
        "def blink():",
        "    while True:",
        "        digitalWrite(LED1, 1)",
        "        sleep(7)",
        "        digitalWrite(LED1, 0)",
        "        sleep(13)",
        "pinMode(LED0, OUTPUT)",
        "pinMode(LED1, OUTPUT)",
        "pinMode(BTN0, INPUT_PULLUP)",
        "onPinFall(BTN0, pressed, debounce=5)",
        "thread(blink)",
        "n = 0",
        "while timers.now() < 300:",
        "    n += 1",
        "print('spun', n)",
        "");
    String stim = presses(6, 40);
    Ran a = run(src, stim, ThreadsTest.virtual(), 400);
    Ran b = run(src, stim, ThreadsTest.virtual(), 400);
    assertTrue(a.out().contains("toggle 15 1\n"), a.out());
    assertEquals(a.out(), b.out());
    assertEquals(a.vcd(), b.vcd());
    assertTrue(a.vcd().contains("LED1"), a.vcd());
  }

  @Test
  void edgesRaisedFromAnotherJavaThreadUnderRealTimeEachGiveACallback() throws Exception {
    String src = String.join("\n",
        "count = [0]",
        "def pressed():",
        "    count[0] += 1",
        "pinMode(BTN0, INPUT_PULLUP)",
        "pinMode(BTN1, INPUT_PULLUP)",
        "onPinFall(BTN0, pressed)",
        "pinMode(LED0, OUTPUT)",
        "digitalWrite(LED0, 1)",
        "n = 0",
        "while digitalRead(BTN1) == 1:",
        "    n += 1",
        "sleep(10)",
        "print(count[0], n > 0)",
        "");
    VirtualBoard board = new VirtualBoard();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Vm vm = Vm.builder().board(board).stdout(new PrintStream(out, true, StandardCharsets.UTF_8)).build();
    vm.load(compile(src).image());
    vm.start();
    Thread raiser = new Thread(() -> {
      while (board.level(LED0) == 0) {
        Thread.onSpinWait();
      }
      for (int i = 0; i < 50; i++) {
        board.raiseEdge(BTN0, Edge.FALLING);
        long until = System.nanoTime() + 200_000;
        while (System.nanoTime() < until) {
          Thread.onSpinWait();
        }
        board.drive(BTN0, 1);
        until = System.nanoTime() + 200_000;
        while (System.nanoTime() < until) {
          Thread.onSpinWait();
        }
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      board.drive(DEF.pinNumber("BTN1"), 0);
    });
    raiser.start();
    raiser.join();
    RunResult r = vm.join();
    assertTrue(r.ok(), () -> r.exception().traceback());
    // Every edge is a callback or a counted overflow (8 pending at most: only a carrier that lost
    // its core for milliseconds drops any); never silently lost.
    VmStats s = vm.stats();
    assertEquals(s.interruptCallbacks() + " True\n", out.toString(StandardCharsets.UTF_8));
    assertEquals(50, s.interruptCallbacks() + s.interruptOverflows());
    assertEquals(s.interruptCallbacks(), s.interruptLatency().getTotalCount());
  }
}
