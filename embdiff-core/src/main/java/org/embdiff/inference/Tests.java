package org.embdiff.inference;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Tests of a difference between two samples: a permutation test and the Wilcoxon signed-rank test. */
public final class Tests {
  private Tests() {}

  /**
   * The result of a Wilcoxon signed-rank test.
   *
   * @param pairs pairs given
   * @param nonZero pairs with a non-zero difference (the ranked ones)
   * @param wPlus sum of the ranks of the positive differences
   * @param z normal approximation of W+ (tie- and continuity-corrected)
   * @param pTwoSided two-sided p
   */
  public record SignedRankTest(int pairs, int nonZero, double wPlus, double z, double pTwoSided) {}

  /** Arithmetic mean; NaN for an empty array. */
  public static double mean(double[] x) {
    if (x.length == 0) {
      return Double.NaN;
    }
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  /**
   * Two-sample permutation test of mean(y) - mean(x): the p-value is (1 + #{permuted statistics as
   * or more extreme}) / (1 + permutations) (Phipson &amp; Smyth 2010).
   */
  public static double permutation(double[] x, double[] y, int permutations, SplittableRandom random,
      Direction alternative) {
    if (x.length == 0 || y.length == 0) {
      throw new IllegalArgumentException("permutation test needs two non-empty samples, got " + x.length + " and "
          + y.length);
    }
    double[] pooled = new double[x.length + y.length];
    System.arraycopy(x, 0, pooled, 0, x.length);
    System.arraycopy(y, 0, pooled, x.length, y.length);
    double total = 0;
    for (double v : pooled) {
      total += v;
    }
    double observed = mean(y) - mean(x);
    int extreme = 0;
    for (int p = 0; p < permutations; p++) {
      // a partial Fisher-Yates shuffle draws the y group; x's sum follows from the total
      double sy = 0;
      for (int i = 0; i < y.length; i++) {
        int j = i + random.nextInt(pooled.length - i);
        double t = pooled[i];
        pooled[i] = pooled[j];
        pooled[j] = t;
        sy += pooled[i];
      }
      double stat = sy / y.length - (total - sy) / x.length;
      boolean asExtreme = switch (alternative) {
        case GREATER -> stat >= observed - 1e-12;
        case LESS -> stat <= observed + 1e-12;
        case EITHER -> Math.abs(stat) >= Math.abs(observed) - 1e-12;
      };
      if (asExtreme) {
        extreme++;
      }
    }
    return (1.0 + extreme) / (1.0 + permutations);
  }

  /**
   * Wilcoxon signed-rank test of y - x (zero differences dropped, average ranks for ties, normal
   * approximation with tie correction and continuity correction; Wilcoxon 1945).
   */
  public static SignedRankTest signedRank(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("paired samples differ in length: " + x.length + " vs " + y.length);
    }
    double[] d = new double[x.length];
    int m = 0;
    for (int i = 0; i < x.length; i++) {
      double v = y[i] - x[i];
      if (v != 0) {
        d[m++] = v;
      }
    }
    if (m == 0) {
      return new SignedRankTest(x.length, 0, 0, 0, 1);
    }
    double[] abs = new double[m];
    for (int i = 0; i < m; i++) {
      abs[i] = Math.abs(d[i]);
    }
    double[] ranks = Correlation.ranks(abs);
    double wPlus = 0;
    for (int i = 0; i < m; i++) {
      if (d[i] > 0) {
        wPlus += ranks[i];
      }
    }
    double mu = m * (m + 1) / 4.0;
    double var = m * (m + 1) * (2.0 * m + 1) / 24.0 - tieCorrection(abs) / 48.0;
    double diff = wPlus - mu;
    double z = var <= 0 ? 0 : (diff - Math.signum(diff) * 0.5) / Math.sqrt(var);
    double p = Math.min(1, 2 * Normal.cdf(-Math.abs(z)));
    return new SignedRankTest(x.length, m, wPlus, z, p);
  }

  /**
   * Student-t interval of the mean: mean ± t_{n-1, (1+level)/2} · s / sqrt(n).
   *
   * @throws IllegalArgumentException for fewer than two values
   */
  public static Interval tInterval(double[] x, double level) {
    if (x.length < 2) {
      throw new IllegalArgumentException("t-interval needs at least 2 values, got " + x.length);
    }
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    double half = StudentT.quantile((1 + level) / 2, x.length - 1) * Math.sqrt(s / (x.length - 1)) / Math.sqrt(x.length);
    return new Interval(m, m - half, m + half, level, "t-interval over " + x.length + " values");
  }

  private static double tieCorrection(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    double c = 0;
    int i = 0;
    while (i < s.length) {
      int j = i;
      while (j + 1 < s.length && s[j + 1] == s[i]) {
        j++;
      }
      double t = j - i + 1;
      c += t * t * t - t;
      i = j + 1;
    }
    return c;
  }
}
