package org.embdiff.train;

import org.embdiff.vec.VectorUtil;

/**
 * The GloVe update for one co-occurrence record, as the current Stanford C tool performs it
 * (Pennington, Socher & Manning 2014; AdaGrad, Duchi, Hazan & Singer 2011). Public for the JMH
 * benchmark; {@link GloveTrainer} is the API.
 *
 * <p>Memory layout of {@code w} and {@code g}: see {@link GloveModel} (rows of d + 1 values, the
 * last one the bias).
 */
public final class GloveKernel {
  private GloveKernel() {}

  /**
   * Updates word row {@code l1} and context row {@code l2} for one record with value {@code x} and
   * returns its cost 0.5 f(x) (w.w~ + b + b~ - log x)^2 (0 when the difference is not finite, and
   * then nothing is updated).
   *
   * @param up1 scratch of length at least d
   * @param up2 scratch of length at least d
   */
  public static double update(double[] w, double[] g, int l1, int l2, int d, double x, double xMax, double alpha,
      double eta, double clip, double[] up1, double[] up2) {
    double diff = VectorUtil.dot(w, l1, w, l2, d) + w[l1 + d] + w[l2 + d] - Math.log(x);
    // f(x) = (x / x_max)^alpha below x_max, 1 above (Pennington et al. 2014, eq. 9)
    double fdiff = x > xMax ? diff : Math.pow(x / xMax, alpha) * diff;
    if (!Double.isFinite(diff) || !Double.isFinite(fdiff)) {
      return 0;
    }
    double sum1 = 0;
    double sum2 = 0;
    int b;
    for (b = 0; b < d; b++) {
      // gradient clipped to [-clip, clip], times the learning rate (as the current C tool)
      double t1 = Math.min(Math.max(fdiff * w[l2 + b], -clip), clip) * eta;
      double t2 = Math.min(Math.max(fdiff * w[l1 + b], -clip), clip) * eta;
      // AdaGrad: step scaled by 1 / sqrt(sum of squared past steps)
      double u1 = t1 / Math.sqrt(g[l1 + b]);
      double u2 = t2 / Math.sqrt(g[l2 + b]);
      up1[b] = u1;
      up2[b] = u2;
      sum1 += u1;
      sum2 += u2;
      g[l1 + b] += t1 * t1;
      g[l2 + b] += t2 * t2;
    }
    if (Double.isFinite(sum1) && Double.isFinite(sum2)) {
      for (b = 0; b < d; b++) {
        w[l1 + b] -= up1[b];
        w[l2 + b] -= up2[b];
      }
    }
    // biases: the C tool steps them by fdiff / sqrt(gradsq) without eta
    double ub1 = fdiff / Math.sqrt(g[l1 + d]);
    double ub2 = fdiff / Math.sqrt(g[l2 + d]);
    if (Double.isFinite(ub1)) {
      w[l1 + d] -= ub1;
    }
    if (Double.isFinite(ub2)) {
      w[l2 + d] -= ub2;
    }
    g[l1 + d] += fdiff * fdiff;
    g[l2 + d] += fdiff * fdiff;
    return 0.5 * fdiff * diff;
  }
}
