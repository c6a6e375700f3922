package org.embdiff.replicate;

import java.util.Arrays;

/**
 * The Benjamini-Hochberg (1995) step-up procedure: adjusted p-values q_(i) = min_{j >= i} m p_(j) / j
 * (capped at 1) and the rejections at a false-discovery rate q. Local to this package until the
 * inference package provides one.
 */
public final class BenjaminiHochberg {
  private BenjaminiHochberg() {}

  /** BH-adjusted p-values, in the order of {@code p}. */
  public static double[] adjust(double[] p) {
    int m = p.length;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      if (!(p[i] >= 0 && p[i] <= 1)) {
        throw new IllegalArgumentException("p-value " + i + " is " + p[i] + ", expected in [0, 1]");
      }
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
    double[] q = new double[m];
    double running = 1;
    for (int k = 0; k < m; k++) {
      int i = order[k];
      int rank = m - k;
      running = Math.min(running, p[i] * m / rank);
      q[i] = running;
    }
    return q;
  }

  /** Whether each hypothesis is rejected at false-discovery rate {@code level}. */
  public static boolean[] reject(double[] p, double level) {
    double[] q = adjust(p);
    boolean[] r = new boolean[p.length];
    for (int i = 0; i < p.length; i++) {
      r[i] = q[i] <= level;
    }
    return r;
  }
}
