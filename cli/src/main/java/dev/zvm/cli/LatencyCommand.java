package dev.zvm.cli;

import dev.zvm.compiler.Compilation;
import dev.zvm.compiler.Compiler;
import dev.zvm.vhal.BoardDefinition;
import dev.zvm.vhal.Edge;
import dev.zvm.vhal.virtual.VirtualBoard;
import dev.zvm.vm.RunResult;
import dev.zvm.vm.Vm;
import dev.zvm.vm.VmStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code zvm latency [--events N] [--idle spin|yield|backoff|park] [--load cpu|idle]}: the interrupt
 * latency scenario. A Python program, under the real clock, registers an {@code onPinFall}
 * callback on BTN0 and then (with {@code --load cpu}, the default) keeps a CPU-bound loop running
 * in its main thread at normal priority; another Java thread raises N falling edges on BTN0, each
 * after the previous callback ran (it toggles LED0) and a random pause of 20..200 us. The VM records
 * each latency, from the raise to the callback's first opcode, into an HdrHistogram; this prints
 * its percentile table (in microseconds), then the GC pause table. With {@code --load idle} the
 * main thread sleeps instead, so every edge wakes an idle carrier: that is where the idle strategy
 * shows.
 */
@Command(
    name = "latency",
    mixinStandardHelpOptions = true,
    description = "Measure interrupt latency: edges raised from another Java thread to a Python onPinFall callback.")
public final class LatencyCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--events", paramLabel = "N", description = "edges to raise (default 10000)")
  int events = 10_000;

  @Option(names = "--idle", paramLabel = "STRATEGY",
      description = "how the idle carrier waits: spin, yield, backoff or park (default spin)")
  String idle = "spin";

  @Option(names = "--load", paramLabel = "LOAD",
      description = "cpu: a CPU-bound thread runs while edges arrive (default); idle: the program sleeps")
  String load = "cpu";

  @Option(names = "--raiser", paramLabel = "WAIT",
      description = "how the raising thread waits between edges: spin (default) keeps a core busy, "
          + "park sleeps and leaves the core to the rest of the JVM")
  String raiser = "spin";

  @Option(names = "--warmup", paramLabel = "N", description = "edges raised first and not counted (default 2000)")
  int warmup = 2_000;

  static final String CPU_PROGRAM = String.join("\n",
      "def pressed():",
      "    pinToggle(LED0)",
      "def work(x):",
      "    return (x * 7 + 3) % 1009",
      "pinMode(BTN0, INPUT_PULLUP)",
      "pinMode(LED0, OUTPUT)",
      "onPinFall(BTN0, pressed)",
      "pinMode(D2, OUTPUT)",
      "digitalWrite(D2, 1)",
      "x = 0",
      "while True:",
      "    x = work(x)",
      "");

  static final String IDLE_PROGRAM = String.join("\n",
      "def pressed():",
      "    pinToggle(LED0)",
      "pinMode(BTN0, INPUT_PULLUP)",
      "pinMode(LED0, OUTPUT)",
      "onPinFall(BTN0, pressed)",
      "pinMode(D2, OUTPUT)",
      "digitalWrite(D2, 1)",
      "while True:",
      "    sleep(1000)",
      "");

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (events < 1 || warmup < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--events must be >= 1 and --warmup >= 0");
    }
    IdleStrategy strategy = switch (idle) {
      case "spin" -> new BusySpinIdleStrategy();
      case "yield" -> new YieldingIdleStrategy();
      case "backoff" -> new BackoffIdleStrategy(100, 10, 1_000, 100_000);
      case "park" -> new SleepingIdleStrategy(1_000_000);
      default -> throw new CommandLine.ParameterException(spec.commandLine(),
          "--idle " + idle + ": use spin, yield, backoff or park");
    };
    boolean park = switch (raiser) {
      case "spin" -> false;
      case "park" -> true;
      default -> throw new CommandLine.ParameterException(spec.commandLine(), "--raiser " + raiser + ": use spin or park");
    };
    String program = switch (load) {
      case "cpu" -> CPU_PROGRAM;
      case "idle" -> IDLE_PROGRAM;
      default -> throw new CommandLine.ParameterException(spec.commandLine(), "--load " + load + ": use cpu or idle");
    };
    BoardDefinition def = BoardDefinition.VIRTUAL;
    Compilation c = Compiler.builder().constants(def.constants()).build().compileSource("latency.py", program);
    if (!c.ok()) {
      throw new IllegalStateException(c.formatDiagnostics());
    }

    VirtualBoard board = new VirtualBoard();
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    Vm vm = Vm.builder().board(board).idleStrategy(strategy).heapBytes(256 * 1024)
        .stdout(new PrintStream(sink, true, StandardCharsets.UTF_8))
        .stderr(new PrintStream(sink, true, StandardCharsets.UTF_8)).build();
    vm.load(c.image());
    int btn = def.pinNumber("BTN0");
    int led = def.pinNumber("LED0");
    int ready = def.pinNumber("D2");

    vm.start();
    while (board.level(ready) == 0) {
      Thread.onSpinWait();
    }
    SplittableRandom random = new SplittableRandom(42);
    long missed = raise(board, btn, led, warmup, random, park);
    Histogram warm = vm.stats().interruptLatency();
    missed += raise(board, btn, led, events, random, park);
    vm.stop();
    RunResult r = vm.join();
    VmStats s = vm.stats();

    Histogram h = s.interruptLatency().copy();
    h.subtract(warm);
    out.printf("zvm latency: %d edges on BTN0 (after %d warm-up edges), real clock, idle strategy %s, load %s, raiser %s%n",
        events, warmup, idle, load, raiser);
    out.printf("callbacks %d, dropped (queue full) %d, not seen within 100 ms %d, thread switches %d, run %s%n",
        s.interruptCallbacks(), s.interruptOverflows(), missed, s.threadSwitches(), r.ending());
    out.println();
    out.println("interrupt latency, from the raise to the callback's first opcode (us):");
    out.printf("  p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  p99.99 %.2f  max %.2f%n",
        us(h.getValueAtPercentile(50)), us(h.getValueAtPercentile(90)), us(h.getValueAtPercentile(99)),
        us(h.getValueAtPercentile(99.9)), us(h.getValueAtPercentile(99.99)), us(h.getMaxValue()));
    out.println();
    out.flush();
    PrintStream table = new PrintStream(new PrintWriterOutputStream(out), true, StandardCharsets.UTF_8);
    h.outputPercentileDistribution(table, 5, 1000.0);
    table.flush();
    out.println();
    Histogram gc = s.heap().pauses();
    if (s.heap().collections() == 0) {
      out.println("GC pauses: no collections during the run");
    } else {
      out.printf("GC pauses (us): %d collections, p50 %.1f  p99 %.1f  max %.1f%n", s.heap().collections(),
          us(gc.getValueAtPercentile(50)), us(gc.getValueAtPercentile(99)), us(gc.getMaxValue()));
      gc.outputPercentileDistribution(table, 5, 1000.0);
      table.flush();
    }
    out.flush();
    return 0;
  }

  /**
   * Raises {@code n} falling edges, each once the previous callback has toggled LED0 (or 100 ms
   * passed: counted as missed) and a random pause of 20..200 us. Returns the number missed. With
   * {@code park} the thread sleeps through the pause and polls LED0 every 20 us while it waits, so
   * that on a 2-core machine it does not take the core that the JVM's own threads (the JIT, the
   * JVM's GC) would otherwise take from the carrier. Sleeping makes the pause longer (a timed park
   * is ~80 us late here), never the measured latency, which starts at the raise.
   */
  private static long raise(VirtualBoard board, int btn, int led, int n, SplittableRandom random, boolean park) {
    long missed = 0;
    for (int i = 0; i < n; i++) {
      int before = board.level(led);
      board.drive(btn, 1);
      pause(random.nextLong(20_000, 200_000), park);
      board.raiseEdge(btn, Edge.FALLING);
      long deadline = System.nanoTime() + 100_000_000L;
      while (board.level(led) == before) {
        if (System.nanoTime() > deadline) {
          missed++;
          break;
        }
        if (park) {
          LockSupport.parkNanos(20_000);
        } else {
          Thread.onSpinWait();
        }
      }
    }
    return missed;
  }

  private static void pause(long nanos, boolean park) {
    if (park) {
      LockSupport.parkNanos(nanos);
      return;
    }
    long until = System.nanoTime() + nanos;
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }

  private static double us(long nanos) {
    return nanos / 1000.0;
  }

  /** Bytes from HdrHistogram's PrintStream into picocli's writer (ASCII tables). */
  private static final class PrintWriterOutputStream extends java.io.OutputStream {
    private final PrintWriter writer;

    PrintWriterOutputStream(PrintWriter writer) {
      this.writer = writer;
    }

    @Override
    public void write(int b) {
      writer.write((char) (b & 0xFF));
    }

    @Override
    public void flush() {
      writer.flush();
    }
  }
}
