package dev.zvm.vhal.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zvm.vhal.BoardDefinition;
import dev.zvm.vhal.Edge;
import dev.zvm.vhal.EdgeMode;
import dev.zvm.vhal.PinMode;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Host threads drive inputs while a "carrier" thread writes outputs and polls, on the real clock. */
class ConcurrencyTest {
  private static final BoardDefinition DEF = BoardDefinition.VIRTUAL;
  private static final int BTN0 = DEF.pinNumber("BTN0");
  private static final int LED0 = DEF.pinNumber("LED0");

  @Test
  void everyLevelChangeOfAnInterruptPinIsExactlyOneEdge() throws Exception {
    VirtualBoard board = new VirtualBoard();
    AtomicInteger edgeCount = new AtomicInteger();
    AtomicInteger btnChanges = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    board.setEdgeListener((pin, edge, nanos) -> edgeCount.incrementAndGet());
    StringWriter vcd = new StringWriter();
    VcdRecorder recorder = VcdRecorder.start(board, vcd);
    board.gpio().setMode(BTN0, PinMode.INPUT_PULLUP);
    board.gpio().attachInterrupt(BTN0, EdgeMode.BOTH, 0);
    board.gpio().setMode(LED0, PinMode.OUTPUT);
    board.addPinListener((pin, level, nanos) -> {
      if (pin == BTN0) {
        btnChanges.incrementAndGet();
      }
    });
    long seed = System.nanoTime();
    int threads = 3;
    int rounds = 20_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> all = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      SplittableRandom random = new SplittableRandom(seed + t);
      all.add(new Thread(() -> {
        try {
          start.await();
          for (int i = 0; i < rounds; i++) {
            switch (random.nextInt(4)) {
              case 0 -> board.drive(BTN0, random.nextInt(2));
              case 1 -> board.raiseEdge(BTN0, random.nextBoolean() ? Edge.RISING : Edge.FALLING);
              case 2 -> board.release(BTN0);
              default -> board.console().feed("x");
            }
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }));
    }
    all.add(new Thread(() -> {
      try {
        start.await();
        byte[] buf = new byte[64];
        for (int i = 0; i < rounds; i++) {
          board.gpio().toggle(LED0);
          board.gpio().read(BTN0);
          board.console().read(buf, 0, buf.length);
          board.poll();
        }
      } catch (Throwable e) {
        failure.compareAndSet(null, e);
      }
    }));
    all.forEach(Thread::start);
    start.countDown();
    for (Thread t : all) {
      t.join();
    }
    recorder.close();
    if (failure.get() != null) {
      throw new AssertionError("seed=" + seed, failure.get());
    }
    assertEquals(btnChanges.get(), edgeCount.get(), "seed=" + seed);
    assertTrue(btnChanges.get() > 0);
    long last = -1;
    long changes = 0;
    for (String line : vcd.toString().split("\n")) {
      if (line.startsWith("#")) {
        long t = Long.parseLong(line.substring(1));
        assertTrue(t > last || (t == 0 && last == -1), "times increase: " + t + " after " + last);
        last = t;
      } else if (last >= 0 && !line.startsWith("$") && !line.startsWith("b")) {
        changes++;
      }
    }
    int initialDump = DEF.padCount();
    assertEquals(recorder.changes(), changes - initialDump, "seed=" + seed);
  }
}
