package dev.zvm.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the sources in line with DESIGN.md's arrows. Maven already forbids a dependency against
 * them; this test also catches what Maven cannot: the interpreter reaching the kernel through
 * vosal's transitive dependency, and Agrona's UnsafeBuffer in a runtime module (it would need a
 * JVM flag from every user).
 */
class ArchitectureTest {

  /** Which packages each module's main sources may import, besides its own. */
  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "rtos-kernel", Set.of(),
          "vosal", Set.of("kernel"),
          "gc", Set.of(),
          "bytecode", Set.of(),
          "compiler", Set.of("bytecode"),
          "vhal", Set.of("vosal"),
          "interpreter", Set.of("bytecode", "gc", "vhal", "vosal"),
          "cli", Set.of("compiler", "interpreter", "vm", "bytecode", "gc", "vhal", "vosal"));

  private static final Map<String, String> OWN_PACKAGE =
      Map.of(
          "rtos-kernel", "kernel",
          "vosal", "vosal",
          "gc", "gc",
          "bytecode", "bytecode",
          "compiler", "compiler",
          "vhal", "vhal",
          "interpreter", "vm",
          "cli", "cli");

  private static final Pattern ZVM_IMPORT =
      Pattern.compile("^import\\s+(?:static\\s+)?dev\\.zvm\\.(\\w+)", Pattern.MULTILINE);
  private static final Pattern UNSAFE_BUFFER =
      Pattern.compile("org\\.agrona\\.(concurrent\\.UnsafeBuffer|UnsafeApi|BufferUtil)");

  private static Path root() {
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("integration-tests")) ? here : here.getParent();
  }

  private static List<Path> mainSources(String module) {
    Path dir = root().resolve(module).resolve("src/main/java");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".java")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void importsFollowTheArrows() throws IOException {
    List<String> violations = new ArrayList<>();
    int scanned = 0;
    for (var entry : ALLOWED.entrySet()) {
      String module = entry.getKey();
      for (Path file : mainSources(module)) {
        scanned++;
        Matcher m = ZVM_IMPORT.matcher(Files.readString(file));
        while (m.find()) {
          String pkg = m.group(1);
          if (!pkg.equals(OWN_PACKAGE.get(module)) && !entry.getValue().contains(pkg)) {
            violations.add(root().relativize(file) + " imports dev.zvm." + pkg);
          }
        }
      }
    }
    assertTrue(scanned > 0, "found no sources under " + root());
    assertTrue(violations.isEmpty(), () -> "imports against DESIGN.md's arrows:\n" + String.join("\n", violations));
  }

  @Test
  void noRuntimeModuleLoadsUnsafeBuffer() throws IOException {
    List<String> violations = new ArrayList<>();
    for (String module : ALLOWED.keySet()) {
      for (Path file : mainSources(module)) {
        if (UNSAFE_BUFFER.matcher(Files.readString(file)).find()) {
          violations.add(root().relativize(file).toString());
        }
      }
    }
    assertTrue(violations.isEmpty(), () -> "these would need --add-exports from every user:\n" + String.join("\n", violations));
  }
}
