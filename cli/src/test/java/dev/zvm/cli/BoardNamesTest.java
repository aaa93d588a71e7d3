package dev.zvm.cli;

import static dev.zvm.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code zvm run} and {@code zvm compile} know the virtual board's pin and peripheral names. */
class BoardNamesTest {
  @TempDir Path dir;

  private static final String BLINK = """
      import streams
      streams.serial()
      pinMode(LED0, OUTPUT)
      digitalWrite(LED0, HIGH)
      pinToggle(LED0)
      print(digitalRead(LED0), LED0, D3.PWM, hex(SERIAL0), A0, BTN0)
      """;

  @Test
  void runCompilesWithTheBoardsNames() throws IOException {
    Path app = Files.writeString(dir.resolve("app.py"), BLINK);
    String[] r = run("run", app.toString());
    assertEquals("0", r[0], r[2]);
    assertEquals("0 2304 1027 0x700 256 2560\n", r[1]);
  }

  @Test
  void compileKnowsThemToo() throws IOException {
    Path app = Files.writeString(dir.resolve("app.py"), BLINK);
    assertEquals("0", run("compile", app.toString())[0]);
    String[] r = run("run", dir.resolve("app.zimg").toString());
    assertEquals("0", r[0], r[2]);
    assertEquals("0 2304 1027 0x700 256 2560\n", r[1]);
  }
}
