package dev.zvm.cli.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * One line the corpus harness ({@code benchmarks/programs/harness.py}) prints per measured
 * repetition, e.g. {@code @bench name=nbody scale=small n=1000 rep=0 seconds=0.012345678 ok=1}:
 * space-separated {@code key=value} fields after the {@code @bench} tag, in any order; unknown
 * keys are ignored so the harness may grow.
 */
public record HarnessLine(String name, String scale, long n, int rep, double seconds, boolean ok) {

  public static final String TAG = "@bench";

  /** Whether {@code line} claims to be a harness line (and so must parse). */
  public static boolean isHarnessLine(String line) {
    String s = line.strip();
    return s.equals(TAG) || s.startsWith(TAG + " ");
  }

  /**
   * Parses a harness line.
   *
   * @throws IllegalArgumentException naming the problem, when a field is missing or malformed
   */
  public static HarnessLine parse(String line) {
    if (!isHarnessLine(line)) {
      throw new IllegalArgumentException("not a harness line: " + line);
    }
    Map<String, String> fields = new HashMap<>();
    String[] tokens = line.strip().split("\\s+");
    for (int i = 1; i < tokens.length; i++) {
      int eq = tokens[i].indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("field without key=value: '" + tokens[i] + "' in: " + line);
      }
      fields.put(tokens[i].substring(0, eq), tokens[i].substring(eq + 1));
    }
    String name = required(fields, "name", line);
    long n = parseLong(required(fields, "n", line), "n", line);
    long rep = parseLong(required(fields, "rep", line), "rep", line);
    if (rep < 0 || rep > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("rep=" + rep + " out of range in: " + line);
    }
    double seconds = parseSeconds(required(fields, "seconds", line), line);
    String ok = required(fields, "ok", line);
    if (!ok.equals("0") && !ok.equals("1")) {
      throw new IllegalArgumentException("ok=" + ok + " is neither 0 nor 1 in: " + line);
    }
    return new HarnessLine(name, fields.getOrDefault("scale", ""), n, (int) rep, seconds,
        ok.equals("1"));
  }

  private static String required(Map<String, String> fields, String key, String line) {
    String value = fields.get(key);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("missing " + key + "= in: " + line);
    }
    return value;
  }

  private static long parseLong(String value, String key, String line) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + "=" + value + " is not an integer in: " + line);
    }
  }

  private static double parseSeconds(String value, String line) {
    double seconds;
    try {
      seconds = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("seconds=" + value + " is not a number in: " + line);
    }
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException("seconds=" + value + " out of range in: " + line);
    }
    return seconds;
  }
}
