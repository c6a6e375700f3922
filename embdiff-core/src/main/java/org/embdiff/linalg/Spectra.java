package org.embdiff.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.VectorUtil;

/** Spectra of sparse matrices (by a {@link TruncatedSvd}) and PCA spectra of embedding spaces. */
public final class Spectra {
  private Spectra() {}

  /** The top-{@code k} spectrum of {@code a}. */
  public static Spectrum of(String name, CsrMatrix a, int k, TruncatedSvd svd) {
    double[] s = svd.singularValues(a, k);
    return Spectrum.of(name, a.rows(), a.cols(), a.nnz(), a.frobeniusSquared(), s, svd.describe());
  }

  /** Rows per block of the scatter product: float sums over at most this many terms, then added in double. */
  private static final int SCATTER_BLOCK = 512;

  /**
   * The PCA spectrum of an embedding matrix: singular values of the column-centred V x d matrix
   * (sqrt of the eigenvalues of its scatter matrix, by EJML's symmetric eigen-decomposition), top
   * {@code k} (at most d). {@code energyTop10} is then the variance explained by 10 components.
   */
  public static Spectrum pca(String name, EmbeddingSpace space, int k) {
    return pca(name, space.matrix(), space.dim(), null, space.size(), k);
  }

  /**
   * {@link #pca(String, EmbeddingSpace, int)} of the rows {@code rows[0..n)} of a row-major matrix
   * with {@code d} columns (repeats allowed, as in a bootstrap resample), or of its first {@code n}
   * rows when {@code rows} is null; nothing is copied but one block of rows at a time.
   */
  public static Spectrum pca(String name, float[] m, int d, int[] rows, int n, int k) {
    double[] mean = new double[d];
    for (int r = 0; r < n; r++) {
      int o = (rows == null ? r : rows[r]) * d;
      for (int b = 0; b < d; b++) {
        mean[b] += m[o + b];
      }
    }
    for (int b = 0; b < d; b++) {
      mean[b] /= Math.max(1, n);
    }
    DMatrixRMaj scatter = new DMatrixRMaj(d, d);
    double[] s = scatter.data;
    // S = sum over blocks of T T^T, T = the block's centred rows transposed (d x count): one blocked
    // float product per block (VectorUtil.dotBlock), accumulated in double
    int block = Math.min(SCATTER_BLOCK, Math.max(1, n));
    float[] t = new float[d * block];
    float[] product = new float[d * d];
    float[] scratch = new float[d * block];
    for (int from = 0; from < n; from += block) {
      int count = Math.min(block, n - from);
      for (int r = 0; r < count; r++) {
        int o = (rows == null ? from + r : rows[from + r]) * d;
        for (int b = 0; b < d; b++) {
          t[b * count + r] = (float) (m[o + b] - mean[b]);
        }
      }
      VectorUtil.dotBlock(t, 0, d, t, 0, d, count, product, scratch);
      for (int x = 0; x < d * d; x++) {
        s[x] += product[x];
      }
    }
    double trace = 0;
    for (int i = 0; i < d; i++) {
      trace += s[i * d + i];
      // exactly symmetric for the eigen-decomposition
      for (int j = 0; j < i; j++) {
        double v = 0.5 * (s[i * d + j] + s[j * d + i]);
        s[i * d + j] = v;
        s[j * d + i] = v;
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false, true);
    if (!eig.decompose(scatter)) {
      throw new IllegalStateException("eigen-decomposition failed for the " + d + "x" + d + " scatter matrix of " + name);
    }
    double[] ev = new double[d];
    for (int i = 0; i < d; i++) {
      ev[i] = Math.sqrt(Math.max(0, eig.getEigenvalue(i).real));
    }
    java.util.Arrays.sort(ev);
    int top = Math.min(k, d);
    double[] sigma = new double[top];
    for (int i = 0; i < top; i++) {
      sigma[i] = ev[d - 1 - i];
    }
    return Spectrum.of(name, n, d, (long) n * d, trace, sigma, "PCA: eigenvalues of the centred scatter matrix (EJML)");
  }
}
