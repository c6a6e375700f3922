package org.embdiff.inference;

/** Log-gamma and the regularised incomplete gamma and beta functions the distributions build on. */
final class SpecialFunctions {
  private SpecialFunctions() {}

  private static final double EPS = 1e-16;
  private static final double TINY = 1e-300;
  private static final int MAX_ITERATIONS = 10_000;
  // Lanczos (1964) approximation, g = 7, n = 9 (the coefficients of Godfrey's table)
  private static final double LANCZOS_G = 7;
  private static final double[] LANCZOS = {
      0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
      12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
  private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

  /** ln Gamma(x) for x > 0 (Lanczos; relative error ~1e-15). */
  static double logGamma(double x) {
    if (x < 0.5) {
      // reflection formula, Gamma(x) Gamma(1 - x) = pi / sin(pi x)
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    double z = x - 1;
    double sum = LANCZOS[0];
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (z + i);
    }
    double t = z + LANCZOS_G + 0.5;
    return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }

  /** Q(a, x) = Gamma(a, x) / Gamma(a), the regularised upper incomplete gamma function. */
  static double gammaQ(double a, double x) {
    if (x <= 0) {
      return 1;
    }
    if (x < a + 1) {
      return 1 - gammaPSeries(a, x);
    }
    return gammaQContinuedFraction(a, x);
  }

  /** P(a, x) = 1 - Q(a, x). */
  static double gammaP(double a, double x) {
    if (x <= 0) {
      return 0;
    }
    if (x < a + 1) {
      return gammaPSeries(a, x);
    }
    return 1 - gammaQContinuedFraction(a, x);
  }

  // P(a, x) = e^-x x^a / Gamma(a + 1) sum_n x^n / ((a + 1) ... (a + n))  (Abramowitz & Stegun 6.5.29)
  private static double gammaPSeries(double a, double x) {
    double term = 1 / a;
    double sum = term;
    for (int n = 1; n < MAX_ITERATIONS; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) {
        break;
      }
    }
    return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
  }

  // Q(a, x) by its continued fraction (A&S 6.5.31), evaluated with the modified Lentz method
  private static double gammaQContinuedFraction(double a, double x) {
    double b = x + 1 - a;
    double c = 1 / TINY;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < MAX_ITERATIONS; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      d = Math.abs(d) < TINY ? TINY : d;
      c = b + an / c;
      c = Math.abs(c) < TINY ? TINY : c;
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < EPS) {
        break;
      }
    }
    return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
  }

  /** erfc(x), accurate in both tails (erfc(x) = Q(1/2, x^2) for x >= 0). */
  static double erfc(double x) {
    if (x >= 0) {
      return gammaQ(0.5, x * x);
    }
    return 1 + gammaP(0.5, x * x);
  }

  /** I_x(a, b), the regularised incomplete beta function. */
  static double betaRegularized(double x, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
    // the continued fraction converges fast for x < (a + 1) / (a + b + 2); use I_x(a,b) = 1 - I_{1-x}(b,a) otherwise
    if (x < (a + 1) / (a + b + 2)) {
      return Math.exp(logFront) * betaContinuedFraction(x, a, b) / a;
    }
    return 1 - Math.exp(logFront) * betaContinuedFraction(1 - x, b, a) / b;
  }

  // the continued fraction of I_x(a, b) (A&S 26.5.8), modified Lentz
  private static double betaContinuedFraction(double x, double a, double b) {
    double c = 1;
    double d = 1 - (a + b) * x / (a + 1);
    d = Math.abs(d) < TINY ? TINY : d;
    d = 1 / d;
    double h = d;
    for (int m = 1; m < MAX_ITERATIONS; m++) {
      int m2 = 2 * m;
      double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
      d = 1 + even * d;
      d = Math.abs(d) < TINY ? TINY : d;
      c = 1 + even / c;
      c = Math.abs(c) < TINY ? TINY : c;
      d = 1 / d;
      h *= d * c;
      double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
      d = 1 + odd * d;
      d = Math.abs(d) < TINY ? TINY : d;
      c = 1 + odd / c;
      c = Math.abs(c) < TINY ? TINY : c;
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < EPS) {
        break;
      }
    }
    return h;
  }
}
