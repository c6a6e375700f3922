package org.embdiff.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;


/** The contract every {@link TruncatedSvd} meets, checked against EJML's exact dense SVD. */
abstract class TruncatedSvdContractTest {
  /** Relative error allowed on each of the top singular values. */
  static final double REL_TOL = 1e-6;

  abstract TruncatedSvd svd();

  /**
   * An m x n matrix U diag(sigma) V^T with random orthonormal U, V and sigma_i = 0.7^i (a clearly
   * decaying spectrum, like co-occurrence matrices), stored densely in CSR form.
   */
  static CsrMatrix decaying(int m, int n, long seed) {
    Random rnd = new Random(seed);
    int r = Math.min(m, n);
    DMatrixRMaj u = orthonormal(m, r, rnd);
    DMatrixRMaj v = orthonormal(n, r, rnd);
    DMatrixRMaj us = u.copy();
    for (int j = 0; j < r; j++) {
      double s = 10 * Math.pow(0.7, j);
      for (int i = 0; i < m; i++) {
        us.set(i, j, us.get(i, j) * s);
      }
    }
    DMatrixRMaj a = new DMatrixRMaj(m, n);
    org.ejml.dense.row.CommonOps_DDRM.multTransB(us, v, a);
    IntArrayList rows = new IntArrayList();
    IntArrayList cols = new IntArrayList();
    DoubleArrayList vals = new DoubleArrayList();
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        rows.add(i);
        cols.add(j);
        vals.add(a.get(i, j));
      }
    }
    return CsrMatrix.fromTriples(m, n, rows.toIntArray(), cols.toIntArray(), vals.toDoubleArray());
  }

  static DMatrixRMaj orthonormal(int n, int k, Random rnd) {
    DMatrixRMaj g = new DMatrixRMaj(n, k);
    for (int i = 0; i < g.data.length; i++) {
      g.data[i] = rnd.nextGaussian();
    }
    return RandomizedSvd.orthonormalize(g);
  }

  void assertMatchesExact(CsrMatrix a, int k) {
    double[] expected = ExactSvd.top(a.toDense(), k);
    double[] actual = svd().singularValues(a, k);
    assertThat(actual).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("sigma_%d of %dx%d", i + 1, a.rows(), a.cols())
          .isCloseTo(expected[i], within(REL_TOL * expected[0] + 1e-300));
    }
    for (int i = 1; i < actual.length; i++) {
      assertThat(actual[i]).isLessThanOrEqualTo(actual[i - 1]);
    }
  }

  @Test
  void tall() {
    assertMatchesExact(decaying(300, 60, 1), 5);
  }

  @Test
  void wide() {
    assertMatchesExact(decaying(50, 240, 2), 5);
  }

  @Test
  void square() {
    assertMatchesExact(decaying(150, 150, 3), 8);
  }

  @Test
  void kLargerThanTheMatrixGivesAllValues() {
    CsrMatrix a = decaying(12, 9, 4);
    assertThat(svd().singularValues(a, 50)).hasSize(9);
    assertMatchesExact(a, 9);
  }

  /** Rank 3 in 400 x 300 (three non-zero rows): fewer than the k + p columns a randomized sketch takes. */
  @Test
  void rankBelowTheSketchWidth() {
    CsrMatrix a = CsrMatrix.fromTriples(400, 300, new int[] {0, 7, 399, 7}, new int[] {0, 5, 299, 6},
        new double[] {3, 2, 1, 2});
    double[] sigma = svd().singularValues(a, 5);
    assertThat(sigma).containsExactly(new double[] {3, 2 * Math.sqrt(2), 1, 0, 0}, within(1e-9));
  }

  @Test
  void zeroMatrix() {
    CsrMatrix z = new CsrMatrix(20, 30, new int[21], new int[0], new double[0]);
    assertThat(svd().singularValues(z, 5)).containsOnly(0.0);
  }

  @Test
  void identity() {
    int n = 40;
    int[] ptr = new int[n + 1];
    int[] ci = new int[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      ptr[i + 1] = i + 1;
      ci[i] = i;
      v[i] = 1;
    }
    double[] s = svd().singularValues(new CsrMatrix(n, n, ptr, ci, v), 10);
    assertThat(s).hasSize(10);
    for (double x : s) {
      assertThat(x).isCloseTo(1.0, within(1e-9));
    }
  }

  @Test
  void tinyValues() {
    CsrMatrix a = decaying(80, 60, 5).map(x -> x * 1e-150);
    double[] expected = ExactSvd.top(a.toDense(), 4);
    double[] actual = svd().singularValues(a, 4);
    for (int i = 0; i < 4; i++) {
      assertThat(actual[i] / expected[i]).isCloseTo(1.0, within(REL_TOL));
    }
  }

  @Test
  void csrProductsEqualDenseProducts() {
    CsrMatrix a = decaying(30, 20, 6);
    DMatrixRMaj b = DMatrixRMaj.wrap(20, 3, new Random(1).doubles(60).toArray());
    DMatrixRMaj expected = new DMatrixRMaj(30, 3);
    org.ejml.dense.row.CommonOps_DDRM.mult(a.toDense(), b, expected);
    DMatrixRMaj got = a.multiply(b, null);
    for (int i = 0; i < expected.data.length; i++) {
      assertThat(got.data[i]).isCloseTo(expected.data[i], within(1e-12));
    }
    DMatrixRMaj c = DMatrixRMaj.wrap(30, 2, new Random(2).doubles(60).toArray());
    DMatrixRMaj expectedT = new DMatrixRMaj(20, 2);
    org.ejml.dense.row.CommonOps_DDRM.multTransA(a.toDense(), c, expectedT);
    DMatrixRMaj gotT = a.transposeMultiply(c, null);
    for (int i = 0; i < expectedT.data.length; i++) {
      assertThat(gotT.data[i]).isCloseTo(expectedT.data[i], within(1e-12));
    }
  }
}

class ExactSvdTest extends TruncatedSvdContractTest {
  @Override
  TruncatedSvd svd() {
    return new ExactSvd();
  }
}

class RandomizedSvdTest extends TruncatedSvdContractTest {
  @Override
  TruncatedSvd svd() {
    return new RandomizedSvd(10, 4, 11);
  }

  @Test
  void sameSeedSameValues() {
    CsrMatrix a = decaying(200, 100, 9);
    assertThat(svd().singularValues(a, 6)).containsExactly(svd().singularValues(a, 6));
  }
}
