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

  /**
   * Text formatting: {@code %} with flags, widths, precisions, {@code *}, keys and every
   * conversion, {@code str.format} and {@code format()} with the format-spec mini-language, f-strings,
   * floats that take {@link DecimalDigits}' big-integer way ({@code .3e} of 1e302, {@code .20f},
   * {@code %d} of 1e25), a {@code __repr__} and a {@code __str__} that format again while their
   * caller is formatting, and print with {@code sep} and {@code end}.
   */
  private static final String FORMATTING = String.join("\n",
      "class V:",
      "    def __init__(self, n):",
      "        self.n = n",
      "    def __repr__(self):",
      "        return 'V(%3d, %.1f)' % (self.n, self.n / 4)",
      "    def __str__(self):",
      "        return '{:>4}'.format(self.n)",
      "def work(n):",
      "    d = {'name': 'zvm', 'v': 2.5}",
      "    big = 2 ** 40",
      "    total = 0",
      "    i = 0",
      "    while i < n:",
      "        x = i * 0.37 + 0.125",
      "        a = '%5.2f %-6s %x' % (x, 'ab', i)",
      "        b = '%+08.3e|%-10.4g|%G|%#o|%05d|% i|%c|%%|%*d|%.*f|%d' % (x * 1e10, x, x / 3e12, i, -i, i, 65 + i % 26, 4, i, 2, x, x * 1e25)",
      "        c = '%(name)s=%(v).1f %(name)r' % d",
      "        e = '%r %s %a %r %s %d %s %s' % ('q', None, 'caf\\u00e9', V(i), V(i), big + i, x, True)",
      "        f = '{:>8.3f}'.format(x) + '{:,}'.format(big * i) + '{:_x}|{:^10}|{!r:>6}|{:+.2%}|{}|{}'.format(big + i, 'mid', 'r', x / 100, V(i), x)",
      "        g = format(x, '08.2f') + format(i, '#b') + format(x, '') + format(x * 1e300, '.3e') + format(x, '.20f') + format(-x, '*^12,.1f') + format(-x / 1e9, 'z.2f')",
      "        h = f'{x:.2f} {i:5d} {\"s\"!r} {x} {i}'",
      "        print(a, b, c, e, sep=' | ')",
      "        print(f, g, h, end='\\n')",
      "        total += len(a) + len(b) + len(c) + len(e) + len(f) + len(g) + len(h)",
      "        i += 1",
      "    return total",
      "print(work(N))",
      "");

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** Java bytes this thread allocated while the VM ran {@code program} with N = {@code n}. */
  private static long allocatedRunning(String program, int n) {
    Compilation c = Py.compile(withN(program, n));
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

  /** The program with its loop count: {@code work(N)} becomes {@code work(n)}. */
  private static String withN(String program, int n) {
    return program.replace("work(N)", "work(" + n + ")");
  }

  private static void assertNoGarbagePerIteration(String program) {
    assertTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled());
    allocatedRunning(program, 3000); // first: classes load, lazily made tables fill
    long shortRun = allocatedRunning(program, 3000);
    long longRun = allocatedRunning(program, 6000);
    long extra = longRun - shortRun;
    assertTrue(extra < 16 * 1024,
        () -> "3000 more iterations allocated " + extra + " Java bytes (" + shortRun + " then " + longRun + ")");
  }

  @Test
  void moreIterationsAllocateNoMoreJavaMemory() {
    assertNoGarbagePerIteration(PROGRAM);
  }

  @Test
  void moreFormattingAllocatesNoMoreJavaMemory() {
    assertNoGarbagePerIteration(FORMATTING);
  }

  @Test
  void theLoopComputesWhatCPythonDoes() {
    assertEquals("6327\n", Py.out(withN(PROGRAM, 50)));
  }

  /** CPython 3.11's output for N = 2 (python3 on the program), and its total for N = 50. */
  @Test
  void theFormattingLoopPrintsWhatCPythonDoes() {
    String want = String.join("\n",
        " 0.12 ab     0 | +1.250e+09|0.125     |4.16667E-14|0o0|00000| 0|A|%|   0|0.12|1250000000000000113246208 | zvm=2.5 'zvm' | 'q' None 'caf\\xe9' V(  0, 0.0)    0 1099511627776 0.125 True",
        "   0.1250100_0000_0000|   mid    |   'r'|+0.12%|   0|0.125 00000.120b00.1251.250e+2990.12500000000000000000****-0.1****0.00 0.12     0 's' 0.125 0",
        " 0.49 ab     1 | +4.950e+09|0.495     |1.65E-13|0o1|-0001| 1|B|%|   1|0.49|4950000000000000373293056 | zvm=2.5 'zvm' | 'q' None 'caf\\xe9' V(  1, 0.2)    1 1099511627777 0.495 True",
        "   0.4951,099,511,627,776100_0000_0001|   mid    |   'r'|+0.49%|   1|0.495 00000.490b10.4954.950e+2990.49499999999999999556****-0.5****0.00 0.49     1 's' 0.495 1",
        "647",
        "");
    assertEquals(want, Py.out(withN(FORMATTING, 2)));
    assertTrue(Py.out(withN(FORMATTING, 50)).endsWith("\n17545\n"));
  }
}
