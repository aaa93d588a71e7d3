package dev.zvm.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Several VMs in one JVM share nothing: two run at once on two threads, each gets its own result. */
class TwoVmsTest {
  private static String program(String tag, int n) {
    return "class Acc:\n    total = 0\n    def add(self, x):\n        Acc.total += x\n"
        + "a = Acc()\nnames = {}\ni = 0\nwhile i < " + n + ":\n    a.add(i)\n    names['" + tag + "' + str(i % 7)] = i\n"
        + "    i += 1\nprint('" + tag + "', Acc.total, sorted(names)[:2], len(names))\n";
  }

  @Test
  void twoVmsRunAtOnceWithoutInterfering() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<String> a = () -> Py.run(program("a", 20000)).out();
      Callable<String> b = () -> Py.run(program("b", 30000), Vm.builder().heapBytes(64 * 1024)).out();
      for (int round = 0; round < 3; round++) {
        Future<String> fa = pool.submit(a);
        Future<String> fb = pool.submit(b);
        assertEquals("a 199990000 ['a0', 'a1'] 7\n", fa.get());
        assertEquals("b 449985000 ['b0', 'b1'] 7\n", fb.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoVmsInterleavedOnOneThreadKeepTheirOwnState() {
    Py.Run first = Py.run("x = [1, 2]\nprint(x)\n");
    Py.Run second = Py.run("x = {'k': 3}\nprint(x)\n");
    assertEquals("[1, 2]\n", first.out());
    assertEquals("{'k': 3}\n", second.out());
    assertEquals(first.vm().stats().opcodes(), Py.run("x = [1, 2]\nprint(x)\n").vm().stats().opcodes());
  }
}
