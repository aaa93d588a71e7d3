package dev.zvm.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LexerTest {

  static List<Token> lex(String src, List<Diagnostic> errors) {
    return new Lexer(new SourceFile("t.py", Compiler.normalize(src)), errors).tokenize();
  }

  static String kinds(String src) {
    List<Diagnostic> errors = new ArrayList<>();
    String out = lex(src, errors).stream()
        .map(t -> switch (t.kind()) {
          case NEWLINE -> "NL";
          case INDENT -> "IN";
          case DEDENT -> "DE";
          case EOF -> "EOF";
          default -> t.text();
        })
        .collect(Collectors.joining(" "));
    assertTrue(errors.isEmpty(), errors::toString);
    return out;
  }

  static Object value(String src) {
    List<Diagnostic> errors = new ArrayList<>();
    Object v = lex(src, errors).get(0).value();
    assertTrue(errors.isEmpty(), errors::toString);
    return v instanceof Token.StrLit s ? s.value() : v;
  }

  static String error(String src) {
    List<Diagnostic> errors = new ArrayList<>();
    lex(src, errors);
    assertTrue(!errors.isEmpty(), "no error for " + src);
    Diagnostic d = errors.get(0);
    return d.line() + ":" + d.col() + ": " + d.message();
  }

  @Test
  void indentationBecomesIndentAndDedent() {
    assertEquals("if x : NL IN y NL if z : NL IN w NL DE DE v NL EOF",
        kinds("if x:\n    y\n    if z:\n        w\nv\n"));
    assertEquals("a NL EOF", kinds("\n\n   # comment only\n\na   # trailing\n\n"));
    assertEquals("if x : NL IN y NL DE EOF", kinds("if x:\n\ty"), "no newline at the end");
    assertEquals("x = ( 1 , 2 ) NL EOF", kinds("x = (1,\n        2)\n"));
    assertEquals("x = 1 + 2 NL EOF", kinds("x = 1 + \\\n  2\n"));
    assertEquals("f ( [ { } ] ) NL EOF", kinds("f([\n{\n}\n])\n"));
    assertEquals("a **= b // c -> d := e ... NL EOF", kinds("a **= b // c -> d := e ..."));
  }

  @Test
  void numbers() {
    assertEquals(255L, value("0xff"));
    assertEquals(255L, value("0x_f_f"));
    assertEquals(8L, value("0o10"));
    assertEquals(5L, value("0B101"));
    assertEquals(1_000_000L, value("1_000_000"));
    assertEquals(0L, value("000"));
    assertEquals(new BigInteger("123456789012345678901234567890"), value("123456789012345678901234567890"));
    assertEquals(Long.MAX_VALUE, value("9223372036854775807"));
    assertEquals(new BigInteger("9223372036854775808"), value("9223372036854775808"));
    assertEquals(1.5e-3, value("1.5e-3"));
    assertEquals(0.5, value(".5"));
    assertEquals(5.0, value("5."));
    assertEquals(1e10, value("1E10"));
    assertEquals(10.01, value("1_0.0_1"));
    assertEquals(new Token.Imaginary(3.0), value("3j"));
    assertEquals(new Token.Imaginary(1.5), value("1.5J"));
  }

  @Test
  void strings() {
    assertEquals("ab", value("'ab'"));
    assertEquals("a\"b", value("\"a\\\"b\""));
    assertEquals("A\u00e9\uD83D\uDE00\u2022\n\t\\'\"\0A\\q", value(
        "'\\x41\\u00e9\\U0001F600\\N{BULLET}\\n\\t\\\\\\'\\\"\\0\\101\\q'"));
    assertEquals("a\\nb", value("r'a\\nb'"));
    assertEquals("line1\nline2", value("'''line1\nline2'''"));
    assertEquals("ab", value("'a\\\nb'"), "backslash-newline inside a string");
    assertArrayEquals(new byte[] {'x', (byte) 0xff, 0}, (byte[]) value("b'x\\xff\\0'"));
    assertArrayEquals(new byte[] {'\\', 'x'}, (byte[]) value("rb'\\x'"));
    assertEquals("{x}", value("f'{x}'"), "an f-string keeps its raw body for the parser");
    assertEquals("u", value("u'u'"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "x = 'abc|1:5: unterminated string literal (detected at line 1)",
    "x = '''abc|1:5: unterminated triple-quoted string literal (detected at line 1)",
    "x = (1,|1:5: '(' was never closed",
    "x = 1)|1:6: unmatched ')'",
    "x = (1]|1:7: closing parenthesis ']' does not match opening parenthesis '('",
    "x = 1 \\ 2|1:7: unexpected character after line continuation character",
    "x = 1 + \\|1:9: unexpected EOF while parsing",
    "x = 0123|1:5: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
    "x = 1__0|1:5: invalid decimal literal",
    "x = 1_|1:5: invalid decimal literal",
    "x = 1abc|1:5: invalid decimal literal",
    "x = 0x|1:5: invalid hexadecimal literal",
    "x = 0o8|1:7: invalid digit '8' in octal literal",
    "x = 0b12|1:8: invalid digit '2' in binary literal",
    "x = 1e|1:5: invalid decimal literal",
    "x = '\\x4'|1:6: (unicode error) truncated \\xXX escape",
    "x = '\\u12'|1:6: (unicode error) truncated \\uXXXX escape",
    "x = '\\N{NO SUCH NAME}'|1:6: (unicode error) unknown Unicode character name",
    "x = '\\N'|1:6: (unicode error) malformed \\N character escape",
    "x = b'\\x4'|1:5: (value error) invalid \\x escape",
    "x = b'\u00e9'|1:5: bytes can only contain ASCII literal characters",
    "x = 1 \u20ac 2|1:7: invalid character '\u20ac' (U+20AC)",
    "x = $|1:5: invalid syntax",
    "x = a ! b|1:7: invalid syntax",
  })
  void lexicalErrors(String src, String expected) {
    assertEquals(expected, error(src));
  }

  @Test
  void moreLexicalErrors() {
    assertEquals("1:5: invalid non-printable character U+0000", error("x = \u0000"));
    assertEquals("3:3: unindent does not match any outer indentation level",
        error("if x:\n    y\n  z\n"));
    assertEquals("3:9: inconsistent use of tabs and spaces in indentation",
        error("if x:\n\ty\n        z\n"));
    assertEquals("1:205: too many nested parentheses", error("x = " + "(".repeat(300)));
  }
}
