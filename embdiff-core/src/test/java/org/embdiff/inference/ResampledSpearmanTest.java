package org.embdiff.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ResampledSpearmanTest {

  @Test
  void equalsSpearmanOfTheResampledValuesBitForBitWithTiesSignedZerosAndNaN() {
    // the resample statistic must be the same number as sorting the resample, on inputs that stress ties
    SplittableRandom random = new SplittableRandom(17);
    for (int trial = 0; trial < 200; trial++) {
      int n = 2 + random.nextInt(60);
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = awkward(random);
        y[i] = awkward(random);
      }
      Statistic fast = Correlation.spearmanOfItems(x, y);
      for (int r = 0; r < 20; r++) {
        int[] items = new int[1 + random.nextInt(2 * n)];
        for (int t = 0; t < items.length; t++) {
          items[t] = random.nextInt(n);
        }
        double expected = Correlation.spearman(Bootstrap.values(x, items), Bootstrap.values(y, items));
        assertThat(Double.doubleToLongBits(fast.of(items))).as("trial %d resample %d", trial, r)
            .isEqualTo(Double.doubleToLongBits(expected));
      }
    }
  }

  @Test
  void theFullSampleGivesScipysRho() {
    // scipy.stats.spearmanr([1, 2, 2, 3, 5], [5, 6, 7, 8, 7]).statistic = 0.7631578947368421
    double[] x = {1, 2, 2, 3, 5};
    double[] y = {5, 6, 7, 8, 7};
    assertThat(Correlation.spearmanOfItems(x, y).of(new int[] {0, 1, 2, 3, 4})).isCloseTo(0.7631578947368421,
        org.assertj.core.api.Assertions.within(1e-12));
  }

  // few distinct values (many ties), both zeros, and the odd NaN
  private static double awkward(SplittableRandom random) {
    int k = random.nextInt(12);
    if (k == 0) {
      return -0.0;
    }
    if (k == 1) {
      return 0.0;
    }
    if (k == 2 && random.nextInt(10) == 0) {
      return Double.NaN;
    }
    return random.nextInt(6) - 2;
  }
}
