package dev.zvm.vm;

import dev.zvm.vhal.Board;
import dev.zvm.vhal.DeadlineListener;
import dev.zvm.vhal.SerialListener;
import dev.zvm.vhal.SerialPort;
import dev.zvm.vosal.VIsrLine;
import dev.zvm.vosal.VTime;
import dev.zvm.vosal.VTimer;
import dev.zvm.vosal.VTimerCallback;
import dev.zvm.vosal.Vosal;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;

/**
 * The board's timed work and serial events, brought into the kernel. (Its edges go to
 * {@link InterruptThread}.)
 *
 * <p><b>Deadlines.</b> The board never runs a timer: when it gains work due at a time (a debounce
 * period, the end of a PWM pulse train, a scheduled stimulus) it tells {@link #deadlineFromIsr},
 * possibly from another thread; that raises a VOSAL interrupt line, whose handler (on the carrier)
 * arms one kernel timer for {@link Board#nextDeadlineNanos()}. The timer's callback calls
 * {@link Board#poll} and re-arms for the next deadline. Under the virtual clock an idle kernel jumps
 * straight to that timer, so debounce and stimuli happen at their exact virtual times and a run is
 * deterministic; under the real clock they happen when the timer fires.
 *
 * <p><b>Serial waits.</b> A Python thread that must wait for a serial port (input to read, room to
 * write) registers here and parks ({@link #awaitSerial}); the board's {@link SerialListener}, from
 * whichever thread fed or drained the port, marks the port and raises a line, and the handler
 * grants every thread waiting on a marked port. They try again when they run.
 *
 * <p>Threads: {@link #deadlineFromIsr} and {@link #serialEventFromIsr} from any thread (lock-free);
 * the rest on the carrier.
 */
final class BoardEvents implements DeadlineListener, SerialListener {
  private static final VarHandle SERIAL_PENDING;

  static {
    try {
      SERIAL_PENDING = MethodHandles.lookup().findVarHandle(BoardEvents.class, "serialPending", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Threads threads;
  private final Vosal os;
  private final Board board;
  private final VIsrLine deadlineLine;
  private final VIsrLine serialLine;
  private final VTimer timer;
  private final VTimerCallback poll = t -> poll();
  /** The deadline the timer is armed for, or {@link Board#NO_DEADLINE}. */
  private long armedFor = Board.NO_DEADLINE;

  /** Bit (port index & 63) set for each serial port with news; set by any thread, cleared by the carrier. */
  @SuppressWarnings("unused")
  private long serialPending;
  /** Threads waiting for serial news, and the port index each waits on. */
  private final ArrayList<PyThread> serialWaiters = new ArrayList<>();
  private int[] serialWaitPort = new int[8];

  BoardEvents(Threads threads, Board board) {
    this.threads = threads;
    this.os = threads.os;
    this.board = board;
    this.timer = os.timerCreate();
    this.deadlineLine = os.installHandler("board-deadline", line -> rearm());
    this.serialLine = os.installHandler("board-serial", line -> wakeSerialWaiters());
    board.setDeadlineListener(this);
    board.setSerialListener(this);
    deadlineLine.raiseFromIsr(); // deadlines the board had before the VM ran (a scheduled stimulus)
  }

  // ---- deadlines ----------------------------------------------------------------------------------

  @Override
  public void deadlineFromIsr(long deadlineNanos) {
    deadlineLine.raiseFromIsr();
  }

  /** Arms the timer for the board's earliest deadline, if it is not armed for it already. */
  private void rearm() {
    long next = board.nextDeadlineNanos();
    if (next == armedFor) {
      return;
    }
    if (next == Board.NO_DEADLINE) {
      timer.reset();
      armedFor = next;
      return;
    }
    armedFor = next;
    timer.oneShot(Math.max(0, next - os.nanos()), poll);
  }

  /** Does the board's work that is due by now, if any, without waiting for the timer. */
  void catchUp() {
    if (board.nextDeadlineNanos() <= os.nanos()) {
      poll();
    }
  }

  private void poll() {
    armedFor = Board.NO_DEADLINE;
    board.poll(os.nanos());
    rearm();
  }

  // ---- serial -------------------------------------------------------------------------------------

  @Override
  public void serialEventFromIsr(int portId) {
    SERIAL_PENDING.getAndBitwiseOr(this, 1L << (portId & 63));
    serialLine.raiseFromIsr();
  }

  /**
   * Waits until serial port {@code port} ({@code portId}) has input ({@code output} false) or room
   * to write ({@code output} true): NONE if it has already, else BLOCKED (the caller tries again
   * when it runs). From a native of a top-level run.
   */
  int awaitSerial(SerialPort port, int portId, boolean output) {
    if ((output ? port.writeSpace() : port.available()) > 0) {
      return Values.NONE;
    }
    threads.checkCanBlock("waiting for a serial port");
    if (serialWaiters.size() == serialWaitPort.length) {
      serialWaitPort = java.util.Arrays.copyOf(serialWaitPort, serialWaitPort.length * 2);
    }
    serialWaitPort[serialWaiters.size()] = portId & 63;
    serialWaiters.add(threads.current());
    return threads.await(VTime.INFINITE);
  }

  private void wakeSerialWaiters() {
    long ports = (long) SERIAL_PENDING.getAndSet(this, 0L);
    int kept = 0;
    for (int i = 0; i < serialWaiters.size(); i++) {
      PyThread t = serialWaiters.get(i);
      int p = serialWaitPort[i];
      if ((ports & (1L << p)) != 0) {
        threads.grant(t);
      } else {
        serialWaitPort[kept] = p;
        serialWaiters.set(kept++, t);
      }
    }
    while (serialWaiters.size() > kept) {
      serialWaiters.remove(serialWaiters.size() - 1);
    }
  }
}
