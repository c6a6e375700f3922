package org.embdiff.claims;

/**
 * A confidence interval around an estimate.
 *
 * @param estimate the point estimate
 * @param lo lower bound
 * @param hi upper bound
 * @param level confidence level, e.g. 0.95
 * @param method how the interval was computed ("t-interval over 10 splits", "percentile bootstrap, 2000 resamples")
 */
public record Interval(double estimate, double lo, double hi, double level, String method) {
  /** Validates the bounds. */
  public Interval {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
    if (lo > hi) {
      throw new IllegalArgumentException("lo " + lo + " > hi " + hi);
    }
    if (!Double.isNaN(estimate) && !(lo <= estimate && estimate <= hi)) {
      // every reported interval contains its estimate: a bootstrap that misses it is widened, and says so
      lo = Math.min(lo, estimate);
      hi = Math.max(hi, estimate);
      method = (method == null ? "interval" : method) + ", widened to contain the estimate";
    }
  }

  /** Whether the interval lies entirely above {@code value}. */
  public boolean above(double value) {
    return lo > value;
  }

  /** Whether the interval lies entirely below {@code value}. */
  public boolean below(double value) {
    return hi < value;
  }
}
