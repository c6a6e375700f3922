package org.embdiff.eval;

import org.embdiff.inference.Interval;

/** Closed-form 95% intervals for evaluation scores: proportions and rank correlations. */
public final class Intervals {
  private static final double Z95 = 1.959963984540054;

  private Intervals() {}

  /** Wilson score interval for {@code k} successes of {@code n} at 95% (Wilson 1927); null when n = 0. */
  public static Interval wilson(long k, long n) {
    if (n == 0) {
      return null;
    }
    double p = (double) k / n;
    double z2 = Z95 * Z95;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
    return new Interval(p, Math.min(p, Math.max(0, centre - half)), Math.max(p, Math.min(1, centre + half)), 0.95,
        "Wilson score interval, " + n + " questions");
  }

  /**
   * 95% interval of a Spearman correlation over {@code n} pairs by the Fisher transform with the
   * variance 1.06/(n-3) of Fieller, Hartley &amp; Pearson (1957); null when n &lt;= 3 or rho is not finite.
   */
  public static Interval spearman(double rho, int n) {
    if (n <= 3 || !Double.isFinite(rho)) {
      return null;
    }
    double z = 0.5 * Math.log((1 + rho) / (1 - rho));
    double se = Math.sqrt(1.06 / (n - 3));
    return new Interval(rho, Math.min(rho, Math.tanh(z - Z95 * se)), Math.max(rho, Math.tanh(z + Z95 * se)), 0.95,
        "Fisher z, variance 1.06/(n-3), " + n + " pairs");
  }
}
