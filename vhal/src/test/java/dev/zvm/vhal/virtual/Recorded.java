package dev.zvm.vhal.virtual;

import dev.zvm.vhal.Edge;
import dev.zvm.vhal.EdgeListener;
import java.util.ArrayList;
import java.util.List;

/** Collects what a board reports, as readable lines, for assertions. */
final class Recorded implements PinListener, EdgeListener {
  final List<String> lines = new ArrayList<>();
  final List<Thread> edgeThreads = new ArrayList<>();

  @Override
  public synchronized void levelChanged(int pin, int level, long nanos) {
    lines.add(nanos / ManualClock.MS + "ms level " + Integer.toHexString(pin) + "=" + level);
  }

  @Override
  public synchronized void pwmChanged(int pin, long periodNanos, long pulseNanos, long nanos) {
    lines.add(nanos / ManualClock.MS + "ms pwm " + Integer.toHexString(pin) + " " + periodNanos + "/" + pulseNanos);
  }

  @Override
  public synchronized void analogChanged(int pin, int value, long nanos) {
    lines.add(nanos / ManualClock.MS + "ms adc " + Integer.toHexString(pin) + "=" + value);
  }

  @Override
  public synchronized void edgeFromIsr(int pin, Edge edge, long nanos) {
    lines.add(nanos / ManualClock.MS + "ms edge " + Integer.toHexString(pin) + " " + edge);
    edgeThreads.add(Thread.currentThread());
  }

  synchronized List<String> edges() {
    return lines.stream().filter(l -> l.contains(" edge ")).toList();
  }

  synchronized List<String> take() {
    List<String> out = List.copyOf(lines);
    lines.clear();
    return out;
  }
}
