package dev.zvm.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The baseline compiler: compiled code prints what the interpreter prints, on every path. */
class JitTest {

  /** Runs {@code source} interpreted and with every code object compiled at its first run. */
  private static Py.Run both(String source) {
    Py.Run interpreted = Py.run(source, Vm.builder().jitThreshold(0));
    Py.Run compiled = Py.run(source, Vm.builder().jitThreshold(1));
    assertEquals(render(interpreted), render(compiled));
    return compiled;
  }

  private static String render(Py.Run r) {
    return r.result().ok() ? r.out() : r.out() + r.result().exception().traceback();
  }

  @Test
  void loopsAndArithmetic() {
    Py.Run r = both(String.join("\n",
        "def f(n):",
        "    i = 0",
        "    s = 0",
        "    while i < n:",
        "        s += i * 2 - 1",
        "        i += 1",
        "    return s",
        "print(f(10), f(100000))",
        "x = 0.5",
        "for k in range(5):",
        "    x = x * 1.5 + k",
        "print(x, -x, ~7, not True)",
        ""));
    assertTrue(r.result().ok());
    assertTrue(r.vm().stats().compiledCodes() >= 2, "the module and f, at least");
  }
}
