package dev.zvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

  private static String[] run(String... args) {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void versionNamesTheBuiltVersion() {
    String[] r = run("--version");
    assertEquals("0", r[0]);
    assertTrue(r[1].startsWith("zvm " + VersionProvider.version()), r[1]);
    assertTrue(!VersionProvider.version().contains("${"), "version.properties was not filtered");
  }

  @Test
  void helpListsTheSubcommands() {
    String[] r = run("--help");
    assertEquals("0", r[0]);
    for (String name : Main.commandLine().getSubcommands().keySet()) {
      assertTrue(r[1].contains(name), () -> "--help does not list " + name + ":\n" + r[1]);
    }
  }

  @Test
  void noSubcommandIsAUsageError() {
    String[] r = run();
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("Missing subcommand"), r[2]);
  }
}
