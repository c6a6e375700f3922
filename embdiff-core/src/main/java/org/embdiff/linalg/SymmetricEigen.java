package org.embdiff.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** Symmetric eigen-decomposition through EJML, eigenvalues sorted explicitly (descending). */
public final class SymmetricEigen {
  private SymmetricEigen() {}

  /**
   * {@code out[0]} = eigenvalues descending, {@code out[1 + j]} = unit eigenvector of the j-th.
   * The input is not modified.
   */
  public static double[][] decompose(DMatrixRMaj sym) {
    int d = sym.numRows;
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
    if (!eig.decompose(sym.copy())) {
      throw new IllegalStateException("eigen-decomposition did not converge (" + d + "x" + d + ")");
    }
    Integer[] order = new Integer[d];
    double[] values = new double[d];
    for (int j = 0; j < d; j++) {
      order[j] = j;
      values[j] = eig.getEigenvalue(j).getReal();
    }
    java.util.Arrays.sort(order, (p, q) -> Double.compare(values[q], values[p]));
    double[][] out = new double[d + 1][];
    out[0] = new double[d];
    for (int j = 0; j < d; j++) {
      out[0][j] = values[order[j]];
      DMatrixRMaj v = eig.getEigenVector(order[j]);
      double norm = 0;
      for (int i = 0; i < d; i++) {
        norm += v.get(i, 0) * v.get(i, 0);
      }
      norm = Math.sqrt(norm);
      out[j + 1] = new double[d];
      for (int i = 0; i < d; i++) {
        out[j + 1][i] = v.get(i, 0) / norm;
      }
    }
    return out;
  }
}
