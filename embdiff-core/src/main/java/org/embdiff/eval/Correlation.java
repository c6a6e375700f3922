package org.embdiff.eval;

import java.util.Arrays;

/** Pearson and Spearman correlation, as scipy.stats computes them (Spearman = Pearson of average ranks). */
public final class Correlation {
  private Correlation() {}

  /** Pearson's r; NaN when fewer than 2 values or a constant input. */
  public static double pearson(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("sample lengths differ: " + x.length + " != " + y.length);
    }
    int n = x.length;
    if (n < 2) {
      return Double.NaN;
    }
    double mx = 0, my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0, sxx = 0, syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - mx, dy = y[i] - my;
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
    if (x.length != y.length) {
      throw new IllegalArgumentException("sample lengths differ: " + x.length + " != " + y.length);
    }
    return pearson(ranks(x), ranks(y));
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
}
