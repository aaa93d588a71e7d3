package dev.zvm.cli.bench;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** The report as the terminal shows it: one block per program, then the geometric means. */
public final class TextReport {
  private TextReport() {}

  static String millis(double seconds) {
    return String.format(Locale.ROOT, "%.3f ms", seconds * 1e3);
  }

  static String ratio(double r) {
    return String.format(Locale.ROOT, r >= 100 ? "%.0fx" : "%.3gx", r);
  }

  public static void write(Report report, PrintWriter out) {
    out.printf(Locale.ROOT, "%-16s %-10s %13s %27s %13s %13s %8s%n", "program", "impl",
        "warm median", "warm min .. max", "first rep", "process", "peer/zvm");
    for (String program : report.programs()) {
      boolean firstLine = true;
      for (Implementation impl : report.implementations()) {
        Result r = report.result(program, impl.name());
        String label = firstLine ? program : "";
        firstLine = false;
        if (!r.ok()) {
          out.printf(Locale.ROOT, "%-16s %-10s %s%n", label, impl.name(), r.statusText());
          continue;
        }
        Statistics.Spread warm = r.warmSpread();
        String ratioText = "";
        if (!impl.isZvm()) {
          OptionalDouble q = report.ratio(program, impl.name());
          ratioText = q.isPresent() ? ratio(q.getAsDouble()) : "-";
        }
        out.printf(Locale.ROOT, "%-16s %-10s %13s %27s %13s %13s %8s%n", label, impl.name(),
            millis(warm.median()), millis(warm.min()) + " .. " + millis(warm.max()),
            millis(Statistics.median(r.first())), millis(Statistics.median(r.process())),
            ratioText);
      }
    }
    out.println();
    out.println("geometric mean of the ratios peer/zvm (above 1: zvm is faster),"
        + " workload " + report.workload() + ", " + report.rounds() + " rounds of "
        + report.repetitions() + " repetitions, the first " + report.warmup() + " dropped:");
    if (report.peers().isEmpty()) {
      out.println("  no peers asked for");
    }
    for (Implementation peer : report.peers()) {
      if (!peer.available()) {
        out.printf(Locale.ROOT, "  %-10s missing: %s%n", peer.name(), peer.missing());
        continue;
      }
      Optional<Report.GeoMean> g = report.geometricMean(peer.name());
      int total = report.programs().size();
      if (g.isEmpty()) {
        out.printf(Locale.ROOT, "  %-10s no program ran on both%n", peer.name());
      } else {
        int left = total - g.get().count();
        out.printf(Locale.ROOT, "  %-10s %s over %d programs%s%n", peer.name(),
            ratio(g.get().value()), g.get().count(),
            left == 0 ? "" : " (" + left + " failed on it or on zvm, left out)");
      }
    }
    out.flush();
  }
}
