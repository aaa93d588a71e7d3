package dev.zvm.vm;

import dev.zvm.bytecode.ExceptionTree;
import dev.zvm.gc.RootVisitor;
import dev.zvm.vosal.VTimer;
import dev.zvm.vosal.VTimerCallback;
import java.util.ArrayList;

/**
 * The software timers behind {@code timers.timer()}: {@code one_shot} and {@code interval} arm a
 * VOSAL timer whose expiry, in interrupt context on the carrier, queues the Python callback for the
 * interrupt thread (as Zerynth's timers do); the callback runs there as {@code fn(arg)}, or
 * {@code fn()} when no {@code arg} was given.
 *
 * <p>A Python timer holds a <em>handle</em> only while it is armed or has callbacks queued: a slot
 * of this pool (a VOSAL timer and an {@link IrqSource}), reused afterwards, so programs that make
 * timers freely hold a bounded number of kernel timers. A handle is {@code generation * MAX + slot};
 * a stale handle (its slot reused) is simply no longer armed. Armed and queued callbacks are GC
 * roots, so a periodic timer whose Python object was dropped keeps running, as in Zerynth.
 *
 * <p>Carrier-side only.
 */
final class PyTimers {
  /** Slots at most: timers armed or with callbacks queued at once. */
  static final int MAX = 4096;

  private final Runtime rt;
  private InterruptThread irq;
  private final ArrayList<Slot> slots = new ArrayList<>();
  private int[] free = new int[16];
  private int freeCount;

  PyTimers(Runtime rt) {
    this.rt = rt;
  }

  void setInterruptThread(InterruptThread irq) {
    this.irq = irq;
  }

  private final class Slot implements VTimerCallback {
    final int index;
    int generation;
    final VTimer timer;
    final IrqSource source;
    boolean armed;
    boolean periodic;

    Slot(int index) {
      this.index = index;
      this.timer = rt.threads.os.timerCreate();
      this.source = irq.newTimerSource(index);
    }

    int handle() {
      return generation * MAX + index;
    }

    @Override
    public void onTimer(VTimer timer) {
      if (!periodic) {
        armed = false;
      }
      irq.postTimer(source);
      release(this); // a one-shot whose callback did not fit in the queue is free again
    }
  }

  /**
   * Arms the timer {@code handle} (or, if it is -1 or stale, a new one) to call {@code fn(*args)}
   * after {@code nanos}, and then every {@code nanos} if {@code periodic}. Returns the handle to
   * keep.
   */
  int arm(int handle, long nanos, boolean periodic, int fn, int args) {
    Slot s = live(handle);
    if (s == null) {
      s = allocate();
    } else {
      s.timer.reset();
    }
    s.source.fn = fn;
    s.source.args = args;
    s.armed = true;
    s.periodic = periodic;
    if (periodic) {
      s.timer.recurrent(nanos, s);
    } else {
      s.timer.oneShot(nanos, s);
    }
    return s.handle();
  }

  /** Disarms timer {@code handle}; its callbacks already queued are dropped. Stale handles: nothing. */
  void disarm(int handle) {
    Slot s = live(handle);
    if (s == null) {
      return;
    }
    s.timer.reset();
    s.armed = false;
    s.source.fn = Values.NONE;
    s.source.args = Values.NONE;
    release(s);
  }

  /** True if {@code handle} is armed. */
  boolean isArmed(int handle) {
    Slot s = live(handle);
    return s != null && s.armed;
  }

  /** The interrupt thread took one queued callback of {@code source}. */
  void taken(IrqSource source) {
    source.pending--;
    Slot s = slots.get(source.index);
    if (!s.armed) {
      release(s);
    }
  }

  private Slot live(int handle) {
    if (handle < 0) {
      return null;
    }
    int index = handle % MAX;
    if (index >= slots.size()) {
      return null;
    }
    Slot s = slots.get(index);
    return s.handle() == handle && (s.armed || s.source.pending > 0) ? s : null;
  }

  private Slot allocate() {
    if (freeCount > 0) {
      return slots.get(free[--freeCount]);
    }
    if (slots.size() == MAX) {
      throw rt.raise(ExceptionTree.RUNTIME_ERROR, "no more timers: " + MAX + " are armed");
    }
    Slot s = new Slot(slots.size());
    slots.add(s);
    return s;
  }

  /** Returns a disarmed slot to the pool once no callback of it is queued. */
  private void release(Slot s) {
    if (s.armed || s.source.pending > 0) {
      return;
    }
    s.source.fn = Values.NONE;
    s.source.args = Values.NONE;
    s.generation = (s.generation + 1) & 0x1FFFF;
    if (freeCount == free.length) {
      free = java.util.Arrays.copyOf(free, freeCount * 2);
    }
    free[freeCount++] = s.index;
  }

  /** Callbacks of armed timers and of queued expiries. */
  void scanRoots(RootVisitor v) {
    for (int i = 0; i < slots.size(); i++) {
      IrqSource src = slots.get(i).source;
      v.visit(src.fn);
      v.visit(src.args);
    }
  }
}
