package org.embdiff.inference;

/** Student's t distribution with {@code degreesOfFreedom} (> 0, not necessarily whole). */
public final class StudentT {
  private StudentT() {}

  /** P(T <= t). */
  public static double cdf(double t, double degreesOfFreedom) {
    checkDf(degreesOfFreedom);
    if (Double.isInfinite(t)) {
      return t > 0 ? 1 : 0;
    }
    // P(|T| > |t|) = I_{nu / (nu + t^2)}(nu / 2, 1 / 2)  (A&S 26.7.1 via 26.5.27)
    double x = degreesOfFreedom / (degreesOfFreedom + t * t);
    double twoTail = SpecialFunctions.betaRegularized(x, degreesOfFreedom / 2, 0.5);
    return t > 0 ? 1 - 0.5 * twoTail : 0.5 * twoTail;
  }

  /** P(T > t). */
  public static double survival(double t, double degreesOfFreedom) {
    return cdf(-t, degreesOfFreedom);
  }

  /** The two-sided p-value of an observed t: P(|T| >= |t|). */
  public static double twoSidedP(double t, double degreesOfFreedom) {
    return Math.min(1, 2 * cdf(-Math.abs(t), degreesOfFreedom));
  }

  /** The p-quantile. */
  public static double quantile(double p, double degreesOfFreedom) {
    checkDf(degreesOfFreedom);
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1], got " + p);
    }
    if (p == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p == 1) {
      return Double.POSITIVE_INFINITY;
    }
    if (p == 0.5) {
      return 0;
    }
    if (p > 0.5) {
      return -quantile(1 - p, degreesOfFreedom);
    }
    // lower tail: bracket [lo, 0] by doubling, then Newton steps kept inside the bracket (bisection otherwise)
    double hi = 0;
    double lo = Math.min(-1, Normal.quantile(p));
    while (cdf(lo, degreesOfFreedom) > p) {
      hi = lo;
      lo *= 2;
    }
    double x = lo == -1 ? Normal.quantile(p) : 0.5 * (lo + hi);
    x = Math.max(lo, Math.min(hi, x));
    for (int i = 0; i < 200; i++) {
      double f = cdf(x, degreesOfFreedom) - p;
      if (f == 0) {
        return x;
      }
      if (f > 0) {
        hi = x;
      } else {
        lo = x;
      }
      double next = x - f / density(x, degreesOfFreedom);
      if (!(next > lo && next < hi)) {
        next = 0.5 * (lo + hi);
      }
      if (Math.abs(next - x) <= 1e-15 * Math.max(1, Math.abs(x))) {
        return next;
      }
      x = next;
    }
    return x;
  }

  /** The density. */
  public static double density(double t, double degreesOfFreedom) {
    double nu = degreesOfFreedom;
    double logC = SpecialFunctions.logGamma((nu + 1) / 2) - SpecialFunctions.logGamma(nu / 2) - 0.5 * Math.log(nu * Math.PI);
    return Math.exp(logC - (nu + 1) / 2 * Math.log1p(t * t / nu));
  }

  private static void checkDf(double degreesOfFreedom) {
    if (!(degreesOfFreedom > 0)) {
      throw new IllegalArgumentException("degrees of freedom must be > 0, got " + degreesOfFreedom);
    }
  }
}
