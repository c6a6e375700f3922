package org.embdiff.cooc;

import org.embdiff.linalg.CsrMatrix;

/**
 * Jensen-Shannon divergence between two co-occurrence matrices over the same word ids, each
 * normalised to a joint distribution P(i,j) = X(i,j) / sum X.
 */
public final class CooccurrenceDivergence {
  private CooccurrenceDivergence() {}

  /**
   * JS(P_A || P_B) in bits, in [0, 1], summed over the union of the non-zero cells. Both matrices
   * must have the same shape (rows and columns indexed by the same words).
   *
   * @throws IllegalArgumentException when the shapes differ or a matrix has no positive mass
   */
  public static double jensenShannonBits(CsrMatrix a, CsrMatrix b) {
    if (a.rows() != b.rows() || a.cols() != b.cols()) {
      throw new IllegalArgumentException("shapes differ: " + a.rows() + "x" + a.cols() + " vs " + b.rows() + "x" + b.cols());
    }
    double sa = sum(a);
    double sb = sum(b);
    if (!(sa > 0) || !(sb > 0)) {
      throw new IllegalArgumentException("a co-occurrence matrix has no positive mass (sum " + sa + ", " + sb + ")");
    }
    // Lin (1991), JS = H(M) - (H(P) + H(Q)) / 2 with M = (P + Q) / 2; written per cell as
    // 1/2 p log2(2p / (p + q)) + 1/2 q log2(2q / (p + q)), which is 0 where p = q and bounded by 1 bit.
    double[] pa = new double[a.cols()];
    double[] pb = new double[b.cols()];
    int[] ap = a.rowPtr();
    int[] ac = a.colIndex();
    double[] av = a.values();
    int[] bp = b.rowPtr();
    int[] bc = b.colIndex();
    double[] bv = b.values();
    double js = 0;
    for (int r = 0; r < a.rows(); r++) {
      for (int k = ap[r]; k < ap[r + 1]; k++) {
        pa[ac[k]] += av[k] / sa;
      }
      for (int k = bp[r]; k < bp[r + 1]; k++) {
        pb[bc[k]] += bv[k] / sb;
      }
      for (int k = ap[r]; k < ap[r + 1]; k++) {
        int c = ac[k];
        js += cell(pa[c], pb[c]);
        pa[c] = 0;
        pb[c] = 0;
      }
      for (int k = bp[r]; k < bp[r + 1]; k++) {
        int c = bc[k];
        js += cell(pa[c], pb[c]);
        pa[c] = 0;
        pb[c] = 0;
      }
    }
    return Math.min(1.0, Math.max(0.0, js));
  }

  private static double cell(double p, double q) {
    double m = p + q;
    double out = 0;
    if (p > 0) {
      out += 0.5 * p * log2(2 * p / m);
    }
    if (q > 0) {
      out += 0.5 * q * log2(2 * q / m);
    }
    return out;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static double sum(CsrMatrix m) {
    double s = 0;
    for (double v : m.values()) {
      if (v < 0) {
        throw new IllegalArgumentException("negative co-occurrence value " + v);
      }
      s += v;
    }
    return s;
  }
}
