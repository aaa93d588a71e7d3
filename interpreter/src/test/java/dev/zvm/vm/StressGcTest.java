package dev.zvm.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zvm.gc.HeapVerifier;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Missing GC roots show up when every allocation collects first: each language-test program runs
 * with the collector's stress mode and must print exactly what it prints normally; the heap
 * verifier then checks every header and traced slot. A third run does the same with every code
 * object compiled at its first run (Jit): compiled code must keep every value where the collector
 * finds it.
 */
class StressGcTest {
  @TestFactory
  Stream<DynamicTest> everyProgramSurvivesACollectionAtEveryAllocation() throws IOException, URISyntaxException {
    Path root = Path.of(StressGcTest.class.getResource("programs").toURI());
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
    }
    return files.stream()
        .filter(p -> !p.getParent().getFileName().toString().equals("limits"))
        .map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(), () -> {
          String src = Files.readString(p);
          Py.Run normal = Py.run(src, Vm.builder().heapBytes(256 * 1024));
          Py.Run stressed = Py.run(src, Vm.builder().heapBytes(256 * 1024).stressGc(true));
          assertEquals(normal.out(), stressed.out());
          assertEquals(normal.error(), stressed.error());
          HeapVerifier.verify(stressed.vm().runtime().heap);
          Py.Run compiled = Py.run(src, Vm.builder().heapBytes(256 * 1024).stressGc(true).jitThreshold(1).compileInBackground(false));
          assertEquals(normal.out(), compiled.out());
          assertEquals(normal.error(), compiled.error());
          HeapVerifier.verify(compiled.vm().runtime().heap);
        }));
  }
}
