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

  /**
   * Spearman's rho of resamples of the pairs (x_i, y_i): {@code of(items)} equals
   * {@code spearman(x[items], y[items])} bit for bit. Each resample's average ranks are read off the full
   * sample's sort orders and the items' multiplicities, O(n) per resample instead of two sorts.
   */
  public static Statistic spearmanOfItems(double[] x, double[] y) {
    checkLengths(x, y);
    if (hasNaN(x) || hasNaN(y)) {
      // ranks gives each copy of a NaN its own rank in resample order: sort each resample as it does
      return items -> spearman(Bootstrap.values(x, items), Bootstrap.values(y, items));
    }
    return new ResampledSpearman(x, y);
  }

  private static boolean hasNaN(double[] v) {
    for (double d : v) {
      if (Double.isNaN(d)) {
        return true;
      }
    }
    return false;
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

  /**
   * The ranks of a resample from the full sample's order: the items tied in the full sample (a run of
   * equal values in ascending order) are tied in every resample, so a resample's average rank of a tie
   * group is (i + j) / 2 + 1 over the positions i..j its copies occupy, found by counting copies along
   * the full order. The same partition and the same arithmetic as {@link #ranks} (for inputs without NaN).
   */
  private static final class ResampledSpearman implements Statistic {
    private final int n;
    private final int[] orderX;
    private final int[] groupEndX;
    private final int[] orderY;
    private final int[] groupEndY;

    ResampledSpearman(double[] x, double[] y) {
      n = x.length;
      orderX = order(x);
      groupEndX = groupEnds(x, orderX);
      orderY = order(y);
      groupEndY = groupEnds(y, orderY);
    }

    @Override
    public double of(int[] items) {
      int[] copies = new int[n];
      for (int i : items) {
        copies[i]++;
      }
      double[] rankX = ranksOfItems(orderX, groupEndX, copies);
      double[] rankY = ranksOfItems(orderY, groupEndY, copies);
      double[] rx = new double[items.length];
      double[] ry = new double[items.length];
      for (int t = 0; t < items.length; t++) {
        rx[t] = rankX[items[t]];
        ry[t] = rankY[items[t]];
      }
      return pearson(rx, ry);
    }

    private double[] ranksOfItems(int[] order, int[] groupEnd, int[] copies) {
      double[] rank = new double[n];
      int position = 0;
      int g = 0;
      while (g < n) {
        int end = groupEnd[g];
        if (end == g + 1) {
          // an untied value: the general case below with one member, one gather instead of two
          int item = order[g];
          int m = copies[item];
          if (m > 0) {
            int i = position;
            int j = position + m - 1;
            rank[item] = (i + j) / 2.0 + 1;
            position += m;
          }
          g = end;
          continue;
        }
        int m = 0;
        for (int t = g; t < end; t++) {
          m += copies[order[t]];
        }
        if (m > 0) {
          int i = position;
          int j = position + m - 1;
          double r = (i + j) / 2.0 + 1;
          for (int t = g; t < end; t++) {
            rank[order[t]] = r;
          }
          position += m;
        }
        g = end;
      }
      return rank;
    }

    private static int[] order(double[] v) {
      return java.util.stream.IntStream.range(0, v.length).boxed()
          .sorted((a, b) -> Double.compare(v[a], v[b])).mapToInt(Integer::intValue).toArray();
    }

    // groupEnd[g] for the first position g of each run of equal values (as ranks groups them): one past its end
    private static int[] groupEnds(double[] v, int[] order) {
      int[] end = new int[v.length];
      int i = 0;
      while (i < v.length) {
        int j = i;
        while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
          j++;
        }
        end[i] = j + 1;
        i = j + 1;
      }
      return end;
    }
  }

  private static void checkLengths(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("sample lengths differ: " + x.length + " != " + y.length);
    }
  }
}
