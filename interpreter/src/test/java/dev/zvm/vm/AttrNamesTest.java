package dev.zvm.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * getattr, setattr, hasattr and delattr (their names are literals: the compiler insists) through
 * {@link AttrNames}: the same output as CPython, also when every allocation collects first.
 */
class AttrNamesTest {
  private static final String SRC = String.join("\n",
        "class P:",
        "    pass",
        "p = P()",
        "setattr(p, \"x\", 1)",
        "total = 0",
        "i = 0",
        "while i < 60:",
        "    setattr(p, \"a\", i)",
        "    total += getattr(p, \"a\") + getattr(p, \"x\")",
        "    if hasattr(p, \"b\"):",
        "        total += 1000",
        "    if i == 30:",
        "        setattr(p, \"b\", [i] * 3)",
        "    i += 1",
        "print(total, getattr(p, \"a\"), hasattr(p, \"b\"), hasattr(p, \"c\"), getattr(p, \"zz\", \"default\"), getattr(p, \"b\"))",
        "delattr(p, \"b\")",
        "print(hasattr(p, \"b\"), [hasattr(p, \"x\"), hasattr(p, \"a\"), hasattr(p, \"b\")])",
        "try:",
        "    getattr(p, \"nope\")",
        "except AttributeError as e:",
        "    print(\"AttributeError\")",
        "");

  /** CPython 3.11's output. */
  private static final String EXPECTED = "30830 59 True False default [30, 30, 30]\n"
      + "False [True, True, False]\n"
      + "AttributeError\n";

  @Test
  void namesGiveCPythonsOutput() {
    assertEquals(EXPECTED, Py.out(SRC));
  }

  /**
   * A str freed by a collection and another str made at its address: the cache, keyed by the
   * reference, gives the new str its own name, not the old one's.
   */
  @Test
  void aStrAtTheAddressOfAFreedOneHasItsOwnName() {
    Runtime rt = Py.run("x = 1\n", Vm.builder().heapBytes(64 * 1024)).vm().runtime();
    int old = rt.strs.of("alpha_name");
    assertEquals("alpha_name", rt.names.name(rt.attrNames.id(old)));
    int other = 0;
    for (int i = 0; i < 1_000_000 && other != old; i++) {
      other = rt.strs.of("omega_name"); // garbage each, until one takes the freed block
    }
    assertEquals(old, other, "no str was made at the freed one's address");
    assertEquals("omega_name", rt.names.name(rt.attrNames.id(other)));
  }

  @Test
  void theSameUnderACollectionAtEveryAllocation() {
    Py.Run r = Py.run(SRC, Vm.builder().heapBytes(256 * 1024).stressGc(true));
    assertTrue(r.result().ok(), () -> r.result().exception().traceback());
    assertEquals(EXPECTED, r.out());
  }
}
