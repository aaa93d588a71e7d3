package dev.zvm.bench.threads;

import dev.zvm.compiler.Compilation;
import dev.zvm.compiler.Compiler;
import dev.zvm.vhal.BoardDefinition;
import dev.zvm.vhal.Edge;
import dev.zvm.vhal.virtual.VirtualBoard;
import dev.zvm.vm.Vm;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * A VM running a Python program on its own carrier, driven in batches through the virtual board: the
 * program starts a batch on each falling edge of BTN0 (its interrupt callback releases a semaphore)
 * and toggles D2 when the batch is done; it raises D3 once it is ready.
 */
final class BoardDriven {
  private static final BoardDefinition DEF = BoardDefinition.VIRTUAL;
  private static final int BTN0 = DEF.pinNumber("BTN0");
  private static final int DONE = DEF.pinNumber("D2");
  private static final int READY = DEF.pinNumber("D3");

  private final VirtualBoard board = new VirtualBoard();
  private final Vm vm;

  BoardDriven(String program, Vm.Builder builder) {
    Compilation c = Compiler.builder().constants(DEF.constants()).build().compileSource("bench.py", program);
    if (!c.ok()) {
      throw new IllegalStateException(c.formatDiagnostics());
    }
    PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
    vm = builder.board(board).stdout(discard).build();
    vm.load(c.image());
    vm.start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (board.level(READY) == 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the benchmark program did not start");
      }
      Thread.onSpinWait();
    }
  }

  /** Runs one batch: raises the start edge and waits until the program toggles D2. */
  void batch() {
    int before = board.level(DONE);
    board.drive(BTN0, 1);
    board.raiseEdge(BTN0, Edge.FALLING);
    while (board.level(DONE) == before) {
      Thread.onSpinWait();
    }
  }

  void stop() {
    vm.stop();
  }

  /** The Python around a batch: the start callback, the done toggle and the ready pin. */
  static String program(String setup, String batch) {
    return String.join("\n",
        "import threading",
        "go = threading.Semaphore(0)",
        "def start():",
        "    go.release()",
        "pinMode(D2, OUTPUT)",
        "pinMode(D3, OUTPUT)",
        "pinMode(BTN0, INPUT_PULLUP)",
        "onPinFall(BTN0, start)",
        setup,
        "def driver():",
        "    while True:",
        "        go.acquire()",
        batch,
        "        pinToggle(D2)",
        "thread(driver)",
        "digitalWrite(D3, 1)",
        "while True:",
        "    sleep(1000000)",
        "");
  }
}
