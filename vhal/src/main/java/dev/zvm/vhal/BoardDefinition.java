package dev.zvm.vhal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a board has, as data: its pads (the physical pins), the names and virtual pin numbers that
 * reach them, and its peripherals. The compiler turns {@link #pins()} and {@link #peripherals()}
 * into constants ({@code LED0}, {@code D3.PWM}, {@code SERIAL0}); a board resolves every pin number
 * it is given through {@link #padOf(int)}.
 *
 * <p>A pad is one wire with one level. Several virtual pins may reach the same pad: {@code D3} and
 * its function {@code D3.PWM} are both pad "D3". Immutable and safe to share between boards.
 */
public final class BoardDefinition {
  /** One physical pin: its index, its name, its main virtual pin, its ADC channel and PWM function (-1: none). */
  public record Pad(int index, String name, int pin, int adcChannel, int pwmPin) {
    public boolean hasAdc() {
      return adcChannel >= 0;
    }

    public boolean hasPwm() {
      return pwmPin >= 0;
    }
  }

  /**
   * The board {@code ./zvm run} uses unless told otherwise: {@code D0..D15}, {@code A0..A5} (ADC
   * channels 0..5, 12 bits), {@code LED0..LED3}, {@code BTN0..BTN1}, a PWM function on every
   * {@code D} and {@code LED} pin, {@code SERIAL0..SERIAL2} ({@code SERIAL0} the console),
   * {@code SPI0}, {@code I2C0}.
   */
  public static final BoardDefinition VIRTUAL = defaultBoard();

  private static final int NO_PAD = -1;

  private final String name;
  private final List<Pad> pads;
  private final Map<String, Integer> pins;
  private final Map<String, Integer> peripherals;
  private final int[] padByPin;
  private final String[] nameByPin;
  private final int adcBits;
  private final int serialPorts;
  private final int spiBuses;
  private final int i2cBuses;

  private BoardDefinition(Builder b) {
    this.name = b.name;
    this.adcBits = b.adcBits;
    this.serialPorts = b.serialPorts;
    this.spiBuses = b.spiBuses;
    this.i2cBuses = b.i2cBuses;
    int tableSize = 0;
    for (PinClass c : PinClass.values()) {
      tableSize = Math.max(tableSize, (c.code() + 1) << 8);
    }
    padByPin = new int[tableSize];
    nameByPin = new String[tableSize];
    Arrays.fill(padByPin, NO_PAD);
    LinkedHashMap<String, Integer> names = new LinkedHashMap<>();
    List<Pad> padList = new ArrayList<>();
    for (Builder.PadSpec s : b.pads) {
      padList.add(new Pad(padList.size(), s.name, s.pin, s.adcChannel, s.pwmPin));
    }
    for (Pad p : padList) {
      define(names, p.name(), p.pin(), p.index());
    }
    for (Pad p : padList) {
      if (p.hasPwm()) {
        define(names, p.name() + "." + PinClass.PWM.prefix(), p.pwmPin(), p.index());
      }
    }
    this.pads = List.copyOf(padList);
    this.pins = Collections.unmodifiableMap(names);
    LinkedHashMap<String, Integer> prph = new LinkedHashMap<>();
    for (int i = 0; i < serialPorts; i++) {
      prph.put(PeripheralClass.SERIAL.prefix() + i, PeripheralClass.SERIAL.id(i));
    }
    for (int i = 0; i < spiBuses; i++) {
      prph.put(PeripheralClass.SPI.prefix() + i, PeripheralClass.SPI.id(i));
    }
    for (int i = 0; i < i2cBuses; i++) {
      prph.put(PeripheralClass.I2C.prefix() + i, PeripheralClass.I2C.id(i));
    }
    if (padList.stream().anyMatch(Pad::hasAdc)) {
      prph.put(PeripheralClass.ADC.prefix() + 0, PeripheralClass.ADC.id(0));
    }
    if (padList.stream().anyMatch(Pad::hasPwm)) {
      prph.put(PeripheralClass.PWM.prefix() + 0, PeripheralClass.PWM.id(0));
    }
    this.peripherals = Collections.unmodifiableMap(prph);
  }

  private void define(Map<String, Integer> names, String pinName, int pin, int pad) {
    names.put(pinName, pin);
    padByPin[pin] = pad;
    nameByPin[pin] = pinName;
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public String name() {
    return name;
  }

  /** Every pin name (pads first, then functions such as {@code D3.PWM}) to its virtual pin number, in definition order. */
  public Map<String, Integer> pins() {
    return pins;
  }

  /** Every peripheral name ({@code SERIAL0}, {@code SPI0}, ...) to its id (see {@link PeripheralClass}). */
  public Map<String, Integer> peripherals() {
    return peripherals;
  }

  /**
   * Every name the compiler makes a constant, to its value: {@link #pins()} then
   * {@link #peripherals()}, in that order. A front end hands this map to the compiler (which knows
   * nothing of boards) so that {@code digitalWrite(LED0, HIGH)} and {@code D3.PWM} compile.
   */
  public Map<String, Long> constants() {
    LinkedHashMap<String, Long> all = new LinkedHashMap<>();
    pins.forEach((k, v) -> all.put(k, (long) v));
    peripherals.forEach((k, v) -> all.put(k, (long) v));
    return Collections.unmodifiableMap(all);
  }

  /** The pads, indexed by {@link Pad#index()}. */
  public List<Pad> pads() {
    return pads;
  }

  public int padCount() {
    return pads.size();
  }

  /** True when {@code pin} is a virtual pin of this board. */
  public boolean isPin(int pin) {
    return pin >= 0 && pin < padByPin.length && padByPin[pin] != NO_PAD;
  }

  /** The pad a virtual pin reaches; an {@link VhalError#INVALID_PIN} error when it is not a pin of this board. */
  public int padOf(int pin) {
    if (!isPin(pin)) {
      throw new VhalException(VhalError.INVALID_PIN, describe(pin) + " is not a pin of board " + name);
    }
    return padByPin[pin];
  }

  /** The name of a virtual pin ({@code D3}, {@code D3.PWM}); an {@link VhalError#INVALID_PIN} error when there is none. */
  public String pinName(int pin) {
    padOf(pin);
    return nameByPin[pin];
  }

  /** {@code pin=D3} for a pin of this board, {@code pin=99 (0x0063)} for any other number: for error messages. */
  public String describe(int pin) {
    if (isPin(pin)) {
      return "pin=" + nameByPin[pin];
    }
    return "pin=" + pin + " (0x" + String.format("%04x", pin & 0xFFFF) + ")";
  }

  /** The pin number of a name ({@code "BTN0"}, {@code "D3.PWM"}), or -1 when the board has no such pin. */
  public int pinNumber(String pinName) {
    Integer p = pins.get(pinName);
    return p == null ? -1 : p;
  }

  /** The resolution of the ADC in bits: readings are in {@code 0 .. (1 << adcBits()) - 1}. */
  public int adcBits() {
    return adcBits;
  }

  /** The largest ADC reading. */
  public int adcMax() {
    return (1 << adcBits) - 1;
  }

  public int serialPorts() {
    return serialPorts;
  }

  public int spiBuses() {
    return spiBuses;
  }

  public int i2cBuses() {
    return i2cBuses;
  }

  /** The console's serial port id: {@code SERIAL0}. */
  public int console() {
    return PeripheralClass.SERIAL.id(0);
  }

  /** The name of a peripheral id ({@code SERIAL0}), or its number in hex when the board has no such peripheral. */
  public String peripheralName(int id) {
    for (Map.Entry<String, Integer> e : peripherals.entrySet()) {
      if (e.getValue() == id) {
        return e.getKey();
      }
    }
    return "0x" + String.format("%04x", id & 0xFFFF);
  }

  @Override
  public String toString() {
    return "BoardDefinition[" + name + ", " + pads.size() + " pads]";
  }

  private static BoardDefinition defaultBoard() {
    Builder b =
        builder("virtual")
            .pins(PinClass.DIGITAL, 16)
            .pins(PinClass.ANALOG, 6)
            .pins(PinClass.LED, 4)
            .pins(PinClass.BUTTON, 2)
            .serialPorts(3)
            .spiBuses(1)
            .i2cBuses(1)
            .adcBits(12);
    for (int i = 0; i < 16; i++) {
      b.pwm("D" + i);
    }
    for (int i = 0; i < 4; i++) {
      b.pwm("LED" + i);
    }
    return b.build();
  }

  /** Builds a definition: pads class by class, then PWM functions on named pads, then peripherals. */
  public static final class Builder {
    private static final class PadSpec {
      final String name;
      final int pin;
      final int adcChannel;
      int pwmPin = -1;

      PadSpec(String name, int pin, int adcChannel) {
        this.name = name;
        this.pin = pin;
        this.adcChannel = adcChannel;
      }
    }

    private final String name;
    private final List<PadSpec> pads = new ArrayList<>();
    private final int[] nextIndex = new int[PinClass.values().length];
    private int pwmCount;
    private int adcCount;
    private int adcBits = 12;
    private int serialPorts = 1;
    private int spiBuses;
    private int i2cBuses;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
      if (name.isEmpty() || !name.chars().allMatch(c -> c > ' ' && c < 127)) {
        throw new IllegalArgumentException("name=\"" + name + "\" must be printable ASCII without spaces");
      }
    }

    /**
     * Adds {@code count} pads of a class, named by its prefix and numbered on from the last pad of
     * that class: {@code pins(DIGITAL, 16)} adds {@code D0..D15}. Analog pads get ADC channels in
     * order. {@link PinClass#PWM} is a function, added with {@link #pwm(String)}.
     */
    public Builder pins(PinClass cls, int count) {
      Objects.requireNonNull(cls, "cls");
      if (cls == PinClass.PWM) {
        throw new IllegalArgumentException("cls=PWM is a function of a pad: use pwm(pinName)");
      }
      int first = nextIndex[cls.ordinal()];
      if (count < 0 || first + count > PinClass.MAX_PER_CLASS) {
        throw new IllegalArgumentException(
            "count=" + count + " gives more than " + PinClass.MAX_PER_CLASS + " pins of class " + cls);
      }
      for (int i = first; i < first + count; i++) {
        int adc = cls == PinClass.ANALOG ? adcCount++ : -1;
        pads.add(new PadSpec(cls.prefix() + i, cls.pin(i), adc));
      }
      nextIndex[cls.ordinal()] = first + count;
      return this;
    }

    /** Gives the pad {@code padName} a PWM function, reachable as {@code padName.PWM}. */
    public Builder pwm(String padName) {
      for (PadSpec p : pads) {
        if (p.name.equals(padName)) {
          if (p.pwmPin >= 0) {
            throw new IllegalArgumentException("pad=" + padName + " already has a PWM function");
          }
          p.pwmPin = PinClass.PWM.pin(pwmCount++);
          return this;
        }
      }
      throw new IllegalArgumentException("pad=" + padName + " is not defined (add its class with pins() first)");
    }

    public Builder adcBits(int bits) {
      if (bits < 1 || bits > 16) {
        throw new IllegalArgumentException("adcBits=" + bits + " must be in 1..16");
      }
      this.adcBits = bits;
      return this;
    }

    /** The number of serial ports, at least 1: {@code SERIAL0} is the console. */
    public Builder serialPorts(int n) {
      if (n < 1 || n > 256) {
        throw new IllegalArgumentException("serialPorts=" + n + " must be in 1..256 (SERIAL0 is the console)");
      }
      this.serialPorts = n;
      return this;
    }

    public Builder spiBuses(int n) {
      if (n < 0 || n > 256) {
        throw new IllegalArgumentException("spiBuses=" + n + " must be in 0..256");
      }
      this.spiBuses = n;
      return this;
    }

    public Builder i2cBuses(int n) {
      if (n < 0 || n > 256) {
        throw new IllegalArgumentException("i2cBuses=" + n + " must be in 0..256");
      }
      this.i2cBuses = n;
      return this;
    }

    public BoardDefinition build() {
      return new BoardDefinition(this);
    }
  }
}
