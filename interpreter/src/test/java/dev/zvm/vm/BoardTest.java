package dev.zvm.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zvm.compiler.Compilation;
import dev.zvm.compiler.Compiler;
import dev.zvm.gc.HeapVerifier;
import dev.zvm.vhal.BoardDefinition;
import dev.zvm.vhal.PinMode;
import dev.zvm.vhal.virtual.PinListener;
import dev.zvm.vhal.virtual.RegisterMapDevice;
import dev.zvm.vhal.virtual.VirtualBoard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The hardware modules against a {@link VirtualBoard}: each program under {@code board/} runs on a
 * board the test prepares, its {@code # expect:} lines are its exact stdout, and the test then
 * checks the board from Java. Every program also runs with a collection at every allocation and
 * must print the same, with a sound heap after (the natives' GC discipline).
 */
class BoardTest {
  private static final BoardDefinition DEF = BoardDefinition.VIRTUAL;

  private static int pin(String name) {
    return DEF.pinNumber(name);
  }

  private static int port(String name) {
    return DEF.peripherals().get(name);
  }

  /** One run: the board it ran on and what it printed. */
  record Ran(VirtualBoard board, Vm vm, String out) {}

  /** Runs board/{@code name}.py on a fresh board built by {@code make} and set up by {@code setup}, twice (normal, GC stress). */
  private static Ran check(String name, java.util.function.Supplier<VirtualBoard> make, Consumer<VirtualBoard> setup) {
    String source = resource(name);
    StringBuilder expected = new StringBuilder();
    for (String line : source.split("\n")) {
      String l = line.strip();
      if (l.startsWith("# expect:")) {
        String text = l.substring("# expect:".length());
        expected.append(text.startsWith(" ") ? text.substring(1) : text).append('\n');
      }
    }
    Compilation c = Compiler.builder().constants(DEF.constants()).build().compileSource(name + ".py", source);
    assertTrue(c.ok(), c::formatDiagnostics);
    Ran normal = run(c, make, setup, false);
    assertEquals(expected.toString(), normal.out(), name);
    Ran stressed = run(c, make, setup, true);
    assertEquals(expected.toString(), stressed.out(), name + " under GC stress");
    HeapVerifier.verify(stressed.vm().runtime().heap);
    return normal;
  }

  private static Ran check(String name, Consumer<VirtualBoard> setup) {
    return check(name, VirtualBoard::new, setup);
  }

  private static Ran run(Compilation c, java.util.function.Supplier<VirtualBoard> make, Consumer<VirtualBoard> setup,
      boolean stress) {
    VirtualBoard board = make.get();
    setup.accept(board);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Vm vm = Vm.builder().board(board).heapBytes(256 * 1024).stressGc(stress)
        .stdout(new PrintStream(out, true, StandardCharsets.UTF_8)).build();
    vm.load(c.image());
    RunResult r = vm.run();
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(r.ok(), () -> "uncaught exception after output:\n" + text + "\n" + r.exception().traceback());
    return new Ran(board, vm, text);
  }

  private static String resource(String name) {
    try (InputStream in = BoardTest.class.getResourceAsStream("board/" + name + ".py")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theDefaultBoardIsAFreshVirtualBoardPerVm() {
    Vm vm = Vm.builder().build();
    assertTrue(vm.board() instanceof VirtualBoard);
    assertEquals(DEF, vm.board().definition());
    assertTrue(vm.board() != Vm.builder().build().board(), "a board per VM");
    VirtualBoard mine = new VirtualBoard();
    assertTrue(Vm.builder().board(mine).build().board() == mine);
  }

  @Test
  void pinModesAndWritesAreOnTheBoard() {
    List<Integer> led2 = new ArrayList<>();
    Ran r = check("pins", b -> {
      b.drive(pin("BTN0"), 0);
      b.addPinListener((p, level, nanos) -> {
        if (p == pin("LED2")) {
          led2.add(level);
        }
      });
    });
    VirtualBoard b = r.board();
    assertEquals(PinMode.OUTPUT, b.mode(pin("LED0")));
    assertEquals(1, b.level(pin("LED0")));
    assertEquals(0, b.level(pin("LED1")));
    assertEquals(PinMode.INPUT_PULLUP, b.mode(pin("D5")));
    assertEquals(PinMode.INPUT_PULLDOWN, b.mode(pin("D6")));
    assertEquals(PinMode.OUTPUT_OPENDRAIN, b.mode(pin("D7")));
    assertEquals(0, b.level(pin("BTN0")));
    assertEquals(1, b.level(pin("BTN1")));
    assertEquals(List.of(1, 0, 1, 0, 1, 0, 1, 0), led2, "four toggles, in each of the two runs");
    assertEquals(0, b.level(pin("D8")));
  }

  @Test
  void pinAdcAndPwmCallsAllocateNothing() {
    Ran r = check("steady", b -> b.setAnalog(pin("A0"), 100));
    assertEquals(0, r.board().level(pin("LED0")), "the last write was 1, then a toggle");
    assertEquals(999_000L, r.board().pwmPulseNanos(pin("D3")));
  }

  @Test
  void boardErrorsAreExceptionsOfTheirKind() {
    check("errors", b -> { });
  }

  @Test
  void theAdcReadsValuesAndSources() {
    AtomicInteger calls = new AtomicInteger();
    check("adc", b -> {
      calls.set(0);
      b.setAnalog(pin("A0"), 512);
      b.setAnalog(pin("A2"), 4095);
      b.setAnalogSource(pin("A1"), t -> calls.incrementAndGet());
    });
  }

  @Test
  void pwmSettingsAndACountedTrain() {
    List<long[]> d4 = new ArrayList<>();
    Ran r = check("pwm", b -> {
      d4.clear();
      b.addPinListener(new PinListener() {
        @Override
        public void levelChanged(int p, int level, long nanos) {}

        @Override
        public void pwmChanged(int p, long period, long pulse, long nanos) {
          if (p == pin("D4")) {
            d4.add(new long[] {period, pulse, nanos});
          }
        }
      });
    });
    VirtualBoard b = r.board();
    assertEquals(20_000_000L, b.pwmPeriodNanos(pin("D3")));
    assertEquals(5_000_000L, b.pwmPulseNanos(pin("D3")));
    assertEquals(1_000_000L, b.pwmPeriodNanos(pin("LED0")));
    assertEquals(250_000L, b.pwmPulseNanos(pin("LED0")));
    assertEquals(0L, b.pwmPeriodNanos(pin("D5")));
    assertEquals(1_500_000L, b.pwmPeriodNanos(pin("D6")));
    assertEquals(500_000L, b.pwmPulseNanos(pin("D6")));
    // the train started, and had ended (at its exact end) when write returned
    assertEquals(2, d4.size());
    assertEquals(100_000L, d4.get(0)[0]);
    assertEquals(50_000L, d4.get(0)[1]);
    assertEquals(0L, d4.get(1)[0]);
    assertEquals(300_000L, d4.get(1)[2] - d4.get(0)[2]);
    assertEquals(0L, b.pwmPeriodNanos(pin("D4")));
  }

  @Test
  void theConsoleEchoesWhatTheHostFeeds() {
    check("serial_echo", b -> {
      b.console().feed("hello\nworld\n");
      Thread host = new Thread(() -> {
        while (b.console().available() > 0) {
          Thread.onSpinWait();
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        b.console().feed("late!");
      });
      host.setDaemon(true);
      host.start();
    });
  }

  @Test
  void printFollowsTheDefaultStreamAndWritesWaitForRoom() throws InterruptedException {
    List<ByteArrayOutputStream> serial1 = new ArrayList<>();
    List<StringBuffer> serial2 = new ArrayList<>();
    List<Thread> drains = new ArrayList<>();
    Ran r = check("serial_ports", () -> VirtualBoard.builder().serialBuffers(16, 16).build(), b -> {
      ByteArrayOutputStream sink = new ByteArrayOutputStream();
      StringBuffer drained = new StringBuffer();
      serial1.add(sink);
      serial2.add(drained);
      b.serial(port("SERIAL1")).setOutputSink(sink);
      b.serial(port("SERIAL1")).feed("abc");
      b.serial(port("SERIAL2")).feed("a;bc");
      Thread drain = new Thread(() -> { // the host takes SERIAL2's output while the program writes 100 bytes
        while (drained.length() < 100) {
          drained.append(b.serial(port("SERIAL2")).takeOutputString());
          Thread.onSpinWait();
        }
      });
      drain.setDaemon(true);
      drain.start();
      drains.add(drain);
    });
    for (Thread t : drains) {
      t.join(10_000);
    }
    for (int run = 0; run < 2; run++) {
      assertEquals("to serial1 42\nraw bytes\nalso!\n", serial1.get(run).toString(StandardCharsets.UTF_8));
      assertEquals("0123456789".repeat(10), serial2.get(run).toString());
    }
    assertEquals("", r.board().console().takeOutputString(), "the console's transmit side is stdout");
  }

  @Test
  void anI2cRegisterDevice() {
    RegisterMapDevice[] dev = new RegisterMapDevice[1];
    check("i2c_device", b -> {
      dev[0] = new RegisterMapDevice();
      dev[0].setRegister(0x40, 0x33);
      b.i2c(port("I2C0")).attach(0x48, dev[0]);
    });
    assertEquals(2, dev[0].register(0x21));
    assertEquals(0x7F, dev[0].register(0x30));
    assertEquals(3, dev[0].register(RegisterMapDevice.COUNTER));
  }

  @Test
  void anSpiRegisterDevice() {
    RegisterMapDevice[] dev = new RegisterMapDevice[1];
    Ran r = check("spi_device", b -> {
      dev[0] = new RegisterMapDevice();
      b.spi(port("SPI0")).attach(pin("D10"), dev[0]);
    });
    assertEquals(0xAB, dev[0].register(0x21));
    assertEquals(0xCD, dev[0].register(0x22));
    assertEquals(PinMode.OUTPUT, r.board().mode(pin("D10")));
  }
}
