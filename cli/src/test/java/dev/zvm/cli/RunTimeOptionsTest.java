package dev.zvm.cli;

import static dev.zvm.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code zvm run}'s time and board options: --virtual-time, --until, --stimulus, --trace, and threads' stderr. */
class RunTimeOptionsTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void untilStopsAProgramThatRunsForeverWithExitZero() throws IOException {
    Path app = write("app.py", "import timers\nwhile True:\n    print(timers.now())\n    sleep(300)\n");
    String[] r = run("run", app.toString(), "--virtual-time", "--until", "1s");
    assertEquals("0", r[0], r[2]);
    assertEquals("0\n300\n600\n900\n", r[1]);
  }

  @Test
  void opcodeCostChargesTimePerOpcode() throws IOException {
    Path app = write("app.py", "import timers\nn = 0\nwhile n < 100000:\n    n += 1\nprint(timers.now() > 0)\n");
    String[] r = run("run", app.toString(), "--virtual-time", "--opcode-cost", "100");
    assertEquals("0", r[0], r[2]);
    assertEquals("True\n", r[1]);
    assertEquals("2", run("run", app.toString(), "--opcode-cost", "100")[0]);
  }

  @Test
  void aStimulusDrivesTheBoardAndTheTraceRecordsIt() throws IOException {
    Path app = write("app.py", String.join("\n",
        "import timers",
        "def pressed():",
        "    pinToggle(LED0)",
        "    print('pressed at', timers.now())",
        "pinMode(LED0, OUTPUT)",
        "pinMode(BTN0, INPUT_PULLUP)",
        "onPinFall(BTN0, pressed)",
        "sleep(500)",
        ""));
    Path stim = write("stim.txt", "100ms BTN0 fall\n+100ms BTN0 rise\n+100ms BTN0 fall\n");
    Path vcd = dir.resolve("out.vcd");
    String[] r = run("run", app.toString(), "--virtual-time", "--stimulus", stim.toString(), "--trace", vcd.toString());
    assertEquals("0", r[0], r[2]);
    assertEquals("pressed at 100\npressed at 300\n", r[1]);
    String trace = Files.readString(vcd);
    assertTrue(trace.contains("$var wire 1 7 LED0 $end"), trace);
    assertTrue(trace.contains("#100000000\n0;\n"), trace);
    String[] again = run("run", app.toString(), "--virtual-time", "--stimulus", stim.toString(), "--trace", vcd.toString());
    assertEquals(r[1], again[1]);
    assertEquals(trace, Files.readString(vcd));
  }

  @Test
  void aBadStimulusIsReportedWithItsLineAndExitsOne() throws IOException {
    Path app = write("app.py", "print('x')\n");
    Path stim = write("stim.txt", "100ms BTN9 fall\n");
    String[] r = run("run", app.toString(), "--stimulus", stim.toString());
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("stim.txt:1: unknown pin or serial port \"BTN9\""), r[2]);
    assertEquals("", r[1]);
  }

  @Test
  void aThreadsUncaughtExceptionGoesToStderrAndTheRunStillSucceeds() throws IOException {
    Path app = write("app.py", "def bad():\n    raise KeyError('k')\nthread(bad)\nsleep(10)\nprint('main ok')\n");
    String[] r = run("run", app.toString(), "--virtual-time");
    assertEquals("0", r[0], r[2]);
    assertEquals("main ok\n", r[1]);
    assertTrue(r[2].startsWith("Exception in thread Thread-"), r[2]);
    assertTrue(r[2].endsWith("KeyError: 'k'\n"), r[2]);
  }

  @Test
  void statsIncludeThreadsAndInterrupts() throws IOException {
    Path app = write("app.py", "def f():\n    sleep(5)\nthread(f)\nsleep(10)\n");
    String[] r = run("run", app.toString(), "--virtual-time", "--stats");
    assertEquals("0", r[0], r[2]);
    assertTrue(r[2].contains("thread switches: "), r[2]);
    assertTrue(r[2].contains("interrupt callbacks: 0, dropped (queue full): 0"), r[2]);
  }

  @Test
  void untilTakesDurationsWithUnits() {
    assertEquals(Duration.ofSeconds(10), RunCommand.parseDuration("10s"));
    assertEquals(Duration.ofMillis(250), RunCommand.parseDuration("250ms"));
    assertEquals(Duration.ofMillis(1500), RunCommand.parseDuration("1.5s"));
    assertEquals(Duration.ofNanos(20), RunCommand.parseDuration("20ns"));
    assertEquals(Duration.ofMinutes(2), RunCommand.parseDuration("2m"));
    assertThrows(IllegalArgumentException.class, () -> RunCommand.parseDuration("10"));
    assertThrows(IllegalArgumentException.class, () -> RunCommand.parseDuration("1.5ns"));
    Path p = dir.resolve("x.py");
    assertEquals("2", run("run", p.toString(), "--until", "soon")[0]);
  }
}
