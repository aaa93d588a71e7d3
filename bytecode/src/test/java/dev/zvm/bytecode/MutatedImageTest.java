package dev.zvm.bytecode;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded mutations of valid images (bit flips, interesting values, huge lengths, truncation,
 * insertion, deletion, splicing), most with the CRC sealed again so they reach the parser and the
 * verifier: each must read as a good image or fail with {@link BadImageException}, nothing else.
 */
class MutatedImageTest {

  private static final int MUTANTS_PER_SEED = 40;
  private static final int[] INTERESTING = {0, 1, 2, 0x7F, 0x80, 0xFE, 0xFF};

  static long[] seeds() {
    long[] seeds = new long[100];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = 0xF022_0000L + i;
    }
    return seeds;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void mutantsReadOrFailCleanly(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] valid = ImageWriter.write(r.nextInt(4) == 0 ? TestImages.sample()
        : RandomImages.generate(seed));
    int good = 0;
    for (int m = 0; m < MUTANTS_PER_SEED; m++) {
      byte[] mutant = mutate(valid, r);
      try {
        good += ImageFuzzTest.check(mutant) ? 1 : 0;
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError("seed " + seed + " mutant " + m + ": " + e, e);
      }
    }
    assertTrue(good < MUTANTS_PER_SEED, "seed " + seed + ": no mutant was rejected");
  }

  static byte[] mutate(byte[] valid, SplittableRandom r) {
    byte[] b = valid.clone();
    // Half the mutants change the code objects in place, which keeps the layout intact so that
    // the verifier's checks, not the parser's, are what they meet.
    boolean inCode = r.nextBoolean();
    int codes = ImageFormat.HEADER_LENGTH;
    for (int s = 0; s < ImageFormat.SECTION_CODES; s++) {
      codes += ImageFormat.getI32(valid, ImageFormat.sectionSizeOffset(s));
    }
    int codesSize = ImageFormat.getI32(valid, ImageFormat.sectionSizeOffset(ImageFormat.SECTION_CODES));
    int count = 1 + r.nextInt(4);
    for (int i = 0; i < count && b.length > 0; i++) {
      int at = inCode ? codes + r.nextInt(codesSize) : r.nextInt(b.length);
      int kind = inCode ? new int[] {0, 1, 2, 7}[r.nextInt(4)] : r.nextInt(8);
      switch (kind) {
        case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
        case 1 -> b[at] = (byte) INTERESTING[r.nextInt(INTERESTING.length)];
        case 2 -> {
          int v = r.nextBoolean() ? -1 : r.nextInt(1 << 20);
          for (int k = 0; k < 4 && at + k < b.length; k++) {
            b[at + k] = (byte) (v >>> 8 * k);
          }
        }
        case 3 -> b = Arrays.copyOf(b, at);
        case 4 -> {
          byte[] c = new byte[b.length + 1];
          System.arraycopy(b, 0, c, 0, at);
          c[at] = (byte) r.nextInt(256);
          System.arraycopy(b, at, c, at + 1, b.length - at);
          b = c;
        }
        case 5 -> {
          int n = Math.min(1 + r.nextInt(8), b.length - at);
          byte[] c = new byte[b.length - n];
          System.arraycopy(b, 0, c, 0, at);
          System.arraycopy(b, at + n, c, at, b.length - at - n);
          b = c;
        }
        case 6 -> {
          int from = r.nextInt(b.length);
          int n = Math.min(Math.min(1 + r.nextInt(16), b.length - from), b.length - at);
          System.arraycopy(b.clone(), from, b, at, n);
        }
        default -> b[at] = (byte) r.nextInt(256);
      }
    }
    if (b.length >= ImageFormat.HEADER_LENGTH && (inCode || r.nextInt(10) != 0)) {
      if (inCode || r.nextInt(3) != 0) {
        ImageFormat.putU32(b, ImageFormat.LENGTH_OFFSET, b.length);
      }
      ImageFormat.sealCrc(b);
    }
    return b;
  }
}
