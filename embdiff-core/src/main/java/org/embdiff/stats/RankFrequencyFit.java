package org.embdiff.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Least-squares fits of log10 f(r) against log10 r on log-spaced ranks: one straight line (the
 * log-log OLS slope, shown only for comparison with the MLE) and a continuous two-segment line
 * whose break rank minimises the squared error (head exponent about 1, tail about 2 in large
 * corpora; Ferrer i Cancho & Solé 2001).
 *
 * @param olsAlpha minus the slope of one line over all ranks (comparison only: biased, no CI)
 * @param olsR2 its coefficient of determination
 * @param alphaHead minus the slope before the break
 * @param alphaTail minus the slope after the break
 * @param breakRank the rank where the slopes change
 * @param twoRegimeR2 the two-segment fit's R^2
 * @param points log-spaced ranks used
 * @param how estimator and parameters
 */
public record RankFrequencyFit(double olsAlpha, double olsR2, double alphaHead, double alphaTail, long breakRank,
    double twoRegimeR2, int points, Computation how) {

  /** Fits the rank-frequency curve of {@code counts} (sorted descending) on up to {@code maxPoints} ranks. */
  public static RankFrequencyFit fit(Counts counts, int maxPoints) {
    int types = counts.size();
    if (types < 10) {
      throw new IllegalArgumentException("too few types for a rank-frequency fit: " + types + " (need 10)");
    }
    // log-spaced distinct ranks 1..types
    double[] xs = new double[maxPoints];
    double[] ys = new double[maxPoints];
    int m = 0;
    long prev = 0;
    for (int k = 0; k < maxPoints; k++) {
      long r = Math.round(Math.pow(types, k / (maxPoints - 1.0)));
      if (r <= prev) {
        continue;
      }
      prev = r;
      xs[m] = Math.log10(r);
      ys[m++] = Math.log10(counts.count((int) r - 1));
    }
    double[] line = ols(xs, ys, m);
    double sst = sst(ys, m);
    double bestSse = Double.POSITIVE_INFINITY;
    double[] best = null;
    double bestBreak = 0;
    int margin = Math.max(3, m / 20);
    for (int b = margin; b < m - margin; b++) {
      double xb = xs[b];
      double[] fit = twoSegment(xs, ys, m, xb);
      if (fit != null && fit[3] < bestSse) {
        bestSse = fit[3];
        best = fit;
        bestBreak = xb;
      }
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("points", m);
    params.put("spacing", "log-spaced ranks");
    params.put("breakSearch", "grid over the sampled ranks, " + margin + " points kept on each side");
    Computation how = Computation.exact("least squares on log10 rank vs log10 frequency; two-segment continuous fit",
        params);
    if (best == null) {
      return new RankFrequencyFit(-line[1], 1 - line[2] / sst, Double.NaN, Double.NaN, 0, Double.NaN, m, how);
    }
    return new RankFrequencyFit(-line[1], 1 - line[2] / sst, -best[1], -best[2], Math.round(Math.pow(10, bestBreak)),
        1 - bestSse / sst, m, how);
  }

  private static double sst(double[] y, int m) {
    double mean = 0;
    for (int i = 0; i < m; i++) {
      mean += y[i];
    }
    mean /= m;
    double s = 0;
    for (int i = 0; i < m; i++) {
      s += (y[i] - mean) * (y[i] - mean);
    }
    return s;
  }

  /** {intercept, slope, sse} of y = a + b x. */
  static double[] ols(double[] x, double[] y, int m) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < m; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= m;
    my /= m;
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < m; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    double b = sxy / sxx;
    double a = my - b * mx;
    double sse = 0;
    for (int i = 0; i < m; i++) {
      double r = y[i] - a - b * x[i];
      sse += r * r;
    }
    return new double[] {a, b, sse};
  }

  /** {c, s1, s2, sse} of y = c + s1 min(x, xb) + s2 max(x - xb, 0), by 3x3 normal equations. */
  private static double[] twoSegment(double[] x, double[] y, int m, double xb) {
    double[][] a = new double[3][4];
    for (int i = 0; i < m; i++) {
      double[] f = {1, Math.min(x[i], xb), Math.max(x[i] - xb, 0)};
      for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 3; c++) {
          a[r][c] += f[r] * f[c];
        }
        a[r][3] += f[r] * y[i];
      }
    }
    // Gaussian elimination with partial pivoting
    for (int col = 0; col < 3; col++) {
      int piv = col;
      for (int r = col + 1; r < 3; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
          piv = r;
        }
      }
      double[] t = a[col];
      a[col] = a[piv];
      a[piv] = t;
      if (Math.abs(a[col][col]) < 1e-12) {
        return null;
      }
      for (int r = 0; r < 3; r++) {
        if (r != col) {
          double f = a[r][col] / a[col][col];
          for (int c = col; c < 4; c++) {
            a[r][c] -= f * a[col][c];
          }
        }
      }
    }
    double c0 = a[0][3] / a[0][0];
    double s1 = a[1][3] / a[1][1];
    double s2 = a[2][3] / a[2][2];
    double sse = 0;
    for (int i = 0; i < m; i++) {
      double r = y[i] - c0 - s1 * Math.min(x[i], xb) - s2 * Math.max(x[i] - xb, 0);
      sse += r * r;
    }
    return new double[] {c0, s1, s2, sse};
  }
}
