package org.embdiff.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.embdiff.vec.EmbeddingSpace;

/** Spectra of sparse matrices (by a {@link TruncatedSvd}) and PCA spectra of embedding spaces. */
public final class Spectra {
  private Spectra() {}

  /** The top-{@code k} spectrum of {@code a}. */
  public static Spectrum of(String name, CsrMatrix a, int k, TruncatedSvd svd) {
    double[] s = svd.singularValues(a, k);
    return Spectrum.of(name, a.rows(), a.cols(), a.nnz(), a.frobeniusSquared(), s, svd.describe());
  }

  /**
   * The PCA spectrum of an embedding matrix: singular values of the column-centred V x d matrix
   * (sqrt of the eigenvalues of its scatter matrix, by EJML's symmetric eigen-decomposition), top
   * {@code k} (at most d). {@code energyTop10} is then the variance explained by 10 components.
   */
  public static Spectrum pca(String name, EmbeddingSpace space, int k) {
    int n = space.size();
    int d = space.dim();
    float[] m = space.matrix();
    double[] mean = CentredPca.meanRow(space);
    DMatrixRMaj scatter = new DMatrixRMaj(d, d);
    double[] row = new double[d];
    double[] s = scatter.data;
    for (int r = 0; r < n; r++) {
      for (int b = 0; b < d; b++) {
        row[b] = m[r * d + b] - mean[b];
      }
      // upper triangle only; mirrored below
      for (int i = 0; i < d; i++) {
        double ri = row[i];
        int o = i * d;
        for (int j = i; j < d; j++) {
          s[o + j] += ri * row[j];
        }
      }
    }
    double trace = 0;
    for (int i = 0; i < d; i++) {
      trace += s[i * d + i];
      for (int j = 0; j < i; j++) {
        s[i * d + j] = s[j * d + i];
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
