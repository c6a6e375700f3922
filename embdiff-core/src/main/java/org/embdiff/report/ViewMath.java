package org.embdiff.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Small numeric helpers the analyses use to turn results into report views: intervals for
 * proportions and rank correlations, and shared-bin histograms. (Renderers compute nothing.)
 */
final class ViewMath {
  private static final double Z95 = 1.959963984540054;

  private ViewMath() {}

  /** Wilson score interval for {@code k} successes of {@code n} at 95% (Wilson 1927). */
  static double[] wilson(long k, long n) {
    if (n == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double p = (double) k / n;
    double z2 = Z95 * Z95;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  /**
   * 95% interval of a Spearman correlation by the Fisher transform with the variance 1.06/(n-3)
   * of Fieller, Hartley &amp; Pearson (1957).
   */
  static double[] spearmanInterval(double rho, int n) {
    if (n <= 3 || !Double.isFinite(rho)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double z = 0.5 * Math.log((1 + rho) / (1 - rho));
    double se = Math.sqrt(1.06 / (n - 3));
    return new double[] {Math.tanh(z - Z95 * se), Math.tanh(z + Z95 * se)};
  }

  /**
   * Histograms of several samples on shared bins over their pooled range: one list of
   * [bin centre, share of the sample] points per sample.
   */
  static List<List<double[]>> histograms(List<double[]> samples, int bins) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] s : samples) {
      for (double v : s) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    List<List<double[]>> out = new ArrayList<>();
    if (!(hi >= lo)) {
      samples.forEach(s -> out.add(List.of()));
      return out;
    }
    double width = hi > lo ? (hi - lo) / bins : 1;
    for (double[] s : samples) {
      long[] counts = new long[bins];
      long n = 0;
      for (double v : s) {
        if (Double.isFinite(v)) {
          counts[Math.min(bins - 1, (int) ((v - lo) / width))]++;
          n++;
        }
      }
      List<double[]> points = new ArrayList<>();
      for (int i = 0; i < bins; i++) {
        points.add(new double[] {lo + (i + 0.5) * width, n == 0 ? 0 : (double) counts[i] / n});
      }
      out.add(points);
    }
    return out;
  }

  /** Mean of finite values (NaN when none). */
  static double mean(double[] values) {
    double s = 0;
    int n = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        s += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }
}
