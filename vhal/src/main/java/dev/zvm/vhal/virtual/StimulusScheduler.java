package dev.zvm.vhal.virtual;

import dev.zvm.vhal.Board;
import dev.zvm.vhal.Edge;

/**
 * Replays a {@link Stimulus} on a {@link VirtualBoard}: each event is applied when the board's
 * {@link Board#poll(long)} reaches its time ({@code origin + event time}), stamped with that time,
 * so a replay under the virtual clock is exact and identical every time. Made by
 * {@link VirtualBoard#schedule}, which checks every event's pin or port against the board (a
 * stimulus parsed for another board definition fails there, not halfway through the replay).
 *
 * <p>Threads: {@code next} is guarded by this object's monitor (the polling thread advances it,
 * {@link #cancel} may come from any thread); {@code nextDeadline} is volatile for lock-free scans.
 */
public final class StimulusScheduler {
  private final VirtualBoard board;
  private final Stimulus stimulus;
  private final long originNanos;
  private int next;
  private volatile long nextDeadline;

  StimulusScheduler(VirtualBoard board, Stimulus stimulus, long originNanos) {
    this.board = board;
    this.stimulus = stimulus;
    this.originNanos = originNanos;
    for (StimulusEvent e : stimulus.events()) {
      switch (e.action()) {
        case SERIAL:
          board.serial(e.target());
          break;
        case ANALOG:
          board.adcPad(e.target());
          break;
        default:
          board.pad(e.target());
          break;
      }
    }
    this.nextDeadline = deadlineOf(0);
  }

  public Stimulus stimulus() {
    return stimulus;
  }

  /** The board-clock time of the stimulus's time 0. */
  public long originNanos() {
    return originNanos;
  }

  /** The board-clock time of the next event, or {@link Board#NO_DEADLINE} when all are done. */
  public long nextDeadlineNanos() {
    return nextDeadline;
  }

  /** How many events have been applied. */
  public synchronized int applied() {
    return next;
  }

  public boolean done() {
    return nextDeadline == Board.NO_DEADLINE;
  }

  /** Drops the events not yet applied. */
  public synchronized void cancel() {
    next = stimulus.events().size();
    nextDeadline = Board.NO_DEADLINE;
  }

  /** Applies the next event if it is due at {@code nowNanos}; returns 1 if it did, else 0. */
  synchronized int applyDue(long nowNanos) {
    if (next >= stimulus.events().size() || deadlineOf(next) > nowNanos) {
      return 0;
    }
    StimulusEvent e = stimulus.events().get(next);
    long at = deadlineOf(next);
    next++;
    nextDeadline = deadlineOf(next);
    apply(e, at);
    return 1;
  }

  private void apply(StimulusEvent e, long at) {
    switch (e.action()) {
      case HIGH:
        board.driveAt(e.target(), 1, at);
        break;
      case LOW:
        board.driveAt(e.target(), 0, at);
        break;
      case RISE:
        board.raiseEdgeAt(e.target(), Edge.RISING, at);
        break;
      case FALL:
        board.raiseEdgeAt(e.target(), Edge.FALLING, at);
        break;
      case RELEASE:
        board.driveAt(e.target(), VirtualPad.UNDRIVEN, at);
        break;
      case ANALOG:
        board.setAnalogAt(e.target(), e.value(), at);
        break;
      case SERIAL:
        board.serial(e.target()).feed(e.dataUnsafe(), 0, e.dataLength());
        break;
    }
  }

  private long deadlineOf(int index) {
    if (index >= stimulus.events().size()) {
      return Board.NO_DEADLINE;
    }
    return VirtualBoard.addSaturated(originNanos, stimulus.events().get(index).timeNanos());
  }
}
