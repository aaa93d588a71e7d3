package dev.zvm.vm;

import static dev.zvm.vm.Args.get;

import dev.zvm.bytecode.ExceptionTree;
import dev.zvm.vosal.VRes;
import dev.zvm.vosal.VThread;
import dev.zvm.vosal.VThreadStatus;
import dev.zvm.vosal.VTime;

/**
 * The natives behind {@code thread()}, {@code sleep()}, {@code onPinRise}/{@code onPinFall}, the
 * {@code threading} module and the {@code timers} module. The Python halves live in the compiler's
 * bundled stdlib ({@code __builtins__.py}, {@code threading.py}, {@code timers.py}); {@code queue}
 * is pure Python over {@code threading}.
 *
 * <p>Every native that waits follows {@link Threads}' protocol: it returns {@link Values#BLOCKED}
 * after starting a wait, and is called again with the same arguments when the wait ends
 * ({@code rt.threads.resumed()} true), where it completes.
 *
 * <p><b>Wait lists</b> ({@code acquire}, {@code release}, {@code event_*}, {@code cond_wait},
 * {@code notify}): a lock, semaphore, event or condition keeps its state in a Python list
 * {@code [count, id, id, ...]}: the count (a lock's 0 or 1, a semaphore's units, an event's flag)
 * then the ids of the threads waiting, by priority, then arrival. A release hands its unit directly
 * to the first waiter ({@link Threads#grant}), so a woken thread never finds it taken.
 */
final class ThreadNatives {
  private ThreadNatives() {}

  /** Thread statuses as {@code get_status()} returns them. */
  static final int STATUS_INACTIVE = 0;
  static final int STATUS_READY = 1;
  static final int STATUS_RUNNING = 2;
  static final int STATUS_WAITING = 3;
  static final int STATUS_SUSPENDED = 4;
  static final int STATUS_FINISHED = 5;

  static void register(Natives n) {
    n.addKw("builtins.sleep", 1, 2, ThreadNatives::sleep);
    n.add("threads.start", 5, 5, (r, a, c, kw, nk) -> Values.small(r.threads.spawn(get(r, a, 0),
        tupleArg(r, get(r, a, 1)), r.ints.intArg(get(r, a, 2), "prio"), r.ints.intArg(get(r, a, 3), "size"),
        r.ops.truthy(get(r, a, 4)))));
    n.add("threads.current", 0, 0, (r, a, c, kw, nk) -> Values.small(r.threads.current().id));
    n.add("threads.priority", 1, 1, (r, a, c, kw, nk) -> {
      VThread v = vthread(r, get(r, a, 0));
      return Values.small(v == null ? -1 : Math.min(v.priority(), dev.zvm.vosal.VPrio.HIGHEST));
    });
    n.add("threads.set_priority", 2, 2, ThreadNatives::setPriority);
    n.add("threads.status", 1, 1, (r, a, c, kw, nk) -> Values.small(status(vthread(r, get(r, a, 0)))));
    n.add("threads.join", 2, 2, ThreadNatives::join);
    n.add("threads.on_pin", 6, 6, BoardAccess.guard(ThreadNatives::onPin));

    n.add("threads.acquire", 3, 3, ThreadNatives::acquire);
    n.add("threads.release", 2, 2, ThreadNatives::release);
    n.add("threads.event_wait", 2, 2, ThreadNatives::eventWait);
    n.add("threads.event_set", 1, 1, ThreadNatives::eventSet);
    n.add("threads.cond_wait", 3, 3, ThreadNatives::condWait);
    n.add("threads.notify", 2, 2, ThreadNatives::notify);

    n.add("timers.now", 0, 0, (r, a, c, kw, nk) -> r.ints.box(r.threads.os.millis()));
    n.add("timers._arm", 5, 5, ThreadNatives::timerArm);
    n.add("timers._disarm", 1, 1, (r, a, c, kw, nk) -> {
      r.timers.disarm(r.ints.intArg(get(r, a, 0), "handle"));
      return Values.NONE;
    });
    n.add("timers._armed", 1, 1, (r, a, c, kw, nk) ->
        Values.bool(r.timers.isArmed(r.ints.intArg(get(r, a, 0), "handle"))));
  }

  // ---- threads ------------------------------------------------------------------------------------

  /** {@code sleep(t, time_unit=MILLIS)}: gives the GIL up for that long (0: yields to its peers). */
  private static int sleep(Runtime rt, int a, int n, int kw, int nkw) {
    if (rt.threads.resumed()) {
      return Values.NONE;
    }
    Args.checkKeywords(rt, kw, nkw, "sleep", "time_unit");
    int unit = Args.posOrKw(rt, a, n, kw, nkw, 1, "time_unit", Values.small(TimeUnits.MILLIS));
    return rt.threads.sleep(TimeUnits.toNanos(rt, get(rt, a, 0), unit, "t"));
  }

  private static int tupleArg(Runtime rt, int v) {
    if (!rt.lists.isTuple(v)) {
      throw rt.typeError("args must be a tuple, not " + rt.typeName(v));
    }
    return v;
  }

  /** The VOSAL thread of a live thread id, or null when it has finished. */
  private static VThread vthread(Runtime rt, int id) {
    PyThread t = rt.threads.find(rt.ints.intArg(id, "ident"));
    return t == null ? null : t.vthread;
  }

  private static int setPriority(Runtime rt, int a, int n, int kw, int nkw) {
    int prio = rt.ints.intArg(get(rt, a, 1), "prio");
    if (prio < dev.zvm.vosal.VPrio.IDLE || prio > dev.zvm.vosal.VPrio.HIGHEST) {
      throw rt.valueError("prio=" + prio + " is not PRIO_IDLE (0) .. PRIO_HIGHEST (7)");
    }
    VThread v = vthread(rt, get(rt, a, 0));
    if (v != null) {
      v.setPriority(prio);
    }
    return Values.NONE;
  }

  private static int status(VThread v) {
    if (v == null) {
      return STATUS_FINISHED;
    }
    VThreadStatus s = v.status();
    switch (s) {
      case INACTIVE:
        return STATUS_INACTIVE;
      case READY:
        return STATUS_READY;
      case RUNNING:
        return STATUS_RUNNING;
      case WAITING:
        return STATUS_WAITING;
      case SUSPENDED:
        return STATUS_SUSPENDED;
      default:
        return STATUS_FINISHED;
    }
  }

  /** {@code join(id, timeout_ms)}: True once the thread has ended, False if the timeout came first. */
  private static int join(Runtime rt, int a, int n, int kw, int nkw) {
    if (rt.threads.resumed()) {
      return Values.bool(rt.threads.waitResult() == VRes.OK);
    }
    long timeout = timeoutArg(rt, get(rt, a, 1));
    PyThread t = rt.threads.find(rt.ints.intArg(get(rt, a, 0), "ident"));
    if (t == null || t.vthread == null) {
      return Values.TRUE;
    }
    if (t == rt.threads.current()) {
      throw rt.raise(ExceptionTree.RUNTIME_ERROR, "cannot join current thread");
    }
    if (timeout == VTime.IMMEDIATE) {
      return Values.FALSE;
    }
    rt.threads.checkCanBlock("join()");
    rt.flushOut();
    int r = t.vthread.join(timeout);
    return r == VRes.PENDING ? Values.BLOCKED : Values.bool(r == VRes.OK);
  }

  /** A timeout in milliseconds (an int or a float): negative is none ({@link VTime#INFINITE}). */
  static long timeoutArg(Runtime rt, int v) {
    if (v == Values.NONE) {
      return VTime.INFINITE;
    }
    if (rt.floats.isFloat(v) ? rt.floats.value(v) < 0 : rt.ints.arg(v, "timeout") < 0) {
      return VTime.INFINITE;
    }
    return TimeUnits.toNanos(rt, v, Values.small(TimeUnits.MILLIS), "timeout");
  }

  /** {@code on_pin(pin, fn, debounce, time_unit, direction, args)}: direction > 0 is rise. */
  private static int onPin(Runtime rt, int a, int n, int kw, int nkw) {
    int pin = rt.hw.pin(get(rt, a, 0));
    int fn = get(rt, a, 1);
    if (fn != Values.NONE && !Builtins.callable(rt, fn)) {
      throw rt.typeError("'" + rt.typeName(fn) + "' object is not callable");
    }
    long debounce = TimeUnits.toNanos(rt, get(rt, a, 2), get(rt, a, 3), "debounce");
    boolean rise = rt.ints.arg(get(rt, a, 4), "direction") > 0;
    rt.irq.onPin(pin, rise, fn, tupleArg(rt, get(rt, a, 5)), debounce);
    return Values.NONE;
  }

  // ---- wait lists ---------------------------------------------------------------------------------

  private static int stateArg(Runtime rt, int v) {
    if (!rt.lists.isList(v) || rt.lists.listLength(v) < 1) {
      throw rt.typeError("not a lock, semaphore, event or condition state");
    }
    return v;
  }

  private static int count(Runtime rt, int s) {
    return (int) rt.ints.arg(rt.lists.get(s, 0), "count");
  }

  private static void setCount(Runtime rt, int s, int count) {
    rt.lists.set(s, 0, Values.small(count));
  }

  /** Adds the current thread to {@code s}'s waiters: after those of its priority or higher. */
  private static void enqueue(Runtime rt, int s) {
    PyThread me = rt.threads.current();
    int prio = me.vthread.priority();
    int len = rt.lists.listLength(s);
    int at = len;
    for (int i = 1; i < len; i++) {
      PyThread w = rt.threads.find(Values.smallValue(rt.lists.get(s, i)));
      if (w != null && w.vthread.priority() < prio) {
        at = i;
        break;
      }
    }
    rt.lists.insert(s, at, Values.small(me.id));
  }

  /** Removes the current thread from {@code s}'s waiters (its wait timed out); false if not there. */
  private static boolean dequeueSelf(Runtime rt, int s) {
    int me = Values.small(rt.threads.current().id);
    for (int i = 1; i < rt.lists.listLength(s); i++) {
      if (rt.lists.get(s, i) == me) {
        rt.lists.removeAt(s, i);
        return true;
      }
    }
    return false;
  }

  /** Wakes the first waiter of {@code s} as granted; false if there is none. */
  private static boolean grantFirst(Runtime rt, int s) {
    while (rt.lists.listLength(s) > 1) {
      int id = rt.lists.removeAt(s, 1);
      PyThread w = (id & 1) != 0 ? rt.threads.find(Values.smallValue(id)) : null;
      if (w != null && rt.threads.grant(w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The end of a wait on list {@code s}: True if granted (even if the timeout came too), False
   * (and off the list) if the timeout came first.
   */
  private static int waitOutcome(Runtime rt, int s) {
    if (rt.threads.granted()) {
      return Values.TRUE;
    }
    dequeueSelf(rt, s);
    return Values.FALSE;
  }

  /** {@code acquire(state, blocking, timeout_ms)}: a unit of a lock or semaphore. */
  private static int acquire(Runtime rt, int a, int n, int kw, int nkw) {
    int s = stateArg(rt, get(rt, a, 0));
    if (rt.threads.resumed()) {
      return waitOutcome(rt, s);
    }
    int c = count(rt, s);
    if (c > 0 && rt.lists.listLength(s) == 1) {
      setCount(rt, s, c - 1);
      return Values.TRUE;
    }
    long timeout = timeoutArg(rt, get(rt, a, 2));
    if (!rt.ops.truthy(get(rt, a, 1)) || timeout == VTime.IMMEDIATE) {
      return Values.FALSE;
    }
    rt.threads.checkCanBlock("acquire()");
    enqueue(rt, s);
    return rt.threads.await(timeout);
  }

  /** {@code release(state, cap)}: hands the unit to the first waiter, or counts it (at most cap if > 0). */
  private static int release(Runtime rt, int a, int n, int kw, int nkw) {
    int s = stateArg(rt, get(rt, a, 0));
    long cap = rt.ints.arg(get(rt, a, 1), "cap");
    if (!grantFirst(rt, s)) {
      int c = count(rt, s);
      if (cap <= 0 || c < cap) {
        if (c == Values.SMALL_LIMIT - 1) {
          throw rt.valueError("semaphore released too many times");
        }
        setCount(rt, s, c + 1);
      }
    }
    return Values.NONE;
  }

  /** {@code event_wait(state, timeout_ms)}: True at once if set, else waits for {@code event_set}. */
  private static int eventWait(Runtime rt, int a, int n, int kw, int nkw) {
    int s = stateArg(rt, get(rt, a, 0));
    if (rt.threads.resumed()) {
      return waitOutcome(rt, s);
    }
    if (count(rt, s) != 0) {
      return Values.TRUE;
    }
    long timeout = timeoutArg(rt, get(rt, a, 1));
    if (timeout == VTime.IMMEDIATE) {
      return Values.FALSE;
    }
    rt.threads.checkCanBlock("wait()");
    enqueue(rt, s);
    return rt.threads.await(timeout);
  }

  /** {@code event_set(state)}: sets the flag and wakes every waiter. */
  private static int eventSet(Runtime rt, int a, int n, int kw, int nkw) {
    int s = stateArg(rt, get(rt, a, 0));
    setCount(rt, s, 1);
    while (grantFirst(rt, s)) {
      // wake them all
    }
    return Values.NONE;
  }

  /**
   * {@code cond_wait(lock_state, queue_state, timeout_ms)}: releases the lock and waits on the
   * condition's queue, in one step (no notify can fall in between). True if notified. The caller
   * re-acquires the lock.
   */
  private static int condWait(Runtime rt, int a, int n, int kw, int nkw) {
    int lock = stateArg(rt, get(rt, a, 0));
    int q = stateArg(rt, get(rt, a, 1));
    if (rt.threads.resumed()) {
      return waitOutcome(rt, q);
    }
    long timeout = timeoutArg(rt, get(rt, a, 2));
    rt.threads.checkCanBlock("wait()");
    if (!grantFirst(rt, lock)) {
      setCount(rt, lock, Math.min(1, count(rt, lock) + 1));
    }
    if (timeout == VTime.IMMEDIATE) {
      return Values.FALSE;
    }
    enqueue(rt, q);
    return rt.threads.await(timeout);
  }

  /** {@code notify(queue_state, n)}: wakes up to n waiters (all if n < 0); returns how many. */
  private static int notify(Runtime rt, int a, int n, int kw, int nkw) {
    int q = stateArg(rt, get(rt, a, 0));
    long max = rt.ints.arg(get(rt, a, 1), "n");
    int woken = 0;
    while ((max < 0 || woken < max) && grantFirst(rt, q)) {
      woken++;
    }
    return Values.small(woken);
  }

  // ---- timers -------------------------------------------------------------------------------------

  /** {@code _arm(handle, ms, periodic, fn, args)}: returns the handle to keep. */
  private static int timerArm(Runtime rt, int a, int n, int kw, int nkw) {
    int handle = rt.ints.intArg(get(rt, a, 0), "handle");
    long nanos = TimeUnits.toNanos(rt, get(rt, a, 1), Values.small(TimeUnits.MILLIS), "delay");
    boolean periodic = rt.ops.truthy(get(rt, a, 2));
    int fn = get(rt, a, 3);
    if (!Builtins.callable(rt, fn)) {
      throw rt.typeError("'" + rt.typeName(fn) + "' object is not callable");
    }
    if (periodic && nanos == 0) {
      throw rt.valueError("period=0: an interval timer needs a period > 0");
    }
    return Values.small(rt.timers.arm(handle, nanos, periodic, fn, tupleArg(rt, get(rt, a, 4))));
  }
}
