package org.embdiff.claims;

/**
 * A per-side estimate handed to the claims builder by another analysis (Zipf exponent, entropy,
 * effective rank, ...).
 *
 * @param value the point estimate
 * @param lo lower bound of its interval (NaN when none)
 * @param hi upper bound of its interval (NaN when none)
 * @param level the interval's confidence level
 * @param replicates bootstrap replicates of the estimate, or null; when both sides give them, the
 *     difference interval uses them directly
 */
public record SideEstimate(double value, double lo, double hi, double level, double[] replicates) {
  /** An estimate with an interval and no replicates. */
  public static SideEstimate of(double value, double lo, double hi, double level) {
    return new SideEstimate(value, lo, hi, level, null);
  }

  /** Whether the interval bounds are present. */
  public boolean hasInterval() {
    return !Double.isNaN(lo) && !Double.isNaN(hi);
  }
}
