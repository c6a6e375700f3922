package org.embdiff.inference;

/**
 * The corrected resampled t-test for a difference measured on J overlapping train/test splits
 * (Nadeau &amp; Bengio 2003, sec. 5; repeated k-fold as in Bouckaert &amp; Frank 2004): the variance of the
 * mean difference is (1/J + n_test/n_train) s^2 instead of s^2/J, because the splits share data.
 *
 * @param interval the mean difference with its corrected t-interval
 * @param t the corrected t statistic
 * @param degreesOfFreedom J - 1
 * @param p two-sided p-value for a mean difference of 0
 */
public record CorrectedResampledT(Interval interval, double t, double degreesOfFreedom, double p) {

  /**
   * Tests the per-split differences {@code differences} (J >= 2 values) from splits with
   * {@code testSize} and {@code trainSize} items, at {@code level}.
   */
  public static CorrectedResampledT of(double[] differences, double testSize, double trainSize, double level) {
    int j = differences.length;
    if (j < 2) {
      throw new IllegalArgumentException("the corrected resampled t-test needs at least 2 splits, got " + j);
    }
    if (!(testSize > 0 && trainSize > 0)) {
      throw new IllegalArgumentException("split sizes must be > 0, got test " + testSize + ", train " + trainSize);
    }
    double mean = 0;
    for (double d : differences) {
      mean += d;
    }
    mean /= j;
    double ss = 0;
    for (double d : differences) {
      ss += (d - mean) * (d - mean);
    }
    double variance = ss / (j - 1);
    double se = Math.sqrt((1.0 / j + testSize / trainSize) * variance);
    double df = j - 1;
    String method = "Nadeau-Bengio corrected resampled t, " + j + " splits";
    if (se == 0) {
      return new CorrectedResampledT(Interval.exact(mean, method), mean == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, mean),
          df, mean == 0 ? 1 : 0);
    }
    double t = mean / se;
    double half = StudentT.quantile(0.5 + level / 2, df) * se;
    return new CorrectedResampledT(new Interval(mean, mean - half, mean + half, level, method), t, df,
        StudentT.twoSidedP(t, df));
  }
}
