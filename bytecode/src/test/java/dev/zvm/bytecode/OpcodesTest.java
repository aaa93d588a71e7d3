package dev.zvm.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keeps the opcode table consistent with itself and with its readers. */
class OpcodesTest {

  private static final int[] SAMPLE_ARGS = {0, 1, 2, 3, 7, 255};

  @Test
  void namesAreUniqueAndMatchTheConstants() throws IllegalAccessException {
    Set<String> seen = new HashSet<>();
    int constants = 0;
    for (Field f : Opcodes.class.getFields()) {
      if (!Modifier.isStatic(f.getModifiers()) || f.getType() != int.class) {
        continue;
      }
      String n = f.getName();
      if (n.startsWith("K_") || n.startsWith("F_") || n.equals("VAR") || n.equals("COUNT")) {
        continue;
      }
      int op = f.getInt(null);
      assertTrue(Opcodes.isDefined(op), n);
      assertEquals(n, Opcodes.name(op), "the constant's name is the table's name");
      assertEquals(op, Opcodes.byName(n));
      constants++;
    }
    for (int op = 0; op < Opcodes.COUNT; op++) {
      if (Opcodes.isDefined(op)) {
        assertTrue(seen.add(Opcodes.name(op)), "duplicate name " + Opcodes.name(op));
      }
    }
    assertEquals(seen.size(), constants, "every row has a constant");
    assertEquals(-1, Opcodes.byName("NO_SUCH_OPCODE"));
  }

  @Test
  void everyRowIsComplete() {
    for (int op = 0; op < Opcodes.COUNT; op++) {
      if (!Opcodes.isDefined(op)) {
        assertFalse(Opcodes.isDefined(op));
        continue;
      }
      String n = Opcodes.name(op);
      assertNotNull(Opcodes.meaning(op), n);
      assertFalse(Opcodes.meaning(op).isBlank(), n);
      int total = 0;
      for (int i = 0; i < Opcodes.operandCount(op); i++) {
        int w = Opcodes.operandWidth(op, i);
        assertTrue(w == 1 || w == 2, n + " operand " + i + " width " + w);
        assertNotEquals(Opcodes.K_NONE, Opcodes.operandKind(op, i), n + " operand " + i);
        total += w;
      }
      assertTrue(total <= 4, n + " has " + total + " operand bytes");
      assertEquals(1 + total, Opcodes.size(op), n);
      for (int i = Opcodes.operandCount(op); i < 2; i++) {
        assertEquals(Opcodes.K_NONE, Opcodes.operandKind(op, i), n + " unused operand " + i);
        assertEquals(0, Opcodes.operandWidth(op, i), n + " unused operand " + i);
      }
    }
    assertFalse(Opcodes.isDefined(-1));
    assertFalse(Opcodes.isDefined(Opcodes.COUNT));
  }

  @Test
  void everyVariableStackEffectHasARule() {
    for (int op = 0; op < Opcodes.COUNT; op++) {
      if (!Opcodes.isDefined(op)) {
        continue;
      }
      for (int a0 : SAMPLE_ARGS) {
        for (int a1 : SAMPLE_ARGS) {
          int pops = Opcodes.pops(op, a0, a1);
          int pushes = Opcodes.pushes(op, a0, a1);
          assertTrue(pops >= 0 && pushes >= 0, Opcodes.name(op));
        }
      }
    }
  }

  @Test
  void countOperandsDriveTheVariableEffects() {
    assertEquals(3, Opcodes.pops(Opcodes.BUILD_TUPLE, 3, 0));
    assertEquals(6, Opcodes.pops(Opcodes.BUILD_DICT, 3, 0));
    assertEquals(4, Opcodes.pops(Opcodes.CALL, 3, 0));
    assertEquals(5, Opcodes.pops(Opcodes.CALL_METHOD, 3, 0));
    assertEquals(1 + 2 + 2 * 3, Opcodes.pops(Opcodes.CALL_KW, 2, 3));
    assertEquals(3, Opcodes.pops(Opcodes.CALL_EX, 1, 0));
    assertEquals(2, Opcodes.pops(Opcodes.MAKE_FUNCTION, 0, 5));
    assertEquals(4, Opcodes.pushes(Opcodes.UNPACK_SEQUENCE, 4, 0));
    assertEquals(2 + 1 + 3, Opcodes.pushes(Opcodes.UNPACK_EX, 2, 3));
    assertEquals(2, Opcodes.pops(Opcodes.FORMAT_VALUE, 1, 0));
  }

  @Test
  void jumpFlagsGoWithATargetOperand() {
    for (int op = 0; op < Opcodes.COUNT; op++) {
      if (!Opcodes.isDefined(op)) {
        continue;
      }
      String n = Opcodes.name(op);
      boolean jump = Opcodes.has(op, Opcodes.F_JUMP);
      int t = Opcodes.targetOperand(op);
      assertEquals(jump, t >= 0, n + ": a K_TARGET operand exactly when F_JUMP");
      if (jump) {
        assertEquals(2, Opcodes.operandWidth(op, t), n + ": targets are u16 pcs");
        assertEquals(1, Opcodes.operandCount(op), n + ": a jump has only its target");
        boolean branch = Opcodes.has(op, Opcodes.F_BRANCH);
        boolean stops = Opcodes.has(op, Opcodes.F_NO_FALLTHROUGH);
        assertTrue(branch != stops, n + ": a jump either branches or never falls through");
        int effect = Opcodes.jumpEffect(op, 0, 0);
        assertTrue(effect >= -Opcodes.pops(op, 0, 0), n + ": the jump cannot pop more than it has");
      } else {
        assertFalse(Opcodes.has(op, Opcodes.F_BRANCH), n + ": F_BRANCH without F_JUMP");
      }
    }
  }

  @Test
  void loopIsTheOnlyBackwardJumpAndASafePoint() {
    for (int op = 0; op < Opcodes.COUNT; op++) {
      if (Opcodes.isDefined(op) && Opcodes.has(op, Opcodes.F_JUMP)) {
        assertEquals(op == Opcodes.LOOP, Opcodes.has(op, Opcodes.F_SAFE_POINT), Opcodes.name(op));
      }
    }
    assertTrue(Opcodes.has(Opcodes.CALL, Opcodes.F_SAFE_POINT));
    assertTrue(Opcodes.has(Opcodes.RETURN_VALUE, Opcodes.F_SAFE_POINT));
  }

  @Test
  void flagOperandsHaveAMask() {
    for (int op = 0; op < Opcodes.COUNT; op++) {
      if (!Opcodes.isDefined(op)) {
        continue;
      }
      boolean hasFlags = false;
      for (int i = 0; i < Opcodes.operandCount(op); i++) {
        hasFlags |= Opcodes.operandKind(op, i) == Opcodes.K_FLAGS;
      }
      assertEquals(hasFlags, Opcodes.flagMask(op) != 0, Opcodes.name(op));
    }
  }

  @Test
  void operandsReadLittleEndianAndSignExtendOnlyImmediates() {
    byte[] code = new Asm()
        .op(Opcodes.LOAD_SMALL_INT, -2)
        .op(Opcodes.LOAD_CONST, 0xFFFE)
        .op(Opcodes.MAKE_FUNCTION, 0x1234, 5)
        .op(Opcodes.NOP)
        .build();
    assertEquals(-2, Opcodes.readOperand(code, 0, 0));
    assertEquals(0, Opcodes.readOperand(code, 0, 1));
    assertEquals(0xFFFE, Opcodes.readOperand(code, 3, 0));
    assertEquals(0x1234, Opcodes.readOperand(code, 6, 0));
    assertEquals(5, Opcodes.readOperand(code, 6, 1));
    assertEquals(0, Opcodes.readOperand(code, 10, 0));
  }

  @Test
  void everyCallAndFrameOpcodeMayRaise() {
    for (int op = 0; op < Opcodes.COUNT; op++) {
      if (Opcodes.isDefined(op) && Opcodes.has(op, Opcodes.F_FRAME) && op != Opcodes.RETURN_VALUE) {
        assertTrue(Opcodes.has(op, Opcodes.F_MAY_RAISE), Opcodes.name(op));
      }
    }
  }
}
