package org.embdiff.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The kernel of this JVM (Vector API in the SIMD test run, scalar otherwise) against plain double loops. */
class SgnsKernelTest {
  private static float[] random(SplittableRandom r, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (r.nextDouble() - 0.5);
    }
    return x;
  }

  @Test
  void dotAndFusedPairUpdateMatchTheirDefinitionsAtEveryTailLength() {
    SgnsKernel kernel = SgnsKernel.get();
    SplittableRandom r = new SplittableRandom(3);
    for (int d : new int[] {1, 3, 4, 7, 16, 25, 50, 100, 131}) {
      float[] x = random(r, 2 * d + 5);
      float[] y = random(r, 3 * d + 2);
      float[] e = random(r, d + 1);
      int xo = d + 5, yo = d + 2, eo = 1;
      float g = 0.0173f;
      double dot = 0;
      for (int j = 0; j < d; j++) {
        dot += (double) x[xo + j] * y[yo + j];
      }
      assertThat((double) kernel.dot(x, xo, y, yo, d)).as("d=%d", d).isCloseTo(dot, within(1e-5));
      float[] e2 = e.clone();
      float[] y2 = y.clone();
      kernel.pair(e2, eo, y2, yo, x, xo, g, d);
      for (int j = 0; j < d; j++) {
        assertThat(e2[eo + j]).isCloseTo(e[eo + j] + g * y[yo + j], within(1e-6f));
        assertThat(y2[yo + j]).isCloseTo(y[yo + j] + g * x[xo + j], within(1e-6f));
      }
      assertThat(e2[0]).isEqualTo(e[0]);
      assertThat(y2[yo - 1]).isEqualTo(y[yo - 1]);
      assertThat(y2[yo + d]).isEqualTo(y[yo + d]);
    }
  }
}
