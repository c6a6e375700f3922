package org.embdiff.claims;

/** The verdict on one claim, computed from a confidence interval (never asserted). */
public enum Verdict {
  /** The interval excludes 0 in the claimed direction. */
  SUPPORTED,
  /** The interval excludes 0 in the opposite direction. */
  CONTRADICTED,
  /** The interval contains 0. */
  INCONCLUSIVE,
  /** The interval lies inside the claim's margin band: the difference is smaller than any of interest. */
  NO_DIFFERENCE,
  /** The naive and the controlled analyses disagree; the controlled one decides. */
  CONFOUNDED,
  /** An input the claim needs is missing (named in the claim). */
  NOT_MEASURABLE;

  /**
   * The decision rule: supported if {@code ci} excludes 0 in {@code direction}, contradicted if
   * it excludes 0 in the other direction, else inconclusive. A {@link Direction#DIFFERENT} claim
   * is supported when 0 is excluded either way and otherwise inconclusive (an interval can never
   * show two things are equal).
   */
  public static Verdict decide(Interval ci, Direction direction) {
    return decide(ci, direction, 0.0);
  }

  /** As {@link #decide(Interval, Direction)} with the null value {@code nullValue} in place of 0. */
  public static Verdict decide(Interval ci, Direction direction, double nullValue) {
    if (ci == null || Double.isNaN(ci.lo()) || Double.isNaN(ci.hi())) {
      return INCONCLUSIVE;
    }
    boolean above = ci.above(nullValue);
    boolean below = ci.below(nullValue);
    return switch (direction) {
      case GREATER -> above ? SUPPORTED : below ? CONTRADICTED : INCONCLUSIVE;
      case LESS -> below ? SUPPORTED : above ? CONTRADICTED : INCONCLUSIVE;
      case DIFFERENT -> above || below ? SUPPORTED : INCONCLUSIVE;
    };
  }
}
