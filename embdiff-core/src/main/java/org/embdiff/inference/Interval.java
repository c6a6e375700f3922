package org.embdiff.inference;

/**
 * A point estimate with a confidence interval that contains it.
 *
 * @param estimate the statistic on the full sample
 * @param lower lower end
 * @param upper upper end
 * @param level coverage, e.g. 0.95
 * @param method how the interval was computed, in words (e.g. "BCa bootstrap, 2000 resamples of 500 words")
 */
public record Interval(double estimate, double lower, double upper, double level, String method) {
  /** Refuses an interval that does not contain its estimate or whose ends are not ordered. */
  public Interval {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("interval level must be in (0, 1), got " + level);
    }
    if (Double.isNaN(estimate) || Double.isNaN(lower) || Double.isNaN(upper)) {
      throw new IllegalArgumentException("interval has NaN: estimate " + estimate + " in [" + lower + ", " + upper + "]");
    }
    if (!(lower <= estimate && estimate <= upper)) {
      throw new IllegalArgumentException("interval [" + lower + ", " + upper + "] does not contain its estimate "
          + estimate + " (" + method + ")");
    }
    if (method == null || method.isBlank()) {
      throw new IllegalArgumentException("interval method must be named");
    }
  }

  /** A degenerate interval [x, x] (an exact value). */
  public static Interval exact(double x, String method) {
    return new Interval(x, x, x, 0.95, method);
  }

  /** Whether {@code x} lies inside (ends included). */
  public boolean contains(double x) {
    return x >= lower && x <= upper;
  }

  /** upper - lower. */
  public double width() {
    return upper - lower;
  }

  /** The same interval for the negated statistic. */
  public Interval negate() {
    return new Interval(-estimate, -upper, -lower, level, method);
  }

  /** Whether the two intervals share a point. */
  public boolean overlaps(Interval other) {
    return lower <= other.upper && other.lower <= upper;
  }
}
