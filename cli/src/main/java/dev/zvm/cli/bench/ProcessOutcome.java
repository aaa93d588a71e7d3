package dev.zvm.cli.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What one process printed for one program, judged: either the in-process times it reported,
 * or why it failed. A process fails when it timed out, exited non-zero, printed a malformed or
 * failed ({@code ok=0}) harness line, or printed fewer repetitions than asked.
 *
 * @param warm seconds of repetitions {@code warmup .. repetitions-1}
 * @param first seconds of repetition 0
 * @param failure null when the process succeeded
 */
public record ProcessOutcome(double[] warm, double first, String failure) {

  public boolean ok() {
    return failure == null;
  }

  static ProcessOutcome failed(String why) {
    return new ProcessOutcome(new double[0], Double.NaN, why);
  }

  /** Judges one process's output. {@code stderr} is used only to say why it failed. */
  public static ProcessOutcome evaluate(
      String program, int repetitions, int warmup, boolean timedOut, int exitCode,
      List<String> stdout, List<String> stderr) {
    if (timedOut) {
      return failed("timed out");
    }
    double[] byRep = new double[repetitions];
    boolean[] seen = new boolean[repetitions];
    String selfCheck = null;
    for (String line : stdout) {
      if (line.startsWith("FAIL ")) {
        selfCheck = line.strip();
        break;
      }
    }
    for (String line : stdout) {
      if (!HarnessLine.isHarnessLine(line)) {
        continue;
      }
      HarnessLine h;
      try {
        h = HarnessLine.parse(line);
      } catch (IllegalArgumentException e) {
        return failed("bad harness line: " + e.getMessage());
      }
      if (!h.name().equals(program)) {
        return failed("harness line for " + h.name() + ", expected " + program);
      }
      if (!h.ok()) {
        return failed(selfCheck != null ? selfCheck : "self-check failed (ok=0)");
      }
      if (h.rep() >= repetitions || seen[h.rep()]) {
        return failed("unexpected rep=" + h.rep() + " (asked for " + repetitions + ")");
      }
      seen[h.rep()] = true;
      byRep[h.rep()] = h.seconds();
    }
    if (exitCode != 0) {
      String why = selfCheck != null ? selfCheck : lastNonBlank(stderr);
      return failed("exit " + exitCode + (why.isEmpty() ? "" : ": " + why));
    }
    int count = 0;
    for (boolean s : seen) {
      count += s ? 1 : 0;
    }
    if (count < repetitions) {
      String why = lastNonBlank(stderr);
      return failed(count + " of " + repetitions + " repetitions printed"
          + (why.isEmpty() ? "" : "; stderr: " + why));
    }
    List<Double> warm = new ArrayList<>();
    for (int rep = warmup; rep < repetitions; rep++) {
      warm.add(byRep[rep]);
    }
    return new ProcessOutcome(
        warm.stream().mapToDouble(Double::doubleValue).toArray(), byRep[0], null);
  }

  private static String lastNonBlank(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      String s = lines.get(i).strip();
      if (!s.isEmpty()) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
      }
    }
    return "";
  }
}
