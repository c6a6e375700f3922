package org.embdiff.geometry;

import org.embdiff.linalg.CentredPca;
import org.embdiff.vec.EmbeddingSpace;

/**
 * Two spaces at equal footing for any claim that compares them: both centred and PCA-reduced to the
 * smaller dimension, so that dimension and a common direction (anisotropy, Mu &amp; Viswanath 2018) are
 * not what the comparison measures. A side already at that dimension is still centred and rotated
 * onto its principal axes, which changes no distance between its words.
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
    CentredPca pa = CentredPca.fit(a, k);
    CentredPca pb = CentredPca.fit(b, k);
    return new CommonDimension(pa.project(a), pb.project(b), k, pa.explained(), pb.explained());
  }
}
