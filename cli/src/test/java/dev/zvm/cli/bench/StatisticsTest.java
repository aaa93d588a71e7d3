package dev.zvm.cli.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class StatisticsTest {

  @Test
  void medianOfAnOddCountIsTheMiddleValue() {
    assertEquals(3.0, Statistics.median(new double[] {5, 1, 3}));
    assertEquals(7.5, Statistics.median(new double[] {7.5}));
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
    assertEquals(2.5, Statistics.median(new double[] {4, 1, 3, 2}));
    assertEquals(1.5, Statistics.median(new double[] {2, 1}));
  }

  @Test
  void spreadIsMinMedianMaxAndCount() {
    Statistics.Spread s = Statistics.spread(new double[] {0.3, 0.1, 0.9, 0.2, 0.4});
    assertEquals(0.3, s.median());
    assertEquals(0.1, s.min());
    assertEquals(0.9, s.max());
    assertEquals(5, s.count());
  }

  @Test
  void spreadLeavesItsInputAlone() {
    double[] values = {3, 1, 2};
    Statistics.spread(values);
    assertArrayEquals(new double[] {3, 1, 2}, values);
  }

  @Test
  void spreadRejectsNoValuesAndNaN() {
    assertThrows(IllegalArgumentException.class, () -> Statistics.spread(new double[0]));
    assertThrows(IllegalArgumentException.class,
        () -> Statistics.spread(new double[] {1, Double.NaN}));
  }

  @Test
  void geometricMeanOfKnownValues() {
    assertEquals(2.0, Statistics.geometricMean(new double[] {1, 4}), 1e-12);
    assertEquals(4.0, Statistics.geometricMean(new double[] {2, 8, 4}), 1e-12);
    assertEquals(0.5, Statistics.geometricMean(new double[] {0.5}), 1e-12);
    // A ratio and its inverse cancel out.
    assertEquals(1.0, Statistics.geometricMean(new double[] {3, 1.0 / 3}), 1e-12);
  }

  @Test
  void geometricMeanNeitherOverflowsNorUnderflows() {
    assertEquals(1e300, Statistics.geometricMean(new double[] {1e300, 1e300, 1e300}), 1e288);
    assertEquals(1e-300, Statistics.geometricMean(new double[] {1e-300, 1e-300}), 1e-312);
  }

  @Test
  void geometricMeanRejectsWhatHasNoLogarithm() {
    assertThrows(IllegalArgumentException.class, () -> Statistics.geometricMean(new double[0]));
    assertThrows(IllegalArgumentException.class,
        () -> Statistics.geometricMean(new double[] {1, 0}));
    assertThrows(IllegalArgumentException.class,
        () -> Statistics.geometricMean(new double[] {1, -2}));
    assertThrows(IllegalArgumentException.class,
        () -> Statistics.geometricMean(new double[] {Double.POSITIVE_INFINITY}));
    assertThrows(IllegalArgumentException.class,
        () -> Statistics.geometricMean(new double[] {Double.NaN}));
  }

  @RepeatedTest(50)
  void propertiesHoldOnRandomSamples(RepetitionInfo info) {
    long seed = 0x5EEDL * 1_000_003L + info.getCurrentRepetition();
    SplittableRandom random = new SplittableRandom(seed);
    int n = 1 + random.nextInt(40);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = Math.exp(random.nextDouble(-8, 8));
    }
    String where = "seed=" + seed + " n=" + n;
    Statistics.Spread s = Statistics.spread(values);
    double g = Statistics.geometricMean(values);
    assertTrue(s.min() <= s.median() && s.median() <= s.max(), where);
    assertTrue(s.min() * (1 - 1e-12) <= g && g <= s.max() * (1 + 1e-12), where);
    // At least half the values lie on each side of the median.
    int below = 0;
    int above = 0;
    for (double v : values) {
      below += v <= s.median() ? 1 : 0;
      above += v >= s.median() ? 1 : 0;
    }
    assertTrue(2 * below >= n && 2 * above >= n, where);
    // Scaling every value scales the geometric mean and the median alike.
    double c = 1 + random.nextDouble(10);
    double[] scaled = values.clone();
    for (int i = 0; i < n; i++) {
      scaled[i] *= c;
    }
    assertEquals(g * c, Statistics.geometricMean(scaled), g * c * 1e-9, where);
    assertEquals(s.median() * c, Statistics.median(scaled), s.median() * c * 1e-12, where);
  }
}
