package dev.zvm.vm;

import dev.zvm.bytecode.BadImageException;
import dev.zvm.bytecode.Image;
import dev.zvm.bytecode.ImageReader;
import dev.zvm.vhal.Board;
import dev.zvm.vhal.virtual.VirtualBoard;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

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
 * <p>A VM is single-threaded: load and run it from one Java thread at a time. VMs are independent:
 * no state is shared between them (there is no static mutable state in the interpreter).
 */
public final class Vm {
  private final Builder config;
  private final Board board;
  private Runtime rt;
  private boolean ran;

  private Vm(Builder config) {
    this.config = config;
    this.board = config.board != null ? config.board : new VirtualBoard();
    board.setClock(config.clock::nanoTime);
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
    private int quantum = Interpreter.DEFAULT_QUANTUM;
    private boolean stressGc;
    private Board board;

    private Builder() {}

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

    /** The clock behind {@code time.perf_counter()} and {@code time.time()}. */
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

    /** Safe points (backward jumps, calls, returns) between two offers to yield. */
    public Builder quantum(int safePoints) {
      if (safePoints < 1) {
        throw new IllegalArgumentException("quantum=" + safePoints + " < 1");
      }
      this.quantum = safePoints;
      return this;
    }

    /** Debug: collect before every allocation (finds missing roots). */
    public Builder stressGc(boolean on) {
      this.stressGc = on;
      return this;
    }

    /**
     * The board the hardware natives drive (default: a fresh {@link VirtualBoard} of
     * {@link dev.zvm.vhal.BoardDefinition#VIRTUAL} per VM). The VM sets its clock to the VM's
     * clock. A board belongs to one VM.
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
    Runtime r = new Runtime(image, config.heapBytes, config.stressGc, config.stdout, config.stderr, config.clock,
        config.maxFrames, config.stackWords);
    r.interp.quantum = config.quantum;
    r.hw.setBoard(board);
    try {
      r.load();
    } catch (PyRaise e) {
      throw new VmLoadException("the heap (" + config.heapBytes + " bytes) is too small to load the program");
    }
    rt = r;
  }

  /**
   * Runs the builtins module's body, then {@code __main__}'s, to completion. Output goes to the
   * stdout sink (flushed at the end). Returns the outcome; an uncaught Python exception is in the
   * result, not thrown. A VM runs its program once.
   */
  public RunResult run() {
    if (rt == null) {
      throw new IllegalStateException("no image loaded");
    }
    if (ran) {
      throw new IllegalStateException("the program has already run");
    }
    ran = true;
    long before = rt.opcodes;
    PyThread t = rt.thread;
    try {
      runModule(t, rt.image.builtinsModule());
      runModule(t, 0);
      return new RunResult(null, rt.opcodes - before);
    } catch (PyRaise e) {
      int exc = t.exc;
      PythonError err = new PythonError(rt.exceptions.qualifiedName(exc), safeMessage(exc),
          rt.exceptions.formatTraceback(t, exc));
      return new RunResult(err, rt.opcodes - before);
    } catch (StackOverflowError e) {
      return new RunResult(new PythonError("RecursionError", "maximum recursion depth exceeded (Java stack)",
          "RecursionError: maximum recursion depth exceeded (Java stack)\n"), rt.opcodes - before);
    } finally {
      rt.heap.setLocked(false);
      rt.flushOut();
    }
  }

  private String safeMessage(int exc) {
    try {
      return rt.exceptions.message(exc);
    } catch (PyRaise e) {
      return "<exception str() failed>";
    }
  }

  private void runModule(PyThread t, int index) {
    t.sp = 1;
    t.fp = -Frame.WORDS;
    t.state = PyThread.RUNNING;
    t.budget = rt.interp.quantum;
    int m = rt.calls.importModule(t, index, 0);
    if (m != Values.NULL) {
      return;
    }
    t.frames[t.fp + Frame.KIND] |= Frame.DISCARD;
    int entry = t.fp;
    while (true) {
      int r = rt.interp.execute(t, entry);
      if (r != Values.NULL) {
        return;
      }
      // Parked at a safe point: a scheduler would run other threads here; alone, resume.
      t.state = PyThread.RUNNING;
    }
  }

  /** Opcodes executed, heap use and the GC pause histogram. */
  public VmStats stats() {
    if (rt == null) {
      throw new IllegalStateException("no image loaded");
    }
    return new VmStats(rt.opcodes, rt.heap.stats());
  }

  /**
   * A function of {@code __main__}'s globals (after {@link #run}), to call from Java. The handle
   * keeps the function alive for the VM's lifetime. The linker drops code the program never uses,
   * so the program must use the function itself (call or store it) for it to exist.
   */
  public Function function(String name) {
    if (rt == null || !ran) {
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
      PyThread t = rt.thread;
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
      return new PythonException(new PythonError(rt.exceptions.qualifiedName(exc), safeMessage(exc),
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
