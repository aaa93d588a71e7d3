package dev.zvm.cli.bench;

/**
 * The tiny main files the runner generates: each sets the harness's workload and repetition
 * count, then imports the program, whose module body calls the harness. The programs themselves
 * stay unchanged and need no {@code sys.argv} (zvm has no {@code sys}).
 *
 * <p>Peers get a shim first: Python 2.7 implementations (Jython) have no {@code
 * time.perf_counter}, which the harness imports, so the shim points it at {@code time.time}.
 * zvm's wrapper goes without it, so that it uses nothing beyond what the corpus itself uses.
 */
public final class Wrappers {
  private Wrappers() {}

  public static String zvmWrapper(String program, String workload, int repetitions) {
    return configure(program, workload, repetitions);
  }

  public static String peerWrapper(String program, String workload, int repetitions) {
    return "import time\n"
        + "if not hasattr(time, \"perf_counter\"):\n"
        + "    time.perf_counter = time.time\n"
        + configure(program, workload, repetitions);
  }

  private static String configure(String program, String workload, int repetitions) {
    if (!program.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("program=" + program + " is not a module name");
    }
    if (!workload.matches("[a-z]+")) {
      throw new IllegalArgumentException("workload=" + workload);
    }
    return "import harness\n"
        + "harness.configure(\"" + workload + "\", " + repetitions + ")\n"
        + "import " + program + "\n";
  }
}
