package dev.zvm.vhal.virtual;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of a stimulus file: at {@link #timeNanos()} after the stimulus starts, do
 * {@link #action()} to {@link #target()} (a virtual pin, or a serial port id). Immutable.
 */
public final class StimulusEvent {
  /** What an event does. */
  public enum Action {
    /** Drive the line high ({@code high}). */
    HIGH,
    /** Drive the line low ({@code low}). */
    LOW,
    /** Make the line rise, ending driven high ({@code rise}; see {@link VirtualBoard#raiseEdge}). */
    RISE,
    /** Make the line fall, ending driven low ({@code fall}). */
    FALL,
    /** Stop driving the line ({@code release}). */
    RELEASE,
    /** Set the pin's ADC value (a number: {@code 512}). */
    ANALOG,
    /** Feed bytes to a serial port (a quoted string: {@code "hello\n"}). */
    SERIAL
  }

  private final long timeNanos;
  private final int line;
  private final Action action;
  private final String targetName;
  private final int target;
  private final int value;
  private final byte[] data;

  StimulusEvent(long timeNanos, int line, Action action, String targetName, int target, int value, byte[] data) {
    this.timeNanos = timeNanos;
    this.line = line;
    this.action = Objects.requireNonNull(action, "action");
    this.targetName = targetName;
    this.target = target;
    this.value = value;
    this.data = data == null ? new byte[0] : data.clone();
  }

  /** Nanoseconds from the start of the stimulus. */
  public long timeNanos() {
    return timeNanos;
  }

  /** The line of the file it came from, from 1. */
  public int line() {
    return line;
  }

  public Action action() {
    return action;
  }

  /** The pin or port as written: {@code BTN0}, {@code SERIAL0}. */
  public String targetName() {
    return targetName;
  }

  /** The virtual pin, or the serial port id for {@link Action#SERIAL}. */
  public int target() {
    return target;
  }

  /** The ADC value of an {@link Action#ANALOG} event. */
  public int value() {
    return value;
  }

  /** The bytes of a {@link Action#SERIAL} event (a copy). */
  public byte[] data() {
    return data.clone();
  }

  int dataLength() {
    return data.length;
  }

  byte[] dataUnsafe() {
    return data;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StimulusEvent e
        && e.timeNanos == timeNanos
        && e.line == line
        && e.action == action
        && e.targetName.equals(targetName)
        && e.target == target
        && e.value == value
        && Arrays.equals(e.data, data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeNanos, line, action, target, value) * 31 + Arrays.hashCode(data);
  }

  /** {@code 250000000ns BTN0 fall} (times in ns, strings re-escaped): a line the parser reads back to an equal event, line number aside. */
  @Override
  public String toString() {
    String what;
    switch (action) {
      case ANALOG:
        what = Integer.toString(value);
        break;
      case SERIAL:
        what = escape(data);
        break;
      default:
        what = action.name().toLowerCase(Locale.ROOT);
        break;
    }
    return timeNanos + "ns " + targetName + " " + what;
  }

  static String escape(byte[] bytes) {
    StringBuilder sb = new StringBuilder("\"");
    for (byte b : bytes) {
      int c = b & 0xFF;
      switch (c) {
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        default:
          if (c >= 0x20 && c < 0x7F) {
            sb.append((char) c);
          } else {
            sb.append(String.format("\\x%02x", c));
          }
      }
    }
    return sb.append('"').toString();
  }
}
