package dev.zvm.cli;

import static dev.zvm.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  @TempDir Path dir;

  private Path write(String name, String source) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, source);
    return p;
  }

  @Test
  void runsAProgramAndExitsZero() throws IOException {
    Path app = write("app.py", "print('héllo', [1, 'a'], 2.5)\n");
    String[] r = run("run", app.toString());
    assertEquals("0", r[0], r[2]);
    assertEquals("héllo [1, 'a'] 2.5\n", r[1]);
  }

  @Test
  void anUncaughtExceptionPrintsTheTracebackAndExitsOne() throws IOException {
    Path app = write("app.py", "def f():\n    raise ValueError('bad')\nprint('before')\nf()\n");
    String[] r = run("run", app.toString());
    assertEquals("1", r[0]);
    assertEquals("before\n", r[1]);
    assertTrue(r[2].startsWith("Traceback (most recent call last):\n"), r[2]);
    assertTrue(r[2].contains("line 4, in <module>\n"), r[2]);
    assertTrue(r[2].contains("line 2, in f\n"), r[2]);
    assertTrue(r[2].endsWith("ValueError: bad\n"), r[2]);
  }

  @Test
  void aCompileErrorPrintsTheDiagnosticAndExitsOne() throws IOException {
    Path app = write("app.py", "x = (1,\n");
    String[] r = run("run", app.toString());
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("app.py:"), r[2]);
  }

  @Test
  void aBadHeapSizeIsAUsageError() throws IOException {
    Path app = write("app.py", "print(1)\n");
    assertEquals("2", run("run", app.toString(), "--heap", "lots")[0]);
    assertEquals("2", run("run", app.toString(), "--heap", "1K")[0]);
    assertEquals("2", run("run")[0]);
  }

  @Test
  void aSmallHeapRaisesMemoryError() throws IOException {
    Path app = write("app.py", "l = []\nwhile True:\n    l.append([1, 2, 3, 4])\n");
    String[] r = run("run", app.toString(), "--heap", "64K");
    assertEquals("1", r[0]);
    assertTrue(r[2].endsWith("MemoryError\n"), r[2]);
  }

  @Test
  void statsPrintsOpcodesAndHeapFigures() throws IOException {
    Path app = write("app.py", "i = 0\nwhile i < 100:\n    i += 1\n");
    String[] r = run("run", app.toString(), "--stats");
    assertEquals("0", r[0], r[2]);
    assertTrue(r[2].contains("opcodes executed: "), r[2]);
    assertTrue(r[2].contains("heap: "), r[2]);
  }

  @Test
  void runsACompiledImage() throws IOException {
    Path app = write("app.py", "print(sum(range(10)))\n");
    assertEquals("0", run("compile", app.toString())[0]);
    String[] r = run("run", dir.resolve("app.zimg").toString());
    assertEquals("0", r[0], r[2]);
    assertEquals("45\n", r[1]);
  }

  @Test
  void aMissingFileExitsOne() {
    String[] r = run("run", dir.resolve("nope.zimg").toString());
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("no such file"), r[2]);
  }
}
