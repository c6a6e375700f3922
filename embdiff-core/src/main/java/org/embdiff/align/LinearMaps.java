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
}
