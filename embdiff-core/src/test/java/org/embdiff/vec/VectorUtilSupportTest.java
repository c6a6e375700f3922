package org.embdiff.vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The kernels against a double-precision reference, and the Vector API kernels against scalar on
 * awkward sizes. The SIMD comparisons skip unless the JVM has {@code jdk.incubator.vector} (the
 * "vector-api" surefire execution adds it, on any JDK).
 */
class VectorUtilSupportTest {
  private static final int[] SIZES = {1, 3, 7, 13, 25, 50, 100, 200, 207, 300, 4098};
  private static final double EPS = Math.ulp(1f);
  private static final VectorUtilSupport SCALAR = ScalarVectorUtilSupport.INSTANCE;

  /** Float summation error bound: grows with the length and the sum of magnitudes (Higham, ch. 3). */
  private static double tolerance(int length, double sumAbs) {
    return 2 * length * EPS * sumAbs + 1e-30;
  }

  private static float[] random(Random random, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return v;
  }

  @Test
  void scalarMatchesDoubleReference() {
    Random random = new Random(1);
    for (int n : SIZES) {
      float[] a = random(random, n + 5), b = random(random, n + 3);
      double dot = 0, abs = 0, aa = 0, bb = 0, dist = 0, distAbs = 0;
      for (int i = 0; i < n; i++) {
        double x = a[i + 5], y = b[i + 3];
        dot += x * y;
        abs += Math.abs(x * y);
        aa += x * x;
        bb += y * y;
        dist += (x - y) * (x - y);
      }
      distAbs = dist;
      assertThat((double) SCALAR.dot(a, 5, b, 3, n)).as("dot n=%d", n).isCloseTo(dot, org.assertj.core.data.Offset.offset(tolerance(n, abs)));
      assertThat((double) SCALAR.squareDistance(a, 5, b, 3, n)).as("dist n=%d", n)
          .isCloseTo(dist, org.assertj.core.data.Offset.offset(tolerance(n, distAbs)));
      assertThat((double) SCALAR.cosine(a, 5, b, 3, n)).as("cosine n=%d", n)
          .isCloseTo(dot / Math.sqrt(aa * bb), org.assertj.core.data.Offset.offset(tolerance(n, abs) / Math.sqrt(aa * bb) + 1e-6));
    }
  }

  @Test
  void simdMatchesScalarOnAwkwardSizes() {
    VectorUtilSupport simd = VectorSupportSelector.simdOrNull();
    assumeThat(simd).as("jdk.incubator.vector not in this JVM (run with --add-modules jdk.incubator.vector)").isNotNull();
    Random random = new Random(2);
    for (int n : SIZES) {
      for (int rep = 0; rep < 5; rep++) {
        float[] a = random(random, n + 2), b = random(random, n + 1);
        double abs = 0, aa = 0, bb = 0, dd = 0;
        for (int i = 0; i < n; i++) {
          abs += Math.abs((double) a[i + 2] * b[i + 1]);
          aa += (double) a[i + 2] * a[i + 2];
          bb += (double) b[i + 1] * b[i + 1];
          dd += ((double) a[i + 2] - b[i + 1]) * ((double) a[i + 2] - b[i + 1]);
        }
        double tol = tolerance(n, abs);
        assertThat((double) simd.dot(a, 2, b, 1, n)).as("dot n=%d", n)
            .isCloseTo(SCALAR.dot(a, 2, b, 1, n), org.assertj.core.data.Offset.offset(tol));
        assertThat((double) simd.squareDistance(a, 2, b, 1, n)).as("dist n=%d", n)
            .isCloseTo(SCALAR.squareDistance(a, 2, b, 1, n), org.assertj.core.data.Offset.offset(tolerance(n, dd)));
        assertThat((double) simd.cosine(a, 2, b, 1, n)).as("cosine n=%d", n)
            .isCloseTo(SCALAR.cosine(a, 2, b, 1, n), org.assertj.core.data.Offset.offset(tol / Math.sqrt(aa * bb) + 1e-6));
      }
    }
    assertThat(simd.name()).startsWith("vector-api-");
  }

  @Test
  void simdDotBlockMatchesScalar() {
    VectorUtilSupport simd = VectorSupportSelector.simdOrNull();
    assumeThat(simd).as("jdk.incubator.vector not in this JVM").isNotNull();
    checkDotBlock(simd);
  }

  @Test
  void scalarDotBlockMatchesDot() {
    checkDotBlock(SCALAR);
  }

  /**
   * Query counts 1..9 (groups of 4 plus leftovers) and 16, 19, 37 (the transposed-tile path of the
   * Vector API kernels), row counts around multiples of 16 and 32, offsets.
   */
  private static void checkDotBlock(VectorUtilSupport support) {
    Random random = new Random(3);
    for (int dim : new int[] {1, 3, 7, 13, 25, 50, 100, 207, 300}) {
      for (int queries : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 19, 37}) {
        int rows = queries < 10 ? 1 + random.nextInt(11) : new int[] {1, 15, 16, 17, 31, 33, 64, 70}[random.nextInt(8)];
        float[] q = random(random, (queries + 2) * dim);
        float[] m = random(random, (rows + 3) * dim);
        float[] scores = new float[queries * rows];
        support.dotBlock(q, 2, queries, m, 3, rows, dim, scores, queries % 2 == 0 ? new float[rows * dim] : null);
        for (int i = 0; i < queries; i++) {
          for (int r = 0; r < rows; r++) {
            double abs = 0;
            for (int j = 0; j < dim; j++) {
              abs += Math.abs((double) q[(2 + i) * dim + j] * m[(3 + r) * dim + j]);
            }
            float expected = SCALAR.dot(q, (2 + i) * dim, m, (3 + r) * dim, dim);
            assertThat((double) scores[i * rows + r]).as("%s dim=%d q=%d/%d r=%d/%d", support.name(), dim, i, queries, r, rows)
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(tolerance(dim, abs)));
          }
        }
      }
    }
  }

  @Test
  void expMatchesMathExpOnBothKernels() {
    Random random = new Random(9);
    VectorUtilSupport simd = VectorSupportSelector.simdOrNull();
    for (int n : SIZES) {
      float[] v = new float[n + 2];
      for (int i = 0; i < v.length; i++) {
        // softmax inputs: logits shifted to <= 0, down to where exp underflows in float
        v[i] = (float) (-Math.abs(random.nextGaussian()) * 20);
      }
      for (VectorUtilSupport support : simd == null ? new VectorUtilSupport[] {SCALAR} : new VectorUtilSupport[] {SCALAR, simd}) {
        float[] out = v.clone();
        support.expInPlace(out, 1, n);
        assertThat(out[0]).isEqualTo(v[0]);
        assertThat(out[n + 1]).isEqualTo(v[n + 1]);
        for (int i = 1; i <= n; i++) {
          double expected = Math.exp(v[i]);
          assertThat((double) out[i]).as("%s n=%d exp(%s)", support.name(), n, v[i])
              .isCloseTo(expected, org.assertj.core.data.Offset.offset(4.0 * Math.ulp((float) expected) + Float.MIN_NORMAL));
        }
      }
    }
  }

  @Test
  void facadeValidatesShapesWithBothLengths() {
    assertThatThrownBy(() -> VectorUtil.dot(new float[3], new float[4])).hasMessageContaining("3").hasMessageContaining("4");
    assertThatThrownBy(() -> VectorUtil.cosine(new float[5], new float[2])).hasMessageContaining("5 != 2");
    assertThatThrownBy(() -> VectorUtil.squareDistance(new float[1], new float[0])).hasMessageContaining("1 != 0");
    assertThatThrownBy(() -> VectorUtil.dotBlock(new float[10], 0, 3, new float[20], 0, 2, 5, new float[6]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("queries rows [0, 3) x dim 5").hasMessageContaining("10");
    assertThatThrownBy(() -> VectorUtil.dotBlock(new float[10], 0, 2, new float[20], 0, 4, 5, new float[7]))
        .hasMessageContaining("scores length 7 < queries 2 x rows 4");
  }

  @Test
  void facadeKernelsComputeExactSmallCases() {
    assertThat(VectorUtil.dot(new float[] {1, 2, 3}, new float[] {4, 5, 6})).isEqualTo(32f);
    assertThat(VectorUtil.squareDistance(new float[] {1, 2, 3}, new float[] {4, 6, 3})).isEqualTo(25f);
    assertThat(VectorUtil.cosine(new float[] {3, 4}, new float[] {6, 8})).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-7f));
    assertThat(VectorUtil.cosine(new float[] {0, 0}, new float[] {1, 2})).isZero();
    assertThat(VectorUtil.l2normalize(new float[] {3, 4})).containsExactly(0.6f, 0.8f);
    float[] block = new float[4];
    VectorUtil.dotBlock(new float[] {1, 0, 0, 1}, 0, 2, new float[] {2, 3, 4, 5}, 0, 2, 2, block);
    assertThat(block).containsExactly(2, 4, 3, 5);
    assertThat(VectorUtil.providerName()).isIn("scalar", "vector-api-128bit", "vector-api-256bit", "vector-api-512bit");
  }

  @Test
  void selectorPolicyRefusesWithReasonAndRemedy() {
    VectorSupportSelector.Choice java16 = VectorSupportSelector.select(16, "auto", true);
    assertThat(java16.support().name()).isEqualTo("scalar");
    assertThat(java16.note()).contains("Java 16 < 17").contains("-Dembdiff.simd=on");
    assertThat(java16.actionable()).isFalse();

    VectorSupportSelector.Choice noModule = VectorSupportSelector.select(25, "auto", false);
    assertThat(noModule.support().name()).isEqualTo("scalar");
    assertThat(noModule.note()).contains("--add-modules jdk.incubator.vector");
    assertThat(noModule.actionable()).isTrue();

    VectorSupportSelector.Choice off = VectorSupportSelector.select(25, "off", true);
    assertThat(off.support().name()).isEqualTo("scalar");
    assertThat(off.note()).contains("-Dembdiff.simd=off");

    VectorSupportSelector.Choice bogus = VectorSupportSelector.select(25, "maybe", true);
    assertThat(bogus.note()).contains("expected auto, on or off");
  }

  @Test
  void selectorLoadsSimdWhenAllowedAndPresent() {
    assumeThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).as("jdk.incubator.vector not in this JVM").isPresent();
    VectorSupportSelector.Choice on = VectorSupportSelector.select(17, "on", true);
    assertThat(on.support().name()).startsWith("vector-api-");
    assertThat(on.note()).isEmpty();
    // the default on JDK 17 (measured 8-10x scalar there): no opt-in needed
    VectorSupportSelector.Choice auto17 = VectorSupportSelector.select(17, "auto", true);
    assertThat(auto17.support().name()).startsWith("vector-api-");
  }
}
