package org.embdiff.inference;

import java.util.Arrays;

/**
 * Sample quantiles, one definition: Hyndman &amp; Fan (1996) type 7, linear interpolation between
 * order statistics at position p (n - 1) (numpy's and R's default).
 */
public final class Quantiles {
  private Quantiles() {}

  /** The {@code p}-quantile of an ascending array; NaN when empty. */
  public static double ofSorted(double[] sorted, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("quantile probability must be in [0, 1], got " + p);
    }
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    double h = p * (n - 1);
    int lo = (int) Math.floor(h);
    int hi = Math.min(n - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** The {@code p}-quantile of {@code values} (a sorted copy is made). */
  public static double of(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return ofSorted(sorted, p);
  }

  /** The median (a sorted copy is made). */
  public static double median(double[] values) {
    return of(values, 0.5);
  }
}
