package dev.zvm.compiler;

import dev.zvm.compiler.Ast.*;
import dev.zvm.compiler.Token.Kind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Tokens to an {@link Ast}: a hand-written recursive-descent parser for the whole Python 3
 * grammar (up to 3.11, without the {@code match} statement's patterns, which it recognises and
 * skips). It accepts what CPython accepts; deciding what the language level supports is left to
 * the later passes, so that their messages can name the construct.
 *
 * <p>On a syntax error the parser records a diagnostic and resumes at the next statement (a
 * compound statement's whole block is skipped when its header is bad), so that every error of a
 * file is reported. Expression nesting is counted: past {@link #MAX_NESTING} it is a
 * "too deeply nested" error, never a StackOverflowError.
 */
final class Parser {
  /** How deep expressions may nest (brackets, unary operators, lambdas, conditionals). */
  static final int MAX_NESTING = 200;

  private final SourceFile file;
  private final List<Token> tokens;
  private final List<Diagnostic> errors;
  private int p;
  private int nesting;
  /** Where a parenthesised expression's opening parenthesis is: CPython starts the enclosing
   * node there ({@code (a or b) and c} starts at the parenthesis). */
  private final java.util.IdentityHashMap<Expr, Pos> parenStart = new java.util.IdentityHashMap<>();

  Parser(SourceFile file, List<Token> tokens, List<Diagnostic> errors) {
    this.file = file;
    this.tokens = tokens;
    this.errors = errors;
  }

  /** Parses a whole module; the errors go to the list given to the constructor. */
  static List<Stmt> parseModule(SourceFile file, List<Diagnostic> errors) {
    List<Diagnostic> lexErrors = new ArrayList<>();
    List<Token> tokens = new Lexer(file, lexErrors).tokenize();
    List<Diagnostic> parseErrors = new ArrayList<>();
    List<Stmt> body = new Parser(file, tokens, parseErrors).fileInput();
    errors.addAll(lexErrors);
    // A lexer error usually confuses the parser from there on: keep only the parser's errors
    // that come before the first lexer error.
    int firstLexLine = Integer.MAX_VALUE;
    for (Diagnostic d : lexErrors) {
      firstLexLine = Math.min(firstLexLine, d.line());
    }
    for (Diagnostic d : parseErrors) {
      if (d.line() < firstLexLine) {
        errors.add(d);
      }
    }
    errors.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.col(), b.col()));
    return body;
  }

  // ---------------------------------------------------------------------------------------------
  // token helpers

  private Token peek() {
    return tokens.get(p);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(p + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(p);
    if (t.kind() != Kind.EOF) {
      p++;
    }
    return t;
  }

  private boolean atOp(String op) {
    return peek().isOp(op);
  }

  private boolean atKeyword(String kw) {
    return peek().isKeyword(kw);
  }

  private boolean acceptOp(String op) {
    if (atOp(op)) {
      p++;
      return true;
    }
    return false;
  }

  private boolean acceptKeyword(String kw) {
    if (atKeyword(kw)) {
      p++;
      return true;
    }
    return false;
  }

  private Token expectOp(String op) {
    if (!atOp(op)) {
      throw error(peek(), "expected '" + op + "'");
    }
    return next();
  }

  private void expectKeyword(String kw) {
    if (!atKeyword(kw)) {
      throw error(peek(), "expected '" + kw + "'");
    }
    next();
  }

  private String expectName() {
    Token t = peek();
    if (t.kind() != Kind.NAME) {
      throw error(t, t.kind() == Kind.KEYWORD ? "invalid syntax: '" + t.text() + "' is a keyword" : "expected a name");
    }
    next();
    return t.text();
  }

  private CompileError error(Token t, String message) {
    return new CompileError(file.error(t.line(), t.col(), message));
  }

  private CompileError error(Pos pos, String message) {
    return new CompileError(file.error(pos, message));
  }

  private CompileError invalidSyntax(Token t) {
    return switch (t.kind()) {
      case INDENT -> error(t, "unexpected indent");
      case DEDENT -> error(t, "unindent does not match any outer indentation level");
      case EOF -> error(t, "unexpected EOF while parsing");
      default -> error(t, "invalid syntax");
    };
  }

  /** The start of {@code e} including any parentheses around it. */
  private Pos start(Expr e) {
    Pos p = parenStart.get(e);
    return p != null ? p : e.pos();
  }

  private void enter(Token at) {
    if (++nesting > MAX_NESTING) {
      nesting = 0; // let the error unwind; the statement is abandoned anyway
      throw error(at, "expression too deeply nested");
    }
  }

  private void leave() {
    if (nesting > 0) {
      nesting--;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // statements

  List<Stmt> fileInput() {
    List<Stmt> body = new ArrayList<>();
    while (peek().kind() != Kind.EOF) {
      statementRecovering(body);
    }
    return body;
  }

  /** Parses one statement into {@code out}; on an error records it and skips past it. */
  private void statementRecovering(List<Stmt> out) {
    int start = p;
    try {
      statement(out);
    } catch (CompileError e) {
      errors.add(e.diagnostic());
      nesting = 0;
      synchronize(start);
    }
  }

  private void synchronize(int start) {
    if (p == start && peek().kind() == Kind.INDENT) {
      skipBlock();
      return;
    }
    if (p == start && peek().kind() == Kind.DEDENT) {
      next(); // a stray dedent: the lexer has already reported it
      return;
    }
    while (peek().kind() != Kind.EOF && peek().kind() != Kind.NEWLINE) {
      if (peek().kind() == Kind.INDENT) {
        skipBlock();
        continue;
      }
      if (peek().kind() == Kind.DEDENT && p > start) {
        return;
      }
      next();
    }
    if (peek().kind() == Kind.NEWLINE) {
      next();
    }
    if (peek().kind() == Kind.INDENT) {
      skipBlock();
    }
  }

  /** Skips an INDENT and everything up to its matching DEDENT. */
  private void skipBlock() {
    int level = 0;
    do {
      Token t = next();
      if (t.kind() == Kind.INDENT) {
        level++;
      } else if (t.kind() == Kind.DEDENT) {
        level--;
      } else if (t.kind() == Kind.EOF) {
        return;
      }
    } while (level > 0);
  }

  private void statement(List<Stmt> out) {
    Token t = peek();
    if (t.kind() == Kind.INDENT || t.kind() == Kind.DEDENT) {
      throw invalidSyntax(t);
    }
    if (t.kind() == Kind.KEYWORD) {
      switch (t.text()) {
        case "def" -> {
          out.add(functionDef(List.of(), t, false));
          return;
        }
        case "class" -> {
          out.add(classDef(List.of(), t));
          return;
        }
        case "if" -> {
          out.add(ifStatement());
          return;
        }
        case "while" -> {
          out.add(whileStatement());
          return;
        }
        case "for" -> {
          out.add(forStatement(t, false));
          return;
        }
        case "try" -> {
          out.add(tryStatement());
          return;
        }
        case "with" -> {
          out.add(withStatement(t, false));
          return;
        }
        case "async" -> {
          next();
          Token k = peek();
          if (k.isKeyword("def")) {
            out.add(functionDef(List.of(), t, true));
          } else if (k.isKeyword("for")) {
            out.add(forStatement(t, true));
          } else if (k.isKeyword("with")) {
            out.add(withStatement(t, true));
          } else {
            throw invalidSyntax(k);
          }
          return;
        }
        default -> {}
      }
    }
    if (t.isOp("@")) {
      out.add(decorated());
      return;
    }
    if (t.kind() == Kind.NAME && t.text().equals("match") && looksLikeMatch()) {
      out.add(matchStatement());
      return;
    }
    simpleStatements(out);
  }

  private void simpleStatements(List<Stmt> out) {
    while (true) {
      out.add(simpleStatement());
      if (acceptOp(";")) {
        if (peek().kind() == Kind.NEWLINE) {
          break;
        }
        continue;
      }
      break;
    }
    if (peek().kind() != Kind.NEWLINE) {
      throw invalidSyntax(peek());
    }
    next();
  }

  private Stmt simpleStatement() {
    Token t = peek();
    Pos pos = t.pos();
    if (t.kind() == Kind.KEYWORD) {
      switch (t.text()) {
        case "pass" -> {
          next();
          return new Pass(pos);
        }
        case "break" -> {
          next();
          return new Break(pos);
        }
        case "continue" -> {
          next();
          return new Continue(pos);
        }
        case "return" -> {
          next();
          Expr value = atSimpleStatementEnd() ? null : starExpressions();
          return new Return(pos, value);
        }
        case "raise" -> {
          next();
          if (atSimpleStatementEnd()) {
            return new Raise(pos, null, null);
          }
          Expr exc = expression();
          Expr cause = acceptKeyword("from") ? expression() : null;
          return new Raise(pos, exc, cause);
        }
        case "global", "nonlocal" -> {
          next();
          List<String> names = new ArrayList<>();
          names.add(expectName());
          while (acceptOp(",")) {
            names.add(expectName());
          }
          return t.text().equals("global") ? new Global(pos, names) : new Nonlocal(pos, names);
        }
        case "del" -> {
          next();
          List<Expr> targets = new ArrayList<>();
          do {
            if (atSimpleStatementEnd()) {
              break;
            }
            Expr target = bitOrOrStar();
            checkDelTarget(target);
            targets.add(target);
          } while (acceptOp(","));
          if (targets.isEmpty()) {
            throw invalidSyntax(peek());
          }
          return new Delete(pos, targets);
        }
        case "assert" -> {
          next();
          Expr test = expression();
          Expr msg = acceptOp(",") ? expression() : null;
          return new Assert(pos, test, msg);
        }
        case "import" -> {
          return importStatement();
        }
        case "from" -> {
          return fromImport();
        }
        default -> {}
      }
    }
    return expressionStatement();
  }

  private boolean atSimpleStatementEnd() {
    Token t = peek();
    return t.kind() == Kind.NEWLINE || t.isOp(";") || t.kind() == Kind.EOF;
  }

  private Stmt expressionStatement() {
    Token first = peek();
    Pos pos = first.pos();
    Expr e = atKeyword("yield") ? yieldExpression() : starExpressions();
    if (e instanceof Name n && (n.id().equals("print") || n.id().equals("exec"))
        && (peek().kind() == Kind.NAME || peek().kind() == Kind.NUMBER || peek().kind() == Kind.STRING)) {
      throw error(first, "Missing parentheses in call to '" + n.id() + "'. Did you mean " + n.id() + "(...)?");
    }
    if (atOp("=")) {
      List<Expr> targets = new ArrayList<>();
      Expr value = e;
      while (acceptOp("=")) {
        checkAssignTarget(value, "assign to");
        targets.add(value);
        value = atKeyword("yield") ? yieldExpression() : starExpressions();
      }
      return new Assign(pos, targets, value);
    }
    Token t = peek();
    if (t.kind() == Kind.OP && t.text().length() >= 2 && t.text().endsWith("=")
        && !t.text().equals("==") && !t.text().equals("<=") && !t.text().equals(">=")
        && !t.text().equals("!=")) {
      BinOpKind op = augOp(t.text());
      if (op != null) {
        next();
        if (!(e instanceof Name || e instanceof Attribute || e instanceof Subscript)) {
          throw error(e.pos(), "'" + describe(e) + "' is an illegal expression for augmented assignment");
        }
        Expr value = atKeyword("yield") ? yieldExpression() : starExpressions();
        return new AugAssign(pos, e, op, value);
      }
    }
    if (atOp(":")) {
      next();
      if (e instanceof TupleExpr) {
        throw error(e.pos(), "only single target (not tuple) can be annotated");
      }
      if (e instanceof ListExpr) {
        throw error(e.pos(), "only single target (not list) can be annotated");
      }
      if (!(e instanceof Name || e instanceof Attribute || e instanceof Subscript)) {
        throw error(e.pos(), "illegal target for annotation");
      }
      Expr annotation = expression();
      Expr value = null;
      if (acceptOp("=")) {
        value = atKeyword("yield") ? yieldExpression() : starExpressions();
      }
      return new AnnAssign(pos, e, annotation, value);
    }
    if (e instanceof Starred) {
      throw error(e.pos(), "can't use starred expression here");
    }
    return new ExprStmt(pos, e);
  }

  private static BinOpKind augOp(String text) {
    return switch (text) {
      case "+=" -> BinOpKind.ADD;
      case "-=" -> BinOpKind.SUB;
      case "*=" -> BinOpKind.MUL;
      case "@=" -> BinOpKind.MATMUL;
      case "/=" -> BinOpKind.DIV;
      case "//=" -> BinOpKind.FLOORDIV;
      case "%=" -> BinOpKind.MOD;
      case "**=" -> BinOpKind.POW;
      case "<<=" -> BinOpKind.LSHIFT;
      case ">>=" -> BinOpKind.RSHIFT;
      case "|=" -> BinOpKind.BITOR;
      case "^=" -> BinOpKind.BITXOR;
      case "&=" -> BinOpKind.BITAND;
      default -> null;
    };
  }

  private Stmt importStatement() {
    Pos pos = next().pos();
    List<Alias> names = new ArrayList<>();
    do {
      Pos at = peek().pos();
      String name = dottedName();
      String as = acceptKeyword("as") ? expectName() : null;
      names.add(new Alias(at, name, as));
    } while (acceptOp(","));
    return new Import(pos, names);
  }

  private String dottedName() {
    StringBuilder b = new StringBuilder(expectName());
    while (acceptOp(".")) {
      b.append('.').append(expectName());
    }
    return b.toString();
  }

  private Stmt fromImport() {
    Pos pos = next().pos();
    int level = 0;
    while (atOp(".") || atOp("...")) {
      level += next().text().length();
    }
    String module = null;
    if (!atKeyword("import")) {
      module = dottedName();
    }
    expectKeyword("import");
    List<Alias> names = new ArrayList<>();
    if (atOp("*")) {
      Token star = next();
      names.add(new Alias(star.pos(), "*", null));
      return new ImportFrom(pos, module, names, level);
    }
    boolean paren = acceptOp("(");
    do {
      if (paren && atOp(")")) {
        break;
      }
      if (!paren && !names.isEmpty() && atSimpleStatementEnd()) {
        throw error(peek(), "trailing comma not allowed without surrounding parentheses");
      }
      Pos at = peek().pos();
      String name = expectName();
      String as = acceptKeyword("as") ? expectName() : null;
      names.add(new Alias(at, name, as));
    } while (acceptOp(","));
    if (paren) {
      expectOp(")");
    } else if (!atSimpleStatementEnd()) {
      if (names.size() > 0 && !atOp(",")) {
        throw error(peek(), "invalid syntax");
      }
      throw error(peek(), "trailing comma not allowed without surrounding parentheses");
    }
    if (names.isEmpty()) {
      throw invalidSyntax(peek());
    }
    return new ImportFrom(pos, module, names, level);
  }

  /** A block after ':': an indented suite, or simple statements on the same line. */
  private List<Stmt> block(String what, Token header) {
    expectColon();
    List<Stmt> body = new ArrayList<>();
    if (peek().kind() == Kind.NEWLINE) {
      next();
      if (peek().kind() != Kind.INDENT) {
        throw error(peek(), "expected an indented block after " + what + " on line " + header.line());
      }
      next();
      while (peek().kind() != Kind.DEDENT && peek().kind() != Kind.EOF) {
        statementRecovering(body);
      }
      if (peek().kind() == Kind.DEDENT) {
        next();
      }
      if (body.isEmpty()) {
        body.add(new Pass(header.pos())); // every statement of the block was bad
      }
    } else {
      simpleStatements(body);
    }
    return body;
  }

  private void expectColon() {
    if (!atOp(":")) {
      throw error(peek(), "expected ':'");
    }
    next();
  }

  private Stmt ifStatement() {
    Token t = next();
    Expr test = namedExpression();
    List<Stmt> body = block("'if' statement", t);
    return new If(t.pos(), test, body, elseClauses());
  }

  private List<Stmt> elseClauses() {
    if (atKeyword("elif")) {
      Token t = next();
      Expr test = namedExpression();
      List<Stmt> body = block("'elif' statement", t);
      return List.of(new If(t.pos(), test, body, elseClauses()));
    }
    if (atKeyword("else")) {
      Token t = next();
      return block("'else' statement", t);
    }
    return List.of();
  }

  private Stmt whileStatement() {
    Token t = next();
    Expr test = namedExpression();
    List<Stmt> body = block("'while' statement", t);
    List<Stmt> orElse = List.of();
    if (atKeyword("else")) {
      Token e = next();
      orElse = block("'else' statement", e);
    }
    return new While(t.pos(), test, body, orElse);
  }

  private Stmt forStatement(Token start, boolean isAsync) {
    Token t = next(); // 'for'
    Expr target = targetList();
    checkAssignTarget(target, "assign to");
    expectKeyword("in");
    Expr iter = starExpressions();
    List<Stmt> body = block("'for' statement", t);
    List<Stmt> orElse = List.of();
    if (atKeyword("else")) {
      Token e = next();
      orElse = block("'else' statement", e);
    }
    return new For(start.pos(), target, iter, body, orElse, isAsync);
  }

  /** Targets of a for loop or comprehension: star_targets, stopping at 'in'. */
  private Expr targetList() {
    Pos pos = peek().pos();
    Expr first = bitOrOrStar();
    if (!atOp(",")) {
      return first;
    }
    List<Expr> elts = new ArrayList<>();
    elts.add(first);
    while (acceptOp(",")) {
      if (atKeyword("in") || atOp("=")) {
        break;
      }
      elts.add(bitOrOrStar());
    }
    return new TupleExpr(pos, elts);
  }

  private Expr bitOrOrStar() {
    if (atOp("*")) {
      Token s = next();
      return new Starred(s.pos(), bitOr());
    }
    return bitOr();
  }

  private Stmt tryStatement() {
    Token t = next();
    List<Stmt> body = block("'try' statement", t);
    List<ExceptHandler> handlers = new ArrayList<>();
    boolean star = false;
    while (atKeyword("except")) {
      Token e = next();
      if (acceptOp("*")) {
        star = true;
      }
      Expr type = null;
      String name = null;
      if (!atOp(":")) {
        type = expression();
        if (atOp(",")) {
          throw error(peek(), "multiple exception types must be parenthesized");
        }
        if (acceptKeyword("as")) {
          name = expectName();
        }
      } else if (star) {
        throw error(peek(), "expected one or more exception types");
      }
      List<Stmt> hbody = block("'except' statement", e);
      handlers.add(new ExceptHandler(e.pos(), type, name, hbody));
    }
    for (int i = 0; i + 1 < handlers.size(); i++) {
      if (handlers.get(i).type() == null) {
        throw error(handlers.get(i).pos(), "default 'except:' must be last");
      }
    }
    List<Stmt> orElse = List.of();
    if (atKeyword("else")) {
      Token e = next();
      if (handlers.isEmpty()) {
        throw error(e, "expected 'except' or 'finally' block");
      }
      orElse = block("'else' statement", e);
    }
    List<Stmt> fin = List.of();
    if (atKeyword("finally")) {
      Token f = next();
      fin = block("'finally' statement", f);
    } else if (handlers.isEmpty()) {
      throw error(peek(), "expected 'except' or 'finally' block");
    }
    return new Try(t.pos(), body, handlers, orElse, fin, star);
  }

  private Stmt withStatement(Token start, boolean isAsync) {
    Token t = next(); // 'with'
    List<WithItem> items = null;
    if (atOp("(")) {
      int save = p;
      int saveErrors = errors.size();
      try {
        next();
        List<WithItem> parenItems = new ArrayList<>();
        do {
          if (atOp(")")) {
            break;
          }
          parenItems.add(withItem());
        } while (acceptOp(","));
        expectOp(")");
        if (!atOp(":")) {
          throw invalidSyntax(peek());
        }
        items = parenItems;
      } catch (CompileError e) {
        p = save;
        while (errors.size() > saveErrors) {
          errors.remove(errors.size() - 1);
        }
      }
    }
    if (items == null) {
      items = new ArrayList<>();
      do {
        items.add(withItem());
      } while (acceptOp(","));
    }
    List<Stmt> body = block("'with' statement", t);
    return new With(start.pos(), items, body, isAsync);
  }

  private WithItem withItem() {
    Expr context = expression();
    Expr target = null;
    if (acceptKeyword("as")) {
      target = targetAtom();
      checkAssignTarget(target, "assign to");
    }
    return new WithItem(context, target);
  }

  /** A single star_target: a name, attribute, subscript or a bracketed target list. */
  private Expr targetAtom() {
    return bitOrOrStar();
  }

  private Stmt decorated() {
    List<Expr> decorators = new ArrayList<>();
    while (atOp("@")) {
      next();
      decorators.add(namedExpression());
      if (peek().kind() != Kind.NEWLINE) {
        throw invalidSyntax(peek());
      }
      next();
    }
    Token t = peek();
    if (t.isKeyword("def")) {
      return functionDef(decorators, t, false);
    }
    if (t.isKeyword("class")) {
      return classDef(decorators, t);
    }
    if (t.isKeyword("async") && peek(1).isKeyword("def")) {
      next();
      return functionDef(decorators, t, true);
    }
    throw error(t, "invalid syntax: a decorator must be followed by 'def' or 'class'");
  }

  private Stmt functionDef(List<Expr> decorators, Token start, boolean isAsync) {
    Token t = next(); // 'def'
    String name = expectName();
    expectOp("(");
    Arguments args = parameters(true, ")");
    expectOp(")");
    Expr returns = acceptOp("->") ? expression() : null;
    List<Stmt> body = block("function definition", t);
    return new FunctionDef(start.pos(), name, args, body, decorators, returns, isAsync);
  }

  private Stmt classDef(List<Expr> decorators, Token start) {
    Token t = next(); // 'class'
    String name = expectName();
    List<Expr> bases = new ArrayList<>();
    List<Keyword> keywords = new ArrayList<>();
    if (atOp("(")) {
      callArguments(bases, keywords, next().pos());
      expectOp(")");
    }
    List<Stmt> body = block("class definition", t);
    return new ClassDef(start.pos(), name, bases, keywords, body, decorators);
  }

  /**
   * A parameter list up to (not including) {@code close}: ")" for def (annotations allowed),
   * ":" for lambda.
   */
  private Arguments parameters(boolean annotations, String close) {
    List<Arg> posOnly = new ArrayList<>();
    List<Arg> args = new ArrayList<>();
    List<Expr> defaults = new ArrayList<>();
    Arg vararg = null;
    List<Arg> kwOnly = new ArrayList<>();
    List<Expr> kwDefaults = new ArrayList<>();
    Arg kwarg = null;
    boolean star = false;
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (!atOp(close)) {
      Token t = peek();
      if (kwarg != null) {
        throw error(t, "arguments cannot follow var-keyword argument");
      }
      if (acceptOp("/")) {
        if (star) {
          throw error(t, "/ must be ahead of *");
        }
        if (!posOnly.isEmpty() || args.isEmpty()) {
          throw error(t, args.isEmpty() ? "at least one argument must precede /" : "/ may appear only once");
        }
        posOnly.addAll(args);
        args.clear();
      } else if (acceptOp("**")) {
        kwarg = param(annotations, seen);
      } else if (acceptOp("*")) {
        if (star) {
          throw error(t, "* argument may appear only once");
        }
        star = true;
        if (atOp(",") || atOp(close)) {
          if (atOp(close) || peek(1).isOp(close)) {
            throw error(t, "named arguments must follow bare *");
          }
        } else {
          vararg = param(annotations, seen);
        }
      } else {
        Arg a = param(annotations, seen);
        Expr def = null;
        if (acceptOp("=")) {
          def = expression();
        }
        if (star) {
          kwOnly.add(a);
          kwDefaults.add(def);
        } else {
          if (def != null) {
            defaults.add(def);
          } else if (!defaults.isEmpty()) {
            throw error(t, "non-default argument follows default argument");
          }
          args.add(a);
        }
      }
      if (!acceptOp(",")) {
        break;
      }
    }
    if (star && vararg == null && kwOnly.isEmpty()) {
      throw error(peek(), "named arguments must follow bare *");
    }
    return new Arguments(posOnly, args, vararg, kwOnly, kwDefaults, kwarg, defaults);
  }

  private Arg param(boolean annotations, java.util.Set<String> seen) {
    Token t = peek();
    String name = expectName();
    if (!seen.add(name)) {
      throw error(t, "duplicate argument '" + name + "' in function definition");
    }
    Expr annotation = null;
    if (annotations && acceptOp(":")) {
      annotation = expression();
    }
    return new Arg(t.pos(), name, annotation);
  }

  /** Heuristic for the soft keyword: `match <subject>:` followed by an indented block. */
  private boolean looksLikeMatch() {
    Token n = peek(1);
    if (!startsExpression(n)) {
      return false;
    }
    if (n.kind() == Kind.OP && !(n.isOp("(") || n.isOp("[") || n.isOp("{") || n.isOp("-") || n.isOp("*") || n.isOp("~"))) {
      return false;
    }
    int depth = 0;
    for (int i = p + 1; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() == Kind.NEWLINE || t.kind() == Kind.EOF) {
        Token prev = tokens.get(i - 1);
        return prev.isOp(":") && tokens.get(Math.min(i + 1, tokens.size() - 1)).kind() == Kind.INDENT;
      }
      if (t.isOp("(") || t.isOp("[") || t.isOp("{")) {
        depth++;
      } else if (t.isOp(")") || t.isOp("]") || t.isOp("}")) {
        depth--;
      } else if (depth == 0 && t.isOp("=")) {
        return false;
      }
    }
    return false;
  }

  private Stmt matchStatement() {
    Token t = next();
    while (peek().kind() != Kind.NEWLINE && peek().kind() != Kind.EOF) {
      next();
    }
    next();
    if (peek().kind() == Kind.INDENT) {
      skipBlock();
    }
    return new Match(t.pos());
  }

  // ---------------------------------------------------------------------------------------------
  // expressions

  private static boolean startsExpression(Token t) {
    return switch (t.kind()) {
      case NAME, NUMBER, STRING -> true;
      case KEYWORD -> switch (t.text()) {
        case "None", "True", "False", "not", "lambda", "await", "yield" -> true;
        default -> false;
      };
      case OP -> switch (t.text()) {
        case "(", "[", "{", "-", "+", "~", "...", "*" -> true;
        default -> false;
      };
      default -> false;
    };
  }

  /** star_expressions: a comma list becomes a tuple. */
  private Expr starExpressions() {
    Pos pos = peek().pos();
    Expr first = starExpression();
    if (!atOp(",")) {
      return first;
    }
    List<Expr> elts = new ArrayList<>();
    elts.add(first);
    while (acceptOp(",")) {
      if (!startsExpression(peek())) {
        break;
      }
      elts.add(starExpression());
    }
    return new TupleExpr(pos, elts);
  }

  private Expr starExpression() {
    if (atOp("*")) {
      Token s = next();
      return new Starred(s.pos(), bitOr());
    }
    return expression();
  }

  private Expr starNamedExpression() {
    if (atOp("*")) {
      Token s = next();
      return new Starred(s.pos(), bitOr());
    }
    return namedExpression();
  }

  private Expr namedExpression() {
    if (peek().kind() == Kind.NAME && peek(1).isOp(":=")) {
      Token n = next();
      next();
      Expr value = expression();
      return new NamedExpr(n.pos(), new Name(n.pos(), n.text()), value);
    }
    Expr e = expression();
    if (atOp(":=")) {
      throw error(peek(), "cannot use assignment expressions with " + describe(e));
    }
    return e;
  }

  /** expression: lambda, or a disjunction with an optional conditional. */
  Expr expression() {
    Token start = peek();
    enter(start);
    try {
      if (start.isKeyword("lambda")) {
        return lambda();
      }
      Expr body = disjunction();
      if (atKeyword("if")) {
        next();
        Expr test = disjunction();
        if (!atKeyword("else")) {
          throw error(peek(), "expected 'else' after 'if' expression");
        }
        next();
        Expr orElse = expression();
        return new IfExp(start(body), test, body, orElse);
      }
      return body;
    } finally {
      leave();
    }
  }

  private Expr lambda() {
    Token t = next();
    Arguments args = parameters(false, ":");
    expectOp(":");
    Expr body = expression();
    return new Lambda(t.pos(), args, body);
  }

  private Expr disjunction() {
    Expr first = conjunction();
    if (!atKeyword("or")) {
      return first;
    }
    List<Expr> values = new ArrayList<>();
    values.add(first);
    while (acceptKeyword("or")) {
      values.add(conjunction());
    }
    return new BoolOp(start(first), false, values);
  }

  private Expr conjunction() {
    Expr first = inversion();
    if (!atKeyword("and")) {
      return first;
    }
    List<Expr> values = new ArrayList<>();
    values.add(first);
    while (acceptKeyword("and")) {
      values.add(inversion());
    }
    return new BoolOp(start(first), true, values);
  }

  private Expr inversion() {
    if (atKeyword("not")) {
      Token t = next();
      enter(t);
      try {
        return new UnaryOp(t.pos(), UnaryKind.NOT, inversion());
      } finally {
        leave();
      }
    }
    return comparison();
  }

  private Expr comparison() {
    Expr left = bitOr();
    List<CmpKind> ops = null;
    List<Expr> comparators = null;
    while (true) {
      CmpKind op = compareOp();
      if (op == null) {
        break;
      }
      if (ops == null) {
        ops = new ArrayList<>();
        comparators = new ArrayList<>();
      }
      ops.add(op);
      comparators.add(bitOr());
    }
    return ops == null ? left : new Compare(start(left), left, ops, comparators);
  }

  private CmpKind compareOp() {
    Token t = peek();
    if (t.kind() == Kind.OP) {
      CmpKind k = switch (t.text()) {
        case "==" -> CmpKind.EQ;
        case "!=" -> CmpKind.NE;
        case "<" -> CmpKind.LT;
        case "<=" -> CmpKind.LE;
        case ">" -> CmpKind.GT;
        case ">=" -> CmpKind.GE;
        default -> null;
      };
      if (k != null) {
        next();
      }
      return k;
    }
    if (t.isKeyword("in")) {
      next();
      return CmpKind.IN;
    }
    if (t.isKeyword("not") && peek(1).isKeyword("in")) {
      next();
      next();
      return CmpKind.NOT_IN;
    }
    if (t.isKeyword("is")) {
      next();
      if (acceptKeyword("not")) {
        return CmpKind.IS_NOT;
      }
      return CmpKind.IS;
    }
    return null;
  }

  // binary operators by precedence climbing: | ^ & (<< >>) (+ -) (* / // % @)
  private static int precedence(Token t) {
    if (t.kind() != Kind.OP) {
      return -1;
    }
    return switch (t.text()) {
      case "|" -> 1;
      case "^" -> 2;
      case "&" -> 3;
      case "<<", ">>" -> 4;
      case "+", "-" -> 5;
      case "*", "/", "//", "%", "@" -> 6;
      default -> -1;
    };
  }

  private static BinOpKind binOp(String text) {
    return switch (text) {
      case "|" -> BinOpKind.BITOR;
      case "^" -> BinOpKind.BITXOR;
      case "&" -> BinOpKind.BITAND;
      case "<<" -> BinOpKind.LSHIFT;
      case ">>" -> BinOpKind.RSHIFT;
      case "+" -> BinOpKind.ADD;
      case "-" -> BinOpKind.SUB;
      case "*" -> BinOpKind.MUL;
      case "/" -> BinOpKind.DIV;
      case "//" -> BinOpKind.FLOORDIV;
      case "%" -> BinOpKind.MOD;
      case "@" -> BinOpKind.MATMUL;
      default -> throw new IllegalArgumentException(text);
    };
  }

  private Expr bitOr() {
    return binary(1);
  }

  private Expr binary(int minPrec) {
    Expr left = factor();
    while (true) {
      int prec = precedence(peek());
      if (prec < minPrec) {
        return left;
      }
      Token op = next();
      Expr right = binary(prec + 1); // at most six levels deep: the precedences are bounded
      left = new BinOp(start(left), left, binOp(op.text()), right);
    }
  }

  private Expr factor() {
    Token t = peek();
    UnaryKind k = t.isOp("-") ? UnaryKind.NEG : t.isOp("+") ? UnaryKind.POS : t.isOp("~") ? UnaryKind.INVERT : null;
    if (k != null) {
      next();
      enter(t);
      try {
        return new UnaryOp(t.pos(), k, factor());
      } finally {
        leave();
      }
    }
    return power();
  }

  private Expr power() {
    Expr base = awaitPrimary();
    if (atOp("**")) {
      Token t = next();
      enter(t);
      try {
        return new BinOp(start(base), base, BinOpKind.POW, factor());
      } finally {
        leave();
      }
    }
    return base;
  }

  private Expr awaitPrimary() {
    if (atKeyword("await")) {
      Token t = next();
      return new Await(t.pos(), primary());
    }
    return primary();
  }

  private Expr primary() {
    Expr e = atom();
    while (true) {
      Token t = peek();
      if (t.isOp(".")) {
        next();
        String name = expectName();
        e = new Attribute(start(e), e, name);
      } else if (t.isOp("(")) {
        next();
        List<Expr> args = new ArrayList<>();
        List<Keyword> keywords = new ArrayList<>();
        callArguments(args, keywords, t.pos());
        expectOp(")");
        e = new Call(start(e), e, args, keywords);
      } else if (t.isOp("[")) {
        next();
        Expr index = slices();
        expectOp("]");
        e = new Subscript(start(e), e, index);
      } else {
        return e;
      }
    }
  }

  /** Arguments of a call or class bases, up to (not including) the ')'. */
  private void callArguments(List<Expr> args, List<Keyword> keywords, Pos openParen) {
    boolean sawKeyword = false;
    boolean sawDoubleStar = false;
    while (!atOp(")")) {
      Token t = peek();
      if (acceptOp("*")) {
        if (sawDoubleStar) {
          throw error(t, "iterable argument unpacking follows keyword argument unpacking");
        }
        args.add(new Starred(t.pos(), expression()));
      } else if (acceptOp("**")) {
        keywords.add(new Keyword(t.pos(), null, expression()));
        sawDoubleStar = true;
      } else if (t.kind() == Kind.NAME && peek(1).isOp("=")) {
        next();
        next();
        String name = t.text();
        for (Keyword k : keywords) {
          if (name.equals(k.arg())) {
            throw error(t, "keyword argument repeated: " + name);
          }
        }
        keywords.add(new Keyword(t.pos(), name, expression()));
        sawKeyword = true;
      } else {
        Expr e = namedExpression();
        if (atOp("=")) {
          throw error(peek(), "expression cannot contain assignment, perhaps you meant \"==\"?");
        }
        if (atKeyword("for") || atKeyword("async")) {
          Pos pos = openParen; // the call's parentheses are the generator expression's
          List<Comprehension> gens = comprehensionClauses();
          Expr gen = new Comp(pos, CompKind.GENERATOR, e, null, gens);
          if (!args.isEmpty() || !keywords.isEmpty() || !atOp(")")) {
            throw error(pos, "Generator expression must be parenthesized");
          }
          args.add(gen);
          continue;
        }
        if (sawDoubleStar) {
          throw error(t, "positional argument follows keyword argument unpacking");
        }
        if (sawKeyword) {
          throw error(t, "positional argument follows keyword argument");
        }
        args.add(e);
      }
      if (!acceptOp(",")) {
        break;
      }
    }
  }

  private Expr slices() {
    Pos pos = peek().pos();
    Expr first = slice();
    if (!atOp(",")) {
      return first instanceof Starred ? new TupleExpr(pos, List.of(first)) : first;
    }
    List<Expr> elts = new ArrayList<>();
    elts.add(first);
    while (acceptOp(",")) {
      if (atOp("]")) {
        break;
      }
      elts.add(slice());
    }
    return new TupleExpr(pos, elts);
  }

  private Expr slice() {
    Pos pos = peek().pos();
    Expr lower = null;
    if (!atOp(":")) {
      Expr e = starNamedExpression();
      if (!atOp(":")) {
        return e;
      }
      if (e instanceof Starred) {
        throw error(e.pos(), "invalid syntax");
      }
      lower = e;
    }
    expectOp(":");
    Expr upper = null;
    Expr step = null;
    if (!atOp(":") && !atOp("]") && !atOp(",")) {
      upper = expression();
    }
    if (acceptOp(":")) {
      if (!atOp("]") && !atOp(",")) {
        step = expression();
      }
    }
    return new Slice(pos, lower, upper, step);
  }

  private Expr atom() {
    Token t = peek();
    Pos pos = t.pos();
    switch (t.kind()) {
      case NAME -> {
        next();
        return new Name(pos, t.text());
      }
      case NUMBER -> {
        next();
        Object v = t.value();
        if (v instanceof Token.Imaginary im) {
          return new Const(pos, ConstKind.IMAGINARY, im.value());
        }
        if (v instanceof Double d) {
          return new Const(pos, ConstKind.FLOAT, d);
        }
        return new Const(pos, ConstKind.INT, v instanceof BigInteger ? v : (Long) v);
      }
      case STRING -> {
        return strings();
      }
      case KEYWORD -> {
        switch (t.text()) {
          case "None" -> {
            next();
            return new Const(pos, ConstKind.NONE, null);
          }
          case "True" -> {
            next();
            return new Const(pos, ConstKind.TRUE, Boolean.TRUE);
          }
          case "False" -> {
            next();
            return new Const(pos, ConstKind.FALSE, Boolean.FALSE);
          }
          case "yield" -> throw error(t, "'yield' outside parentheses must be the whole statement or assignment value");
          default -> throw invalidSyntax(t);
        }
      }
      case OP -> {
        switch (t.text()) {
          case "(" -> {
            return group();
          }
          case "[" -> {
            return listDisplay();
          }
          case "{" -> {
            return dictOrSet();
          }
          case "..." -> {
            next();
            return new Const(pos, ConstKind.ELLIPSIS, null);
          }
          default -> throw invalidSyntax(t);
        }
      }
      default -> throw invalidSyntax(t);
    }
  }

  private Expr group() {
    Token open = next();
    enter(open);
    try {
      Pos pos = open.pos();
      if (acceptOp(")")) {
        return new TupleExpr(pos, List.of());
      }
      if (atKeyword("yield")) {
        Expr y = yieldExpression();
        expectOp(")");
        return y;
      }
      Expr first = starNamedExpression();
      if (atKeyword("for") || atKeyword("async")) {
        if (first instanceof Starred) {
          throw error(first.pos(), "iterable unpacking cannot be used in comprehension");
        }
        List<Comprehension> gens = comprehensionClauses();
        expectOp(")");
        return new Comp(pos, CompKind.GENERATOR, first, null, gens);
      }
      if (acceptOp(")")) {
        if (first instanceof Starred) {
          throw error(first.pos(), "cannot use starred expression here");
        }
        parenStart.put(first, pos);
        return first;
      }
      if (!atOp(",")) {
        throw error(peek(), "invalid syntax. Perhaps you forgot a comma?");
      }
      List<Expr> elts = new ArrayList<>();
      elts.add(first);
      while (acceptOp(",")) {
        if (atOp(")")) {
          break;
        }
        elts.add(starNamedExpression());
      }
      expectOp(")");
      return new TupleExpr(pos, elts);
    } finally {
      leave();
    }
  }

  private Expr listDisplay() {
    Token open = next();
    enter(open);
    try {
      Pos pos = open.pos();
      List<Expr> elts = new ArrayList<>();
      if (acceptOp("]")) {
        return new ListExpr(pos, elts);
      }
      Expr first = starNamedExpression();
      if (atKeyword("for") || atKeyword("async")) {
        if (first instanceof Starred) {
          throw error(first.pos(), "iterable unpacking cannot be used in comprehension");
        }
        List<Comprehension> gens = comprehensionClauses();
        expectOp("]");
        return new Comp(pos, CompKind.LIST, first, null, gens);
      }
      elts.add(first);
      while (acceptOp(",")) {
        if (atOp("]")) {
          break;
        }
        elts.add(starNamedExpression());
      }
      if (!atOp("]")) {
        throw error(peek(), "invalid syntax. Perhaps you forgot a comma?");
      }
      next();
      return new ListExpr(pos, elts);
    } finally {
      leave();
    }
  }

  private Expr dictOrSet() {
    Token open = next();
    enter(open);
    try {
      Pos pos = open.pos();
      if (acceptOp("}")) {
        return new DictExpr(pos, List.of(), List.of());
      }
      List<Expr> keys = new ArrayList<>();
      List<Expr> values = new ArrayList<>();
      if (atOp("**")) {
        next();
        keys.add(null);
        values.add(bitOr());
      } else {
        Expr first = starNamedExpression();
        if (atOp(":") && !(first instanceof Starred)) {
          next();
          Expr value = expression();
          if (atKeyword("for") || atKeyword("async")) {
            List<Comprehension> gens = comprehensionClauses();
            expectOp("}");
            return new Comp(pos, CompKind.DICT, first, value, gens);
          }
          keys.add(first);
          values.add(value);
        } else {
          // a set
          if (atKeyword("for") || atKeyword("async")) {
            if (first instanceof Starred) {
              throw error(first.pos(), "iterable unpacking cannot be used in comprehension");
            }
            List<Comprehension> gens = comprehensionClauses();
            expectOp("}");
            return new Comp(pos, CompKind.SET, first, null, gens);
          }
          List<Expr> elts = new ArrayList<>();
          elts.add(first);
          while (acceptOp(",")) {
            if (atOp("}")) {
              break;
            }
            elts.add(starNamedExpression());
          }
          if (!atOp("}")) {
            throw error(peek(), "invalid syntax. Perhaps you forgot a comma?");
          }
          next();
          return new SetExpr(pos, elts);
        }
      }
      while (acceptOp(",")) {
        if (atOp("}")) {
          break;
        }
        if (acceptOp("**")) {
          keys.add(null);
          values.add(bitOr());
        } else {
          keys.add(expression());
          expectOp(":");
          values.add(expression());
        }
      }
      if (!atOp("}")) {
        throw error(peek(), atOp(":") ? "invalid syntax" : "invalid syntax. Perhaps you forgot a comma?");
      }
      next();
      return new DictExpr(pos, keys, values);
    } finally {
      leave();
    }
  }

  private List<Comprehension> comprehensionClauses() {
    List<Comprehension> gens = new ArrayList<>();
    while (atKeyword("for") || atKeyword("async")) {
      Token t = next();
      boolean isAsync = false;
      if (t.isKeyword("async")) {
        isAsync = true;
        expectKeyword("for");
      }
      Expr target = targetList();
      checkAssignTarget(target, "assign to");
      expectKeyword("in");
      Expr iter = disjunction();
      List<Expr> ifs = new ArrayList<>();
      while (atKeyword("if")) {
        next();
        ifs.add(disjunction());
      }
      gens.add(new Comprehension(t.pos(), target, iter, ifs, isAsync));
    }
    return gens;
  }

  private Expr yieldExpression() {
    Token t = next(); // 'yield'
    if (acceptKeyword("from")) {
      return new YieldFrom(t.pos(), expression());
    }
    if (atSimpleStatementEnd() || atOp(")") || atOp("]") || atOp("}") || atOp("=")) {
      return new Yield(t.pos(), null);
    }
    return new Yield(t.pos(), starExpressions());
  }

  // ---------------------------------------------------------------------------------------------
  // strings

  /** Adjacent string literals, concatenated; f-strings become a {@link JoinedStr}. */
  private Expr strings() {
    Token first = peek();
    Pos pos = first.pos();
    boolean anyF = false;
    Boolean bytes = null;
    List<Token> parts = new ArrayList<>();
    while (peek().kind() == Kind.STRING) {
      Token t = next();
      Token.StrLit lit = (Token.StrLit) t.value();
      if (bytes != null && bytes != lit.bytes()) {
        throw error(t, "cannot mix bytes and nonbytes literals");
      }
      bytes = lit.bytes();
      anyF |= lit.fstring();
      parts.add(t);
    }
    if (bytes) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      for (Token t : parts) {
        byte[] b = (byte[]) ((Token.StrLit) t.value()).value();
        out.write(b, 0, b.length);
      }
      return new Const(pos, ConstKind.BYTES, out.toByteArray());
    }
    if (!anyF) {
      StringBuilder b = new StringBuilder();
      for (Token t : parts) {
        b.append((String) ((Token.StrLit) t.value()).value());
      }
      return new Const(pos, ConstKind.STR, b.toString());
    }
    List<Expr> values = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (Token t : parts) {
      Token.StrLit lit = (Token.StrLit) t.value();
      if (!lit.fstring()) {
        pending.append((String) lit.value());
        continue;
      }
      for (Expr e : fstring(lit, t.pos()).values()) {
        if (e instanceof Const c) {
          pending.append((String) c.value());
        } else {
          if (pending.length() > 0) {
            values.add(new Const(pos, ConstKind.STR, pending.toString()));
            pending.setLength(0);
          }
          values.add(e);
        }
      }
    }
    if (pending.length() > 0) {
      values.add(new Const(pos, ConstKind.STR, pending.toString()));
    }
    return new JoinedStr(pos, values);
  }

  /** Splits an f-string body into literal parts and formatted values. */
  private JoinedStr fstring(Token.StrLit lit, Pos pos) {
    return new FStringScanner(lit, pos).scan((String) lit.value(), 0, ((String) lit.value()).length(), 0);
  }

  /** Walks an f-string body, keeping track of line and column for sub-parsing. */
  private final class FStringScanner {
    private final Token.StrLit lit;
    private final Pos pos;
    private final String body;

    FStringScanner(Token.StrLit lit, Pos pos) {
      this.lit = lit;
      this.pos = pos;
      this.body = (String) lit.value();
    }

    private int[] lineCol(int offset) {
      int l = lit.bodyLine();
      int c = lit.bodyCol();
      for (int k = 0; k < offset && k < body.length(); k++) {
        if (body.charAt(k) == '\n') {
          l++;
          c = 1;
        } else {
          c++;
        }
      }
      return new int[] {l, c};
    }

    private CompileError err(int offset, String message) {
      int[] lc = lineCol(offset);
      return new CompileError(file.error(lc[0], lc[1], "f-string: " + message));
    }

    private String literal(int from, int to) {
      String raw = body.substring(from, to);
      if (lit.raw()) {
        return raw;
      }
      int[] lc = lineCol(from);
      return Lexer.decodeStr(raw, lc[0], lc[1], file, errors);
    }

    /** Scans body[from, to) (a whole f-string, or a format spec at nesting {@code level}). */
    JoinedStr scan(String s, int from, int to, int level) {
      List<Expr> values = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      int i = from;
      int litStart = from;
      while (i < to) {
        char c = s.charAt(i);
        if (c == '\\' && !lit.raw() && i + 1 < to && s.charAt(i + 1) != '{' && s.charAt(i + 1) != '}') {
          if (s.charAt(i + 1) == 'N' && i + 2 < to && s.charAt(i + 2) == '{') {
            int close = s.indexOf('}', i + 3);
            i = close < 0 || close >= to ? to : close + 1; // \N{NAME} is an escape, not a field
          } else {
            i += 2;
          }
          continue;
        }
        if (c == '{' || c == '}') {
          if (i + 1 < to && s.charAt(i + 1) == c && level == 0) {
            text.append(literal(litStart, i + 1));
            i += 2;
            litStart = i;
            continue;
          }
          if (c == '}') {
            throw err(i, "single '}' is not allowed");
          }
          text.append(literal(litStart, i));
          i = field(s, i, to, level, values, text);
          litStart = i;
          continue;
        }
        i++;
      }
      text.append(literal(litStart, to));
      if (text.length() > 0) {
        values.add(new Const(pos, ConstKind.STR, text.toString()));
      }
      return new JoinedStr(pos, values);
    }

    /** Parses the field starting at the '{' at {@code open}; returns the offset after its '}'. */
    private int field(String s, int open, int to, int level, List<Expr> values, StringBuilder text) {
      if (level >= 2) {
        throw err(open, "expressions nested too deeply");
      }
      int i = open + 1;
      int depth = 0;
      char quote = 0;
      int exprEnd = -1;
      while (i < to) {
        char c = s.charAt(i);
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          }
          i++;
          continue;
        }
        if (c == '\\') {
          throw err(i, "expression part cannot include a backslash");
        }
        if (c == '#') {
          throw err(i, "expression part cannot include '#'");
        }
        if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '(' || c == '[' || c == '{') {
          depth++;
        } else if (c == ')' || c == ']' || c == '}') {
          if (depth == 0) {
            if (c == '}') {
              exprEnd = i;
              break;
            }
            throw err(i, "unmatched '" + c + "'");
          }
          depth--;
        } else if (depth == 0 && (c == '!' || c == ':')) {
          if (c == '!' && i + 1 < to && s.charAt(i + 1) == '=') {
            i += 2;
            continue;
          }
          exprEnd = i;
          break;
        } else if (depth == 0 && c == '=') {
          char prev = s.charAt(i - 1);
          boolean comparison = (i + 1 < to && s.charAt(i + 1) == '=') || prev == '=' || prev == '<' || prev == '>' || prev == '!';
          if (!comparison) {
            exprEnd = i;
            break;
          }
          if (i + 1 < to && s.charAt(i + 1) == '=') {
            i += 2;
            continue;
          }
        }
        i++;
      }
      if (exprEnd < 0) {
        throw err(open, "expecting '}'");
      }
      String exprText = s.substring(open + 1, exprEnd);
      if (exprText.isBlank()) {
        throw err(exprEnd, "empty expression not allowed");
      }
      Expr value = subExpression(exprText, open + 1);
      i = exprEnd;
      int conversion = -1;
      if (s.charAt(i) == '=') {
        // self-documenting: `{x=}` prints the text, then the repr unless a conversion/spec says otherwise
        i++;
        while (i < to && Character.isWhitespace(s.charAt(i))) {
          i++;
        }
        text.append(s, open + 1, i);
        conversion = 'r';
      }
      if (text.length() > 0) {
        values.add(new Const(pos, ConstKind.STR, text.toString()));
        text.setLength(0);
      }
      if (i < to && s.charAt(i) == '!') {
        if (i + 1 >= to || "sra".indexOf(s.charAt(i + 1)) < 0) {
          throw err(i, "invalid conversion character: expected 's', 'r', or 'a'");
        }
        conversion = s.charAt(i + 1);
        i += 2;
      }
      Expr spec = null;
      if (i < to && s.charAt(i) == ':') {
        if (conversion == 'r' && s.charAt(exprEnd) == '=') {
          conversion = -1; // `{x=:spec}` formats with the spec, as CPython does
        }
        int specStart = i + 1;
        int d = 0;
        int k = specStart;
        while (k < to) {
          char c = s.charAt(k);
          if (c == '{') {
            d++;
          } else if (c == '}') {
            if (d == 0) {
              break;
            }
            d--;
          }
          k++;
        }
        spec = scan(s, specStart, k, level + 1);
        i = k;
      }
      if (i >= to || s.charAt(i) != '}') {
        throw err(Math.min(i, to), "expecting '}'");
      }
      values.add(new FormattedValue(value.pos(), value, conversion, spec));
      return i + 1;
    }

    private Expr subExpression(String text, int offset) {
      int[] lc = lineCol(offset);
      List<Diagnostic> lexErrors = new ArrayList<>();
      List<Token> sub = new Lexer(file, "(" + text + ")", lc[0], lc[1] - 1, lexErrors).tokenize();
      if (!lexErrors.isEmpty()) {
        throw new CompileError(lexErrors.get(0));
      }
      Parser inner = new Parser(file, sub, errors);
      inner.nesting = nesting;
      inner.expectOp("(");
      Expr e = inner.atKeyword("yield") ? inner.yieldExpression() : inner.starExpressions();
      if (!inner.atOp(")")) {
        throw inner.error(inner.peek(), "f-string: invalid syntax");
      }
      inner.next();
      if (inner.peek().kind() == Kind.NEWLINE) {
        inner.next();
      }
      if (inner.peek().kind() != Kind.EOF) {
        throw inner.error(inner.peek(), "f-string: invalid syntax");
      }
      return e;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // target checks

  private void checkAssignTarget(Expr e, String verb) {
    if (e instanceof Name n) {
      return;
    }
    if (e instanceof Attribute || e instanceof Subscript) {
      return;
    }
    if (e instanceof TupleExpr t) {
      checkTargets(t.elts(), verb);
      return;
    }
    if (e instanceof ListExpr l) {
      checkTargets(l.elts(), verb);
      return;
    }
    if (e instanceof Starred s) {
      throw error(s.pos(), "starred assignment target must be in a list or tuple");
    }
    throw error(e.pos(), "cannot " + verb + " " + describe(e));
  }

  private void checkTargets(List<Expr> elts, String verb) {
    boolean starred = false;
    for (Expr x : elts) {
      if (x instanceof Starred s) {
        if (starred) {
          throw error(s.pos(), "multiple starred expressions in assignment");
        }
        starred = true;
        checkAssignTarget(s.value(), verb);
      } else {
        checkAssignTarget(x, verb);
      }
    }
  }

  private void checkDelTarget(Expr e) {
    if (e instanceof Name || e instanceof Attribute || e instanceof Subscript) {
      return;
    }
    if (e instanceof TupleExpr t) {
      for (Expr x : t.elts()) {
        checkDelTarget(x);
      }
      return;
    }
    if (e instanceof ListExpr l) {
      for (Expr x : l.elts()) {
        checkDelTarget(x);
      }
      return;
    }
    throw error(e.pos(), "cannot delete " + describe(e));
  }

  /** What CPython calls an expression in "cannot assign to ..." messages. */
  static String describe(Expr e) {
    if (e instanceof Call) {
      return "function call";
    }
    if (e instanceof Const c) {
      return switch (c.kind()) {
        case TRUE -> "True";
        case FALSE -> "False";
        case NONE -> "None";
        case ELLIPSIS -> "ellipsis";
        default -> "literal";
      };
    }
    if (e instanceof JoinedStr) {
      return "f-string expression";
    }
    if (e instanceof Compare) {
      return "comparison";
    }
    if (e instanceof BoolOp || e instanceof BinOp || e instanceof UnaryOp) {
      return "expression";
    }
    if (e instanceof IfExp) {
      return "conditional expression";
    }
    if (e instanceof Lambda) {
      return "lambda";
    }
    if (e instanceof Comp c) {
      return switch (c.kind()) {
        case LIST -> "list comprehension";
        case SET -> "set comprehension";
        case DICT -> "dict comprehension";
        case GENERATOR -> "generator expression";
      };
    }
    if (e instanceof DictExpr) {
      return "dict literal";
    }
    if (e instanceof SetExpr) {
      return "set display";
    }
    if (e instanceof Yield || e instanceof YieldFrom) {
      return "yield expression";
    }
    if (e instanceof Await) {
      return "await expression";
    }
    if (e instanceof NamedExpr) {
      return "named expression";
    }
    if (e instanceof TupleExpr) {
      return "tuple";
    }
    if (e instanceof ListExpr) {
      return "list";
    }
    if (e instanceof Starred) {
      return "starred";
    }
    if (e instanceof Name) {
      return "name";
    }
    if (e instanceof Attribute) {
      return "attribute";
    }
    if (e instanceof Subscript) {
      return "subscript";
    }
    return "expression";
  }
}
