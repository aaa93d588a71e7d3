package dev.zvm.compiler;

import dev.zvm.compiler.Token.Kind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Source text to tokens, as CPython's tokenizer does it: INDENT/DEDENT from the indentation of
 * logical lines, implicit line joining inside brackets, backslash continuation, every string
 * form (prefixes r, b, f, u and their combinations, triple quotes, escapes) and every number form
 * (hex, octal, binary, underscores, floats, exponents, imaginary). Comments and blank lines are
 * dropped.
 *
 * <p>An error is recorded as a {@link Diagnostic} and lexing goes on, so that the {@link Parser}
 * still sees the rest of the file. The source must use {@code \n} line endings (the compiler
 * normalises them first).
 */
final class Lexer {
  static final Set<String> KEYWORDS =
      Set.of(
          "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
          "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
          "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
          "try", "while", "with", "yield");

  /** CPython's limits: deeper source is a SyntaxError, never a crash. */
  static final int MAX_INDENT_LEVELS = 100;

  static final int MAX_BRACKET_DEPTH = 200;

  private static final String[] OPERATORS = {
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", ">>", "<<", "<=", ">=", "==", "!=",
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "+", "-", "*", "/", "%", "@", "&", "|",
    "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "="
  };

  private final SourceFile file;
  private final String src;
  private final List<Diagnostic> errors;
  private final List<Token> tokens = new ArrayList<>();

  private int pos;
  private int line = 1;
  private int lineStart;

  // indentation stack: columns with tabs to multiples of 8, and with tabs as 1 (for TabError)
  private final int[] indents = new int[MAX_INDENT_LEVELS + 2];
  private final int[] altIndents = new int[MAX_INDENT_LEVELS + 2];
  private int indentTop;

  // open brackets: the character and where it is
  private final char[] brackets = new char[MAX_BRACKET_DEPTH + 1];
  private final int[] bracketLine = new int[MAX_BRACKET_DEPTH + 1];
  private final int[] bracketCol = new int[MAX_BRACKET_DEPTH + 1];
  private int depth;

  Lexer(SourceFile file, List<Diagnostic> errors) {
    this(file, file.text(), 1, 1, errors);
  }

  /** A lexer over {@code text} that starts at {@code line:col} of {@code file} (f-string parts). */
  Lexer(SourceFile file, String text, int line, int col, List<Diagnostic> errors) {
    this.file = file;
    this.src = text;
    this.errors = errors;
    this.line = line;
    this.lineStart = -(col - 1);
  }

  List<Token> tokenize() {
    boolean atLineStart = true;
    while (true) {
      if (atLineStart && depth == 0) {
        if (!indentation()) {
          continue; // a blank or comment-only line
        }
        atLineStart = false;
      }
      skipBlanks();
      if (pos >= src.length()) {
        finish();
        return tokens;
      }
      char c = src.charAt(pos);
      if (c == '#') {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == '\\') {
        int l = line;
        int co = col();
        pos++;
        if (pos < src.length() && src.charAt(pos) == '\n') {
          newline();
          if (pos >= src.length()) {
            error(l, co, "unexpected EOF while parsing");
          }
        } else if (pos >= src.length()) {
          error(l, co, "unexpected EOF while parsing");
        } else {
          error(l, co, "unexpected character after line continuation character");
        }
      } else if (c == '\n') {
        if (depth == 0) {
          add(Kind.NEWLINE, "\n", null, line, col());
          atLineStart = true;
        }
        newline();
      } else if (isIdentifierStart(c) || Character.isHighSurrogate(c)) {
        identifierOrString();
      } else if (isDigit(c) || (c == '.' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
        number();
      } else if (c == '"' || c == '\'') {
        string(pos, line, col(), "");
      } else {
        operator();
      }
    }
  }

  // ---- lines and indentation ----

  private int col() {
    return pos - lineStart + 1;
  }

  private void newline() {
    pos++;
    line++;
    lineStart = pos;
  }

  private void skipBlanks() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\f') {
        pos++;
      } else {
        break;
      }
    }
  }

  /**
   * Measures the indentation of a new logical line and emits INDENT/DEDENT. Returns false (having
   * consumed the line) if the line is blank or only a comment.
   */
  private boolean indentation() {
    int col = 0;
    int alt = 0;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ' ') {
        col++;
        alt++;
      } else if (c == '\t') {
        col = (col / 8 + 1) * 8;
        alt++;
      } else if (c == '\f') {
        col = 0;
        alt = 0;
      } else {
        break;
      }
      pos++;
    }
    if (pos >= src.length()) {
      return true; // EOF: finish() emits the dedents
    }
    char c = src.charAt(pos);
    if (c == '#') {
      while (pos < src.length() && src.charAt(pos) != '\n') {
        pos++;
      }
      if (pos < src.length()) {
        newline();
      }
      return false;
    }
    if (c == '\n') {
      newline();
      return false;
    }
    if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
      return true; // a continuation right at the start: the indentation counts as it is
    }
    int top = indents[indentTop];
    if (col == top) {
      if (alt != altIndents[indentTop]) {
        error(line, col(), "inconsistent use of tabs and spaces in indentation");
      }
    } else if (col > top) {
      if (alt <= altIndents[indentTop]) {
        error(line, col(), "inconsistent use of tabs and spaces in indentation");
      }
      if (indentTop + 1 >= MAX_INDENT_LEVELS) {
        error(line, col(), "too many levels of indentation");
        return true;
      }
      indentTop++;
      indents[indentTop] = col;
      altIndents[indentTop] = alt;
      add(Kind.INDENT, "", null, line, col());
    } else {
      while (indentTop > 0 && col < indents[indentTop]) {
        indentTop--;
        add(Kind.DEDENT, "", null, line, col());
      }
      if (col != indents[indentTop]) {
        error(line, col(), "unindent does not match any outer indentation level");
      } else if (alt != altIndents[indentTop]) {
        error(line, col(), "inconsistent use of tabs and spaces in indentation");
      }
    }
    return true;
  }

  private void finish() {
    if (depth > 0) {
      error(
          bracketLine[depth - 1],
          bracketCol[depth - 1],
          "'" + brackets[depth - 1] + "' was never closed");
    }
    if (!tokens.isEmpty()) {
      Kind last = tokens.get(tokens.size() - 1).kind();
      if (last != Kind.NEWLINE && last != Kind.DEDENT && last != Kind.INDENT) {
        add(Kind.NEWLINE, "", null, line, col());
      }
    }
    while (indentTop > 0) {
      indentTop--;
      add(Kind.DEDENT, "", null, line, col());
    }
    add(Kind.EOF, "", null, line, col());
  }

  // ---- names, numbers, operators ----

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isIdentifierStart(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '_'
        || (c >= 0x80 && Character.isUnicodeIdentifierStart(c));
  }

  static boolean isIdentifierPart(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || (c >= 0x80 && Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c));
  }

  private void identifierOrString() {
    int start = pos;
    int l = line;
    int co = col();
    int first = src.codePointAt(pos);
    if (!isIdentifierStart(first)) {
      invalidCharacter(first);
      pos += Character.charCount(first);
      return;
    }
    while (pos < src.length()) {
      int cp = src.codePointAt(pos);
      if (!isIdentifierPart(cp)) {
        break;
      }
      pos += Character.charCount(cp);
    }
    String word = src.substring(start, pos);
    if (pos < src.length() && (src.charAt(pos) == '"' || src.charAt(pos) == '\'')) {
      String prefix = word.toLowerCase();
      if (prefix.equals("r") || prefix.equals("u") || prefix.equals("b") || prefix.equals("f")
          || prefix.equals("br") || prefix.equals("rb") || prefix.equals("fr")
          || prefix.equals("rf")) {
        string(start, l, co, prefix);
        return;
      }
    }
    add(KEYWORDS.contains(word) ? Kind.KEYWORD : Kind.NAME, word, null, l, co);
  }

  private void number() {
    int start = pos;
    int l = line;
    int co = col();
    char c = src.charAt(pos);
    if (c == '0' && pos + 1 < src.length() && "xXoObB".indexOf(src.charAt(pos + 1)) >= 0) {
      char kind = Character.toLowerCase(src.charAt(pos + 1));
      int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
      String what = kind == 'x' ? "hexadecimal" : kind == 'o' ? "octal" : "binary";
      pos += 2;
      String digits = digits(radix, true);
      if (digits == null || digits.isEmpty() || (pos < src.length() && isIdentifierPart(src.charAt(pos)))) {
        char bad = pos < src.length() ? src.charAt(pos) : ' ';
        int badCol = col();
        skipWord();
        if (digits != null && isDigit(bad) && radix < 10) {
          error(l, badCol, "invalid digit '" + bad + "' in " + what + " literal");
        } else {
          error(l, co, "invalid " + what + " literal");
        }
        add(Kind.NUMBER, src.substring(start, pos), 0L, l, co);
        return;
      }
      add(Kind.NUMBER, src.substring(start, pos), integer(digits, radix), l, co);
      return;
    }
    String intPart = c == '.' ? "" : digits(10, false);
    boolean isFloat = false;
    StringBuilder text = new StringBuilder(intPart == null ? "" : intPart);
    boolean bad = intPart == null;
    if (!bad && pos < src.length() && src.charAt(pos) == '.') {
      isFloat = true;
      pos++;
      text.append('.');
      if (pos < src.length() && isDigit(src.charAt(pos))) {
        String frac = digits(10, false);
        if (frac == null) {
          bad = true;
        } else {
          text.append(frac);
        }
      }
    }
    if (!bad && pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      int save = pos;
      pos++;
      StringBuilder exp = new StringBuilder("e");
      if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        exp.append(src.charAt(pos));
        pos++;
      }
      if (pos < src.length() && isDigit(src.charAt(pos))) {
        String e = digits(10, false);
        if (e == null) {
          bad = true;
        } else {
          exp.append(e);
          text.append(exp);
          isFloat = true;
        }
      } else {
        pos = save;
        bad = true;
      }
    }
    boolean imaginary = false;
    if (!bad && pos < src.length() && (src.charAt(pos) == 'j' || src.charAt(pos) == 'J')) {
      pos++;
      imaginary = true;
    }
    if (!bad && pos < src.length() && isIdentifierPart(src.charAt(pos))) {
      // `1if x else y` is still valid Python: a keyword may follow a number directly.
      int end = pos;
      while (end < src.length() && isIdentifierPart(src.charAt(end))) {
        end++;
      }
      if (!KEYWORDS.contains(src.substring(pos, end)) || isDigit(src.charAt(pos))) {
        bad = true;
      }
    }
    if (bad) {
      skipWord();
      error(l, co, "invalid decimal literal");
      add(Kind.NUMBER, src.substring(start, pos), 0L, l, co);
      return;
    }
    String lexeme = src.substring(start, pos);
    Object value;
    if (imaginary) {
      value = new Token.Imaginary(Double.parseDouble(text.toString()));
    } else if (isFloat) {
      value = Double.parseDouble(text.toString());
    } else {
      if (intPart.length() > 1 && intPart.charAt(0) == '0' && !intPart.chars().allMatch(ch -> ch == '0')) {
        error(l, co, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
        value = 0L;
      } else {
        value = integer(intPart, 10);
      }
    }
    add(Kind.NUMBER, lexeme, value, l, co);
  }

  private static Object integer(String digits, int radix) {
    BigInteger v = new BigInteger(digits, radix);
    return v.bitLength() < 64 ? (Object) v.longValue() : v;
  }

  /**
   * Reads digits of {@code radix} with single underscores between them (after a base prefix an
   * underscore may also come first). Returns the digits without underscores, or null if an
   * underscore is misplaced (the offending characters are consumed).
   */
  private String digits(int radix, boolean afterPrefix) {
    StringBuilder b = new StringBuilder();
    boolean ok = true;
    boolean prevUnderscore = false;
    if (afterPrefix && pos < src.length() && src.charAt(pos) == '_') {
      pos++;
      prevUnderscore = true;
    }
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '_') {
        if (prevUnderscore || b.length() == 0) {
          ok = false;
        }
        prevUnderscore = true;
        pos++;
      } else if (c < 0x80 && Character.digit(c, radix) >= 0) {
        b.append(c);
        prevUnderscore = false;
        pos++;
      } else {
        break;
      }
    }
    return ok && !prevUnderscore ? b.toString() : null;
  }

  private void skipWord() {
    while (pos < src.length() && (isIdentifierPart(src.charAt(pos)) || src.charAt(pos) == '.')) {
      pos++;
    }
  }

  private void operator() {
    int l = line;
    int co = col();
    for (String op : OPERATORS) {
      if (src.startsWith(op, pos)) {
        pos += op.length();
        char c = op.charAt(0);
        if (op.length() == 1 && (c == '(' || c == '[' || c == '{')) {
          if (depth >= MAX_BRACKET_DEPTH) {
            error(l, co, "too many nested parentheses");
          } else {
            brackets[depth] = c;
            bracketLine[depth] = l;
            bracketCol[depth] = co;
            depth++;
          }
        } else if (op.length() == 1 && (c == ')' || c == ']' || c == '}')) {
          if (depth == 0) {
            error(l, co, "unmatched '" + c + "'");
          } else {
            char open = brackets[depth - 1];
            char want = open == '(' ? ')' : open == '[' ? ']' : '}';
            if (want != c) {
              String where = bracketLine[depth - 1] != l ? " on line " + bracketLine[depth - 1] : "";
              error(l, co, "closing parenthesis '" + c + "' does not match opening parenthesis '"
                  + open + "'" + where);
            }
            depth--;
          }
        }
        add(Kind.OP, op, null, l, co);
        return;
      }
    }
    int cp = src.codePointAt(pos);
    if (cp != '!' && cp != '$' && cp != '?' && cp != '`') {
      invalidCharacter(cp);
    }
    pos += Character.charCount(cp);
    if (cp == '!') {
      error(l, co, "invalid syntax");
    } else if (cp == '$' || cp == '?' || cp == '`') {
      error(l, co, "invalid syntax");
    }
    // resync the line bookkeeping is unnecessary: no newline was consumed
    tokens.add(new Token(Kind.OP, new String(Character.toChars(cp)), null, l, co));
  }

  private void invalidCharacter(int cp) {
    String hex = String.format("U+%04X", cp);
    if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
      error(line, col(), "invalid non-printable character " + hex);
    } else {
      error(line, col(), "invalid character '" + new String(Character.toChars(cp)) + "' (" + hex + ")");
    }
  }

  // ---- strings ----

  private void string(int start, int l, int co, String prefix) {
    boolean raw = prefix.indexOf('r') >= 0;
    boolean bytes = prefix.indexOf('b') >= 0;
    boolean fstring = prefix.indexOf('f') >= 0;
    char quote = src.charAt(pos);
    boolean triple = src.startsWith("" + quote + quote + quote, pos);
    pos += triple ? 3 : 1;
    int bodyStart = pos;
    int bodyLine = line;
    int bodyCol = col();
    int bodyEnd;
    while (true) {
      if (pos >= src.length()) {
        if (triple) {
          error(l, co, "unterminated triple-quoted string literal (detected at line " + line + ")");
        } else {
          error(l, co, "unterminated string literal (detected at line " + line + ")");
        }
        bodyEnd = pos;
        break;
      }
      char c = src.charAt(pos);
      if (c == '\\') {
        pos++;
        if (pos < src.length()) {
          if (src.charAt(pos) == '\n') {
            newline();
          } else {
            pos++;
          }
        }
        continue;
      }
      if (c == '\n') {
        if (!triple) {
          error(l, co, "unterminated string literal (detected at line " + line + ")");
          bodyEnd = pos;
          break; // the newline stays for the main loop
        }
        newline();
        continue;
      }
      if (c == quote && (!triple || src.startsWith("" + quote + quote + quote, pos))) {
        bodyEnd = pos;
        pos += triple ? 3 : 1;
        break;
      }
      pos++;
    }
    String body = src.substring(bodyStart, bodyEnd);
    Object value;
    if (fstring) {
      value = body;
    } else if (bytes) {
      value = decodeBytes(body, raw, l, co);
    } else {
      value = raw ? body : decodeStr(body, bodyLine, bodyCol, file, errors);
    }
    add(Kind.STRING, src.substring(start, pos), new Token.StrLit(bytes, raw, fstring, value, bodyLine, bodyCol), l, co);
  }

  /**
   * Decodes the escapes of a (non-raw) str literal body that starts at {@code line:col}; bad
   * escapes are reported there.
   */
  static String decodeStr(String body, int line, int col, SourceFile file, List<Diagnostic> errors) {
    if (body.indexOf('\\') < 0) {
      return body;
    }
    StringBuilder b = new StringBuilder(body.length());
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c != '\\' || i + 1 >= body.length()) {
        b.append(c);
        i++;
        continue;
      }
      char e = body.charAt(i + 1);
      int at = i;
      i += 2;
      switch (e) {
        case '\n' -> {}
        case '\\' -> b.append('\\');
        case '\'' -> b.append('\'');
        case '"' -> b.append('"');
        case 'a' -> b.append('\u0007');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'v' -> b.append('\u000b');
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          int v = e - '0';
          int n = 1;
          while (n < 3 && i < body.length() && body.charAt(i) >= '0' && body.charAt(i) <= '7') {
            v = v * 8 + (body.charAt(i) - '0');
            i++;
            n++;
          }
          b.appendCodePoint(v);
        }
        case 'x', 'u', 'U' -> {
          int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          int v = hex(body, i, len);
          if (v < 0) {
            escapeError(file, errors, body, line, col, at, "truncated \\" + e + "X".repeat(len) + " escape");
            i = Math.min(body.length(), i + len);
          } else if (v > Character.MAX_CODE_POINT) {
            escapeError(file, errors, body, line, col, at, "illegal Unicode character");
            i += len;
          } else {
            b.appendCodePoint(v);
            i += len;
          }
        }
        case 'N' -> {
          int close = i < body.length() && body.charAt(i) == '{' ? body.indexOf('}', i) : -1;
          if (close < 0) {
            escapeError(file, errors, body, line, col, at, "malformed \\N character escape");
          } else {
            String name = body.substring(i + 1, close);
            try {
              b.appendCodePoint(Character.codePointOf(name));
            } catch (IllegalArgumentException ex) {
              escapeError(file, errors, body, line, col, at, "unknown Unicode character name");
            }
            i = close + 1;
          }
        }
        default -> {
          b.append('\\').append(e); // an unknown escape keeps its backslash, as in CPython
        }
      }
    }
    return b.toString();
  }

  private static int hex(String s, int at, int len) {
    if (at + len > s.length()) {
      return -1;
    }
    long v = 0;
    for (int k = 0; k < len; k++) {
      int d = Character.digit(s.charAt(at + k), 16);
      if (d < 0 || s.charAt(at + k) > 'f') {
        return -1;
      }
      v = v * 16 + d;
    }
    return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
  }

  private static void escapeError(
      SourceFile file, List<Diagnostic> errors, String body, int line, int col, int at, String what) {
    // find the line/column of body offset `at`
    int l = line;
    int c = col;
    for (int k = 0; k < at; k++) {
      if (body.charAt(k) == '\n') {
        l++;
        c = 1;
      } else {
        c++;
      }
    }
    errors.add(file.error(l, c, "(unicode error) " + what));
  }

  private byte[] decodeBytes(String body, boolean raw, int line, int col) {
    byte[] out = new byte[body.length()];
    int n = 0;
    int i = 0;
    boolean reported = false;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c >= 0x80) {
        if (!reported) {
          error(line, col, "bytes can only contain ASCII literal characters");
          reported = true;
        }
        i++;
        continue;
      }
      if (c != '\\' || raw || i + 1 >= body.length()) {
        out[n++] = (byte) c;
        i++;
        continue;
      }
      char e = body.charAt(i + 1);
      i += 2;
      switch (e) {
        case '\n' -> {}
        case '\\' -> out[n++] = '\\';
        case '\'' -> out[n++] = '\'';
        case '"' -> out[n++] = '"';
        case 'a' -> out[n++] = 7;
        case 'b' -> out[n++] = 8;
        case 'f' -> out[n++] = 12;
        case 'n' -> out[n++] = 10;
        case 'r' -> out[n++] = 13;
        case 't' -> out[n++] = 9;
        case 'v' -> out[n++] = 11;
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          int v = e - '0';
          int k = 1;
          while (k < 3 && i < body.length() && body.charAt(i) >= '0' && body.charAt(i) <= '7') {
            v = v * 8 + (body.charAt(i) - '0');
            i++;
            k++;
          }
          out[n++] = (byte) v;
        }
        case 'x' -> {
          int v = hex(body, i, 2);
          if (v < 0) {
            error(line, col, "(value error) invalid \\x escape");
            i = Math.min(body.length(), i + 2);
          } else {
            out[n++] = (byte) v;
            i += 2;
          }
        }
        default -> {
          out[n++] = '\\';
          out[n++] = (byte) e;
        }
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  // ---- output ----

  private void add(Kind kind, String text, Object value, int l, int co) {
    tokens.add(new Token(kind, text, value, l, co));
  }

  private void error(int l, int co, String message) {
    errors.add(file.error(l, co, message));
  }
}
