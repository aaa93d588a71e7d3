package dev.zvm.compiler;

import java.util.List;

/**
 * The abstract syntax tree: immutable records, one per Python 3 construct, close to CPython's
 * {@code ast} module so that the parser can be checked against it. The {@link Parser} builds it
 * for the whole grammar; {@link Scopes} and {@link CodeGen} decide what the language level
 * accepts. Every node carries the 1-based line and column where it starts.
 */
final class Ast {
  private Ast() {}

  /** A source position: 1-based line and column. */
  record Pos(int line, int col) {}

  // ---------------------------------------------------------------------------------------------
  // Expressions

  sealed interface Expr
      permits Name, Const, JoinedStr, FormattedValue, BinOp, UnaryOp, BoolOp, Compare, Call,
          Attribute, Subscript, Slice, Starred, ListExpr, TupleExpr, SetExpr, DictExpr, Comp,
          IfExp, Lambda, Yield, YieldFrom, Await, NamedExpr {
    Pos pos();
  }

  record Name(Pos pos, String id) implements Expr {}

  /** The kinds of literal a {@link Const} holds. */
  enum ConstKind {
    INT, // value: Long or java.math.BigInteger
    FLOAT, // value: Double
    IMAGINARY, // value: Double
    STR, // value: String
    BYTES, // value: byte[]
    TRUE,
    FALSE,
    NONE,
    ELLIPSIS
  }

  record Const(Pos pos, ConstKind kind, Object value) implements Expr {}

  /** An f-string: literal parts are {@link Const} strings, the rest {@link FormattedValue}. */
  record JoinedStr(Pos pos, List<Expr> values) implements Expr {}

  /**
   * One {@code {value!conversion:spec}} of an f-string; conversion is -1, 's', 'r' or 'a'; spec
   * is null or a {@link JoinedStr}.
   */
  record FormattedValue(Pos pos, Expr value, int conversion, Expr spec) implements Expr {}

  enum BinOpKind {
    ADD("+"),
    SUB("-"),
    MUL("*"),
    MATMUL("@"),
    DIV("/"),
    FLOORDIV("//"),
    MOD("%"),
    POW("**"),
    LSHIFT("<<"),
    RSHIFT(">>"),
    BITOR("|"),
    BITXOR("^"),
    BITAND("&");

    final String symbol;

    BinOpKind(String symbol) {
      this.symbol = symbol;
    }
  }

  record BinOp(Pos pos, Expr left, BinOpKind op, Expr right) implements Expr {}

  enum UnaryKind {
    NEG,
    POS,
    NOT,
    INVERT
  }

  record UnaryOp(Pos pos, UnaryKind op, Expr operand) implements Expr {}

  record BoolOp(Pos pos, boolean isAnd, List<Expr> values) implements Expr {}

  enum CmpKind {
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE,
    IS,
    IS_NOT,
    IN,
    NOT_IN
  }

  record Compare(Pos pos, Expr left, List<CmpKind> ops, List<Expr> comparators) implements Expr {}

  /** A keyword argument; {@code arg} is null for {@code **mapping}. */
  record Keyword(Pos pos, String arg, Expr value) {}

  /** A call; {@code args} may contain {@link Starred} for {@code *seq}. */
  record Call(Pos pos, Expr func, List<Expr> args, List<Keyword> keywords) implements Expr {}

  record Attribute(Pos pos, Expr value, String attr) implements Expr {}

  record Subscript(Pos pos, Expr value, Expr index) implements Expr {}

  /** A slice inside a subscript; any part may be null. */
  record Slice(Pos pos, Expr lower, Expr upper, Expr step) implements Expr {}

  record Starred(Pos pos, Expr value) implements Expr {}

  record ListExpr(Pos pos, List<Expr> elts) implements Expr {}

  record TupleExpr(Pos pos, List<Expr> elts) implements Expr {}

  record SetExpr(Pos pos, List<Expr> elts) implements Expr {}

  /** A dict display; a null key means {@code **value}. */
  record DictExpr(Pos pos, List<Expr> keys, List<Expr> values) implements Expr {}

  enum CompKind {
    LIST,
    SET,
    DICT,
    GENERATOR
  }

  /** A comprehension or generator expression; {@code value} is only used by dict comprehensions. */
  record Comp(Pos pos, CompKind kind, Expr elt, Expr value, List<Comprehension> generators)
      implements Expr {}

  record Comprehension(Pos pos, Expr target, Expr iter, List<Expr> ifs, boolean isAsync) {}

  record IfExp(Pos pos, Expr test, Expr body, Expr orElse) implements Expr {}

  record Lambda(Pos pos, Arguments args, Expr body) implements Expr {}

  /** {@code yield} or {@code yield value}; value may be null. */
  record Yield(Pos pos, Expr value) implements Expr {}

  record YieldFrom(Pos pos, Expr value) implements Expr {}

  record Await(Pos pos, Expr value) implements Expr {}

  record NamedExpr(Pos pos, Name target, Expr value) implements Expr {}

  /** One parameter; annotation may be null. */
  record Arg(Pos pos, String name, Expr annotation) {}

  /**
   * A parameter list. {@code defaults} belong to the last positional parameters; {@code
   * kwDefaults} has one entry (maybe null) per keyword-only parameter.
   */
  record Arguments(
      List<Arg> posOnly,
      List<Arg> args,
      Arg vararg,
      List<Arg> kwOnly,
      List<Expr> kwDefaults,
      Arg kwarg,
      List<Expr> defaults) {

    static final Arguments EMPTY =
        new Arguments(List.of(), List.of(), null, List.of(), List.of(), null, List.of());
  }

  // ---------------------------------------------------------------------------------------------
  // Statements

  sealed interface Stmt
      permits FunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign, For, While, If,
          With, Raise, Try, Assert, Import, ImportFrom, Global, Nonlocal, ExprStmt, Pass, Break,
          Continue, Match {
    Pos pos();
  }

  record FunctionDef(
      Pos pos,
      String name,
      Arguments args,
      List<Stmt> body,
      List<Expr> decorators,
      Expr returns,
      boolean isAsync)
      implements Stmt {}

  record ClassDef(
      Pos pos,
      String name,
      List<Expr> bases,
      List<Keyword> keywords,
      List<Stmt> body,
      List<Expr> decorators)
      implements Stmt {}

  record Return(Pos pos, Expr value) implements Stmt {}

  record Delete(Pos pos, List<Expr> targets) implements Stmt {}

  /** {@code t1 = t2 = value}: targets in source order. */
  record Assign(Pos pos, List<Expr> targets, Expr value) implements Stmt {}

  record AugAssign(Pos pos, Expr target, BinOpKind op, Expr value) implements Stmt {}

  /** {@code target: annotation [= value]}; value may be null. */
  record AnnAssign(Pos pos, Expr target, Expr annotation, Expr value) implements Stmt {}

  record For(Pos pos, Expr target, Expr iter, List<Stmt> body, List<Stmt> orElse, boolean isAsync)
      implements Stmt {}

  record While(Pos pos, Expr test, List<Stmt> body, List<Stmt> orElse) implements Stmt {}

  record If(Pos pos, Expr test, List<Stmt> body, List<Stmt> orElse) implements Stmt {}

  record WithItem(Expr context, Expr target) {}

  record With(Pos pos, List<WithItem> items, List<Stmt> body, boolean isAsync) implements Stmt {}

  /** {@code raise [exc [from cause]]}; both may be null. */
  record Raise(Pos pos, Expr exc, Expr cause) implements Stmt {}

  /** One {@code except [type [as name]]:} clause; type and name may be null. */
  record ExceptHandler(Pos pos, Expr type, String name, List<Stmt> body) {}

  record Try(
      Pos pos,
      List<Stmt> body,
      List<ExceptHandler> handlers,
      List<Stmt> orElse,
      List<Stmt> finalBody,
      boolean star)
      implements Stmt {}

  record Assert(Pos pos, Expr test, Expr msg) implements Stmt {}

  /** {@code name [as asName]}; asName may be null. */
  record Alias(Pos pos, String name, String asName) {}

  record Import(Pos pos, List<Alias> names) implements Stmt {}

  /** {@code from [.]*module import names}; module may be null; names is [*] for a star. */
  record ImportFrom(Pos pos, String module, List<Alias> names, int level) implements Stmt {}

  record Global(Pos pos, List<String> names) implements Stmt {}

  record Nonlocal(Pos pos, List<String> names) implements Stmt {}

  record ExprStmt(Pos pos, Expr value) implements Stmt {}

  record Pass(Pos pos) implements Stmt {}

  record Break(Pos pos) implements Stmt {}

  record Continue(Pos pos) implements Stmt {}

  /** A {@code match} statement: recognised and skipped by the parser, rejected by the checker. */
  record Match(Pos pos) implements Stmt {}
}
