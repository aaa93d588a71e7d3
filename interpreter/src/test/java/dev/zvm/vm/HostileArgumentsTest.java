package dev.zvm.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zvm.compiler.Compilation;
import dev.zvm.gc.HeapVerifier;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Bad input must end in a Python exception, never in a Java one: every native, method and operator
 * called with hostile arguments ({@link HostileCallGenerator}), once plainly and once collecting at
 * every allocation with the heap verified afterwards (a native that holds an object across an
 * allocation without keeping it shows there). Each program must finish within its virtual time
 * and count every call it made. The first runs of this generator found a repeat count that wrapped
 * around ({@code b'ab' * 2**62} wrote past its bytes, {@code b'' * 2**40} looped 2^40 times), bytes
 * methods and encodings that read an int as bytes or str, {@code bytes.split(b'')} looping forever,
 * paddings and float precisions truncated to a negative int, and ranges whose length or items
 * overflowed a long: each is a test below.
 *
 * <p>More seeds: {@code -Dzvm.hostilePrograms=N}. Print one: {@code HostileCallGenerator#main}.
 */
class HostileArgumentsTest {
  private static final int SEEDS = Integer.getInteger("zvm.hostilePrograms", 2);
  private static final int PER_ARITY = 12;

  @TestFactory
  Stream<DynamicTest> hostileArgumentsRaisePythonExceptions() {
    return LongStream.range(0, SEEDS).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> check(seed)));
  }

  private static void check(long seed) {
    // every value alone and a dozen random combinations per arity, run plainly
    HostileCallGenerator g = new HostileCallGenerator(seed);
    String src = g.program(PER_ARITY, true);
    Py.Run plain = run(seed, src, Vm.builder().heapBytes(4 << 20));
    assertEquals("done " + g.calls() + "\n", lastLine(plain), () -> "seed " + seed + " ended as:\n" + tail(Py.rendered(plain)));
    // fewer calls, each allocation a collection, compiled: the same output, and a sound heap
    String small = g.program(1, false);
    String expected = "done " + g.calls() + "\n";
    Py.Run reference = run(seed, small, Vm.builder().heapBytes(256 << 10));
    assertEquals(expected, lastLine(reference), () -> "seed " + seed + " ended as:\n" + tail(Py.rendered(reference)));
    Py.Run stressed = run(seed, small, Vm.builder().heapBytes(256 << 10).stressGc(true).verifyHeap(true).jitThreshold(1)
        .compileInBackground(false));
    assertEquals(reference.out(), stressed.out(), "seed " + seed + ": collecting at every allocation changed the output");
    HeapVerifier.verify(stressed.vm().runtime().heap);
  }

  private static Py.Run run(long seed, String src, Vm.Builder builder) {
    Compilation c = Py.compile(src);
    if (!c.ok()) {
      throw new AssertionError("seed " + seed + ": the generated program does not compile:\n" + c.formatDiagnostics());
    }
    // virtual time: a call that sleeps or waits does so in no time, and a hang ends at the limit
    // and the tracebacks of threads and timer callbacks that died of their arguments go nowhere
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    return Py.run(src, builder.virtualTime(1_000).stderr(nowhere), Duration.ofHours(1));
  }

  private static String lastLine(Py.Run r) {
    String out = r.result().ok() ? r.out() : Py.rendered(r);
    int end = out.length() - 1;
    return out.substring(out.lastIndexOf('\n', end - 1) + 1);
  }

  private static String tail(String s) {
    return s.length() > 3000 ? "..." + s.substring(s.length() - 3000) : s;
  }

  // ---- what the first runs found, each as a program whose answer is known ----

  /** A program's helper: the name of the exception {@code f(*a)} raises, or 'ok'. */
  private static final String KIND = """
      def kind(f, *a):
          try:
              f(*a)
              return 'ok'
          except Exception as e:
              return type(e).__name__
      """;

  @Test
  void aCallWithTooManyArgumentsLeavesNoOldWordsAsRoots() {
    // f's locals y, z and w lie beyond its three arguments; a call with too many of them raises
    // while binding, and the TypeError's message is an allocation: a collection then scanned the
    // words those locals had held in the last call, references to objects long freed and reused
    String src = """
        def f(a, b=1):
            x = [a, a, a, a, a, a]
            y = (a, b, x)
            z = str(a) * 3
            w = [y, z]
            return len(w)
        out = []
        for round in range(30):
            f(round)
            keep = [(i, [i] * 3, str(i)) for i in range(12)]
            try:
                f(1, 2, 3)
            except TypeError as e:
                out.append(keep == [(i, [i] * 3, str(i)) for i in range(12)])
        print(all(out), len(out))
        """;
    for (int heap : new int[] {64 << 10, 96 << 10, 128 << 10}) {
      Py.Run r = Py.run(src, Vm.builder().heapBytes(heap).stressGc(true).verifyHeap(true));
      assertEquals("True 30\n", Py.rendered(r), "heap " + heap);
      HeapVerifier.verify(r.vm().runtime().heap);
    }
  }

  @Test
  void aReprTooDeepLeavesThePrinterAsItWas() {
    // the RecursionError reset the printer's depth to 0 and the frames it unwound then took it
    // below 0: the next repr of a list indexed its in-progress array at -200
    assertEquals("""
        RecursionError [[...]] [1, [2, (3,)]]
        RecursionError RecursionError {1: {...}} (4, 5)
        """, Py.out(KIND + """
        x = []
        for i in range(300):
            x = [x]
        def deep():
            return repr(x)
        class A:
            def __repr__(self):
                return repr(self)
        class B:
            def __repr__(self):
                return 'B' + repr([self])
        def a():
            return repr(A())
        def b():
            return repr(B())
        l = []
        l.append(l)
        print(kind(deep), repr(l), repr([1, [2, (3,)]]))
        d = {}
        d[1] = d
        print(kind(a), kind(b), d, (4, 5))
        """));
  }

  @Test
  void repeatCountsNeitherWrapNorSpin() {
    assertEquals("""
        OverflowError OverflowError OverflowError OverflowError
        0 0 0 0
        [1, 2, 1, 2] [1, 2, 1, 2]
        """, Py.out(KIND + """
        def l():
            return [1, 2, 3, 4] * 2**62
        def b():
            return b'ab' * 2**62
        def s():
            return 'ab' * 2**62
        def a():
            return bytearray(b'ab') * 2**62
        print(kind(l), kind(b), kind(s), kind(a))
        print(len(b'' * 2**40), len([] * 2**40), len('' * 2**40), len(bytearray() * 2**40))
        x = [1, 2]
        x *= 2
        print(x, [1, 2] * 2)
        """));
  }

  @Test
  void bytesMethodsAndEncodingsCheckTheirArguments() {
    assertEquals("""
        TypeError TypeError TypeError TypeError TypeError
        TypeError TypeError TypeError TypeError TypeError
        ValueError [b'a', b'b'] b'xy' True 1
        """, Py.out(KIND + """
        b = b'a,b'
        print(kind(b.strip, 5), kind(b.lstrip, [1]), kind(b.startswith, 'a'), kind(b.endswith, 1.5), kind(b.find, 'a'))
        print(kind(b.replace, 1, b''), kind(b.split, 7), kind(str, b, 5), kind('x'.encode, 8), kind(b.decode, None, 1))
        print(kind(b.split, b''), b.split(b','), b'  xy '.strip(), b.startswith(b'a,'), b.count(b','))
        """));
  }

  @Test
  void paddingsAndPrecisionsTooWideRaise() {
    assertEquals("""
        OverflowError OverflowError OverflowError OverflowError
        '  ab' 'ab' '007'
        """, Py.out(KIND + """
        def pct():
            return '%.*f' % (2**31 - 1, 1.5)
        print(kind('ab'.center, 2**40), kind('ab'.zfill, 2**31), kind('ab'.ljust, 2**32 + 5), kind(pct))
        print(repr('ab'.rjust(4)), repr('ab'.center(-2**63)), repr('7'.zfill(3)))
        """));
  }

  @Test
  void rangesBeyondAnIntKeepTheirItems() {
    // CPython's answers, but for len() of a range longer than 2**63 - 1 (OverflowError in both)
    assertEquals("""
        1099511627776 2305843009213693952 9223372036854775806 0
        [0, 2305843009213693952, 4611686018427387904, 6917529027641081856]
        [6917529027641081856, 4611686018427387904, 2305843009213693952, 0]
        [-9223372036854775806, -9223372036854775807, -9223372036854775808]
        [9223372036854775806, 9223372036854775805]
        True True True True
        True True False 1 2 2 6
        OverflowError IndexError IndexError
        """, Py.out(KIND + """
        big = range(0, 2**63 - 1, 2)
        print(len(range(2**40)), range(2**62)[2**61], big[-1], big[-2**62])
        quarter = range(0, 2**63 - 1, 2**61)
        print(list(quarter[::1]))
        print(list(quarter[::-1]))
        print(list(reversed(range(-2**63, -2**63 + 3))))
        print(list(reversed(range(2**63 - 3, 2**63 - 1))))
        print(range(0, 3, 2) == range(0, 4, 2), hash(range(0, 3, 2)) == hash(range(0, 4, 2)),
              hash(range(0)) == hash(range(5, 2)), hash(range(3, 4)) == hash(range(3, 4, 7)))
        print(2**62 in range(-2**63, 2**63 - 1), 2**63 - 2 in range(-2**63, 2**63 - 1, 2), 0 in range(10, 0, -5),
              range(10, 0, -5).index(5), range(10).index(2.0), range(-2**63, 0, 3).index(-2**63 + 6), range(10).count(6) * 6)
        def huge():
            return len(range(-2**63, 2**63 - 1))
        def past():
            return range(10)[10]
        def before():
            return range(10)[-11]
        print(kind(huge), kind(past), kind(before))
        """));
  }
}
