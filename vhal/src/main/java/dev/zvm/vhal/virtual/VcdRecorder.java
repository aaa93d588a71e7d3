package dev.zvm.vhal.virtual;

import dev.zvm.vhal.BoardDefinition;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Records every change of a virtual board's pads to a VCD (Value Change Dump, IEEE 1364 §18) file,
 * which GTKWave and other waveform viewers open. It is a {@link PinListener}: it writes as the
 * changes come, so a long run costs no memory.
 *
 * <p>The file declares, in one scope named after the board, with a 1 ns timescale:
 *
 * <ul>
 *   <li>a {@code wire 1} per pad ({@code D0}, ..., {@code BTN1}): its level;
 *   <li>two {@code integer 64} per pad with PWM ({@code D3_PWM_period_ns}, {@code D3_PWM_pulse_ns}):
 *       0 while the output is off (the digital level is not modulated);
 *   <li>an {@code integer} of the ADC's width per pad with an ADC channel ({@code A0_ADC}): the value
 *       set by the host or a stimulus (values from a source function are not recorded).
 * </ul>
 *
 * Times are nanoseconds since the recording started; the initial state of every variable is in
 * {@code $dumpvars} at {@code #0}; {@link #close()} writes the final time. Changes that arrive
 * stamped earlier than one already written (two threads racing) are written at the later time, so
 * times never go back. The output depends only on the changes and their times: under the virtual
 * clock, the same run gives the same bytes.
 *
 * <p>Threads: all state is guarded by this recorder's monitor. An I/O error stops the recording and
 * is thrown by {@link #close()}.
 */
public final class VcdRecorder implements PinListener, Closeable {
  private final VirtualBoard board;
  private final BoardDefinition definition;
  private final Writer out;
  private final boolean ownsWriter;
  private final long originNanos;
  private final String[] levelIds;
  private final String[] periodIds;
  private final String[] pulseIds;
  private final String[] adcIds;
  private long lastTime;
  private long changes;
  private IOException failure;
  private boolean closed;

  private VcdRecorder(VirtualBoard board, Writer out, boolean ownsWriter) {
    this.board = board;
    this.definition = board.definition();
    this.out = out;
    this.ownsWriter = ownsWriter;
    this.originNanos = board.nowNanos();
    int pads = definition.padCount();
    levelIds = new String[pads];
    periodIds = new String[pads];
    pulseIds = new String[pads];
    adcIds = new String[pads];
    int next = 0;
    for (BoardDefinition.Pad p : definition.pads()) {
      levelIds[p.index()] = identifier(next++);
    }
    for (BoardDefinition.Pad p : definition.pads()) {
      if (p.hasPwm()) {
        periodIds[p.index()] = identifier(next++);
        pulseIds[p.index()] = identifier(next++);
      }
    }
    for (BoardDefinition.Pad p : definition.pads()) {
      if (p.hasAdc()) {
        adcIds[p.index()] = identifier(next++);
      }
    }
  }

  /** Starts recording {@code board} to {@code out} (which the caller closes) from the board clock's now. */
  public static VcdRecorder start(VirtualBoard board, Writer out) throws IOException {
    return start(new VcdRecorder(board, out, false));
  }

  /** Starts recording {@code board} to a new file (closed by {@link #close()}). */
  public static VcdRecorder start(VirtualBoard board, Path file) throws IOException {
    BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
    try {
      return start(new VcdRecorder(board, w, true));
    } catch (IOException | RuntimeException e) {
      w.close();
      throw e;
    }
  }

  private static VcdRecorder start(VcdRecorder r) throws IOException {
    synchronized (r) {
      r.board.addPinListener(r);
      r.writeHeader();
      if (r.failure != null) {
        r.board.removePinListener(r);
        throw r.failure;
      }
    }
    return r;
  }

  /** The board-clock time of {@code #0}. */
  public long originNanos() {
    return originNanos;
  }

  /** How many value changes have been written after the initial dump. */
  public synchronized long changes() {
    return changes;
  }

  @Override
  public synchronized void levelChanged(int pin, int level, long nanos) {
    int pad = definition.padOf(pin);
    change(nanos, (level != 0 ? "1" : "0") + levelIds[pad]);
  }

  @Override
  public synchronized void pwmChanged(int pin, long periodNanos, long pulseNanos, long nanos) {
    int pad = definition.padOf(pin);
    change(nanos, vector(periodNanos, periodIds[pad]) + "\n" + vector(pulseNanos, pulseIds[pad]));
  }

  @Override
  public synchronized void analogChanged(int pin, int value, long nanos) {
    int pad = definition.padOf(pin);
    change(nanos, vector(value, adcIds[pad]));
  }

  /** Stops recording, writes the final time (the board clock's now), flushes, and closes the file it opened. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    board.removePinListener(this);
    if (failure == null) {
      try {
        long end = Math.max(lastTime, board.nowNanos() - originNanos);
        if (end > lastTime) {
          out.write("#" + end + "\n");
        }
        out.flush();
      } catch (IOException e) {
        failure = e;
      }
    }
    if (ownsWriter) {
      try {
        out.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void writeHeader() {
    StringBuilder h = new StringBuilder(4096);
    h.append("$version zvm vhal $end\n");
    h.append("$timescale 1ns $end\n");
    h.append("$scope module ").append(definition.name()).append(" $end\n");
    for (BoardDefinition.Pad p : definition.pads()) {
      h.append("$var wire 1 ").append(levelIds[p.index()]).append(' ').append(p.name()).append(" $end\n");
    }
    for (BoardDefinition.Pad p : definition.pads()) {
      if (p.hasPwm()) {
        h.append("$var integer 64 ").append(periodIds[p.index()]).append(' ')
            .append(p.name()).append("_PWM_period_ns $end\n");
        h.append("$var integer 64 ").append(pulseIds[p.index()]).append(' ')
            .append(p.name()).append("_PWM_pulse_ns $end\n");
      }
    }
    for (BoardDefinition.Pad p : definition.pads()) {
      if (p.hasAdc()) {
        h.append("$var integer ").append(definition.adcBits()).append(' ').append(adcIds[p.index()])
            .append(' ').append(p.name()).append("_ADC $end\n");
      }
    }
    h.append("$upscope $end\n");
    h.append("$enddefinitions $end\n");
    h.append("#0\n");
    h.append("$dumpvars\n");
    for (BoardDefinition.Pad p : definition.pads()) {
      h.append(board.level(p.pin())).append(levelIds[p.index()]).append('\n');
    }
    for (BoardDefinition.Pad p : definition.pads()) {
      if (p.hasPwm()) {
        h.append(vector(board.pwmPeriodNanos(p.pin()), periodIds[p.index()])).append('\n');
        h.append(vector(board.pwmPulseNanos(p.pin()), pulseIds[p.index()])).append('\n');
      }
    }
    for (BoardDefinition.Pad p : definition.pads()) {
      if (p.hasAdc()) {
        h.append(vector(board.analogValue(p.pin()), adcIds[p.index()])).append('\n');
      }
    }
    h.append("$end\n");
    write(h.toString());
  }

  private void change(long nanos, String values) {
    if (closed || failure != null) {
      return;
    }
    long t = Math.max(lastTime, nanos - originNanos);
    if (t != lastTime) {
      lastTime = t;
      write("#" + t + "\n" + values + "\n");
    } else {
      write(values + "\n");
    }
    if (failure == null) {
      changes++;
    }
  }

  private void write(String s) {
    try {
      out.write(s);
    } catch (IOException e) {
      failure = e;
    }
  }

  private static String vector(long value, String id) {
    return "b" + Long.toBinaryString(value) + " " + id;
  }

  /** The n-th identifier code: printable ASCII {@code !..~}, bijective base 94 ({@code !}, ..., {@code ~}, {@code !!}, ...). */
  static String identifier(int n) {
    StringBuilder sb = new StringBuilder();
    int v = n;
    do {
      sb.append((char) ('!' + v % 94));
      v = v / 94 - 1;
    } while (v >= 0);
    return sb.toString();
  }
}
