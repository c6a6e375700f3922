package org.embdiff.geometry;

import org.embdiff.linalg.CentredPca;
import org.embdiff.vec.EmbeddingSpace;

/**
 * Two spaces at equal footing for any claim that compares them: both centred and PCA-reduced to the
 * smaller dimension, so that dimension and a common direction (anisotropy, Mu &amp; Viswanath 2018) are
 * not what the comparison measures. A side already at that dimension is only centred (rotating it onto
 * its principal axes would change no distance or angle between its words).
 *
 * @param a side A, centred, k-dimensional
 * @param b side B, centred, k-dimensional
 * @param dim k = min(dim A, dim B)
 * @param explainedA variance share of A the k axes keep
 * @param explainedB variance share of B the k axes keep
 */
public record CommonDimension(EmbeddingSpace a, EmbeddingSpace b, int dim, double explainedA, double explainedB) {
  /** The control's name in reports. */
  public static String control(int dim) {
    return "both sides centred and PCA-reduced to " + dim + "d";
  }

  /** Reduces both sides to their common dimension. */
  public static CommonDimension of(EmbeddingSpace a, EmbeddingSpace b) {
    int k = Math.min(a.dim(), b.dim());
    CentredPca pa = a.dim() == k ? null : CentredPca.fit(a, k);
    CentredPca pb = b.dim() == k ? null : CentredPca.fit(b, k);
    // a side already at k dimensions is only centred: its rotation onto the principal axes changes no distance
    // or angle, so its fit (a d x d covariance over every row) and projection are skipped
    return new CommonDimension(pa == null ? centred(a) : pa.project(a), pb == null ? centred(b) : pb.project(b), k,
        pa == null ? 1.0 : pa.explained(), pb == null ? 1.0 : pb.explained());
  }

  private static EmbeddingSpace centred(EmbeddingSpace space) {
    double[] mean = CentredPca.meanRow(space);
    int d = space.dim();
    float[] m = space.matrix();
    float[] out = new float[m.length];
    for (int i = 0; i < m.length; i++) {
      out[i] = (float) (m[i] - mean[i % d]);
    }
    return space.withMatrix(d, out);
  }
}
