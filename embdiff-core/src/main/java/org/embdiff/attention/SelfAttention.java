package org.embdiff.attention;

/**
 * Single-head scaled dot-product attention weights A = softmax(Q K^T / sqrt(d)) (Vaswani et al.
 * 2017) and the statistics the probe reports. Matrices are row-major double arrays; {@code n}
 * tokens, {@code d} columns.
 */
public final class SelfAttention {
  private SelfAttention() {}

  /**
   * Per-sentence statistics of one attention matrix.
   *
   * @param normalizedEntropy mean over rows of H(row) / log n, in [0, 1] (1 = uniform attention)
   * @param maxWeight mean over rows of the largest weight
   * @param logitNorm Frobenius norm of Q K^T / sqrt(d)
   */
  public record Stats(double normalizedEntropy, double maxWeight, double logitNorm) {}

  /**
   * Computes softmax(Q K^T / sqrt(scaleDim)) and its statistics.
   *
   * @param q n x d queries
   * @param k n x d keys
   * @param n tokens (at least 2)
   * @param d columns of q and k
   * @param scaleDim the d of the 1/sqrt(d) scaling
   * @param weightsOut receives the n x n weights when non-null
   */
  public static Stats attend(double[] q, double[] k, int n, int d, int scaleDim, double[] weightsOut) {
    if (n < 2) {
      throw new IllegalArgumentException("attention statistics need at least 2 tokens, got " + n);
    }
    if (q.length != n * d || k.length != n * d) {
      throw new IllegalArgumentException("q " + q.length + " / k " + k.length + " != n " + n + " x d " + d);
    }
    double scale = 1 / Math.sqrt(scaleDim);
    double[] row = new double[n];
    double logNorm = 0;
    double entropy = 0;
    double max = 0;
    double logN = Math.log(n);
    for (int i = 0; i < n; i++) {
      double rowMax = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int c = 0; c < d; c++) {
          s += q[i * d + c] * k[j * d + c];
        }
        s *= scale;
        row[j] = s;
        logNorm += s * s;
        rowMax = Math.max(rowMax, s);
      }
      // softmax with the row maximum subtracted (stable); entropy from the logits: H = log Z - sum p s'
      double z = 0;
      for (int j = 0; j < n; j++) {
        z += Math.exp(row[j] - rowMax);
      }
      double logZ = Math.log(z);
      double h = 0;
      double rowBest = 0;
      for (int j = 0; j < n; j++) {
        double shifted = row[j] - rowMax;
        double p = Math.exp(shifted - logZ);
        h -= p * (shifted - logZ);
        rowBest = Math.max(rowBest, p);
        if (weightsOut != null) {
          weightsOut[i * n + j] = p;
        }
      }
      entropy += h / logN;
      max += rowBest;
    }
    return new Stats(entropy / n, max / n, Math.sqrt(logNorm));
  }

  /** {@code x (n x d) times w (d x m)}, row-major. */
  public static double[] multiply(double[] x, int n, int d, double[] w, int m) {
    double[] out = new double[n * m];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < d; c++) {
        double v = x[i * d + c];
        if (v == 0) {
          continue;
        }
        int wr = c * m;
        int or = i * m;
        for (int j = 0; j < m; j++) {
          out[or + j] += v * w[wr + j];
        }
      }
    }
    return out;
  }
}
