package dev.zvm.compiler;

import dev.zvm.compiler.Ast.*;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scope analysis for one module: which names each function, class, comprehension and the module
 * itself binds, which it declares {@code global} or {@code nonlocal}, and, from that, where every
 * name resolves (local, cell, free, module global, or neither, which leaves builtins to the code
 * generator). Free and cell variables are computed as CPython does, so that closures only need
 * code generation; {@link CodeGen} rejects them for now.
 *
 * <p>A comprehension is a scope of its own (its loop variables do not leak, Python 3 semantics),
 * although its code is generated inline with hidden locals. Its first iterable belongs to the
 * enclosing scope.
 */
final class Scopes {

  enum Kind {
    MODULE,
    CLASS,
    FUNCTION,
    COMPREHENSION
  }

  static final int BOUND = 1;
  static final int PARAM = 2;
  static final int GLOBAL = 4;
  static final int NONLOCAL = 8;
  static final int USED = 16;
  /** A local that an inner function captures. */
  static final int CELL = 32;
  /** A name of an enclosing function this scope (or an inner one) captures. */
  static final int FREE = 64;

  /** One scope: its symbols with their flags, in the order they were first seen. */
  static final class Scope {
    final Kind kind;
    final Scope parent;
    final String name;
    final Map<String, Integer> symbols = new LinkedHashMap<>();
    final List<String> params = new ArrayList<>();

    Scope(Kind kind, Scope parent, String name) {
      this.kind = kind;
      this.parent = parent;
      this.name = name;
    }

    int flags(String n) {
      return symbols.getOrDefault(n, 0);
    }

    void add(String n, int flag) {
      symbols.merge(n, flag, (a, b) -> a | b);
    }

    boolean isLocal(String n) {
      int f = flags(n);
      return (f & (BOUND | PARAM)) != 0 && (f & (GLOBAL | NONLOCAL)) == 0;
    }

    /** Names bound locally (not global/nonlocal), parameters first, in order. */
    List<String> locals() {
      List<String> out = new ArrayList<>(params);
      for (var e : symbols.entrySet()) {
        if (!out.contains(e.getKey()) && isLocal(e.getKey())) {
          out.add(e.getKey());
        }
      }
      return out;
    }
  }

  /** Where a name resolves in a scope. */
  enum Where {
    LOCAL, // a fast local of the function/class, or a module global at module level
    GLOBAL, // a module global
    FREE, // a variable of an enclosing function (a closure)
    COMP, // a comprehension variable (a hidden local of the enclosing code)
    UNBOUND // not bound in the module: builtin, exception, or unknown
  }

  private final SourceFile file;
  private final List<Diagnostic> errors;
  private final Map<Object, Scope> scopes = new IdentityHashMap<>();
  final Scope module;
  private int depth;

  Scopes(SourceFile file, List<Diagnostic> errors) {
    this.file = file;
    this.errors = errors;
    this.module = new Scope(Kind.MODULE, null, "<module>");
  }

  /** The scope a def, class, lambda or comprehension node opens. */
  Scope scopeOf(Object node) {
    return scopes.get(node);
  }

  void analyse(List<Stmt> body) {
    for (Stmt s : body) {
      try {
        stmt(module, s);
      } catch (CompileError e) {
        errors.add(e.diagnostic());
        depth = 0;
      }
    }
    for (Scope s : scopes.values()) {
      computeFree(s);
    }
  }

  /** Resolves {@code name} as seen from {@code s}. */
  Where resolve(Scope s, String name) {
    if (s.kind == Kind.COMPREHENSION) {
      Scope p = s;
      for (; p.kind == Kind.COMPREHENSION; p = p.parent) {
        if (p.isLocal(name)) {
          return Where.COMP;
        }
      }
      if (p.kind != Kind.CLASS) {
        return resolve(p, name);
      }
      // a class body is invisible from a comprehension inside it, as from a method
      for (Scope q = p.parent; q != null && q.kind != Kind.MODULE; q = q.parent) {
        if (q.kind == Kind.FUNCTION && q.isLocal(name)) {
          return Where.FREE;
        }
      }
      return module.isLocal(name) ? Where.GLOBAL : Where.UNBOUND;
    }
    int f = s.flags(name);
    if ((f & GLOBAL) != 0) {
      return Where.GLOBAL;
    }
    if ((f & NONLOCAL) != 0) {
      return Where.FREE;
    }
    if (s.kind == Kind.MODULE) {
      return s.isLocal(name) ? Where.LOCAL : Where.UNBOUND;
    }
    if (s.isLocal(name)) {
      return Where.LOCAL;
    }
    for (Scope p = s.parent; p != null && p.kind != Kind.MODULE; p = p.parent) {
      if (p.kind == Kind.FUNCTION && p.isLocal(name) && (p.flags(name) & GLOBAL) == 0) {
        return Where.FREE;
      }
      if (p.kind == Kind.FUNCTION && (p.flags(name) & GLOBAL) != 0) {
        break;
      }
    }
    return module.isLocal(name) ? Where.GLOBAL : Where.UNBOUND;
  }

  /** For a comprehension, the function scope whose frame holds its hidden locals, or null. */
  static Scope enclosingCode(Scope s) {
    Scope p = s;
    while (p != null && p.kind == Kind.COMPREHENSION) {
      p = p.parent;
    }
    return p;
  }

  private void computeFree(Scope s) {
    if (s.kind != Kind.FUNCTION && s.kind != Kind.CLASS && s.kind != Kind.COMPREHENSION) {
      return;
    }
    for (String n : new ArrayList<>(s.symbols.keySet())) {
      if ((s.flags(n) & USED) == 0 && (s.flags(n) & NONLOCAL) == 0) {
        continue;
      }
      if (resolve(s, n) == Where.FREE) {
        s.add(n, FREE);
        for (Scope p = s.parent; p != null && p.kind != Kind.MODULE; p = p.parent) {
          if (p.kind == Kind.FUNCTION && p.isLocal(n)) {
            p.add(n, CELL);
            break;
          }
          if (p.kind != Kind.CLASS) {
            p.add(n, FREE);
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  private CompileError error(Pos pos, String message) {
    return new CompileError(file.error(pos, message));
  }

  private void bind(Scope s, String name, Pos pos) {
    if (s.kind == Kind.COMPREHENSION) {
      s.add(name, BOUND);
      return;
    }
    int f = s.flags(name);
    s.add(name, BOUND);
    if ((f & GLOBAL) != 0 && s != module) {
      module.add(name, BOUND);
    }
  }

  private void use(Scope s, String name, Pos pos) {
    s.add(name, USED);
  }

  private void stmts(Scope s, List<Stmt> body) {
    for (Stmt st : body) {
      stmt(s, st);
    }
  }

  private void stmt(Scope s, Stmt st) {
    if (++depth > CodeGen.MAX_DEPTH) {
      throw error(st.pos(), "statement too deeply nested");
    }
    try {
      doStmt(s, st);
    } finally {
      depth--;
    }
  }

  private void doStmt(Scope s, Stmt st) {
    if (st instanceof FunctionDef f) {
      for (Expr d : f.decorators()) {
        expr(s, d);
      }
      arguments(s, f.args());
      if (f.returns() != null) {
        expr(s, f.returns());
      }
      bind(s, f.name(), f.pos());
      Scope fs = new Scope(Kind.FUNCTION, s, f.name());
      scopes.put(f, fs);
      params(fs, f.args());
      stmts(fs, f.body());
    } else if (st instanceof ClassDef c) {
      for (Expr d : c.decorators()) {
        expr(s, d);
      }
      for (Expr b : c.bases()) {
        expr(s, b);
      }
      for (Keyword k : c.keywords()) {
        expr(s, k.value());
      }
      bind(s, c.name(), c.pos());
      Scope cs = new Scope(Kind.CLASS, s, c.name());
      scopes.put(c, cs);
      stmts(cs, c.body());
    } else if (st instanceof Return r) {
      if (r.value() != null) {
        expr(s, r.value());
      }
    } else if (st instanceof Delete d) {
      for (Expr t : d.targets()) {
        target(s, t);
      }
    } else if (st instanceof Assign a) {
      expr(s, a.value());
      for (Expr t : a.targets()) {
        target(s, t);
      }
    } else if (st instanceof AugAssign a) {
      expr(s, a.value());
      if (a.target() instanceof Name n) {
        use(s, n.id(), n.pos());
      }
      target(s, a.target());
    } else if (st instanceof AnnAssign a) {
      if (a.value() != null) {
        expr(s, a.value());
        target(s, a.target());
      } else if (!(a.target() instanceof Name)) {
        expr(s, a.target());
      }
    } else if (st instanceof For f) {
      expr(s, f.iter());
      target(s, f.target());
      stmts(s, f.body());
      stmts(s, f.orElse());
    } else if (st instanceof While w) {
      expr(s, w.test());
      stmts(s, w.body());
      stmts(s, w.orElse());
    } else if (st instanceof If i) {
      expr(s, i.test());
      stmts(s, i.body());
      stmts(s, i.orElse());
    } else if (st instanceof With w) {
      for (WithItem item : w.items()) {
        expr(s, item.context());
        if (item.target() != null) {
          target(s, item.target());
        }
      }
      stmts(s, w.body());
    } else if (st instanceof Raise r) {
      if (r.exc() != null) {
        expr(s, r.exc());
      }
      if (r.cause() != null) {
        expr(s, r.cause());
      }
    } else if (st instanceof Try t) {
      stmts(s, t.body());
      for (ExceptHandler h : t.handlers()) {
        if (h.type() != null) {
          expr(s, h.type());
        }
        if (h.name() != null) {
          bind(s, h.name(), h.pos());
        }
        stmts(s, h.body());
      }
      stmts(s, t.orElse());
      stmts(s, t.finalBody());
    } else if (st instanceof Assert a) {
      expr(s, a.test());
      if (a.msg() != null) {
        expr(s, a.msg());
      }
    } else if (st instanceof Import im) {
      for (Alias a : im.names()) {
        String bound = a.asName() != null ? a.asName() : a.name().split("\\.")[0];
        bind(s, bound, a.pos());
      }
    } else if (st instanceof ImportFrom im) {
      for (Alias a : im.names()) {
        if (!a.name().equals("*")) {
          bind(s, a.asName() != null ? a.asName() : a.name(), a.pos());
        }
      }
    } else if (st instanceof Global g) {
      for (String n : g.names()) {
        int f = s.flags(n);
        if ((f & PARAM) != 0) {
          throw error(g.pos(), "name '" + n + "' is parameter and global");
        }
        if ((f & USED) != 0 && s != module) {
          throw error(g.pos(), "name '" + n + "' is used prior to global declaration");
        }
        if ((f & BOUND) != 0 && s != module) {
          throw error(g.pos(), "name '" + n + "' is assigned to before global declaration");
        }
        if (s != module) {
          s.add(n, GLOBAL);
          module.add(n, BOUND);
        }
      }
    } else if (st instanceof Nonlocal n) {
      if (s == module) {
        throw error(n.pos(), "nonlocal declaration not allowed at module level");
      }
      for (String name : n.names()) {
        s.add(name, NONLOCAL);
      }
    } else if (st instanceof ExprStmt e) {
      if (s == module && e.value() instanceof Call call && CodeGen.isNewException(call)
          && !call.args().isEmpty() && call.args().get(0) instanceof Name n) {
        bind(s, n.id(), n.pos());
        for (int i = 1; i < call.args().size(); i++) {
          expr(s, call.args().get(i));
        }
        return;
      }
      expr(s, e.value());
    }
    // Pass, Break, Continue, Match: nothing to bind
  }

  private void arguments(Scope s, Arguments a) {
    for (Expr d : a.defaults()) {
      expr(s, d);
    }
    for (Expr d : a.kwDefaults()) {
      if (d != null) {
        expr(s, d);
      }
    }
    for (Arg arg : allArgs(a)) {
      if (arg.annotation() != null) {
        expr(s, arg.annotation());
      }
    }
  }

  static List<Arg> allArgs(Arguments a) {
    List<Arg> out = new ArrayList<>(a.posOnly());
    out.addAll(a.args());
    out.addAll(a.kwOnly());
    if (a.vararg() != null) {
      out.add(a.vararg());
    }
    if (a.kwarg() != null) {
      out.add(a.kwarg());
    }
    return out;
  }

  private void params(Scope fs, Arguments a) {
    for (Arg arg : allArgs(a)) {
      fs.add(arg.name(), PARAM | BOUND);
      fs.params.add(arg.name());
    }
  }

  private void target(Scope s, Expr t) {
    if (t instanceof Name n) {
      bind(s, n.id(), n.pos());
    } else if (t instanceof TupleExpr tu) {
      for (Expr e : tu.elts()) {
        target(s, e);
      }
    } else if (t instanceof ListExpr l) {
      for (Expr e : l.elts()) {
        target(s, e);
      }
    } else if (t instanceof Starred st) {
      target(s, st.value());
    } else {
      expr(s, t);
    }
  }

  private void expr(Scope s, Expr e) {
    if (++depth > CodeGen.MAX_DEPTH) {
      throw error(e.pos(), "expression too deeply nested");
    }
    try {
      doExpr(s, e);
    } finally {
      depth--;
    }
  }

  private void doExpr(Scope s, Expr e) {
    if (e instanceof Name n) {
      use(s, n.id(), n.pos());
    } else if (e instanceof Const) {
      return;
    } else if (e instanceof JoinedStr j) {
      for (Expr v : j.values()) {
        expr(s, v);
      }
    } else if (e instanceof FormattedValue f) {
      expr(s, f.value());
      if (f.spec() != null) {
        expr(s, f.spec());
      }
    } else if (e instanceof BinOp b) {
      // long left-leaning chains: walk the left spine iteratively
      Expr left = b;
      List<Expr> rights = new ArrayList<>();
      while (left instanceof BinOp lb) {
        rights.add(lb.right());
        left = lb.left();
      }
      expr(s, left);
      for (int i = rights.size() - 1; i >= 0; i--) {
        expr(s, rights.get(i));
      }
    } else if (e instanceof UnaryOp u) {
      expr(s, u.operand());
    } else if (e instanceof BoolOp b) {
      for (Expr v : b.values()) {
        expr(s, v);
      }
    } else if (e instanceof Compare c) {
      expr(s, c.left());
      for (Expr v : c.comparators()) {
        expr(s, v);
      }
    } else if (e instanceof Call c) {
      expr(s, c.func());
      for (Expr a : c.args()) {
        expr(s, a);
      }
      for (Keyword k : c.keywords()) {
        expr(s, k.value());
      }
    } else if (e instanceof Attribute a) {
      expr(s, a.value());
    } else if (e instanceof Subscript sub) {
      expr(s, sub.value());
      expr(s, sub.index());
    } else if (e instanceof Slice sl) {
      if (sl.lower() != null) {
        expr(s, sl.lower());
      }
      if (sl.upper() != null) {
        expr(s, sl.upper());
      }
      if (sl.step() != null) {
        expr(s, sl.step());
      }
    } else if (e instanceof Starred st) {
      expr(s, st.value());
    } else if (e instanceof ListExpr l) {
      for (Expr v : l.elts()) {
        expr(s, v);
      }
    } else if (e instanceof TupleExpr t) {
      for (Expr v : t.elts()) {
        expr(s, v);
      }
    } else if (e instanceof SetExpr t) {
      for (Expr v : t.elts()) {
        expr(s, v);
      }
    } else if (e instanceof DictExpr d) {
      for (Expr k : d.keys()) {
        if (k != null) {
          expr(s, k);
        }
      }
      for (Expr v : d.values()) {
        expr(s, v);
      }
    } else if (e instanceof Comp c) {
      comprehension(s, c);
    } else if (e instanceof IfExp i) {
      expr(s, i.test());
      expr(s, i.body());
      expr(s, i.orElse());
    } else if (e instanceof Lambda l) {
      arguments(s, l.args());
      Scope ls = new Scope(Kind.FUNCTION, s, "<lambda>");
      scopes.put(l, ls);
      params(ls, l.args());
      expr(ls, l.body());
    } else if (e instanceof Yield y) {
      if (y.value() != null) {
        expr(s, y.value());
      }
    } else if (e instanceof YieldFrom y) {
      expr(s, y.value());
    } else if (e instanceof Await a) {
      expr(s, a.value());
    } else if (e instanceof NamedExpr ne) {
      expr(s, ne.value());
      // the target binds in the nearest enclosing non-comprehension scope
      Scope t = s;
      while (t.kind == Kind.COMPREHENSION) {
        if (t.isLocal(ne.target().id())) {
          throw error(ne.pos(), "assignment expression cannot rebind comprehension iteration variable '" + ne.target().id() + "'");
        }
        t = t.parent;
      }
      if (t.kind == Kind.CLASS && t != s) {
        throw error(ne.pos(), "assignment expression within a comprehension cannot be used in a class body");
      }
      bind(t, ne.target().id(), ne.pos());
      if (t != s) {
        // the comprehension sees the enclosing binding
        use(s, ne.target().id(), ne.pos());
      }
    }
  }

  private void comprehension(Scope s, Comp c) {
    List<Comprehension> gens = c.generators();
    expr(s, gens.get(0).iter()); // the first iterable is evaluated in the enclosing scope
    Scope cs = new Scope(Kind.COMPREHENSION, s, "<" + c.kind().name().toLowerCase() + "comp>");
    scopes.put(c, cs);
    for (int i = 0; i < gens.size(); i++) {
      Comprehension g = gens.get(i);
      if (i > 0) {
        expr(cs, g.iter());
      }
      target(cs, g.target());
      for (Expr cond : g.ifs()) {
        expr(cs, cond);
      }
    }
    expr(cs, c.elt());
    if (c.value() != null) {
      expr(cs, c.value());
    }
  }
}
