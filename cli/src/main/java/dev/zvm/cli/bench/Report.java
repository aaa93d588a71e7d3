package dev.zvm.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything one {@code zvm bench} run measured, and the ratios drawn from it. A ratio is the
 * peer's median warm in-process time over zvm's, both from this run: above 1, zvm is faster.
 * It exists only where both results are OK; the geometric mean of a peer covers the programs
 * where its ratio exists, and says how many those are.
 *
 * @param warmup repetitions dropped at the start of each process
 * @param implementations zvm first, then the peers in the order asked, missing ones included
 */
public record Report(
    String workload, int rounds, int repetitions, int warmup,
    List<Implementation> implementations, List<String> programs, List<Result> results) {

  public Report {
    implementations = List.copyOf(implementations);
    programs = List.copyOf(programs);
    results = List.copyOf(results);
    if (implementations.isEmpty() || !implementations.get(0).isZvm()) {
      throw new IllegalArgumentException("implementations must start with zvm");
    }
  }

  /** A peer's geometric mean of ratios over {@code count} programs. */
  public record GeoMean(String implementation, double value, int count) {}

  public Implementation zvm() {
    return implementations.get(0);
  }

  public List<Implementation> peers() {
    return implementations.subList(1, implementations.size());
  }

  public Result result(String program, String implementation) {
    for (Result r : results) {
      if (r.program().equals(program) && r.implementation().equals(implementation)) {
        return r;
      }
    }
    throw new IllegalArgumentException("no result for program=" + program
        + " implementation=" + implementation);
  }

  /** Peer time over zvm time for one program, when both ran OK. */
  public OptionalDouble ratio(String program, String peer) {
    Result z = result(program, zvm().name());
    Result p = result(program, peer);
    if (!z.ok() || !p.ok()) {
      return OptionalDouble.empty();
    }
    double zvmMedian = z.warmSpread().median();
    double peerMedian = p.warmSpread().median();
    if (!(zvmMedian > 0) || !(peerMedian > 0)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(peerMedian / zvmMedian);
  }

  /** The geometric mean of a peer's ratios, or empty when it has none. */
  public Optional<GeoMean> geometricMean(String peer) {
    List<Double> ratios = new ArrayList<>();
    for (String program : programs) {
      OptionalDouble r = ratio(program, peer);
      if (r.isPresent()) {
        ratios.add(r.getAsDouble());
      }
    }
    if (ratios.isEmpty()) {
      return Optional.empty();
    }
    double[] values = ratios.stream().mapToDouble(Double::doubleValue).toArray();
    return Optional.of(
        new GeoMean(peer, Statistics.geometricMean(values), values.length));
  }

  /** Whether zvm ran every program OK. */
  public boolean zvmAllOk() {
    for (String program : programs) {
      if (!result(program, zvm().name()).ok()) {
        return false;
      }
    }
    return true;
  }
}
