package dev.zvm.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zvm.compiler.Compilation;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * "Zero garbage on hot paths" (DESIGN.md), checked the way JMH's {@code -prof gc} would, but in
 * the normal suite: the same program runs with its loop taken 3000 and 6000 times, each in a
 * fresh VM, and the Java bytes the running thread allocated are compared. Python objects live
 * on the VM's own heap (an {@code int[]} made at load), so the extra 3000 iterations must cost
 * the JVM nothing but noise. Per-iteration garbage of even one small array (16 bytes and more)
 * would add 48 KB and more. The loop goes through the paths that once made Java garbage:
 * {@code int()} and {@code str()} of strs and ints, {@code str()}, {@code repr()} and {@code float()}
 * of floats, {@code %} formatting, {@code split}, {@code find} and the other str methods with
 * optional bounds, {@code sorted}, {@code hex} and {@code bin}, {@code getattr} and its kin,
 * builtin constructors, keyword-less natives, and IndexError raised and caught.
 */
class SteadyStateAllocationTest {
  private static final String PROGRAM = String.join("\n",
      "class P:",
      "    pass",
      "def work(n):",
      "    p = P()",
      "    setattr(p, 'x', 0)",
      "    items = [1, 2, 3]",
      "    total = 0",
      "    i = 0",
      "    while i < n:",
      "        line = '%s,%d, %s ' % ('kalo', i, 'KALO')",
      "        fields = line.split(',')",
      "        total += int(fields[1]) + len(fields[0].upper())",
      "        setattr(p, 'x', getattr(p, 'x') + 1)",
      "        if hasattr(p, 'x'):",
      "            total += 1",
      "        total += int(2.5) + len(str(i)) + len(list(items))",
      "        try:",
      "            total += items[i % 5]",
      "        except IndexError:",
      "            total -= 1",
      "        total += len(sorted(items)) + line.find('a') + len(line.replace('a', 'c')) + len(line.strip())",
      "        total += line.startswith('k') + line.endswith(' ') + line.count(',') + line.index('a')",
      "        total += len(repr(i)) + len(str(-i)) + len(hex(i)) + len(bin(-i))",
      "        f = i * 0.5",
      "        total += int(f * f) % 7 + len(str(f)) + len(repr(f * 1e20)) + int(float('2.5e1'))",
      "        i += 1",
      "    return total",
      "print(work(N))",
      "");

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** Java bytes this thread allocated while the VM ran the program with N = {@code n}. */
  private static long allocatedRunning(int n) {
    Compilation c = Py.compile(PROGRAM.replace("N", Integer.toString(n)));
    assertTrue(c.ok(), c::formatDiagnostics);
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
    Vm vm = Vm.builder().heapBytes(1 << 20).stdout(sink).stderr(sink).build();
    vm.load(c.image());
    long tid = Thread.currentThread().getId();
    long before = THREADS.getThreadAllocatedBytes(tid);
    RunResult r = vm.run();
    long after = THREADS.getThreadAllocatedBytes(tid);
    assertTrue(r.ok(), () -> r.exception().traceback());
    return after - before;
  }

  @Test
  void moreIterationsAllocateNoMoreJavaMemory() {
    assertTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled());
    allocatedRunning(3000); // first: classes load, lazily made tables fill
    long shortRun = allocatedRunning(3000);
    long longRun = allocatedRunning(6000);
    long extra = longRun - shortRun;
    assertTrue(extra < 16 * 1024,
        () -> "3000 more iterations allocated " + extra + " Java bytes (" + shortRun + " then " + longRun + ")");
  }

  @Test
  void theLoopComputesWhatCPythonDoes() {
    assertEquals("6327\n", Py.out(PROGRAM.replace("N", "50")));
  }
}
