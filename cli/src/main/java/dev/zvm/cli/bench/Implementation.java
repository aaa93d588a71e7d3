package dev.zvm.cli.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Python implementation the runner starts: a name for the reports and the command line that
 * precedes the script's path. zvm itself is one, flagged {@link #isZvm()}: its ratios are the
 * denominators and it gets the wrapper without the peers' clock shim (see {@link Wrappers}).
 * A peer that cannot be found is kept, with {@link #missing()} saying why, so that the reports
 * show it instead of dropping it.
 */
public record Implementation(String name, List<String> command, boolean isZvm, String missing) {

  public static final String ZVM = "zvm";

  public Implementation {
    command = List.copyOf(command);
  }

  public static Implementation zvm(List<String> command) {
    return new Implementation(ZVM, command, true, null);
  }

  public boolean available() {
    return missing == null;
  }

  /**
   * A peer named on the command line: a bare name is looked up on {@code PATH}, a name with a
   * slash is taken as a path. Either way the report names it by its file name.
   */
  public static Implementation peer(String spec, String pathVariable) {
    String name = Path.of(spec).getFileName().toString();
    if (spec.contains("/")) {
      Path path = Path.of(spec);
      return Files.isRegularFile(path) && Files.isExecutable(path)
          ? new Implementation(name, List.of(path.toString()), false, null)
          : new Implementation(name, List.of(spec), false, "not an executable file: " + spec);
    }
    if (pathVariable != null) {
      for (String dir : pathVariable.split(File.pathSeparator)) {
        if (dir.isEmpty()) {
          continue;
        }
        Path candidate = Path.of(dir, spec);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return new Implementation(name, List.of(candidate.toString()), false, null);
        }
      }
    }
    return new Implementation(name, List.of(spec), false, "not found on PATH");
  }
}
