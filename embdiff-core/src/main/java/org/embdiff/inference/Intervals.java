package org.embdiff.inference;

/** Combining and reading intervals. */
public final class Intervals {
  private Intervals() {}

  /**
   * The interval of a - b for independent estimates, by the method of variance estimates recovery
   * (Zou &amp; Donner 2008, eq. 2): L = d - sqrt((a - l_a)^2 + (u_b - b)^2), U = d + sqrt((u_a - a)^2 + (b - l_b)^2);
   * keeps each interval's asymmetry. Both must have the same level.
   */
  public static Interval difference(Interval a, Interval b) {
    if (Math.abs(a.level() - b.level()) > 1e-12) {
      throw new IllegalArgumentException("intervals of different levels: " + a.level() + " vs " + b.level());
    }
    double d = a.estimate() - b.estimate();
    double lower = d - Math.hypot(a.estimate() - a.lower(), b.upper() - b.estimate());
    double upper = d + Math.hypot(a.upper() - a.estimate(), b.estimate() - b.lower());
    return new Interval(d, lower, upper, a.level(), "difference of independent intervals (MOVER, Zou & Donner 2008); "
        + a.method());
  }

  /**
   * A two-sided p-value for "the quantity is 0" read off an interval as if it were normal: se = width / (2 z),
   * p = 2 Phi(-|estimate| / se); 0 for a degenerate interval with a non-zero estimate, 1 when it is 0.
   */
  public static double normalP(Interval i) {
    double z = Normal.quantile(0.5 + i.level() / 2);
    double se = i.width() / (2 * z);
    if (se == 0) {
      return i.estimate() == 0 ? 1 : 0;
    }
    return Math.min(1, 2 * Normal.survival(Math.abs(i.estimate()) / se));
  }
}
