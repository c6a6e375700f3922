package org.embdiff.linalg;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_MT_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Randomized truncated SVD (Halko, Martinsson & Tropp 2011, Alg. 4.4 "randomized subspace
 * iteration" + Alg. 5.1): Y = A Omega with a Gaussian n x (k + p) Omega, q power iterations with
 * re-orthonormalisation (Q = qr(A qr(A^T Q))), then the singular values of the small B = Q^T A
 * from an exact SVD. Deterministic for a seed.
 *
 * @param oversampling extra columns p (default 10)
 * @param powerIterations q (default 2; more for slowly decaying spectra)
 * @param seed seed of Omega
 */
public record RandomizedSvd(int oversampling, int powerIterations, long seed) implements TruncatedSvd {

  /** Validates the settings. */
  public RandomizedSvd {
    if (oversampling < 0) {
      throw new IllegalArgumentException("oversampling must be >= 0, got " + oversampling);
    }
    if (powerIterations < 0) {
      throw new IllegalArgumentException("power iterations must be >= 0, got " + powerIterations);
    }
  }

  /** p = 10, q = 2. */
  public static RandomizedSvd defaults(long seed) {
    return new RandomizedSvd(10, 2, seed);
  }

  @Override
  public double[] singularValues(CsrMatrix a, int k) {
    int m = a.rows();
    int n = a.cols();
    int r = Math.min(k, Math.min(m, n));
    if (r == 0) {
      return new double[0];
    }
    if (a.frobeniusSquared() == 0) {
      return new double[r];
    }
    int l = Math.min(r + oversampling, Math.min(m, n));
    SplittableRandom rnd = new SplittableRandom(seed);
    DMatrixRMaj omega = new DMatrixRMaj(n, l);
    for (int i = 0; i < omega.data.length; i++) {
      omega.data[i] = rnd.nextGaussian();
    }
    CsrMatrix at = a.transpose(); // A^T as CSR: its products parallelise by row like A's
    DMatrixRMaj q = orthonormalize(a.multiply(omega, null));
    for (int it = 0; it < powerIterations; it++) {
      DMatrixRMaj z = orthonormalize(at.multiply(q, null));
      q = orthonormalize(a.multiply(z, null));
    }
    // B^T = A^T Q (n x l); its singular values are those of B = Q^T A
    DMatrixRMaj bt = at.multiply(q, null);
    double[] s = smallSvd(bt);
    double[] out = new double[r];
    System.arraycopy(s, 0, out, 0, r);
    return out;
  }

  /** Singular values of a tall n x l matrix: QR, then the exact SVD of the l x l factor R. */
  static double[] smallSvd(DMatrixRMaj tall) {
    if (tall.numRows > 2 * tall.numCols) {
      QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_MT_DDRM.qr(tall.numRows, tall.numCols);
      // Householder QR refuses a rank-deficient matrix (an exactly zero column left); the exact SVD does not
      if (qr.decompose(qr.inputModified() ? tall.copy() : tall)) {
        DMatrixRMaj rr = qr.getR(null, true);
        return ExactSvd.top(rr, rr.numCols);
      }
    }
    return ExactSvd.top(tall, tall.numCols);
  }

  /**
   * An orthonormal basis of the columns of {@code y} (thin Householder QR, EJML multi-threaded; y is
   * overwritten), with column pivoting when {@code y} is rank-deficient.
   */
  static DMatrixRMaj orthonormalize(DMatrixRMaj y) {
    QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_MT_DDRM.qr(y.numRows, y.numCols);
    DMatrixRMaj copy = qr.inputModified() ? y.copy() : y;
    if (!qr.decompose(y)) {
      // y has rank < its columns (A of lower rank than k + p, e.g. few non-zero rows) and Householder QR
      // stopped at a zero column: column pivoting stops at the rank, and Q (a product of reflections)
      // is orthonormal all the same, its extra columns spanning directions A maps to zero
      QRDecomposition<DMatrixRMaj> pivoted = org.ejml.dense.row.factory.DecompositionFactory_DDRM.qrp(y.numRows,
          y.numCols);
      if (!pivoted.decompose(copy)) {
        throw new IllegalStateException("QR failed on " + y.numRows + "x" + y.numCols);
      }
      qr = pivoted;
    }
    DMatrixRMaj q = qr.getQ(null, true);
    if (q.numCols != y.numCols) {
      q = CommonOps_DDRM.extract(q, 0, q.numRows, 0, y.numCols);
    }
    return q;
  }

  @Override
  public String describe() {
    return "randomized SVD (Halko, Martinsson & Tropp 2011), oversampling " + oversampling + ", power iterations "
        + powerIterations + ", seed " + seed;
  }
}
