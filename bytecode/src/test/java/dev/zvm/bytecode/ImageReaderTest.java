package dev.zvm.bytecode;

import static dev.zvm.bytecode.ImageFormat.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader's own checks, before the verifier: header, sizes, CRC, lengths, encodings. */
class ImageReaderTest {

  private static byte[] valid() {
    return ImageWriter.write(TestImages.sample());
  }

  private static int sectionStart(byte[] b, int section) {
    int at = HEADER_LENGTH;
    for (int s = 0; s < section; s++) {
      at += getI32(b, sectionSizeOffset(s));
    }
    return at;
  }

  private static void assertBad(byte[] bytes, String fragment) {
    BadImageException e = assertThrows(BadImageException.class, () -> ImageReader.read(bytes));
    assertTrue(e.getMessage().contains(fragment),
        () -> "message was\n  " + e.getMessage() + "\nexpected it to contain\n  " + fragment);
  }

  /** Changes bytes then fixes the CRC, so the check behind the CRC is what fails. */
  private static byte[] patched(byte[] b, int at, int... values) {
    byte[] c = b.clone();
    for (int i = 0; i < values.length; i++) {
      c[at + i] = (byte) values[i];
    }
    sealCrc(c);
    return c;
  }

  @Test
  void nullIsABadImage() {
    assertBad(null, "no image");
  }

  @Test
  void badMagic() {
    assertBad(patched(valid(), MAGIC_OFFSET, 'P', 'K'), "bad magic 0x494d4b50 at byte 0");
  }

  @Test
  void badVersion() {
    assertBad(patched(valid(), VERSION_OFFSET, 2, 0),
        "unsupported format version 2 (this reader reads version 1)");
  }

  @Test
  void badCrc() {
    byte[] b = valid();
    b[b.length - 1] ^= 0x10;
    assertBad(b, "CRC mismatch");
    byte[] c = valid();
    c[FLAGS_OFFSET] ^= 1;
    assertBad(c, "CRC mismatch");
  }

  @Test
  void everyTruncationIsRejected() {
    byte[] b = valid();
    for (int n = 0; n < b.length; n++) {
      byte[] cut = Arrays.copyOf(b, n);
      assertBad(cut, "truncated");
      // Even with the length and CRC fixed up, a cut image never reads.
      if (n >= HEADER_LENGTH) {
        putU32(cut, LENGTH_OFFSET, n);
        sealCrc(cut);
        int size = n;
        assertThrows(BadImageException.class, () -> ImageReader.read(cut), "length " + size);
      }
    }
  }

  @Test
  void trailingBytes() {
    byte[] b = Arrays.copyOf(valid(), valid().length + 1);
    assertBad(b, "trailing bytes: the header says");
  }

  @Test
  void sectionSizesMustAddUp() {
    byte[] b = valid();
    int names = getI32(b, sectionSizeOffset(SECTION_NAMES));
    byte[] c = b.clone();
    putU32(c, sectionSizeOffset(SECTION_NAMES), names - 1);
    sealCrc(c);
    assertBad(c, "section sizes add up to");
    byte[] d = b.clone();
    putU32(d, sectionSizeOffset(SECTION_CODES), -1);
    sealCrc(d);
    assertBad(d, "section sizes exceed the image: the codes section (4294967295 bytes)");
  }

  @Test
  void hugeCountsAreRefusedBeforeAllocating() {
    byte[] b = valid();
    assertBad(patched(b, sectionStart(b, SECTION_NAMES), 0xFF, 0xFF, 0xFF, 0xFF),
        "names section, byte 44 of the image: names count 4294967295 needs at least");
    assertBad(patched(b, sectionStart(b, SECTION_CODES), 0xFF, 0xFF, 0xFF, 0x7F),
        "code objects count 2147483647");
  }

  @Test
  void hugeStringLengthIsRefused() {
    byte[] b = valid();
    int at = sectionStart(b, SECTION_CONSTANTS);
    // constant 1 is 'hi': tag at +4+9 (after count and constant 0, an int), length after it.
    assertEquals(TAG_STR, b[at + 4 + 9]);
    assertBad(patched(b, at + 4 + 9 + 1, 0xF0, 0xFF, 0xFF, 0x7F),
        "truncated: constant 1 length 2147483632 exceeds");
  }

  @Test
  void unknownConstantTag() {
    byte[] b = valid();
    assertBad(patched(b, sectionStart(b, SECTION_CONSTANTS) + 4, 9), "constant 0 has unknown tag 9");
  }

  @Test
  void invalidTextIsRefused() {
    byte[] b = valid();
    // name 0 is "BaseException": a lone continuation byte makes it invalid.
    assertBad(patched(b, sectionStart(b, SECTION_NAMES) + 4 + 2, 0x80),
        "name 0 is not valid WTF-8 text");
    // an overlong encoding of '/' (C0 AF) is not canonical.
    assertBad(patched(b, sectionStart(b, SECTION_NAMES) + 4 + 2, 0xC0, 0xAF),
        "name 0 is not valid WTF-8 text");
  }

  @Test
  void aRequiredStringCannotBeAbsent() {
    byte[] b = valid();
    assertBad(patched(b, sectionStart(b, SECTION_NATIVES) + 4, 0xFF, 0xFF),
        "native 0 is absent (0xFFFF length) where a string is required");
  }

  @Test
  void unreadBytesAtTheEndOfASection() {
    Image sample = TestImages.sample();
    byte[] b = ImageWriter.write(sample);
    // Grow the natives section by one byte: its count still says one native.
    int at = sectionStart(b, SECTION_RESOURCES);
    byte[] c = new byte[b.length + 1];
    System.arraycopy(b, 0, c, 0, at);
    System.arraycopy(b, at, c, at + 1, b.length - at);
    putU32(c, sectionSizeOffset(SECTION_NATIVES), getI32(b, sectionSizeOffset(SECTION_NATIVES)) + 1);
    putU32(c, LENGTH_OFFSET, c.length);
    sealCrc(c);
    assertBad(c, "natives section, byte " + at + " of the image: 1 unread bytes");
  }

  @Test
  void theVerifierRunsAfterParsing() {
    Image ok = TestImages.sample();
    Image bad = new Image(ok.flags(), ok.names(), ok.constants(), ok.codes(), ok.modules(),
        ok.builtinsModule(), ok.exceptions(), List.of(), ok.resources());
    byte[] bytes = ImageWriter.writeUnverified(bad);
    assertBad(bytes, "LOAD_NATIVE: native 0 out of range (0 natives)");
  }

  @Test
  void wtf8RoundTripsEveryChar() {
    StringBuilder all = new StringBuilder();
    for (int c = 0; c <= 0xFFFF; c++) {
      all.append((char) c);
      all.append('x'); // keeps every surrogate unpaired
    }
    all.appendCodePoint(0x10FFFF).appendCodePoint(0x10000);
    String s = all.toString();
    byte[] enc = Wtf8.encode(s);
    assertEquals(Wtf8.encodedLength(s), enc.length);
    assertEquals(s, Wtf8.decode(enc, 0, enc.length));
    // A pair spelled as two three-byte halves is refused.
    byte[] halves = Wtf8.encode("\ud83d" + "x" + "\ude00");
    byte[] joined = new byte[6];
    System.arraycopy(halves, 0, joined, 0, 3);
    System.arraycopy(halves, 4, joined, 3, 3);
    assertEquals(null, Wtf8.decode(joined, 0, 6));
  }
}
