package org.embdiff.linalg;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/** Singular values by EJML's dense SVD of the whole matrix: exact, O(m n min(m, n)); small matrices only. */
public final class ExactSvd implements TruncatedSvd {
  @Override
  public double[] singularValues(CsrMatrix a, int k) {
    return top(a.toDense(), k);
  }

  /** The {@code k} largest singular values of a dense matrix (which is not modified). */
  public static double[] top(DMatrixRMaj m, int k) {
    if (m.numRows == 0 || m.numCols == 0) {
      return new double[0];
    }
    SingularValueDecomposition_F64<DMatrixRMaj> svd =
        DecompositionFactory_DDRM.svd(m.numRows, m.numCols, false, false, true);
    if (!svd.decompose(m.copy())) {
      throw new IllegalStateException("EJML SVD did not converge on a " + m.numRows + "x" + m.numCols + " matrix");
    }
    double[] s = Arrays.copyOf(svd.getSingularValues(), svd.numberOfSingularValues());
    Arrays.sort(s);
    int n = Math.min(k, s.length);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = s[s.length - 1 - i];
    }
    return out;
  }

  @Override
  public String describe() {
    return "exact dense SVD (EJML)";
  }
}
