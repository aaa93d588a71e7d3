package dev.zvm.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The loop's steady state allocates nothing on the Python heap: with the heap locked (every
 * allocation fails with MemoryError, MicroPython's heap lock), loops over small ints, locals and
 * globals, calls, instance attributes, method calls, list indexing and dict reads still run.
 */
class HeapLockTest {
  private static final String SETUP = String.join("\n",
      "import gc",
      "class Point:",
      "    def __init__(self, x, y):",
      "        self.x = x",
      "        self.y = y",
      "    def norm1(self):",
      "        return abs(self.x) + abs(self.y)",
      "    def move(self, dx):",
      "        self.x = self.x + dx",
      "def add(a, b):",
      "    return a + b",
      "p = Point(1, -2)",
      "items = [0] * 100",
      "table = {'alpha': 1, 'beta': 2}",
      "key = 'beta'",
      "counter = 0",
      "");

  private static final String STEADY = String.join("\n",
      "i = 0",
      "while i < 20000:",
      "    counter = add(counter, 1)",
      "    p.move(1)",
      "    s = p.norm1() + p.y",
      "    items[i % 100] = items[(i + 1) % 100] + 1",
      "    if i > 10 and s >= 0 and not (i == -1):",
      "        counter += table[key] - table['alpha']",
      "    i += 1",
      "");

  @Test
  void theSteadyStateRunsWithTheHeapLocked() {
    String src = SETUP + "gc.heap_lock()\n" + STEADY + "gc.heap_unlock()\nprint(counter, p.x, items[5])\n";
    Py.Run r = Py.run(src);
    assertTrue(r.result().ok(), r.traceback());
    assertEquals("39989 20001 202\n", r.out());
  }

  @Test
  void anAllocationUnderTheLockIsAMemoryError() {
    Py.Run r = Py.run("import gc\ngc.heap_lock()\nx = [1, 2]\n");
    assertEquals("MemoryError", r.error());
    Py.Run caught = Py.run("import gc\ngc.heap_lock()\ntry:\n    x = str(12345)\nexcept MemoryError:\n"
        + "    gc.heap_unlock()\n    print('caught')\n");
    assertEquals("caught\n", caught.out());
  }
}
