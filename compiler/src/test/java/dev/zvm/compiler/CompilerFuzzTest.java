package dev.zvm.compiler;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Whatever the source, the compiler returns a {@link Compilation}: an image that verifies and
 * round-trips, or diagnostics, none of them an internal error (an "internal compiler error" is a
 * bug to fix, even though the boundary catches it).
 *
 * <p>In {@code mvn verify} this runs in regression mode over the seeds in {@code
 * src/test/resources/dev/zvm/compiler/CompilerFuzzTestInputs/compilerReturnsACompilation}. To
 * fuzz for real: {@code JAZZER_FUZZ=1 mvn -pl compiler test -Dtest=CompilerFuzzTest}. {@link
 * MutatedSourceTest} runs seeded mutations of real programs in every build.
 */
class CompilerFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void compilerReturnsACompilation(byte[] data) {
    check(new String(data, StandardCharsets.UTF_8));
  }

  /** Compiles {@code src} and checks the outcome; returns true if it compiled. */
  static boolean check(String src) {
    Compilation r = Programs.COMPILER.compileSource("fuzz.py", src);
    assertNotNull(r);
    for (Diagnostic d : r.diagnostics()) {
      assertFalse(d.message().contains("internal compiler error"), () -> d.format() + "\nsource:\n" + src);
      assertNotNull(d.format());
    }
    if (r.ok()) {
      Programs.checked(r.image());
      return true;
    }
    assertTrue(!r.diagnostics().isEmpty());
    return false;
  }
}
