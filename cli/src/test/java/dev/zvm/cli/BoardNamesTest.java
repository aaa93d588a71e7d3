package dev.zvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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

  private String[] run(String... args) {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

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
