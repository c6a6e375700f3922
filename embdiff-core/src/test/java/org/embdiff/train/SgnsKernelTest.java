package org.embdiff.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The kernel of this JVM (Vector API or scalar) against plain double loops, at every tail length. */
class SgnsKernelTest {
  private static float[] random(SplittableRandom r, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (r.nextDouble() - 0.5);
    }
    return x;
  }

  @Test
  void blockedDotsAndAccumulationsMatchTheirDefinitions() {
    SgnsKernel kernel = SgnsKernel.get();
    SplittableRandom r = new SplittableRandom(3);
    for (int d : new int[] {1, 3, 4, 7, 16, 25, 50, 100, 131}) {
      for (int count : new int[] {1, 3, 6}) {
        float[] x = random(r, 8 * d + 3);
        float[] y = random(r, 2 * d + 2);
        int[] rows = new int[count];
        for (int k = 0; k < count; k++) {
          rows[k] = 3 + k * d;
        }
        float[] g = random(r, 2 * count + 1);
        float[] out = new float[count + 1];
        int yo = 1;
        kernel.dots(y, yo, x, rows, count, out, 1, d);
        float[] acc = y.clone();
        kernel.accumulate(acc, yo, x, rows, count, g, 1, 2, d);
        for (int k = 0; k < count; k++) {
          double dot = 0;
          for (int j = 0; j < d; j++) {
            dot += (double) y[yo + j] * x[rows[k] + j];
          }
          assertThat((double) out[1 + k]).as("%s, d=%d", kernel.getClass().getSimpleName(), d).isCloseTo(dot, within(1e-5));
        }
        for (int j = 0; j < d; j++) {
          double expected = y[yo + j];
          for (int k = 0; k < count; k++) {
            expected += (double) g[1 + 2 * k] * x[rows[k] + j];
          }
          assertThat((double) acc[yo + j]).isCloseTo(expected, within(1e-5));
        }
        assertThat(acc[0]).isEqualTo(y[0]);
        assertThat(acc[yo + d]).isEqualTo(y[yo + d]);
      }
    }
  }
}
