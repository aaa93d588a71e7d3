package dev.zvm.vhal.virtual;

import dev.zvm.vhal.SerialPort;
import dev.zvm.vhal.VhalError;
import dev.zvm.vhal.VhalException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A serial port of a virtual board. The VM reads what the host {@linkplain #feed feeds} and writes
 * what the host {@linkplain #takeOutput takes}, or what goes straight to an
 * {@linkplain #setOutputSink output sink} (the CLI sets one on {@code SERIAL0}, the console).
 *
 * <p>Both directions are bounded rings. Input that does not fit is dropped and counted in
 * {@link #rxOverruns()} (a UART overrun); output that does not fit is refused, and the VM's
 * {@link #write} returns how much it took. Every arrival of input and every freeing of output
 * space is reported to the board's {@link dev.zvm.vhal.SerialListener}.
 *
 * <p>Threads: the rings, the sink and the counters are guarded by this port's monitor; the VM's
 * carrier and any host thread may call any method. The listener is called after the monitor is
 * released. With a sink, a write holds the monitor while the sink writes.
 */
public final class VirtualSerialPort implements SerialPort {
  private final VirtualBoard board;
  private final int id;
  private final String name;
  private final ByteRing rx;
  private final ByteRing tx;
  private OutputStream sink;
  private long rxOverruns;
  private long txTotal;

  VirtualSerialPort(VirtualBoard board, int id, int rxBytes, int txBytes) {
    this.board = board;
    this.id = id;
    this.name = board.definition().peripheralName(id);
    this.rx = new ByteRing(rxBytes);
    this.tx = new ByteRing(txBytes);
  }

  @Override
  public int id() {
    return id;
  }

  /** {@code SERIAL0} and so on. */
  public String name() {
    return name;
  }

  @Override
  public synchronized int available() {
    return rx.size();
  }

  @Override
  public int read(byte[] dst, int off, int len) {
    Objects.checkFromIndexSize(off, len, dst.length);
    synchronized (this) {
      return rx.take(dst, off, len);
    }
  }

  @Override
  public synchronized int read() {
    return rx.take();
  }

  @Override
  public int write(byte[] src, int off, int len) {
    Objects.checkFromIndexSize(off, len, src.length);
    synchronized (this) {
      if (sink != null) {
        writeSink(src, off, len);
        txTotal += len;
        return len;
      }
      int n = tx.put(src, off, len);
      txTotal += n;
      return n;
    }
  }

  @Override
  public synchronized int writeSpace() {
    return sink != null ? Integer.MAX_VALUE : tx.space();
  }

  // ---- host side ----

  /** Host: bytes arrive on the line. Returns how many fitted; the rest are dropped and counted as overruns. */
  public int feed(byte[] src, int off, int len) {
    Objects.checkFromIndexSize(off, len, src.length);
    int n;
    synchronized (this) {
      n = rx.put(src, off, len);
      rxOverruns += len - n;
    }
    if (n > 0) {
      board.fireSerialEvent(id);
    }
    return n;
  }

  /** Host: the UTF-8 bytes of {@code text} arrive on the line. */
  public int feed(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return feed(b, 0, b.length);
  }

  /** Host: takes everything the VM wrote and the host has not taken yet (nothing once a sink is set). */
  public byte[] takeOutput() {
    byte[] out;
    synchronized (this) {
      out = new byte[tx.size()];
      tx.take(out, 0, out.length);
    }
    if (out.length > 0) {
      board.fireSerialEvent(id);
    }
    return out;
  }

  /** Host: {@link #takeOutput()} decoded as UTF-8. */
  public String takeOutputString() {
    return new String(takeOutput(), StandardCharsets.UTF_8);
  }

  /**
   * Host: from now on the VM's output goes to {@code out} as it is written (what is buffered goes
   * first); null goes back to buffering. The port does not flush the sink. A sink that throws makes the VM's write fail with
   * {@link VhalError#PERIPHERAL}.
   */
  public void setOutputSink(OutputStream out) {
    boolean freed;
    synchronized (this) {
      sink = out;
      freed = out != null && tx.size() > 0;
      if (freed) {
        byte[] pending = new byte[tx.size()];
        tx.take(pending, 0, pending.length);
        writeSink(pending, 0, pending.length);
      }
    }
    if (freed) {
      board.fireSerialEvent(id);
    }
  }

  /** Input bytes dropped because the receive ring was full. */
  public synchronized long rxOverruns() {
    return rxOverruns;
  }

  /** Output bytes the VM has written in all. */
  public synchronized long txTotal() {
    return txTotal;
  }

  public int rxCapacity() {
    return rx.capacity();
  }

  public int txCapacity() {
    return tx.capacity();
  }

  private void writeSink(byte[] src, int off, int len) {
    try {
      sink.write(src, off, len);
    } catch (IOException e) {
      throw new VhalException(VhalError.PERIPHERAL, name + " output failed: " + e.getMessage());
    }
  }
}
