package dev.zvm.vm;

import dev.zvm.vosal.VMailbox;

/**
 * Something that queues Python callbacks for the interrupt thread: one direction of a pin's
 * interrupt ({@code onPinRise}/{@code onPinFall}) or one software timer. It is itself the message
 * posted into the interrupt queue (so raising allocates nothing), once per event, and keeps the
 * raise times of its pending events in a ring.
 *
 * <p><b>Threads.</b> {@link #post} is called by one producer at a time: for a pin, whoever changes
 * it, serialised by the board's pad lock (vhal calls edge listeners under it); for a timer, the
 * carrier. The ring entry is written before the mailbox's post publishes the source and read by
 * the carrier after its fetch, so the mailbox orders them. The ring has one entry more than the
 * queue has slots: a post that fails because the queue is full never overwrites a pending entry.
 * {@link #fn}, {@link #args} and {@link #armed} are written on the carrier; {@link #armed} is read
 * by producers on other threads (volatile).
 */
final class IrqSource {
  /** What the source is: a pin's rising or falling edge, or a timer. */
  static final int RISE = 0;
  static final int FALL = 1;
  static final int TIMER = 2;

  final int kind;
  /** The pad (pins) or the timer slot index (timers). */
  final int index;
  /** The callback and its argument tuple (GC roots while set); NONE when detached or cleared. */
  int fn = Values.NONE;
  int args = Values.NONE;
  /** True while edges or expiries should queue callbacks. */
  volatile boolean armed;

  private final long[] stamps;
  /** Next ring entry to write: the producer's. */
  private int head;
  /** Next ring entry to read: the carrier's. */
  private int tail;
  /** Timers only (carrier-side): events posted and not yet taken by the interrupt thread. */
  int pending;

  IrqSource(int kind, int index, int queueCapacity) {
    this.kind = kind;
    this.index = index;
    this.stamps = new long[queueCapacity + 1];
  }

  /**
   * Queues one callback raised at {@code stampNanos}. Returns false when the queue is full (the
   * caller counts the overflow). Lock-free and allocation-free; one producer at a time.
   */
  boolean post(VMailbox<IrqSource> queue, long stampNanos) {
    int h = head;
    stamps[h] = stampNanos;
    if (!queue.postFromIsr(this)) {
      return false;
    }
    head = h + 1 == stamps.length ? 0 : h + 1;
    return true;
  }

  /** The raise time of the oldest pending event, which the carrier has just fetched. */
  long take() {
    int t = tail;
    tail = t + 1 == stamps.length ? 0 : t + 1;
    return stamps[t];
  }
}
