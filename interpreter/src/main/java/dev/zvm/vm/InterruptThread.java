package dev.zvm.vm;

import dev.zvm.bytecode.ExceptionTree;
import dev.zvm.gc.RootVisitor;
import dev.zvm.vhal.Board;
import dev.zvm.vhal.BoardDefinition;
import dev.zvm.vhal.Edge;
import dev.zvm.vhal.EdgeListener;
import dev.zvm.vhal.EdgeMode;
import dev.zvm.vosal.VMailbox;
import dev.zvm.vosal.VPrio;
import dev.zvm.vosal.VRes;
import dev.zvm.vosal.VThread;
import dev.zvm.vosal.VThreadBody;
import dev.zvm.vosal.VTime;
import dev.zvm.vosal.Vosal;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * The interrupt thread (Zerynth's IRQ thread): a Python thread at {@link VPrio#INTERRUPT}, above
 * every other, that the VM creates. It runs the Python callbacks of pin interrupts
 * ({@code onPinRise}/{@code onPinFall}) and software timers one after the other, outside any ISR:
 * a callback may allocate, print and sleep (then lower-priority threads run and events queue).
 *
 * <p><b>The path of an edge.</b> The board calls {@link #edgeFromIsr} on the thread that changed the
 * pin (or that polled a debounce deadline); it posts the pin's {@link IrqSource} into a bounded
 * VOSAL mailbox through the ISR gateway ({@code postFromIsr}: lock-free, no allocation) with the
 * raise time. The mailbox's fetch wakes this thread; the running Python thread sees its next safe
 * point say yield and returns; this thread's body runs the callback. The latency, from the raise to
 * the moment the callback's first opcode is about to run, goes into an HdrHistogram. A full queue
 * (Zerynth keeps 8 pending callbacks) drops the event and counts it: {@link #overflows()}, in
 * {@code vm.stats()}.
 *
 * <p><b>Pins.</b> Each pad has a rise and a fall source; the board gets one interrupt per pad, for
 * the union of the directions that have a callback, with the debounce of the latest registration.
 *
 * <p>Threads: {@link #edgeFromIsr} from any thread; {@link #overflows()} and {@link #latency()}
 * from any thread; everything else on the carrier.
 */
final class InterruptThread implements VThreadBody, EdgeListener {
  /** Default pending callbacks at most, as Zerynth's {@code VM_IRQS}. */
  static final int DEFAULT_QUEUE = 8;
  /** Latencies above this (an hour) are recorded as this. */
  private static final long MAX_LATENCY_NANOS = 3_600_000_000_000L;

  private final Runtime rt;
  private final Threads threads;
  private final Vosal os;
  private final PyTimers timers;
  private final Board board;
  private final BoardDefinition def;
  final PyThread t;
  private final VMailbox<IrqSource> queue;
  private final int capacity;
  private final IrqSource[] rise;
  private final IrqSource[] fall;

  private final AtomicLong overflows = new AtomicLong();
  private final SingleWriterRecorder recorder = new SingleWriterRecorder(1, MAX_LATENCY_NANOS, 2);
  /** Every latency recorded so far; guarded by this object's monitor ({@link #latency()}). */
  private final Histogram total = new Histogram(1, MAX_LATENCY_NANOS, 2);
  private Histogram interval;
  /** Callbacks started (pins and timers); carrier-side, read by stats racily. */
  private volatile long callbacks;

  /** True while the body waits in the mailbox's fetch. */
  private boolean fetching;
  /** True while a callback's run is parked (it yielded or blocked). */
  private boolean running;

  InterruptThread(Runtime rt, Threads threads, PyTimers timers, Board board, int queueCapacity) {
    this.rt = rt;
    this.threads = threads;
    this.os = threads.os;
    this.timers = timers;
    this.board = board;
    this.def = board.definition();
    this.capacity = queueCapacity;
    this.queue = os.mboxCreate(queueCapacity);
    this.rise = new IrqSource[def.padCount()];
    this.fall = new IrqSource[def.padCount()];
    for (int p = 0; p < rise.length; p++) {
      rise[p] = new IrqSource(IrqSource.RISE, p, queueCapacity);
      fall[p] = new IrqSource(IrqSource.FALL, p, queueCapacity);
    }
    this.t = threads.newInterruptThread();
    board.setEdgeListener(this);
  }

  /** Creates and starts the VOSAL thread (a daemon: it does not keep the program running). */
  void start() {
    t.vthread = os.threadCreate("irq", VPrio.INTERRUPT, -1, true, this);
    t.vthread.start();
  }

  /** A new source for a software timer, posting into this thread's queue. */
  IrqSource newTimerSource(int slot) {
    return new IrqSource(IrqSource.TIMER, slot, capacity);
  }

  /** Queues a timer's callback; carrier-side (a kernel timer callback). False if the queue was full. */
  boolean postTimer(IrqSource s) {
    if (s.post(queue, os.nanos())) {
      s.pending++;
      return true;
    }
    overflows.incrementAndGet();
    return false;
  }

  // ---- pins ---------------------------------------------------------------------------------------

  /**
   * {@code onPinRise}/{@code onPinFall}: sets (or with {@code fn} None, removes) the callback of one
   * direction of {@code pin}'s pad, then attaches the board's interrupt for the directions that have
   * one (or detaches it). Carrier-side; vhal's exceptions pass through (the native turns them into
   * Python ones).
   */
  void onPin(int pin, boolean rising, int fn, int args, long debounceNanos) {
    int pad = def.padOf(pin);
    IrqSource s = rising ? rise[pad] : fall[pad];
    if (fn == Values.NONE) {
      s.armed = false;
      s.fn = Values.NONE;
      s.args = Values.NONE;
    } else {
      s.fn = fn;
      s.args = args;
      s.armed = true;
    }
    EdgeMode mode = EdgeMode.of(rise[pad].armed, fall[pad].armed);
    if (mode == null) {
      board.gpio().detachInterrupt(pin);
    } else {
      board.gpio().attachInterrupt(pin, mode, debounceNanos);
    }
  }

  @Override
  public void edgeFromIsr(int pin, Edge edge, long nanos) {
    int pad = def.padOf(pin);
    IrqSource s = edge == Edge.RISING ? rise[pad] : fall[pad];
    if (s.armed && !s.post(queue, os.nanos())) {
      overflows.incrementAndGet();
    }
  }

  // ---- the body -----------------------------------------------------------------------------------

  @Override
  public boolean run(VThread self) {
    try {
      if (fetching) {
        fetching = false;
        if (self.waitResult() == VRes.OK && !begin((IrqSource) self.takeMessage())) {
          return true;
        }
      } else if (running) {
        if (!threads.step(t)) {
          return true;
        }
        running = false;
      }
      for (;;) {
        IrqSource s = queue.tryFetch();
        if (s == null) {
          if (queue.fetchTimeout(VTime.INFINITE) == VRes.PENDING) {
            fetching = true;
            return true;
          }
          s = queue.received();
        }
        if (!begin(s)) {
          return true;
        }
        // A safe point between callbacks (a flood of native callbacks still lets stop() through);
        // never before the first fetch: with nothing to do, this thread must block, not spin.
        if (os.shouldYield()) {
          return true;
        }
      }
    } catch (PyRaise e) {
      threads.reportUncaught(t, "interrupt callback");
      reset();
      return true;
    } catch (StackOverflowError e) {
      rt.raise(ExceptionTree.RECURSION_ERROR, "maximum recursion depth exceeded (Java stack)");
      threads.reportUncaught(t, "interrupt callback");
      reset();
      return true;
    } catch (Threads.VmStopped e) {
      return true;
    }
  }

  /**
   * Starts the callback of the event just fetched. Returns false if its run parked (it yielded or
   * blocked: the body returns and continues it next time), true when it is over.
   */
  private boolean begin(IrqSource s) {
    long raised = s.take();
    int fn = s.fn;
    int args = s.args;
    if (s.kind == IrqSource.TIMER) {
      timers.taken(s);
    }
    if (fn == Values.NONE) {
      return true; // detached or cleared after the event was queued
    }
    running = true;
    callbacks++;
    boolean done = threads.startCall(t, fn, args);
    if (s.kind != IrqSource.TIMER) {
      recorder.recordValue(Math.max(1, Math.min(MAX_LATENCY_NANOS, os.nanos() - raised)));
    }
    if (!done && (t.state == PyThread.BLOCKED || !threads.step(t))) {
      return false;
    }
    running = false;
    return true;
  }

  private void reset() {
    running = false;
    t.sp = 0;
    t.fp = -Frame.WORDS;
    t.state = PyThread.RUNNING;
  }

  // ---- figures ------------------------------------------------------------------------------------

  /** Events dropped because the queue was full. Any thread. */
  long overflows() {
    return overflows.get();
  }

  /** Callbacks started so far. Any thread (a racy read while running). */
  long callbacks() {
    return callbacks;
  }

  /** A copy of the latency histogram (ns from the raise to the callback's first opcode). Any thread. */
  synchronized Histogram latency() {
    interval = recorder.getIntervalHistogram(interval);
    total.add(interval);
    return total.copy();
  }

  /** The callbacks registered on pins (GC roots). */
  void scanRoots(RootVisitor v) {
    for (int p = 0; p < rise.length; p++) {
      v.visit(rise[p].fn);
      v.visit(rise[p].args);
      v.visit(fall[p].fn);
      v.visit(fall[p].args);
    }
  }
}
