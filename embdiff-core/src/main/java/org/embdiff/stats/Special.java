package org.embdiff.stats;

import java.util.SplittableRandom;

/** Special functions and samplers the estimators share. */
final class Special {
  private Special() {}

  private static final double LN2 = Math.log(2);
  private static final double[] LOG_FACTORIAL = new double[256];
  // e^-k for the integer rates of resampled type counts (the same values Math.exp gives)
  private static final double[] EXP_NEG_INT = new double[10];

  static {
    for (int k = 0; k < EXP_NEG_INT.length; k++) {
      EXP_NEG_INT[k] = Math.exp(-k);
    }
    for (int i = 1; i < LOG_FACTORIAL.length; i++) {
      LOG_FACTORIAL[i] = LOG_FACTORIAL[i - 1] + Math.log(i);
    }
  }

  /**
   * A Poisson(lambda) draw for bootstrap resampling of many counts: exact inversion below 12, the
   * normal approximation round(lambda + sqrt(lambda) Z) above (skewness 1/sqrt(lambda) <= 0.29),
   * which is what makes resampling 200k counts 200 times take a second.
   */
  static long poissonFast(double lambda, SplittableRandom rnd) {
    if (lambda < 12) {
      return poisson(lambda, rnd);
    }
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gaussian(rnd)));
  }

  /** A standard normal draw (Marsaglia polar method). */
  static double gaussian(SplittableRandom rnd) {
    double u;
    double v;
    double s;
    do {
      u = 2 * rnd.nextDouble() - 1;
      v = 2 * rnd.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    return u * Math.sqrt(-2 * Math.log(s) / s);
  }

  /** log2(x). */
  static double log2(double x) {
    return Math.log(x) / LN2;
  }

  /**
   * Hurwitz zeta function zeta(s, q) = sum_{k>=0} (k + q)^-s for s > 1, q > 0: direct sum until
   * q + k >= 16, then Euler–Maclaurin with Bernoulli terms up to B8 (relative error below 1e-12
   * there).
   */
  static double hurwitzZeta(double s, double q) {
    double sum = 0;
    double a = q;
    while (a < 16) {
      sum += Math.pow(a, -s);
      a += 1;
    }
    double as = Math.pow(a, -s);
    sum += a * as / (s - 1) + as / 2;
    double inv2 = 1 / (a * a);
    double term = s * as / a; // s a^(-s-1)
    sum += term / 12; // B2/2!
    term *= (s + 1) * (s + 2) * inv2;
    sum -= term / 720; // B4/4!
    term *= (s + 3) * (s + 4) * inv2;
    sum += term / 30240; // B6/6!
    term *= (s + 5) * (s + 6) * inv2;
    sum -= term / 1209600; // B8/8!
    return sum;
  }

  /** ln(k!). */
  static double logFactorial(long k) {
    if (k < LOG_FACTORIAL.length) {
      return LOG_FACTORIAL[(int) k];
    }
    // Stirling series
    double x = k + 1.0;
    return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
  }

  /**
   * A Poisson(lambda) draw: inversion for small lambda, Hörmann's PTRS transformed rejection
   * (Hörmann 1993, "The transformed rejection method for generating Poisson random variables")
   * otherwise. Exact in both regimes.
   */
  static long poisson(double lambda, SplittableRandom rnd) {
    if (lambda <= 0) {
      return 0;
    }
    if (lambda < 10) {
      int whole = (int) lambda;
      double p = whole == lambda ? EXP_NEG_INT[whole] : Math.exp(-lambda);
      double f = p;
      double u = rnd.nextDouble();
      long k = 0;
      while (u > f && k < 1000) {
        k++;
        p *= lambda / k;
        f += p;
      }
      return k;
    }
    double slam = Math.sqrt(lambda);
    double loglam = Math.log(lambda);
    double b = 0.931 + 2.53 * slam;
    double a = -0.059 + 0.02483 * b;
    double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    double vr = 0.9277 - 3.6224 / (b - 2);
    while (true) {
      double u = rnd.nextDouble() - 0.5;
      double v = rnd.nextDouble();
      double us = 0.5 - Math.abs(u);
      long k = (long) Math.floor((2 * a / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) {
        return k;
      }
      if (k < 0 || (us < 0.013 && v > us)) {
        continue;
      }
      if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logFactorial(k)) {
        return k;
      }
    }
  }
}
