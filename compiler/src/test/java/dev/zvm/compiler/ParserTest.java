package dev.zvm.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The parser against CPython: {@code parser/cases.txt} holds snippets covering the grammar and
 * {@code cases.expected} CPython 3.11's tree of each (made by {@code astdump.py}, positions
 * included); {@code bad.txt} holds invalid snippets and {@code bad.expected} our diagnostics for
 * them (reviewed against CPython's, which they follow where CPython's are not about its own
 * parser's internals). The whole CPython 3.11 standard library (667 files) also parses to the
 * same trees; see the module README for that check.
 */
class ParserTest {

  static String resource(String name) throws IOException {
    try (InputStream in = ParserTest.class.getResourceAsStream("parser/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static String[] cases(String name) throws IOException {
    return resource(name).replaceAll("\n$", "").split("\n#----\n", -1);
  }

  static List<Diagnostic> parse(String src, List<Ast.Stmt> out) {
    List<Diagnostic> errors = new ArrayList<>();
    out.addAll(Parser.parseModule(new SourceFile("t.py", Compiler.normalize(src)), errors));
    return errors;
  }

  @TestFactory
  Stream<DynamicTest> treesMatchCPython() throws IOException {
    String[] cases = cases("cases.txt");
    String[] expected = resource("cases.expected").split("\n");
    assertEquals(cases.length, expected.length, "cases.expected is stale: regenerate it");
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < cases.length; i++) {
      String src = cases[i];
      String want = expected[i];
      tests.add(DynamicTest.dynamicTest("case " + i + ": " + src.lines().findFirst().orElse(""),
          () -> {
            List<Ast.Stmt> body = new ArrayList<>();
            List<Diagnostic> errors = parse(src, body);
            assertTrue(errors.isEmpty(), () -> errors.toString());
            assertEquals(want, AstDump.dump(body), src);
          }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> invalidSourcesGetTheirMessages() throws IOException {
    String[] cases = cases("bad.txt");
    String[] expected = resource("bad.expected").split("\n");
    assertEquals(cases.length, expected.length, "bad.expected is stale");
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < cases.length; i++) {
      String src = cases[i];
      String want = expected[i];
      int n = i;
      tests.add(DynamicTest.dynamicTest("bad " + i + ": " + src.lines().findFirst().orElse(""),
          () -> {
            List<Diagnostic> errors = parse(src, new ArrayList<>());
            assertFalse(errors.isEmpty(), "no error for: " + src);
            StringBuilder got = new StringBuilder().append(n);
            for (Diagnostic d : errors) {
              got.append(" | ").append(d.line()).append(':').append(d.col()).append(": ")
                  .append(d.message());
            }
            assertEquals(want, got.toString(), src);
          }));
    }
    return tests.stream();
  }

  @Test
  void recoversAtStatementsAndReportsEveryError() {
    String src = """
        x = (1 +
             2
        def f(:
            pass
        y = 3
        if y
            z = 4
        w = 1 = 2
        ok = 5
        """;
    List<Diagnostic> errors = parse(src, new ArrayList<>());
    // the unclosed bracket swallows what follows, as in CPython; the lexer reports it once
    assertEquals(1, errors.size(), errors::toString);
    String src2 = """
        def f(a b):
            pass
        y = 3
        if y
            z = 4
        w = 1 = 2
        ok = 5
        class
        """;
    List<Ast.Stmt> body = new ArrayList<>();
    errors = parse(src2, body);
    assertEquals(List.of(1, 4, 6, 8), errors.stream().map(Diagnostic::line).distinct().toList(),
        errors::toString);
    assertEquals(2, body.size(), "y = 3 and ok = 5 still parse");
  }

  @Test
  void errorsInNestedBlocksAreAllReported() {
    String src = """
        def f():
            x = )
            y = 1
            if y:
                z = (
        """;
    List<Diagnostic> errors = parse(src, new ArrayList<>());
    assertTrue(errors.size() >= 2, errors::toString);
    assertEquals(2, errors.get(0).line());
  }

  @Test
  void deepNestingIsASyntaxErrorNeverAStackOverflow() {
    assertMessage("x = " + "(".repeat(500) + "1" + ")".repeat(500), "too many nested parentheses");
    assertMessage("x = " + "-".repeat(100_000) + "1", "expression too deeply nested");
    assertMessage("x = " + "not ".repeat(100_000) + "1", "expression too deeply nested");
    assertMessage("x = " + "2 ** ".repeat(100_000) + "1", "expression too deeply nested");
    assertMessage("x = " + "lambda: ".repeat(100_000) + "1", "expression too deeply nested");
    assertMessage("x = " + "a if b else ".repeat(100_000) + "1", "expression too deeply nested");
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      deep.append(" ".repeat(i)).append("if x:\n");
    }
    deep.append(" ".repeat(150)).append("pass\n");
    assertMessage(deep.toString(), "too many levels of indentation");
  }

  @Test
  void longFlatChainsParse() {
    List<Diagnostic> errors = parse("x = " + "1 + ".repeat(50_000) + "1\n"
        + "y = a" + ".b".repeat(50_000) + "\n", new ArrayList<>());
    assertTrue(errors.isEmpty(), errors::toString);
  }

  private static void assertMessage(String src, String message) {
    List<Diagnostic> errors = parse(src, new ArrayList<>());
    assertTrue(errors.stream().anyMatch(d -> d.message().equals(message)),
        () -> "want '" + message + "', got " + errors);
  }
}
