package dev.zvm.cli.bench;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The report as CSV (RFC 4180): one row per program and implementation, with the status and
 * reason, the warm median and spread, the first repetition's and the whole process's medians
 * (seconds), and the ratio peer/zvm. Figures that do not exist are empty fields.
 */
public final class CsvReport {
  private CsvReport() {}

  public static final String HEADER = "program,implementation,status,reason,samples,"
      + "warm_median_s,warm_min_s,warm_max_s,first_rep_median_s,process_median_s,"
      + "process_min_s,process_max_s,ratio_peer_over_zvm";

  public static String write(Report report) {
    StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
    for (String program : report.programs()) {
      for (Implementation impl : report.implementations()) {
        Result r = report.result(program, impl.name());
        sb.append(field(program)).append(',').append(field(impl.name())).append(',')
            .append(r.status().name().toLowerCase(Locale.ROOT)).append(',')
            .append(field(r.reason() == null ? "" : r.reason())).append(',');
        if (r.ok()) {
          Statistics.Spread warm = r.warmSpread();
          Statistics.Spread process = Statistics.spread(r.process());
          sb.append(warm.count()).append(',')
              .append(seconds(warm.median())).append(',')
              .append(seconds(warm.min())).append(',')
              .append(seconds(warm.max())).append(',')
              .append(seconds(Statistics.median(r.first()))).append(',')
              .append(seconds(process.median())).append(',')
              .append(seconds(process.min())).append(',')
              .append(seconds(process.max())).append(',');
          OptionalDouble q = impl.isZvm() ? OptionalDouble.empty()
              : report.ratio(program, impl.name());
          if (q.isPresent()) {
            sb.append(String.format(Locale.ROOT, "%.6g", q.getAsDouble()));
          }
        } else {
          sb.append("0,,,,,,,,");
        }
        sb.append("\r\n");
      }
    }
    return sb.toString();
  }

  static String seconds(double s) {
    return String.format(Locale.ROOT, "%.9f", s);
  }

  /** Quotes a field that holds a comma, a quote or a line break, doubling its quotes. */
  static String field(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0
        && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
