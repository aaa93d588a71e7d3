package dev.zvm.bench.threads;

import dev.zvm.bench.vm.InterpreterBenchmark;
import dev.zvm.vm.Vm;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The benchmarks of this package and InterpreterBenchmark measured in CPU time of the thread that
 * does the work, not in wall time: on a shared machine whose cores other processes also want, a
 * thread's CPU time per operation stays close to its cost on an idle machine while wall time follows
 * the load. Prints the minimum per operation over many batches.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.zvm.bench.threads.CarrierCpuTime handoff      # ns per one-way GIL handoff
 * java -cp benchmarks/target/benchmarks.jar dev.zvm.bench.threads.CarrierCpuTime safepoint    # ns per top-level loop iteration, per interval
 * java -cp benchmarks/target/benchmarks.jar dev.zvm.bench.threads.CarrierCpuTime interpreter  # ns per InterpreterBenchmark iteration
 * </pre>
 */
public final class CarrierCpuTime {
  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

  private CarrierCpuTime() {}

  public static void main(String[] args) throws Exception {
    String what = args.length > 0 ? args[0] : "handoff";
    int batches = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    switch (what) {
      case "handoff" -> handoff(batches);
      case "safepoint" -> safePoints(batches);
      case "interpreter" -> interpreter(batches);
      default -> throw new IllegalArgumentException("what=" + what + ": handoff, safepoint or interpreter");
    }
  }

  private static void handoff(int batches) {
    GilHandoffBenchmark b = new GilHandoffBenchmark();
    b.setUp();
    long carrier = carrierId();
    int ops = 2 * GilHandoffBenchmark.ROUND_TRIPS;
    double cpu = Double.MAX_VALUE;
    double wall = Double.MAX_VALUE;
    for (int r = 0; r < batches; r++) {
      long c0 = MX.getThreadCpuTime(carrier);
      long w0 = System.nanoTime();
      b.handoff();
      long c1 = MX.getThreadCpuTime(carrier);
      long w1 = System.nanoTime();
      if (r >= batches / 5) {
        cpu = Math.min(cpu, (c1 - c0) / (double) ops);
        wall = Math.min(wall, (w1 - w0) / (double) ops);
      }
    }
    b.tearDown();
    System.out.printf("GIL handoff, one way: %.0f ns of carrier CPU, %.0f ns wall (minimum over %d batches of %d)%n",
        cpu, wall, batches, ops);
  }

  private static void safePoints(int batches) {
    int n = 1_000_000;
    String[] names = {"while i < n: i += 1      ", "the same with ident(i)   "};
    String ident = "def ident(x):\n    return x\n";
    String[] bodies = {
        "        i = 0\n        while i < " + n + ":\n            i += 1",
        "        i = 0\n        while i < " + n + ":\n            ident(i)\n            i += 1"};
    for (int k = 0; k < 2; k++) {
      StringBuilder line = new StringBuilder(names[k]);
      for (int interval : new int[] {1, 4, 16, 256}) {
        BoardDriven vm = new BoardDriven(BoardDriven.program(ident, bodies[k]), Vm.builder().safePointInterval(interval));
        long carrier = carrierId();
        double best = Double.MAX_VALUE;
        for (int r = 0; r < batches; r++) {
          long c0 = MX.getThreadCpuTime(carrier);
          vm.batch();
          long c1 = MX.getThreadCpuTime(carrier);
          if (r >= batches / 5) {
            best = Math.min(best, (c1 - c0) / (double) n);
          }
        }
        vm.stop();
        line.append(String.format("  interval %d: %.1f ns", interval, best));
      }
      System.out.println(line);
    }
  }

  private static void interpreter(int batches) {
    InterpreterBenchmark b = new InterpreterBenchmark();
    b.setUp();
    String[] names = {"dispatch", "call", "methodCall", "attributeRead"};
    double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
    for (int r = 0; r < batches; r++) {
      for (int k = 0; k < names.length; k++) {
        long t0 = MX.getCurrentThreadCpuTime();
        switch (k) {
          case 0 -> b.dispatch();
          case 1 -> b.call();
          case 2 -> b.methodCall();
          default -> b.attributeRead();
        }
        long t1 = MX.getCurrentThreadCpuTime();
        if (r >= batches / 3) {
          best[k] = Math.min(best[k], (t1 - t0) / 1_000_000.0);
        }
      }
    }
    StringBuilder line = new StringBuilder("InterpreterBenchmark, CPU ns per iteration:");
    for (int k = 0; k < names.length; k++) {
      line.append(String.format("  %s %.1f", names[k], best[k]));
    }
    System.out.println(line);
  }

  /** The id of the most recently started live VM carrier thread. */
  private static long carrierId() {
    long id = -1;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("zvm-carrier") && t.isAlive() && t.getId() > id) {
        id = t.getId();
      }
    }
    if (id < 0) {
      throw new IllegalStateException("no VM carrier thread");
    }
    return id;
  }
}
