package org.embdiff.inference;

/**
 * Divergences between two discrete distributions given as counts over one shared support (index i
 * is the same outcome on both sides), in bits.
 */
public final class Divergence {
  private Divergence() {}

  private static final double LN2 = Math.log(2);

  /**
   * Jensen–Shannon divergence JS(P, Q) = 1/2 KL(P||M) + 1/2 KL(Q||M), M = (P + Q)/2 (Lin 1991, eq. 4.1),
   * of the relative frequencies, in bits, in [0, 1]; 0 log 0 = 0, so no smoothing is needed.
   */
  public static double jensenShannonBits(double[] countsP, double[] countsQ) {
    checkLengths(countsP, countsQ);
    double np = sum(countsP);
    double nq = sum(countsQ);
    double js = 0;
    for (int i = 0; i < countsP.length; i++) {
      double p = countsP[i] / np;
      double q = countsQ[i] / nq;
      double m = 0.5 * (p + q);
      if (p > 0) {
        js += 0.5 * p * Math.log(p / m);
      }
      if (q > 0) {
        js += 0.5 * q * Math.log(q / m);
      }
    }
    return Math.max(0, Math.min(1, js / LN2));
  }

  /**
   * KL(P||Q) in bits after add-lambda (Lidstone) smoothing of both sides over the shared support:
   * p(i) = (c_P(i) + lambda) / (N_P + lambda |V|), likewise q; finite for lambda > 0.
   */
  public static double klBits(double[] countsP, double[] countsQ, double lambda) {
    checkLengths(countsP, countsQ);
    if (!(lambda > 0)) {
      throw new IllegalArgumentException("smoothing lambda must be > 0, got " + lambda);
    }
    int v = countsP.length;
    double np = sum(countsP) + lambda * v;
    double nq = sum(countsQ) + lambda * v;
    double kl = 0;
    for (int i = 0; i < v; i++) {
      double p = (countsP[i] + lambda) / np;
      double q = (countsQ[i] + lambda) / nq;
      kl += p * Math.log(p / q);
    }
    return Math.max(0, kl / LN2);
  }

  /** Shannon entropy of the relative frequencies, in bits (plug-in estimate; 0 log 0 = 0). */
  public static double entropyBits(double[] counts) {
    double n = sum(counts);
    double h = 0;
    for (double c : counts) {
      if (c > 0) {
        double p = c / n;
        h -= p * Math.log(p);
      }
    }
    return h / LN2;
  }

  private static double sum(double[] counts) {
    double s = 0;
    for (double c : counts) {
      if (c < 0 || Double.isNaN(c)) {
        throw new IllegalArgumentException("counts must be >= 0, got " + c);
      }
      s += c;
    }
    if (s == 0) {
      throw new IllegalArgumentException("counts sum to 0: a distribution needs at least one observation");
    }
    return s;
  }

  private static void checkLengths(double[] p, double[] q) {
    if (p.length != q.length) {
      throw new IllegalArgumentException("supports differ in size: " + p.length + " != " + q.length);
    }
  }
}
