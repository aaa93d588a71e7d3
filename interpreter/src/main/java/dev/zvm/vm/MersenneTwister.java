package dev.zvm.vm;

/**
 * MT19937, the generator of CPython's {@code random} module, seeded the way CPython seeds it from
 * an int ({@code init_by_array} over the 32-bit words of its absolute value), so that
 * {@code random.seed(n)} gives the sequence CPython gives for the same n: {@link #random()} is
 * CPython's 53-bit {@code random()} and {@link #bits(int)} its {@code getrandbits}. One per VM;
 * carrier thread only.
 */
final class MersenneTwister {
  private static final int N = 624;
  private static final int M = 397;
  private static final int MATRIX_A = 0x9908b0df;
  private static final int UPPER_MASK = 0x80000000;
  private static final int LOWER_MASK = 0x7fffffff;

  private final int[] mt = new int[N];
  private int index = N + 1;

  /** Seeds from a non-negative 64-bit value as CPython seeds from the int {@code abs(seed)}. */
  void seed(long seed) {
    int hi = (int) (seed >>> 32);
    int lo = (int) seed;
    initByArray(hi != 0 ? new int[] {lo, hi} : new int[] {lo});
  }

  private void initGenrand(int s) {
    mt[0] = s;
    for (int i = 1; i < N; i++) {
      mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }
    index = N;
  }

  private void initByArray(int[] key) {
    initGenrand(19650218);
    int i = 1;
    int j = 0;
    for (int k = Math.max(N, key.length); k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) {
        j = 0;
      }
    }
    for (int k = N - 1; k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  /** The next 32 random bits (CPython's {@code genrand_uint32}), as an unsigned value in an int. */
  int next32() {
    if (index >= N) {
      if (index == N + 1) {
        initGenrand(5489);
      }
      int kk = 0;
      for (; kk < N - M; kk++) {
        int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
      }
      for (; kk < N - 1; kk++) {
        int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
      }
      int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
      mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
      index = 0;
    }
    int y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y;
  }

  /** A float in [0, 1) with 53 random bits, as CPython's {@code random()}. */
  double random() {
    long a = (next32() & 0xFFFF_FFFFL) >>> 5;
    long b = (next32() & 0xFFFF_FFFFL) >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  /** {@code k} random bits, 0 <= k <= 63, as CPython's {@code getrandbits(k)} (low word first). */
  long bits(int k) {
    if (k == 0) {
      return 0;
    }
    if (k <= 32) {
      return (next32() & 0xFFFF_FFFFL) >>> (32 - k);
    }
    long low = next32() & 0xFFFF_FFFFL;
    long high = (next32() & 0xFFFF_FFFFL) >>> (64 - k);
    return (high << 32) | low;
  }

  /** A uniform value in [0, n), n > 0, by rejection as CPython's {@code _randbelow}. */
  long below(long n) {
    int k = 64 - Long.numberOfLeadingZeros(n);
    long r = bits(k);
    while (r >= n) {
      r = bits(k);
    }
    return r;
  }
}
