package dev.zvm.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportWritersTest {

  private static final String FAILURE = "exit 1: Error, \"quoted\"";

  private static Result ok(String program, String impl, double... warm) {
    return new Result(program, impl, Result.Status.OK, null, warm, new double[] {0.5, 0.7},
        new double[] {1.0, 1.5, 2.0});
  }

  /** zvm; "py&3" ok everywhere; "slowpy" fails alpha; "ghost" is missing. */
  static Report sample(boolean zvmFailsBeta) {
    Implementation zvm = Implementation.zvm(List.of("java", "-jar", "zvm.jar", "run"));
    Implementation py = new Implementation("py&3", List.of("/usr/bin/py&3"), false, null);
    Implementation slow = new Implementation("slowpy", List.of("/opt/slowpy"), false, null);
    Implementation ghost = new Implementation("ghost", List.of("ghost"), false,
        "not found on PATH");
    List<Result> results = new ArrayList<>();
    results.add(ok("alpha", "zvm", 0.1, 0.2, 0.3));
    results.add(ok("alpha", "py&3", 0.2, 0.4, 0.6));
    results.add(new Result("alpha", "slowpy", Result.Status.FAILED, FAILURE, new double[0],
        new double[0], new double[0]));
    results.add(Result.missing("alpha", ghost));
    results.add(zvmFailsBeta
        ? new Result("beta", "zvm", Result.Status.FAILED, "timed out", new double[0],
            new double[0], new double[0])
        : ok("beta", "zvm", 1.0));
    results.add(ok("beta", "py&3", 0.5));
    results.add(ok("beta", "slowpy", 4.0));
    results.add(Result.missing("beta", ghost));
    return new Report("small", 3, 4, 2, List.of(zvm, py, slow, ghost), List.of("alpha", "beta"),
        results);
  }

  @Test
  void ratiosAreThePeersMedianOverZvmsAndOnlyWhereBothRan() {
    Report r = sample(false);
    assertEquals(2.0, r.ratio("alpha", "py&3").getAsDouble(), 1e-12);
    assertEquals(0.5, r.ratio("beta", "py&3").getAsDouble(), 1e-12);
    assertEquals(4.0, r.ratio("beta", "slowpy").getAsDouble(), 1e-12);
    assertTrue(r.ratio("alpha", "slowpy").isEmpty());
    assertTrue(r.ratio("alpha", "ghost").isEmpty());
    assertEquals(1.0, r.geometricMean("py&3").get().value(), 1e-12);
    assertEquals(2, r.geometricMean("py&3").get().count());
    assertEquals(1, r.geometricMean("slowpy").get().count());
    assertTrue(r.geometricMean("ghost").isEmpty());
    assertTrue(r.zvmAllOk());

    Report failing = sample(true);
    assertFalse(failing.zvmAllOk());
    assertTrue(failing.ratio("beta", "py&3").isEmpty());
    assertEquals(2.0, failing.geometricMean("py&3").get().value(), 1e-12);
  }

  /** Splits one CSV record, honouring quotes. */
  private static List<String> csvFields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  @Test
  void csvHasOneRowPerProgramAndImplementation() {
    String csv = CsvReport.write(sample(false));
    assertTrue(csv.endsWith("\r\n"));
    String[] lines = csv.split("\r\n");
    assertEquals(1 + 2 * 4, lines.length);
    assertEquals(CsvReport.HEADER, lines[0]);
    int columns = CsvReport.HEADER.split(",").length;
    for (String line : lines) {
      assertEquals(columns, csvFields(line).size(), line);
    }
    List<String> zvm = csvFields(lines[1]);
    assertEquals(List.of("alpha", "zvm", "ok", "", "3", "0.200000000", "0.100000000",
        "0.300000000", "0.600000000", "1.500000000", "1.000000000", "2.000000000", ""), zvm);
    assertEquals("2.00000", csvFields(lines[2]).get(12));
    List<String> failed = csvFields(lines[3]);
    assertEquals("failed", failed.get(2));
    assertEquals(FAILURE, failed.get(3));
    assertTrue(lines[3].contains("\"exit 1: Error, \"\"quoted\"\"\""), lines[3]);
    assertEquals(List.of("alpha", "ghost", "missing", "not found on PATH", "0", "", "", "", "", "",
        "", "", ""), csvFields(lines[4]));
  }

  @Test
  @SuppressWarnings("unchecked")
  void jsonParsesAndCarriesTheFiguresAndTheSamples() {
    Map<String, Object> json = (Map<String, Object>) MiniJson.parse(JsonReport.write(sample(false)));
    assertEquals("small", json.get("workload"));
    assertEquals(3.0, json.get("rounds"));
    List<Object> impls = (List<Object>) json.get("implementations");
    assertEquals(4, impls.size());
    Map<String, Object> ghost = (Map<String, Object>) impls.get(3);
    assertEquals("not found on PATH", ghost.get("missing"));
    assertEquals(Boolean.TRUE, ((Map<String, Object>) impls.get(0)).get("zvm"));

    List<Object> programs = (List<Object>) json.get("programs");
    Map<String, Object> alpha = (Map<String, Object>) programs.get(0);
    List<Object> results = (List<Object>) alpha.get("results");
    Map<String, Object> zvm = (Map<String, Object>) results.get(0);
    assertEquals(0.2, (Double) zvm.get("warm_median"), 1e-12);
    assertEquals(List.of(0.1, 0.2, 0.3), zvm.get("warm_seconds"));
    assertNull(zvm.get("ratio_peer_over_zvm"));
    Map<String, Object> py = (Map<String, Object>) results.get(1);
    assertEquals("py&3", py.get("implementation"));
    assertEquals(2.0, (Double) py.get("ratio_peer_over_zvm"), 1e-9);
    Map<String, Object> slow = (Map<String, Object>) results.get(2);
    assertEquals("failed", slow.get("status"));
    assertEquals(FAILURE, slow.get("reason"));
    assertFalse(slow.containsKey("warm_median"));

    List<Object> means = (List<Object>) json.get("geometric_means");
    assertEquals(3, means.size());
    assertEquals(1.0, (Double) ((Map<String, Object>) means.get(0)).get("value"), 1e-9);
    assertNull(((Map<String, Object>) means.get(2)).get("value"));
  }

  @Test
  void jsonEscapesEveryCharacterThatNeedsIt() {
    String nasty = "a\"b\\c\nd\te\u0001f/é";
    assertEquals(nasty, MiniJson.parse(JsonReport.string(nasty)));
  }

  @Test
  void svgIsWellFormedWithABarPerRatioAndWordsForTheRest() throws Exception {
    String svg = SvgChart.write(sample(false));
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document doc = factory.newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertEquals("svg", doc.getDocumentElement().getLocalName());
    assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getNamespaceURI());

    // Bars carry a <title>: alpha py&3, beta py&3, beta slowpy, and the means of py&3 and slowpy.
    NodeList rects = doc.getElementsByTagNameNS("*", "rect");
    List<String> bars = new ArrayList<>();
    for (int i = 0; i < rects.getLength(); i++) {
      Element rect = (Element) rects.item(i);
      if (rect.getElementsByTagNameNS("*", "title").getLength() == 1) {
        bars.add(rect.getTextContent());
        assertTrue(Double.parseDouble(rect.getAttribute("width")) >= 1, svg);
      }
    }
    assertEquals(List.of("alpha, py&3: 2.00x", "beta, py&3: 0.500x", "beta, slowpy: 4.00x",
        "geometric mean, py&3: 1.00x", "geometric mean, slowpy: 4.00x"), bars);

    StringBuilder texts = new StringBuilder();
    NodeList nodes = doc.getElementsByTagNameNS("*", "text");
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.append(nodes.item(i).getTextContent()).append('\n');
    }
    assertTrue(texts.indexOf("slowpy failed\n") >= 0, texts.toString());
    assertTrue(texts.indexOf("ghost missing\n") >= 0, texts.toString());
    assertTrue(texts.indexOf("geometric mean\n") >= 0, texts.toString());
    assertTrue(svg.contains("py&amp;3"));
  }

  @Test
  void textReportShowsRatiosMeansAndWhatIsMissing() {
    StringWriter out = new StringWriter();
    TextReport.write(sample(false), new PrintWriter(out));
    String text = out.toString();
    assertTrue(text.contains("failed: " + FAILURE), text);
    assertTrue(text.contains("missing: not found on PATH"), text);
    assertTrue(text.contains("py&3       1.00x over 2 programs"), text);
    assertTrue(text.contains("slowpy     4.00x over 1 programs (1 failed on it or on zvm, left out)"),
        text);
  }
}
