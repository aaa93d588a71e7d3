package dev.zvm.vm;

import dev.zvm.bytecode.ExceptionTree;
import dev.zvm.gc.RootVisitor;
import dev.zvm.vosal.VPrio;
import dev.zvm.vosal.VRes;
import dev.zvm.vosal.VThread;
import dev.zvm.vosal.VThreadBody;
import dev.zvm.vosal.VTime;
import dev.zvm.vosal.Vosal;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Python threads on VOSAL: each {@link PyThread} runs as one {@link VThread} of the VM's own
 * {@link Vosal}, whose single carrier is the GIL (only the running body executes bytecode). This
 * class makes the threads (the main module's, those {@code thread()} starts, the interrupt
 * thread's through {@link InterruptThread}), runs their bodies, and gives natives the blocking
 * protocol.
 *
 * <p><b>A body run.</b> The kernel calls a thread's body; the body makes it the runtime's current
 * thread and continues its top-level run ({@link Interpreter#resume}) until the run finishes, a
 * safe point says yield, or a native blocks. The interpreter counts safe points (backward jumps,
 * calls, returns) in a local, reads {@link #attention} at each, and when it is up or every
 * {@code interval} of them calls {@link #offerYield}, which is {@link Vosal#shouldYield()}: a
 * decrement and an opaque read until a higher-priority thread is ready, the quantum is spent or the
 * VM stops.
 *
 * <p><b>Blocking natives.</b> A native that must wait ({@code sleep}, a lock, a join, serial input)
 * starts a VOSAL wait and returns {@link Values#BLOCKED} when the wait is PENDING ({@link #sleep},
 * {@link #await}); the loop parks the thread with the call's arguments still on its stack, the body
 * returns, and the carrier runs another thread. When the wait ends, the kernel runs the body again,
 * and the interpreter calls the same native again with the same arguments, {@link #resumed()} now
 * true and {@link #waitResult()} saying OK or TIMEOUT. A native therefore either completes or
 * blocks; on the call again it completes from the wait's outcome, or tries again. Only a top-level
 * run may block: a native called back from Java (inside {@code sorted}, {@code print} of an object
 * with {@code __str__}, ...) runs nested and cannot give the GIL up ({@link #checkCanBlock}).
 *
 * <p><b>Wait lists.</b> Locks, semaphores, events and conditions keep their state in a Python list
 * on the heap ({@code [count, waiting thread ids...]}), so the collector frees them like any
 * object; a thread waits on its own VOSAL semaphore ({@link PyThread#park}) and the thread that
 * releases the unit hands it over ({@link #grant}), as Zerynth's semaphores do.
 *
 * <p>Threads: all of this runs on the carrier, except {@link #stop()} (any thread).
 */
final class Threads {
  /** Live threads at most (Zerynth raises RuntimeError when it has no more). */
  static final int MAX_THREADS = 1024;

  private static final VarHandle STOPPING;

  static {
    try {
      STOPPING = MethodHandles.lookup().findVarHandle(Threads.class, "stopping", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Runtime rt;
  final Vosal os;
  /** Virtual nanoseconds charged per opcode, or 0 (then time moves per safe point, or is real). */
  private final long opcodeCostNanos;
  /** Opcodes already charged to the virtual clock. */
  private long chargedOpcodes;

  /** Live threads (started, not finished), in creation order. */
  private PyThread[] live = new PyThread[8];
  private int liveCount;
  private int nextId = 1;

  /** The main module's thread, and how its run ended. */
  final PyThread main;
  PythonError mainError;
  /** Uncaught exceptions that ended a thread other than main (each printed on stderr). */
  long threadFailures;

  /** 1 once {@link #stop()} was called: nested runs check it (opaque), written by any thread. */
  @SuppressWarnings("unused")
  private int stopping;
  /** Thrown through nested runs to stop a VM whose thread spins inside a callback from Java. */
  private final VmStopped stopped = new VmStopped();

  Threads(Runtime rt, Vosal os, long opcodeCostNanos) {
    this.rt = rt;
    this.os = os;
    this.opcodeCostNanos = opcodeCostNanos;
    this.main = rt.thread;
    add(main);
  }

  // ---- the safe point ---------------------------------------------------------------------------

  /**
   * The interpreter's safe point, every {@code interval} safe points of a top-level run: true if
   * the thread must return its body now. Under virtual time with a cost per opcode, first charges
   * the opcodes run since the last charge (the loop has just added its count to
   * {@link Runtime#opcodes}).
   */
  boolean offerYield() {
    if (opcodeCostNanos != 0) {
      long total = rt.opcodes;
      os.charge((total - chargedOpcodes) * opcodeCostNanos);
      chargedOpcodes = total;
    }
    return os.shouldYield();
  }

  /**
   * Whether this safe point must offer to yield although the interval has not run out: an
   * interrupt was raised, a thread of higher priority became ready, or the VM is stopping
   * ({@link Vosal#attention}, a load). So these take effect at the next safe point.
   */
  boolean attention() {
    return os.attention();
  }

  /** The safe point of a nested run: never yields; throws to unwind it when the VM stops. */
  boolean nestedSafePoint() {
    if ((int) STOPPING.getOpaque(this) != 0) {
      throw stopped;
    }
    return false;
  }

  /** Asks the VM to stop: the running body returns at its next safe point. Any thread. */
  void stop() {
    STOPPING.setVolatile(this, 1);
    os.stop();
  }

  boolean stopRequested() {
    return (int) STOPPING.getVolatile(this) != 0;
  }

  // ---- making threads -----------------------------------------------------------------------------

  /**
   * Starts a Python thread running {@code fn(*args)} at {@code prio} (0..7): the value of
   * {@code thread()}. Returns its id. RuntimeError past {@link #MAX_THREADS}; ValueError for a bad
   * priority.
   */
  int spawn(int fn, int args, int prio, int size, boolean daemon) {
    if (prio < VPrio.IDLE || prio > VPrio.HIGHEST) {
      throw rt.valueError("prio=" + prio + " is not PRIO_IDLE (0) .. PRIO_HIGHEST (7)");
    }
    if (!Builtins.callable(rt, fn)) {
      throw rt.typeError("'" + rt.typeName(fn) + "' object is not callable");
    }
    if (liveCount >= MAX_THREADS) {
      throw rt.raise(ExceptionTree.RUNTIME_ERROR, "can't start new thread: " + MAX_THREADS + " threads are alive");
    }
    int id = nextId++;
    PyThread t = new PyThread(id, "Thread-" + id, rt.stackWords, rt.maxFrames);
    t.startFn = fn;
    t.startArgs = args;
    add(t);
    t.vthread = os.threadCreate(t.name, prio, size, daemon, new FunctionBody(t));
    t.vthread.start();
    return id;
  }

  /** Creates the main thread's VOSAL thread: it runs the builtins module, then {@code __main__}. */
  void startMain() {
    main.vthread = os.threadCreate(main.name, VPrio.NORMAL, -1, false, new MainBody());
    main.vthread.start();
  }

  /** Makes a thread that {@link InterruptThread} runs; it is live (a root) from now on. */
  PyThread newInterruptThread() {
    PyThread t = new PyThread(nextId++, "irq", rt.stackWords, rt.maxFrames);
    add(t);
    return t;
  }

  private void add(PyThread t) {
    if (liveCount == live.length) {
      live = java.util.Arrays.copyOf(live, liveCount * 2);
    }
    live[liveCount++] = t;
  }

  private void remove(PyThread t) {
    for (int i = 0; i < liveCount; i++) {
      if (live[i] == t) {
        System.arraycopy(live, i + 1, live, i, liveCount - i - 1);
        live[--liveCount] = null;
        return;
      }
    }
  }

  /** The live thread with this id, or null (finished, or never existed). */
  PyThread find(int id) {
    for (int i = 0; i < liveCount; i++) {
      if (live[i].id == id) {
        return live[i];
      }
    }
    return null;
  }

  /** The thread running now (the one whose body the carrier runs). */
  PyThread current() {
    return rt.thread;
  }

  // ---- blocking -----------------------------------------------------------------------------------

  /** True while a blocked native is being called again after its wait (its second call). */
  boolean resumed() {
    return rt.thread.resuming;
  }

  /** How the current thread's last wait ended: {@link VRes#OK}, TIMEOUT or RESET. */
  int waitResult() {
    return rt.thread.vthread.waitResult();
  }

  /**
   * RuntimeError unless the current thread may give the GIL up here: it must be a top-level run of
   * a thread body (not a callback from Java, where the thread cannot be parked).
   */
  void checkCanBlock(String what) {
    PyThread t = rt.thread;
    if (t.nativeDepth != 0 || t.vthread == null || os.current() != t.vthread) {
      throw rt.raise(ExceptionTree.RUNTIME_ERROR,
          what + " cannot wait here: it was called back from a builtin (sorted, map, print, ...), which cannot give the GIL up");
    }
  }

  /**
   * {@code sleep}: parks the current thread for {@code nanos} of the VM's clock (0 only yields to
   * threads of its priority). Returns BLOCKED; on the call again the native returns None.
   */
  int sleep(long nanos) {
    checkCanBlock("sleep()");
    rt.flushOut();
    if (nanos > 0 && os.sleep(nanos) == VRes.OK) {
      return Values.NONE;
    }
    return Values.BLOCKED; // PENDING, or a voluntary yield for sleep(0): the body returns either way
  }

  /** Parks the current thread until the VM's clock reads {@code deadlineNanos}; NONE if already past. */
  int sleepUntil(long deadlineNanos) {
    long now = os.nanos();
    return now >= deadlineNanos ? Values.NONE : sleep(deadlineNanos - now);
  }

  /**
   * Parks the current thread on its own semaphore until {@link #grant} or {@code timeoutNanos}
   * ({@link VTime#INFINITE} for none). Returns BLOCKED; on the call again, {@link #granted()} says
   * whether it was granted (a grant that came after the timeout still counts).
   */
  int await(long timeoutNanos) {
    checkCanBlock("a wait");
    PyThread t = rt.thread;
    if (t.park == null) {
      t.park = os.semCreate(0);
    }
    while (t.park.tryWait()) {
      // a grant that raced a timeout left a unit: drop it
    }
    t.granted = false;
    rt.flushOut();
    int r = t.park.waitTimeout(timeoutNanos);
    if (r != VRes.PENDING) {
      throw new IllegalStateException("a wait on an empty semaphore returned " + VRes.name(r));
    }
    return Values.BLOCKED;
  }

  /** After {@link #await}: true if the current thread was granted what it waited for. */
  boolean granted() {
    PyThread t = rt.thread;
    boolean g = t.granted;
    t.granted = false;
    return g;
  }

  /** Wakes thread {@code t}, waiting in {@link #await}, as granted; false if it has never waited. */
  boolean grant(PyThread t) {
    if (t.park == null) {
      return false; // it never waited: an id a program wrote into a state list by hand
    }
    t.granted = true;
    t.park.signal();
    return true;
  }

  // ---- bodies -------------------------------------------------------------------------------------

  /**
   * Continues the top-level run of {@code t} (its state in its frames). Returns true when the run
   * has ended (returned or raised out), false while it is parked.
   */
  boolean step(PyThread t) {
    rt.thread = t;
    return rt.interp.resume(t, t.entryFp) != Values.NULL;
  }

  /**
   * Starts the top-level call {@code fn(*args)} on the empty thread {@code t}, the result
   * discarded. Returns true if it already completed (a native), false if a frame now runs or the
   * native blocked.
   */
  boolean startCall(PyThread t, int fn, int args) {
    rt.thread = t;
    int n = args == Values.NULL ? 0 : rt.lists.tupleLength(args);
    if (1 + n + Calls.STACK_SLACK > t.stack.length) {
      throw rt.raise(ExceptionTree.RECURSION_ERROR, "maximum recursion depth exceeded");
    }
    t.sp = 0;
    t.fp = -Frame.WORDS;
    t.state = PyThread.RUNNING;
    t.stack[t.sp++] = fn;
    for (int i = 0; i < n; i++) {
      t.stack[t.sp++] = rt.slot(args, i);
    }
    t.entryFp = 0;
    int r = rt.calls.call(t, 0, fn, 1, n, 0, Frame.DISCARD);
    if (r == Values.NULL || r == Values.BLOCKED) {
      return false;
    }
    t.sp = 0;
    return true;
  }

  /** Prints an uncaught exception that ended thread {@code t} (other than main) on stderr. */
  void reportUncaught(PyThread t, String where) {
    threadFailures++;
    rt.flushOut();
    int exc = t.exc;
    String text;
    try {
      text = rt.exceptions.formatTraceback(t, exc);
    } catch (PyRaise e) {
      text = rt.exceptions.qualifiedName(exc) + ": <exception str() failed>\n";
    }
    rt.err.print("Exception in " + where + ":\n" + text);
    rt.err.flush();
    t.exc = Values.NULL;
  }

  /** The thread has finished: it leaves the live list, drops its stack and frees its semaphore. */
  private void finished(PyThread t) {
    t.sp = 0;
    t.fp = -Frame.WORDS;
    t.state = PyThread.FINISHED;
    if (t.park != null) {
      t.park.destroy(); // kernel objects live until destroyed: threads made in a loop must not leak them
      t.park = null;
    }
    remove(t);
    rt.flushOut();
  }

  /** A thread started by {@code thread()}: calls its function, then ends. */
  private final class FunctionBody implements VThreadBody {
    private final PyThread t;

    FunctionBody(PyThread t) {
      this.t = t;
    }

    @Override
    public boolean run(VThread self) {
      try {
        if (t.startFn != Values.NULL) {
          int fn = t.startFn;
          int args = t.startArgs;
          t.startFn = Values.NULL;
          t.startArgs = Values.NULL;
          if (startCall(t, fn, args)) {
            finished(t);
            return false;
          }
          if (t.state == PyThread.BLOCKED) {
            return true;
          }
        }
        if (!step(t)) {
          return true;
        }
        finished(t);
        return false;
      } catch (PyRaise e) {
        reportUncaught(t, "thread " + t.name);
        finished(t);
        return false;
      } catch (StackOverflowError e) {
        rt.raise(ExceptionTree.RECURSION_ERROR, "maximum recursion depth exceeded (Java stack)");
        reportUncaught(t, "thread " + t.name);
        finished(t);
        return false;
      } catch (VmStopped e) {
        return true;
      }
    }
  }

  /** The main thread: the builtins module's body, then {@code __main__}'s. */
  private final class MainBody implements VThreadBody {
    /** 0: start builtins; 1: builtins running; 2: start main; 3: main running. */
    private int phase;

    @Override
    public boolean run(VThread self) {
      PyThread t = main;
      try {
        for (;;) {
          switch (phase) {
            case 0:
            case 2: {
              int module = phase == 0 ? rt.image.builtinsModule() : 0;
              phase++;
              if (!startModule(t, module)) {
                phase++;
                continue;
              }
              break;
            }
            case 1:
            case 3:
              break;
            default:
              finished(t);
              return false;
          }
          if (!step(t)) {
            return true;
          }
          phase++;
        }
      } catch (PyRaise e) {
        int exc = t.exc;
        mainError = new PythonError(rt.exceptions.qualifiedName(exc), safeMessage(exc),
            rt.exceptions.formatTraceback(t, exc));
        finished(t);
        return false;
      } catch (StackOverflowError e) {
        mainError = new PythonError("RecursionError", "maximum recursion depth exceeded (Java stack)",
            "RecursionError: maximum recursion depth exceeded (Java stack)\n");
        finished(t);
        return false;
      } catch (VmStopped e) {
        return true;
      }
    }

    /** Pushes module {@code index}'s body; false if it needs no run (already loaded). */
    private boolean startModule(PyThread t, int index) {
      rt.thread = t;
      t.sp = 1;
      t.fp = -Frame.WORDS;
      t.state = PyThread.RUNNING;
      int m = rt.calls.importModule(t, index, 0);
      if (m != Values.NULL) {
        return false;
      }
      t.frames[t.fp + Frame.KIND] |= Frame.DISCARD;
      t.entryFp = t.fp;
      return true;
    }
  }

  String safeMessage(int exc) {
    try {
      return rt.exceptions.message(exc);
    } catch (PyRaise e) {
      return "<exception str() failed>";
    }
  }

  // ---- roots --------------------------------------------------------------------------------------

  /** Every live thread's values, and the functions of threads not started yet. */
  void scanRoots(RootVisitor v) {
    boolean mainLive = false;
    for (int i = 0; i < liveCount; i++) {
      PyThread t = live[i];
      mainLive |= t == main;
      t.scanRoots(v);
      v.visit(t.startFn);
      v.visit(t.startArgs);
    }
    if (!mainLive) {
      main.scanRoots(v); // Vm.Function calls run on it after the program has ended
    }
  }

  /** Live Python threads now (main, the interrupt thread and those {@code thread()} started). */
  int liveCount() {
    return liveCount;
  }

  /** Unwinds the Java stack of a nested run when the VM stops; no stack trace, made once. */
  static final class VmStopped extends RuntimeException {
    VmStopped() {
      super("the VM was stopped", null, false, false);
    }
  }
}
