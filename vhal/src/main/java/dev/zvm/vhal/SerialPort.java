package dev.zvm.vhal;

/**
 * A serial port as the VM sees it: two bounded byte buffers, one the outside fills (receive) and
 * one the VM fills (transmit). Nothing here blocks: a reader that finds nothing, or a writer that
 * finds no room, waits for the board's {@link SerialListener} to report this port and tries again.
 * Any thread.
 */
public interface SerialPort {
  /** This port's id ({@code SERIAL0} = {@code 0x0700}). */
  int id();

  /** Bytes received and not yet read. */
  int available();

  /** Reads up to {@code len} received bytes; returns how many, 0 when none are there. */
  int read(byte[] dst, int off, int len);

  /** Reads one received byte (0..255), or -1 when none is there. */
  int read();

  /** Queues up to {@code len} bytes for transmission; returns how many fitted (all of them unless the buffer is full). */
  int write(byte[] src, int off, int len);

  /** How many bytes {@link #write} would take now. */
  int writeSpace();
}
