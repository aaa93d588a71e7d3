package dev.zvm.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Whatever the bytes, the reader returns a verified image or throws {@link BadImageException};
 * an image it returns writes, reads back equal and disassembles.
 *
 * <p>In {@code mvn verify} the fuzz test runs in regression mode over the seed images in {@code
 * src/test/resources/dev/zvm/bytecode/ImageFuzzTestInputs/readerThrowsOnlyBadImage} (valid
 * images, which the fuzzer mutates; named {@code .seed} because the repository ignores {@code
 * *.zimg}). To fuzz for real: {@code JAZZER_FUZZ=1 mvn -pl bytecode test
 * -Dtest=ImageFuzzTest}. {@link MutatedImageTest} runs seeded mutations of the same kind in every
 * build.
 */
class ImageFuzzTest {

  static final String SEED_DIR = "ImageFuzzTestInputs/readerThrowsOnlyBadImage";

  @FuzzTest(maxDuration = "60s")
  void readerThrowsOnlyBadImage(byte[] data) {
    check(data);
    // Most mutations break the CRC; sealing it again lets them reach the parser and verifier.
    if (data.length >= ImageFormat.HEADER_LENGTH) {
      byte[] sealed = data.clone();
      ImageFormat.putU32(sealed, ImageFormat.LENGTH_OFFSET, sealed.length);
      ImageFormat.sealCrc(sealed);
      check(sealed);
    }
  }

  /** Reads {@code bytes}; returns true if they were a good image (and then round-trips it). */
  static boolean check(byte[] bytes) {
    Image image;
    try {
      image = ImageReader.read(bytes);
    } catch (BadImageException expected) {
      assertTrue(expected.getMessage() != null && !expected.getMessage().isEmpty());
      return false;
    }
    byte[] again = ImageWriter.write(image);
    assertEquals(image, ImageReader.read(again), "a read image reads back equal");
    assertTrue(Disassembler.disassemble(image).startsWith("zvm image"));
    return true;
  }

  static List<byte[]> seeds() throws IOException, URISyntaxException {
    Path dir = Path.of(ImageFuzzTest.class.getResource(SEED_DIR).toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().map(p -> {
        try {
          return Files.readAllBytes(p);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }).toList();
    }
  }

  @Test
  void theSeedsAreValidImages() throws IOException, URISyntaxException {
    List<byte[]> seeds = seeds();
    assertTrue(seeds.size() >= 4, "seed images in " + SEED_DIR);
    for (byte[] seed : seeds) {
      // A format change must come with new seeds, or the fuzzer starts from rejected inputs.
      assertTrue(check(seed), "a seed image no longer reads");
    }
  }
}
