package dev.zvm.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of real programs (the golden programs, the parser's grammar cases and the
 * integration-tests corpus when present) and random token soups, each checked by {@link
 * CompilerFuzzTest#check}. A failure prints the seed and the source.
 */
class MutatedSourceTest {
  private static final String[] TOKENS = {
    "def", "class", "if", "elif", "else", "while", "for", "in", "try", "except", "finally", "raise",
    "return", "break", "continue", "lambda", "yield", "with", "as", "import", "from", "global",
    "nonlocal", "del", "pass", "assert", "not", "and", "or", "is", "None", "True", "False", "x",
    "y", "f", "print", "self", "(", ")", "[", "]", "{", "}", ":", ",", ".", ";", "=", "==", "+",
    "-", "*", "**", "/", "//", "%", "@", "<", ">", "<=", "!=", "+=", "->", ":=", "...", "0", "1",
    "1.5", "0x1f", "'s'", "b'b'", "f'{x}'", "\"\"\"doc\"\"\"", "\n", "\n    ", "\n        ", "#c\n",
    "\\\n", "*", "**", "~", "|", "&", "^", "<<", ">>"
  };

  static List<String> corpus() throws IOException {
    List<String> out = new ArrayList<>();
    for (String name : GoldenTest.PROGRAMS) {
      out.add(GoldenTest.read(name + ".py"));
    }
    for (String c : ParserTest.cases("cases.txt")) {
      out.add(c);
    }
    for (Path p : CorpusSmokeTest.programs()) {
      out.add(Files.readString(p));
    }
    return out;
  }

  static String mutate(String src, SplittableRandom rnd) {
    StringBuilder b = new StringBuilder(src);
    int edits = 1 + rnd.nextInt(4);
    for (int e = 0; e < edits && b.length() > 0; e++) {
      int at = rnd.nextInt(b.length());
      switch (rnd.nextInt(6)) {
        case 0 -> b.deleteCharAt(at);
        case 1 -> b.insert(at, TOKENS[rnd.nextInt(TOKENS.length)]);
        case 2 -> b.insert(at, (char) (rnd.nextInt(0x7f - 0x20) + 0x20));
        case 3 -> {
          int end = Math.min(b.length(), at + rnd.nextInt(40));
          b.insert(rnd.nextInt(b.length()), b.substring(at, end));
        }
        case 4 -> {
          int end = Math.min(b.length(), at + rnd.nextInt(20));
          b.delete(at, end);
        }
        default -> b.setCharAt(at, b.charAt(rnd.nextInt(b.length())));
      }
    }
    return b.toString();
  }

  static String soup(SplittableRandom rnd) {
    StringBuilder b = new StringBuilder();
    int n = 5 + rnd.nextInt(60);
    for (int i = 0; i < n; i++) {
      b.append(TOKENS[rnd.nextInt(TOKENS.length)]).append(rnd.nextInt(3) == 0 ? "" : " ");
    }
    return b.toString();
  }

  @Test
  void mutatedProgramsNeverBreakTheCompiler() throws IOException {
    List<String> corpus = corpus();
    long base = 0x5eed_c0de_2026L;
    int compiled = 0;
    for (int i = 0; i < 600; i++) {
      long seed = base + i;
      SplittableRandom rnd = new SplittableRandom(seed);
      String src = mutate(corpus.get(rnd.nextInt(corpus.size())), rnd);
      try {
        compiled += CompilerFuzzTest.check(src) ? 1 : 0;
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("seed " + seed + " failed on:\n" + src, e);
      }
    }
    assertTrue(compiled > 0, "some mutants still compile, so code generation is exercised too");
  }

  @Test
  void tokenSoupsNeverBreakTheCompiler() {
    long base = 0x50_0b_2026L;
    for (int i = 0; i < 600; i++) {
      long seed = base + i;
      String src = soup(new SplittableRandom(seed));
      try {
        CompilerFuzzTest.check(src);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("seed " + seed + " failed on:\n" + src, e);
      }
    }
  }
}
