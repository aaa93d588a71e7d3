package dev.zvm.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zvm.compiler.Compilation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Python threads on VOSAL, under virtual time (1 us per safe point), so every schedule is
 * deterministic and the expected output is exact: priorities, quantum round-robin, preemption,
 * sleep, join, uncaught exceptions, the blocking protocol (a native that waits is called again),
 * and stop() from Java.
 */
class ThreadsTest {
  /** What a run printed and how it ended. */
  record Out(String out, String err, RunResult result, Vm vm) {}

  static Vm.Builder virtual() {
    return Vm.builder().virtualTime(1_000);
  }

  static Out run(String src, Vm.Builder builder) {
    return run(src, builder, null);
  }

  static Out run(String src, Vm.Builder builder, Duration limit) {
    Compilation c = Py.compile(src);
    if (!c.ok()) {
      throw new AssertionError("compile error:\n" + c.formatDiagnostics());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Vm vm = builder.stdout(new PrintStream(out, true, StandardCharsets.UTF_8))
        .stderr(new PrintStream(err, true, StandardCharsets.UTF_8)).build();
    vm.load(c.image());
    RunResult r = limit == null ? vm.run() : vm.runFor(limit);
    return new Out(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), r, vm);
  }

  static void assertOut(String expected, Out o) {
    assertTrue(o.result().ok(), () -> o.result().exception().traceback());
    assertEquals(expected, o.out(), () -> "stderr:\n" + o.err());
  }

  @Test
  void higherPriorityRunsFirstAndEqualOrLowerWaitForTheGil() {
    String src = String.join("\n",
        "def say(what):",
        "    print(what)",
        "thread(say, 'low', prio=PRIO_LOW)",
        "thread(say, 'high', prio=PRIO_HIGH)",
        "thread(say, 'normal')",
        "print('main')",
        "sleep(1)",
        "print('main again')",
        "");
    // high preempts main at its next safe point; normal and low wait until main sleeps.
    assertOut("high\nmain\nnormal\nlow\nmain again\n", run(src, virtual()));
  }

  /** Two LOW spinners share the GIL while main (NORMAL) sleeps 100 ms of virtual time. */
  static final String SPINNERS = String.join("\n",
        "import timers",
        "counts = [0, 0]",
        "trace = []",
        "stop = [False]",
        "def spin(i):",
        "    while not stop[0]:",
        "        counts[i] += 1",
        "        if not trace or trace[-1] != i:",
        "            trace.append(i)",
        "thread(spin, 0, prio=PRIO_LOW)",
        "thread(spin, 1, prio=PRIO_LOW)",
        "sleep(100)",
        "stop[0] = True",
        "print(timers.now())",
        "print(counts[0] > 1000, counts[1] > 1000)",
        "print(len(trace) >= 6, trace[:4])",
        "");

  @Test
  void twoCpuBoundThreadsOfEqualPriorityBothProgressByQuantum() {
    String src = SPINNERS;
    // Main (NORMAL) sleeps 100 ms of virtual time while the two LOW spinners share the GIL:
    // with a quantum of 1000 safe points (1 ms) they alternate many times.
    assertOut("100\nTrue True\nTrue [0, 1, 0, 1]\n", run(src, virtual().quantum(1000)));
  }

  /**
   * Under real time a call or a return leaves the budget's safe point to the next loop, within a
   * bound (Interpreter#callSlack): two threads of one priority that only recurse, with no loop to
   * offer at, still share the GIL by quantum. Main waits on an event, so nothing else interleaves
   * them.
   */
  @Test
  void threadsThatOnlyRecurseStillShareTheGilByQuantum() {
    String src = String.join("\n",
        "import threading",
        "trace = []",
        "done = [0]",
        "finished = threading.Event()",
        "def fib(n, who):",
        "    if n < 2:",
        "        if not trace or trace[-1] != who:",
        "            trace.append(who)",
        "        return n",
        "    return fib(n - 1, who) + fib(n - 2, who)",
        "def work(who):",
        "    fib(20, who)",
        "    done[0] += 1",
        "    if done[0] == 2:",
        "        finished.set()",
        "thread(work, 0, prio=PRIO_LOW)",
        "thread(work, 1, prio=PRIO_LOW)",
        "finished.wait()",
        "print(len(trace) >= 4, trace[:4])",
        "");
    for (int jit : new int[] {0, 1}) {
      assertOut("True [0, 1, 0, 1]\n",
          run(src, Vm.builder().quantum(1000).jitThreshold(jit).compileInBackground(false)));
    }
  }

  @Test
  void aThreadThatWakesPreemptsACpuBoundLowerOneAtItsNextSafePoint() {
    String src = String.join("\n",
        "import timers",
        "n = [0]",
        "stop = [False]",
        "def spin():",
        "    while not stop[0]:",
        "        n[0] += 1",
        "thread(spin, prio=PRIO_LOWEST)",
        "sleep(25)",
        "t = timers.now()",
        "a = n[0]",
        "stop[0] = True",
        "print(t, a > 0)",
        "");
    // The spinner never sleeps; main (higher) still wakes at exactly 25 ms.
    assertOut("25 True\n", run(src, virtual()));
  }

  /** A PRIO_HIGHEST thread made inside a loop of main's: it must run at the loop's next safe point. */
  static final String PREEMPT_IN_A_LOOP = String.join("\n",
        "order = []",
        "def high(tag):",
        "    order.append(tag)",
        "def spin():",
        "    i = 0",
        "    while i < 100:",
        "        i += 1",
        "    thread(high, 'high in a loop', prio=PRIO_HIGHEST)",
        "    while i < 200:",
        "        i += 1",
        "    order.append('spin on')",
        "thread(high, 'high', prio=PRIO_HIGH)",
        "order.append('main')",
        "spin()",
        "sleep(1)",
        "print(order)",
        "");

  /**
   * A thread of higher priority that becomes ready takes over at the next safe point, however many
   * safe points lie between two offers to yield: the loop reads VOSAL's attention flag at every one.
   * Here the next safe point is the call to append, before which main must not run on.
   */
  @ParameterizedTest(name = "interval {0}, virtual time {1}")
  @CsvSource({"1, true", "4, true", "64, true", "10000, true", "1, false", "64, false", "10000, false"})
  void aNewerHigherThreadPreemptsAtTheNextSafePointWhateverTheInterval(int interval, boolean virtualTime) {
    String src = PREEMPT_IN_A_LOOP;
    Vm.Builder b = (virtualTime ? virtual() : Vm.builder()).safePointInterval(interval);
    assertOut("['high', 'main', 'high in a loop', 'spin on']\n", run(src, b));
  }

  @Test
  void sleepTakesTimeUnitsAndZeroYieldsToPeers() {
    String src = String.join("\n",
        "import timers",
        "def peer():",
        "    print('peer')",
        "thread(peer)",
        "sleep(0)",
        "print('main')",
        "sleep(1500, MICROS)",
        "sleep(2, SECONDS)",
        "sleep(500000, NANOS)",
        "sleep(1.5)",
        "print(timers.now())",
        "");
    assertOut("peer\nmain\n2003\n", run(src, virtual()));
  }

  @Test
  void timeSleepTakesSeconds() {
    assertOut("1250\n", run("import time, timers\ntime.sleep(0.25)\ntime.sleep(1)\nprint(timers.now())\n", virtual()));
  }

  @Test
  void joinWaitsForTheEndOrTheTimeout() {
    String src = String.join("\n",
        "import timers",
        "def work(ms):",
        "    sleep(ms)",
        "t = thread(work, 50)",
        "print(t.is_alive(), t.join(20), timers.now(), t.is_alive())",
        "print(t.join(), timers.now(), t.is_alive(), t.get_status() == THREAD_FINISHED)",
        "print(t.join(10))",
        "");
    assertOut("True False 20 True\nTrue 50 False True\nTrue\n", run(src, virtual()));
  }

  @Test
  void anUncaughtExceptionEndsOnlyItsThread() {
    String src = String.join("\n",
        "def bad():",
        "    sleep(5)",
        "    raise ValueError('boom')",
        "def good():",
        "    for i in range(3):",
        "        sleep(4)",
        "        print('good', i)",
        "thread(bad)",
        "thread(good)",
        "sleep(20)",
        "print('main done')",
        "");
    Out o = run(src, virtual());
    assertOut("good 0\ngood 1\ngood 2\nmain done\n", o);
    assertTrue(o.err().startsWith("Exception in thread Thread-"), o.err());
    assertTrue(o.err().contains("in bad\nValueError: boom\n"), o.err());
    assertEquals(1, o.vm().stats().threadFailures());
  }

  @Test
  void theProgramEndsWhenMainAndEveryThreadHaveEnded() {
    String src = String.join("\n",
        "def late():",
        "    sleep(300)",
        "    print('late thread')",
        "thread(late)",
        "print('main ends')",
        "");
    Out o = run(src, virtual());
    assertOut("main ends\nlate thread\n", o);
    assertEquals(RunResult.Ending.FINISHED, o.result().ending());
  }

  @Test
  void runForStopsAProgramThatRunsForever() {
    String src = String.join("\n",
        "import timers",
        "while True:",
        "    print(timers.now())",
        "    sleep(400)",
        "");
    Out o = run(src, virtual(), Duration.ofMillis(1000));
    assertOut("0\n400\n800\n", o);
    assertEquals(RunResult.Ending.TIME_UP, o.result().ending());
  }

  @Test
  void theMainThreadsExceptionIsTheRunsAndOtherThreadsStillFinish() {
    String src = String.join("\n",
        "def other():",
        "    sleep(10)",
        "    print('other')",
        "thread(other)",
        "1 // 0",
        "");
    Out o = run(src, virtual());
    assertEquals("other\n", o.out());
    assertEquals("ZeroDivisionError", o.result().exception().type());
  }

  @Test
  void blockingInsideACallbackFromABuiltinIsARuntimeError() {
    String src = String.join("\n",
        "def key(x):",
        "    sleep(1)",
        "    return x",
        "try:",
        "    sorted([2, 1], key=key)",
        "except RuntimeError as e:",
        "    print('RuntimeError', 'GIL' in str(e))",
        "");
    assertOut("RuntimeError True\n", run(src, virtual()));
  }

  @Test
  void priorityCanBeReadAndChanged() {
    String src = String.join("\n",
        "def f():",
        "    sleep(10)",
        "t = thread(f, prio=PRIO_HIGHER)",
        "print(t.get_priority())",
        "t.set_priority(PRIO_LOW)",
        "print(t.get_priority())",
        "try:",
        "    thread(f, prio=9)",
        "except ValueError as e:",
        "    print(e)",
        "");
    assertOut("6\n3\nprio=9 is not PRIO_IDLE (0) .. PRIO_HIGHEST (7)\n", run(src, virtual()));
  }

  @Test
  void stopEndsAVmSpinningInWhileTrueFromAnotherThread() throws Exception {
    Compilation c = Py.compile("while True:\n    pass\n");
    Vm vm = Vm.builder().build();
    vm.load(c.image());
    vm.start();
    Thread.sleep(50);
    vm.stop();
    RunResult r = vm.join();
    assertEquals(RunResult.Ending.STOPPED, r.ending());
    assertTrue(r.opcodes() > 0);
  }

  @Test
  void stopEndsAVmSpinningInsideACallbackFromABuiltin() throws Exception {
    Compilation c = Py.compile("def key(x):\n    while True:\n        pass\nsorted([1, 2], key=key)\n");
    Vm vm = Vm.builder().build();
    vm.load(c.image());
    vm.start();
    Thread.sleep(50);
    vm.stop();
    assertEquals(RunResult.Ending.STOPPED, vm.join().ending());
  }

  @Test
  void stopEndsAVmInsideABuiltinThatIteratesARangeOfEverything() throws Exception {
    // sum(), all() and `in` take a range's items in Java, with no safe point (and there may be 2^64)
    for (String call : List.of("sum(range(2**62))", "all(range(1, 2**62))",
        "-1 in iter(range(2**62))")) {
      Compilation c = Py.compile("print(" + call + ")\n");
      Vm vm = Vm.builder().build();
      vm.load(c.image());
      vm.start();
      Thread.sleep(50);
      vm.stop();
      assertEquals(RunResult.Ending.STOPPED, vm.join().ending(), call);
    }
  }

  @Test
  void stopBeforeTheRunEndsItAtOnce() throws Exception {
    Compilation c = Py.compile("while True:\n    sleep(1000)\n");
    Vm vm = virtual().build();
    vm.load(c.image());
    vm.stop();
    assertEquals(RunResult.Ending.STOPPED, vm.run().ending());
  }

  @Test
  void manyThreadsWithGcStressKeepTheirValues() {
    String src = String.join("\n",
        "results = []",
        "def work(i):",
        "    acc = []",
        "    for j in range(20):",
        "        acc.append(str(i * j))",
        "        if j % 5 == 0:",
        "            sleep(1)",
        "    results.append((i, ','.join(acc)))",
        "ts = [thread(work, i) for i in range(6)]",
        "for t in ts:",
        "    t.join()",
        "results.sort()",
        "print(len(results), results[5][1][:12])",
        "");
    assertOut("6 0,5,10,15,20\n", run(src, virtual().stressGc(true)));
  }
}
