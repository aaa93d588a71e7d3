package dev.zvm.vm;

import static dev.zvm.vm.Py.out;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zvm.bytecode.Opcodes;
import org.junit.jupiter.api.Test;

/**
 * The fused pairs of the fast loop (Superinstructions): which pairs fuse, and that a program runs as
 * it would without them. Each program sits on an edge: the pair's fast path next to the case it
 * must refuse, with the output CPython prints for the same program.
 */
class SuperinstructionsTest {
  @Test
  void pairsFuseGreedilyAndOnlyTheFirstOpcodeByteChanges() {
    byte[] code = {
      (byte) Opcodes.LOAD_FAST, 1, (byte) Opcodes.LOAD_FAST, 0, (byte) Opcodes.LT,
      (byte) Opcodes.POP_JUMP_IF_FALSE, 16, 0, (byte) Opcodes.LOAD_FAST, 1, (byte) Opcodes.LOAD_SMALL_INT, 1, 0,
      (byte) Opcodes.IADD, (byte) Opcodes.STORE_FAST, 1, (byte) Opcodes.LOAD_FAST, 1, (byte) Opcodes.RETURN_VALUE};
    byte[] q = Superinstructions.quicken(code);
    byte[] expected = code.clone();
    expected[0] = (byte) Superinstructions.LOAD_FAST_LOAD_FAST;
    expected[4] = (byte) Superinstructions.LT_JUMP_IF_FALSE;
    expected[8] = (byte) Superinstructions.LOAD_FAST_SMALL_INT;
    expected[13] = (byte) Superinstructions.ADD_STORE_FAST;
    assertArrayEquals(expected, pairsOnly(q));
    assertEquals(Opcodes.LOAD_FAST, code[0], "the image's own bytes are never changed");
    // three loads in a row: the first two fuse, the third stays alone
    byte[] three = {(byte) Opcodes.LOAD_FAST, 0, (byte) Opcodes.LOAD_FAST, 1, (byte) Opcodes.LOAD_FAST, 2};
    byte[] q3 = Superinstructions.quicken(three);
    assertEquals(Superinstructions.LOAD_FAST_LOAD_FAST, q3[0] & 0xFF);
    assertEquals(Opcodes.LOAD_FAST, q3[4] & 0xFF);
    assertEquals(0, Superinstructions.pair(Opcodes.LT, Opcodes.POP_JUMP_IF_TRUE));
    assertEquals(Opcodes.GE, Superinstructions.comparison(Superinstructions.GE_JUMP_IF_FALSE));
  }

  /** {@code q} with each quad's first byte put back to the pair it was written over. */
  private static byte[] pairsOnly(byte[] q) {
    byte[] p = q.clone();
    for (int i = 0; i < p.length; i++) {
      int op = p[i] & 0xFF;
      if (op == Superinstructions.COMPARE_FAST_FAST || op == Superinstructions.FAST_FAST_SUBSCR) {
        p[i] = (byte) Superinstructions.LOAD_FAST_LOAD_FAST;
      } else if (op == Superinstructions.COMPARE_FAST_INT || op == Superinstructions.INC_FAST
          || op == Superinstructions.INC_FAST_LOOP) {
        p[i] = (byte) Superinstructions.LOAD_FAST_SMALL_INT;
      }
    }
    return p;
  }

  @Test
  void quadsAreWrittenOverTheirFirstPairAndKeepTheSecond() {
    // while i < n: i += 1 (then LOOP); if i == 3: j -= 2 (no LOOP after)
    byte[] code = {
      (byte) Opcodes.LOAD_FAST, 1, (byte) Opcodes.LOAD_FAST, 0, (byte) Opcodes.LT,
      (byte) Opcodes.POP_JUMP_IF_FALSE, 19, 0, (byte) Opcodes.LOAD_FAST, 1, (byte) Opcodes.LOAD_SMALL_INT, 1, 0,
      (byte) Opcodes.IADD, (byte) Opcodes.STORE_FAST, 1, (byte) Opcodes.LOOP, 0, 0,
      (byte) Opcodes.LOAD_FAST, 1, (byte) Opcodes.LOAD_SMALL_INT, 3, 0, (byte) Opcodes.EQ,
      (byte) Opcodes.POP_JUMP_IF_FALSE, 35, 0, (byte) Opcodes.LOAD_FAST, 2, (byte) Opcodes.LOAD_SMALL_INT, 2, 0,
      (byte) Opcodes.ISUB, (byte) Opcodes.STORE_FAST, 2, (byte) Opcodes.LOAD_NONE, (byte) Opcodes.RETURN_VALUE};
    byte[] q = Superinstructions.quicken(code);
    byte[] expected = code.clone();
    expected[0] = (byte) Superinstructions.COMPARE_FAST_FAST;
    expected[4] = (byte) Superinstructions.LT_JUMP_IF_FALSE;
    expected[8] = (byte) Superinstructions.INC_FAST_LOOP;
    expected[13] = (byte) Superinstructions.ADD_STORE_FAST;
    expected[19] = (byte) Superinstructions.COMPARE_FAST_INT;
    expected[24] = (byte) Superinstructions.EQ_JUMP_IF_FALSE;
    expected[28] = (byte) Superinstructions.INC_FAST;
    expected[33] = (byte) Superinstructions.SUB_STORE_FAST;
    assertArrayEquals(expected, q);
    // a comparison that jumps if true, or a product, is no quad: the pairs stay
    byte[] other = {
      (byte) Opcodes.LOAD_FAST, 0, (byte) Opcodes.LOAD_FAST, 1, (byte) Opcodes.LT, (byte) Opcodes.POP_JUMP_IF_TRUE, 0, 0,
      (byte) Opcodes.LOAD_FAST, 0, (byte) Opcodes.LOAD_SMALL_INT, 2, 0, (byte) Opcodes.MUL, (byte) Opcodes.STORE_FAST, 0};
    byte[] qo = Superinstructions.quicken(other);
    byte[] subscr = {(byte) Opcodes.LOAD_FAST, 0, (byte) Opcodes.LOAD_FAST, 1, (byte) Opcodes.LOAD_SUBSCR};
    assertEquals(Superinstructions.FAST_FAST_SUBSCR, Superinstructions.quicken(subscr)[0] & 0xFF);
    assertEquals(Superinstructions.LOAD_FAST_LOAD_FAST, qo[0] & 0xFF);
    assertEquals(Superinstructions.LOAD_FAST_SMALL_INT, qo[8] & 0xFF);
    assertEquals(Superinstructions.ARITH_STORE_FAST, qo[13] & 0xFF);
  }

  /**
   * The quads on their edges: small ints up to the boxing limit and past it, negative steps, floats,
   * boxed ints, strs (which the quads leave to execute), an unbound local, a loop that a thread
   * switch interrupts at its LOOP: CPython's output, three passes.
   */
  @Test
  void quadsOnIntsFloatsStrsAndTheirEdges() {
    String line = "1073741824 -1073741825 2.5 1099511627779 abcabc True 8 UnboundLocalError"
        + " 0 2 [0, 1, 2] 7 5.5\n";
    assertEquals(line + line + line, out(String.join("\n",
        "def up(i, n):",
        "    while i < n:",
        "        i += 1",
        "    return i",
        "def down(i, n):",
        "    while i > n:",
        "        i -= 1",
        "    return i",
        "def unbound(sel):",
        "    if sel:",
        "        k = 0",
        "    try:",
        "        while k < 3:",
        "            k += 1",
        "        return k",
        "    except NameError as e:",
        "        return type(e).__name__",
        "def eq(a):",
        "    n = 0",
        "    if a == 3:",
        "        n += 1",
        "    if a != 3:",
        "        n -= 1",
        "    if a <= 3:",
        "        n += 3",
        "    if a >= 3:",
        "        n += 5",
        "    return n",
        "def ints(n):",
        "    out = []",
        "    i = 0",
        "    while i < n:",
        "        out.append(i)",
        "        i = i + 1",
        "    return out",
        "def floats(x):",
        "    while x < 5:",
        "        x += 1",
        "    return x",
        "for r in range(3):",
        "    print(up(1073741820, 1073741824), down(-1073741820, -1073741825), up(0.5, 2), up(2 ** 40, 2 ** 40 + 3),",
        "          up('abc', 'abc') + 'abc', up(True, 1) == 1, eq(3) - 1, unbound(0), unbound(0) and 0, eq(2),",
        "          ints(3), eq(3) - 2, floats(0.5))",
        "")));
  }

  /**
   * {@code b[i]} with both locals on lists, tuples and strs from the front and the back, out of range,
   * on dicts, with a bool, a boxed int or a float for an index, and on an unbound local: CPython's
   * output, three passes.
   */
  @Test
  void aLocalIndexedByALocal() {
    String line = "3 3 4 y IndexError: list index out of range IndexError: tuple index out of range 9 one KeyError 8"
        + " UnboundLocalError TypeError IndexError: list index out of range TypeError\n";
    assertEquals(line + line + line, out(String.join("\n",
        "def at(a, i, sel):",
        "    if sel:",
        "        b = a",
        "    try:",
        "        return b[i]",
        "    except IndexError as e:",
        "        return 'IndexError: %s' % e",
        "    except KeyError as e:",
        "        return 'KeyError'",
        "    except NameError as e:",
        "        return type(e).__name__",
        "    except TypeError as e:",
        "        return 'TypeError'",
        "for r in range(3):",
        "    print(at([1, 2, 3], 2, 1), at([1, 2, 3], -1, 1), at((4, 5), 0, 1), at('xyz', 1, 1), at([1], 1, 1),",
        "          at((), -1, 1), at({'k': 9}, 'k', 1), at({1: 'one'}, 1, 1), at({}, 2, 1), at([7, 8], True, 1),",
        "          at([1], 0, 0), at(5, 0, 1), at([1], 2 ** 40, 1), at([1, 2], 1.0, 1))",
        "")));
  }

  /**
   * {@code f(a)}: a global and a local, fused: a global that is a function, one rebound between the
   * calls, one never bound (NameError, from execute), and an unbound local: CPython's output.
   */
  @Test
  void aGlobalThenALocal() {
    assertEquals("8 abab name 'nowhere' is not defined UnboundLocalError 2 1 3\n8 abab name 'nowhere' is not defined UnboundLocalError 2 11 3\n8 abab name 'nowhere' is not defined UnboundLocalError 2 21 3\n", out(String.join("\n",
        "def twice(x):",
        "    return 2 * x",
        "def use(a):",
        "    return twice(a)",
        "def missing(a):",
        "    try:",
        "        return nowhere(a)",
        "    except NameError as e:",
        "        return str(e)",
        "if False:",
        "    nowhere = twice",
        "def unbound(sel):",
        "    if sel:",
        "        b = 1",
        "    try:",
        "        return twice(b)",
        "    except NameError as e:",
        "        return type(e).__name__",
        "def later(a):",
        "    return LATER + a",
        "for r in range(3):",
        "    LATER = r * 10",
        "    print(use(4), use('ab'), missing(1), unbound(0), unbound(1), later(1), len(str(use(2.5))))",
        "")));
    byte[] code = {(byte) Opcodes.LOAD_GLOBAL, 3, 0, (byte) Opcodes.LOAD_FAST, 1, (byte) Opcodes.CALL, 1};
    assertEquals(Superinstructions.GLOBAL_LOAD_FAST, Superinstructions.quicken(code)[0] & 0xFF);
  }

  @Test
  void aLocalIndexedByAConstantIsOneTriple() {
    byte[] code = {
      (byte) Opcodes.LOAD_FAST, 0, (byte) Opcodes.LOAD_SMALL_INT, 6, 0, (byte) Opcodes.LOAD_SUBSCR,
      (byte) Opcodes.LOAD_FAST, 0, (byte) Opcodes.LOAD_SMALL_INT, 1, 0, (byte) Opcodes.RETURN_VALUE};
    byte[] q = Superinstructions.quicken(code);
    byte[] expected = code.clone();
    expected[0] = (byte) Superinstructions.LOAD_FAST_INDEX;
    expected[6] = (byte) Superinstructions.LOAD_FAST_SMALL_INT; // no LOAD_SUBSCR after it: the pair
    assertArrayEquals(expected, q);
    // a[1] += x: LOAD_FAST a; LOAD_SMALL_INT 1; DUP_TOP_TWO; LOAD_SUBSCR; LOAD_FAST x; IADD; ROT_THREE; STORE_SUBSCR
    byte[] aug = {
      (byte) Opcodes.LOAD_FAST, 0, (byte) Opcodes.LOAD_SMALL_INT, 1, 0, (byte) Opcodes.DUP_TOP_TWO,
      (byte) Opcodes.LOAD_SUBSCR, (byte) Opcodes.LOAD_FAST, 1, (byte) Opcodes.IADD, (byte) Opcodes.ROT_THREE,
      (byte) Opcodes.STORE_SUBSCR};
    byte[] augExpected = aug.clone();
    augExpected[0] = (byte) Superinstructions.LOAD_FAST_SMALL_INT;
    augExpected[5] = (byte) Superinstructions.DUP_TOP_TWO_SUBSCR;
    augExpected[10] = (byte) Superinstructions.ROT_THREE_STORE_SUBSCR;
    assertArrayEquals(augExpected, Superinstructions.quicken(aug));
  }

  /**
   * {@code b[k]} on lists and tuples from the front and the back, out of range, on an unbound local,
   * and on what is neither (execute's full path): CPython's output, three passes.
   */
  @Test
  void constantIndexesOfListsTuplesAndTheRest() {
    String line = "6 16 IndexError: tuple index out of range IndexError: list index out of range "
        + "IndexError: tuple index out of range yzx 6 0 UnboundLocalError TypeError 2199023255552.5\n";
    assertEquals(line + line + line, out(String.join("\n",
        "class Seq:",
        "    def __getitem__(self, i):",
        "        return i * 10",
        "def f(a, sel):",
        "    if sel:",
        "        b = a",
        "    try:",
        "        return b[1] + b[-1] + b[0]",
        "    except IndexError as e:",
        "        return 'IndexError: %s' % e",
        "    except NameError as e:",
        "        return type(e).__name__",
        "    except TypeError as e:",
        "        return 'TypeError'",
        "for r in range(3):",
        "    print(f([1, 2, 3], 1), f((4, 5, 6, 7), 1), f((9,), 1), f([], 1), f((), 1), f('xyz', 1),",
        "          f({0: 1, 1: 2, -1: 3}, 1), f(Seq(), 1), f([1], 0), f(5, 1), f([2 ** 40, 0.5, 2 ** 40], 1))",
        "")));
  }

  /**
   * {@code a[i] += x} reads through DUP_TOP_TWO; LOAD_SUBSCR and writes through ROT_THREE;
   * STORE_SUBSCR, both fused. Where the fast path does not apply (a tuple, a dict, a user class, out of
   * range, a str item), the pair does its first half and execute the second: CPython's output.
   */
  @Test
  void augmentedItemAssignmentOnListsAndEverythingElse() {
    String line = "[10, 2, 3] [1.5, 1.75] IndexError: list index out of range IndexError: list index out of range "
        + "TypeError {'a': 2} {'k': 18} TypeError TypeError [2199023255551]\n";
    assertEquals(line + line + line, out(String.join("\n",
        "class Box:",
        "    def __init__(self):",
        "        self.d = {}",
        "    def __getitem__(self, k):",
        "        return self.d.get(k, 0)",
        "    def __setitem__(self, k, v):",
        "        self.d[k] = v * 2",
        "def bump(a, i, x):",
        "    try:",
        "        a[i] += x",
        "        a[i] -= 1",
        "        return a",
        "    except IndexError as e:",
        "        return 'IndexError: %s' % e",
        "    except TypeError as e:",
        "        return 'TypeError'",
        "for r in range(3):",
        "    b = Box()",
        "    bump(b, 'k', 5)",
        "    print(bump([1, 2, 3], 0, 10), bump([1.5, 2.5], -1, 0.25), bump([1], 1, 1), bump([1], -2, 1),",
        "          bump((1, 2), 0, 1), bump({'a': 1}, 'a', 2), b.d, bump(['s'], 0, 't'), bump([[1]], 0, [2]),",
        "          bump([2 ** 40], 0, 2 ** 40))",
        "")));
  }

  @Test
  void theOpcodeCountIsTheSameAsWithoutFusing() {
    long pass = Py.run("pass\n").result().opcodes();
    // 2 + 6 to call f + in f: 2, 10 * 9 per iteration, 4 for the last test, 2 to return + 2
    assertEquals(108, Py.run("def f(n):\n    i = 0\n    while i < n:\n        i += 1\n    return i\nf(10)\n")
        .result().opcodes() - pass + 4);
    // the figure a build without fusing gives (checked by turning quicken off)
    assertEquals(55, Py.run("def g():\n    t = 0\n    for k in range(5):\n        t = t + k\n    return t\ng()\n")
        .result().opcodes() - pass + 4);
  }

  @Test
  void comparisonsThatJumpOnIntsFloatsStringsAndObjects() {
    assertEquals("3 2 1 1 1 1\nlt le | le eq | \n",
        out("def count(xs, y):\n    n = 0\n    for x in xs:\n        if x < y:\n            n += 1\n    return n\n"
            + "def t(a, b):\n    r = []\n    if a < b:\n        r.append('lt')\n    if a <= b:\n        r.append('le')\n"
            + "    if a == b:\n        r.append('eq')\n    if a != b:\n        pass\n    if a > b:\n        r.append('gt')\n"
            + "    if a >= b:\n        pass\n    return ' '.join(r)\n"
            + "print(count([1, 2, 3, 0], 3), count([1.5, 2.5, 9.0], 3), count(['a', 'c', 'b'], 'b'),"
            + " count([(1,), (3,)], (2,)), count([True, 5], 2), count([2 ** 40], 2 ** 41))\n"
            + "print(t(1, 2), '|', t(2.0, 2), '|', t(None, None) if False else '')\n"));
  }

  @Test
  void aComparisonThatRaisesDoesSoAtItsLine() {
    assertEquals("Traceback (most recent call last):\n"
            + "  File \"app.py\", line 5, in <module>\n"
            + "  File \"app.py\", line 2, in f\n"
            + "TypeError: '<' not supported between instances of 'str' and 'int'\n",
        out("def f(a, b):\n    if a < b:\n        return 1\n    return 0\nf('x', 1)\n"));
  }

  /** An unbound local in either half of a fused load; a store that completed before it. */
  @Test
  void unboundLocalsInFusedLoadsRaiseAtTheirOwnLine() {
    String unbound = "UnboundLocalError: cannot access local variable 'y' where it is not associated with a value\n";
    assertEquals("Traceback (most recent call last):\n  File \"app.py\", line 5, in <module>\n"
            + "  File \"app.py\", line 4, in f\n" + unbound,
        out("def f(x):\n    if x:\n        y = 1\n    return x + y\nf(0)\n"));
    assertEquals("Traceback (most recent call last):\n  File \"app.py\", line 5, in <module>\n"
            + "  File \"app.py\", line 4, in f\n" + unbound,
        out("def f(x):\n    if x:\n        y = 1\n    return y + x\nf(0)\n"));
    // STORE_FAST z; LOAD_FAST y: the store happens once, then the load raises in the handler's scope
    assertEquals("0\n", out("def f(x):\n    if x:\n        y = 1\n    z = 5\n    try:\n        z = x\n        return y\n"
        + "    except NameError:\n        return z\nprint(f(0))\n"));
  }

  @Test
  void addAndSubtractThenStoreOverflowIntoBoxedIntsFloatsAndOtherTypes() {
    assertEquals("1073741824 -1073741825 2.5 -0.5 [1, 2] ab (1, 2)\n",
        out("def f():\n    a = 1073741823\n    a += 1\n    b = -1073741824\n    b -= 1\n"
            + "    c = 1\n    c = c + 1.5\n    d = 0.5\n    d = d - 1\n    l = [1]\n    l += [2]\n"
            + "    s = 'a'\n    s = s + 'b'\n    t = (1,)\n    t += (2,)\n    print(a, b, c, d, l, s, t)\nf()\n"));
  }

  /** ARITH_STORE_FAST: every other operator then a store, on ints, floats, boxes and sequences. */
  @Test
  void otherOperatorsThenStoreOnIntsFloatsAndSequencesAndTheirErrors() {
    String src = String.join("\n",
        "def f(x, y):",
        "    a = x * y",
        "    b = x / y",
        "    c = x // y",
        "    d = x % y",
        "    e = x ** 2",
        "    m = 1073741823",
        "    m *= 4",
        "    n = 2.5",
        "    n /= 2",
        "    s = 'ab'",
        "    s = s * 3",
        "    l = [0] * 2",
        "    l *= 2",
        "    print(a, b, c, d, e, m, n, s, l)",
        "def bits(x):",
        "    g = x & 6",
        "    h = x | 8",
        "    i = x ^ 3",
        "    j = x << 33",
        "    k = x >> 1",
        "    t = True & False",
        "    print(g, h, i, j, k, t)",
        "f(7, 2)",
        "f(-7.5, 2)",
        "f(7, 2.0)",
        "bits(7)",
        "bits(-5)",
        "def z(x):",
        "    r = x // 0",
        "    return r",
        "try:",
        "    z(1)",
        "except ZeroDivisionError as err:",
        "    print('caught', err)",
        "z(2.5)",
        "");
    // CPython's output (3.11), but for the caret lines its tracebacks add
    assertEquals("14 3.5 3 1 49 4294967292 1.25 ababab [0, 0, 0, 0]\n"
        + "-15.0 -3.75 -4.0 0.5 56.25 4294967292 1.25 ababab [0, 0, 0, 0]\n"
        + "14.0 3.5 3.0 1.0 49 4294967292 1.25 ababab [0, 0, 0, 0]\n"
        + "6 15 4 60129542144 3 False\n"
        + "2 -5 -8 -42949672960 -3 False\n"
        + "caught integer division or modulo by zero\n"
        + "Traceback (most recent call last):\n  File \"app.py\", line 36, in <module>\n"
        + "  File \"app.py\", line 30, in z\nZeroDivisionError: float floor division by zero\n", out(src));
  }

  @Test
  void augmentedAddOnAListExtendsItInPlace() {
    assertEquals("[1, 2, 3] True\n", out("def f():\n    l = [1]\n    m = l\n    l += [2, 3]\n    print(m, m is l)\nf()\n"));
  }

  @Test
  void forLoopsStoringIntoLocalsOverRangesListsAndOtherIterables() {
    assertEquals("10 6 abc 3 [0, 1] 4 -2\n",
        out("def f():\n    t = 0\n    for k in range(5):\n        t = t + k\n    u = 0\n    for v in [1, 2, 3]:\n"
            + "        u += v\n    s = ''\n    for c in 'abc':\n        s += c\n    n = 0\n    for k in {1: 2, 3: 4}:\n"
            + "        n += 1\n    for e in (0, 1):\n        pass\n    w = []\n    for k in range(2):\n        w.append(k)\n"
            + "    for k in range(4, 0, -1):\n        pass\n    for k in range(-1, -3, -1):\n        pass\n"
            + "    print(t, u, s, n + 1, w, 4 if k == -2 else 0, k)\nf()\n"));
  }

  @Test
  void selfAttributesAndMethodsThroughFusedLoads() {
    assertEquals("3 7 hi 10 12\nAttributeError 'P' object has no attribute 'z'\n",
        out("class P:\n    def __init__(self, x):\n        self.x = x\n    def get(self):\n        return self.x\n"
            + "    def add(self, n):\n        return self.get() + n\n    def z_(self):\n        return self.z\n"
            + "def run():\n    p = P(3)\n    q = P(7)\n    r = P('hi')\n    s = 0\n    for i in range(4):\n"
            + "        s = s + p.x\n    print(p.get(), q.x, r.get(), p.add(7), s)\n"
            + "    try:\n        p.z_()\n    except AttributeError as e:\n        print('AttributeError', e)\nrun()\n"));
  }
}
