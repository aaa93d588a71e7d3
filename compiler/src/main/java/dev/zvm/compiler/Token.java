package dev.zvm.compiler;

/**
 * One token from the {@link Lexer}.
 *
 * @param kind what it is
 * @param text the source text (for an operator or keyword, the operator or keyword itself)
 * @param value NUMBER: Long, BigInteger, Double or {@link Imaginary}; STRING: a {@link StrLit}
 * @param line 1-based line where it starts
 * @param col 1-based column where it starts
 */
record Token(Kind kind, String text, Object value, int line, int col) {

  enum Kind {
    NAME,
    KEYWORD,
    NUMBER,
    STRING,
    OP,
    NEWLINE,
    INDENT,
    DEDENT,
    EOF
  }

  /** An imaginary literal such as {@code 2j}. */
  record Imaginary(double value) {}

  /**
   * One string literal. For a plain string {@code value} is the decoded text (a String, or a
   * byte[] for bytes); for an f-string it is the raw body, still to be split by the parser, which
   * starts at {@code bodyLine:bodyCol}.
   */
  record StrLit(boolean bytes, boolean raw, boolean fstring, Object value, int bodyLine, int bodyCol) {}

  boolean isOp(String t) {
    return kind == Kind.OP && text.equals(t);
  }

  boolean isKeyword(String t) {
    return kind == Kind.KEYWORD && text.equals(t);
  }

  Ast.Pos pos() {
    return new Ast.Pos(line, col);
  }
}
