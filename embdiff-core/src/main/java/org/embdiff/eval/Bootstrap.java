package org.embdiff.eval;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Percentile bootstrap over a sample of doubles, seeded (deterministic for a given seed). */
public final class Bootstrap {
  /** Default resample count. */
  public static final int DEFAULT_RESAMPLES = 1000;

  private Bootstrap() {}

  /** Mean with a 95% percentile-bootstrap CI. */
  public static Estimate mean(double[] sample, int resamples, long seed) {
    return of(sample, Bootstrap::meanOf, resamples, 0.95, seed);
  }

  /** Median with a 95% percentile-bootstrap CI. */
  public static Estimate median(double[] sample, int resamples, long seed) {
    return of(sample, Bootstrap::medianOf, resamples, 0.95, seed);
  }

  /**
   * {@code statistic} with a percentile-bootstrap CI at {@code level}: the statistic of
   * {@code resamples} resamples drawn with replacement, and their (1-level)/2 and (1+level)/2
   * quantiles.
   */
  public static Estimate of(double[] sample, ToDoubleFunction<double[]> statistic, int resamples, double level, long seed) {
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
    int n = sample.length;
    if (n == 0) {
      return new Estimate(Double.NaN, Double.NaN, Double.NaN, level, resamples, 0);
    }
    double value = statistic.applyAsDouble(sample);
    SplittableRandom random = new SplittableRandom(seed);
    double[] stats = new double[resamples];
    double[] draw = new double[n];
    for (int r = 0; r < resamples; r++) {
      for (int i = 0; i < n; i++) {
        draw[i] = sample[random.nextInt(n)];
      }
      stats[r] = statistic.applyAsDouble(draw);
    }
    Arrays.sort(stats);
    return new Estimate(value, Summary.quantileSorted(stats, (1 - level) / 2), Summary.quantileSorted(stats, (1 + level) / 2),
        level, resamples, n);
  }

  /** Arithmetic mean. */
  public static double meanOf(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  /** Median (a sorted copy is made). */
  public static double medianOf(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return Summary.quantileSorted(c, 0.5);
  }
}
