package dev.zvm.compiler;

import dev.zvm.compiler.Ast.*;
import java.math.BigInteger;
import java.util.List;

/**
 * Our AST in the S-expression form {@code astdump.py} prints for CPython's, field by field in
 * CPython's order, so that the parser can be checked against CPython.
 */
final class AstDump {
  private AstDump() {}

  static String dump(List<Stmt> body) {
    StringBuilder b = new StringBuilder();
    stmts(b, body);
    return b.toString();
  }

  private static void stmts(StringBuilder b, List<Stmt> body) {
    b.append('[');
    for (int i = 0; i < body.size(); i++) {
      if (i > 0) {
        b.append(' ');
      }
      stmt(b, body.get(i));
    }
    b.append(']');
  }

  private static void exprs(StringBuilder b, List<? extends Expr> list, boolean pos) {
    b.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        b.append(' ');
      }
      expr(b, list.get(i), pos);
    }
    b.append(']');
  }

  private static void open(StringBuilder b, String name, Pos p, boolean pos) {
    b.append('(').append(name);
    if (pos) {
      b.append('@').append(p.line()).append(':').append(p.col());
    }
  }

  private static void sp(StringBuilder b) {
    b.append(' ');
  }

  private static void opt(StringBuilder b, Expr e, boolean pos) {
    sp(b);
    if (e == null) {
      b.append("None");
    } else {
      expr(b, e, pos);
    }
  }

  private static void str(StringBuilder b, String s) {
    if (s == null) {
      b.append("None");
      return;
    }
    b.append('"');
    s.codePoints().forEach(c -> {
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        b.append((char) c);
      } else {
        b.append("\\u{").append(Integer.toHexString(c)).append('}');
      }
    });
    b.append('"');
  }

  private static void stmt(StringBuilder b, Stmt s) {
    if (s instanceof Match m) {
      b.append("(Match@").append(m.pos().line()).append(':').append(m.pos().col()).append(')');
      return;
    }
    if (s instanceof FunctionDef f) {
      open(b, f.isAsync() ? "AsyncFunctionDef" : "FunctionDef", f.pos(), true);
      sp(b);
      str(b, f.name());
      sp(b);
      arguments(b, f.args());
      sp(b);
      stmts(b, f.body());
      sp(b);
      exprs(b, f.decorators(), true);
      opt(b, f.returns(), true);
    } else if (s instanceof ClassDef c) {
      open(b, "ClassDef", c.pos(), true);
      sp(b);
      str(b, c.name());
      sp(b);
      exprs(b, c.bases(), true);
      sp(b);
      keywords(b, c.keywords(), true);
      sp(b);
      stmts(b, c.body());
      sp(b);
      exprs(b, c.decorators(), true);
    } else if (s instanceof Return r) {
      open(b, "Return", r.pos(), true);
      opt(b, r.value(), true);
    } else if (s instanceof Delete d) {
      open(b, "Delete", d.pos(), true);
      sp(b);
      exprs(b, d.targets(), true);
    } else if (s instanceof Assign a) {
      open(b, "Assign", a.pos(), true);
      sp(b);
      exprs(b, a.targets(), true);
      opt(b, a.value(), true);
    } else if (s instanceof AugAssign a) {
      open(b, "AugAssign", a.pos(), true);
      opt(b, a.target(), true);
      sp(b);
      b.append(binop(a.op()));
      opt(b, a.value(), true);
    } else if (s instanceof AnnAssign a) {
      open(b, "AnnAssign", a.pos(), true);
      opt(b, a.target(), true);
      opt(b, a.annotation(), true);
      opt(b, a.value(), true);
    } else if (s instanceof For f) {
      open(b, f.isAsync() ? "AsyncFor" : "For", f.pos(), true);
      opt(b, f.target(), true);
      opt(b, f.iter(), true);
      sp(b);
      stmts(b, f.body());
      sp(b);
      stmts(b, f.orElse());
    } else if (s instanceof While w) {
      open(b, "While", w.pos(), true);
      opt(b, w.test(), true);
      sp(b);
      stmts(b, w.body());
      sp(b);
      stmts(b, w.orElse());
    } else if (s instanceof If i) {
      open(b, "If", i.pos(), true);
      opt(b, i.test(), true);
      sp(b);
      stmts(b, i.body());
      sp(b);
      stmts(b, i.orElse());
    } else if (s instanceof With w) {
      open(b, w.isAsync() ? "AsyncWith" : "With", w.pos(), true);
      b.append(" [");
      for (int k = 0; k < w.items().size(); k++) {
        if (k > 0) {
          sp(b);
        }
        b.append("(withitem");
        opt(b, w.items().get(k).context(), true);
        opt(b, w.items().get(k).target(), true);
        b.append(')');
      }
      b.append("] ");
      stmts(b, w.body());
    } else if (s instanceof Raise r) {
      open(b, "Raise", r.pos(), true);
      opt(b, r.exc(), true);
      opt(b, r.cause(), true);
    } else if (s instanceof Try t) {
      open(b, t.star() ? "TryStar" : "Try", t.pos(), true);
      sp(b);
      stmts(b, t.body());
      b.append(" [");
      for (int k = 0; k < t.handlers().size(); k++) {
        ExceptHandler h = t.handlers().get(k);
        if (k > 0) {
          sp(b);
        }
        b.append("(ExceptHandler");
        opt(b, h.type(), true);
        sp(b);
        str(b, h.name());
        sp(b);
        stmts(b, h.body());
        b.append(')');
      }
      b.append("] ");
      stmts(b, t.orElse());
      sp(b);
      stmts(b, t.finalBody());
    } else if (s instanceof Assert a) {
      open(b, "Assert", a.pos(), true);
      opt(b, a.test(), true);
      opt(b, a.msg(), true);
    } else if (s instanceof Import im) {
      open(b, "Import", im.pos(), true);
      sp(b);
      aliases(b, im.names());
    } else if (s instanceof ImportFrom im) {
      open(b, "ImportFrom", im.pos(), true);
      sp(b);
      str(b, im.module());
      sp(b);
      aliases(b, im.names());
      b.append(' ').append(im.level());
    } else if (s instanceof Global g) {
      open(b, "Global", g.pos(), true);
      sp(b);
      names(b, g.names());
    } else if (s instanceof Nonlocal n) {
      open(b, "Nonlocal", n.pos(), true);
      sp(b);
      names(b, n.names());
    } else if (s instanceof ExprStmt e) {
      open(b, "Expr", e.pos(), true);
      opt(b, e.value(), true);
    } else if (s instanceof Pass p) {
      open(b, "Pass", p.pos(), true);
    } else if (s instanceof Break p) {
      open(b, "Break", p.pos(), true);
    } else if (s instanceof Continue p) {
      open(b, "Continue", p.pos(), true);
    }
    b.append(')');
  }

  private static void names(StringBuilder b, List<String> names) {
    b.append('[');
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        sp(b);
      }
      str(b, names.get(i));
    }
    b.append(']');
  }

  private static void aliases(StringBuilder b, List<Alias> names) {
    b.append('[');
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        sp(b);
      }
      b.append("(alias ");
      str(b, names.get(i).name());
      sp(b);
      str(b, names.get(i).asName());
      b.append(')');
    }
    b.append(']');
  }

  private static void keywords(StringBuilder b, List<Keyword> ks, boolean pos) {
    b.append('[');
    for (int i = 0; i < ks.size(); i++) {
      if (i > 0) {
        sp(b);
      }
      b.append("(keyword ");
      str(b, ks.get(i).arg());
      opt(b, ks.get(i).value(), pos);
      b.append(')');
    }
    b.append(']');
  }

  private static void arguments(StringBuilder b, Arguments a) {
    b.append("(arguments ");
    args(b, a.posOnly());
    sp(b);
    args(b, a.args());
    sp(b);
    arg(b, a.vararg());
    sp(b);
    args(b, a.kwOnly());
    b.append(" [");
    for (int i = 0; i < a.kwDefaults().size(); i++) {
      if (i > 0) {
        sp(b);
      }
      Expr d = a.kwDefaults().get(i);
      if (d == null) {
        b.append("None");
      } else {
        expr(b, d, true);
      }
    }
    b.append("] ");
    arg(b, a.kwarg());
    sp(b);
    exprs(b, a.defaults(), true);
    b.append(')');
  }

  private static void args(StringBuilder b, List<Arg> args) {
    b.append('[');
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        sp(b);
      }
      arg(b, args.get(i));
    }
    b.append(']');
  }

  private static void arg(StringBuilder b, Arg a) {
    if (a == null) {
      b.append("None");
      return;
    }
    b.append("(arg ");
    str(b, a.name());
    opt(b, a.annotation(), true);
    b.append(')');
  }

  static String binop(BinOpKind k) {
    return switch (k) {
      case ADD -> "Add";
      case SUB -> "Sub";
      case MUL -> "Mult";
      case MATMUL -> "MatMult";
      case DIV -> "Div";
      case FLOORDIV -> "FloorDiv";
      case MOD -> "Mod";
      case POW -> "Pow";
      case LSHIFT -> "LShift";
      case RSHIFT -> "RShift";
      case BITOR -> "BitOr";
      case BITXOR -> "BitXor";
      case BITAND -> "BitAnd";
    };
  }

  private static String cmp(CmpKind k) {
    return switch (k) {
      case EQ -> "Eq";
      case NE -> "NotEq";
      case LT -> "Lt";
      case LE -> "LtE";
      case GT -> "Gt";
      case GE -> "GtE";
      case IS -> "Is";
      case IS_NOT -> "IsNot";
      case IN -> "In";
      case NOT_IN -> "NotIn";
    };
  }

  private static void expr(StringBuilder b, Expr e, boolean pos) {
    if (e instanceof Const c) {
      open(b, "Constant", c.pos(), pos);
      sp(b);
      b.append(switch (c.kind()) {
        case INT -> c.value().toString();
        case FLOAT -> "f" + Long.toHexString(Double.doubleToRawLongBits((Double) c.value()));
        case IMAGINARY -> "j" + Long.toHexString(Double.doubleToRawLongBits((Double) c.value()));
        case STR -> {
          StringBuilder t = new StringBuilder();
          str(t, (String) c.value());
          yield t.toString();
        }
        case BYTES -> "b" + java.util.HexFormat.of().formatHex((byte[]) c.value());
        case TRUE -> "True";
        case FALSE -> "False";
        case NONE -> "None";
        case ELLIPSIS -> "Ellipsis";
      });
      b.append(')');
      return;
    }
    if (e instanceof JoinedStr j) {
      open(b, "JoinedStr", j.pos(), pos);
      b.append(' ');
      exprs(b, j.values(), false);
      b.append(')');
      return;
    }
    if (e instanceof FormattedValue f) {
      b.append("(FormattedValue");
      opt(b, f.value(), false);
      b.append(' ').append(f.conversion());
      opt(b, f.spec(), false);
      b.append(')');
      return;
    }
    if (e instanceof Name n) {
      open(b, "Name", n.pos(), pos);
      sp(b);
      str(b, n.id());
    } else if (e instanceof BinOp x) {
      open(b, "BinOp", x.pos(), pos);
      opt(b, x.left(), pos);
      b.append(' ').append(binop(x.op()));
      opt(b, x.right(), pos);
    } else if (e instanceof UnaryOp x) {
      open(b, "UnaryOp", x.pos(), pos);
      b.append(' ').append(switch (x.op()) {
        case NEG -> "USub";
        case POS -> "UAdd";
        case NOT -> "Not";
        case INVERT -> "Invert";
      });
      opt(b, x.operand(), pos);
    } else if (e instanceof BoolOp x) {
      open(b, "BoolOp", x.pos(), pos);
      b.append(x.isAnd() ? " And " : " Or ");
      exprs(b, x.values(), pos);
    } else if (e instanceof Compare x) {
      open(b, "Compare", x.pos(), pos);
      opt(b, x.left(), pos);
      b.append(" [");
      for (int i = 0; i < x.ops().size(); i++) {
        if (i > 0) {
          sp(b);
        }
        b.append(cmp(x.ops().get(i)));
      }
      b.append("] ");
      exprs(b, x.comparators(), pos);
    } else if (e instanceof Call x) {
      open(b, "Call", x.pos(), pos);
      opt(b, x.func(), pos);
      sp(b);
      exprs(b, x.args(), pos);
      sp(b);
      keywords(b, x.keywords(), pos);
    } else if (e instanceof Attribute x) {
      open(b, "Attribute", x.pos(), pos);
      opt(b, x.value(), pos);
      sp(b);
      str(b, x.attr());
    } else if (e instanceof Subscript x) {
      open(b, "Subscript", x.pos(), pos);
      opt(b, x.value(), pos);
      opt(b, x.index(), pos);
    } else if (e instanceof Slice x) {
      open(b, "Slice", x.pos(), pos);
      opt(b, x.lower(), pos);
      opt(b, x.upper(), pos);
      opt(b, x.step(), pos);
    } else if (e instanceof Starred x) {
      open(b, "Starred", x.pos(), pos);
      opt(b, x.value(), pos);
    } else if (e instanceof ListExpr x) {
      open(b, "List", x.pos(), pos);
      sp(b);
      exprs(b, x.elts(), pos);
    } else if (e instanceof TupleExpr x) {
      open(b, "Tuple", x.pos(), pos);
      sp(b);
      exprs(b, x.elts(), pos);
    } else if (e instanceof SetExpr x) {
      open(b, "Set", x.pos(), pos);
      sp(b);
      exprs(b, x.elts(), pos);
    } else if (e instanceof DictExpr x) {
      open(b, "Dict", x.pos(), pos);
      b.append(" [");
      for (int i = 0; i < x.keys().size(); i++) {
        if (i > 0) {
          sp(b);
        }
        if (x.keys().get(i) == null) {
          b.append("None");
        } else {
          expr(b, x.keys().get(i), pos);
        }
      }
      b.append("] ");
      exprs(b, x.values(), pos);
    } else if (e instanceof Comp x) {
      String name = switch (x.kind()) {
        case LIST -> "ListComp";
        case SET -> "SetComp";
        case DICT -> "DictComp";
        case GENERATOR -> "GeneratorExp";
      };
      open(b, name, x.pos(), pos);
      opt(b, x.elt(), pos);
      if (x.kind() == CompKind.DICT) {
        opt(b, x.value(), pos);
      }
      b.append(" [");
      for (int i = 0; i < x.generators().size(); i++) {
        Comprehension g = x.generators().get(i);
        if (i > 0) {
          sp(b);
        }
        b.append("(comprehension");
        opt(b, g.target(), pos);
        opt(b, g.iter(), pos);
        sp(b);
        exprs(b, g.ifs(), pos);
        b.append(' ').append(g.isAsync() ? 1 : 0).append(')');
      }
      b.append(']');
    } else if (e instanceof IfExp x) {
      open(b, "IfExp", x.pos(), pos);
      opt(b, x.test(), pos);
      opt(b, x.body(), pos);
      opt(b, x.orElse(), pos);
    } else if (e instanceof Lambda x) {
      open(b, "Lambda", x.pos(), pos);
      sp(b);
      arguments(b, x.args());
      opt(b, x.body(), pos);
    } else if (e instanceof Yield x) {
      open(b, "Yield", x.pos(), pos);
      opt(b, x.value(), pos);
    } else if (e instanceof YieldFrom x) {
      open(b, "YieldFrom", x.pos(), pos);
      opt(b, x.value(), pos);
    } else if (e instanceof Await x) {
      open(b, "Await", x.pos(), pos);
      opt(b, x.value(), pos);
    } else if (e instanceof NamedExpr x) {
      open(b, "NamedExpr", x.pos(), pos);
      opt(b, x.target(), pos);
      opt(b, x.value(), pos);
    }
    b.append(')');
  }

  static String bigOrLong(Object v) {
    return v instanceof BigInteger bi ? bi.toString() : v.toString();
  }
}
