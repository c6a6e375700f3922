package org.embdiff.eval;

/** Closed-form 95% intervals for evaluation scores: proportions and rank correlations. */
public final class Intervals {
  private static final double Z95 = 1.959963984540054;

  private Intervals() {}

  /** Wilson score interval for {@code k} successes of {@code n} at 95% (Wilson 1927); NaNs when n = 0. */
  public static Estimate wilson(long k, long n) {
    if (n == 0) {
      return new Estimate(Double.NaN, Double.NaN, Double.NaN, 0.95, 0, 0);
    }
    double p = (double) k / n;
    double z2 = Z95 * Z95;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
    return new Estimate(p, Math.max(0, centre - half), Math.min(1, centre + half), 0.95, 0, (int) Math.min(n, Integer.MAX_VALUE));
  }

  /**
   * 95% interval of a Spearman correlation over {@code n} pairs by the Fisher transform with the
   * variance 1.06/(n-3) of Fieller, Hartley &amp; Pearson (1957); NaN bounds when n &lt;= 3.
   */
  public static Estimate spearman(double rho, int n) {
    if (n <= 3 || !Double.isFinite(rho)) {
      return new Estimate(rho, Double.NaN, Double.NaN, 0.95, 0, n);
    }
    double z = 0.5 * Math.log((1 + rho) / (1 - rho));
    double se = Math.sqrt(1.06 / (n - 3));
    return new Estimate(rho, Math.tanh(z - Z95 * se), Math.tanh(z + Z95 * se), 0.95, 0, n);
  }
}
