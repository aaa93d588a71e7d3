package dev.zvm.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the corpus on every implementation, interleaved: for each program, round after round,
 * zvm then each peer (A B C A B C ...), so that whatever the machine does meanwhile falls on
 * all of them alike. Each run is a fresh process started in a work folder that holds a copy of
 * the corpus and the generated wrappers; its stdout and stderr are kept under {@code logs/}.
 *
 * <p>Within a process the harness runs {@code repetitions} repetitions; the first {@code warmup}
 * are dropped from the warm figures (they include the JIT's warm-up on zvm and on PyPy), and
 * the first one is also reported on its own, as is the wall time of the whole process.
 */
public final class SideBySide {

  /** Main files in the corpus folder that are not programs: the harness, and wrappers. */
  static boolean isProgramFile(String fileName) {
    return fileName.endsWith(".py") && !fileName.equals("harness.py") && !fileName.startsWith("_");
  }

  /**
   * @param filter a substring a program's name must contain, or null for all
   * @param timeoutSeconds the longest one process may run
   */
  public record Settings(
      Path programs, Path out, String workload, int rounds, int repetitions, int warmup,
      String filter, long timeoutSeconds) {

    public Settings {
      if (rounds < 1 || repetitions < 1 || warmup < 0 || warmup >= repetitions
          || timeoutSeconds < 1) {
        throw new IllegalArgumentException("rounds=" + rounds + " repetitions=" + repetitions
            + " warmup=" + warmup + " timeoutSeconds=" + timeoutSeconds);
      }
    }
  }

  private final Settings settings;
  private final List<Implementation> implementations;
  private final PrintWriter progress;

  /** {@code implementations} starts with zvm; {@code progress} gets one line per process. */
  public SideBySide(Settings settings, List<Implementation> implementations, PrintWriter progress) {
    if (implementations.isEmpty() || !implementations.get(0).isZvm()) {
      throw new IllegalArgumentException("implementations must start with zvm");
    }
    this.settings = settings;
    this.implementations = List.copyOf(implementations);
    this.progress = progress;
  }

  /** The corpus programs (module names) in the folder that pass the filter, sorted. */
  public static List<String> programs(Path folder, String filter) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.py")) {
      for (Path file : files) {
        String fileName = file.getFileName().toString();
        if (isProgramFile(fileName)) {
          String name = fileName.substring(0, fileName.length() - 3);
          if (filter == null || name.contains(filter)) {
            names.add(name);
          }
        }
      }
    }
    names.sort(null);
    return names;
  }

  public Report run() throws IOException, InterruptedException {
    List<String> programs = programs(settings.programs(), settings.filter());
    Path work = settings.out().resolve("work");
    Path logs = settings.out().resolve("logs");
    Files.createDirectories(work);
    Files.createDirectories(logs);
    copyCorpus(work);

    List<Result> results = new ArrayList<>();
    for (String program : programs) {
      Path zvmMain = write(work.resolve("_zvm_" + program + ".py"),
          Wrappers.zvmWrapper(program, settings.workload(), settings.repetitions()));
      Path peerMain = write(work.resolve("_peer_" + program + ".py"),
          Wrappers.peerWrapper(program, settings.workload(), settings.repetitions()));
      Map<String, Accumulator> acc = new LinkedHashMap<>();
      for (Implementation impl : implementations) {
        acc.put(impl.name(), new Accumulator());
      }
      for (int round = 0; round < settings.rounds(); round++) {
        for (Implementation impl : implementations) {
          if (!impl.available()) {
            continue;
          }
          Path main = impl.isZvm() ? zvmMain : peerMain;
          String logName = program + "." + fileSafe(impl.name()) + "." + round;
          acc.get(impl.name()).add(runOnce(program, impl, main, work, logs, logName));
        }
      }
      for (Implementation impl : implementations) {
        results.add(impl.available()
            ? acc.get(impl.name()).result(program, impl.name())
            : Result.missing(program, impl));
      }
    }
    return new Report(settings.workload(), settings.rounds(), settings.repetitions(),
        settings.warmup(), implementations, programs, results);
  }

  private Timed runOnce(String program, Implementation impl, Path main, Path work, Path logs,
      String logName) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(impl.command());
    command.add(main.toAbsolutePath().toString());
    Path outFile = logs.resolve(logName + ".out");
    Path errFile = logs.resolve(logName + ".err");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(work.toFile())
        .redirectOutput(outFile.toFile())
        .redirectError(errFile.toFile());
    long start = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      ProcessOutcome failed = ProcessOutcome.failed("cannot start " + command.get(0) + ": "
          + e.getMessage());
      report(program, impl, failed, 0);
      return new Timed(failed, 0);
    }
    boolean finished = process.waitFor(settings.timeoutSeconds(), TimeUnit.SECONDS);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    ProcessOutcome outcome = ProcessOutcome.evaluate(program, settings.repetitions(),
        settings.warmup(), !finished, finished ? process.exitValue() : -1,
        Files.readAllLines(outFile, StandardCharsets.UTF_8),
        Files.readAllLines(errFile, StandardCharsets.UTF_8));
    report(program, impl, outcome, seconds);
    return new Timed(outcome, seconds);
  }

  private void report(String program, Implementation impl, ProcessOutcome outcome, double wall) {
    if (outcome.ok()) {
      progress.printf("  %-16s %-10s warm %s  process %s%n", program, impl.name(),
          TextReport.millis(Statistics.median(outcome.warm())), TextReport.millis(wall));
    } else {
      progress.printf("  %-16s %-10s FAILED: %s%n", program, impl.name(), outcome.failure());
    }
    progress.flush();
  }

  private void copyCorpus(Path work) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(settings.programs(), "*.py")) {
      for (Path file : files) {
        Files.copy(file, work.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static Path write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  static String fileSafe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private record Timed(ProcessOutcome outcome, double wallSeconds) {}

  /** One implementation's runs of one program; the first failure decides the result. */
  private static final class Accumulator {
    private final List<Double> warm = new ArrayList<>();
    private final List<Double> first = new ArrayList<>();
    private final List<Double> process = new ArrayList<>();
    private String failure;

    void add(Timed run) {
      if (!run.outcome().ok()) {
        if (failure == null) {
          failure = run.outcome().failure();
        }
        return;
      }
      for (double w : run.outcome().warm()) {
        warm.add(w);
      }
      first.add(run.outcome().first());
      process.add(run.wallSeconds());
    }

    Result result(String program, String implementation) {
      return new Result(program, implementation,
          failure == null ? Result.Status.OK : Result.Status.FAILED, failure,
          toArray(warm), toArray(first), toArray(process));
    }

    private static double[] toArray(List<Double> values) {
      return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
  }
}
