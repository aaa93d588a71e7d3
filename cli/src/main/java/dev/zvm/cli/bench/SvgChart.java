package dev.zvm.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The ratios as a horizontal bar chart in plain SVG, for a person to open in a browser: one
 * group of bars per program (one bar per peer) and a last group for the geometric means. The
 * axis is logarithmic (base 2) around the line at 1, where zvm is; a bar to the right means
 * zvm is faster than that peer. A peer without a figure gets the word "missing" or "failed"
 * in place of its bar.
 */
public final class SvgChart {
  private SvgChart() {}

  private static final String[] COLOURS = {
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#9c755f"
  };
  private static final int LEFT = 150;
  private static final int WIDTH = 560;
  private static final int RIGHT = 90;
  private static final int TOP = 70;
  private static final int BAR = 14;
  private static final int GAP = 10;
  /** Room a ratio's label takes left of a bar (a few characters at 12 px). */
  private static final int LABEL_ROOM = 64;
  /** The axis never spans more than 2^-10 .. 2^10; longer bars stop at its edge. */
  private static final int MAX_EXPONENT = 10;

  public static String write(Report report) {
    List<Implementation> peers = report.peers();
    List<String> rows = new ArrayList<>(report.programs());
    rows.add("geometric mean");
    int perGroup = Math.max(1, peers.size());
    int groupHeight = perGroup * BAR + GAP;
    int height = TOP + rows.size() * groupHeight + 40;
    int total = LEFT + WIDTH + RIGHT;

    double lowest = 0.5;
    double highest = 2;
    for (int row = 0; row < rows.size(); row++) {
      for (Implementation peer : peers) {
        OptionalDouble r = value(report, rows.get(row), peer, row == rows.size() - 1);
        if (r.isPresent()) {
          lowest = Math.min(lowest, r.getAsDouble());
          highest = Math.max(highest, r.getAsDouble());
        }
      }
    }
    int lo = Math.max(-MAX_EXPONENT, (int) Math.floor(log2(lowest)));
    int hi = Math.min(MAX_EXPONENT, (int) Math.ceil(log2(highest)));

    StringBuilder sb = new StringBuilder();
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
            + " font-family=\"sans-serif\" font-size=\"12\">\n", total, height, total, height));
    sb.append(String.format(Locale.ROOT,
        "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"white\"/>\n", total, height));
    sb.append(text(10, 22, "start", "font-size=\"15\" font-weight=\"bold\"",
        "zvm bench: peer time / zvm time, workload " + report.workload()
            + " (right of 1: zvm is faster)"));
    for (int i = 0; i < peers.size(); i++) {
      int x = LEFT + i * 120;
      sb.append(String.format(Locale.ROOT,
          "<rect x=\"%d\" y=\"34\" width=\"12\" height=\"12\" fill=\"%s\"/>\n", x, colour(i)));
      sb.append(text(x + 16, 45, "start", "", peers.get(i).name()));
    }
    int axisBottom = TOP + rows.size() * groupHeight;
    for (int k = lo; k <= hi; k++) {
      double x = x(k, lo, hi);
      sb.append(String.format(Locale.ROOT,
          "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"%s\"/>\n",
          x, TOP - 6, x, axisBottom, k == 0 ? "#000" : "#ddd", k == 0 ? "1.5" : "1"));
      sb.append(text(x, axisBottom + 16, "middle", "", tick(k)));
    }
    sb.append(text(x(0, lo, hi), TOP - 10, "middle", "font-weight=\"bold\"", "zvm"));

    for (int row = 0; row < rows.size(); row++) {
      String name = rows.get(row);
      boolean geo = row == rows.size() - 1;
      int y0 = TOP + row * groupHeight;
      sb.append(text(LEFT - 8, y0 + perGroup * BAR / 2.0 + 4, "end",
          geo ? "font-weight=\"bold\"" : "", name));
      for (int i = 0; i < peers.size(); i++) {
        Implementation peer = peers.get(i);
        int y = y0 + i * BAR;
        OptionalDouble r = value(report, name, peer, geo);
        double one = x(0, lo, hi);
        if (r.isEmpty()) {
          String why = !peer.available() ? "missing"
              : geo ? "no figure" : report.result(name, peer.name()).status().name()
                  .toLowerCase(Locale.ROOT);
          sb.append(text(one + 4, y + BAR - 3, "start", "fill=\"#888\" font-style=\"italic\"",
              peer.name() + " " + why));
          continue;
        }
        double e = Math.max(lo, Math.min(hi, log2(r.getAsDouble())));
        double end = x(e, lo, hi);
        double left = Math.min(one, end);
        double width = Math.max(1, Math.abs(end - one));
        sb.append(String.format(Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s</title>"
                + "</rect>\n", left, y + 1, width, BAR - 2, colour(i),
            escape(name + ", " + peer.name() + ": " + TextReport.ratio(r.getAsDouble()))));
        String label = TextReport.ratio(r.getAsDouble());
        if (end >= one) {
          sb.append(text(left + width + 4, y + BAR - 3, "start", "", label));
        } else if (left - LABEL_ROOM >= LEFT) {
          sb.append(text(left - 4, y + BAR - 3, "end", "", label));
        } else {
          // No room before the program names: the figure goes inside the bar.
          sb.append(text(left + 4, y + BAR - 3, "start", "fill=\"white\"", label));
        }
      }
    }
    sb.append("</svg>\n");
    return sb.toString();
  }

  private static OptionalDouble value(Report report, String row, Implementation peer,
      boolean geo) {
    if (!peer.available()) {
      return OptionalDouble.empty();
    }
    if (geo) {
      Optional<Report.GeoMean> g = report.geometricMean(peer.name());
      return g.isPresent() ? OptionalDouble.of(g.get().value()) : OptionalDouble.empty();
    }
    return report.ratio(row, peer.name());
  }

  private static double x(double exponent, int lo, int hi) {
    if (hi == lo) {
      return LEFT + WIDTH / 2.0;
    }
    return LEFT + (exponent - lo) / (hi - lo) * WIDTH;
  }

  private static String tick(int k) {
    if (k >= 0) {
      return (1L << k) + "x";
    }
    return "1/" + (1L << -k) + "x";
  }

  private static double log2(double v) {
    return Math.log(v) / Math.log(2);
  }

  private static String colour(int i) {
    return COLOURS[i % COLOURS.length];
  }

  private static String text(double x, double y, String anchor, String attributes, String s) {
    return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s>%s</text>\n",
        x, y, anchor, attributes.isEmpty() ? "" : " " + attributes, escape(s));
  }

  /** Escapes text for SVG (XML) content and attribute values. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            sb.append(' ');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
