package org.embdiff.eval;

import java.util.Arrays;
import org.embdiff.inference.Quantiles;

/**
 * Distribution summary of a sample: count, mean, standard deviation and quantiles (linear
 * interpolation between order statistics, Hyndman-Fan type 7 as in numpy). NaN values are ignored.
 */
public record Summary(int n, double mean, double sd, double min, double q10, double q25, double median, double q75,
    double q90, double max) {

  /** Summarises {@code values} (not modified). An empty sample gives n = 0 and NaN fields. */
  public static Summary of(double[] values) {
    double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
    int n = v.length;
    if (n == 0) {
      return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double mean = 0;
    for (double x : v) {
      mean += x;
    }
    mean /= n;
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
    return new Summary(n, mean, sd, v[0], Quantiles.ofSorted(v, 0.10), Quantiles.ofSorted(v, 0.25), Quantiles.ofSorted(v, 0.5),
        Quantiles.ofSorted(v, 0.75), Quantiles.ofSorted(v, 0.90), v[n - 1]);
  }
}
