package org.embdiff.inference;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The bootstrap family (Efron &amp; Tibshirani 1993): percentile (ch. 13), BCa (ch. 14.3) and studentised
 * (bootstrap-t, ch. 12.5) intervals, resampling the independent units given by {@link ResamplingUnits}.
 * Deterministic for a given random stream.
 */
public final class Bootstrap {
  private Bootstrap() {}

  /** Which interval. */
  public enum Method {
    /** The (1-level)/2 and (1+level)/2 quantiles of the replicates. */
    PERCENTILE("percentile"),
    /** Bias-corrected and accelerated: percentile levels shifted by z0 and the jackknife acceleration. */
    BCA("BCa"),
    /** Bootstrap-t: quantiles of (theta* - theta) / se*, scaled by the full-sample se. */
    STUDENTIZED("studentised");

    private final String label;

    Method(String label) {
      this.label = label;
    }

    /** The name in reports. */
    public String label() {
      return label;
    }
  }

  /** The minimum number of resamples for a 95% (or wider) interval. */
  public static final int MIN_RESAMPLES_95 = 1000;

  /**
   * Settings.
   *
   * @param resamples bootstrap resamples (>= 1,000 when level >= 0.95: the tails need them)
   * @param level coverage
   * @param method which interval
   */
  public record Settings(int resamples, double level, Method method) {
    /** Validates. */
    public Settings {
      if (!(level > 0 && level < 1)) {
        throw new IllegalArgumentException("bootstrap level must be in (0, 1), got " + level);
      }
      if (resamples < 1 || (level >= 0.95 && resamples < MIN_RESAMPLES_95)) {
        throw new IllegalArgumentException("a " + Math.round(level * 100) + "% bootstrap interval needs at least "
            + MIN_RESAMPLES_95 + " resamples, got " + resamples);
      }
      if (method == null) {
        throw new IllegalArgumentException("bootstrap method must be given");
      }
    }

    /** 2,000 resamples, 95%, BCa. */
    public static Settings defaults() {
      return new Settings(2000, 0.95, Method.BCA);
    }

    /** The same with another method. */
    public Settings with(Method m) {
      return new Settings(resamples, level, m);
    }
  }

  /** {@code statistic} with a percentile or BCa interval. */
  public static Interval interval(ResamplingUnits units, Statistic statistic, Settings settings, SplittableRandom random) {
    if (settings.method() == Method.STUDENTIZED) {
      throw new IllegalArgumentException("the studentised bootstrap needs a standard error: pass a StatisticWithError");
    }
    checkUnits(units);
    double estimate = statistic.of(units.all());
    double[] replicates = replicates(units, statistic, settings.resamples(), random);
    String method = describe(settings, units);
    if (settings.method() == Method.PERCENTILE) {
      return percentileFromReplicates(estimate, replicates, settings.level(), method);
    }
    return bcaFromReplicates(estimate, replicates, jackknife(units, statistic), settings.level(), method);
  }

  /** {@code statistic} with a studentised (bootstrap-t) interval. */
  public static Interval studentized(ResamplingUnits units, StatisticWithError statistic, Settings settings,
      SplittableRandom random) {
    checkUnits(units);
    int[] all = units.all();
    double estimate = statistic.of(all);
    double se = statistic.standardError(all);
    double[] t = new double[settings.resamples()];
    int k = 0;
    for (int r = 0; r < settings.resamples(); r++) {
      int[] draw = units.draw(random);
      double seStar = statistic.standardError(draw);
      if (seStar > 0) {
        t[k++] = (statistic.of(draw) - estimate) / seStar;
      }
    }
    String method = describe(settings.with(Method.STUDENTIZED), units);
    if (k == 0 || !(se > 0)) {
      return Interval.exact(estimate, method + " (no variation)");
    }
    double[] sorted = Arrays.copyOf(t, k);
    Arrays.sort(sorted);
    double a = (1 - settings.level()) / 2;
    double lower = estimate - Quantiles.ofSorted(sorted, 1 - a) * se;
    double upper = estimate - Quantiles.ofSorted(sorted, a) * se;
    return containing(estimate, lower, upper, settings.level(), method);
  }

  /** The mean of {@code x} over independent items, with an interval. */
  public static Interval mean(double[] x, Settings settings, SplittableRandom random) {
    StatisticWithError s = meanOf(x);
    ResamplingUnits units = ResamplingUnits.independent(x.length, "values");
    return settings.method() == Method.STUDENTIZED ? studentized(units, s, settings, random)
        : interval(units, s, settings, random);
  }

  /** The median of {@code x} over independent items, with a percentile or BCa interval. */
  public static Interval median(double[] x, Settings settings, SplittableRandom random) {
    return interval(ResamplingUnits.independent(x.length, "values"), items -> Quantiles.median(values(x, items)), settings,
        random);
  }

  /** {@code x[items]}. */
  public static double[] values(double[] x, int[] items) {
    double[] out = new double[items.length];
    for (int i = 0; i < items.length; i++) {
      out[i] = x[items[i]];
    }
    return out;
  }

  /** mean(a) - mean(b) for two independent samples, each resampled within itself. */
  public static Interval meanDifference(double[] a, double[] b, Settings settings, SplittableRandom random) {
    double[] pooled = new double[a.length + b.length];
    System.arraycopy(a, 0, pooled, 0, a.length);
    System.arraycopy(b, 0, pooled, a.length, b.length);
    int na = a.length;
    StatisticWithError s = new StatisticWithError() {
      @Override
      public double of(int[] items) {
        double[] m = moments(items);
        return m[0] / m[1] - m[2] / m[3];
      }

      @Override
      public double standardError(int[] items) {
        double[] m = moments(items);
        double ma = m[0] / m[1];
        double mb = m[2] / m[3];
        double va = 0;
        double vb = 0;
        for (int i : items) {
          if (i < na) {
            va += (pooled[i] - ma) * (pooled[i] - ma);
          } else {
            vb += (pooled[i] - mb) * (pooled[i] - mb);
          }
        }
        return Math.sqrt(va / (m[1] * Math.max(1, m[1] - 1)) + vb / (m[3] * Math.max(1, m[3] - 1)));
      }

      private double[] moments(int[] items) {
        double[] m = new double[4];
        for (int i : items) {
          if (i < na) {
            m[0] += pooled[i];
            m[1]++;
          } else {
            m[2] += pooled[i];
            m[3]++;
          }
        }
        return m;
      }
    };
    ResamplingUnits units = ResamplingUnits.twoSamples(a.length, b.length, "values");
    return settings.method() == Method.STUDENTIZED ? studentized(units, s, settings, random)
        : interval(units, s, settings, random);
  }

  /** The mean of {@code x[items]}, with the standard error s / sqrt(n). */
  public static StatisticWithError meanOf(double[] x) {
    return new StatisticWithError() {
      @Override
      public double of(int[] items) {
        double s = 0;
        for (int i : items) {
          s += x[i];
        }
        return s / items.length;
      }

      @Override
      public double standardError(int[] items) {
        int n = items.length;
        if (n < 2) {
          return 0;
        }
        double m = of(items);
        double ss = 0;
        for (int i : items) {
          ss += (x[i] - m) * (x[i] - m);
        }
        return Math.sqrt(ss / (n - 1) / n);
      }
    };
  }

  /**
   * As {@link #interval(ResamplingUnits, Statistic, Settings, SplittableRandom)}, with the replicates
   * evaluated in parallel on the calling thread's pool ({@link #replicatesConcurrently}): the same
   * resamples in the same order, so the same interval. {@code statistic} must be safe to call from
   * several threads.
   */
  public static Interval intervalConcurrently(ResamplingUnits units, Statistic statistic, Settings settings,
      SplittableRandom random) {
    if (settings.method() == Method.STUDENTIZED) {
      throw new IllegalArgumentException("the studentised bootstrap needs a standard error: pass a StatisticWithError");
    }
    checkUnits(units);
    double estimate = statistic.of(units.all());
    double[] replicates = replicatesConcurrently(units, statistic, settings.resamples(), random);
    String method = describe(settings, units);
    if (settings.method() == Method.PERCENTILE) {
      return percentileFromReplicates(estimate, replicates, settings.level(), method);
    }
    return bcaFromReplicates(estimate, replicates, jackknife(units, statistic), settings.level(), method);
  }

  /** Resamples drawn ahead of their evaluation by {@link #replicatesConcurrently}. */
  private static final int DRAW_BLOCK = 128;

  /**
   * {@link #replicates}, equal element for element: the resamples are drawn from {@code random} in
   * order, a block at a time, and each block's statistics are evaluated by a parallel stream (on the
   * calling thread's pool, a comparison's bounded pool; it opens none of its own).
   */
  public static double[] replicatesConcurrently(ResamplingUnits units, Statistic statistic, int resamples,
      SplittableRandom random) {
    double[] out = new double[resamples];
    int[][] draws = new int[Math.min(DRAW_BLOCK, resamples)][];
    for (int base = 0; base < resamples; base += draws.length) {
      int count = Math.min(draws.length, resamples - base);
      for (int r = 0; r < count; r++) {
        draws[r] = units.draw(random);
      }
      int from = base;
      java.util.stream.IntStream.range(0, count).parallel().forEach(r -> out[from + r] = statistic.of(draws[r]));
    }
    return out;
  }

  /** The statistic on {@code resamples} resamples. */
  public static double[] replicates(ResamplingUnits units, Statistic statistic, int resamples, SplittableRandom random) {
    double[] out = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      out[r] = statistic.of(units.draw(random));
    }
    return out;
  }

  /** The statistic with each unit left out in turn, grouped by stratum. */
  public static double[][] jackknife(ResamplingUnits units, Statistic statistic) {
    int[][] strata = units.unitsByStratum();
    double[][] out = new double[strata.length][];
    for (int s = 0; s < strata.length; s++) {
      out[s] = new double[strata[s].length];
      for (int k = 0; k < strata[s].length; k++) {
        out[s][k] = statistic.of(units.leaveOut(strata[s][k]));
      }
    }
    return out;
  }

  /** The percentile interval of {@code replicates} around {@code estimate}. */
  public static Interval percentileFromReplicates(double estimate, double[] replicates, double level, String method) {
    double[] sorted = finiteSorted(replicates);
    double a = (1 - level) / 2;
    return containing(estimate, Quantiles.ofSorted(sorted, a), Quantiles.ofSorted(sorted, 1 - a), level, method);
  }

  /**
   * The BCa interval (Efron &amp; Tibshirani 1993, eq. 14.9-14.15): z0 = Phi^-1(share of replicates below the
   * estimate, ties counted half, as scipy.stats.bootstrap does), the acceleration a from the jackknife
   * values of each stratum (eq. 14.15; eq. 15.36 for several samples), and the replicates' quantiles at
   * Phi(z0 + (z0 + z) / (1 - a (z0 + z))).
   */
  public static Interval bcaFromReplicates(double estimate, double[] replicates, double[][] jackknifeByStratum,
      double level, String method) {
    double[] sorted = finiteSorted(replicates);
    int b = sorted.length;
    if (b == 0) {
      return Interval.exact(estimate, method + " (no finite replicates)");
    }
    double below = 0;
    for (double x : sorted) {
      below += x < estimate ? 1 : x == estimate ? 0.5 : 0;
    }
    // keep z0 finite when every replicate lies on one side of the estimate
    double share = Math.max(0.5 / b, Math.min(1 - 0.5 / b, below / b));
    double z0 = Normal.quantile(share);
    double accel = acceleration(jackknifeByStratum);
    double z = Normal.quantile((1 - level) / 2);
    double lowerLevel = Normal.cdf(z0 + (z0 + z) / (1 - accel * (z0 + z)));
    double upperLevel = Normal.cdf(z0 + (z0 - z) / (1 - accel * (z0 - z)));
    return containing(estimate, Quantiles.ofSorted(sorted, lowerLevel), Quantiles.ofSorted(sorted, upperLevel), level,
        method);
  }

  // eq. 15.36: U_ji = (n_j - 1)(mean_j - J_ji), a = sum_j sum_i U^3 / n_j^3 / (6 (sum_j sum_i U^2 / n_j^2)^1.5)
  static double acceleration(double[][] jackknifeByStratum) {
    double num = 0;
    double den = 0;
    for (double[] jack : jackknifeByStratum) {
      int n = jack.length;
      if (n == 0) {
        continue;
      }
      double mean = 0;
      for (double j : jack) {
        mean += j;
      }
      mean /= n;
      double n2 = (double) n * n;
      for (double j : jack) {
        double u = (n - 1) * (mean - j);
        num += u * u * u / (n2 * n);
        den += u * u / n2;
      }
    }
    return den > 0 ? num / (6 * Math.pow(den, 1.5)) : 0;
  }

  // A bootstrap interval can miss its estimate when the statistic is biased beyond what the method
  // corrects; then it is widened to contain it and says so.
  private static Interval containing(double estimate, double lower, double upper, double level, String method) {
    if (lower <= estimate && estimate <= upper) {
      return new Interval(estimate, lower, upper, level, method);
    }
    return new Interval(estimate, Math.min(lower, estimate), Math.max(upper, estimate), level,
        method + ", widened to contain the estimate");
  }

  private static double[] finiteSorted(double[] replicates) {
    double[] sorted = Arrays.stream(replicates).filter(Double::isFinite).toArray();
    Arrays.sort(sorted);
    return sorted;
  }

  private static void checkUnits(ResamplingUnits units) {
    if (units.units() < 2) {
      throw new IllegalArgumentException("a bootstrap needs at least 2 independent " + units.unitName() + ", got "
          + units.units());
    }
  }

  private static String describe(Settings settings, ResamplingUnits units) {
    return settings.method().label() + " bootstrap, " + settings.resamples() + " resamples of " + units.units() + " "
        + units.unitName();
  }
}
