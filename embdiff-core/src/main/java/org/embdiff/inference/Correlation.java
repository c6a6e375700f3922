package org.embdiff.inference;

import java.util.Arrays;

/**
 * Pearson's r and Spearman's rho as scipy.stats computes them (rho = Pearson's r of average ranks),
 * both clamped to [-1, 1]; NaN for fewer than 2 pairs or a constant input.
 */
public final class Correlation {
  private Correlation() {}

  /** Pearson's r. */
  public static double pearson(double[] x, double[] y) {
    checkLengths(x, y);
    int n = x.length;
    if (n < 2) {
      return Double.NaN;
    }
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    if (sxx == 0 || syy == 0) {
      return Double.NaN;
    }
    return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  }

  /** Spearman's rho: Pearson's r of the ranks, ties given their average rank. */
  public static double spearman(double[] x, double[] y) {
    checkLengths(x, y);
    return pearson(ranks(x), ranks(y));
  }

  /** Two-sided p-value of r under H0: rho = 0, from t = r sqrt((n-2)/(1-r^2)) with n - 2 df (scipy's pearsonr). */
  public static double pValue(double r, int n) {
    if (Double.isNaN(r) || n < 3) {
      return Double.NaN;
    }
    if (Math.abs(r) == 1) {
      return 0;
    }
    double t = r * Math.sqrt((n - 2) / ((1 - r) * (1 + r)));
    return StudentT.twoSidedP(t, n - 2);
  }

  /** 1-based ranks, ties averaged. */
  public static double[] ranks(double[] v) {
    int n = v.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
    double[] ranks = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && v[order[j + 1]] == v[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int t = i; t <= j; t++) {
        ranks[order[t]] = rank;
      }
      i = j + 1;
    }
    return ranks;
  }

  private static void checkLengths(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("sample lengths differ: " + x.length + " != " + y.length);
    }
  }
}
