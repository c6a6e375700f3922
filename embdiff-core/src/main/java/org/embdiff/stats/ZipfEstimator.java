package org.embdiff.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.embdiff.inference.Interval;
import org.embdiff.inference.Normal;
import org.embdiff.inference.Quantiles;
import org.embdiff.util.Seeds;

/**
 * Discrete power-law fit of word frequencies (Clauset, Shalizi &amp; Newman 2009, SIAM Review 51:661):
 * for every distinct frequency x_min leaving at least {@code minTail} types, the exact discrete MLE of
 * beta maximises L(beta) = -n ln zeta(beta, x_min) - beta sum ln x_i (eq. 3.5), and x_min is the
 * candidate whose fit has the smallest Kolmogorov–Smirnov distance to the tail (sec. 3.3). The scan
 * visits every candidate; a candidate's KS distance is a running maximum, so its evaluation stops as
 * soon as it reaches the best distance so far, which cannot change the minimiser. The interval is a
 * percentile bootstrap over types that re-selects x_min in every resample (sec. 3.4); the
 * goodness-of-fit p-value is Clauset's semi-parametric bootstrap (sec. 4.1); the alternatives are
 * compared by likelihood ratios (sec. 5.1: Vuong's test against the lognormal, the nested test against
 * the power law with exponential cut-off).
 */
public final class ZipfEstimator {
  private static final double BETA_LO = 1.0001;
  private static final double BETA_HI = 8;

  /**
   * Settings.
   *
   * @param resamples bootstrap resamples for the interval (0 = asymptotic normal interval; >= 1,000 for 95%)
   * @param level interval level
   * @param minTail the smallest tail (types) an x_min may leave
   * @param goodnessOfFitDraws synthetic data sets for the goodness-of-fit p-value (0 = not computed;
   *     the p-value's standard error is about 0.5 / sqrt(draws))
   * @param seed random seed
   * @param reselectXMin whether each bootstrap resample re-selects x_min (Clauset et al. sec. 3.4; one full scan
   *     per resample, about a second each on a 60k-type list) or holds it at the estimate (the interval then
   *     leaves out the uncertainty of x_min and says so)
   */
  public record Settings(int resamples, double level, int minTail, int goodnessOfFitDraws, long seed,
      boolean reselectXMin) {
    /** Validates. */
    public Settings {
      if (resamples < 0 || !(level > 0 && level < 1) || minTail < 2 || goodnessOfFitDraws < 0) {
        throw new IllegalArgumentException("bad Zipf settings: resamples " + resamples + " (>= 0), level " + level
            + " (in (0, 1)), minTail " + minTail + " (>= 2), goodnessOfFitDraws " + goodnessOfFitDraws + " (>= 0)");
      }
      if (resamples > 0 && level >= 0.95 && resamples < 1000) {
        throw new IllegalArgumentException("a " + Math.round(level * 100) + "% bootstrap interval needs at least 1000 "
            + "resamples, got " + resamples);
      }
    }

    /** 1,000 resamples re-selecting x_min, 95%, tails of at least 50 types, 100 goodness-of-fit draws. */
    public static Settings defaults(long seed) {
      return new Settings(1000, 0.95, 50, 100, seed, true);
    }

    /** The same without resampling (asymptotic interval, no goodness-of-fit p-value): the free fit alone. */
    public Settings pointFit() {
      return new Settings(0, level, minTail, 0, seed, false);
    }
  }

  private final Settings settings;

  /** An estimator with {@code settings}. */
  public ZipfEstimator(Settings settings) {
    this.settings = settings;
  }

  /** An estimator with the default settings. */
  public static ZipfEstimator defaults(long seed) {
    return new ZipfEstimator(Settings.defaults(seed));
  }

  /** Fits the frequencies of {@code counts}. */
  public ZipfFit fit(Counts counts) {
    return fit(counts.counts(), counts.truncated());
  }

  /** Fits frequencies {@code values} (any order; zeros ignored). */
  public ZipfFit fit(long[] values, boolean truncated) {
    Histogram h = Histogram.of(values);
    if (h.values.length < 2 || h.total < settings.minTail()) {
      throw new IllegalArgumentException("too few types for a power-law fit: " + h.total + " (need "
          + settings.minTail() + ")");
    }
    Scan best = scan(h, settings.minTail());
    return finish(h, best, truncated, "x_min by minimum KS distance over all " + candidates(h, settings.minTail())
        + " distinct frequencies leaving >= " + settings.minTail() + " types", settings.reselectXMin());
  }

  /** Fits with x_min fixed at {@code xMin} (no search): for comparing two sides at the same cut. */
  public ZipfFit fitFixedXMin(long[] values, long xMin) {
    Histogram h = Histogram.of(Arrays.stream(values).filter(v -> v >= xMin).toArray());
    if (h.total < 2) {
      throw new IllegalArgumentException("too few types at or above x_min " + xMin + ": " + h.total);
    }
    double beta = mle(h, 0);
    Scan s = new Scan(0, beta, ks(h, 0, beta, Double.POSITIVE_INFINITY));
    return finish(h, s, false, "x_min fixed at " + xMin, false);
  }

  /** Fits the {@code topTypes} most frequent types (x_min = the frequency of the last one kept). */
  public ZipfFit fitTopTypes(long[] values, int topTypes) {
    long[] sorted = Arrays.stream(values).filter(v -> v > 0).sorted().toArray();
    if (sorted.length < topTypes) {
      throw new IllegalArgumentException("only " + sorted.length + " types, " + topTypes + " asked for");
    }
    return fitFixedXMin(sorted, sorted[sorted.length - topTypes]);
  }

  private ZipfFit finish(Histogram h, Scan best, boolean truncated, String xMinRule, boolean reselect) {
    int xi = best.index;
    double beta = best.beta;
    long n = h.tailCount[xi];
    double se = (beta - 1) / Math.sqrt(n);
    Interval betaCi;
    Interval xMinRange = null;
    String ciMethod;
    if (settings.resamples() > 0) {
      SplittableRandom root = new SplittableRandom(settings.seed());
      SplittableRandom[] streams = new SplittableRandom[settings.resamples()];
      for (int r = 0; r < streams.length; r++) {
        streams[r] = root.split();
      }
      double[][] reps = IntStream.range(0, streams.length).parallel().mapToObj(r -> {
        Histogram resampled = h.poissonResample(reselect ? 0 : xi, streams[r]);
        if (resampled.total < (reselect ? settings.minTail() : 2) || resampled.values.length < 2) {
          return new double[] {beta, h.values[xi]};
        }
        Scan s = reselect ? scan(resampled, settings.minTail())
            : new Scan(0, mle(resampled, 0), Double.NaN);
        return new double[] {s.beta, resampled.values[s.index]};
      }).toArray(double[][]::new);
      double[] betas = Arrays.stream(reps).mapToDouble(r -> r[0]).sorted().toArray();
      double[] xMins = Arrays.stream(reps).mapToDouble(r -> r[1]).sorted().toArray();
      double a = (1 - settings.level()) / 2;
      ciMethod = "percentile bootstrap, " + settings.resamples() + " Poisson resamples of the types"
          + (reselect ? ", x_min re-selected in each" : ", x_min fixed");
      betaCi = contain(beta, Quantiles.ofSorted(betas, a), Quantiles.ofSorted(betas, 1 - a), settings.level(),
          ciMethod);
      if (reselect) {
        xMinRange = contain(h.values[xi], Quantiles.ofSorted(xMins, a), Quantiles.ofSorted(xMins, 1 - a),
            settings.level(), "percentile range of the re-selected x_min over " + settings.resamples() + " resamples");
      }
    } else {
      double z = Normal.quantile(1 - (1 - settings.level()) / 2);
      ciMethod = "normal approximation, standard error (beta-1)/sqrt(n), x_min taken as known";
      betaCi = new Interval(beta, beta - z * se, beta + z * se, settings.level(), ciMethod);
    }
    double alpha = 1 / (beta - 1);
    Interval alphaCi = new Interval(alpha, 1 / (betaCi.upper() - 1), 1 / (Math.max(betaCi.lower(), BETA_LO) - 1),
        settings.level(), betaCi.method() + "; alpha = 1/(beta-1)");
    double gofP = reselect && settings.goodnessOfFitDraws() > 0 ? goodnessOfFit(h, best) : Double.NaN;
    ZipfAlternatives alternatives = ZipfAlternatives.compare(h.tail(xi), beta);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("xMinRule", xMinRule);
    params.put("minTailTypes", settings.minTail());
    params.put("betaSearch", "golden section on [" + BETA_LO + ", " + BETA_HI + "]");
    params.put("level", settings.level());
    params.put("goodnessOfFitDraws", settings.goodnessOfFitDraws());
    return new ZipfFit(beta, betaCi, se, alpha, alphaCi, h.values[xi], xMinRange, n, best.ks, gofP, alternatives,
        truncated, new Computation("discrete power-law MLE of P(f) ∝ f^-beta, " + xMinRule
            + " (Clauset, Shalizi & Newman 2009); alpha = 1/(beta-1)", params, ciMethod,
            settings.resamples() > 0 || settings.goodnessOfFitDraws() > 0 ? settings.seed() : null));
  }

  private static Interval contain(double estimate, double lower, double upper, double level, String method) {
    if (lower <= estimate && estimate <= upper) {
      return new Interval(estimate, lower, upper, level, method);
    }
    return new Interval(estimate, Math.min(lower, estimate), Math.max(upper, estimate), level,
        method + ", widened to contain the estimate");
  }

  /**
   * Clauset et al. (2009) sec. 4.1: synthetic data sets of the same size, each value drawn with
   * probability n_tail/n from the fitted power law above x_min (Appendix D, eq. D.6 approximation) and
   * otherwise from the observed values below x_min; each is fitted the same way (x_min re-selected),
   * and p is the share whose KS distance is at least the observed one.
   */
  private double goodnessOfFit(Histogram h, Scan observed) {
    int xi = observed.index;
    long xMin = h.values[xi];
    long n = h.total;
    long nTail = h.tailCount[xi];
    long[] belowTypes = new long[xi + 1];
    for (int j = 0; j < xi; j++) {
      belowTypes[j + 1] = belowTypes[j] + h.freq[j];
    }
    long below = belowTypes[xi];
    SplittableRandom root = new SplittableRandom(Seeds.derive(settings.seed(), "goodness-of-fit"));
    SplittableRandom[] streams = new SplittableRandom[settings.goodnessOfFitDraws()];
    for (int r = 0; r < streams.length; r++) {
      streams[r] = root.split();
    }
    long atLeast = IntStream.range(0, streams.length).parallel().filter(r -> {
      SplittableRandom rnd = streams[r];
      // the values below x_min are counted per observed value; only the power-law draws need sorting
      long[] belowFreq = new long[xi];
      long[] tail = new long[(int) n];
      int tailDrawn = 0;
      for (int i = 0; i < n; i++) {
        if (below == 0 || rnd.nextDouble() * n < nTail) {
          double x;
          do {
            // values beyond 1e15 are redrawn: they would overflow the counts' arithmetic and no list holds them
            x = Math.floor((xMin - 0.5) * Math.pow(1 - rnd.nextDouble(), -1 / (observed.beta - 1)) + 0.5);
          } while (x > 1e15);
          tail[tailDrawn++] = (long) x;
        } else {
          // a uniform draw over the types below x_min is a draw of their values with the observed frequencies
          long t = rnd.nextLong(below);
          int j = java.util.Arrays.binarySearch(belowTypes, t);
          belowFreq[j >= 0 ? j : -j - 2]++;
        }
      }
      Histogram s = Histogram.join(h.values, belowFreq, Histogram.of(Arrays.copyOf(tail, tailDrawn)));
      if (s.total < settings.minTail() || s.values.length < 2) {
        return false;
      }
      return scan(s, settings.minTail()).ks >= observed.ks;
    }).count();
    return atLeast / (double) streams.length;
  }

  private record Scan(int index, double beta, double ks) {}

  private static int candidates(Histogram h, int minTail) {
    int last = h.values.length - 1;
    while (last > 0 && h.tailCount[last] < minTail) {
      last--;
    }
    return last + 1;
  }

  // Every candidate x_min in ascending order; a KS evaluation stops once it reaches the best so far.
  private static Scan scan(Histogram h, int minTail) {
    int count = candidates(h, minTail);
    // a first winner from a coarse subset makes the pruning effective from the start
    int stride = Math.max(1, count / 64);
    KsScratch scratch = new KsScratch(h.values.length);
    Scan winner = null;
    for (int i = 0; i < count; i += stride) {
      double beta = mle(h, i);
      double d = ks(h, i, beta, winner == null ? Double.POSITIVE_INFINITY : winner.ks, scratch);
      if (winner == null || d < winner.ks) {
        winner = new Scan(i, beta, d);
      }
    }
    // the smallest distance wins, the lowest x_min among equal ones (nextUp admits a tie below the winner)
    double previousBeta = Double.NaN;
    double previousApproximation = Double.NaN;
    for (int i = 0; i < count; i++) {
      double approximation = continuousApproximation(h, i);
      double beta = mle(h, i, previousBeta + (approximation - previousApproximation));
      previousBeta = beta;
      previousApproximation = approximation;
      if (i == winner.index) {
        continue;
      }
      double stopAt = i < winner.index ? Math.nextUp(winner.ks) : winner.ks;
      double d = ks(h, i, beta, stopAt, scratch);
      if (d < stopAt) {
        winner = new Scan(i, beta, d);
      }
    }
    return winner;
  }

  /**
   * Exact discrete MLE for the tail from position {@code xi}: maximise -n ln zeta(beta, xmin) - beta * logSum.
   * Newton steps on central differences from the continuous approximation 1 + n / sum ln(x / (xmin - 1/2))
   * (Clauset et al. 2009, eq. 3.7); golden-section search on [BETA_LO, BETA_HI] when they do not converge.
   */
  static double mle(Histogram h, int xi) {
    return mle(h, xi, Double.NaN);
  }

  /** The continuous approximation 1 + n / sum ln(x / (xmin - 1/2)) (Clauset et al. 2009, eq. 3.7); NaN at xmin 1. */
  static double continuousApproximation(Histogram h, int xi) {
    double xmin = h.values[xi];
    long n = h.tailCount[xi];
    return xmin > 1 ? 1 + n / (h.tailLogSum[xi] - n * Math.log(xmin - 0.5)) : Double.NaN;
  }

  /**
   * The MLE with Newton started at {@code start} (NaN: the continuous approximation). In a scan the
   * previous candidate's MLE shifted by the change of the continuous approximation is within about
   * 1e-6 of the root, so one Newton step ends it; the root is the same.
   */
  static double mle(Histogram h, int xi, double start) {
    double xmin = h.values[xi];
    double lnx = h.logValue[xi];
    long n = h.tailCount[xi];
    double logSum = h.tailLogSum[xi];
    double beta = Double.isFinite(start) ? start : continuousApproximation(h, xi);
    double step = 1e-4;
    for (int it = 0; it < 30 && beta > BETA_LO + step && beta < BETA_HI - step; it++) {
      double f0 = negLogLik(beta, xmin, lnx, n, logSum);
      double fp = negLogLik(beta + step, xmin, lnx, n, logSum);
      double fm = negLogLik(beta - step, xmin, lnx, n, logSum);
      double g = (fp - fm) / (2 * step);
      double curvature = (fp - 2 * f0 + fm) / (step * step);
      if (!(curvature > 0)) {
        break;
      }
      double move = g / curvature;
      beta -= move;
      // quadratic convergence: after a step below 1e-7 the next would move beta by about 1e-14
      if (Math.abs(move) < 1e-7) {
        return beta;
      }
    }
    return goldenSection(xmin, lnx, n, logSum);
  }

  private static double goldenSection(double xmin, double lnx, long n, double logSum) {
    double a = BETA_LO;
    double b = BETA_HI;
    double g = (Math.sqrt(5) - 1) / 2;
    double c = b - g * (b - a);
    double d = a + g * (b - a);
    double fc = negLogLik(c, xmin, lnx, n, logSum);
    double fd = negLogLik(d, xmin, lnx, n, logSum);
    for (int it = 0; it < 80 && b - a > 1e-10; it++) {
      if (fc < fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - g * (b - a);
        fc = negLogLik(c, xmin, lnx, n, logSum);
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + g * (b - a);
        fd = negLogLik(d, xmin, lnx, n, logSum);
      }
    }
    return (a + b) / 2;
  }

  private static double negLogLik(double beta, double xmin, double lnx, long n, double logSum) {
    return n * Math.log(zeta(beta, xmin, lnx)) + beta * logSum;
  }

  /**
   * KS distance between the tail's empirical CDF and the fitted discrete CDF
   * P(X <= x) = 1 - zeta(beta, x + 1) / zeta(beta, x_min), checked at each observed value and just
   * before the next one (where the step functions differ most); stops early once it reaches
   * {@code stopAt} (the distance is then at least that).
   */
  static double ks(Histogram h, int xi, double beta, double stopAt) {
    return ks(h, xi, beta, stopAt, new KsScratch(h.values.length));
  }

  /** Reusable arrays of one thread's KS evaluations over one histogram (the CDFs at the evaluated positions). */
  static final class KsScratch {
    final double[] empirical;
    final double[] model;
    final int[] stack;
    int hint = -1;

    KsScratch(int positions) {
      empirical = new double[positions];
      model = new double[positions];
      stack = new int[2 * 64 * (33 + 2)];
    }
  }

  /** Coarse segments of a KS evaluation before refinement. */
  private static final int KS_SEGMENTS = 64;
  /** Bounds within this of the best gap so far are refined, so rounding never hides the maximum. */
  private static final double KS_SLACK = 1e-12;

  /*
   * Branch and bound over the tail's positions: both CDFs are non-decreasing, so between two evaluated
   * positions p < q no gap exceeds max(S(q) - P(p), P(q) - S(p)). The positions are evaluated on a
   * coarse grid first (and at the last evaluation's peak, where neighbouring candidates tend to
   * peak), then only the segments whose bound reaches the largest gap found are bisected. The result
   * is the exact maximum over all positions unless it stops early at stopAt.
   */
  private static double ks(Histogram h, int xi, double beta, double stopAt, KsScratch w) {
    int m = h.values.length;
    double z0 = Special.hurwitzZeta(beta, h.values[xi]);
    double n = h.tailCount[xi];
    double d = 0;
    int peak = xi;
    int hj = w.hint;
    if (hj > xi && hj < m) {
      d = gap(h, xi, hj, beta, z0, n, w);
      peak = hj;
      if (d >= stopAt) {
        return d;
      }
    }
    int last = m - 1;
    int step = Math.max(1, (last - xi) / KS_SEGMENTS);
    int previous = xi;
    double g = gap(h, xi, xi, beta, z0, n, w);
    if (g > d) {
      d = g;
      peak = xi;
    }
    int top = 0;
    int[] stack = w.stack;
    for (int j = Math.min(last, xi + step); xi < last; j = Math.min(last, j + step)) {
      g = gap(h, xi, j, beta, z0, n, w);
      if (g > d) {
        d = g;
        peak = j;
      }
      if (d >= stopAt) {
        w.hint = peak;
        return d;
      }
      if (j - previous > 1) {
        stack[top++] = previous;
        stack[top++] = j;
      }
      previous = j;
      if (j == last) {
        break;
      }
    }
    int[] s = stack;
    while (top > 0) {
      int q = s[--top];
      int p = s[--top];
      double bound = Math.max(w.empirical[q] - w.model[p], w.model[q] - w.empirical[p]);
      if (bound < d - KS_SLACK) {
        continue;
      }
      int mid = (p + q) >>> 1;
      g = gap(h, xi, mid, beta, z0, n, w);
      if (g > d) {
        d = g;
        peak = mid;
        if (d >= stopAt) {
          w.hint = peak;
          return d;
        }
      }
      if (top + 4 > s.length) {
        s = java.util.Arrays.copyOf(s, 2 * s.length);
      }
      if (mid - p > 1) {
        s[top++] = p;
        s[top++] = mid;
      }
      if (q - mid > 1) {
        s[top++] = mid;
        s[top++] = q;
      }
    }
    w.hint = peak;
    return d;
  }

  // the larger CDF gap at position j: after its value, and just before it when a frequency is skipped
  private static double gap(Histogram h, int xi, int j, double beta, double z0, double n, KsScratch w) {
    int m = h.values.length;
    double base = h.tailCount[xi];
    double empirical = (base - (j + 1 < m ? h.tailCount[j + 1] : 0)) / n;
    double model = 1 - zeta(beta, h.values[j] + 1, h.logNext[j]) / z0;
    w.empirical[j] = empirical;
    w.model[j] = model;
    double g = Math.abs(empirical - model);
    if (j > xi && h.values[j] - 1 > h.values[j - 1]) {
      double before = (base - h.tailCount[j]) / n;
      g = Math.max(g, Math.abs(before - (1 - zeta(beta, h.values[j], h.logValue[j]) / z0)));
    }
    return g;
  }

  /** zeta(s, q) with ln q known: {@link Special#hurwitzZeta}'s Euler–Maclaurin series, one exp instead of pow. */
  static double zeta(double s, double q, double lnq) {
    if (q < 16) {
      return Special.hurwitzZeta(s, q);
    }
    double as = Math.exp(-s * lnq);
    double inv = 1 / q;
    double inv2 = inv * inv;
    double term = s * as * inv;
    double sum = q * as / (s - 1) + as / 2 + term / 12;
    term *= (s + 1) * (s + 2) * inv2;
    sum -= term / 720;
    term *= (s + 3) * (s + 4) * inv2;
    sum += term / 30240;
    term *= (s + 5) * (s + 6) * inv2;
    return sum - term / 1209600;
  }

  /**
   * The frequencies as a histogram: distinct values ascending, how many types have each, and the
   * tail sizes and tail sums of logs from each position.
   */
  static final class Histogram {
    final long[] values;
    final long[] freq;
    final long[] tailCount;
    final double[] tailLogSum;
    final double[] logValue;
    final double[] logNext;
    final long total;

    Histogram(long[] values, long[] freq) {
      this.values = values;
      this.freq = freq;
      int m = values.length;
      tailCount = new long[m];
      tailLogSum = new double[m];
      logValue = new double[m];
      logNext = new double[m];
      long c = 0;
      double s = 0;
      for (int j = m - 1; j >= 0; j--) {
        logValue[j] = Math.log(values[j]);
        logNext[j] = Math.log1p(values[j]);
        c += freq[j];
        s += freq[j] * logValue[j];
        tailCount[j] = c;
        tailLogSum[j] = s;
      }
      total = c;
    }

    static Histogram of(long[] raw) {
      long[] v = Arrays.stream(raw).filter(x -> x > 0).sorted().toArray();
      int m = 0;
      long[] values = new long[v.length];
      long[] freq = new long[v.length];
      for (int i = 0; i < v.length; i++) {
        if (m > 0 && values[m - 1] == v[i]) {
          freq[m - 1]++;
        } else {
          values[m] = v[i];
          freq[m++] = 1;
        }
      }
      return new Histogram(Arrays.copyOf(values, m), Arrays.copyOf(freq, m));
    }

    /** Values {@code values[j]} with type counts {@code freq[j]} (zeros dropped) followed by {@code upper}'s, all larger. */
    static Histogram join(long[] values, long[] freq, Histogram upper) {
      int m = 0;
      for (long f : freq) {
        m += f > 0 ? 1 : 0;
      }
      long[] v = new long[m + upper.values.length];
      long[] f = new long[v.length];
      int k = 0;
      for (int j = 0; j < freq.length; j++) {
        if (freq[j] > 0) {
          v[k] = values[j];
          f[k++] = freq[j];
        }
      }
      System.arraycopy(upper.values, 0, v, k, upper.values.length);
      System.arraycopy(upper.freq, 0, f, k, upper.freq.length);
      return new Histogram(v, f);
    }

    /** The positions from {@code from} on, each distinct value's type count drawn Poisson(count). */
    Histogram poissonResample(int from, SplittableRandom rnd) {
      long[] v = new long[values.length - from];
      long[] f = new long[v.length];
      int m = 0;
      for (int j = from; j < values.length; j++) {
        long k = Special.poisson(freq[j], rnd);
        if (k > 0) {
          v[m] = values[j];
          f[m++] = k;
        }
      }
      return new Histogram(Arrays.copyOf(v, m), Arrays.copyOf(f, m));
    }

    /** The tail from position {@code xi}. */
    Histogram tail(int xi) {
      return new Histogram(Arrays.copyOfRange(values, xi, values.length), Arrays.copyOfRange(freq, xi, freq.length));
    }
  }
}
