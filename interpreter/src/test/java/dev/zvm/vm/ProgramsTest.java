package dev.zvm.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The language tests: every {@code .py} under {@code programs/} (one folder per builtin or method
 * group, see its README) runs on a fresh VM. Its {@code # expect: line} comments, in order, are the
 * exact stdout (CPython's output where the semantics agree); an {@code # expect-exception: Type:
 * message} comment says the run ends with that uncaught exception, and {@code # expect-traceback:
 * line N, in f} lines that the traceback names those frames, outermost first. A {@code # heap:
 * bytes} comment sets the heap size (default 1 MiB).
 */
class ProgramsTest {
  private static final String EXPECT = "# expect:";
  private static final String EXPECT_EXCEPTION = "# expect-exception:";
  private static final String EXPECT_TRACEBACK = "# expect-traceback:";
  private static final String HEAP = "# heap:";

  @TestFactory
  Stream<DynamicNode> programs() throws IOException, URISyntaxException {
    Path root = Path.of(ProgramsTest.class.getResource("programs").toURI());
    List<DynamicNode> groups = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        List<DynamicNode> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
          for (Path p : files.filter(f -> f.toString().endsWith(".py")).sorted().toList()) {
            tests.add(DynamicTest.dynamicTest(p.getFileName().toString(), () -> runOne(p)));
          }
        }
        groups.add(DynamicContainer.dynamicContainer(dir.getFileName().toString(), tests));
      }
    }
    return groups.stream();
  }

  static void runOne(Path p) {
    String source;
    try {
      source = Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder expected = new StringBuilder();
    String exception = null;
    List<String> frames = new ArrayList<>();
    int heapBytes = 1 << 20;
    for (String line : source.split("\n")) {
      String l = line.stripLeading();
      if (l.startsWith(HEAP)) {
        heapBytes = Integer.parseInt(l.substring(HEAP.length()).strip());
      } else if (l.startsWith(EXPECT_EXCEPTION)) {
        exception = l.substring(EXPECT_EXCEPTION.length()).strip();
      } else if (l.startsWith(EXPECT_TRACEBACK)) {
        frames.add(l.substring(EXPECT_TRACEBACK.length()).strip());
      } else if (l.startsWith(EXPECT)) {
        String text = l.substring(EXPECT.length());
        expected.append(text.startsWith(" ") ? text.substring(1) : text).append('\n');
      }
    }
    Py.Run r = Py.run(source, Vm.builder().heapBytes(heapBytes));
    if (exception == null) {
      assertTrue(r.result().ok(), () -> "uncaught exception after output:\n" + r.out() + "\n" + r.traceback());
    } else {
      assertTrue(!r.result().ok(), "expected " + exception + " but the run ended normally");
      assertEquals(exception, r.error());
      String tb = r.traceback();
      int from = 0;
      for (String frame : frames) {
        int i = tb.indexOf(frame + "\n", from);
        assertTrue(i >= 0, "traceback lacks '" + frame + "' (in order):\n" + tb);
        from = i;
      }
    }
    assertEquals(expected.toString(), r.out());
  }
}
