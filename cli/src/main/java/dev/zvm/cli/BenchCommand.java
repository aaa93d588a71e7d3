package dev.zvm.cli;

import dev.zvm.cli.bench.CsvReport;
import dev.zvm.cli.bench.Implementation;
import dev.zvm.cli.bench.JsonReport;
import dev.zvm.cli.bench.Report;
import dev.zvm.cli.bench.SideBySide;
import dev.zvm.cli.bench.SvgChart;
import dev.zvm.cli.bench.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code zvm bench}: runs the corpus in {@code benchmarks/programs/} on zvm and on the peers
 * found on this machine, interleaved, and reports per program the median warm in-process time,
 * its spread and the ratio peer/zvm, then the geometric mean of the ratios; it writes {@code
 * bench.csv}, {@code bench.json} and {@code bench.svg} into the output folder. zvm runs as a
 * fresh JVM per process ({@code java [this JVM's flags] -cp [this classpath] dev.zvm.cli.Main
 * run}), the same thing the {@code zvm} launcher runs, so its whole-process time includes the
 * JVM's start-up. Exit code 1 when zvm failed a program, 2 on a usage error.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Run the benchmark corpus on zvm and on other Python implementations, side by"
        + " side, and report medians and ratios (text, CSV, JSON, SVG).")
public final class BenchCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--peers", split = ",", paramLabel = "LIST",
      description = "the other implementations, by name on PATH or by path (default: ${DEFAULT-VALUE})")
  List<String> peers = new ArrayList<>(List.of("python3", "pypy3", "jython"));

  @Option(names = "--repeat", paramLabel = "N", defaultValue = "3",
      description = "rounds: processes per program and implementation (default: ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--inner", paramLabel = "N", defaultValue = "5",
      description = "repetitions inside one process; the first half are warm-up and dropped"
          + " (default: ${DEFAULT-VALUE})")
  int repetitions;

  @Option(names = "--filter", paramLabel = "NAME",
      description = "only the programs whose name contains NAME")
  String filter;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-out",
      description = "where bench.csv, bench.json, bench.svg, logs/ and work/ go"
          + " (default: ${DEFAULT-VALUE})")
  Path outDir;

  @Option(names = "--workload", paramLabel = "SIZE", defaultValue = "default",
      description = "tiny, small or default (default: ${DEFAULT-VALUE})")
  String workload;

  @Option(names = "--programs", paramLabel = "DIR",
      description = "the corpus folder (default: benchmarks/programs of this checkout)")
  Path programs;

  @Option(names = "--heap", paramLabel = "SIZE",
      description = "passed to zvm run as --heap SIZE (default 4M: zvm run's own 1M is too small for"
          + " binary_trees and wordcount at the default workload, and 4M is the heap of the"
          + " binary-trees goal)")
  String heap = "4M";

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
      description = "the longest one process may run (default: ${DEFAULT-VALUE})")
  long timeoutSeconds;

  /** Replaces zvm's command line (whitespace-separated); lets the runner be proven with any Python. */
  @Option(names = "--zvm-command", hidden = true)
  String zvmCommand;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!List.of("tiny", "small", "default").contains(workload)) {
      err.println("zvm bench: --workload must be tiny, small or default, not " + workload);
      err.flush();
      return 2;
    }
    if (rounds < 1 || repetitions < 1 || timeoutSeconds < 1) {
      err.println("zvm bench: --repeat, --inner and --timeout must be at least 1");
      err.flush();
      return 2;
    }
    Path corpus = programs != null ? programs : findCorpus();
    if (corpus == null || !Files.isRegularFile(corpus.resolve("harness.py"))) {
      err.println("zvm bench: no corpus (harness.py) in "
          + (corpus == null ? "benchmarks/programs here or beside the zvm jar" : corpus)
          + "; use --programs DIR");
      err.flush();
      return 2;
    }
    try {
      if (SideBySide.programs(corpus, filter).isEmpty()) {
        err.println("zvm bench: no program in " + corpus
            + (filter == null ? "" : " matches --filter " + filter));
        err.flush();
        return 2;
      }
      List<Implementation> impls = new ArrayList<>();
      impls.add(Implementation.zvm(zvmCommandLine()));
      String path = System.getenv("PATH");
      for (String peer : peers) {
        if (!peer.isBlank()) {
          impls.add(Implementation.peer(peer.strip(), path));
        }
      }
      out.println("zvm bench: " + corpus + ", workload " + workload + ", " + rounds + " rounds of "
          + repetitions + " repetitions per process");
      for (Implementation impl : impls) {
        out.println("  " + impl.name() + ": "
            + (impl.available() ? String.join(" ", impl.command()) : "MISSING, " + impl.missing()));
      }
      out.flush();
      SideBySide.Settings settings = new SideBySide.Settings(corpus, outDir, workload, rounds,
          repetitions, repetitions / 2, filter, timeoutSeconds);
      Report report = new SideBySide(settings, impls, out).run();
      out.println();
      TextReport.write(report, out);
      Files.createDirectories(outDir);
      Files.writeString(outDir.resolve("bench.csv"), CsvReport.write(report), StandardCharsets.UTF_8);
      Files.writeString(outDir.resolve("bench.json"), JsonReport.write(report),
          StandardCharsets.UTF_8);
      Files.writeString(outDir.resolve("bench.svg"), SvgChart.write(report), StandardCharsets.UTF_8);
      out.println("wrote " + outDir.resolve("bench.csv") + ", bench.json, bench.svg; process logs in "
          + outDir.resolve("logs"));
      out.flush();
      return report.zvmAllOk() ? 0 : 1;
    } catch (IOException e) {
      err.println("zvm bench: " + e.getMessage());
      err.flush();
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("zvm bench: interrupted");
      err.flush();
      return 1;
    }
  }

  /**
   * The classpath with every entry made absolute: the zvm processes run in the work folder, where
   * a relative entry ({@code java -jar cli/target/zvm.jar bench}) would find nothing.
   */
  static String absoluteClassPath(String classPath) {
    List<String> entries = new ArrayList<>();
    for (String entry : classPath.split(java.io.File.pathSeparator)) {
      entries.add(entry.isEmpty() ? entry : Path.of(entry).toAbsolutePath().toString());
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  /** zvm as this JVM runs it: the same java, flags and classpath, with {@code run}. */
  private List<String> zvmCommandLine() {
    if (zvmCommand != null) {
      return Arrays.asList(zvmCommand.strip().split("\\s+"));
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-cp");
    command.add(absoluteClassPath(System.getProperty("java.class.path")));
    command.add(Main.class.getName());
    command.add("run");
    if (heap != null) {
      command.add("--heap");
      command.add(heap);
    }
    return command;
  }

  /** benchmarks/programs under the working directory, or in the checkout the zvm jar is built in. */
  private static Path findCorpus() {
    Path here = Path.of("benchmarks", "programs");
    if (Files.isDirectory(here)) {
      return here.toAbsolutePath();
    }
    CodeSource source = BenchCommand.class.getProtectionDomain().getCodeSource();
    if (source == null) {
      return null;
    }
    Path jar;
    try {
      jar = Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
    // <checkout>/cli/target/zvm.jar, or <checkout>/cli/target/classes when run from the build.
    Path target = jar.getParent();
    Path module = target == null ? null : target.getParent();
    Path checkout = module == null ? null : module.getParent();
    if (checkout != null && Files.isDirectory(checkout.resolve("benchmarks/programs"))) {
      return checkout.resolve("benchmarks/programs");
    }
    return null;
  }
}
