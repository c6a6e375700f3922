package org.embdiff.stats;

/**
 * A confidence interval.
 *
 * @param low lower end
 * @param high upper end
 * @param level coverage (0.95)
 */
public record Interval(double low, double high, double level) {
  /** Whether {@code x} lies inside (ends included). */
  public boolean contains(double x) {
    return x >= low && x <= high;
  }

  /** Whether the two intervals share a point. */
  public boolean overlaps(Interval other) {
    return low <= other.high && other.low <= high;
  }

  /** The percentile interval of {@code sorted} (ascending) at {@code level}. */
  static Interval percentile(double[] sorted, double level) {
    double a = (1 - level) / 2;
    return new Interval(quantile(sorted, a), quantile(sorted, 1 - a), level);
  }

  private static double quantile(double[] s, double q) {
    if (s.length == 0) {
      return Double.NaN;
    }
    double pos = q * (s.length - 1);
    int i = (int) Math.floor(pos);
    int j = Math.min(s.length - 1, i + 1);
    return s[i] + (pos - i) * (s[j] - s[i]);
  }
}
