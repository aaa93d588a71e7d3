package dev.zvm.vm;

import static dev.zvm.vm.Args.get;

/**
 * The natives under {@code random.py}: {@code seed}, {@code random}, {@code getrandbits} and
 * {@code _randbelow} on a {@link MersenneTwister} per VM; {@code randint}, {@code randrange},
 * {@code choice}, {@code shuffle} and {@code uniform} are Python over them, written as CPython
 * writes them, so a seeded program draws CPython's numbers. Unseeded, the generator starts from
 * the VM clock's reading at load (deterministic under a virtual clock), as {@code seed()} does.
 * Zerynth's builtin {@code random()} is separate ({@link Builtins}).
 */
final class RandomNatives {
  private RandomNatives() {}

  static void register(Runtime rt, Natives n) {
    MersenneTwister mt = new MersenneTwister();
    mt.seed(rt.clock.nanoTime() & Long.MAX_VALUE);
    n.add("random.seed", 0, 1, (r, a, c, kw, nk) -> {
      int v = c == 0 ? Values.NONE : get(r, a, 0);
      if (v == Values.NONE) {
        mt.seed(r.clock.nanoTime() & Long.MAX_VALUE);
      } else if (r.ints.isIntOrBool(v)) {
        mt.seed(Math.abs(r.ints.value(v)));
      } else {
        throw r.typeError("seed must be None or an int, not " + r.typeName(v));
      }
      return Values.NONE;
    });
    n.add("random.random", 0, 0, (r, a, c, kw, nk) -> r.floats.box(mt.random()));
    n.add("random.getrandbits", 1, 1, (r, a, c, kw, nk) -> {
      long k = r.ints.arg(get(r, a, 0), "getrandbits()");
      if (k < 0) {
        throw r.valueError("number of bits must be non-negative");
      }
      if (k > 63) {
        throw r.overflowError("getrandbits() gives at most 63 bits (ints are 64-bit)");
      }
      return r.ints.box(mt.bits((int) k));
    });
    n.add("random._randbelow", 1, 1, (r, a, c, kw, nk) -> {
      long bound = r.ints.arg(get(r, a, 0), "_randbelow()");
      if (bound <= 0) {
        throw r.valueError("empty range for a random choice");
      }
      return r.ints.box(mt.below(bound));
    });
  }
}
