package org.embdiff.inference;

/** The gamma function family for callers outside this package. */
public final class Gamma {
  private Gamma() {}

  /** ln Gamma(x), x > 0. */
  public static double logGamma(double x) {
    if (!(x > 0)) {
      throw new IllegalArgumentException("logGamma needs x > 0, got " + x);
    }
    return SpecialFunctions.logGamma(x);
  }

  /** Q(a, x) = Gamma(a, x) / Gamma(a), a > 0, x >= 0. */
  public static double upperRegularized(double a, double x) {
    if (!(a > 0) || !(x >= 0)) {
      throw new IllegalArgumentException("Q(a, x) needs a > 0 and x >= 0, got a " + a + ", x " + x);
    }
    return SpecialFunctions.gammaQ(a, x);
  }

  /**
   * Gamma(a, x) = integral_x^inf t^(a-1) e^-t dt for any real a (not 0, -1, -2, ... unless x > 0) and
   * x > 0; below a = 0 by the recurrence Gamma(a, x) = (Gamma(a + 1, x) - x^a e^-x) / a (A&amp;S 6.5.22).
   */
  public static double upperIncomplete(double a, double x) {
    if (!(x > 0)) {
      throw new IllegalArgumentException("Gamma(a, x) needs x > 0 here, got " + x);
    }
    if (a > 0) {
      return SpecialFunctions.gammaQ(a, x) * Math.exp(SpecialFunctions.logGamma(a));
    }
    if (a == 0) {
      // E1(x) = Gamma(0, x): the limit of the recurrence is unstable, use E1's series / continued fraction
      return exponentialIntegral1(x);
    }
    return (upperIncomplete(a + 1, x) - Math.exp(a * Math.log(x) - x)) / a;
  }

  // E1(x): series -gamma - ln x - sum (-x)^k / (k k!) for x <= 1, continued fraction otherwise (A&S 5.1.11, 5.1.22)
  private static double exponentialIntegral1(double x) {
    if (x <= 1) {
      double sum = 0;
      double term = 1;
      for (int k = 1; k < 200; k++) {
        term *= -x / k;
        double add = -term / k;
        sum += add;
        if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
          break;
        }
      }
      return -0.5772156649015329 - Math.log(x) + sum;
    }
    double b = x + 1;
    double c = 1e300;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < 1000; i++) {
      double an = -(double) i * i;
      b += 2;
      d = 1 / (an * d + b);
      c = b + an / c;
      double delta = c * d;
      h *= delta;
      if (Math.abs(delta - 1) < 1e-16) {
        break;
      }
    }
    return h * Math.exp(-x);
  }
}
