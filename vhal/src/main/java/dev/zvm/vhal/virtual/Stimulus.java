package dev.zvm.vhal.virtual;

import dev.zvm.vhal.BoardDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A parsed stimulus file: board inputs scheduled in time, one event per line, checked against a
 * board definition. The format is described in {@code vhal/README.md}; in brief:
 *
 * <pre>
 *   # a comment; blank lines are ignored
 *   250ms  BTN0    fall          # drive a pin: high, low, rise, fall, release
 *   +2ms   BTN0    rise          # "+" : relative to the previous event
 *   1s     A0      512           # an ADC value
 *   2s     SERIAL0 "hello\n"     # bytes on a serial port: escapes \n \r \t \0 \\ \" \xHH
 *   1.5s   D3      high          # units ns, us, ms, s; decimals allowed down to whole ns
 * </pre>
 *
 * Events must come in time order. Immutable; {@link VirtualBoard#schedule} replays it.
 */
public final class Stimulus {
  private final String sourceName;
  private final List<StimulusEvent> events;

  Stimulus(String sourceName, List<StimulusEvent> events) {
    this.sourceName = sourceName;
    this.events = List.copyOf(events);
  }

  /** Parses {@code text}, naming it {@code sourceName} in errors; all bad lines are reported together. */
  public static Stimulus parse(String sourceName, CharSequence text, BoardDefinition board)
      throws StimulusException {
    return new StimulusParser(sourceName, board).parse(text);
  }

  /** Reads and parses a UTF-8 file. */
  public static Stimulus read(Path file, BoardDefinition board) throws IOException, StimulusException {
    return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), board);
  }

  public String sourceName() {
    return sourceName;
  }

  /** In time order (file order at equal times). */
  public List<StimulusEvent> events() {
    return events;
  }

  /** The time of the last event, 0 when there is none. */
  public long endNanos() {
    return events.isEmpty() ? 0 : events.get(events.size() - 1).timeNanos();
  }
}
