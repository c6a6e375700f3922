package org.embdiff.attention;

import org.embdiff.linalg.CentredPca;
import org.embdiff.vec.EmbeddingSpace;

/**
 * Projection onto the top-k principal axes of a space (eigenvectors of the covariance of all its
 * rows, sorted by eigenvalue). The projection is y = x V_k, without subtracting the mean, so the
 * projected vectors keep the component of the common direction that lies in the principal
 * subspace; dot products become those of the principal subspace.
 */
public final class PcaProjection {
  private final int dim;
  private final int k;
  private final double[] axes;
  private final double explainedVariance;

  private PcaProjection(int dim, int k, double[] axes, double explainedVariance) {
    this.dim = dim;
    this.k = k;
    this.axes = axes;
    this.explainedVariance = explainedVariance;
  }

  /** Fits the top {@code k} axes of {@code space} (the principal axes of {@link CentredPca}). */
  public static PcaProjection fit(EmbeddingSpace space, int k) {
    CentredPca pca = CentredPca.fit(space, k);
    int d = space.dim();
    double[] axes = new double[d * k];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < k; j++) {
        axes[i * k + j] = pca.components().get(i, j);
      }
    }
    return new PcaProjection(d, k, axes, pca.explained());
  }

  /** Projects n rows of dimension {@link #sourceDim()} to {@link #targetDim()}. */
  public double[] apply(double[] rows, int n) {
    return SelfAttention.multiply(rows, n, dim, axes, k);
  }

  /** Input dimension. */
  public int sourceDim() {
    return dim;
  }

  /** Output dimension. */
  public int targetDim() {
    return k;
  }

  /** Share of the total variance on the kept axes. */
  public double explainedVariance() {
    return explainedVariance;
  }
}
