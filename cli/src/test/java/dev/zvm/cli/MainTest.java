package dev.zvm.cli;

import static dev.zvm.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {
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
