package dev.zvm.vhal.virtual;

import dev.zvm.vhal.Board;
import dev.zvm.vhal.BoardDefinition;
import dev.zvm.vhal.Edge;
import dev.zvm.vhal.EdgeListener;
import dev.zvm.vhal.EdgeMode;
import dev.zvm.vhal.PinMode;
import dev.zvm.vhal.Pwm;
import java.util.function.LongToIntFunction;

/**
 * One physical pin of a virtual board: its electrical state, its interrupt with debounce, its PWM
 * output and its ADC channel.
 *
 * <p><b>The level.</b> A pad's level is a function of its mode, its output latch (what the VM
 * wrote) and its drive (what the outside drives, or nothing):
 *
 * <pre>
 *   OUTPUT            latch                           (a push-pull output wins over the outside)
 *   OUTPUT_OPENDRAIN  latch 0 ? 0 : (drive or 1)      (a released line floats up: a pull-up is assumed)
 *   INPUT_PULLUP      drive or 1
 *   INPUT_PULLDOWN    drive or 0
 *   INPUT             drive or 0                      (a floating input reads 0)
 * </pre>
 *
 * Every change of any of the three recomputes the level; a level that changes is an edge, whatever
 * caused it. Pads start as undriven {@code INPUT}s with latch 0: level 0.
 *
 * <p><b>Debounce</b> (Zerynth's): with an interrupt attached and a debounce period {@code d}, each
 * level change (re)arms a deadline {@code d} after it; when the deadline passes, the level is
 * compared with the last confirmed level, and only if it differs is the edge reported (at the
 * deadline's time), and confirmed. So a level must stay stable for {@code d} to be reported, and
 * bounces that come back to the confirmed level are never reported. The deadline passes in
 * {@link Board#poll(long)}, or in the next change if that comes first (a late poll loses nothing);
 * a pulse train ends in {@code poll}, or in the next PWM setting. Without debounce every change is
 * reported at once.
 *
 * <p><b>Threads.</b> Every field below that changes is written only under this pad's monitor
 * ({@code synchronized}), by any thread (the host driving an input, the carrier writing an output,
 * the thread running {@link Board#poll(long)}). The fields that other threads read without the
 * lock are {@code volatile}: {@code level}, {@code mode}, the PWM settings and the analog input,
 * and the deadlines that {@code poll} scans. Listeners are called under the monitor (see
 * {@link PinListener}, {@link EdgeListener}).
 */
final class VirtualPad {
  static final int UNDRIVEN = -1;

  private final VirtualBoard board;
  final BoardDefinition.Pad def;

  // Read lock-free by any thread; written under the monitor.
  private volatile int level;
  private volatile PinMode mode = PinMode.INPUT;
  private volatile long pwmPeriodNanos;
  private volatile long pwmPulseNanos;
  /** When the current pulse train ends, or NO_DEADLINE for none or an endless one. */
  private volatile long pwmEndNanos = Board.NO_DEADLINE;
  /** When the running debounce period ends, or NO_DEADLINE. */
  private volatile long debounceDeadlineNanos = Board.NO_DEADLINE;
  private volatile int analogValue;
  private volatile LongToIntFunction analogSource;

  // Only under the monitor.
  private int latch;
  private int drive = UNDRIVEN;
  private EdgeMode irqMode;
  private int irqPin;
  private long debounceNanos;
  private int confirmedLevel;

  VirtualPad(VirtualBoard board, BoardDefinition.Pad def) {
    this.board = board;
    this.def = def;
  }

  int level() {
    return level;
  }

  PinMode mode() {
    return mode;
  }

  synchronized int drive() {
    return drive;
  }

  long pwmPeriodNanos() {
    return pwmPeriodNanos;
  }

  long pwmPulseNanos() {
    return pwmPulseNanos;
  }

  long pwmEndNanos() {
    return pwmEndNanos;
  }

  int analogValue() {
    return analogValue;
  }

  /** The earliest time at which {@link #fireDue} has work. */
  long nextDeadlineNanos() {
    return Math.min(debounceDeadlineNanos, pwmEndNanos);
  }

  synchronized void setMode(PinMode newMode, long nanos) {
    mode = newMode;
    resolve(nanos);
  }

  synchronized void write(int newLatch, long nanos) {
    latch = newLatch != 0 ? 1 : 0;
    resolve(nanos);
  }

  synchronized void toggle(long nanos) {
    latch ^= 1;
    resolve(nanos);
  }

  /** The outside drives the line to {@code newDrive} (0 or 1), or stops driving it ({@link #UNDRIVEN}). */
  synchronized void drive(int newDrive, long nanos) {
    drive = newDrive;
    resolve(nanos);
  }

  /**
   * The outside makes the line go through {@code edge}: when it is already at the edge's level it
   * is first driven to the other level, at the same time (a zero-width pulse, which a debounce
   * ignores). A push-pull output does not move.
   */
  synchronized void raiseEdge(Edge edge, long nanos) {
    if (level == edge.level()) {
      drive = 1 - edge.level();
      resolve(nanos);
    }
    drive = edge.level();
    resolve(nanos);
  }

  synchronized void attachInterrupt(int pin, EdgeMode edgeMode, long debounce) {
    irqMode = edgeMode;
    irqPin = pin;
    debounceNanos = debounce;
    confirmedLevel = level;
    debounceDeadlineNanos = Board.NO_DEADLINE;
  }

  synchronized void detachInterrupt() {
    irqMode = null;
    debounceDeadlineNanos = Board.NO_DEADLINE;
  }

  /** Recomputes the level from mode, latch and drive; reports a change to listeners and the interrupt. */
  private void resolve(long nanos) {
    int newLevel;
    switch (mode) {
      case OUTPUT:
        newLevel = latch;
        break;
      case OUTPUT_OPENDRAIN:
        newLevel = latch == 0 ? 0 : (drive == UNDRIVEN ? 1 : drive);
        break;
      case INPUT_PULLUP:
        newLevel = drive == UNDRIVEN ? 1 : drive;
        break;
      default:
        newLevel = drive == UNDRIVEN ? 0 : drive;
        break;
    }
    if (newLevel == level) {
      return;
    }
    if (debounceDeadlineNanos <= nanos) {
      confirmDebounced(debounceDeadlineNanos);
    }
    level = newLevel;
    board.firePinChanged(def.pin(), newLevel, nanos);
    if (irqMode == null) {
      return;
    }
    if (debounceNanos == 0) {
      Edge edge = Edge.toLevel(newLevel);
      confirmedLevel = newLevel;
      if (irqMode.accepts(edge)) {
        board.fireEdge(irqPin, edge, nanos);
      }
    } else {
      long deadline = VirtualBoard.addSaturated(nanos, debounceNanos);
      debounceDeadlineNanos = deadline;
      board.fireDeadline(deadline);
    }
  }

  /**
   * Does this pad's earliest piece of work if it is due at {@code nowNanos}: a debounce period
   * that ended, or a pulse train that ended; each at its own deadline's time. Returns 1 if it did
   * one, 0 if nothing was due (another thread may have moved the deadline since it was scanned).
   */
  synchronized int fireDue(long nowNanos) {
    long debounceAt = debounceDeadlineNanos;
    long pwmAt = pwmEndNanos;
    if (debounceAt <= pwmAt && debounceAt <= nowNanos) {
      confirmDebounced(debounceAt);
      return 1;
    }
    if (pwmAt <= nowNanos) {
      setPwm(0, 0, Board.NO_DEADLINE, pwmAt);
      return 1;
    }
    return 0;
  }

  /**
   * The debounce period ending at {@code deadline} is over: the level has been stable since, so it
   * is confirmed, and reported if it differs from the last confirmed level. A change that comes
   * after an expired deadline nobody polled does this first, so a late poll loses nothing.
   */
  private void confirmDebounced(long deadline) {
    debounceDeadlineNanos = Board.NO_DEADLINE;
    if (level != confirmedLevel && irqMode != null) {
      confirmedLevel = level;
      Edge edge = Edge.toLevel(level);
      if (irqMode.accepts(edge)) {
        board.fireEdge(irqPin, edge, deadline);
      }
    }
  }

  /** Starts, changes or stops the PWM output; returns when the pulses end (see {@link Pwm#start}). */
  synchronized long startPwm(long periodNanos, long pulseNanos, int npulses, long nanos) {
    endExpiredTrain(nanos);
    if (periodNanos == 0 || pulseNanos == 0 || pulseNanos > periodNanos) {
      setPwm(0, 0, Board.NO_DEADLINE, nanos);
      return nanos;
    }
    long end = Pwm.FOREVER;
    long deadline = Board.NO_DEADLINE;
    if (npulses > 0) {
      long train = multiplySaturated(periodNanos, npulses);
      end = VirtualBoard.addSaturated(nanos, train);
      deadline = end;
    }
    setPwm(periodNanos, pulseNanos, deadline, nanos);
    if (deadline != Board.NO_DEADLINE) {
      board.fireDeadline(deadline);
    }
    return end;
  }

  synchronized void stopPwm(long nanos) {
    endExpiredTrain(nanos);
    setPwm(0, 0, Board.NO_DEADLINE, nanos);
  }

  /** A train that ended before {@code nanos} but was not polled yet ends now, at its own time. */
  private void endExpiredTrain(long nanos) {
    long end = pwmEndNanos;
    if (end <= nanos) {
      setPwm(0, 0, Board.NO_DEADLINE, end);
    }
  }

  private void setPwm(long period, long pulse, long end, long nanos) {
    pwmEndNanos = end;
    if (period == pwmPeriodNanos && pulse == pwmPulseNanos) {
      return;
    }
    pwmPeriodNanos = period;
    pwmPulseNanos = pulse;
    board.firePwmChanged(def.pin(), period, pulse, nanos);
  }

  synchronized void setAnalogValue(int value, long nanos) {
    analogSource = null;
    analogValue = value;
    board.fireAnalogChanged(def.pin(), value, nanos);
  }

  synchronized void setAnalogSource(LongToIntFunction source) {
    analogSource = source;
  }

  /** One ADC sample at {@code nanos}: the source's value if there is one, clamped to {@code 0..max}, else the value set. */
  int sample(long nanos, int max) {
    LongToIntFunction source = analogSource;
    if (source == null) {
      return analogValue;
    }
    return Math.max(0, Math.min(max, source.applyAsInt(nanos)));
  }

  private static long multiplySaturated(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    if (hi == 0 && lo >= 0) {
      return lo;
    }
    return Long.MAX_VALUE;
  }
}
