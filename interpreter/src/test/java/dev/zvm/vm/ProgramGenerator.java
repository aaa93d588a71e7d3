package dev.zvm.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random Python programs inside our language level, for differential tests: each seed gives one
 * program that compiles, terminates within a few thousand loop iterations, and prints what it
 * computes. The generator tracks the type of every name it binds (int, float, str, list of ints,
 * dict of str to int, an instance of the program's class), so most operations are valid; a few
 * statements raise on purpose inside a {@code try} that catches what they raise.
 *
 * <p>Values stay within 64 bits (where Zerynth's ints and CPython's part ways): the operands of a
 * multiplication are reduced modulo a prime, shifts are bounded, and the ints past the small range
 * that some expressions make on purpose (up to 2^49) only meet additions, shifts of a few bits and
 * bitwise operators, which keep them under 2^62.
 * At most two loops nest, each of a few iterations, and a {@code for} over a list walks a copy,
 * so a program's output stays in the hundreds of lines. A name bound inside a nested block is not
 * read after the block (it may be unbound there), and every name is fresh, so no name changes type.
 *
 * <p>What it covers: the operators on each type, comparisons and their fusion with jumps,
 * conditionals, {@code for} over ranges, lists and strs, {@code while} with {@code break} and
 * {@code continue}, calls with positional and keyword arguments, recursion, methods and attributes
 * of instances, list and dict methods, slices, str methods and {@code %} formatting,
 * comprehensions, and exceptions raised and caught, some across calls.
 */
final class ProgramGenerator {
  enum Type { INT, FLOAT, STR, LIST, DICT, BOOL }

  private static final int MOD = 100_003;
  private static final String[] WORDS = {"a", "kalo", "Bc", "x y", "", "zz,z", " q ", "10", "-7", "ab,cd,ab"};

  private final SplittableRandom rnd;
  private final StringBuilder src = new StringBuilder();
  private int indent;
  private int names;
  /** The names readable here, innermost block last; each block's list is dropped when it ends. */
  private final List<List<Var>> scopes = new ArrayList<>();
  private final List<Fn> functions = new ArrayList<>();
  /** Loops we are inside (break and continue are allowed when positive). */
  private int loops;
  /** Statements left to write in this program: bounds its size whatever the dice say. */
  private int budget;

  private record Var(String name, Type type) {}

  /** A generated function: its name, its parameters' types, and what it returns. */
  private record Fn(String name, List<Type> params, Type result) {}

  /** Whether the program starts threads (Zerynth's API: not for CPython). */
  private final boolean threads;

  ProgramGenerator(long seed) {
    this(seed, false);
  }

  /**
   * @param threads whether main also starts two to four threads of random priorities that run
   *     generated statements, sleep, take a lock and append to a shared log, then joins them: the
   *     output then depends on the schedule, which the interpreter and the compiled code must
   *     reproduce exactly under virtual time (they count the same safe points)
   */
  ProgramGenerator(long seed, boolean threads) {
    this.rnd = new SplittableRandom(seed);
    this.threads = threads;
  }

  /**
   * Prints the program of each seed given, to run it under {@code ./zvm run} or CPython; a seed
   * written {@code t17} is seed 17 with threads.
   */
  public static void main(String[] args) {
    for (String seed : args) {
      boolean t = seed.startsWith("t");
      System.out.print(new ProgramGenerator(Long.parseLong(t ? seed.substring(1) : seed), t).program());
    }
  }

  /** The program of this generator's seed. */
  String program() {
    budget = 60 + rnd.nextInt(60);
    if (threads) {
      line("import threading");
      line("LOCK = threading.Lock()");
    }
    line("MOD = " + MOD);
    line("G_INT = " + rnd.nextInt(-50, 50));
    line("G_STR = " + strLiteral());
    line("G_LIST = [" + rnd.nextInt(10) + ", " + rnd.nextInt(10) + ", " + rnd.nextInt(10) + "]");
    line("");
    classDef();
    recursion();
    int n = 1 + rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      function(i);
    }
    if (threads) {
      worker();
    }
    scopes.add(new ArrayList<>());
    scope().add(new Var("G_INT", Type.INT));
    scope().add(new Var("G_STR", Type.STR));
    scope().add(new Var("G_LIST", Type.LIST));
    line("def main():");
    indent++;
    bind(Type.INT, intExpr(1));
    bind(Type.STR, strExpr(1));
    if (threads) {
      startThreads();
    }
    while (budget > 0) {
      statement(0);
    }
    if (threads) {
      line("for t in ts:");
      line("    t.join()");
      line("print('log', log, acc)");
    }
    printAll();
    indent--;
    scopes.remove(scopes.size() - 1);
    line("");
    line("main()");
    return src.toString();
  }

  // ---- top level ----------------------------------------------------------------------------

  private void classDef() {
    line("class Acc:");
    indent++;
    line("def __init__(self, n, tag='t'):");
    line("    self.n = n");
    line("    self.tag = tag");
    line("    self.items = []");
    line("def add(self, x):");
    line("    self.n = (self.n + x) % MOD");
    line("    self.items.append(x)");
    line("    return self.n");
    line("def total(self):");
    line("    return self.n + len(self.items)");
    line("def __str__(self):");
    line("    return '%s:%d/%d' % (self.tag, self.n, len(self.items))");
    indent--;
    line("");
    line("class Acc2(Acc):");
    line("    def add(self, x):");
    line("        return super().add(x * 2) + 1");
    line("");
  }

  private void recursion() {
    line("def rec(n, acc=0):");
    line("    if n <= 0:");
    line("        return acc");
    line("    if n % 5 == 3:");
    line("        try:");
    line("            return rec(n - 1, acc + 100 // (n - 3))");
    line("        except ZeroDivisionError:");
    line("            return rec(n - 2, acc - 1)");
    line("    return rec(n - 1, (acc * 3 + n) % MOD)");
    line("");
    line("def boom(n):");
    line("    if n == 0:");
    line("        raise ValueError('boom')");
    line("    return boom(n - 1) + 1");
    line("");
  }

  private void function(int i) {
    List<Type> params = new ArrayList<>();
    int np = 1 + rnd.nextInt(3);
    for (int k = 0; k < np; k++) {
      params.add(valueType());
    }
    Type result = valueType();
    String name = "f" + i;
    StringBuilder sig = new StringBuilder("def ").append(name).append('(');
    scopes.add(new ArrayList<>());
    for (int k = 0; k < np; k++) {
      String p = "p" + k;
      sig.append(k > 0 ? ", " : "").append(p);
      Type pt = params.get(k);
      if (k == np - 1 && (pt == Type.INT || pt == Type.STR || pt == Type.FLOAT) && rnd.nextInt(3) == 0) {
        sig.append("=").append(literal(pt));
      }
      scope().add(new Var(p, params.get(k)));
    }
    line(sig.append("):").toString());
    indent++;
    int saved = budget;
    budget = 3 + rnd.nextInt(6);
    while (budget > 0) {
      statement(1);
    }
    budget = saved;
    line("return " + expr(result, 2));
    indent--;
    scopes.remove(scopes.size() - 1);
    functions.add(new Fn(name, params, result));
    line("");
  }

  /** The threads' body: generated statements in a loop, a sleep now and then, a locked update. */
  private void worker() {
    line("def worker(k, acc, log):");
    indent++;
    scopes.add(new ArrayList<>(List.of(new Var("k", Type.INT))));
    line("for j in range(2 + k % 3):");
    indent++;
    scope().add(new Var("j", Type.INT));
    line("log.append(k * 10 + j)");
    int saved = budget;
    budget = 1 + rnd.nextInt(4);
    loops++;
    while (budget > 0) {
      statement(1);
    }
    loops--;
    budget = saved;
    line("if j % 2 == k % 2:");
    line("    sleep(" + rnd.nextInt(3) + ")");
    indent--;
    line("LOCK.acquire()");
    line("acc.add(k)");
    line("LOCK.release()");
    line("print('done', k, acc)");
    scopes.remove(scopes.size() - 1);
    indent--;
    line("");
  }

  private void startThreads() {
    line("log = []");
    line("acc = Acc(0, tag='threads')");
    line("ts = []");
    int n = 2 + rnd.nextInt(3);
    for (int k = 0; k < n; k++) {
      line("ts.append(thread(worker, " + k + ", acc, log, prio=" + pick("PRIO_LOW", "PRIO_NORMAL", "PRIO_HIGH") + "))");
    }
  }

  // ---- statements ---------------------------------------------------------------------------

  private void statement(int depth) {
    budget--;
    int pick = rnd.nextInt(depth >= 3 ? 9 : 16);
    switch (pick) {
      case 0, 1, 2 -> bind(valueType(), null);
      case 3 -> augment();
      case 4 -> line("print(" + expr(valueType(), 1) + ", " + expr(valueType(), 1) + ")");
      case 5 -> containerOp();
      case 6 -> objectOp();
      case 7 -> callStatement();
      case 8 -> {
        if (loops > 0 && rnd.nextInt(3) == 0) {
          line("if " + boolExpr(1) + ":");
          line("    " + (rnd.nextBoolean() ? "break" : "continue"));
        } else {
          line("print(" + expr(Type.BOOL, 2) + ")");
        }
      }
      case 9, 10 -> ifStatement(depth);
      case 11 -> loopOr(depth, 0);
      case 12 -> loopOr(depth, 1);
      case 13 -> loopOr(depth, 2);
      case 14 -> tryStatement(depth);
      default -> comprehension();
    }
  }

  private void block(int depth, int statements) {
    indent++;
    scopes.add(new ArrayList<>());
    int n = Math.max(1, Math.min(statements, budget));
    for (int i = 0; i < n; i++) {
      statement(depth + 1);
    }
    scopes.remove(scopes.size() - 1);
    indent--;
  }

  /** {@code x = expr} for a fresh name x of type t; expr given, or made here. */
  private void bind(Type t, String expr) {
    String e = expr != null ? expr : expr(t, 0);
    String name = "v" + names++;
    line(name + " = " + e);
    scope().add(new Var(name, t));
  }

  /**
   * Rebinds a variable of the program's own ({@code v...}: not a loop's, whose counter it could
   * reset) to a value computed from itself, bounded so that a loop cannot make it grow without end.
   */
  private void augment() {
    Var v = any(null);
    if (v == null || !v.name.startsWith("v")) {
      bind(Type.INT, null);
      return;
    }
    switch (v.type) {
      case INT -> line(v.name + " = (" + v.name + " " + pick("+", "-", "*", "^", "|") + " (" + intExpr(1) + " % MOD)) % MOD");
      case FLOAT -> line(v.name + " = (" + v.name + " " + pick("+", "-", "*") + " " + floatExpr(1) + ") % 1000.0");
      case STR -> line(v.name + " = (" + v.name + " + " + strExpr(1) + ")[-12:]");
      case LIST -> line(v.name + " += [" + intExpr(1) + "]");
      case DICT -> line(v.name + "[" + strExpr(1) + "] = " + intExpr(1));
      default -> line("print(" + v.name + ")");
    }
  }

  private void containerOp() {
    Var l = any(Type.LIST);
    Var d = any(Type.DICT);
    int pick = rnd.nextInt(7);
    if (l != null && pick < 4) {
      switch (pick) {
        case 0 -> line(l.name + ".append(" + intExpr(1) + ")");
        case 1 -> {
          line("if " + l.name + ":");
          line("    print(" + l.name + ".pop(), len(" + l.name + "))");
        }
        case 2 -> {
          line(l.name + ".sort()");
          line("print(" + l.name + "[:3], " + l.name + "[-2:], " + l.name + "[::2])");
        }
        default -> {
          line("if " + l.name + ":");
          line("    " + l.name + "[" + intExpr(1) + " % len(" + l.name + ")] = " + intExpr(1));
        }
      }
    } else if (d != null) {
      String k = strExpr(1);
      switch (pick % 3) {
        case 0 -> line(d.name + "[" + k + "] = " + d.name + ".get(" + k + ", 0) + 1");
        case 1 -> line("print(sorted(" + d.name + ".items()), len(" + d.name + "))");
        default -> {
          line("for k" + names + " in sorted(" + d.name + "):");
          line("    print(k" + names + ", " + d.name + "[k" + names + "], k" + names + " in " + d.name + ")");
          names++;
        }
      }
    } else {
      bind(rnd.nextBoolean() ? Type.LIST : Type.DICT, null);
    }
  }

  private void objectOp() {
    String o = "o" + names++;
    line(o + " = " + (rnd.nextBoolean() ? "Acc" : "Acc2") + "(" + intExpr(1)
        + (rnd.nextBoolean() ? ", tag=" + strExpr(1) : "") + ")");
    int n = 1 + rnd.nextInt(3);
    for (int i = 0; i < n; i++) {
      line(o + ".add(" + intExpr(1) + ")");
    }
    line("print(" + o + ", " + o + ".total(), " + o + ".n, " + o + ".items[-1:], str(" + o + "))");
  }

  private void callStatement() {
    if (functions.isEmpty() || rnd.nextInt(4) == 0) {
      line("print(rec(" + rnd.nextInt(12) + "), rec(" + intExpr(1) + " % 9, acc=" + intExpr(1) + "))");
      return;
    }
    Fn f = functions.get(rnd.nextInt(functions.size()));
    line("print(" + call(f, 1) + ")");
  }

  private String call(Fn f, int depth) {
    StringBuilder c = new StringBuilder(f.name).append('(');
    for (int k = 0; k < f.params.size(); k++) {
      c.append(k > 0 ? ", " : "");
      if (k == f.params.size() - 1 && k > 0 && rnd.nextBoolean()) {
        c.append("p").append(k).append('=');
      }
      c.append(expr(f.params.get(k), depth + 1));
    }
    return c.append(')').toString();
  }

  private void ifStatement(int depth) {
    line("if " + boolExpr(1) + ":");
    block(depth, 1 + rnd.nextInt(3));
    if (rnd.nextBoolean()) {
      line("elif " + boolExpr(1) + ":");
      block(depth, 1 + rnd.nextInt(2));
    }
    if (rnd.nextBoolean()) {
      line("else:");
      block(depth, 1 + rnd.nextInt(2));
    }
  }

  /** A loop of the given kind, unless two are open already (then an if): output stays small. */
  private void loopOr(int depth, int kind) {
    if (loops >= 2) {
      ifStatement(depth);
    } else if (kind == 0) {
      forRange(depth);
    } else if (kind == 1) {
      forEach(depth);
    } else {
      whileLoop(depth);
    }
  }

  private void forRange(int depth) {
    String i = "i" + names++;
    line("for " + i + " in range(" + pick("", "1, ", "-2, ") + (1 + rnd.nextInt(5)) + "):");
    loopBody(depth, new Var(i, Type.INT));
  }

  private void forEach(int depth) {
    String x = "e" + names++;
    if (rnd.nextBoolean()) {
      // over a copy: the body may append to the list it came from
      line("for " + x + " in " + listExpr(1) + "[:]:");
      loopBody(depth, new Var(x, Type.INT));
    } else {
      line("for " + x + " in " + strExpr(1) + ":");
      loopBody(depth, new Var(x, Type.STR));
    }
  }

  private void whileLoop(int depth) {
    String w = "w" + names++;
    line(w + " = 0");
    line("while " + w + " < " + (1 + rnd.nextInt(5)) + ":");
    line("    " + w + " += 1");
    loopBody(depth, new Var(w, Type.INT));
  }

  private void loopBody(int depth, Var loopVar) {
    loops++;
    indent++;
    scopes.add(new ArrayList<>(List.of(loopVar)));
    int n = Math.max(1, Math.min(1 + rnd.nextInt(3), budget));
    for (int k = 0; k < n; k++) {
      statement(depth + 1);
    }
    scopes.remove(scopes.size() - 1);
    indent--;
    loops--;
  }

  private void tryStatement(int depth) {
    line("try:");
    indent++;
    scopes.add(new ArrayList<>());
    statement(depth + 1);
    line(risky());
    scopes.remove(scopes.size() - 1);
    indent--;
    String e = "x" + names++;
    line("except (IndexError, KeyError) as " + e + ":");
    line("    print('lookup', " + e + ")");
    line("except ZeroDivisionError:");
    line("    print('zero')");
    line("except (ValueError, TypeError, AttributeError) as " + e + ":");
    line("    print(" + e + ".__class__.__name__)");
    if (rnd.nextBoolean()) {
      line("else:");
      line("    print('no raise')");
    }
    if (rnd.nextBoolean()) {
      line("finally:");
      line("    print('finally')");
    }
  }

  /** A statement that may raise, depending on values. */
  private String risky() {
    return switch (rnd.nextInt(9)) {
      case 0 -> "print(" + intExpr(1) + " // (" + intExpr(1) + " % 3))";
      case 1 -> "print(" + listExpr(1) + "[" + intExpr(1) + " % 7])";
      case 2 -> "print({'a': 1, 'kalo': 2}[" + strExpr(1) + "])";
      case 3 -> "print(int(" + strExpr(1) + "))";
      case 4 -> "print(" + floatExpr(1) + " / (" + intExpr(1) + " % 2))";
      case 5 -> "print(boom(" + rnd.nextInt(5) + "))";
      case 6 -> "print(" + strExpr(1) + ".index(" + strExpr(1) + "))";
      case 7 -> "print(" + intExpr(1) + " + " + pick("'s'", "None", "[]") + ")";
      default -> "print(Acc(1).missing)";
    };
  }

  private void comprehension() {
    String x = "c" + names++;
    switch (rnd.nextInt(3)) {
      case 0 -> bind(Type.LIST, "[" + x + " * 2 % MOD for " + x + " in " + listExpr(1) + " if " + x + " % 3 != 1]");
      case 1 -> bind(Type.DICT, "{" + x + ": len(" + x + ") for " + x + " in " + strExpr(1) + ".split(',')}");
      default -> bind(Type.LIST, "[len(" + x + ") for " + x + " in [" + strExpr(1) + ", " + strExpr(1) + "]]");
    }
  }

  private void printAll() {
    StringBuilder p = new StringBuilder("print(");
    boolean first = true;
    for (List<Var> s : scopes) {
      for (Var v : s) {
        p.append(first ? "" : ", ").append(v.type == Type.DICT ? "sorted(" + v.name + ".items())" : v.name);
        first = false;
      }
    }
    line(p.append(")").toString());
  }

  // ---- expressions --------------------------------------------------------------------------

  private String expr(Type t, int depth) {
    return switch (t) {
      case INT -> intExpr(depth);
      case FLOAT -> floatExpr(depth);
      case STR -> strExpr(depth);
      case LIST -> listExpr(depth);
      case DICT -> dictExpr(depth);
      case BOOL -> boolExpr(depth);
    };
  }

  private String intExpr(int depth) {
    Var v = any(Type.INT);
    if (depth >= 3 || rnd.nextInt(3) == 0) {
      return v != null && rnd.nextBoolean() ? v.name : Integer.toString(rnd.nextInt(-20, 100));
    }
    String a = intExpr(depth + 1);
    String b = intExpr(depth + 1);
    return switch (rnd.nextInt(20)) {
      case 0 -> "(" + a + " + " + b + ")";
      case 1 -> "(" + a + " - " + b + ")";
      case 2 -> "(" + a + " % MOD * (" + b + " % MOD) % MOD)";
      case 3 -> "(" + a + " // (" + b + " % 7 + 1))";
      case 4 -> "(" + a + " % (" + b + " % 11 + 1))";
      case 5 -> "(" + a + " " + pick("&", "|", "^") + " " + b + ")";
      case 6 -> "(" + a + " " + pick("<<", ">>") + " (" + b + " % 5))";
      case 7 -> "(-" + a + ")";
      case 8 -> "abs(" + a + ")";
      case 9 -> "len(" + (rnd.nextBoolean() ? strExpr(depth + 1) : listExpr(depth + 1)) + ")";
      case 10 -> "int(" + floatExpr(depth + 1) + " % 1000000.0)";
      case 11 -> pick("min", "max") + "(" + a + ", " + b + ")";
      case 12 -> "(" + a + " if " + boolExpr(depth + 1) + " else " + b + ")";
      case 13 -> "sum(" + listExpr(depth + 1) + ")";
      case 14 -> "(" + listExpr(depth + 1) + " + [" + a + "])[" + b + " % 2 - 1]";
      case 15 -> "Acc(" + a + ").add(" + b + ")";
      case 16 -> "(" + strExpr(depth + 1) + " + 'z').count(" + pick("'a'", "'z'", "','") + ")";
      // ints past the small range (boxed), through chains whose temporaries share one box
      case 17 -> "((" + a + " % 1000003 * 1103515245 + 12345) & 0xFFFFFFFFFF)";
      case 18 -> "((" + a + " % 65536 << 33) - " + b + ") // " + pick("7", "-3", "(1 << 20)");
      default -> callOf(Type.INT, depth, a);
    };
  }

  private String floatExpr(int depth) {
    Var v = any(Type.FLOAT);
    if (depth >= 3 || rnd.nextInt(3) == 0) {
      return v != null && rnd.nextBoolean() ? v.name : pick("0.5", "1.25", "-2.0", "3.0", "0.1", "1e3", "2.5e-3");
    }
    String a = floatExpr(depth + 1);
    String b = floatExpr(depth + 1);
    return switch (rnd.nextInt(9)) {
      case 0 -> "(" + a + " + " + b + ")";
      case 1 -> "(" + a + " - " + b + ")";
      case 2 -> "(" + a + " * " + b + ")";
      case 3 -> "(" + a + " / (" + b + " * " + b + " + 1.0))";
      case 4 -> "(" + intExpr(depth + 1) + " * " + a + ")";
      case 5 -> "float(" + intExpr(depth + 1) + ")";
      case 6 -> "abs(" + a + ")";
      case 7 -> "(" + a + " if " + a + " < " + b + " else " + b + " + 0.5)";
      default -> callOf(Type.FLOAT, depth, a);
    };
  }

  private String strExpr(int depth) {
    Var v = any(Type.STR);
    if (depth >= 3 || rnd.nextInt(3) == 0) {
      return v != null && rnd.nextBoolean() ? v.name : strLiteral();
    }
    String a = strExpr(depth + 1);
    return switch (rnd.nextInt(14)) {
      case 0 -> "(" + a + " + " + strExpr(depth + 1) + ")";
      case 1 -> "(" + a + " * (" + intExpr(depth + 1) + " % 3))";
      case 2 -> a + "." + pick("upper", "lower", "strip") + "()";
      case 3 -> a + ".replace(" + pick("'a'", "','", "' '") + ", " + pick("'-'", "''", "'AB'") + ")";
      case 4 -> "str(" + intExpr(depth + 1) + ")";
      case 5 -> "('%d-%s' % (" + intExpr(depth + 1) + ", " + a + "))";
      case 6 -> a + "[" + intExpr(depth + 1) + " % 4:" + pick("", "5", "-1") + "]";
      case 7 -> "','.join(" + a + ".split(" + pick("','", "") + "))";
      case 8 -> "str(" + floatExpr(depth + 1) + ")";
      case 9 -> "'|'.join([str(y) for y in " + listExpr(depth + 1) + "])";
      case 10 -> "(" + a + " if " + boolExpr(depth + 1) + " else " + strExpr(depth + 1) + ")";
      case 11 -> "f\"{" + intExpr(3) + "}:{" + strExpr(3) + "!r}\"";
      case 12 -> "repr(" + a + ")";
      default -> callOf(Type.STR, depth, a);
    };
  }

  private String listExpr(int depth) {
    Var v = any(Type.LIST);
    if (depth >= 3 || rnd.nextInt(3) == 0) {
      if (v != null && rnd.nextBoolean()) {
        return v.name;
      }
      return "[" + rnd.nextInt(9) + ", " + rnd.nextInt(-5, 5) + ", " + rnd.nextInt(50) + "]";
    }
    String a = listExpr(depth + 1);
    return switch (rnd.nextInt(7)) {
      case 0 -> "(" + a + " + " + listExpr(depth + 1) + ")";
      case 1 -> a + "[" + intExpr(depth + 1) + " % 3:]";
      case 2 -> "sorted(" + a + ")";
      case 3 -> "list(range(" + intExpr(depth + 1) + " % 6))";
      case 4 -> "[y % 10 for y in " + a + "]";
      case 5 -> "[" + intExpr(depth + 1) + ", " + intExpr(depth + 1) + "]";
      default -> callOf(Type.LIST, depth, a);
    };
  }

  private String dictExpr(int depth) {
    Var v = any(Type.DICT);
    if (v != null && rnd.nextBoolean()) {
      return "dict(" + v.name + ")";
    }
    return "{" + strExpr(depth + 1) + ": " + intExpr(depth + 1) + ", 'k': " + intExpr(depth + 1) + "}";
  }

  private String boolExpr(int depth) {
    if (depth >= 3) {
      return "(" + intExpr(depth) + " " + pick("<", "<=", ">", ">=", "==", "!=") + " " + intExpr(depth) + ")";
    }
    return switch (rnd.nextInt(9)) {
      case 0, 1 -> "(" + intExpr(depth + 1) + " " + pick("<", "<=", ">", ">=", "==", "!=") + " " + intExpr(depth + 1) + ")";
      case 2 -> "(" + floatExpr(depth + 1) + " " + pick("<", "<=", ">", ">=", "==", "!=") + " " + floatExpr(depth + 1) + ")";
      case 3 -> "(" + strExpr(depth + 1) + " " + pick("<", "==", "!=", ">=") + " " + strExpr(depth + 1) + ")";
      case 4 -> "(" + intExpr(depth + 1) + " in " + listExpr(depth + 1) + ")";
      case 5 -> "(" + strExpr(depth + 1) + " " + pick("in", "not in") + " " + strExpr(depth + 1) + ")";
      case 6 -> "(" + boolExpr(depth + 1) + " " + pick("and", "or") + " " + boolExpr(depth + 1) + ")";
      case 7 -> "(not " + boolExpr(depth + 1) + ")";
      default -> "(0 <= " + intExpr(depth + 1) + " < 50)";
    };
  }

  /** A call of a generated function returning {@code t}, else {@code otherwise}. */
  private String callOf(Type t, int depth, String otherwise) {
    if (depth >= 2) {
      return otherwise;
    }
    for (Fn f : functions) {
      if (f.result == t && rnd.nextBoolean()) {
        return call(f, depth);
      }
    }
    return otherwise;
  }

  /** A default value for a parameter of type t (int, float or str). */
  private String literal(Type t) {
    return switch (t) {
      case INT -> Integer.toString(rnd.nextInt(-9, 99));
      case FLOAT -> "0.75";
      default -> strLiteral();
    };
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** A type for a variable, a parameter or a result (no bools: they are ints in disguise). */
  private Type valueType() {
    int r = rnd.nextInt(10);
    return r < 4 ? Type.INT : r < 6 ? Type.FLOAT : r < 8 ? Type.STR : r < 9 ? Type.LIST : Type.DICT;
  }

  /** A readable name of type t (any type if null), or null if there is none. */
  private Var any(Type t) {
    List<Var> found = new ArrayList<>();
    for (List<Var> s : scopes) {
      for (Var v : s) {
        if (t == null || v.type == t) {
          found.add(v);
        }
      }
    }
    if (found.isEmpty()) {
      return null;
    }
    return found.get(rnd.nextInt(found.size()));
  }

  private List<Var> scope() {
    return scopes.get(scopes.size() - 1);
  }

  private String strLiteral() {
    String w = WORDS[rnd.nextInt(WORDS.length)];
    return "'" + w + "'";
  }

  private String pick(String... options) {
    return options[rnd.nextInt(options.length)];
  }

  private void line(String s) {
    src.append("    ".repeat(indent)).append(s).append('\n');
  }
}
