package org.embdiff.align;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/** The numerics of alignment on row-major double matrices (one row per word). EJML does the decompositions. */
final class LinearMaps {
  private LinearMaps() {}

  /**
   * Orthogonal Procrustes: the orthogonal R minimising ||X R - Y||_F is R = U V^T where
   * X^T Y = U S V^T (Schönemann 1966). Inputs are not modified.
   */
  static DMatrixRMaj procrustes(DMatrixRMaj x, DMatrixRMaj y) {
    if (x.numCols != y.numCols || x.numRows != y.numRows) {
      throw new IllegalArgumentException("Procrustes needs equal shapes: " + x.numRows + "x" + x.numCols + " vs " + y.numRows + "x" + y.numCols);
    }
    DMatrixRMaj m = new DMatrixRMaj(x.numCols, y.numCols);
    CommonOps_DDRM.multTransA(x, y, m);
    SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m.numRows, m.numCols, true, true, false);
    if (!svd.decompose(m.copy())) {
      throw new IllegalStateException("SVD did not converge (" + m.numRows + "x" + m.numCols + ")");
    }
    DMatrixRMaj u = svd.getU(null, false);
    DMatrixRMaj v = svd.getV(null, false);
    DMatrixRMaj w = svd.getW(null);
    SingularOps_DDRM.descendingOrder(u, false, w, v, false);
    DMatrixRMaj r = new DMatrixRMaj(u.numRows, v.numRows);
    CommonOps_DDRM.multTransB(u, v, r);
    return r;
  }

  /** Least squares: W minimising ||X W - Y||_F, by QR (X is n x p, n >= p). Inputs are not modified. */
  static DMatrixRMaj leastSquares(DMatrixRMaj x, DMatrixRMaj y) {
    if (x.numRows < x.numCols) {
      throw new IllegalArgumentException("least squares needs at least as many anchors (" + x.numRows
          + ") as dimensions (" + x.numCols + ")");
    }
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquares(x.numRows, x.numCols);
    if (!solver.setA(x.copy())) {
      throw new IllegalArgumentException("least squares: the anchor matrix is singular");
    }
    DMatrixRMaj w = new DMatrixRMaj(x.numCols, y.numCols);
    solver.solve(y.copy(), w);
    return w;
  }

  /** A PCA: mean, the top components as columns (d x k), and the share of variance they explain. */
  record Pca(double[] mean, DMatrixRMaj components, double explained) {
    /** Projects row {@code i} of {@code x} onto the components. */
    double[] project(double[] row) {
      int d = mean.length, k = components.numCols;
      double[] out = new double[k];
      double[] c = components.data;
      // each out[j] sums over i in ascending order; the loop along component rows vectorises across j
      for (int i = 0; i < d; i++) {
        double xi = row[i] - mean[i];
        int o = i * k;
        for (int j = 0; j < k; j++) {
          out[j] += xi * c[o + j];
        }
      }
      return out;
    }
  }

  /** PCA of the rows of {@code x} (n x d) keeping {@code k} components: eigenvectors of the covariance, descending. */
  static Pca pca(DMatrixRMaj x, int k) {
    int n = x.numRows, d = x.numCols;
    double[] mean = new double[d];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < d; c++) {
        mean[c] += x.get(r, c);
      }
    }
    for (int c = 0; c < d; c++) {
      mean[c] /= n;
    }
    DMatrixRMaj centred = x.copy();
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < d; c++) {
        centred.set(r, c, centred.get(r, c) - mean[c]);
      }
    }
    DMatrixRMaj cov = new DMatrixRMaj(d, d);
    CommonOps_DDRM.multTransA(centred, centred, cov);
    CommonOps_DDRM.scale(1.0 / Math.max(1, n - 1), cov);
    double[][] eig = org.embdiff.linalg.SymmetricEigen.decompose(cov);
    double total = 0, kept = 0;
    DMatrixRMaj comps = new DMatrixRMaj(d, k);
    for (int j = 0; j < d; j++) {
      total += Math.max(0, eig[0][j]);
    }
    for (int j = 0; j < k; j++) {
      kept += Math.max(0, eig[0][j]);
      for (int i = 0; i < d; i++) {
        comps.set(i, j, eig[j + 1][i]);
      }
    }
    return new Pca(mean, comps, total == 0 ? 0 : kept / total);
  }
}
