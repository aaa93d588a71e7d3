package dev.zvm.vhal.virtual;

import dev.zvm.vhal.BoardDefinition;
import dev.zvm.vhal.PeripheralClass;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the stimulus format (see {@link Stimulus}) line by line. A bad line is recorded with its
 * first problem and skipped, so one run reports every bad line; the result is a
 * {@link StimulusException} if any line was bad.
 */
final class StimulusParser {
  private static final Pattern TIME = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)(ns|us|µs|ms|s)");
  private static final Pattern INTEGER = Pattern.compile("-?\\d+");
  private static final String ACTIONS = "high, low, rise, fall, release or an ADC value";

  /** A problem with the line being read; its message is the problem's. */
  private static final class LineError extends Exception {
    LineError(String message) {
      super(message, null, false, false);
    }
  }

  /** A word, or a quoted string with its escapes decoded to bytes. */
  private record Token(String text, byte[] bytes) {
    boolean quoted() {
      return bytes != null;
    }
  }

  private final String sourceName;
  private final BoardDefinition board;
  private final List<StimulusEvent> events = new ArrayList<>();
  private final List<StimulusException.Problem> problems = new ArrayList<>();
  private long previousNanos;

  StimulusParser(String sourceName, BoardDefinition board) {
    this.sourceName = sourceName;
    this.board = board;
  }

  Stimulus parse(CharSequence text) throws StimulusException {
    String[] lines = text.toString().split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      try {
        parseLine(lines[i], i + 1);
      } catch (LineError e) {
        problems.add(new StimulusException.Problem(i + 1, e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new StimulusException(sourceName, problems);
    }
    return new Stimulus(sourceName, events);
  }

  private void parseLine(String line, int lineNumber) throws LineError {
    List<Token> tokens = tokenize(line);
    if (tokens.isEmpty()) {
      return;
    }
    if (tokens.size() < 3) {
      throw new LineError(
          "expected \"<time> <pin or port> <action>\", got \"" + withoutComment(line).strip() + "\"");
    }
    long nanos = time(tokens.get(0));
    Token target = tokens.get(1);
    if (target.quoted()) {
      throw new LineError("expected a pin or serial port name after the time, got a string");
    }
    StimulusEvent event = event(nanos, lineNumber, target.text(), tokens.get(2));
    if (tokens.size() > 3) {
      Token extra = tokens.get(3);
      throw new LineError(
          "unexpected "
              + (extra.quoted() ? "string" : "\"" + extra.text() + "\"")
              + " after the action (a comment starts with #)");
    }
    previousNanos = nanos;
    events.add(event);
  }

  private long time(Token token) throws LineError {
    String text = token.text();
    if (token.quoted()) {
      throw new LineError("expected a time such as 250ms first, got a string");
    }
    boolean relative = text.startsWith("+");
    Matcher m = TIME.matcher(relative ? text.substring(1) : text);
    if (!m.matches()) {
      throw new LineError(
          "bad time \"" + text + "\": write a number and a unit (ns, us, ms or s), e.g. 250ms or +1.5s");
    }
    BigDecimal nanos = new BigDecimal(m.group(1)).multiply(unitNanos(m.group(2)));
    if (nanos.stripTrailingZeros().scale() > 0) {
      throw new LineError("time \"" + text + "\" is not a whole number of nanoseconds");
    }
    BigInteger total = nanos.toBigIntegerExact();
    if (relative) {
      total = total.add(BigInteger.valueOf(previousNanos));
    }
    if (total.bitLength() > 62) {
      throw new LineError("time \"" + text + "\" is too large");
    }
    long result = total.longValueExact();
    if (result < previousNanos) {
      throw new LineError(
          "time "
              + text
              + " is before the previous event (at "
              + formatNanos(previousNanos)
              + "): events must be in time order");
    }
    return result;
  }

  private static BigDecimal unitNanos(String unit) {
    switch (unit) {
      case "ns":
        return BigDecimal.ONE;
      case "us":
      case "µs":
        return BigDecimal.valueOf(1_000L);
      case "ms":
        return BigDecimal.valueOf(1_000_000L);
      default:
        return BigDecimal.valueOf(1_000_000_000L);
    }
  }

  private StimulusEvent event(long nanos, int line, String name, Token action) throws LineError {
    int pin = board.pinNumber(name);
    if (pin >= 0) {
      return pinEvent(nanos, line, name, pin, action);
    }
    Integer peripheral = board.peripherals().get(name);
    if (peripheral == null) {
      throw new LineError("unknown pin or serial port \"" + name + "\" on board " + board.name());
    }
    if (!PeripheralClass.SERIAL.owns(peripheral)) {
      throw new LineError(name + " is not a pin or a serial port");
    }
    if (!action.quoted()) {
      throw new LineError(name + " takes a quoted string such as \"hello\\n\", got " + action.text());
    }
    return new StimulusEvent(nanos, line, StimulusEvent.Action.SERIAL, name, peripheral, 0, action.bytes());
  }

  private StimulusEvent pinEvent(long nanos, int line, String name, int pin, Token action)
      throws LineError {
    if (action.quoted()) {
      throw new LineError("pin " + name + " takes " + ACTIONS + ", not a string");
    }
    String word = action.text();
    if (INTEGER.matcher(word).matches()) {
      BoardDefinition.Pad pad = board.pads().get(board.padOf(pin));
      if (!pad.hasAdc()) {
        throw new LineError("pin " + name + " has no ADC channel, so it cannot take the value " + word);
      }
      BigInteger value = new BigInteger(word);
      if (value.signum() < 0 || value.compareTo(BigInteger.valueOf(board.adcMax())) > 0) {
        throw new LineError("ADC value " + word + " is out of range 0.." + board.adcMax());
      }
      return new StimulusEvent(nanos, line, StimulusEvent.Action.ANALOG, name, pin, value.intValue(), null);
    }
    StimulusEvent.Action a;
    switch (word.toLowerCase(Locale.ROOT)) {
      case "high":
        a = StimulusEvent.Action.HIGH;
        break;
      case "low":
        a = StimulusEvent.Action.LOW;
        break;
      case "rise":
        a = StimulusEvent.Action.RISE;
        break;
      case "fall":
        a = StimulusEvent.Action.FALL;
        break;
      case "release":
        a = StimulusEvent.Action.RELEASE;
        break;
      default:
        throw new LineError("unknown action \"" + word + "\" for pin " + name + ": use " + ACTIONS);
    }
    return new StimulusEvent(nanos, line, a, name, pin, 0, null);
  }

  /** Splits a line into words and quoted strings, up to a {@code #} outside a string. */
  private static List<Token> tokenize(String line) throws LineError {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#') {
        break;
      } else if (c == '"') {
        int start = i;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        i = string(line, i + 1, bytes);
        tokens.add(new Token(line.substring(start, i), bytes.toByteArray()));
      } else {
        int start = i;
        while (i < n && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '#' && line.charAt(i) != '"') {
          i++;
        }
        tokens.add(new Token(line.substring(start, i), null));
      }
    }
    return tokens;
  }

  /** Decodes a string from {@code i} (after its opening quote) into {@code out}; returns the index after its closing quote. */
  private static int string(String line, int i, ByteArrayOutputStream out) throws LineError {
    int n = line.length();
    while (i < n) {
      int cp = line.codePointAt(i);
      if (cp == '"') {
        return i + 1;
      }
      if (cp != '\\') {
        byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(utf8, 0, utf8.length);
        i += Character.charCount(cp);
        continue;
      }
      if (i + 1 >= n) {
        break;
      }
      char e = line.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'n':
          out.write('\n');
          break;
        case 'r':
          out.write('\r');
          break;
        case 't':
          out.write('\t');
          break;
        case '0':
          out.write(0);
          break;
        case '\\':
          out.write('\\');
          break;
        case '"':
          out.write('"');
          break;
        case 'x':
          if (i + 2 > n || Character.digit(line.charAt(i), 16) < 0 || Character.digit(line.charAt(i + 1), 16) < 0) {
            throw new LineError("\\x in a string needs two hex digits, e.g. \\x0d");
          }
          out.write(Integer.parseInt(line.substring(i, i + 2), 16));
          i += 2;
          break;
        default:
          throw new LineError("unknown escape \\" + e + " in a string (use \\n \\r \\t \\0 \\\\ \\\" or \\xHH)");
      }
    }
    throw new LineError("unterminated string: the closing \" is missing");
  }

  private static String withoutComment(String line) {
    int hash = line.indexOf('#');
    return hash < 0 ? line : line.substring(0, hash);
  }

  /** 2s, 250ms, 1500us or 7ns: the largest unit that shows the time exactly. */
  static String formatNanos(long nanos) {
    if (nanos != 0 && nanos % 1_000_000_000L == 0) {
      return nanos / 1_000_000_000L + "s";
    }
    if (nanos != 0 && nanos % 1_000_000L == 0) {
      return nanos / 1_000_000L + "ms";
    }
    if (nanos != 0 && nanos % 1_000L == 0) {
      return nanos / 1_000L + "us";
    }
    return nanos + "ns";
  }
}
