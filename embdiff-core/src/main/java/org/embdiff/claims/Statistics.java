package org.embdiff.claims;

import it.unimi.dsi.fastutil.doubles.DoubleArrays;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Interval estimates and tests used by the transfer, attention and claims analyses. All
 * resampling is seeded; every method names its procedure in the {@link Interval#method()} it
 * returns.
 */
public final class Statistics {
  private Statistics() {}

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

  /** Sample standard deviation (n - 1 denominator); 0 for fewer than two values. */
  public static double sd(double[] x) {
    if (x.length < 2) {
      return 0;
    }
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return Math.sqrt(s / (x.length - 1));
  }

  /**
   * Student-t interval of the mean: mean ± t_{n-1, (1+level)/2} · sd / sqrt(n).
   *
   * @throws IllegalArgumentException for fewer than two values
   */
  public static Interval tInterval(double[] x, double level) {
    if (x.length < 2) {
      throw new IllegalArgumentException("t-interval needs at least 2 values, got " + x.length);
    }
    double m = mean(x);
    double half = studentTQuantile((1 + level) / 2, x.length - 1) * sd(x) / Math.sqrt(x.length);
    return new Interval(m, m - half, m + half, level, "t-interval over " + x.length + " values");
  }

  /** Percentile-bootstrap interval of the mean of {@code x} (resampling values). */
  public static Interval bootstrapMean(double[] x, int resamples, long seed, double level) {
    requireResamples(x.length, resamples);
    SplittableRandom random = new SplittableRandom(seed);
    double[] stats = new double[resamples];
    for (int b = 0; b < resamples; b++) {
      double s = 0;
      for (int i = 0; i < x.length; i++) {
        s += x[random.nextInt(x.length)];
      }
      stats[b] = s / x.length;
    }
    return percentile(mean(x), stats, level, "percentile bootstrap of the mean, " + resamples + " resamples");
  }

  /**
   * Percentile-bootstrap interval of mean(y) - mean(x) for two independent samples (each resampled
   * separately).
   */
  public static Interval bootstrapMeanDifference(double[] x, double[] y, int resamples, long seed, double level) {
    requireResamples(Math.min(x.length, y.length), resamples);
    SplittableRandom random = new SplittableRandom(seed);
    double[] stats = new double[resamples];
    for (int b = 0; b < resamples; b++) {
      double sx = 0;
      double sy = 0;
      for (int i = 0; i < x.length; i++) {
        sx += x[random.nextInt(x.length)];
      }
      for (int i = 0; i < y.length; i++) {
        sy += y[random.nextInt(y.length)];
      }
      stats[b] = sy / y.length - sx / x.length;
    }
    return percentile(mean(y) - mean(x), stats, level,
        "percentile bootstrap of mean(B) - mean(A), independent samples, " + resamples + " resamples");
  }

  /** Percentile-bootstrap interval of the mean paired difference mean(y_i - x_i). */
  public static Interval pairedBootstrap(double[] x, double[] y, int resamples, long seed, double level) {
    requireSameLength(x, y);
    double[] d = new double[x.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = y[i] - x[i];
    }
    Interval ci = bootstrapMean(d, resamples, seed, level);
    return new Interval(ci.estimate(), ci.lo(), ci.hi(), level,
        "paired percentile bootstrap of mean(B - A) over " + d.length + " pairs, " + resamples + " resamples");
  }

  /**
   * Two-sample permutation test of mean(y) - mean(x): the p-value is (1 + #{permuted statistics as
   * or more extreme}) / (1 + permutations) (Phipson & Smyth 2010).
   */
  public static double permutationTest(double[] x, double[] y, int permutations, long seed, Direction alternative) {
    if (x.length == 0 || y.length == 0) {
      throw new IllegalArgumentException("permutation test needs two non-empty samples, got " + x.length + " and " + y.length);
    }
    double[] pooled = new double[x.length + y.length];
    System.arraycopy(x, 0, pooled, 0, x.length);
    System.arraycopy(y, 0, pooled, x.length, y.length);
    double total = 0;
    for (double v : pooled) {
      total += v;
    }
    double observed = mean(y) - mean(x);
    SplittableRandom random = new SplittableRandom(seed);
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
        case DIFFERENT -> Math.abs(stat) >= Math.abs(observed) - 1e-12;
      };
      if (asExtreme) {
        extreme++;
      }
    }
    return (1.0 + extreme) / (1.0 + permutations);
  }

  /** The result of a Wilcoxon signed-rank test. */
  public record SignedRankTest(int pairs, int nonZero, double wPlus, double z, double pTwoSided) {}

  /**
   * Wilcoxon signed-rank test of y - x (zero differences dropped, average ranks for ties, normal
   * approximation with tie correction and continuity correction; Wilcoxon 1945).
   */
  public static SignedRankTest wilcoxonSignedRank(double[] x, double[] y) {
    requireSameLength(x, y);
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
    double[] ranks = ranks(abs);
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
    double p = Math.min(1, 2 * normalCdf(-Math.abs(z)));
    return new SignedRankTest(x.length, m, wPlus, z, p);
  }

  /** Spearman rank correlation (Pearson correlation of average ranks); NaN when a side is constant. */
  public static double spearman(double[] x, double[] y) {
    requireSameLength(x, y);
    return pearson(ranks(x), ranks(y));
  }

  /** Pearson correlation; NaN when a side is constant or fewer than two values. */
  public static double pearson(double[] x, double[] y) {
    requireSameLength(x, y);
    int n = x.length;
    if (n < 2) {
      return Double.NaN;
    }
    double mx = mean(x);
    double my = mean(y);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double a = x[i] - mx;
      double b = y[i] - my;
      sxy += a * b;
      sxx += a * a;
      syy += b * b;
    }
    return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
  }

  /**
   * Percentile-bootstrap interval of Spearman's rho, resampling (x_i, y_i) pairs. Each resample's
   * ranks come from the multiplicities of the drawn items along the two presorted orders (O(n)
   * per resample, exact average ranks for ties and repeated draws).
   */
  public static Interval spearmanBootstrap(double[] x, double[] y, int resamples, long seed, double level) {
    requireSameLength(x, y);
    requireResamples(x.length, resamples);
    int n = x.length;
    int[] orderX = sortedOrder(x);
    int[] orderY = sortedOrder(y);
    SplittableRandom random = new SplittableRandom(seed);
    double[] stats = new double[resamples];
    int[] count = new int[n];
    double[] rx = new double[n];
    double[] ry = new double[n];
    int valid = 0;
    for (int b = 0; b < resamples; b++) {
      Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[random.nextInt(n)]++;
      }
      resampledRanks(x, orderX, count, rx);
      resampledRanks(y, orderY, count, ry);
      // Pearson correlation of the ranks, each item weighted by how often it was drawn
      double sx = 0;
      double sy = 0;
      for (int j = 0; j < n; j++) {
        sx += count[j] * rx[j];
        sy += count[j] * ry[j];
      }
      double mx = sx / n;
      double my = sy / n;
      double sxy = 0;
      double sxx = 0;
      double syy = 0;
      for (int j = 0; j < n; j++) {
        if (count[j] == 0) {
          continue;
        }
        double dx = rx[j] - mx;
        double dy = ry[j] - my;
        sxy += count[j] * dx * dy;
        sxx += count[j] * dx * dx;
        syy += count[j] * dy * dy;
      }
      if (sxx > 0 && syy > 0) {
        stats[valid++] = sxy / Math.sqrt(sxx * syy);
      }
    }
    return percentile(spearman(x, y), Arrays.copyOf(stats, valid), level,
        "Spearman rho, percentile bootstrap over " + n + " pairs, " + resamples + " resamples");
  }

  private static int[] sortedOrder(double[] x) {
    int[] order = new int[x.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    DoubleArrays.radixSortIndirect(order, x, true);
    return order;
  }

  /** Average ranks of a resample given by {@code count} (draws per item), along the presorted {@code order}. */
  private static void resampledRanks(double[] v, int[] order, int[] count, double[] ranks) {
    int n = order.length;
    int i = 0;
    long position = 0;
    while (i < n) {
      int j = i;
      long drawn = count[order[i]];
      while (j + 1 < n && v[order[j + 1]] == v[order[i]]) {
        j++;
        drawn += count[order[j]];
      }
      double rank = position + (drawn + 1) / 2.0;
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = rank;
      }
      position += drawn;
      i = j + 1;
    }
  }

  /** Average ranks (1-based) of {@code x}; ties share the mean of their ranks. */
  public static double[] ranks(double[] x) {
    int n = x.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // primitive indirect radix sort: no boxing (this runs inside bootstrap loops)
    DoubleArrays.radixSortIndirect(order, x, true);
    double[] r = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && x[order[j + 1]] == x[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        r[order[k]] = rank;
      }
      i = j + 1;
    }
    return r;
  }

  /** The {@code q}-quantile (0..1) of {@code x} by linear interpolation between order statistics. */
  public static double quantile(double[] x, double q) {
    if (x.length == 0) {
      return Double.NaN;
    }
    double[] s = x.clone();
    Arrays.sort(s);
    return quantileSorted(s, q);
  }

  static double quantileSorted(double[] s, double q) {
    double pos = q * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(s.length - 1, lo + 1);
    return s[lo] + (pos - lo) * (s[hi] - s[lo]);
  }

  /** Standard normal CDF, through {@link #erfc(double)}. */
  public static double normalCdf(double z) {
    return 0.5 * erfc(-z / Math.sqrt(2));
  }

  /** Complementary error function, Numerical Recipes {@code erfcc} (relative error < 1.2e-7). */
  static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? r : 2 - r;
  }

  /** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
  public static double normalQuantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("p must be in (0, 1), got " + p);
    }
    double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
        -3.066479806614716e+01, 2.506628277459239e+00};
    double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
        -1.328068155288572e+01};
    double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
        4.374664141464968e+00, 2.938163982698783e+00};
    double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
    double low = 0.02425;
    if (p < low) {
      double q = Math.sqrt(-2 * Math.log(p));
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - low) {
      return -normalQuantile(1 - p);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }

  /**
   * Student-t quantile: exact for 1 and 2 degrees of freedom, otherwise the Cornish-Fisher
   * expansion around the normal quantile (Abramowitz & Stegun 26.7.5; error below 1e-3 for df >= 3
   * at the 0.975 quantile).
   */
  public static double studentTQuantile(double p, int df) {
    if (df < 1) {
      throw new IllegalArgumentException("degrees of freedom must be >= 1, got " + df);
    }
    if (df == 1) {
      return Math.tan(Math.PI * (p - 0.5));
    }
    if (df == 2) {
      return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
    }
    double z = normalQuantile(p);
    double z2 = z * z;
    double g1 = (z2 + 1) * z / 4;
    double g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
    double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
    double g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
    double v = df;
    return z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v);
  }

  private static Interval percentile(double estimate, double[] stats, double level, String method) {
    if (stats.length == 0) {
      return new Interval(estimate, Double.NaN, Double.NaN, level, method + " (no valid resample)");
    }
    Arrays.sort(stats);
    double alpha = (1 - level) / 2;
    return new Interval(estimate, quantileSorted(stats, alpha), quantileSorted(stats, 1 - alpha), level, method);
  }

  private static double tieCorrection(double[] sortedOrNot) {
    double[] s = sortedOrNot.clone();
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

  private static void requireSameLength(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("paired samples differ in length: " + x.length + " vs " + y.length);
    }
  }

  private static void requireResamples(int n, int resamples) {
    if (n < 1) {
      throw new IllegalArgumentException("bootstrap needs at least one value");
    }
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
    }
  }
}
