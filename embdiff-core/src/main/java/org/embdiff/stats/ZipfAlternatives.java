package org.embdiff.stats;

import org.embdiff.inference.Gamma;
import org.embdiff.inference.Normal;

/**
 * Likelihood-ratio tests of the fitted discrete power law against two alternatives on the same tail
 * (Clauset, Shalizi &amp; Newman 2009, sec. 5.1): the discrete lognormal (non-nested: Vuong's 1989
 * normalised ratio, two-sided normal p) and the power law with exponential cut-off
 * P(x) ∝ x^-beta e^-lambda x (nested: Wilks, chi-square with 1 df). Each alternative is fitted by
 * maximum likelihood (Nelder–Mead).
 *
 * @param lognormalMu mu of the fitted lognormal (of ln x)
 * @param lognormalSigma its sigma
 * @param vsLognormalRatio log-likelihood ratio ln L(power law) - ln L(lognormal); > 0 favours the power law
 * @param vsLognormalStatistic Vuong's normalised ratio R / (sigma sqrt n)
 * @param vsLognormalP two-sided p-value that the two fit equally well
 * @param cutoffBeta beta of the fitted truncated power law
 * @param cutoffLambda its lambda (>= 0)
 * @param vsCutoffRatio ln L(power law) - ln L(truncated power law) (<= 0 up to optimiser error)
 * @param vsCutoffP p-value that the cut-off adds nothing (nested test)
 * @param favoured in words: which model the tests favour at p < 0.1 (Clauset's threshold)
 */
public record ZipfAlternatives(double lognormalMu, double lognormalSigma, double vsLognormalRatio,
    double vsLognormalStatistic, double vsLognormalP, double cutoffBeta, double cutoffLambda, double vsCutoffRatio,
    double vsCutoffP, String favoured) {

  private static final int DIRECT_TERMS = 2000;
  private static final long DENSITY_FROM = 100;
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  static ZipfAlternatives compare(ZipfEstimator.Histogram tail, double beta) {
    long[] v = tail.values;
    long[] f = tail.freq;
    double n = tail.total;
    double xMin = v[0];
    double logZeta = Math.log(Special.hurwitzZeta(beta, xMin));
    double[] powerLaw = new double[v.length];
    for (int j = 0; j < v.length; j++) {
      powerLaw[j] = -beta * Math.log(v[j]) - logZeta;
    }
    // lognormal, started from the moments of ln x
    double m = 0;
    double ss = 0;
    for (int j = 0; j < v.length; j++) {
      m += f[j] * Math.log(v[j]);
    }
    m /= n;
    for (int j = 0; j < v.length; j++) {
      ss += f[j] * Math.pow(Math.log(v[j]) - m, 2);
    }
    double sd = Math.sqrt(Math.max(ss / n, 1e-6));
    double[] ln = NelderMead.minimise(p -> -lognormalLogLik(v, f, xMin, p[0], Math.exp(p[1]), null),
        new double[] {m, Math.log(sd)}, new double[] {sd, 0.3}, 600, 1e-10);
    double mu = ln[0];
    double sigma = Math.exp(ln[1]);
    double[] logNormal = new double[v.length];
    lognormalLogLik(v, f, xMin, mu, sigma, logNormal);
    double ratio = 0;
    for (int j = 0; j < v.length; j++) {
      ratio += f[j] * (powerLaw[j] - logNormal[j]);
    }
    double mean = ratio / n;
    double var = 0;
    for (int j = 0; j < v.length; j++) {
      var += f[j] * Math.pow(powerLaw[j] - logNormal[j] - mean, 2);
    }
    var /= n;
    double statistic = var > 0 ? ratio / Math.sqrt(n * var) : 0;
    double vuongP = 2 * Normal.survival(Math.abs(statistic));
    // truncated power law: ln L = -beta S_ln - lambda S_x - n ln Z(beta, lambda), parameters (beta, ln lambda)
    double sLn = 0;
    double sX = 0;
    for (int j = 0; j < v.length; j++) {
      sLn += f[j] * Math.log(v[j]);
      sX += f[j] * (double) v[j];
    }
    double fsLn = sLn;
    double fsX = sX;
    double[] tp = NelderMead.minimise(p -> fsLn * p[0] + Math.exp(p[1]) * fsX + n * logCutoffNorm(p[0], Math.exp(p[1]),
        xMin), new double[] {beta, Math.log(1e-3 / v[v.length - 1])}, new double[] {0.1, 2}, 600, 1e-12);
    double cutoffBeta = tp[0];
    double lambda = Math.exp(tp[1]);
    double llPower = -beta * sLn - n * logZeta;
    double llCutoff = -cutoffBeta * sLn - lambda * sX - n * logCutoffNorm(cutoffBeta, lambda, xMin);
    double nested = Math.min(0, llPower - llCutoff);
    double nestedP = nested == 0 ? 1 : 2 * Normal.survival(Math.sqrt(-2 * nested));
    String favoured;
    if (vuongP < 0.1 && statistic < 0) {
      favoured = "lognormal over power law";
    } else if (nestedP < 0.1) {
      favoured = "truncated power law over power law";
    } else if (vuongP < 0.1) {
      favoured = "power law over lognormal; no cut-off needed";
    } else {
      favoured = "power law and lognormal fit equally well";
    }
    return new ZipfAlternatives(mu, sigma, ratio, statistic, vuongP, cutoffBeta, lambda, nested, nestedP, favoured);
  }

  // discrete lognormal P(x) = [S((ln(x-1/2) - mu)/sigma) - S((ln(x+1/2) - mu)/sigma)] / S((ln(xmin-1/2) - mu)/sigma)
  private static double lognormalLogLik(long[] v, long[] f, double xMin, double mu, double sigma, double[] perValue) {
    double logNorm = Math.log(Normal.survival((Math.log(xMin - 0.5) - mu) / sigma));
    double ll = 0;
    for (int j = 0; j < v.length; j++) {
      double l;
      if (v[j] >= DENSITY_FROM) {
        // midpoint rule for the mass on [x - 1/2, x + 1/2]: density phi(z) / (sigma x), relative error O(1/x^2)
        double z = (Math.log(v[j]) - mu) / sigma;
        l = -0.5 * z * z - LOG_SQRT_2PI - Math.log(sigma * v[j]) - logNorm;
      } else {
        double lo = Normal.survival((Math.log(v[j] - 0.5) - mu) / sigma);
        double hi = Normal.survival((Math.log(v[j] + 0.5) - mu) / sigma);
        l = Math.log(Math.max(lo - hi, Double.MIN_VALUE)) - logNorm;
      }
      if (perValue != null) {
        perValue[j] = l;
      }
      ll += f[j] * l;
    }
    return ll;
  }

  // ln sum_{k >= xmin} k^-beta e^-lambda k: the first terms directly, the rest by the midpoint integral
  // int_{t0}^inf t^-beta e^-lambda t dt = lambda^(beta-1) Gamma(1-beta, lambda t0)
  private static double logCutoffNorm(double beta, double lambda, double xMin) {
    if (!(lambda > 0) || beta > 30 || beta < -5) {
      return Double.NaN;
    }
    double sum = 0;
    for (int k = 0; k < DIRECT_TERMS; k++) {
      double x = xMin + k;
      sum += Math.exp(-beta * Math.log(x) - lambda * x);
    }
    double t0 = xMin + DIRECT_TERMS - 0.5;
    double rest = Math.exp((beta - 1) * Math.log(lambda)) * Gamma.upperIncomplete(1 - beta, lambda * t0);
    return Math.log(sum + rest);
  }
}
