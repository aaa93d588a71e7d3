package dev.zvm.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zvm.bytecode.Disassembler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Constants handed in by the front end (a board's pin names): how they resolve and what shadows them. */
class BoardConstantsTest {
  private static final Map<String, Long> BOARD = board();

  private static Map<String, Long> board() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("D3", 0x0003L);
    m.put("LED0", 0x0900L);
    m.put("D3.PWM", 0x0403L);
    m.put("SERIAL0", 0x0700L);
    m.put("BIG", 1L << 40);
    return m;
  }

  private static Compilation compile(Map<String, Long> constants, String src) {
    return Compiler.builder().constants(constants).build().compileSource("app.py", src);
  }

  private static String mainCode(Compilation r) {
    assertTrue(r.ok(), r::formatDiagnostics);
    return Disassembler.disassembleCode(r.image(), r.image().modules().get(0).bodyCode());
  }

  private static boolean loads(String dis, int value) {
    return java.util.regex.Pattern.compile("LOAD_SMALL_INT +" + value + "\\b").matcher(dis).find();
  }

  @Test
  void aConstantCompilesToItsValue() {
    String dis = mainCode(compile(BOARD, "x = LED0\ny = D3.PWM\nz = BIG\n"));
    assertTrue(loads(dis, 2304), dis);
    assertTrue(loads(dis, 1027), dis);
    assertTrue(dis.contains("1099511627776"), dis);
    assertFalse(dis.contains("LOAD_ATTR"), dis);
  }

  @Test
  void withoutConstantsTheNameIsUnknown() {
    Compilation r = compile(Map.of(), "print(LED0)\n");
    assertFalse(r.ok());
    assertTrue(r.formatDiagnostics().contains("name 'LED0' is not defined"), r.formatDiagnostics());
  }

  @Test
  void programNamesShadowConstants() {
    String dis = mainCode(compile(BOARD, "D3 = 7\nx = D3.PWM\nLED0 = 1\nprint(LED0)\n"));
    assertTrue(dis.contains("LOAD_ATTR"), dis);
    assertFalse(loads(dis, 2304), dis);
    assertFalse(loads(dis, 1027), dis);
  }

  @Test
  void aConstantIsVisibleInFunctionsAndClassBodies() {
    Compilation r = compile(BOARD, "def f():\n    return SERIAL0 + D3.PWM\nprint(f())\n");
    assertTrue(r.ok(), r::formatDiagnostics);
    String dis = Disassembler.disassemble(compile(BOARD, "class C:\n    pin = LED0\nprint(C.pin)\n").image());
    assertTrue(loads(dis, 2304), dis);
  }

  @Test
  void anUnknownFunctionOfAKnownPinIsAnAttribute() {
    String dis = mainCode(compile(BOARD, "x = D3.ICU\n"));
    assertTrue(dis.contains("LOAD_ATTR"), dis);
  }

  @Test
  void badNamesAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Compiler.builder().constants(Map.of("D3.PWM.X", 1L)));
    assertEquals("constant=\"D3.PWM.X\" is not a name or a dotted pair of names", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Compiler.builder().constants(Map.of("3D", 1L)));
  }
}
