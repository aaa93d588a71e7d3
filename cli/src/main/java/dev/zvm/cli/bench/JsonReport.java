package dev.zvm.cli.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The report as JSON, raw samples included, so that later tools can redo the statistics.
 * Figures that do not exist are {@code null}; times are in seconds.
 */
public final class JsonReport {
  private JsonReport() {}

  public static String write(Report report) {
    StringBuilder sb = new StringBuilder("{\n");
    sb.append("  \"workload\": ").append(string(report.workload())).append(",\n");
    sb.append("  \"rounds\": ").append(report.rounds()).append(",\n");
    sb.append("  \"repetitions\": ").append(report.repetitions()).append(",\n");
    sb.append("  \"warmup\": ").append(report.warmup()).append(",\n");
    sb.append("  \"implementations\": [");
    List<Implementation> impls = report.implementations();
    for (int i = 0; i < impls.size(); i++) {
      Implementation impl = impls.get(i);
      sb.append(i == 0 ? "\n" : ",\n");
      sb.append("    {\"name\": ").append(string(impl.name()))
          .append(", \"zvm\": ").append(impl.isZvm())
          .append(", \"command\": [");
      for (int j = 0; j < impl.command().size(); j++) {
        sb.append(j == 0 ? "" : ", ").append(string(impl.command().get(j)));
      }
      sb.append("], \"missing\": ").append(impl.missing() == null ? "null" : string(impl.missing()))
          .append('}');
    }
    sb.append("\n  ],\n  \"programs\": [");
    for (int p = 0; p < report.programs().size(); p++) {
      String program = report.programs().get(p);
      sb.append(p == 0 ? "\n" : ",\n");
      sb.append("    {\"name\": ").append(string(program)).append(", \"results\": [");
      for (int i = 0; i < impls.size(); i++) {
        Implementation impl = impls.get(i);
        Result r = report.result(program, impl.name());
        sb.append(i == 0 ? "\n" : ",\n");
        sb.append("      {\"implementation\": ").append(string(impl.name()))
            .append(", \"status\": ").append(string(r.status().name().toLowerCase(Locale.ROOT)))
            .append(", \"reason\": ").append(r.reason() == null ? "null" : string(r.reason()));
        if (r.ok()) {
          Statistics.Spread warm = r.warmSpread();
          Statistics.Spread process = Statistics.spread(r.process());
          sb.append(", \"warm_median\": ").append(number(warm.median()))
              .append(", \"warm_min\": ").append(number(warm.min()))
              .append(", \"warm_max\": ").append(number(warm.max()))
              .append(", \"first_rep_median\": ").append(number(Statistics.median(r.first())))
              .append(", \"process_median\": ").append(number(process.median()))
              .append(", \"process_min\": ").append(number(process.min()))
              .append(", \"process_max\": ").append(number(process.max()));
        }
        OptionalDouble q = impl.isZvm() ? OptionalDouble.empty()
            : report.ratio(program, impl.name());
        sb.append(", \"ratio_peer_over_zvm\": ")
            .append(q.isPresent() ? number(q.getAsDouble()) : "null");
        sb.append(", \"warm_seconds\": ").append(array(r.warm()))
            .append(", \"first_rep_seconds\": ").append(array(r.first()))
            .append(", \"process_seconds\": ").append(array(r.process()))
            .append('}');
      }
      sb.append("\n    ]}");
    }
    sb.append("\n  ],\n  \"geometric_means\": [");
    boolean first = true;
    for (Implementation peer : report.peers()) {
      Optional<Report.GeoMean> g = peer.available() ? report.geometricMean(peer.name())
          : Optional.empty();
      sb.append(first ? "\n" : ",\n");
      first = false;
      sb.append("    {\"implementation\": ").append(string(peer.name()))
          .append(", \"value\": ").append(g.isPresent() ? number(g.get().value()) : "null")
          .append(", \"programs\": ").append(g.isPresent() ? g.get().count() : 0)
          .append('}');
    }
    sb.append(first ? "]\n}\n" : "\n  ]\n}\n");
    return sb.toString();
  }

  static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "null";
    }
    return String.format(Locale.ROOT, "%.9g", v);
  }

  static String array(double[] values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(number(values[i]));
    }
    return sb.append(']').toString();
  }

  /** A JSON string literal: quotes, backslashes and control characters escaped. */
  static String string(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
