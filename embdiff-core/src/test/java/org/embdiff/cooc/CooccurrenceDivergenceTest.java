package org.embdiff.cooc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.embdiff.linalg.CsrMatrix;
import org.junit.jupiter.api.Test;

class CooccurrenceDivergenceTest {
  private static CsrMatrix m(double[][] dense) {
    int n = dense.length;
    java.util.List<int[]> rc = new java.util.ArrayList<>();
    java.util.List<Double> v = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (dense[i][j] != 0) {
          rc.add(new int[] {i, j});
          v.add(dense[i][j]);
        }
      }
    }
    int[] r = rc.stream().mapToInt(x -> x[0]).toArray();
    int[] c = rc.stream().mapToInt(x -> x[1]).toArray();
    return CsrMatrix.fromTriples(n, n, r, c, v.stream().mapToDouble(Double::doubleValue).toArray());
  }

  @Test
  void zeroWithItselfAndScaleInvariant() {
    CsrMatrix a = m(new double[][] {{0, 2, 1}, {2, 0, 0.5}, {1, 0.5, 3}});
    CsrMatrix a3 = a.map(x -> 3 * x);
    assertThat(CooccurrenceDivergence.jensenShannonBits(a, a)).isEqualTo(0.0);
    assertThat(CooccurrenceDivergence.jensenShannonBits(a, a3)).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void disjointSupportsGiveOneBitAndJsIsSymmetric() {
    CsrMatrix a = m(new double[][] {{1, 0}, {0, 0}});
    CsrMatrix b = m(new double[][] {{0, 0}, {0, 4}});
    assertThat(CooccurrenceDivergence.jensenShannonBits(a, b)).isCloseTo(1.0, within(1e-12));
    CsrMatrix p = m(new double[][] {{1, 1}, {1, 1}});
    CsrMatrix q = m(new double[][] {{3, 1}, {0, 0}});
    // P = 1/4 each, Q = (3/4, 1/4, 0, 0), M = (1/2, 1/4, 1/8, 1/8):
    // JS = 1/2 [1/4 log2(1/2) + 0 + 2 * 1/4 log2 2] + 1/2 [3/4 log2(3/2) + 0] = 1/8 + 3/8 log2 1.5
    double expected = 0.125 + 0.375 * Math.log(1.5) / Math.log(2);
    assertThat(CooccurrenceDivergence.jensenShannonBits(p, q)).isCloseTo(expected, within(1e-12));
    assertThat(CooccurrenceDivergence.jensenShannonBits(q, p)).isCloseTo(expected, within(1e-12));
    assertThat(expected).isBetween(0.0, 1.0);
  }
}
