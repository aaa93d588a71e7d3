package dev.zvm.vhal.virtual;

/** A bounded FIFO of bytes in a fixed array. Not thread-safe: its owner guards it. */
final class ByteRing {
  private final byte[] buf;
  private int head;
  private int size;

  ByteRing(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity=" + capacity + " must be >= 1");
    }
    buf = new byte[capacity];
  }

  int size() {
    return size;
  }

  int capacity() {
    return buf.length;
  }

  int space() {
    return buf.length - size;
  }

  /** Appends as many of the bytes as fit; returns how many. */
  int put(byte[] src, int off, int len) {
    int n = Math.min(len, space());
    int tail = (head + size) % buf.length;
    int first = Math.min(n, buf.length - tail);
    System.arraycopy(src, off, buf, tail, first);
    System.arraycopy(src, off + first, buf, 0, n - first);
    size += n;
    return n;
  }

  /** Removes up to {@code len} bytes into {@code dst}; returns how many. */
  int take(byte[] dst, int off, int len) {
    int n = Math.min(len, size);
    int first = Math.min(n, buf.length - head);
    System.arraycopy(buf, head, dst, off, first);
    System.arraycopy(buf, 0, dst, off + first, n - first);
    head = (head + n) % buf.length;
    size -= n;
    return n;
  }

  /** Removes one byte (0..255), or returns -1 when empty. */
  int take() {
    if (size == 0) {
      return -1;
    }
    int b = buf[head] & 0xFF;
    head = (head + 1) % buf.length;
    size--;
    return b;
  }
}
