package dev.zvm.cli.bench;

import java.util.Arrays;

/** The few statistics the runner reports: median, min–max spread, geometric mean. */
public final class Statistics {
  private Statistics() {}

  /** A sample's median and its min–max spread. */
  public record Spread(double median, double min, double max, int count) {}

  /**
   * Median and spread of {@code values}; the median of an even count is the mean of the two
   * middle values.
   *
   * @throws IllegalArgumentException if {@code values} is empty or holds a NaN
   */
  public static Spread spread(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    if (Double.isNaN(sorted[sorted.length - 1])) {
      throw new IllegalArgumentException("NaN among the values");
    }
    int mid = sorted.length / 2;
    double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    return new Spread(median, sorted[0], sorted[sorted.length - 1], sorted.length);
  }

  public static double median(double[] values) {
    return spread(values).median();
  }

  /**
   * The geometric mean, computed through logarithms so that long products neither overflow nor
   * underflow.
   *
   * @throws IllegalArgumentException if {@code values} is empty or holds a value that is not
   *     finite and positive
   */
  public static double geometricMean(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    double logSum = 0;
    for (double v : values) {
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("not a positive finite value: " + v);
      }
      logSum += Math.log(v);
    }
    return Math.exp(logSum / values.length);
  }
}
