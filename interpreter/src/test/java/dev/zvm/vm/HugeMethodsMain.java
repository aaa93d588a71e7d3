package dev.zvm.vm;

/**
 * Runs {@link #SOURCE}, whose {@code long_one} compiles to a JVM method longer than HotSpot's
 * HugeMethodLimit, with every code object compiled at its first run, and prints what it printed and
 * the compiled and refused counts: {@link JitTest#hugeMethodsCompileWhereTheJvmCompilesThem} runs
 * it in a JVM of its own, with and without {@code -XX:-DontCompileHugeMethods}.
 */
final class HugeMethodsMain {
  static final String SOURCE = source();

  private HugeMethodsMain() {}

  private static String source() {
    StringBuilder src = new StringBuilder("def long_one(a):\n    s = 0\n");
    for (int i = 0; i < 40; i++) {
      src.append("    s = s + a * ").append(i).append(" - (a if s < 5 else ").append(i).append(")\n");
    }
    return src.append("    return s\nprint(long_one(1), long_one(2))\n").toString();
  }

  public static void main(String[] args) {
    Py.Run r = Py.run(SOURCE, Vm.builder().jitThreshold(1).compileInBackground(false));
    System.out.print(Py.rendered(r));
    System.out.println("compiled " + r.vm().stats().compiledCodes() + " refused " + r.vm().stats().refusedCodes());
  }
}
