package dev.zvm.bytecode;

import java.util.zip.CRC32;

/**
 * The binary layout of an image ({@code .zimg}): the one description {@link ImageWriter} and
 * {@link ImageReader} follow. Every number is little-endian and unaligned, as in Zerynth's images.
 *
 * <pre>
 * Header, HEADER_LENGTH = 44 bytes:
 *
 *   0               1               2               3
 *   0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7
 *  +---------------+---------------+---------------+---------------+
 *  |      'Z'      |      'V'      |      'M'      |      'I'      |  0  MAGIC
 *  +---------------+---------------+---------------+---------------+
 *  |        format version (u16)   |        image flags (u16)      |  4  VERSION, FLAGS
 *  +-------------------------------+-------------------------------+
 *  |  CRC32 of all LENGTH bytes, these four counted as zeros (u32) |  8  CRC
 *  +---------------------------------------------------------------+
 *  |               total image length in bytes (u32)               | 12  LENGTH
 *  +---------------------------------------------------------------+
 *  |               size of section 0: names (u32)                  | 16  SECTION_SIZES
 *  |               size of section 1: constants                    | 20
 *  |               size of section 2: codes                        | 24
 *  |               size of section 3: modules                      | 28
 *  |               size of section 4: exceptions                   | 32
 *  |               size of section 5: natives                      | 36
 *  |               size of section 6: resources                    | 40
 *  +---------------------------------------------------------------+ 44
 *  |  the seven sections, in that order, back to back; each is     |
 *  |  exactly its size, and LENGTH = 44 + the sum of the sizes     |
 *  +---------------------------------------------------------------+
 *
 * Field types: u8 u16 u32 unsigned; i64 two's complement; f64 the IEEE 754 bits.
 *   str16 = u16 byte count (0xFFFF: absent) + that many bytes of WTF-8 (UTF-8 that also
 *           carries unpaired surrogates, so that every Java string round-trips)
 *   str32 = u32 byte count (0xFFFFFFFF: absent) + WTF-8 bytes
 *   blob  = u32 byte count + bytes
 *
 * names      u32 count, count x str16           the name table: id = position; absent = stripped
 * constants  u32 count, count x { u8 tag, payload }    the constant pool
 *              tag 1 INT   i64
 *              tag 2 FLOAT f64
 *              tag 3 STR   str32 (never absent)
 *              tag 4 BYTES blob
 * codes      u32 count, count x code object:
 *   +--------+--------+------+-------+----------+-------------+------------+
 *   | nameId | module | kind | flags | argCount | kwOnlyCount | localCount |  12 bytes
 *   |  u16   |  u16   |  u8  |  u8   |   u16    |     u16     |    u16     |
 *   +--------+--------+------+-------+----------+-------------+------------+
 *   | localCount x u16: the name id of each local slot                     |
 *   | u16 cellCount, cellCount x u16: the parameter slot a cell starts      |
 *   |     from, 0xFFFF if it starts empty                                   |
 *   | u16 freeCount | u16 maxStack                                          |
 *   | u32 constCount, constCount x u32: index into the constant pool        |
 *   | u32 codeLength, codeLength bytes: the instructions (see Opcodes)      |
 *   | u32 lineCount, lineCount x { u16 startPc, u32 line }                  |
 *   | u32 handlerCount, handlerCount x { u16 startPc, u16 endPc,            |
 *   |     u16 handlerPc, u16 depth }, innermost first                       |
 *   +-----------------------------------------------------------------------+
 * modules    u16 builtinsModule, u32 count, count x { u16 nameId, u16 bodyCode, str32 file,
 *              u32 globalCount, globalCount x u16 name id of each global slot }
 * exceptions u32 count, count x { u16 nameId, u16 parent index, str32 default message }
 * natives    u32 count, count x str16 (never absent)
 * resources  u32 count, count x { str16 name (never absent), blob data }
 * </pre>
 *
 * <p>The widths are the format's limits, which the {@link Verifier} enforces before anything is
 * written or run: at most {@link #MAX_U16_TABLE} names, codes, modules, exceptions, natives,
 * globals per module and constants per code object (their indices are 16-bit operands); code at
 * most {@link #MAX_CODE_LENGTH} bytes (jump targets are u16 pcs); counts and depths of a code
 * object at most {@link #MAX_U16}.
 */
public final class ImageFormat {
  private ImageFormat() {}

  /** "ZVMI" read as a little-endian u32. */
  public static final int MAGIC = 'Z' | 'V' << 8 | 'M' << 16 | 'I' << 24;

  /** Bumped on every incompatible change of this layout; the reader accepts only this one. */
  public static final int VERSION = 1;

  public static final int MAGIC_OFFSET = 0;
  public static final int VERSION_OFFSET = 4;
  public static final int FLAGS_OFFSET = 6;
  public static final int CRC_OFFSET = 8;
  public static final int LENGTH_OFFSET = 12;
  public static final int SECTION_SIZES_OFFSET = 16;

  public static final int SECTION_NAMES = 0;
  public static final int SECTION_CONSTANTS = 1;
  public static final int SECTION_CODES = 2;
  public static final int SECTION_MODULES = 3;
  public static final int SECTION_EXCEPTIONS = 4;
  public static final int SECTION_NATIVES = 5;
  public static final int SECTION_RESOURCES = 6;
  public static final int SECTION_COUNT = 7;

  public static final int HEADER_LENGTH = SECTION_SIZES_OFFSET + 4 * SECTION_COUNT;

  public static final int TAG_INT = 1;
  public static final int TAG_FLOAT = 2;
  public static final int TAG_STR = 3;
  public static final int TAG_BYTES = 4;

  /** A str16 byte count meaning "absent" (a stripped name). */
  public static final int ABSENT_STR16 = 0xFFFF;
  /** A str32 byte count meaning "absent" (no default message). */
  public static final long ABSENT_STR32 = 0xFFFF_FFFFL;
  /** A cell's parameter slot meaning "starts empty" ({@code -1} in {@link CodeObject}). */
  public static final int NO_PARAMETER = 0xFFFF;

  public static final int MAX_U16 = 0xFFFF;
  /** Entries of a table indexed by a u16: ids 0..65535. */
  public static final int MAX_U16_TABLE = 0x1_0000;
  /** Longest str16 payload: 0xFFFF itself means absent. */
  public static final int MAX_STR16_BYTES = 0xFFFE;
  /** Longest code object: every pc, and so every jump target, fits a u16. */
  public static final int MAX_CODE_LENGTH = 0xFFFF;

  /** Fixed part of a code record, before the local names. */
  public static final int CODE_FIXED_BYTES = 12;
  /** Smallest possible record of each section, used to bound counts before allocating. */
  public static final int MIN_NAME_BYTES = 2;
  public static final int MIN_CONSTANT_BYTES = 5;
  public static final int MIN_CODE_BYTES = CODE_FIXED_BYTES + 2 + 2 + 2 + 4 + 4 + 4 + 4;
  public static final int MIN_MODULE_BYTES = 2 + 2 + 4 + 4;
  public static final int MIN_EXCEPTION_BYTES = 2 + 2 + 4;
  public static final int MIN_NATIVE_BYTES = 2;
  public static final int MIN_RESOURCE_BYTES = 2 + 4;
  public static final int LINE_ENTRY_BYTES = 6;
  public static final int HANDLER_ENTRY_BYTES = 8;

  private static final String[] SECTION_NAME = {
    "names", "constants", "codes", "modules", "exceptions", "natives", "resources"
  };

  /** Offset in the header of the u32 size of {@code section}. */
  public static int sectionSizeOffset(int section) {
    return SECTION_SIZES_OFFSET + 4 * section;
  }

  public static String sectionName(int section) {
    return SECTION_NAME[section];
  }

  /**
   * The CRC32 of {@code image[0, length)} with the CRC field counted as zeros; {@code length}
   * must be at least {@link #HEADER_LENGTH}.
   */
  public static int crc(byte[] image, int length) {
    CRC32 crc = new CRC32();
    crc.update(image, 0, CRC_OFFSET);
    crc.update(new byte[4], 0, 4);
    crc.update(image, CRC_OFFSET + 4, length - CRC_OFFSET - 4);
    return (int) crc.getValue();
  }

  /**
   * Recomputes and stores the CRC of a whole image in place (the writer's last step; tests and
   * fuzzers use it so that a deliberately changed image still reaches the checks behind the CRC).
   * Does nothing to an array shorter than the header.
   */
  public static void sealCrc(byte[] image) {
    if (image.length >= HEADER_LENGTH) {
      putU32(image, CRC_OFFSET, crc(image, image.length));
    }
  }

  static int getU16(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }

  static int getI32(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | b[at + 3] << 24;
  }

  static void putU32(byte[] b, int at, int v) {
    b[at] = (byte) v;
    b[at + 1] = (byte) (v >>> 8);
    b[at + 2] = (byte) (v >>> 16);
    b[at + 3] = (byte) (v >>> 24);
  }
}
