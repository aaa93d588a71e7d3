package dev.zvm.vhal.virtual;

import dev.zvm.vhal.Adc;
import dev.zvm.vhal.Board;
import dev.zvm.vhal.BoardDefinition;
import dev.zvm.vhal.DeadlineListener;
import dev.zvm.vhal.Edge;
import dev.zvm.vhal.EdgeListener;
import dev.zvm.vhal.Gpio;
import dev.zvm.vhal.PeripheralClass;
import dev.zvm.vhal.PinMode;
import dev.zvm.vhal.Pwm;
import dev.zvm.vhal.SerialListener;
import dev.zvm.vhal.VhalError;
import dev.zvm.vhal.VhalException;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.LongToIntFunction;

/**
 * A board made of Java objects: the {@link Board} the VM runs against in tests, in the CLI and in
 * embedding services, plus a host-side API to drive its inputs and observe its outputs.
 *
 * <p>The VM's side is the {@link Board} interface ({@link #gpio()}, {@link #pwm()}, {@link #adc()},
 * {@link #serial(int)}, ...). The host's side is everything else: {@link #drive}, {@link #release}
 * and {@link #raiseEdge} for the outside world's hold on a line; {@link #setAnalog} and
 * {@link #setAnalogSource} for ADC inputs; the serial ports' {@code feed} and {@code takeOutput};
 * the buses' {@code attach}; {@link #addPinListener} to watch every change; {@link #schedule} to
 * replay a {@link Stimulus}. Host calls are stamped with the board clock's current time.
 *
 * <p>Threads: any thread may call anything. Each pad has its own lock (see {@link VirtualPad});
 * the listener fields and the listener and scheduler arrays are {@code volatile}, replaced whole
 * (copy on write, under {@code configLock}) and read lock-free, so the carrier's hot calls
 * ({@code read}, {@code write}) take one short pad lock and allocate nothing. {@link #poll} runs
 * one caller at a time.
 */
public final class VirtualBoard implements Board {
  private static final PinListener[] NO_PIN_LISTENERS = new PinListener[0];
  private static final StimulusScheduler[] NO_SCHEDULERS = new StimulusScheduler[0];

  private final BoardDefinition definition;
  private final VirtualPad[] pads;
  private final VirtualGpio gpio;
  private final VirtualPwm pwm;
  private final VirtualAdc adc;
  private final VirtualSerialPort[] serialPorts;
  private final VirtualSpiBus[] spiBuses;
  private final VirtualI2cBus[] i2cBuses;
  private final Object configLock = new Object();
  private final Object pollLock = new Object();

  // Written by any thread (setters), read by any thread: volatile.
  private volatile LongSupplier clock;
  private volatile EdgeListener edgeListener;
  private volatile DeadlineListener deadlineListener;
  private volatile SerialListener serialListener;
  // Replaced whole under configLock, read lock-free.
  private volatile PinListener[] pinListeners = NO_PIN_LISTENERS;
  private volatile StimulusScheduler[] schedulers = NO_SCHEDULERS;

  /** The {@link BoardDefinition#VIRTUAL} board on {@link System#nanoTime()}. */
  public VirtualBoard() {
    this(builder());
  }

  public VirtualBoard(BoardDefinition definition, LongSupplier nanoClock) {
    this(builder().definition(definition).clock(nanoClock));
  }

  private VirtualBoard(Builder b) {
    this.definition = b.definition;
    this.clock = b.clock;
    this.pads = new VirtualPad[definition.padCount()];
    for (BoardDefinition.Pad p : definition.pads()) {
      pads[p.index()] = new VirtualPad(this, p);
    }
    this.gpio = new VirtualGpio(this);
    this.pwm = new VirtualPwm(this);
    this.adc = new VirtualAdc(this);
    this.serialPorts = new VirtualSerialPort[definition.serialPorts()];
    for (int i = 0; i < serialPorts.length; i++) {
      serialPorts[i] =
          new VirtualSerialPort(this, PeripheralClass.SERIAL.id(i), b.serialRxBytes, b.serialTxBytes);
    }
    this.spiBuses = new VirtualSpiBus[definition.spiBuses()];
    for (int i = 0; i < spiBuses.length; i++) {
      spiBuses[i] = new VirtualSpiBus(this, PeripheralClass.SPI.id(i));
    }
    this.i2cBuses = new VirtualI2cBus[definition.i2cBuses()];
    for (int i = 0; i < i2cBuses.length; i++) {
      i2cBuses[i] = new VirtualI2cBus(this, PeripheralClass.I2C.id(i));
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- the VM's side (Board)

  @Override
  public BoardDefinition definition() {
    return definition;
  }

  @Override
  public void setClock(LongSupplier nanoClock) {
    this.clock = Objects.requireNonNull(nanoClock, "nanoClock");
  }

  @Override
  public long nowNanos() {
    return clock.getAsLong();
  }

  @Override
  public Gpio gpio() {
    return gpio;
  }

  @Override
  public Pwm pwm() {
    return pwm;
  }

  @Override
  public Adc adc() {
    return adc;
  }

  @Override
  public VirtualSerialPort serial(int id) {
    return peripheral(serialPorts, PeripheralClass.SERIAL, id);
  }

  /** The console, {@code SERIAL0}. */
  public VirtualSerialPort console() {
    return serialPorts[0];
  }

  @Override
  public VirtualSpiBus spi(int id) {
    return peripheral(spiBuses, PeripheralClass.SPI, id);
  }

  @Override
  public VirtualI2cBus i2c(int id) {
    return peripheral(i2cBuses, PeripheralClass.I2C, id);
  }

  @Override
  public void setEdgeListener(EdgeListener listener) {
    this.edgeListener = listener;
  }

  @Override
  public void setDeadlineListener(DeadlineListener listener) {
    this.deadlineListener = listener;
  }

  @Override
  public void setSerialListener(SerialListener listener) {
    this.serialListener = listener;
  }

  /**
   * Does every piece of work due at or before {@code nowNanos} in time order, each at its own time:
   * debounce periods and PWM pulse trains that end, and stimulus events. At equal times, pads go
   * before stimuli and lower pads before higher ones, so a replay is always the same.
   */
  @Override
  public int poll(long nowNanos) {
    synchronized (pollLock) {
      int work = 0;
      while (true) {
        long earliest = NO_DEADLINE;
        VirtualPad pad = null;
        StimulusScheduler scheduler = null;
        for (VirtualPad p : pads) {
          long d = p.nextDeadlineNanos();
          if (d < earliest) {
            earliest = d;
            pad = p;
          }
        }
        for (StimulusScheduler s : schedulers) {
          long d = s.nextDeadlineNanos();
          if (d < earliest) {
            earliest = d;
            pad = null;
            scheduler = s;
          }
        }
        if (earliest > nowNanos) {
          return work;
        }
        work += scheduler != null ? scheduler.applyDue(nowNanos) : pad.fireDue(nowNanos);
      }
    }
  }

  /** {@link #poll(long)} at the board clock's current time. */
  public int poll() {
    return poll(nowNanos());
  }

  @Override
  public long nextDeadlineNanos() {
    long earliest = NO_DEADLINE;
    for (VirtualPad p : pads) {
      earliest = Math.min(earliest, p.nextDeadlineNanos());
    }
    for (StimulusScheduler s : schedulers) {
      earliest = Math.min(earliest, s.nextDeadlineNanos());
    }
    return earliest;
  }

  // ---------------------------------------------------------------- the host's side

  /** The outside drives {@code pin}'s line to {@code level} (0 low, anything else high). */
  public void drive(int pin, int level) {
    pad(pin).drive(level != 0 ? 1 : 0, nowNanos());
  }

  /** The outside stops driving {@code pin}'s line: its mode's pull (or nothing) decides its level. */
  public void release(int pin) {
    pad(pin).drive(VirtualPad.UNDRIVEN, nowNanos());
  }

  /**
   * The outside makes {@code pin}'s line go through {@code edge}, ending driven at the edge's level.
   * A line already at that level first goes the other way, at the same instant (a zero-width pulse:
   * an undebounced interrupt sees both edges, a debounced one neither). A push-pull output does not move.
   */
  public void raiseEdge(int pin, Edge edge) {
    pad(pin).raiseEdge(Objects.requireNonNull(edge, "edge"), nowNanos());
  }

  /** The pin's level, 0 or 1. */
  public int level(int pin) {
    return pad(pin).level();
  }

  public PinMode mode(int pin) {
    return pad(pin).mode();
  }

  /** What the outside drives on {@code pin}'s line: 0, 1, or -1 when nothing. */
  public int drivenLevel(int pin) {
    return pad(pin).drive();
  }

  /** Sets the value the ADC reads on {@code pin}, replacing any source; in {@code 0..adcMax}. */
  public void setAnalog(int pin, int value) {
    VirtualPad p = adcPad(pin);
    checkAnalog(value);
    p.setAnalogValue(value, nowNanos());
  }

  /**
   * Makes the ADC read {@code source} applied to the board-clock time of each sample, clamped to
   * {@code 0..adcMax}; called on the reading thread. Null goes back to the last value set.
   */
  public void setAnalogSource(int pin, LongToIntFunction source) {
    adcPad(pin).setAnalogSource(source);
  }

  /** The PWM period on {@code pin}'s pad in ns, 0 when its output is off. */
  public long pwmPeriodNanos(int pin) {
    return pad(pin).pwmPeriodNanos();
  }

  /** The PWM pulse on {@code pin}'s pad in ns, 0 when its output is off. */
  public long pwmPulseNanos(int pin) {
    return pad(pin).pwmPulseNanos();
  }

  /** The value the ADC reads on {@code pin} when it has no source. */
  public int analogValue(int pin) {
    return adcPad(pin).analogValue();
  }

  /** Adds a listener to every change of every pad. */
  public void addPinListener(PinListener listener) {
    Objects.requireNonNull(listener, "listener");
    synchronized (configLock) {
      PinListener[] now = pinListeners;
      PinListener[] next = Arrays.copyOf(now, now.length + 1);
      next[now.length] = listener;
      pinListeners = next;
    }
  }

  public void removePinListener(PinListener listener) {
    synchronized (configLock) {
      PinListener[] now = pinListeners;
      for (int i = 0; i < now.length; i++) {
        if (now[i] == listener) {
          PinListener[] next = new PinListener[now.length - 1];
          System.arraycopy(now, 0, next, 0, i);
          System.arraycopy(now, i + 1, next, i, now.length - i - 1);
          pinListeners = next;
          return;
        }
      }
    }
  }

  /** Replays {@code stimulus} from the board clock's current time on, as {@link #poll} reaches each event. */
  public StimulusScheduler schedule(Stimulus stimulus) {
    return schedule(stimulus, nowNanos());
  }

  /** Replays {@code stimulus} with its time 0 at {@code originNanos} on the board clock. */
  public StimulusScheduler schedule(Stimulus stimulus, long originNanos) {
    StimulusScheduler s = new StimulusScheduler(this, stimulus, originNanos);
    synchronized (configLock) {
      StimulusScheduler[] now = schedulers;
      int live = 0;
      StimulusScheduler[] next = new StimulusScheduler[now.length + 1];
      for (StimulusScheduler old : now) {
        if (!old.done()) {
          next[live++] = old;
        }
      }
      next[live++] = s;
      schedulers = Arrays.copyOf(next, live);
    }
    long first = s.nextDeadlineNanos();
    if (first != NO_DEADLINE) {
      fireDeadline(first);
    }
    return s;
  }

  // ---------------------------------------------------------------- for the package

  VirtualPad pad(int pin) {
    return pads[definition.padOf(pin)];
  }

  VirtualPad pwmPad(int pin) {
    VirtualPad p = pad(pin);
    if (!p.def.hasPwm()) {
      throw new VhalException(
          VhalError.INVALID_PIN, definition.describe(pin) + " has no PWM function on board " + definition.name());
    }
    return p;
  }

  VirtualPad adcPad(int pin) {
    VirtualPad p = pad(pin);
    if (!p.def.hasAdc()) {
      throw new VhalException(
          VhalError.INVALID_PIN, definition.describe(pin) + " has no ADC channel on board " + definition.name());
    }
    return p;
  }

  void checkAnalog(int value) {
    if (value < 0 || value > definition.adcMax()) {
      throw new IllegalArgumentException(
          "value=" + value + " is out of the ADC's range 0.." + definition.adcMax());
    }
  }

  /** Stimulus: drive at an explicit time. */
  void driveAt(int pin, int level, long nanos) {
    pad(pin).drive(level, nanos);
  }

  void raiseEdgeAt(int pin, Edge edge, long nanos) {
    pad(pin).raiseEdge(edge, nanos);
  }

  void setAnalogAt(int pin, int value, long nanos) {
    adcPad(pin).setAnalogValue(value, nanos);
  }

  void firePinChanged(int pin, int level, long nanos) {
    for (PinListener l : pinListeners) {
      l.levelChanged(pin, level, nanos);
    }
  }

  void firePwmChanged(int pin, long period, long pulse, long nanos) {
    for (PinListener l : pinListeners) {
      l.pwmChanged(pin, period, pulse, nanos);
    }
  }

  void fireAnalogChanged(int pin, int value, long nanos) {
    for (PinListener l : pinListeners) {
      l.analogChanged(pin, value, nanos);
    }
  }

  void fireEdge(int pin, Edge edge, long nanos) {
    EdgeListener l = edgeListener;
    if (l != null) {
      l.edgeFromIsr(pin, edge, nanos);
    }
  }

  void fireDeadline(long deadline) {
    DeadlineListener l = deadlineListener;
    if (l != null) {
      l.deadlineFromIsr(deadline);
    }
  }

  void fireSerialEvent(int portId) {
    SerialListener l = serialListener;
    if (l != null) {
      l.serialEventFromIsr(portId);
    }
  }

  static long addSaturated(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }

  private <T> T peripheral(T[] table, PeripheralClass cls, int id) {
    int index = id & 0xFF;
    if (!cls.owns(id) || index >= table.length) {
      throw new VhalException(
          VhalError.INVALID_PIN,
          "peripheral="
              + definition.peripheralName(id)
              + " is not a "
              + cls.prefix()
              + " peripheral of board "
              + definition.name());
    }
    return table[index];
  }

  /** Sets up a virtual board: its definition, its clock, its serial buffers. */
  public static final class Builder {
    private BoardDefinition definition = BoardDefinition.VIRTUAL;
    private LongSupplier clock = System::nanoTime;
    private int serialRxBytes = 4096;
    private int serialTxBytes = 4096;

    private Builder() {}

    public Builder definition(BoardDefinition definition) {
      this.definition = Objects.requireNonNull(definition, "definition");
      return this;
    }

    /** The clock in nanoseconds; {@link System#nanoTime()} unless set (the VM sets its kernel's). */
    public Builder clock(LongSupplier nanoClock) {
      this.clock = Objects.requireNonNull(nanoClock, "nanoClock");
      return this;
    }

    /** The size of every serial port's receive and transmit rings (4096 bytes each by default). */
    public Builder serialBuffers(int rxBytes, int txBytes) {
      if (rxBytes < 1 || txBytes < 1) {
        throw new IllegalArgumentException("rxBytes=" + rxBytes + " txBytes=" + txBytes + " must be >= 1");
      }
      this.serialRxBytes = rxBytes;
      this.serialTxBytes = txBytes;
      return this;
    }

    public VirtualBoard build() {
      return new VirtualBoard(this);
    }
  }
}
