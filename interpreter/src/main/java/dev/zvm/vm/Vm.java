package dev.zvm.vm;

import dev.zvm.bytecode.BadImageException;
import dev.zvm.bytecode.Image;
import dev.zvm.bytecode.ImageReader;
import dev.zvm.gc.HeapConfig;
import dev.zvm.vhal.Board;
import dev.zvm.vhal.virtual.VirtualBoard;
import dev.zvm.vosal.Vosal;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import org.agrona.concurrent.IdleStrategy;

/**
 * The embedding API: build a VM with a heap of a fixed size, load an image, run it.
 *
 * <pre>{@code
 * Vm vm = Vm.builder().heapBytes(256 * 1024).stdout(System.out).build();
 * vm.load(image);                 // or vm.load(bytes): read and verified first
 * RunResult r = vm.run();         // the builtins module, then __main__, to completion
 * if (!r.ok()) System.err.print(r.exception().traceback());
 * VmStats s = vm.stats();
 * }</pre>
 *
 * <p><b>Threads.</b> The program runs on the VM's own VOSAL system: its main module is the first
 * Python thread, {@code thread()} starts more, and the VM's interrupt thread runs pin and timer
 * callbacks; one Java thread, the carrier, runs them all, one at a time (it holds the GIL).
 * {@link #run()} makes the calling thread the carrier; {@link #start()} starts a carrier thread of
 * the VM's own. Either way the run ends when the main thread and every other non-daemon thread
 * have ended, when {@link #runFor} runs out of time, or when {@link #stop()} is called (from any
 * thread). Other methods are for one Java thread at a time, outside a run, except {@link #board()},
 * {@link #stats()} and {@link #stop()}. VMs are independent: no state is shared between them
 * (there is no static mutable state in the interpreter).
 *
 * <p><b>Time.</b> Everything timed (sleep, timers, the board's debounce and stimuli, {@code time})
 * reads the VM's clock: real time by default, or virtual time ({@link Builder#virtualTime},
 * {@link Builder#virtualTimePerOpcode}), under which running code advances time by a fixed cost and
 * an idle VM jumps to its next deadline, so a run is reproducible.
 */
public final class Vm {
  /** Safe points a thread runs before it hands the GIL to a ready thread of its priority, by default. */
  public static final int DEFAULT_QUANTUM = 10_000;
  /**
   * Under real time, with a timer or a timed wait pending, a thread reads the clock every this many
   * safe points (the kernel's clock-check interval counts offers to yield, one per interval).
   */
  static final int CLOCK_CHECK_SAFE_POINTS = 256;

  private final Builder config;
  private final Board board;
  private final Vosal os;
  private Runtime rt;
  private volatile boolean ran;
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile RunResult result;
  private volatile Throwable failure;
  /** The thread running the VM now (the carrier), or null. */
  private volatile Thread carrierThread;

  private Vm(Builder config) {
    this.config = config;
    this.board = config.board != null ? config.board : new VirtualBoard();
    Vosal.Builder vb = Vosal.builder().name("zvm")
        .quantumSafePoints(Math.max(1, (config.quantum + config.interval() - 1) / config.interval()))
        .clockCheckInterval(Math.max(1, CLOCK_CHECK_SAFE_POINTS / config.interval()))
        .failureHandler((source, error) -> {
          // A Java exception out of a thread body is a VM bug: end the run and report it.
          if (failure == null) {
            failure = new IllegalStateException("internal error in " + source + ": " + error, error);
          }
          if (rt != null) {
            rt.threads.stop();
          }
        });
    if (config.virtualNanos >= 0) {
      vb.virtualTime(config.perOpcode ? 0 : config.virtualNanos * config.interval());
    }
    if (config.idle != null) {
      vb.idleStrategy(config.idle);
    }
    this.os = vb.build();
    board.setClock(os::nanos);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Settings of a VM; every one has a default. */
  public static final class Builder {
    private int heapBytes = 1 << 20;
    private PrintStream stdout = System.out;
    private PrintStream stderr = System.err;
    private Clock clock = Clock.SYSTEM;
    private List<Path> searchPath = List.of();
    private int maxFrames = 1000;
    private int stackWords = 1 << 16;
    private int quantum = DEFAULT_QUANTUM;
    /** 0: by the time mode ({@link #interval()}). */
    private int interval;
    private long virtualNanos = -1;
    private boolean perOpcode;
    private IdleStrategy idle;
    private int interruptQueue = InterruptThread.DEFAULT_QUEUE;
    private boolean stressGc;
    private boolean verifyHeap;
    private Board board;
    private int jitThreshold = Interpreter.DEFAULT_JIT_THRESHOLD;
    private boolean compileInBackground = true;

    private Builder() {}

    /** The safe-point interval set, else the time mode's default. */
    int interval() {
      return interval != 0 ? interval
          : virtualNanos >= 0 ? Interpreter.VIRTUAL_TIME_INTERVAL : Interpreter.DEFAULT_INTERVAL;
    }

    /** The Python heap, in bytes (8 KiB .. 1 GiB; default 1 MiB). */
    public Builder heapBytes(int bytes) {
      if (bytes < dev.zvm.gc.HeapConfig.MIN_SIZE_BYTES || bytes > dev.zvm.gc.HeapConfig.MAX_SIZE_BYTES) {
        throw new IllegalArgumentException("heapBytes=" + bytes + " not in [8 KiB, 1 GiB]");
      }
      this.heapBytes = bytes;
      return this;
    }

    /** Where {@code print} writes (default System.out). */
    public Builder stdout(PrintStream out) {
      this.stdout = Objects.requireNonNull(out, "stdout");
      return this;
    }

    /** Where the VM reports (default System.err); tracebacks are returned as data, not printed. */
    public Builder stderr(PrintStream err) {
      this.stderr = Objects.requireNonNull(err, "stderr");
      return this;
    }

    /**
     * The clock behind {@code time.perf_counter()} and {@code time.time()} under real time (default
     * {@link Clock#SYSTEM}); under virtual time they read the virtual clock.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Directories where a front end finds the program's modules. The VM runs images and knows no
     * source; it keeps the list for the tool that compiles for it ({@link Vm#searchPath()}).
     */
    public Builder searchPath(List<Path> dirs) {
      this.searchPath = List.copyOf(dirs);
      return this;
    }

    /** The recursion limit: Python frames per thread (default 1000, as CPython). */
    public Builder maxFrames(int frames) {
      if (frames < 8) {
        throw new IllegalArgumentException("maxFrames=" + frames + " < 8");
      }
      this.maxFrames = frames;
      return this;
    }

    /** Words of value stack per thread (locals and operands of every frame; default 65536). */
    public Builder stackWords(int words) {
      if (words < 1024) {
        throw new IllegalArgumentException("stackWords=" + words + " < 1024");
      }
      this.stackWords = words;
      return this;
    }

    /**
     * The GIL quantum: safe points (backward jumps, calls, returns) a thread runs before it hands
     * the GIL to a ready thread of its own priority (default {@link #DEFAULT_QUANTUM}). A
     * higher-priority thread takes over at the next safe point whatever the quantum.
     */
    public Builder quantum(int safePoints) {
      if (safePoints < 1) {
        throw new IllegalArgumentException("quantum=" + safePoints + " < 1");
      }
      this.quantum = safePoints;
      return this;
    }

    /**
     * Safe points between two offers to yield (default 64 under real time, 4 under virtual time).
     * The safe points between only count down a local and read VOSAL's attention flag, so an
     * interrupt, a thread of higher priority and stop() take effect at the very next safe point
     * whatever the interval. It sets the grain of the quantum; of the clock checks for timers under
     * real time (every 256 safe points, or every offer when the interval is longer); and of the
     * clock under virtual time, where time moves an offer's worth of safe points at a time, hence
     * the finer default there. A larger interval leaves the fast loop less often: 64 against 4 made
     * call-heavy code 4-20 % faster.
     */
    public Builder safePointInterval(int safePoints) {
      if (safePoints < 1 || safePoints > Interpreter.MAX_INTERVAL) {
        throw new IllegalArgumentException(
            "safePointInterval=" + safePoints + " not in [1, " + Interpreter.MAX_INTERVAL + "]");
      }
      this.interval = safePoints;
      return this;
    }

    /**
     * The baseline compiler: a code object is compiled into a JVM method of its own once the fast
     * loop has been entered in it {@code entries} times (default 1000; 1 compiles every code object
     * at its first run), or never with 0. Compiled code runs exactly what the fast loop runs, without
     * its dispatch (interpreter/README.md, "The baseline compiler").
     */
    public Builder jitThreshold(int entries) {
      if (entries < 0) {
        throw new IllegalArgumentException("jitThreshold=" + entries + " is negative");
      }
      this.jitThreshold = entries;
      return this;
    }

    /**
     * Whether the baseline compiler works off the carrier (the default: a compile takes
     * milliseconds, never a pause of the running thread; the code runs interpreted meanwhile) or at
     * once, on the carrier, at the entry that crosses {@link #jitThreshold} (deterministic: which
     * code runs compiled then depends on the program alone).
     */
    public Builder compileInBackground(boolean background) {
      this.compileInBackground = background;
      return this;
    }

    /** Real time (the default): the VM's clock is {@code System.nanoTime}. */
    public Builder realTime() {
      this.virtualNanos = -1;
      return this;
    }

    /**
     * Virtual time: every safe point a thread passes costs {@code nanosPerSafePoint} of it, and an
     * idle VM jumps to its next deadline (a sleep, a timer, a debounce, a stimulus), so a program
     * whose threads spin still sees its timers expire, and the same program with the same inputs
     * runs the same way every time.
     */
    public Builder virtualTime(long nanosPerSafePoint) {
      if (nanosPerSafePoint < 0) {
        throw new IllegalArgumentException("nanosPerSafePoint=" + nanosPerSafePoint + " < 0");
      }
      this.virtualNanos = nanosPerSafePoint;
      this.perOpcode = false;
      return this;
    }

    /** Virtual time where every opcode costs {@code nanosPerOpcode} (charged at each safe point). */
    public Builder virtualTimePerOpcode(long nanosPerOpcode) {
      if (nanosPerOpcode < 0) {
        throw new IllegalArgumentException("nanosPerOpcode=" + nanosPerOpcode + " < 0");
      }
      this.virtualNanos = nanosPerOpcode;
      this.perOpcode = true;
      return this;
    }

    /**
     * How the carrier waits when every thread waits (Agrona's busy-spin, yield, backoff or park;
     * default: backoff). An edge raised from another thread wakes it.
     */
    public Builder idleStrategy(IdleStrategy strategy) {
      this.idle = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    /** Pending interrupt and timer callbacks at most (default 8, as Zerynth); more are dropped and counted. */
    public Builder interruptQueue(int callbacks) {
      if (callbacks < 1) {
        throw new IllegalArgumentException("interruptQueue=" + callbacks + " < 1");
      }
      this.interruptQueue = callbacks;
      return this;
    }

    /** Debug: collect before every allocation (finds missing roots). */
    public Builder stressGc(boolean on) {
      this.stressGc = on;
      return this;
    }

    /**
     * Debug: verify the whole heap before every collection ({@code dev.zvm.gc.HeapVerifier}), so
     * that a stale root or a write past an object fails at the next collection, naming what it
     * found, rather than corrupting the heap for a later sweep to trip on. With {@link #stressGc}
     * that is the next allocation. Slow: a heap walk per collection.
     */
    public Builder verifyHeap(boolean on) {
      this.verifyHeap = on;
      return this;
    }

    /**
     * The board the hardware natives drive (default: a fresh {@link VirtualBoard} of
     * {@link dev.zvm.vhal.BoardDefinition#VIRTUAL} per VM). The VM sets its clock to the VM's
     * clock when it is built, and takes its listeners when it loads. A board belongs to one VM.
     */
    public Builder board(Board board) {
      this.board = Objects.requireNonNull(board, "board");
      return this;
    }

    public Vm build() {
      return new Vm(this);
    }
  }

  /** The board this VM runs against, to drive its inputs and watch its outputs from Java. Any thread. */
  public Board board() {
    return board;
  }

  /** Reads and verifies an image, then loads it. Throws VmLoadException. */
  public void load(byte[] imageBytes) {
    Image image;
    try {
      image = ImageReader.read(imageBytes);
    } catch (BadImageException e) {
      throw new VmLoadException("bad image: " + e.getMessage(), e);
    }
    load(image);
  }

  /**
   * Loads an image: creates the heap, the classes and the exception tree, the modules, and binds
   * the natives by name. Throws VmLoadException when a native is missing or the heap is too small
   * for the program's fixed objects.
   */
  public void load(Image image) {
    if (rt != null) {
      throw new IllegalStateException("an image is already loaded");
    }
    Clock clock = config.virtualNanos >= 0 ? os::nanos : config.clock;
    HeapConfig heap = HeapConfig.ofSize(config.heapBytes).withStressCollect(config.stressGc)
        .withVerifyEachCollection(config.verifyHeap);
    Runtime r = new Runtime(image, heap, config.stdout, config.stderr, clock,
        config.maxFrames, config.stackWords);
    r.interp.interval = config.interval();
    // under real time a call or a return leaves the budget's safe point to the next loop, within
    // four intervals (Interpreter#MAX_CALL_SLACK); under virtual time each safe point also moves
    // the clock, so it stays where it was
    r.interp.callSlack = config.virtualNanos >= 0 ? 0 : Math.min(4 * config.interval(), Interpreter.MAX_CALL_SLACK);
    r.interp.jitThreshold = config.jitThreshold;
    r.interp.jit = config.jitThreshold > 0 ? new Jit(config.compileInBackground, image.constants(), r.codes) : null;
    r.hw.setBoard(board);
    r.timers = new PyTimers(r);
    r.threads = new Threads(r, os, config.perOpcode ? config.virtualNanos : 0);
    r.interp.os = os;
    r.irq = new InterruptThread(r, r.threads, r.timers, board, config.interruptQueue);
    r.timers.setInterruptThread(r.irq);
    r.hw.setEvents(new BoardEvents(r.threads, board));
    try {
      r.load();
    } catch (PyRaise e) {
      throw new VmLoadException("the heap (" + config.heapBytes + " bytes) is too small to load the program");
    }
    rt = r;
  }

  /**
   * Runs the program on the calling thread: the builtins module's body, then {@code __main__}'s on
   * the main thread, with every thread the program starts, until the main thread and all other
   * non-daemon threads have ended (or {@link #stop()}). Output goes to the stdout sink (flushed when
   * a thread waits and at the end); an uncaught exception in a thread other than main is printed on
   * stderr and ends only that thread. Returns the outcome: the main thread's uncaught exception, if
   * any, is in the result, not thrown. A VM runs its program once.
   */
  public RunResult run() {
    return runOnThisThread(-1);
  }

  /**
   * {@link #run()} for at most {@code limit} of the VM's clock (virtual time under virtual time): a
   * program that runs forever (Blink does) ends with {@link RunResult.Ending#TIME_UP}.
   */
  public RunResult runFor(Duration limit) {
    if (limit.isNegative()) {
      throw new IllegalArgumentException("limit=" + limit + " must be >= 0");
    }
    long nanos;
    try {
      nanos = limit.toNanos();
    } catch (ArithmeticException e) {
      nanos = Long.MAX_VALUE;
    }
    return runOnThisThread(nanos);
  }

  /**
   * Starts the program on a carrier thread of the VM's own ({@code zvm-carrier}) and returns at
   * once; {@link #join()} waits for the outcome, {@link #stop()} ends it.
   */
  public void start() {
    begin();
    Thread t = new Thread(() -> runLoaded(-1), "zvm-carrier");
    t.setDaemon(true);
    t.start();
  }

  /** Waits for a run (of {@link #start()} or of {@link #run()} on another thread) to end; its outcome. */
  public RunResult join() throws InterruptedException {
    if (!ran) {
      throw new IllegalStateException("the program has not been started");
    }
    ended.await();
    return outcome();
  }

  /**
   * Ends the run from any thread: the running Python thread stops at its next safe point (within
   * about a microsecond of bytecode; an idle carrier is woken), and this returns once the carrier
   * has left the VM (at once when called on the carrier itself, from a callback). Before a run
   * starts, the run will end as soon as it starts. Threads are not unwound: the VM cannot be run
   * again.
   */
  public void stop() {
    if (rt == null) {
      throw new IllegalStateException("no image loaded");
    }
    rt.threads.stop();
    if (ran && carrierThread != Thread.currentThread()) {
      try {
        ended.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private RunResult runOnThisThread(long limitNanos) {
    begin();
    runLoaded(limitNanos);
    return outcome();
  }

  private void begin() {
    if (rt == null) {
      throw new IllegalStateException("no image loaded");
    }
    if (ran) {
      throw new IllegalStateException("the program has already run");
    }
    ran = true;
  }

  private void runLoaded(long limitNanos) {
    carrierThread = Thread.currentThread();
    long before = rt.opcodes;
    RunResult.Ending ending = RunResult.Ending.STOPPED;
    try {
      rt.threads.startMain();
      rt.irq.start();
      boolean allEnded = limitNanos < 0 ? os.run() : os.runFor(Duration.ofNanos(limitNanos));
      ending = allEnded ? RunResult.Ending.FINISHED
          : rt.threads.stopRequested() ? RunResult.Ending.STOPPED : RunResult.Ending.TIME_UP;
    } catch (RuntimeException | Error e) {
      if (failure == null) {
        failure = e;
      }
    } finally {
      rt.heap.setLocked(false);
      rt.flushOut();
      rt.thread = rt.threads.main;
      result = new RunResult(rt.threads.mainError, rt.opcodes - before, ending);
      carrierThread = null;
      ended.countDown();
    }
  }

  private RunResult outcome() {
    Throwable f = failure;
    if (f instanceof Error) {
      throw (Error) f;
    }
    if (f != null) {
      throw f instanceof IllegalStateException ? (IllegalStateException) f : new IllegalStateException(f);
    }
    return result;
  }

  /**
   * Opcodes executed, heap use and the GC pause histogram, the scheduler's switches and
   * preemptions, and the interrupt figures: callbacks run, events dropped because the queue was
   * full, and the latency histogram from an edge's raise to its callback's first opcode. Any thread
   * (figures read while the VM runs are approximate).
   */
  public VmStats stats() {
    if (rt == null) {
      throw new IllegalStateException("no image loaded");
    }
    Jit jit = rt.interp.jit;
    return new VmStats(rt.opcodes, rt.heap.stats(), os.stats().switches(), os.stats().preemptions(),
        rt.irq.callbacks(), rt.irq.overflows(), rt.irq.latency(), rt.threads.threadFailures,
        jit == null ? 0 : jit.compiledCount(), jit == null ? 0 : jit.refusedCount(), jit == null ? 0 : jit.compileNanos());
  }

  /**
   * A function of {@code __main__}'s globals (after {@link #run}), to call from Java. The handle
   * keeps the function alive for the VM's lifetime. The linker drops code the program never uses,
   * so the program must use the function itself (call or store it) for it to exist.
   */
  public Function function(String name) {
    if (rt == null || !ran || carrierThread != null) {
      throw new IllegalStateException("run the program before looking up its functions");
    }
    int id = rt.names.find(name);
    int slot = id < 0 ? IntMap.MISSING : rt.moduleSlots[0].get(id);
    int value = slot == IntMap.MISSING ? Values.NULL
        : rt.w[Runtime.at(rt.w[Runtime.at(rt.modules[0]) + Classes.MOD_GLOBALS]) + slot];
    if (value == Values.NULL || !Builtins.callable(rt, value)) {
      throw new IllegalArgumentException("__main__ has no function " + name);
    }
    rt.permanent(value);
    return new Function(value);
  }

  /**
   * A Python callable, called from Java with int arguments; the result must be an int, a bool or
   * None (0). A call allocates no Java object unless it raises.
   */
  public final class Function {
    private final int fn;

    private Function(int fn) {
      this.fn = fn;
    }

    public long call() {
      PyThread t = start();
      try {
        return result(rt.callOnStack(0));
      } catch (PyRaise e) {
        throw failed(t);
      }
    }

    public long call(long arg) {
      PyThread t = start();
      try {
        rt.push(rt.ints.box(arg));
        return result(rt.callOnStack(1));
      } catch (PyRaise e) {
        throw failed(t);
      }
    }

    public long call(long a, long b) {
      PyThread t = start();
      try {
        rt.push(rt.ints.box(a));
        rt.push(rt.ints.box(b));
        return result(rt.callOnStack(2));
      } catch (PyRaise e) {
        throw failed(t);
      }
    }

    private PyThread start() {
      if (carrierThread != null) {
        throw new IllegalStateException("the VM is running: call its functions after the run");
      }
      PyThread t = rt.threads.main;
      rt.thread = t;
      t.stack[0] = Values.NONE; // a root from here on: nothing the program left there
      t.sp = 1;
      t.fp = -Frame.WORDS;
      t.state = PyThread.RUNNING;
      rt.push(fn);
      return t;
    }

    private long result(int v) {
      rt.flushOut();
      if (v == Values.NONE) {
        return 0;
      }
      if (!rt.ints.isIntOrBool(v)) {
        throw new IllegalStateException("the function returned a " + rt.typeName(v) + ", not an int");
      }
      return rt.ints.value(v);
    }

    private PythonException failed(PyThread t) {
      rt.flushOut();
      int exc = t.exc;
      return new PythonException(new PythonError(rt.exceptions.qualifiedName(exc), rt.threads.safeMessage(exc),
          rt.exceptions.formatTraceback(t, exc)));
    }
  }

  /** The loaded runtime, for tests in this package; null before {@link #load}. */
  Runtime runtime() {
    return rt;
  }

  /** The module search path given to the builder. */
  public List<Path> searchPath() {
    return config.searchPath;
  }
}
