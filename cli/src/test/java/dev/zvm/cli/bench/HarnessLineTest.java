package dev.zvm.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HarnessLineTest {

  @Test
  void parsesEveryField() {
    HarnessLine h = HarnessLine.parse(
        "@bench name=nbody scale=small n=1000 rep=3 seconds=0.012345678 ok=1");
    assertEquals(new HarnessLine("nbody", "small", 1000, 3, 0.012345678, true), h);
  }

  @Test
  void fieldsMayComeInAnyOrderWithUnknownOnesIgnored() {
    HarnessLine h = HarnessLine.parse(
        "  @bench ok=0 seconds=2.5e-3 future=x rep=0 n=7 name=fannkuch\t ");
    assertEquals("fannkuch", h.name());
    assertEquals("", h.scale());
    assertEquals(7, h.n());
    assertEquals(0.0025, h.seconds());
    assertFalse(h.ok());
  }

  @Test
  void recognisesOnlyTheTag() {
    assertTrue(HarnessLine.isHarnessLine("@bench name=a n=1 rep=0 seconds=1 ok=1"));
    assertFalse(HarnessLine.isHarnessLine("@benchmark name=a"));
    assertFalse(HarnessLine.isHarnessLine("FAIL nbody n=1: energy"));
    assertFalse(HarnessLine.isHarnessLine("the @bench line"));
    assertThrows(IllegalArgumentException.class, () -> HarnessLine.parse("hello"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "@bench n=1 rep=0 seconds=1 ok=1",
    "@bench name=a rep=0 seconds=1 ok=1",
    "@bench name=a n=1 seconds=1 ok=1",
    "@bench name=a n=1 rep=0 ok=1",
    "@bench name=a n=1 rep=0 seconds=1",
    "@bench name=a n=x rep=0 seconds=1 ok=1",
    "@bench name=a n=1 rep=-1 seconds=1 ok=1",
    "@bench name=a n=1 rep=0 seconds=fast ok=1",
    "@bench name=a n=1 rep=0 seconds=-1 ok=1",
    "@bench name=a n=1 rep=0 seconds=NaN ok=1",
    "@bench name=a n=1 rep=0 seconds=Infinity ok=1",
    "@bench name=a n=1 rep=0 seconds=1 ok=yes",
    "@bench name=a n=1 rep=0 seconds=1 ok=1 stray",
    "@bench name= n=1 rep=0 seconds=1 ok=1",
  })
  void rejectsMalformedLinesWithAReason(String line) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> HarnessLine.parse(line));
    assertTrue(e.getMessage().contains(line.strip()), e.getMessage());
  }

  /** The harness's own format string, filled in as Python's % would, must parse back. */
  @Test
  void readsWhatTheCorpusHarnessPrints() throws IOException {
    Path harness = Path.of("..", "benchmarks", "programs", "harness.py");
    String source = Files.readString(harness);
    String format = "@bench name=%s scale=%s n=%d rep=%d seconds=%.9f ok=%d";
    assertTrue(source.contains("\"" + format + "\""), "harness.py no longer prints: " + format);
    String line = String.format(Locale.ROOT, format, "nqueens", "tiny", 6L, 2, 0.000075162, 1);
    assertEquals(new HarnessLine("nqueens", "tiny", 6, 2, 0.000075162, true),
        HarnessLine.parse(line));
  }
}
