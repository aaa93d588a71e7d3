package dev.zvm.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The baseline compiler. Every program the interpreter's tests run through {@link Py#out} already
 * runs compiled as well; these are the compiler's own edges: what it refuses, the opcode count,
 * safe points and preemption inside compiled loops, and raises from compiled code.
 */
class JitTest {

  /** Runs {@code source} interpreted and with every code object compiled at its first run. */
  private static Py.Run both(String source) {
    Py.Run interpreted = Py.run(source, Vm.builder().jitThreshold(0));
    Py.Run compiled = Py.run(source, Vm.builder().jitThreshold(1).compileInBackground(false));
    assertEquals(Py.rendered(interpreted), Py.rendered(compiled));
    assertEquals(interpreted.vm().stats().opcodes(), compiled.vm().stats().opcodes(), "opcodes executed");
    assertEquals(0, interpreted.vm().stats().compiledCodes());
    return compiled;
  }

  /** {@link #both}, and again with a quantum of 3 safe points, so that budgets run out every few calls. */
  private static Py.Run bothAlsoAtATinyQuantum(String source) {
    both(source);
    Py.Run interpreted = Py.run(source, Vm.builder().jitThreshold(0).quantum(3));
    Py.Run compiled = Py.run(source, Vm.builder().jitThreshold(1).compileInBackground(false).quantum(3));
    assertEquals(Py.rendered(interpreted), Py.rendered(compiled));
    assertEquals(interpreted.vm().stats().opcodes(), compiled.vm().stats().opcodes(), "opcodes executed");
    return compiled;
  }

  /**
   * Runs the program made of {@code lines} as {@link #bothAlsoAtATinyQuantum} does, and checks that
   * it printed {@code expected} (CPython 3.11's output, for the tests that use it).
   */
  private static void printsAtEveryTier(String expected, String... lines) {
    assertEquals(expected, Py.rendered(bothAlsoAtATinyQuantum(String.join("\n", lines) + "\n")));
  }

  /** {@link #both} for a program with threads, under virtual time: the same output and schedule. */
  private static ThreadsTest.Out bothThreaded(String source) {
    ThreadsTest.Out interpreted = ThreadsTest.run(source, ThreadsTest.virtual().jitThreshold(0));
    ThreadsTest.Out compiled = ThreadsTest.run(source, ThreadsTest.virtual().jitThreshold(1).compileInBackground(false));
    assertEquals(interpreted.out(), compiled.out());
    assertEquals(interpreted.vm().stats().opcodes(), compiled.vm().stats().opcodes(), "opcodes executed");
    return compiled;
  }

  @Test
  void loopsAndArithmeticCountEveryOpcode() {
    Py.Run r = both(String.join("\n",
        "def f(n):",
        "    i = 0",
        "    s = 0",
        "    while i < n:",
        "        s += i * 2 - 1",
        "        if s > 1000 and i % 3 == 0 or s is None:",
        "            s -= 1000",
        "        i += 1",
        "    return s",
        "print(f(10), f(100000))",
        "x = 0.5",
        "for k in range(5):",
        "    x = x * 1.5 + k",
        "print(x, -x, ~7, not True, not 3 < 2)",
        "t = (1, 2, 3)",
        "print([a for a in t], sum(t), t[1:], t[-1])",
        ""));
    assertTrue(r.vm().stats().compiledCodes() >= 3, "the module, f and the comprehension at least");
  }

  /**
   * A call or a return into a frame of the same code object goes on in the same compiled
   * invocation (no trip through execute); when that invocation then stops, the pc it returns is
   * one of another frame than it was given (-3 - pc). Deep self-recursion, recursion through a
   * constructor and through another function, a raise from deep inside, and budgets that run out
   * at every few calls (a tiny quantum) must compute and count as the interpreter does.
   */
  @Test
  void recursionRunsOnInOneCompiledInvocation() {
    String src = String.join("\n",
        "def t(d):",
        "    if d == 0:",
        "        return 1",
        "    x = t(d - 1)",
        "    y = t(d - 1)",
        "    return x + y",
        "class Node:",
        "    def __init__(self, l, r):",
        "        self.l = l",
        "        self.r = r",
        "def tree(d):",
        "    return Node(None, None) if d == 0 else Node(tree(d - 1), tree(d - 1))",
        "def size(n):",
        "    return 1 if n.l is None else 1 + size(n.l) + size(n.r)",
        "def even(n):",
        "    return True if n == 0 else odd(n - 1)",
        "def odd(n):",
        "    return False if n == 0 else even(n - 1)",
        "def boom(d):",
        "    if d == 0:",
        "        raise ValueError('at the bottom')",
        "    return boom(d - 1) + 1",
        "print([t(k) for k in range(13)], size(tree(9)), even(300), odd(301))",
        "try:",
        "    boom(50)",
        "except ValueError as e:",
        "    print('caught', e)",
        "");
    Py.Run compiled = bothAlsoAtATinyQuantum(src);
    assertTrue(Py.rendered(compiled).startsWith("[1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096] 1023 True True"));
  }

  /**
   * A call from compiled code into another compiled code object runs the callee from the call site
   * (Interpreter#directCallee): the callee returns into the caller's method, or stops at an
   * instruction that execute must run (a dict display, a keyword call), raises through it to a
   * handler of the caller, or runs a chain of distinct functions deeper than
   * {@link Interpreter#MAX_DIRECT_FRAMES}, past which calls go through execute again. Budgets that
   * run out every few calls (a tiny quantum) and a thread that sleeps inside a direct callee must
   * compute, count and interleave as the interpreter does.
   */
  @Test
  void callsBetweenCompiledFunctionsRunFromTheCallSite() {
    StringBuilder chain = new StringBuilder();
    int deep = Interpreter.MAX_DIRECT_FRAMES + 8;
    for (int i = 0; i < deep; i++) {
      chain.append("def c").append(i).append("(x):\n    return ")
          .append(i + 1 < deep ? "c" + (i + 1) + "(x + 1) + 1" : "x * 2").append("\n");
    }
    String src = chain + String.join("\n",
        "def leaf(x):",
        "    return x + 1",
        "def shape(x):",
        "    d = {'x': x}",
        "    return d['x'] + leaf(x)",
        "def kw(a, b=2):",
        "    return a * b",
        "def picky(x):",
        "    if x % 5 == 0:",
        "        raise ValueError(x)",
        "    return leaf(x)",
        "def careful(x):",
        "    try:",
        "        return picky(x)",
        "    except ValueError as e:",
        "        return -e.args[0]",
        "class P:",
        "    def __init__(self, v):",
        "        self.v = leaf(v)",
        "    def get(self, k):",
        "        return self.v + kw(k, b=3) + careful(k)",
        "def main(n):",
        "    s = 0",
        "    for i in range(n):",
        "        s += leaf(i) + shape(i) + careful(i) + P(i).get(i) + c0(i)",
        "    return s",
        "print(main(200))",
        "");
    bothAlsoAtATinyQuantum(src);
    String threaded = String.join("\n",
        "import threading",
        "log = []",
        "def nap(name, k):",
        "    sleep(2)",
        "    log.append((name, k))",
        "    return k",
        "def step(name, k):",
        "    return nap(name, k) + 1",
        "def worker(name):",
        "    s = 0",
        "    for k in range(6):",
        "        s += step(name, k)",
        "    log.append((name, s))",
        "t = threading.Thread(target=worker, args=('w',))",
        "t.start()",
        "worker('m')",
        "t.join()",
        "print(log)",
        "");
    ThreadsTest.Out fast = bothThreaded(threaded);
    assertTrue(fast.out().contains("('m', 21)") && fast.out().contains("('w', 21)"), fast.out());
  }

  /**
   * A native that parks the thread (sleep, a lock) deep inside a recursion that the compiled code
   * ran on in one invocation: the park is counted against the frame the thread is in, and the
   * thread resumes there; two threads interleave by virtual time exactly as interpreted.
   */
  @Test
  void aParkDeepInACompiledRecursionResumesInItsOwnFrame() {
    String src = String.join("\n",
        "import threading",
        "log = []",
        "def walk(name, d):",
        "    if d == 0:",
        "        sleep(3)",
        "        log.append(name)",
        "        return 1",
        "    return walk(name, d - 1) + walk(name, d - 1)",
        "def worker():",
        "    log.append(('worker', walk('w', 3)))",
        "t = threading.Thread(target=worker)",
        "t.start()",
        "log.append(('main', walk('m', 3)))",
        "t.join()",
        "print(log)",
        "");
    ThreadsTest.Out compiled = bothThreaded(src);
    assertTrue(compiled.out().contains("('main', 8)") && compiled.out().contains("('worker', 8)"), compiled.out());
  }

  /**
   * Compiled code drops the unbound-local test where a local is bound on every path
   * (Jit#boundLocals), and keeps it where one path leaves it unbound: a branch that skips the
   * store, a del, a raise before the store that a handler catches, a del inside a loop that the
   * next iteration undoes. Each must raise UnboundLocalError, or not, as the interpreter does.
   */
  @Test
  void unboundLocalsRaiseInCompiledCodeWhereSomePathLeavesThemUnbound() {
    String out = Py.rendered(both(String.join("\n",
        "def maybe(flag):",
        "    if flag:",
        "        y = 1",
        "    return y",
        "def deleted():",
        "    x = 1",
        "    del x",
        "    return x",
        "def caught(k):",
        "    try:",
        "        if k:",
        "            raise ValueError()",
        "        z = 5",
        "    except ValueError:",
        "        return z",
        "    return z",
        "def again(n):",
        "    s = 0",
        "    for i in range(n):",
        "        s += i",
        "        if i == 3:",
        "            del i",
        "    return s",
        "def params(a, b=2, *rest, c=3, **kw):",
        "    d = a",
        "    return a + b + c + d + len(rest) + len(kw)",
        "for f, arg in [(maybe, True), (maybe, False), (deleted, None), (caught, 0), (caught, 1), (again, 6)]:",
        "    try:",
        "        print(f(arg) if arg is not None else f())",
        "    except UnboundLocalError as e:",
        "        print('unbound', f.__name__)",
        "    except NameError as e:",
        "        print('name', f.__name__)",
        "print(params(1), params(1, 5, 6, 7, c=1, q=2))",
        "")));
    assertEquals("1\nunbound maybe\nunbound deleted\n5\nunbound caught\n15\n7 11\n", out); // CPython 3.11's
  }

  /**
   * {@code * // %} of two small ints, which Interpreter#binaryOp computes itself (in a long, with
   * Python's floor division and modulo) where the result stays small, and hands to arith otherwise:
   * signs, the edges of the small range, results past it, and zero divisors, as CPython 3.11 prints.
   */
  @Test
  void smallIntMultiplyDivideAndModulo() {
    String out = Py.rendered(both(String.join("\n",
        "def table(vals):",
        "    out = []",
        "    for x in vals:",
        "        for y in vals:",
        "            out.append(x * y)",
        "            if y != 0:",
        "                out.append(x // y)",
        "                out.append(x % y)",
        "    return out",
        "out = table([0, 1, -1, 7, -7, 3, -3, 32768, -32768, 1073741823, -1073741824])",
        "print(sum(out), len(out), out[20:40], out[-6:])",
        "try:",
        "    print(5 // 0)",
        "except ZeroDivisionError as e:",
        "    print('zd', e)",
        "try:",
        "    print(5 % 0)",
        "except ZeroDivisionError as e:",
        "    print('zm', e)",
        "")));
    assertEquals("1073774560 341 [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, -1, -1, 0, 7, 0]"
        + " [-1152921503533105152, -2, 1073741822, 1152921504606846976, 1, 0]\n"
        + "zd integer division or modulo by zero\nzm integer modulo by zero\n", out);
  }

  /**
   * Comparisons and {@code + - *} of small ints, floats (signed zeros, infinities, NaN), ints past
   * small and strs, in a loop nested in another: the inner loop's sites inline Interpreter#truth
   * and #binaryOp, the outer loop's call #binaryOpAway and #addSubAway (see Jit#innermost). The
   * expected output is CPython 3.11's.
   */
  @Test
  void comparisonsAndArithmeticInInnerAndOuterLoopsAgreeWithCPython() {
    String out = Py.rendered(both(String.join("\n",
        "def grid(vals):",
        "    out = []",
        "    for a in vals:",
        "        row = a + a",
        "        diff = a - 1",
        "        prod = a * 2.5",
        "        quot = a / 4",
        "        out.append((row, diff, prod, quot, a < 1, a <= 1.0, a == 0, a != 0.0, a > -1, a >= 2.5))",
        "        for b in vals:",
        "            out.append((a < b, a <= b, a == b, a != b, a > b, a >= b, a + b, a - b, a * b))",
        "    return out",
        "vals = [0, 1, -3, 2.5, -0.0, float('nan'), float('inf'), -float('inf'), 1073741823, -1073741824, 10 ** 9, 'x']",
        "try:",
        "    grid(vals)",
        "except TypeError as e:",
        "    print('TypeError', e)",
        "out = grid(vals[:-1])",
        "print(len(out))",
        "for r in out[:13] + out[60:72]:",
        "    print(r)",
        "print(['a' == 'a', 'a' != 'b', 'ab' == 'a' + 'b', 'x' < 'y', 'b' == 'c'])",
        "")));
    assertEquals("TypeError '<' not supported between instances of 'int' and 'str'\n"
        + "132\n"
        + "(0, -1, 0.0, 0.0, True, True, True, False, True, False)\n"
        + "(False, True, True, False, False, True, 0, 0, 0)\n"
        + "(True, True, False, True, False, False, 1, -1, 0)\n"
        + "(False, False, False, True, True, True, -3, 3, 0)\n"
        + "(True, True, False, True, False, False, 2.5, -2.5, 0.0)\n"
        + "(False, True, True, False, False, True, 0.0, 0.0, -0.0)\n"
        + "(False, False, False, True, False, False, nan, nan, nan)\n"
        + "(True, True, False, True, False, False, inf, -inf, nan)\n"
        + "(False, False, False, True, True, True, -inf, inf, nan)\n"
        + "(True, True, False, True, False, False, 1073741823, -1073741823, 0)\n"
        + "(False, False, False, True, True, True, -1073741824, 1073741824, 0)\n"
        + "(True, True, False, True, False, False, 1000000000, -1000000000, 0)\n"
        + "(2, 0, 2.5, 0.25, False, True, False, True, True, False)\n"
        + "(nan, nan, nan, nan, False, False, False, True, False, False)\n"
        + "(False, False, False, True, False, False, nan, nan, nan)\n"
        + "(False, False, False, True, False, False, nan, nan, nan)\n"
        + "(False, False, False, True, False, False, nan, nan, nan)\n"
        + "(False, False, False, True, False, False, nan, nan, nan)\n"
        + "(False, False, False, True, False, False, nan, nan, nan)\n"
        + "(False, False, False, True, False, False, nan, nan, nan)\n"
        + "(False, False, False, True, False, False, nan, nan, nan)\n"
        + "(False, False, False, True, False, False, nan, nan, nan)\n"
        + "(False, False, False, True, False, False, nan, nan, nan)\n"
        + "(False, False, False, True, False, False, nan, nan, nan)\n"
        + "(False, False, False, True, False, False, nan, nan, nan)\n"
        + "[True, True, True, True, False]\n", out);
  }

  /**
   * Locals that own their float box, which the next operator stored to them writes into instead of
   * allocating (Jit#ownedLocals): a box that escaped through a dunder method (a comparison and an
   * addition that Python code answers, which keeps its operand) is never written again, nor a box
   * a frame of the same function got as its argument (a recursive call: the frame goes on in the same
   * JVM invocation), nor one a native call kept (list.append: that local never owns a box), nor is
   * a local's value lost when the operator raises. CPython 3.11's output.
   */
  @Test
  void localsOwningTheirFloatBoxesNeverChangeABoxThatEscaped() {
    printsAtEveryTier("[150.0, 3812.5, 2.9999847412109375, 32.00001525878906, 0.5, [70.5, 72.0, 72.0, 73.5, 73.5, 75.0], 100]\n"
        + "[21.0, 82.25, 1.75, 4.25, 0.5, [6.0, 7.5, 7.5, 9.0, 9.0, 10.5], 14]\n"
        + "4.25 [1.0, 2.0, 3.0, 4.0]\n"
        + "[1.0, 1.0, 4.0, 4.0, 10.0, 10.0, 22.0, 22.0]\n",
        "class Keeper:",
        "    def __init__(self):",
        "        self.kept = []",
        "    def __gt__(self, other):",
        "        self.kept.append(other)",
        "        return False",
        "    def __radd__(self, other):",
        "        self.kept.append(other)",
        "        return 0.5",
        "def run(n):",
        "    k = Keeper()",
        "    a = 1.5",
        "    p = 0.0",
        "    s = 0.0",
        "    t = 1.0",
        "    u = 0.0",
        "    i = 0",
        "    while i < n:",
        "        p = a * i",
        "        if p < k:",
        "            u = u - 1.0",
        "        p = a * (i + 1)",
        "        q = p + k",
        "        p = p * 2.0",
        "        s = s + p",
        "        s = s - 0.25",
        "        try:",
        "            t = (t + 1.0) / (i % 3)",
        "        except ZeroDivisionError:",
        "            u = u + t",
        "        i += 1",
        "    return [p, s, t, u, q, k.kept[-6:], len(k.kept)]",
        "print(run(50))",
        "print(run(7))",
        "def f(v, depth, keep):",
        "    v = v * 1.0 + 0.5",
        "    v = v * 2.0",
        "    w = v + 0.25",
        "    if depth > 0:",
        "        f(keep[depth], depth - 1, keep)",
        "    v = v * 3.0",
        "    return w + v",
        "keep = [1.0, 2.0, 3.0, 4.0]",
        "print(f(0.0, 3, keep), keep)",
        "def g(n):",
        "    out = []",
        "    x = 0.5",
        "    i = 0",
        "    while i < n:",
        "        x = x * 2.0",
        "        out.append(x)",
        "        y = x",
        "        x = x + 1.0",
        "        y = y * 1.0",
        "        out.append(y)",
        "        i += 1",
        "    return out",
        "print(g(4))");
  }


  /**
   * Float statements, compiled as one block in the JVM's doubles (Jit#floatStatement): operators
   * in every combination, in-place, int constants, infinities, NaN, signed zeros and overflow; ints
   * in the locals, small and boxed (the block falls back to the statement's instructions); a
   * zero divisor, +0.0 and -0.0, which must raise as the full way does; and a constant too large
   * for the block. CPython 3.11's output, compiled and interpreted, also at a tiny quantum.
   */
  @Test
  void floatStatementsComputeWhatPythonComputes() {
    printsAtEveryTier("[[-0.171875, 0.15625, 0.010416666666666664, -0.0, 0.75, 0.0, 4.5], [1.671875, -0.15625, 3.1145833333333335, -0.0, 1.25, 0.0, 11.5], [3.515625, -0.46875, 14.21875, -0.0, 1.75, 0.0, 18.5]]\n"
        + "[[9.25, -1.5, 100.5, -0.0, 0.6666666666666666, 0, 5], [13.0, 0.0, 169.0, -0.0, 1.0, 0, 12.0]]\n"
        + "[[2952790016.625, 1610612735.25, 4.611686022185484e+18, -0.0, 2147483648.0, 0, 15032385533]]\n"
        + "[[7.84375, -0.3125, 64.10416666666667, -0.0, 0.8333333333333334, 0.0, 8.5], [11.15625, 0.3125, 120.89583333333333, -0.0, 1.1666666666666667, 0.0, 15.5]]\n"
        + "[[nan, nan, nan, nan, inf, nan, inf], [nan, nan, nan, nan, inf, nan, inf]]\n"
        + "[[inf, inf, nan, -0.0, inf, 0.0, inf], [inf, inf, nan, -0.0, inf, 0.0, inf]]\n"
        + "ZeroDivisionError float division by zero\n"
        + "ZeroDivisionError float division by zero\n"
        + "[24691357802468.0, 3.0] [37037036703702, 4]\n",
        "def stmts(a, b, c, n):",
        "    out = []",
        "    k = 0",
        "    while k < n:",
        "        x = a * b + c",
        "        y = (a - b) * (c + 2.0) / 4",
        "        z = x * x - y / 3.0",
        "        x += y * 0.5",
        "        w = -0.0 * a",
        "        v = a / b",
        "        u = c - c",
        "        t = a * 7 - b * 3",
        "        out.append([x, y, z, w, v, u, t])",
        "        a = a + 1.0",
        "        k += 1",
        "    return out",
        "print(stmts(1.5, 2.0, -3.25, 3))",
        "print(stmts(2, 3, 4, 2))",
        "print(stmts(2 ** 31, 1, 1, 1))",
        "print(stmts(2.5, 3, 0.5, 2))",
        "print(stmts(float('inf'), 2.0, float('nan'), 2))",
        "print(stmts(1e308, 1e-308, 1e308, 2))",
        "for zero in [0.0, -0.0]:",
        "    try:",
        "        print(stmts(1.0, zero, 1.0, 2))",
        "    except ZeroDivisionError as e:",
        "        print('ZeroDivisionError', e)",
        "def big(a):",
        "    r = a * 12345678901234",
        "    s = a + 1",
        "    return [r, s]",
        "print(big(2.0), big(3))");
  }


  /**
   * Comparisons of float expressions that a conditional jump tests, compiled with them as one block
   * in doubles: every operator, {@code if}, {@code if not} and {@code while}, NaN on either
   * side (only {@code !=} holds), signed zeros, infinities, ints small and boxed (the block falls
   * back), and a zero divisor. CPython 3.11's output.
   */
  @Test
  void floatComparisonsJumpAsPythonCompares() {
    printsAtEveryTier("[['lt', 'le', 'ne', 'not ge'], ['lt', 'le', 'eq', 'not ge'], ['le', 'ne', 'not ge']]\n"
        + "[['le', 'eq'], ['ne', 'gt'], ['ne', 'gt']]\n"
        + "[['ne', 'not ge'], ['ne', 'not ge'], ['ne', 'not ge']]\n"
        + "[['ne', 'not ge'], ['ne', 'not ge'], ['ne', 'not ge']]\n"
        + "[['lt', 'le', 'ne', 'not ge'], ['lt', 'le', 'eq', 'not ge'], ['lt', 'le', 'ne', 'not ge']]\n"
        + "[['lt', 'le', 'ne', 'not ge'], ['lt', 'le', 'ne', 'not ge'], ['lt', 'le', 'ne', 'not ge']]\n"
        + "[['ne', 'gt'], ['ne', 'gt'], ['ne', 'gt']]\n"
        + "[['ne'], ['eq', 'gt'], ['ne', 'gt']] 1 0\n"
        + "ZeroDivisionError float division by zero\n"
        + "ZeroDivisionError float division by zero\n"
        + "21 0 0 3\n",
        "def cmps(a, b, c):",
        "    out = []",
        "    k = 0",
        "    while k < 3:",
        "        r = []",
        "        if a + b < c * 2.0:",
        "            r.append('lt')",
        "        if a + b <= c * 2.0:",
        "            r.append('le')",
        "        if a * 1.0 == b - 0.0:",
        "            r.append('eq')",
        "        if a * 1.0 != b - 0.0:",
        "            r.append('ne')",
        "        if a - c > b / 2:",
        "            r.append('gt')",
        "        if not (a - c >= b / 2):",
        "            r.append('not ge')",
        "        out.append(r)",
        "        a = a + 1.0",
        "        k += 1",
        "    return out",
        "def loop(zr, limit):",
        "    n = 0",
        "    while zr * zr <= limit and n < 100:",
        "        zr = zr + 0.5",
        "        n += 1",
        "    return n",
        "nan = float('nan')",
        "print(cmps(1.0, 2.0, 2.5))",
        "print(cmps(0.0, -0.0, 0.0))",
        "print(cmps(nan, 1.0, 2.0))",
        "print(cmps(1.0, nan, nan))",
        "print(cmps(1, 2, 3))",
        "print(cmps(2 ** 40, 3, 2 ** 41))",
        "print(cmps(float('inf'), float('-inf'), 0.0))",
        "def zc(a, c):",
        "    if a / c > 1.0:",
        "        return 1",
        "    return 0",
        "print(cmps(1.0, 2.0, 0.0), zc(3.0, 2.0), zc(1.0, 2.0))",
        "for c in [0.0, -0.0]:",
        "    try:",
        "        print(zc(1.0, c))",
        "    except ZeroDivisionError as e:",
        "        print('ZeroDivisionError', e)",
        "print(loop(0.0, 100.0), loop(-3.0, 4), loop(nan, 1.0), loop(2, 10))");
  }


  /**
   * Float statements over items (Jit#floatStatement): {@code c[k]} read with a constant, a negative
   * or a local index, {@code c[k] op= ...} and {@code c[k] = ...}, on lists written out, on
   * tuples through Interpreter#item, into dicts through a key they hold; and every way the block
   * falls back to the statement's instructions, which then compute or raise as Python does: int
   * items, a boxed int, an index out of range, a float index, a str container, a new dict key, an
   * unbound container. CPython 3.11's output, compiled and interpreted, also at a tiny quantum.
   */
  @Test
  void floatStatementsOverItemsComputeWhatPythonComputes() {
    printsAtEveryTier("[[[-1.0, 2.125], [4.25, 2.9921875], [4.484375, 4.30517578125]], [1.5, 6.75, 0.6171875, -1.8555908203125], [0.25, -1.8603515625, 8.0, 1.0]]\n"
        + "[[[-1.0, 2.125], [4.25, 2.9921875]], [1.5, 4.5, -1.625, -0.779296875], [0.25, -1.484375, 8.0, 1.0]]\n"
        + "[[[-4.0, 4.0], [17.0, -2.5]], [1, 2, 15.0, -3.5], [5, -41.5, 20.0, 8]]\n"
        + "[[[-3.0, 274877906945.5], [824633720840.0, 240518168578.0625]], [3.375, 2, 412316860422.0, 1.322262615226264e+23], [-481036337152.75, 1.9833939228415005e+23, 7, 8]]\n"
        + "{0: 1.0, 1: 5.5, 2: 5.5} {0: 1.0, 2: 4.5, 1: 10.0}\n"
        + "13.5 13.5\n"
        + "IndexError list index out of range\n"
        + "[[[0.0, 3.0]], [1.0, 3.0, 3.0, 1.0], [1.0, -3.0]]\n"
        + "TypeError\n"
        + "TypeError\n"
        + "[[[0.0, 0.0]], [1.0, 0.0, 3.0, 0.0], [1.0, 0.0, 3.0, 4.0]]\n"
        + "2.0 UnboundLocalError\n",
        "def items(p, q, i, n):",
        "    out = []",
        "    k = 0",
        "    while k < n:",
        "        x = p[0] * 2.0 - q[1]",
        "        y = p[i] + p[-1] / 4",
        "        p[2] += x * 0.5",
        "        p[-1] -= q[0] * y",
        "        q[1] = x * y + 1.0",
        "        p[i] *= 1.5",
        "        q[i] = p[i] - y * 2",
        "        out.append([x, y])",
        "        k += 1",
        "    return [out, p, q]",
        "print(items([1.5, 2.0, -3.25, 0.5], [0.25, 4.0, 8.0, 1.0], 1, 3))",
        "print(items([1.5, 2.0, -3.25, 0.5], [0.25, 4.0, 8.0, 1.0], -3, 2))",
        "print(items([1, 2, 3, 4], [5, 6, 7, 8], 2, 2))",
        "print(items([1.5, 2, 3.5, 2 ** 40], [0.5, 6.0, 7, 8], 0, 2))",
        "def dstore(d, e, n):",
        "    k = 0",
        "    while k < n:",
        "        d[1] = e[0] * 3.0 + e[1]",
        "        d[2] += e[1] * 0.5",
        "        k += 1",
        "    return d",
        "print(dstore({0: 1.0, 1: 2.0, 2: 3.0}, [1.0, 2.5], 2), dstore({0: 1.0, 2: 0.5}, (2.0, 4.0), 2))",
        "def reads(t, n):",
        "    r = 0.0",
        "    k = 0",
        "    while k < n:",
        "        r = r + t[0] * 0.5 + t[k] * 2.0",
        "        k += 1",
        "    return r",
        "print(reads((1.0, 2.0, 3.0), 3), reads([1.0, 2.0, 3.0], 3))",
        "for args in [([1.0, 2.0], [1.0, 2.0], 5, 1), ([1.0, 2.0, 3.0, 4.0], [1.0, 2.0], 1, 1),",
        "             ([1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0], 1.0, 1), ('abcd', [1.0, 2.0, 3.0, 4.0], 1, 1),",
        "             ([1.0, 0.0, 3.0, 0.0], [1.0, 2.0, 3.0, 4.0], 1, 1)]:",
        "    try:",
        "        print(items(*args))",
        "    except IndexError as e:",
        "        print('IndexError', e)",
        "    except TypeError as e:",
        "        print('TypeError')",
        "def unbound(n):",
        "    k = 0",
        "    while k < n:",
        "        if k > 0:",
        "            x = c[0] * 2.0",
        "        c = [1.0]",
        "        k += 1",
        "    return x",
        "def unbound2():",
        "    x = c[0] * 2.0",
        "    c = [1.0]",
        "try:",
        "    unbound2()",
        "except UnboundLocalError:",
        "    print(unbound(3), 'UnboundLocalError')");
  }

  /**
   * A comparison and the conditional jump after it, written out for two small ints (#comparison):
   * all six operators, jumping on true and on false ({@code if}, {@code if not}, {@code while ...
   * and ...}), at the small range's edges and across them, and with a boxed int, a bool, a float
   * or strs on a side (Interpreter#truth, or execute, which raises). CPython 3.11's output.
   */
  @Test
  void smallIntComparisonsJumpAsPythonCompares() {
    printsAtEveryTier("-1 ['eq le ge !lt', 'ne lt le !ge', 'ne lt le !ge', 'ne lt le !ge', 'ne lt le !ge', 'ne lt le !ge']\n"
        + "7 ['ne gt ge !lt', 'eq le ge !lt', 'ne lt le !ge', 'ne lt le !ge', 'ne gt ge !lt', 'ne gt ge !lt']\n"
        + "1073741823 ['ne gt ge !lt', 'ne gt ge !lt', 'eq le ge !lt', 'ne lt le !ge', 'ne gt ge !lt', 'ne gt ge !lt']\n"
        + "1073741824 ['ne gt ge !lt', 'ne gt ge !lt', 'ne gt ge !lt', 'eq le ge !lt', 'ne gt ge !lt', 'ne gt ge !lt']\n"
        + "True ['ne gt ge !lt', 'ne lt le !ge', 'ne lt le !ge', 'ne lt le !ge', 'eq le ge !lt', 'ne lt le !ge']\n"
        + "1.5 ['ne gt ge !lt', 'ne lt le !ge', 'ne lt le !ge', 'ne lt le !ge', 'ne gt ge !lt', 'eq le ge !lt']\n"
        + "(3, -6) (1073741825, -1073741829) (-1073741823, 1073741820)\n"
        + "TypeError\n"
        + "ne lt le !ge ne gt ge !lt\n",
        "def cmp6(a, b):",
        "    r = []",
        "    if a == b:",
        "        r.append('eq')",
        "    if a != b:",
        "        r.append('ne')",
        "    if a < b:",
        "        r.append('lt')",
        "    if a <= b:",
        "        r.append('le')",
        "    if a > b:",
        "        r.append('gt')",
        "    if a >= b:",
        "        r.append('ge')",
        "    if not a < b:",
        "        r.append('!lt')",
        "    if not a >= b:",
        "        r.append('!ge')",
        "    return ' '.join(r)",
        "vals = [-1, 7, 2 ** 30 - 1, 2 ** 30, True, 1.5]",
        "for a in vals:",
        "    print(a, [cmp6(a, b) for b in vals])",
        "def count(i, n):",
        "    j = -i",
        "    while i < n and j >= -n:",
        "        i += 1",
        "        j -= 2",
        "    return i, j",
        "print(count(0, 5), count(2 ** 30 - 3, 2 ** 30 + 3), count(-(2 ** 30) - 2, -(2 ** 30) + 2))",
        "try:",
        "    cmp6('a', 1)",
        "except TypeError:",
        "    print('TypeError')",
        "print(cmp6('a', 'b'), cmp6(2.5, 2))");
  }

  /**
   * LOAD_SUBSCR and STORE_SUBSCR of a list and a small int written out in innermost loops
   * (Jit#listItemWord): indexes from the front and from the end, bools, and every case that
   * goes the full way: a dict, a tuple or a str, an index out of range on either side, a boxed
   * int, a float. CPython 3.11's output.
   */
  @Test
  void listItemsWrittenOutIndexAsPythonIndexes() {
    printsAtEveryTier("[10, 20, 30, 30, 10, 20, 10, 10, 20, 30, 30, 10, 20, 10]\n"
        + "['a', 'b', 'c', 'a', 'b', 'c']\n"
        + "[6, 5, 4, 3, 2, 1] ['f', 'e', 'c', 'd', 'b', 'a']\n"
        + "IndexError\n"
        + "IndexError\n"
        + "IndexError\n"
        + "TypeError\n"
        + "TypeError\n"
        + "TypeError\n"
        + "KeyError\n",
        "def walk(c, idx, n):",
        "    out = []",
        "    k = 0",
        "    while k < n:",
        "        for i in idx:",
        "            v = c[i]",
        "            c[i] = v",
        "            out.append(v)",
        "        k += 1",
        "    return out",
        "def swap(c, n):",
        "    i = 0",
        "    while i < n:",
        "        t = c[i]",
        "        c[i] = c[-1 - i]",
        "        c[-1 - i] = t",
        "        i += 1",
        "    return c",
        "print(walk([10, 20, 30], [0, 1, 2, -1, -3, True, False], 2))",
        "print(walk((10, 20, 30), [0, -1, 2], 1) if False else walk({0: 'a', -1: 'b', 2: 'c'}, [0, -1, 2], 2))",
        "print(swap([1, 2, 3, 4, 5, 6], 3), swap(list('abcdef'), 2))",
        "for c, idx in [([1, 2], [2]), ([1, 2], [-3]), ([1, 2], [2 ** 40]), ([1, 2], [1.0]), ((1, 2), [0]), ('ab', [0]), ({}, [5])]:",
        "    try:",
        "        print(walk(c, idx, 1))",
        "    except (IndexError, TypeError, KeyError) as e:",
        "        print(type(e).__name__)");
  }

  /**
   * Keyword calls (Interpreter#callKw) and calls of {@code *args} functions (#callVarargs) from
   * compiled code, and GET_ITER of lists and tuples (#seqIter): keywords in any order, with
   * positional arguments and defaults, bound methods, recursion that grows the tuple; and every
   * call that execute binds or refuses instead (a repeated or unknown keyword, a missing
   * argument, too many, a {@code *args} function given none past its parameters, star calls),
   * with CPython's TypeError. CPython 3.11's output.
   */
  @Test
  void keywordAndStarArgsCallsBindAsPythonBinds() {
    printsAtEveryTier("[[0, 0, 1, 0, 5, 0, 0, [0, ('a', None)], 11, 20, 31, [0, 1], [0]], [2, 3, 3, 1, 7, 3, 1, [1, ('a', None)], 12, 21, 31, [1, 2], [1]], [4, 6, 5, 2, 9, 6, 2, [2, ('a', None)], 13, 22, 31, [2, 3], [2]]]\n"
        + "TypeError\n"
        + "TypeError\n"
        + "TypeError\n"
        + "TypeError\n"
        + "TypeError\n"
        + "5\n"
        + "TypeError\n"
        + "20\n",
        "def scaled(value, factor=2, offset=0):",
        "    return value * factor + offset",
        "def total(*values):",
        "    s = 0",
        "    for v in values:",
        "        s += v",
        "    return s",
        "def head(first, *rest):",
        "    return [first, rest]",
        "class Box:",
        "    def __init__(self, v):",
        "        self.v = v",
        "    def add(self, *more):",
        "        return self.v + sum(more)",
        "    def mul(self, by=2, plus=0):",
        "        return self.v * by + plus",
        "def loop(n):",
        "    out = []",
        "    i = 0",
        "    b = Box(10)",
        "    while i < n:",
        "        out.append([scaled(i), scaled(i, 3), scaled(i, offset=1), scaled(value=i, factor=1),",
        "                    scaled(offset=5, value=i), total(i, i, i), total(i), head(i, 'a', None),",
        "                    b.add(i, 1), b.mul(plus=i), b.mul(3, plus=1), [v for v in (i, i + 1)], [v for v in [i]]])",
        "        i += 1",
        "    return out",
        "print(loop(3))",
        "def b1():",
        "    return scaled(1, value=2)",
        "def b2():",
        "    return scaled(1, colour=2)",
        "def b3():",
        "    return scaled(factor=2)",
        "def b4():",
        "    return scaled(1, 2, 3, offset=4)",
        "def b5():",
        "    return head()",
        "def b6():",
        "    return total(*[1, 2]) + scaled(**{'value': 1})",
        "for f in [b1, b2, b3, b4, b5, b6, b1]:",
        "    try:",
        "        print(f())",
        "    except TypeError as e:",
        "        print('TypeError')",
        "def deep(n, *acc):",
        "    if n == 0:",
        "        return len(acc)",
        "    return deep(n - 1, n, *acc)",
        "print(deep(20))");
  }

  /**
   * Int statements with floor division and modulo, and divided by or into a float constant at their root
   * (spectral_norm's {@code 1.0 / ((s * (s + 1)) // 2 + i + 1)}, Jit#intStatement): negative
   * operands rounding down, quotients of products past 2^53 made doubles as Python makes them, a
   * float local where the block wants ints, and each zero divisor (an int's, the float
   * constant's), which raise through the statement's own instructions. CPython 3.11's output.
   */
  @Test
  void intStatementsDivideAsPythonDivides() {
    printsAtEveryTier("[[0.25, -5, 3, -22, -7.0, 5.0, 1, 6], [0.125, -4, 1, -15, -4.5, 3.3333333333333335, 8, 3], [0.07692307692307693, -2, 0, -8, -2.0, 2.5, 5, 0], [0.05263157894736842, -1, -2, -1, 0.5, 2.0, 2, 7], [0.038461538461538464, 1, -3, 6, 3.0, 1.6666666666666667, -1, 4], [0.029411764705882353, 2, -5, 13, 5.5, 1.4285714285714286, 6, 1], [0.023255813953488372, 4, -6, 20, 8.0, 1.25, 3, 8]]\n"
        + "0.09523809523809523 3.0 3.5 9007199254740992.0 9.223372030926249e+18 -4.611686018427388e+18\n"
        + "ZeroDivisionError\n"
        + "ZeroDivisionError\n"
        + "ZeroDivisionError\n"
        + "1.0\n"
        + "ZeroDivisionError\n",
        "def entry(i, j):",
        "    s = i + j",
        "    return 1.0 / ((s * (s + 1)) // 2 + i + 1)",
        "def floors(a, b):",
        "    q = (a * 3 + 1) // b - 1",
        "    return q",
        "def halves(a, b):",
        "    x = (a * b + 1) / 2.0",
        "    return x",
        "def into(a, b):",
        "    return 10.0 / (a - b + 0)",
        "def zero(a):",
        "    return (a * 2 + 1) / 0.0",
        "def mods(a, b):",
        "    m = (a * 7 + b * 3) % 10 - 1",
        "    return m",
        "def big(a, b):",
        "    return (a * b + 1) / 1.0",
        "out = []",
        "i = -3",
        "while i < 4:",
        "    out.append([entry(i + 3, 2), floors(i, 2), floors(i, -2), floors(i * 7, 3), halves(i, 5), into(i, -5), mods(i, 1), mods(i, -4)])",
        "    i += 1",
        "print(out)",
        "print(entry(2.5, 1), floors(2.5, 2), halves(2.0, 3), big(2**26, 2**27), big(3037000499, 3037000499), big(-2**40, 2**22))",
        "def f1():",
        "    return floors(1, 0)",
        "def f2():",
        "    return into(3, 3)",
        "def f3():",
        "    return zero(4)",
        "def f4():",
        "    return entry(-1, -1)",
        "def f5():",
        "    x = 3",
        "    return (x * 2 + 1) % (x - 3)",
        "for f in [f1, f2, f3, f4, f5]:",
        "    try:",
        "        print(f())",
        "    except ZeroDivisionError:",
        "        print('ZeroDivisionError')");
  }

  /**
   * Call sites whose profile saw one plain function (Jit, knownCall): compiled only after they ran
   * in the fast loop (a threshold of 3 entries), so that each site's callee is known; then given
   * what the profile never saw: another function, a function of the same code made anew (a nested
   * def), a class, a native, a bound method, a class's function through CALL_METHOD without a self
   * (with and without the argument count the known callee takes), the wrong argument count, and a
   * raise inside the known callee; recursion through a known site, and mutual recursion deeper than
   * the direct calls go. CPython 3.11's output.
   */
  @Test
  void knownCalleeSitesStillCallWhateverTheyAreGiven() {
    String source = String.join("\n",
        "class K:",
        "    def __init__(self, v):",
        "        self.v = v",
        "    def get(self, x):",
        "        return self.v + x",
        "class S:",
        "    def get(x):",
        "        return x * 3",
        "def inc(x):",
        "    return x + 1",
        "def dec(x):",
        "    return x - 1",
        "def twice(x, y):",
        "    return x * 2",
        "def make():",
        "    def inner(x):",
        "        return x * 10",
        "    return inner",
        "def apply(f, x):",
        "    return f(x)",
        "def meth(o, x):",
        "    return o.get(x)",
        "def down(n):",
        "    if n == 0:",
        "        return 0",
        "    return 1 + down(n - 1)",
        "def ping(n):",
        "    if n == 0:",
        "        return 'ping'",
        "    return pong(n - 1)",
        "def pong(n):",
        "    if n == 0:",
        "        return 'pong'",
        "    return ping(n - 1)",
        "out = []",
        "i = 0",
        "while i < 6:",
        "    out.append([apply(inc, i), meth(K(i), 1), down(i), ping(i)])",
        "    i += 1",
        "print(out)",
        "print(apply(dec, 5), apply(make(), 2), apply(make(), 3), apply(K, 7).v, apply(abs, -4), apply(K(1).get, 2))",
        "print(meth(S, 4), ping(41), down(60))",
        "def bad1():",
        "    return apply(twice, 1)",
        "def bad2():",
        "    return meth(K, 1)",
        "def bad3():",
        "    return apply(inc, 'a')",
        "for bad in [bad1, bad2, bad3]:",
        "    try:",
        "        bad()",
        "    except TypeError:",
        "        print('TypeError')",
        "");
    String expected = "[[1, 1, 0, 'ping'], [2, 2, 1, 'pong'], [3, 3, 2, 'ping'], [4, 4, 3, 'pong'], [5, 5, 4, 'ping'], [6, 6, 5, 'pong']]\n"
        + "4 20 30 7 4 3\n"
        + "12 pong 60\n"
        + "TypeError\n"
        + "TypeError\n"
        + "TypeError\n";
    profiledThenCompiled(source, expected);
  }

  /**
   * Runs {@code source} interpreted, and compiled at a code object's third entry into the fast
   * loop, so that its call sites' profiles hold what the first two saw; at the default quantum and
   * at one of 3 safe points, and compiled under GC stress. All print {@code expected}, and the
   * compiled runs count the interpreted run's opcodes.
   */
  private static void profiledThenCompiled(String source, String expected) {
    for (int quantum : new int[] {Vm.DEFAULT_QUANTUM, 3}) {
      Py.Run interpreted = Py.run(source, Vm.builder().jitThreshold(0).quantum(quantum));
      Py.Run compiled = Py.run(source, Vm.builder().jitThreshold(3).compileInBackground(false).quantum(quantum));
      assertEquals(expected, Py.rendered(interpreted));
      assertEquals(expected, Py.rendered(compiled));
      assertEquals(interpreted.vm().stats().opcodes(), compiled.vm().stats().opcodes(), "opcodes executed");
      assertTrue(compiled.vm().stats().compiledCodes() >= 5, "compiled: " + compiled.vm().stats().compiledCodes());
    }
    // and with a collection at every allocation: each frame the compiled calls push must hold
    // what the collector traces (its function, its globals)
    Py.Run stressed = Py.run(source, Vm.builder().jitThreshold(3).compileInBackground(false).stressGc(true));
    assertEquals(expected, Py.rendered(stressed));
  }

  /**
   * Known callees given fewer arguments than parameters (Interpreter#callKnown's defaults): the
   * defaults of the function object called, not of the one the profile saw (a nested def makes
   * functions of one code with different defaults), and a site that the profile saw call a
   * function with too few defaults for it (each call raised), which raises as the general call
   * does. CPython 3.11's output.
   */
  @Test
  void knownCalleesTakeTheirDefaultsFromTheFunctionCalled() {
    String source = String.join("\n",
        "def scaled(value, factor=2, offset=0):",
        "    return value * factor + offset",
        "def fewer(value, factor, offset=5):",
        "    return value + offset",
        "def mk(d):",
        "    def g(x, y=d):",
        "        return x * 100 + y",
        "    return g",
        "def one(f, x):",
        "    return f(x)",
        "def two(f, x, y):",
        "    return f(x, y)",
        "def one_g(f, x):",
        "    return f(x)",
        "def two_g(f, x, y):",
        "    return f(x, y)",
        "def bad(f):",
        "    return f(1)",
        "out = []",
        "errors = 0",
        "i = 0",
        "while i < 6:",
        "    out.append([one(scaled, i), two(scaled, i, 3), one_g(mk(i), i), two_g(mk(i), i, 9)])",
        "    try:",
        "        bad(fewer)",
        "    except TypeError:",
        "        errors += 1",
        "    i += 1",
        "print(errors)",
        "print(out)",
        "print(one_g(mk(7), 1), one_g(mk(8), 1), two(fewer, 1, 2), two_g(mk(3), 1, 2), one(mk(4), 1))",
        "try:",
        "    one(fewer, 1)",
        "except TypeError:",
        "    print('TypeError')",
        "");
    profiledThenCompiled(source, "6\n"
        + "[[0, 0, 0, 9], [2, 3, 101, 109], [4, 6, 202, 209], [6, 9, 303, 309], [8, 12, 404, 409], [10, 15, 505, 509]]\n"
        + "107 108 6 102 104\n"
        + "TypeError\n");
  }

  /**
   * Leaves computed at their call sites (Jit#leaf, Translation#inlineLeaf): wordcount's and
   * spectral_norm's, with intermediate locals, floor division and a division by or into a float,
   * from call sites compiled after their profiles saw them, given all their arguments or some,
   * the rest the called function's defaults (of functions of one code with different defaults);
   * then given what the block does not take, which the call computes instead: floats, a bool,
   * large ints, a float default, too few defaults, a zero divisor and arguments of the wrong type,
   * which raise in the leaf's own frame. The opcode count
   * is the frame's (profiledThenCompiled compares it). CPython 3.11's output.
   */
  @Test
  void leavesComputedAtTheirCallSitesComputeWhatTheCallComputes() {
    String source = String.join("\n",
        "def next_seed(seed):",
        "    return (seed * 1103515245 + 12345) & 0x7FFFFFFF",
        "def syllable(seed):",
        "    r = (seed >> 7) & 255",
        "    return (r * r) >> 12",
        "def entry(i, j):",
        "    s = i + j",
        "    return 1.0 / ((s * (s + 1)) // 2 + i + 1)",
        "def halve(a):",
        "    return a // 2 - 7",
        "def ratio(a, b):",
        "    return (a - b) / 4.0",
        "def step(k, seed):",
        "    return [syllable(seed), entry(k, 3), halve(k - 3), ratio(k, 1), entry(-k, 2 * k), next_seed(seed)]",
        "def pair(i, j):",
        "    return entry(i, j)",
        "def scaled(value, factor=2, offset=0):",
        "    return value * factor + offset",
        "def mk(d):",
        "    def g(x, y=d):",
        "        return x * 100 + y",
        "    return g",
        "def fewer(a, b, c=5):",
        "    return a + b + c",
        "def one(f, x):",
        "    return f(x)",
        "def two(f, x):",
        "    return scaled(x) + scaled(x, 3) + f(x)",
        "seed = 2024",
        "out = []",
        "k = 0",
        "while k < 6:",
        "    seed = next_seed(seed)",
        "    out.append(step(k, seed))",
        "    out.append(pair(k, k))",
        "    out.append(two(mk(k), k))",
        "    try:",
        "        one(fewer, k)",
        "    except TypeError:",
        "        out.append('TypeError')",
        "    k += 1",
        "print(seed, out)",
        "print(step(2.5, 7), step(True, -1), step(-2**20, 2**30), pair(0.5, 1))",
        "print(two(mk(0.5), 3), two(mk(-7), 2.5), one(mk(2), 1))",
        "def bad1():",
        "    return pair(-1, 0)",
        "def bad2():",
        "    return pair('a', 1)",
        "def bad3():",
        "    return step(3, None)",
        "for bad in [bad1, bad2, bad3]:",
        "    try:",
        "        print(bad())",
        "    except ZeroDivisionError:",
        "        print('ZeroDivisionError')",
        "    except TypeError:",
        "        print('TypeError')",
        "");
    profiledThenCompiled(source, "1211540786 [[3, 0.14285714285714285, -9, -0.25, 1.0, 695264422], 1.0, 0, 'TypeError', [9, 0.08333333333333333, -8, 0.0, 1.0, 153100007], 0.2, 106, 'TypeError', [0, 0.05555555555555555, -8, 0.25, 0.5, 968997524], 0.07692307692307693, 212, 'TypeError', [3, 0.04, -7, 0.5, 0.25, 13482301], 0.04, 318, 'TypeError', [3, 0.030303030303030304, -7, 0.75, 0.14285714285714285, 1211540786], 0.024390243902439025, 424, 'TypeError', [1, 0.023809523809523808, -6, 1.0, 0.09090909090909091, 1548075651], 0.01639344262295082, 530, 'TypeError']\n"
        + "[0, 0.04878048780487805, -8.0, 0.375, 0.4, 1282168116] [15, 0.08333333333333333, -8, 0.0, 1.0, 1043980748] [0, 1.8190050161679833e-12, -524297, -262144.25, 1.8189876688207261e-12, 1073754169] 0.4\n"
        + "315.5 255.5 102\n"
        + "ZeroDivisionError\n"
        + "TypeError\n"
        + "TypeError\n");
  }

  /**
   * Leaves computed at their call sites spend the call's and the return's safe points, as the
   * frame would have: two threads of one priority that share the GIL by quantum, under virtual
   * time, interleave their logs exactly as interpreted, with call sites compiled after their
   * profiles saw the leaf.
   */
  @Test
  void leavesComputedAtTheirCallSitesSpendTheirSafePoints() {
    String src = String.join("\n",
        "import threading",
        "log = []",
        "def next_seed(seed):",
        "    return (seed * 1103515245 + 12345) & 0x7FFFFFFF",
        "def step(seed):",
        "    return next_seed(next_seed(seed))",
        "def worker(name):",
        "    seed = 7",
        "    k = 0",
        "    while k < 300:",
        "        seed = step(seed)",
        "        log.append(name)",
        "        k += 1",
        "    log.append(seed)",
        "t = threading.Thread(target=worker, args=('w',))",
        "t.start()",
        "worker('m')",
        "t.join()",
        "runs = []",
        "for e in log:",
        "    if len(runs) > 0 and runs[-1][0] == e:",
        "        runs[-1][1] += 1",
        "    else:",
        "        runs.append([e, 1])",
        "print(runs)",
        "");
    ThreadsTest.Out interpreted = ThreadsTest.run(src, ThreadsTest.virtual().quantum(97).jitThreshold(0));
    ThreadsTest.Out compiled =
        ThreadsTest.run(src, ThreadsTest.virtual().quantum(97).jitThreshold(3).compileInBackground(false));
    assertEquals(interpreted.out(), compiled.out());
    assertEquals(interpreted.vm().stats().opcodes(), compiled.vm().stats().opcodes(), "opcodes executed");
    assertTrue(compiled.out().split("'m'").length > 3, compiled.out()); // the threads took turns
  }

  /**
   * Call sites whose profile saw classes with one Python {@code __init__} (Jit, knownCall;
   * Interpreter#callInit), compiled after they ran in the fast loop: a subclass that inherits that
   * {@code __init__}, classes with another, a builtin class, an exception class, a function, the
   * class's {@code __init__} replaced (the site's cache must see the class epoch move), an
   * {@code __init__} that returns a value; and the recursive builds of binary_trees. CPython 3.11's
   * output.
   */
  @Test
  void knownClassSitesStillMakeWhateverTheyAreGiven() {
    String source = String.join("\n",
        "class Node:",
        "    def __init__(self, left, right):",
        "        self.left = left",
        "        self.right = right",
        "class Leaf(Node):",
        "    pass",
        "class Other:",
        "    def __init__(self, a, b):",
        "        self.sum = a + b",
        "class Bad:",
        "    def __init__(self, a, b):",
        "        return 1",
        "def other_init(self, left, right):",
        "    self.left = right",
        "    self.right = left",
        "def make(cls, a, b):",
        "    return cls(a, b)",
        "def build(d):",
        "    if d == 0:",
        "        return Node(None, None)",
        "    return Node(build(d - 1), build(d - 1))",
        "def count(n):",
        "    if n.left is None:",
        "        return 1",
        "    return 1 + count(n.left) + count(n.right)",
        "out = []",
        "i = 0",
        "while i < 6:",
        "    n = make(Node, i, -i)",
        "    out.append([n.left, n.right, count(build(i))])",
        "    i += 1",
        "print(out)",
        "leaf = make(Leaf, 1, 2)",
        "print(type(leaf).__name__, leaf.left, leaf.right, isinstance(leaf, Node))",
        "print(make(Other, 3, 4).sum, make(int, '12', 10), make(divmod, 7, 2), type(make(ValueError, 'a', 'b')).__name__)",
        "def swapped(a, b):",
        "    return [a, b]",
        "print(make(swapped, 1, 2))",
        "Node.__init__ = other_init",
        "n = make(Node, 5, 6)",
        "print(n.left, n.right, count(build(3)))",
        "def bad1():",
        "    return make(Bad, 1, 2)",
        "def bad2():",
        "    return make(Node, 1)",
        "for bad in [bad1, bad2]:",
        "    try:",
        "        bad()",
        "    except TypeError:",
        "        print('TypeError')",
        "");
    String expected = "[[0, 0, 1], [1, -1, 3], [2, -2, 7], [3, -3, 15], [4, -4, 31], [5, -5, 63]]\n"
        + "Leaf 1 2 True\n"
        + "7 12 (3, 1) ValueError\n"
        + "[1, 2]\n"
        + "6 5 15\n"
        + "TypeError\n"
        + "TypeError\n";
    profiledThenCompiled(source, expected);
  }

  /**
   * Int statements, compiled as one block in the JVM's longs (Jit#intStatement): {@code x = ...}
   * and {@code return ...} over small and boxed ints with {@code + - * & | ^ >>}, results in and
   * past the small range, negative operands, shifts of 0 to 63 and beyond, a bool, and every way
   * the block gives way to the statement's instructions: a float, a str or None (TypeError), a
   * negative shift (ValueError), a product past 64 bits; and a local that owned its float box
   * given an int (a float operator after it must not write into the int). CPython 3.11's output,
   * but for one line: zvm's ints are 64-bit, and the full way raises OverflowError where CPython
   * goes on.
   */
  @Test
  void intStatementsComputeWhatPythonComputes() {
    printsAtEveryTier("[[205, 205, 2014, 131874305, 217], [16482863, 47, 131874085, 695264422, 6728], [86944621, 109, 695257691, 153100007, 208570], [20071631, 207, 152891434, 968997524, 6465673]]\n"
        + "[[7696581394431, 255, 1099511627768, 924887064, 0], [115610887, 7, 924887061, 112136817, 1], [14017101, 77, 112136813, 613382230, 33]]\n"
        + "[[536870933, 21, 4294967290, 12345, 93]]\n"
        + "[[-536870915, 253, -4294967307, 865340222, 31]]\n"
        + "[[15, 15, -4, 1103527590, 62], [137940583, 103, 1103527525, 377401575, 1923]]\n"
        + "[12345, 6172, 0, 0, 0, 65535, 65535, 65535, 65535, 65535, 5, 2, 0, 0, 0, 0, 0, 65535, 65535, 65535]\n"
        + "TypeError\n"
        + "TypeError\n"
        + "TypeError\n"
        + "ValueError\n"
        + "4052555153018976267\n"
        + "OverflowError\n"
        + "[1.0, 1, 3.0, 4.75, 3, 3.0, 4.75, 7, 3.0, 4.75, 9, 3.0]\n",
        "def lcg(seed):",
        "    return (seed * 1103515245 + 12345) & 0x7FFFFFFF",
        "def mix(a, b, n):",
        "    out = []",
        "    k = 0",
        "    while k < n:",
        "        x = (a >> 3) ^ (b * 7) | 5",
        "        y = a * b - b * a + (x & 0xFF)",
        "        z = a - b - 3",
        "        a = lcg(a)",
        "        b = (b * 31 + k) & 0xFFFFFF",
        "        out.append([x, y, z, a, b])",
        "        k += 1",
        "    return out",
        "print(mix(2024, 7, 4))",
        "print(mix(-5, -(2 ** 40), 3))",
        "print(mix(2 ** 32, 3, 1))",
        "print(mix(-(2 ** 32) - 7, 1, 1))",
        "print(mix(True, 2, 2))",
        "def shifts(a, s):",
        "    r = a >> s & 0xFFFF",
        "    return r",
        "print([shifts(v, s) for v in [2 ** 40 + 12345, -1, 5, -(2 ** 62)] for s in [0, 1, 63, 64, 100]])",
        "for args in [(1.5, 2), ('a', 2), (None, 1), (2, -1)]:",
        "    try:",
        "        print(shifts(*args))",
        "    except (TypeError, ValueError) as e:",
        "        print(type(e).__name__)",
        "def grow(n):",
        "    v = 3",
        "    i = 0",
        "    while i < n:",
        "        v = v * 3 + 1 - 1",
        "        i += 1",
        "    return v",
        "print(grow(38))",
        "try:",
        "    print(grow(45))",
        "except OverflowError:",
        "    print('OverflowError')",
        "def owned(n):",
        "    x = 0.5",
        "    h = 2.0",
        "    out = []",
        "    k = 0",
        "    while k < n:",
        "        x = x * 1.5",
        "        x = x + 0.25",
        "        out.append(x + 0)",
        "        x = (k * 3) & 255 | 1",
        "        out.append(x + 0)",
        "        x = h * 1.5",
        "        out.append(x + 0)",
        "        k += 1",
        "    return out",
        "print(owned(4))");
  }

  /**
   * {@code **} in float statements: {@code Math.pow} as the full way computes it, and the full way
   * where it raises (0.0 to a negative power, a finite result out of range), with int and float
   * exponents, NaN and infinity, and int locals (the block falls back). CPython 3.11's output.
   */
  @Test
  void powersInFloatStatementsComputeWhatPythonComputes() {
    printsAtEveryTier("[[1.4142135623730951, 13.0, 8.0, 16.0, 2.0], [1.4142135623730951, 13.0, 8.0, 16.0, 2.0]]\n"
        + "[[0.5, 2.3125, 0.3535533905932738, 2.0, 0.25]]\n"
        + "-12.0 1.125 -12.0\n"
        + "[[1.7320508075688772, 13, 4.0, 27, 3.0]]\n"
        + "[[inf, nan, nan, nan, inf]]\n"
        + "OverflowError\n"
        + "ZeroDivisionError\n"
        + "OverflowError\n",
        "def pw(x, y, n):",
        "    out = []",
        "    k = 0",
        "    while k < n:",
        "        a = x ** 0.5",
        "        b = x ** 2 + y ** 2",
        "        c = 2.0 ** y",
        "        d = x * x ** y",
        "        x **= 1.0",
        "        out.append([a, b, c, d, x])",
        "        k += 1",
        "    return out",
        "print(pw(2.0, 3.0, 2))",
        "print(pw(0.25, -1.5, 1))",
        "def cube(x):",
        "    y = x ** 3.0 - x ** 2",
        "    return y",
        "print(cube(-2.0), cube(1.5), cube(-2))",
        "print(pw(3, 2, 1))",
        "print(pw(float('inf'), float('nan'), 1))",
        "for x, y in [(1e200, 2.0), (0.0, -1.0), (10.0, 400.0)]:",
        "    try:",
        "        print(pw(x, y, 1))",
        "    except (OverflowError, ZeroDivisionError) as e:",
        "        print(type(e).__name__)");
  }

  /** A method over HugeMethodLimit would never be compiled by HotSpot: it is refused, and still runs. */
  @Test
  void aCodeObjectTooLargeToCompileRunsInterpreted() {
    StringBuilder src = new StringBuilder("def big(a):\n    s = 0\n");
    for (int i = 0; i < 300; i++) {
      src.append("    s = s + a * ").append(i).append(" - (a if s < 5 else ").append(i).append(")\n");
    }
    src.append("    return s\nprint(big(1), big(2))\n");
    Py.Run r = both(src.toString());
    assertTrue(r.vm().stats().refusedCodes() >= 1, "big is refused");
  }

  /**
   * A function whose method is longer than HotSpot's HugeMethodLimit (8000 bytes) is refused where
   * the JVM would never compile it, and compiled where it runs with -XX:-DontCompileHugeMethods
   * (as the zvm launcher starts it): two JVMs of their own, since the flag is the JVM's.
   */
  @Test
  void hugeMethodsCompileWhereTheJvmCompilesThem() throws Exception {
    String expected = Py.rendered(Py.run(HugeMethodsMain.SOURCE, Vm.builder().jitThreshold(0)));
    String refused = runJvm();
    String compiled = runJvm("-XX:-DontCompileHugeMethods");
    assertTrue(refused.startsWith(expected) && refused.endsWith(" refused 1\n"), refused);
    assertTrue(compiled.startsWith(expected) && compiled.endsWith(" refused 0\n"), compiled);
    assertEquals(compiledCount(refused) + 1, compiledCount(compiled), "long_one compiled too");
    assertTrue(Jit.HugeMethods.compile("false") && !Jit.HugeMethods.compile("true") && !Jit.HugeMethods.compile(null));
  }

  private static int compiledCount(String out) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("compiled (\\d+) refused").matcher(out);
    assertTrue(m.find(), out);
    return Integer.parseInt(m.group(1));
  }

  private static String runJvm(String... flags) throws Exception {
    java.util.List<String> command = new java.util.ArrayList<>();
    command.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(java.util.List.of(flags));
    command.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"), HugeMethodsMain.class.getName()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  /** Star arguments, keywords and keyword-only parameters: execute binds the call, the code runs compiled. */
  @Test
  void codeThatExecuteCallsRunsCompiled() {
    Py.Run r = both(String.join("\n",
        "def star(a, *rest, scale=2, **kw):",
        "    total = a",
        "    for x in rest:",
        "        total += x * scale",
        "    return total + len(kw)",
        "def only(*, k):",
        "    return k + 1",
        "print([star(i, 1, 2, scale=i, extra=0) for i in range(4)], star(5), only(k=2))",
        ""));
    assertEquals(0, r.vm().stats().refusedCodes());
  }

  @Test
  void raisesInCompiledCodeNameTheirLines() {
    both(String.join("\n",
        "def g(d, k):",
        "    return d[k]",
        "def f(n):",
        "    total = 0",
        "    for i in range(n):",
        "        try:",
        "            total += g({1: 2}, i % 3)",
        "        except KeyError as e:",
        "            total -= 1",
        "    return total",
        "print(f(30))",
        "def h(x):",
        "    return len(x) + x.missing",
        "h([1])",
        ""));
  }

  /**
   * Compiled code calls natives itself (Interpreter#nativeAt): results, a wrong argument count
   * (the general path raises), a raise caught in the caller, a raise after the native ran Python
   * code of its own that raised and caught (the nested run must not leave its own pc behind), and
   * natives that block, in a loop and under preemption; the counts must be the interpreter's.
   */
  @Test
  void nativesCalledFromCompiledCode() {
    both(String.join("\n",
        "import threading",
        "def key(x):",
        "    try:",
        "        return {1: 'a'}[x]",
        "    except KeyError:",
        "        return x",
        "def f(n):",
        "    out = []",
        "    s = ' ab,c '",
        "    for i in range(n):",
        "        out.append(len(s.strip().split(',')) + i)",
        "        try:",
        "            out.append(int('x%d' % i))",
        "        except ValueError as e:",
        "            out.append(str(e)[:7])",
        "        try:",
        "            out.append(sorted([2, 1, 'b'], key=key))",
        "        except TypeError:",
        "            out.append('t')",
        "        try:",
        "            out.append(len())",
        "        except TypeError as e:",
        "            out.append(len(str(e)))",
        "        sleep(1)",
        "    return out",
        "print(f(3))",
        "lock = threading.Lock()",
        "def worker(k, log):",
        "    for j in range(4):",
        "        lock.acquire()",
        "        log.append(k * 10 + j)",
        "        sleep(1)",
        "        lock.release()",
        "log = []",
        "ts = [thread(worker, k, log) for k in range(3)]",
        "for t in ts:",
        "    t.join()",
        "print(log)",
        "print(len(abs))",
        ""));
  }

  @Test
  void deepRecursionInCompiledCodeIsARecursionError() {
    both(String.join("\n",
        "def down(n):",
        "    return down(n + 1) + 1",
        "try:",
        "    down(0)",
        "except RecursionError as e:",
        "    print('caught', e)",
        ""));
  }

  /** Runs {@code grow} until the 64 KiB heap is full; the program catches the MemoryError. */
  private static void assertMemoryErrorCaught(String... grow) {
    String src = String.join("\n", grow) + "\n" + String.join("\n",
        "try:",
        "    grow()",
        "except MemoryError:",
        "    n = len(keep)",
        "    keep.clear()",
        "    print('MemoryError', n > 100)",
        "");
    Py.Run compiled = Py.run(src, Vm.builder().heapBytes(64 * 1024).jitThreshold(1).compileInBackground(false));
    assertEquals("MemoryError True\n", Py.rendered(compiled));
  }

  @Test
  void aFloatTheHeapCannotHoldIsAMemoryErrorInCompiledCode() {
    assertMemoryErrorCaught(
        "keep = []",
        "def grow():",
        "    x = 1.5",
        "    while True:",
        "        x = x * 1.0000001",
        "        keep.append(x)");
  }

  @Test
  void aHeapFullOfInstancesIsAMemoryErrorTheProgramCatches() {
    assertMemoryErrorCaught(
        "class P:",
        "    def __init__(self, x):",
        "        self.x = x",
        "keep = []",
        "def grow():",
        "    while True:",
        "        keep.append(P(len(keep)))");
  }

  /** ThreadsTest's preemption at the next safe point, with every loop and call compiled. */
  @ParameterizedTest(name = "interval {0}, virtual time {1}")
  @CsvSource({"1, true", "64, true", "10000, true", "64, false"})
  void aNewerHigherThreadPreemptsCompiledCodeAtTheNextSafePoint(int interval, boolean virtualTime) {
    String src = ThreadsTest.PREEMPT_IN_A_LOOP;
    Vm.Builder b = (virtualTime ? ThreadsTest.virtual() : Vm.builder()).safePointInterval(interval).jitThreshold(1).compileInBackground(false);
    ThreadsTest.assertOut("['high', 'main', 'high in a loop', 'spin on']\n", ThreadsTest.run(src, b));
  }

  @Test
  void compiledSpinnersShareTheGilByQuantum() {
    String src = ThreadsTest.SPINNERS;
    ThreadsTest.Out o = ThreadsTest.run(src, ThreadsTest.virtual().quantum(1000).jitThreshold(1).compileInBackground(false));
    ThreadsTest.assertOut("100\nTrue True\nTrue [0, 1, 0, 1]\n", o);
    assertTrue(o.vm().stats().compiledCodes() >= 2);
  }

  /** A native that calls back into Python (sorted with a key) runs the key compiled, nested. */
  @Test
  void nestedRunsOfCompiledCode() {
    both(String.join("\n",
        "class P:",
        "    def __init__(self, x):",
        "        self.x = x",
        "    def __lt__(self, other):",
        "        return self.x < other.x",
        "    def __repr__(self):",
        "        return 'P(%d)' % self.x",
        "def key(p):",
        "    return -p.x",
        "ps = [P(i * 7 % 5) for i in range(6)]",
        "print(sorted(ps, key=key), sorted(ps), max(ps))",
        ""));
  }

  /**
   * By default the compiler works on another thread and the code runs interpreted until its
   * compiled code is there: the program prints the same, whenever the switch happens.
   */
  @Test
  void compilingInTheBackgroundChangesNothingButWhen() {
    String src = String.join("\n",
        "def f(n):",
        "    s = 0",
        "    for i in range(n):",
        "        s += i % 7",
        "    return s",
        "print([f(k) for k in range(3000)][-3:])",
        "");
    Py.Run interpreted = Py.run(src, Vm.builder().jitThreshold(0));
    Py.Run background = Py.run(src, Vm.builder().jitThreshold(10));
    assertEquals(Py.rendered(interpreted), Py.rendered(background));
    assertEquals(interpreted.vm().stats().opcodes(), background.vm().stats().opcodes());
  }

  /** A bound method kept in a variable is called without execute where its function is plain. */
  @Test
  void boundMethodsInVariables() {
    both(String.join("\n",
        "class C:",
        "    def __init__(self):",
        "        self.n = 0",
        "    def add(self, v):",
        "        self.n += v",
        "        return self.n",
        "    def add2(self, v, w=10):",
        "        self.n += v + w",
        "        return self.n",
        "c = C()",
        "add = c.add",
        "add2 = c.add2",
        "def loop(k):",
        "    s = 0",
        "    for i in range(k):",
        "        s += add(i) + add2(1) + add2(1, 2)",
        "    return s",
        "print(loop(50), c.n)",
        "try:",
        "    add(1, 2)",
        "except TypeError as e:",
        "    print('TypeError', e)",
        "app = [].append",
        "app(3)",
        "print(add.__self__ is c if hasattr(add, '__self__') else 'no __self__')",
        ""));
  }

  /**
   * A call site compiled after the fast loop saw it call only Python functions has no native path
   * of its own, and one that saw only natives has no direct call: the general call behind them
   * still takes the other kind when it comes later, at plain and at method calls.
   */
  @Test
  void callSitesTakeTheCalleesTheirProfileNeverSaw() {
    String source = String.join("\n",
        "def plus(x):",
        "    return x + 1",
        "class Box:",
        "    def __init__(self):",
        "        self.items = 0",
        "    def append(self, v):",
        "        self.items += v",
        "        return self.items",
        "def call(f, x):",
        "    return f(x)",
        "def method(o, v):",
        "    return o.append(v)",
        "out = []",
        "box = Box()",
        "for i in range(8):",
        "    out.append(call(plus, i))",
        "    out.append(method(box, i))",
        "out.append(call(abs, -5))",
        "items = []",
        "out.append(method(items, 7))",
        "out.append(items)",
        "def call2(f, x):",
        "    return f(x)",
        "def method2(o, v):",
        "    return o.append(v)",
        "for i in range(8):",
        "    out.append(call2(abs, -i))",
        "    out.append(method2(items, i))",
        "out.append(call2(plus, 41))",
        "out.append(method2(box, 100))",
        "print(out)",
        "");
    String expected = "[1, 0, 2, 1, 3, 3, 4, 6, 5, 10, 6, 15, 7, 21, 8, 28, 5, None, [7, 0, 1, 2, 3, 4, 5, 6, 7], 0,"
        + " None, 1, None, 2, None,"
        + " 3, None, 4, None, 5, None, 6, None, 7, None, 42, 128]\n";
    Py.Run interpreted = Py.run(source, Vm.builder().jitThreshold(0));
    Py.Run profiled = Py.run(source, Vm.builder().jitThreshold(4).compileInBackground(false));
    assertEquals(expected, Py.rendered(interpreted));
    assertEquals(expected, Py.rendered(profiled));
    assertEquals(interpreted.vm().stats().opcodes(), profiled.vm().stats().opcodes(), "opcodes executed");
    assertTrue(profiled.vm().stats().compiledCodes() >= 4, "call, method, call2 and method2 compiled");
  }

  /**
   * A small-int sum or difference that leaves the small range, in an innermost loop (Interpreter#addSub)
   * and outside one (#addSubAway), is boxed where it happens, and goes on as a boxed int.
   */
  @Test
  void smallIntSumsThatOutgrowTheSmallRange() {
    printsAtEveryTier("[2147484040, -2147484040, 1073741826, -1073741826, 1073741823]\n",
        "def f(n):",
        "    up = 1073741000",
        "    down = -1073741000",
        "    i = 0",
        "    while i < n:",
        "        j = 0",
        "        while j < 2:",
        "            up += 1",
        "            down -= 1",
        "            j += 1",
        "        up = up + 100",
        "        down = down - 100",
        "        i += 1",
        "    big = 1073741823",
        "    return [up * 2, down * 2, big + 3, -big - 3, big]",
        "print(f(10))");
  }

  /**
   * Sums written out in the method (Jit#smallAddSub) at the small range's very edges: a result of
   * -2^30 or 2^30 is no small int, and must be the boxed int that a constant or execute makes (as
   * a small int, -2^30 negated wraps to itself). CPython 3.11's output.
   */
  @Test
  void sumsAtTheSmallRangesEdgesAreTheIntsConstantsAre() {
    printsAtEveryTier("[-1073741823, 1073741822, -1073741824, 1073741823, -1073741825, 1073741824] "
        + "['low+1', None, 'low', 'high-1', None, 'high'] [False, False, True, False, False, False] "
        + "[-1073741824, 1073741821, -1073741825, 1073741822, -1073741826, 1073741823]\n"
        + "[1073741823, -1073741822, 1073741824, -1073741823, 1073741825, -1073741824] [-2147483646, 2147483644, -2147483648, 2147483646, -2147483650, 2147483648] [-536870912, 536870911, -536870912, 536870911, -536870913, 536870912] [1073741823, 1073741822, 1073741824, 1073741823, 1073741825, 1073741824]\n",
        "def edges(n):",
        "    lo = -1073741822",
        "    hi = 1073741821",
        "    out = []",
        "    i = 0",
        "    while i < n:",
        "        lo -= 1",
        "        hi += 1",
        "        out.append(lo)",
        "        out.append(hi)",
        "        i += 1",
        "    return out",
        "vals = edges(3)",
        "keys = {-(2 ** 30): 'low', 2 ** 30: 'high', -(2 ** 30) + 1: 'low+1', 2 ** 30 - 1: 'high-1'}",
        "print(vals, [keys.get(v) for v in vals], [v == -(2 ** 30) for v in vals], [v - 1 for v in vals])",
        "print([-v for v in vals], [v * 2 for v in vals], [v // 2 for v in vals], [abs(v) for v in vals])");
  }

  /** A user class called with positional arguments pushes its __init__ frame without execute. */
  @Test
  void instancesMadeByTheCallItself() {
    both(String.join("\n",
        "class Node:",
        "    def __init__(self, left, right, tag=0):",
        "        self.left = left",
        "        self.right = right",
        "        self.tag = tag",
        "class Leaf:",
        "    pass",
        "class Odd:",
        "    def __init__(self):",
        "        return 3",
        "class E(ValueError):",
        "    def __init__(self, v):",
        "        self.v = v",
        "def tree(d):",
        "    if d == 0:",
        "        return Node(None, None)",
        "    return Node(tree(d - 1), tree(d - 1), d)",
        "def count(n):",
        "    return 1 if n.left is None else 1 + count(n.left) + count(n.right)",
        "print(count(tree(8)), tree(2).tag, type(Leaf()).__name__)",
        "try:",
        "    Node(1)",
        "except TypeError as e:",
        "    print('TypeError', e)",
        "try:",
        "    Odd()",
        "except TypeError as e:",
        "    print('TypeError', e)",
        "try:",
        "    raise E(5)",
        "except ValueError as e:",
        "    print('E', e.v)",
        ""));
  }


  /** Dicts with small-int and str keys: d[k], d[k] = v on a key it holds, k in d; every other case in execute. */
  @Test
  void dictsWithPlainKeys() {
    both(String.join("\n",
        "class K:",
        "    def __init__(self, v):",
        "        self.v = v",
        "    def __hash__(self):",
        "        return hash(self.v)",
        "    def __eq__(self, other):",
        "        return isinstance(other, K) and other.v == self.v or other == self.v",
        "def count(words):",
        "    d = {}",
        "    for w in words:",
        "        if w in d:",
        "            d[w] += 1",
        "        else:",
        "            d[w] = 1",
        "    return d",
        "d = count(['a', 'b', 'a', 1, 2, 1, 'a', 2.0, (1, 2), (1, 2)])",
        "print(d, 'a' in d, 'z' not in d, 3 in d, 2 in d, 2.0 in d, (1, 2) in d)",
        "m = {K(1): 'k1', 5: 'five', 'x': 'ex'}",
        "print(m[1], 1 in m, K(5) in m, m[5], m['x'])",
        "def get(m, k):",
        "    try:",
        "        return m[k]",
        "    except KeyError as e:",
        "        return 'missing %r' % (e.args[0],)",
        "print([get(d, k) for k in ['a', 'q', 1, 7, -1]])",
        "h = {}",
        "for i in range(2000):",
        "    h[i % 37] = h[i % 37] + i if i % 37 in h else i",
        "print(len(h), h[0], h[36], sum(h.values()))",
        ""));
  }

  /** except clauses: one class matched in compiled code; tuples and non-classes in execute. */
  @Test
  void exceptClausesMatchInCompiledCode() {
    both(String.join("\n",
        "class MyError(ValueError):",
        "    pass",
        "def f(i):",
        "    try:",
        "        if i % 4 == 0:",
        "            raise MyError('m')",
        "        if i % 4 == 1:",
        "            raise KeyError(i)",
        "        if i % 4 == 2:",
        "            return [][i]",
        "        return {}[i]",
        "    except MyError as e:",
        "        return 'my %s' % e",
        "    except (IndexError, TypeError):",
        "        return 'index'",
        "    except LookupError as e:",
        "        return 'lookup %r' % (e.args,)",
        "print([f(i) for i in range(8)])",
        "def bad():",
        "    try:",
        "        raise ValueError",
        "    except 3:",
        "        pass",
        "try:",
        "    bad()",
        "except TypeError as e:",
        "    print('TypeError', e)",
        ""));
  }

  /**
   * A raise or a return ends a block with code after it that only a jump reaches, or none: no
   * resume point there, so the function compiles (it was refused for a label never bound).
   */
  @Test
  void codeAfterARaiseOrAReturnCompiles() {
    Py.Run r = both(String.join("\n",
        "def check(x):",
        "    if x < 0:",
        "        raise ValueError('negative')",
        "    elif x == 0:",
        "        return 'zero'",
        "    else:",
        "        raise KeyError(x)",
        "def run(n):",
        "    out = []",
        "    for i in range(-1, n):",
        "        try:",
        "            out.append(check(i))",
        "        except ValueError as e:",
        "            out.append(str(e))",
        "        except KeyError as e:",
        "            out.append(e.args[0])",
        "    return out",
        "print(run(3))",
        ""));
    assertEquals(0, r.vm().stats().refusedCodes());
  }
}
