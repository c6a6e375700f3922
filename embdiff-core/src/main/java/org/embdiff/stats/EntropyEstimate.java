package org.embdiff.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.embdiff.inference.Interval;
import org.embdiff.inference.Normal;
import org.embdiff.util.Seeds;

/**
 * Lexical (unigram) entropy in bits: plug-in H = -sum p log2 p, the Miller–Madow correction
 * H + (K - 1) / (2N ln 2) (Miller 1955) and the Chao–Shen coverage-adjusted estimator (Chao &amp; Shen 2003,
 * eq. 2.6: p~ = C p, C = 1 - f1/N, H = -sum p~ ln p~ / (1 - (1 - p~)^N)); the first two with a normal bootstrap CI (estimate +- z SE, the
 * SE from Poisson resamples of the counts (each type's count drawn Poisson(c); Hanley & MacGibbon 2006), which
 * costs O(types) per resample instead of O(tokens).
 *
 * @param plugInBits plug-in estimate
 * @param plugInCi its CI
 * @param millerMadowBits Miller–Madow estimate
 * @param millerMadowCi its CI
 * @param chaoShenBits Chao–Shen estimate (accounts for unseen types through the singletons)
 * @param tokens N (kept tokens)
 * @param types K (observed types)
 * @param caveat what the estimate cannot see (a truncated list's missing tail), or ""
 * @param how estimator, parameters, CI method and seed
 */
public record EntropyEstimate(double plugInBits, Interval plugInCi, double millerMadowBits, Interval millerMadowCi,
    double chaoShenBits, long tokens, int types, String caveat, Computation how) {
  /** x ln x for small x: a table lookup instead of a log in the bootstrap's inner loop. */
  private static final double[] XLOGX = new double[1 << 16];
  /** Counts from here up are resampled as one block (see {@link #of}). */
  private static final long BLOCK = 64;

  static {
    for (int x = 2; x < XLOGX.length; x++) {
      XLOGX[x] = x * Math.log(x);
    }
  }

  /** Estimates the entropy of {@code counts} with {@code bootstrap} resamples (0 = no CI). */
  public static EntropyEstimate of(Counts counts, int bootstrap, double level, long seed) {
    long[] c = counts.counts();
    double[] h = entropy(c);
    Interval pi = null;
    Interval mi = null;
    if (bootstrap > 0) {
      // Counts >= BLOCK are resampled jointly: with x = c + sqrt(c) Z (normal approximation of
      // Poisson(c)), x ln x = c ln c + (ln c + 1)(x - c) + (x - c)^2 / (2c) + O(c^-1/2), so the block's
      // sum of x ln x and its token total are a bivariate normal plus half a chi-square with m degrees
      // of freedom: three draws per resample instead of one per type.
      int small = 0;
      while (small < c.length && c[c.length - 1 - small] < BLOCK) {
        small++;
      }
      int large = c.length - small;
      double sumC = 0;
      double sumXlogX = 0;
      double vDL = 0;
      double vLL = 0;
      for (int i = 0; i < large; i++) {
        double lc = Math.log(c[i]);
        sumC += c[i];
        sumXlogX += c[i] * lc;
        vDL += c[i] * (lc + 1);
        vLL += c[i] * (lc + 1) * (lc + 1);
      }
      final double bSumC = sumC;
      final double bSum = sumXlogX;
      final double sdD = Math.sqrt(sumC);
      final double coefL1 = sumC == 0 ? 0 : vDL / sdD;
      final double coefL2 = sumC == 0 ? 0 : Math.sqrt(Math.max(0, vLL - vDL * vDL / sumC));
      double[][] reps = IntStream.range(0, bootstrap).parallel().mapToObj(r -> {
        SplittableRandom rnd = new SplittableRandom(Seeds.derive(seed, "entropy-bootstrap", r));
        double n = 0;
        double xlogx = 0;
        int k = 0;
        if (large > 0) {
          double z1 = Special.gaussian(rnd);
          double z2 = Special.gaussian(rnd);
          double z3 = Special.gaussian(rnd);
          n += bSumC + sdD * z1;
          xlogx += bSum + coefL1 * z1 + coefL2 * z2 + large / 2.0 + Math.sqrt(large / 2.0) * z3;
          k += large;
        }
        for (int i = large; i < c.length; i++) {
          long x = Special.poissonFast(c[i], rnd);
          if (x > 0) {
            n += x;
            k++;
            if (x > 1) {
              xlogx += x < XLOGX.length ? XLOGX[(int) x] : x * Math.log(x);
            }
          }
        }
        double plugIn = (Math.log(n) - xlogx / n) / Math.log(2);
        return new double[] {plugIn, plugIn + (k - 1) / (2.0 * n * Math.log(2))};
      }).toArray(double[][]::new);
      double[] p = new double[bootstrap];
      double[] m = new double[bootstrap];
      for (int r = 0; r < bootstrap; r++) {
        p[r] = reps[r][0];
        m[r] = reps[r][1];
      }
      // normal bootstrap interval, estimate +- z * bootstrap SE: resampling from the observed counts
      // loses unseen types, so percentile intervals sit below the estimate when the sample is sparse
      double z = Normal.quantile(1 - (1 - level) / 2);
      String method = "normal bootstrap interval, SE from " + bootstrap + " Poisson resamples of the counts";
      pi = around(h[0], sd(p) * z, level, method);
      mi = around(h[1], sd(m) * z, level, method);
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("base", 2);
    params.put("level", level);
    params.put("resamples", bootstrap);
    String caveat = counts.truncated()
        ? "counts are truncated (min count " + counts.minCount() + "): the missing tail is left out, so H is a lower bound "
            + "on the source's entropy; compare sides on a common support"
        : "";
    long n = 0;
    for (long x : c) {
      n += x;
    }
    return new EntropyEstimate(h[0], pi, h[1], mi, chaoShen(c), n, c.length, caveat, new Computation(
        "plug-in and Miller–Madow entropy (bits)", params,
        bootstrap > 0 ? "normal bootstrap interval (estimate +- z * SE), SE from " + bootstrap + " Poisson resamples of the counts (normal approximation for counts >= 12; "
            + "counts >= " + BLOCK + " resampled jointly by a second-order expansion)"
            : "none",
        bootstrap > 0 ? seed : null));
  }

  private static Interval around(double est, double half, double level, String method) {
    return new Interval(est, est - half, est + half, level, method);
  }

  /** Chao &amp; Shen (2003) eq. 2.6, in bits; with only singletons, f1 is taken as N - 1 (their footnote). */
  static double chaoShen(long[] c) {
    long n = 0;
    long f1 = 0;
    for (long x : c) {
      n += x;
      if (x == 1) {
        f1++;
      }
    }
    if (n == 0) {
      return 0;
    }
    if (f1 == n) {
      f1 = n - 1;
    }
    double coverage = 1 - f1 / (double) n;
    double h = 0;
    for (long x : c) {
      if (x > 0) {
        double p = coverage * x / n;
        double inclusion = 1 - Math.pow(1 - p, n);
        h -= p * Math.log(p) / inclusion;
      }
    }
    return h / Math.log(2);
  }

  private static double sd(double[] x) {
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    return Math.sqrt(ss / Math.max(1, x.length - 1));
  }

  /** {plug-in, Miller–Madow} entropy in bits of counts {@code c}. */
  static double[] entropy(long[] c) {
    long n = 0;
    int k = 0;
    for (long x : c) {
      n += x;
      if (x > 0) {
        k++;
      }
    }
    if (n == 0) {
      return new double[] {0, 0};
    }
    // H = log2 N - (1/N) sum c log2 c (one log per type)
    double s = 0;
    for (long x : c) {
      if (x > 1) {
        s += x < XLOGX.length ? XLOGX[(int) x] : x * Math.log(x);
      }
    }
    double hNats = Math.log(n) - s / n;
    double plugIn = hNats / Math.log(2);
    return new double[] {plugIn, plugIn + (k - 1) / (2.0 * n * Math.log(2))};
  }
}
