package org.embdiff.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Discrete power-law fit of word frequencies (Clauset, Shalizi & Newman 2009, SIAM Review 51:661):
 * for each candidate x_min the exact discrete MLE of beta maximises
 * L(beta) = -n ln zeta(beta, x_min) - beta * sum ln x_i (eq. 3.5), and x_min is the candidate whose
 * fit has the smallest Kolmogorov–Smirnov distance to the tail (section 3.3). The CI is a
 * percentile bootstrap that resamples the tail's frequency histogram (each distinct frequency's
 * type count drawn Poisson; x_min held at its estimate), so it costs O(distinct values), not
 * O(tokens).
 */
public final class ZipfEstimator {
  private static final double BETA_LO = 1.0001;
  private static final double BETA_HI = 8;

  private final int bootstrap;
  private final double level;
  private final long seed;
  private final int minTail;
  private final int maxCandidates;

  /**
   * @param bootstrap resamples for the CI (0 = analytic CI from the standard error)
   * @param level CI level
   * @param seed bootstrap seed
   * @param minTail smallest tail (types) an x_min may leave
   * @param maxCandidates most x_min values tried (the smallest 40 distinct frequencies, then log-spaced)
   */
  public ZipfEstimator(int bootstrap, double level, long seed, int minTail, int maxCandidates) {
    if (bootstrap < 0 || level <= 0 || level >= 1 || minTail < 2 || maxCandidates < 1) {
      throw new IllegalArgumentException("bad Zipf settings: bootstrap " + bootstrap + ", level " + level
          + ", minTail " + minTail + ", maxCandidates " + maxCandidates);
    }
    this.bootstrap = bootstrap;
    this.level = level;
    this.seed = seed;
    this.minTail = minTail;
    this.maxCandidates = maxCandidates;
  }

  /** 200 resamples, 95%, seed 42, tail of at least 50 types, up to 120 x_min candidates. */
  public static ZipfEstimator defaults(long seed) {
    return new ZipfEstimator(200, 0.95, seed, 50, 120);
  }

  /** Fits the frequencies of {@code counts}. */
  public ZipfFit fit(Counts counts) {
    return fit(counts.counts(), counts.truncated());
  }

  /** Fits frequencies {@code values} (any order; zeros ignored). */
  public ZipfFit fit(long[] values, boolean truncated) {
    Histogram h = Histogram.of(values);
    if (h.values.length < 2 || h.total < minTail) {
      throw new IllegalArgumentException("too few types for a power-law fit: " + h.total + " (need " + minTail + ")");
    }
    // candidate x_min: the distinct values leaving a tail of >= minTail types
    int last = h.values.length - 1;
    while (last > 0 && h.tailCount[last] < minTail) {
      last--;
    }
    int[] candidates = candidates(last + 1);
    double[] bestFit = IntStream.of(candidates).parallel().mapToObj(i -> {
      double beta = mle(h, i, h.tailCount[i], h.tailLogSum[i]);
      return new double[] {i, beta, ks(h, i, beta)};
    }).reduce((a, b) -> b[2] < a[2] || (b[2] == a[2] && b[0] < a[0]) ? b : a).orElseThrow();
    int xi = (int) bestFit[0];
    double beta = bestFit[1];
    long n = h.tailCount[xi];
    double se = (beta - 1) / Math.sqrt(n);
    Interval betaCi;
    String ciMethod;
    if (bootstrap > 0) {
      double[] reps = IntStream.range(0, bootstrap).parallel().mapToDouble(r -> {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + r);
        long cnt = 0;
        double logSum = 0;
        for (int j = xi; j < h.values.length; j++) {
          long k = Special.poisson(h.freq[j], rnd);
          cnt += k;
          logSum += k * Math.log(h.values[j]);
        }
        return cnt < 2 ? beta : mle(h, xi, cnt, logSum);
      }).sorted().toArray();
      betaCi = Interval.percentile(reps, level);
      ciMethod = "percentile bootstrap, " + bootstrap + " resamples of the tail's frequency histogram (Poisson), x_min fixed";
    } else {
      double z = normalQuantile(1 - (1 - level) / 2);
      betaCi = new Interval(beta - z * se, beta + z * se, level);
      ciMethod = "normal approximation, standard error (beta-1)/sqrt(n)";
    }
    double alpha = 1 / (beta - 1);
    Interval alphaCi = new Interval(1 / (betaCi.high() - 1), 1 / (Math.max(betaCi.low(), BETA_LO) - 1), level);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("xMinCandidates", candidates.length);
    params.put("minTailTypes", minTail);
    params.put("betaSearch", "golden section on [" + BETA_LO + ", " + BETA_HI + "]");
    params.put("level", level);
    return new ZipfFit(beta, betaCi, se, alpha, alphaCi, h.values[xi], n, bestFit[2], truncated,
        new Computation("discrete power-law MLE of P(f) ∝ f^-beta, x_min by minimum KS distance "
            + "(Clauset, Shalizi & Newman 2009); alpha = 1/(beta-1)", params, ciMethod, bootstrap > 0 ? seed : null));
  }

  /**
   * Fits with a fixed x_min (no search), for tests and for comparing two sides at the same cut.
   */
  public ZipfFit fitFixedXMin(long[] values, long xMin) {
    long[] kept = Arrays.stream(values).filter(v -> v >= xMin).toArray();
    ZipfEstimator fixed = new ZipfEstimator(bootstrap, level, seed, 2, 1);
    return fixed.fit(kept, false);
  }

  private int[] candidates(int count) {
    if (count <= maxCandidates) {
      return IntStream.range(0, count).toArray();
    }
    int head = Math.min(40, maxCandidates / 2);
    int rest = maxCandidates - head;
    java.util.TreeSet<Integer> set = new java.util.TreeSet<>();
    for (int i = 0; i < head; i++) {
      set.add(i);
    }
    double lo = Math.log(head);
    double hi = Math.log(count - 1);
    for (int k = 0; k < rest; k++) {
      set.add((int) Math.round(Math.exp(lo + (hi - lo) * k / (rest - 1.0))));
    }
    return set.stream().mapToInt(Integer::intValue).filter(i -> i < count).toArray();
  }

  /** Exact discrete MLE: maximise -n ln zeta(beta, xmin) - beta * logSum by golden section. */
  static double mle(Histogram h, int xi, long n, double logSum) {
    double xmin = h.values[xi];
    double a = BETA_LO;
    double b = BETA_HI;
    double g = (Math.sqrt(5) - 1) / 2;
    double c = b - g * (b - a);
    double d = a + g * (b - a);
    double fc = negLogLik(c, xmin, n, logSum);
    double fd = negLogLik(d, xmin, n, logSum);
    for (int it = 0; it < 80 && b - a > 1e-10; it++) {
      if (fc < fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - g * (b - a);
        fc = negLogLik(c, xmin, n, logSum);
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + g * (b - a);
        fd = negLogLik(d, xmin, n, logSum);
      }
    }
    return (a + b) / 2;
  }

  private static double negLogLik(double beta, double xmin, long n, double logSum) {
    return n * Math.log(Special.hurwitzZeta(beta, xmin)) + beta * logSum;
  }

  /**
   * KS distance between the tail's empirical CDF and the fitted discrete CDF
   * P(X <= x) = 1 - zeta(beta, x + 1) / zeta(beta, x_min), checked at each observed value and just
   * before the next one (where the step functions differ most).
   */
  static double ks(Histogram h, int xi, double beta) {
    double z0 = Special.hurwitzZeta(beta, h.values[xi]);
    double n = h.tailCount[xi];
    double cum = 0;
    double d = 0;
    for (int j = xi; j < h.values.length; j++) {
      if (j > xi && h.values[j] - 1 > h.values[j - 1]) {
        // just before v_j the empirical CDF is still cum
        double model = 1 - Special.hurwitzZeta(beta, h.values[j]) / z0;
        d = Math.max(d, Math.abs(cum - model));
      }
      cum += h.freq[j] / n;
      double model = 1 - Special.hurwitzZeta(beta, h.values[j] + 1) / z0;
      d = Math.max(d, Math.abs(cum - model));
    }
    return d;
  }

  /** Standard normal quantile, by bisection on {@link #normalCdf} (ample for CI levels). */
  static double normalQuantile(double p) {
    double lo = -10;
    double hi = 10;
    for (int i = 0; i < 100; i++) {
      double m = (lo + hi) / 2;
      if (normalCdf(m) < p) {
        lo = m;
      } else {
        hi = m;
      }
    }
    return (lo + hi) / 2;
  }

  /** Standard normal CDF (Zelen & Severo 1964, 26.2.17; error < 7.5e-8). */
  static double normalCdf(double x) {
    double t = 1 / (1 + 0.2316419 * Math.abs(x));
    double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
    double q = Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI) * poly;
    return x >= 0 ? 1 - q : q;
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
    final long total;

    private Histogram(long[] values, long[] freq) {
      this.values = values;
      this.freq = freq;
      int m = values.length;
      tailCount = new long[m];
      tailLogSum = new double[m];
      long c = 0;
      double s = 0;
      for (int j = m - 1; j >= 0; j--) {
        c += freq[j];
        s += freq[j] * Math.log(values[j]);
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
  }
}
