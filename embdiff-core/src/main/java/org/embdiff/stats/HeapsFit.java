package org.embdiff.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Heaps' law V(n) = K n^b fitted to the type–token growth curve. The curve is the expected number
 * of types in the first n tokens when the tokens come in random order (rarefaction:
 * E[V(n)] = sum_w 1 - (1 - n/N)^(c_w), Baayen 2001, "Word Frequency Distributions", ch. 2), so
 * it needs only the counts and works for frequency lists too; it is fitted by least squares on
 * log V against log n over log-spaced n from N/10^4 to N.
 *
 * @param k Heaps' K
 * @param exponent Heaps' exponent b (0 < b < 1)
 * @param r2 R^2 of the log-log fit
 * @param points curve points used
 * @param sampleN the n values
 * @param sampleTypes E[V(n)] at each
 * @param how estimator and parameters
 */
public record HeapsFit(double k, double exponent, double r2, int points, long[] sampleN, double[] sampleTypes,
    Computation how) {

  /** Fits Heaps' law to {@code counts} using {@code points} curve points. */
  public static HeapsFit fit(Counts counts, int points) {
    ZipfEstimator.Histogram h = ZipfEstimator.Histogram.of(counts.counts());
    long total = counts.keptTokens();
    if (total < 100 || points < 3) {
      throw new IllegalArgumentException("too few tokens for a Heaps fit: " + total);
    }
    long[] ns = new long[points];
    double[] vs = new double[points];
    double[] lx = new double[points];
    double[] ly = new double[points];
    double lo = Math.log(Math.max(10, total / 10_000.0));
    double hi = Math.log(total);
    for (int i = 0; i < points; i++) {
      long n = Math.round(Math.exp(lo + (hi - lo) * i / (points - 1)));
      double q = 1 - n / (double) total;
      double lq = q <= 0 ? Double.NEGATIVE_INFINITY : Math.log(q);
      double v = 0;
      for (int j = 0; j < h.values.length; j++) {
        v += h.freq[j] * (1 - Math.exp(h.values[j] * lq));
      }
      ns[i] = n;
      vs[i] = v;
      lx[i] = Math.log(n);
      ly[i] = Math.log(v);
    }
    double[] line = RankFrequencyFit.ols(lx, ly, points);
    double mean = 0;
    for (double y : ly) {
      mean += y;
    }
    mean /= points;
    double sst = 0;
    for (double y : ly) {
      sst += (y - mean) * (y - mean);
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("points", points);
    p.put("nRange", "[" + ns[0] + ", " + total + "]");
    p.put("curve", "expected types under random token order (rarefaction)");
    return new HeapsFit(Math.exp(line[0]), line[1], 1 - line[2] / sst, points, ns, vs,
        Computation.exact("least squares on log E[V(n)] vs log n (Heaps' law)", p));
  }
}
