package dev.zvm.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code zvm} command: the root of the picocli tree. Each subcommand is its own class in this
 * package; this one only lists them and maps their outcome to the process exit code.
 *
 * <p>Exit codes: 0 success, 1 the program or the input failed (compile error, Python exception,
 * bad image), 2 usage error.
 */
@Command(
    name = "zvm",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A real-time virtual machine for a Python subset, after the Zerynth VM.",
    subcommands = {CommandLine.HelpCommand.class, DisasmCommand.class, BenchCommand.class, CompileCommand.class, RunCommand.class, LatencyCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    // `zvm` alone is a usage error: show what exists.
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }

  /** Builds the command line with every subcommand; tests use it to run the CLI in-process. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main());
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
