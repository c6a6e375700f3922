package org.embdiff.attention;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
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

  /** Fits the top {@code k} axes of {@code space}. */
  public static PcaProjection fit(EmbeddingSpace space, int k) {
    int d = space.dim();
    if (k < 1 || k > d) {
      throw new IllegalArgumentException("PCA target dimension must be in [1, " + d + "], got " + k);
    }
    int n = space.size();
    float[] m = space.matrix();
    double[] mean = new double[d];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < d; c++) {
        mean[c] += m[r * d + c];
      }
    }
    for (int c = 0; c < d; c++) {
      mean[c] /= n;
    }
    DMatrixRMaj cov = new DMatrixRMaj(d, d);
    double[] x = new double[d];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < d; c++) {
        x[c] = m[r * d + c] - mean[c];
      }
      for (int i = 0; i < d; i++) {
        for (int j = i; j < d; j++) {
          cov.data[i * d + j] += x[i] * x[j];
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        cov.data[i * d + j] /= Math.max(1, n - 1);
        cov.data[j * d + i] = cov.data[i * d + j];
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
    if (!eig.decompose(cov)) {
      throw new IllegalStateException("eigendecomposition of the " + d + "x" + d + " covariance failed");
    }
    Integer[] order = new Integer[d];
    double total = 0;
    for (int i = 0; i < d; i++) {
      order[i] = i;
      total += eig.getEigenvalue(i).real;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(b).real, eig.getEigenvalue(a).real));
    double[] axes = new double[d * k];
    double kept = 0;
    for (int j = 0; j < k; j++) {
      DMatrixRMaj v = eig.getEigenVector(order[j]);
      kept += eig.getEigenvalue(order[j]).real;
      for (int i = 0; i < d; i++) {
        axes[i * k + j] = v.get(i, 0);
      }
    }
    return new PcaProjection(d, k, axes, total > 0 ? kept / total : 0);
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
