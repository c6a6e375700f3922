package org.embdiff.inference;

/** The standard normal distribution. */
public final class Normal {
  private Normal() {}

  private static final double SQRT2 = Math.sqrt(2);
  private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

  /** Phi(x), the CDF; accurate in the lower tail (Phi(-x) = erfc(x / sqrt 2) / 2). */
  public static double cdf(double x) {
    return 0.5 * SpecialFunctions.erfc(-x / SQRT2);
  }

  /** 1 - Phi(x), accurate in the upper tail. */
  public static double survival(double x) {
    return 0.5 * SpecialFunctions.erfc(x / SQRT2);
  }

  /** phi(x), the density. */
  public static double density(double x) {
    return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  }

  /** Phi^-1(p); -inf at 0, +inf at 1. */
  public static double quantile(double p) {
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
      return -lowerTailQuantile(1 - p);
    }
    return lowerTailQuantile(p);
  }

  // p <= 1/2: start from Abramowitz & Stegun 26.2.23 (|error| < 4.5e-4), then Newton steps on the
  // lower-tail CDF, which converge quadratically to full precision
  private static double lowerTailQuantile(double p) {
    double t = Math.sqrt(-2 * Math.log(p));
    double x = -(t - (2.515517 + 0.802853 * t + 0.010328 * t * t)
        / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t));
    for (int i = 0; i < 8; i++) {
      double f = cdf(x);
      double step = (f - p) / density(x);
      // Halley's correction for the normal: f'' / f' = -x
      step /= 1 + 0.5 * x * step;
      x -= step;
      if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(x))) {
        break;
      }
    }
    return x;
  }
}
