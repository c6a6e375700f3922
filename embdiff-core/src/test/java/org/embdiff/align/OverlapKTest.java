package org.embdiff.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.embdiff.util.ProgressListener;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Vocabulary;
import org.junit.jupiter.api.Test;

/**
 * The largest neighbour-overlap k: at 100 the overlaps at 10 and 100 are those of the k = 1000
 * search (prefixes of the same neighbour lists) and the overlap at 1000 is not measured.
 */
class OverlapKTest {
  @Test
  void overlapsUpTo100AreTheSameWhenTheSearchStopsAt100() {
    int n = 3000;
    EmbeddingSpace a = gaussian(n, 24, 1), b = gaussian(n, 16, 2);
    ShiftSettings full = ShiftSettings.defaults();
    List<WordShift> at1000 = DomainShift.analyze(a, b, full, ProgressListener.NONE).words();
    List<WordShift> at100 = DomainShift.analyze(a, b, full.withMaxOverlapK(100), ProgressListener.NONE).words();
    assertThat(at100).hasSameSizeAs(at1000);
    int same10 = 0, same100 = 0;
    for (int i = 0; i < at1000.size(); i++) {
      assertThat(at100.get(i).word()).isEqualTo(at1000.get(i).word());
      assertThat(at100.get(i).overlap1000()).isNaN();
      assertThat(at1000.get(i).overlap1000()).isBetween(0.0, 1.0);
      same10 += at100.get(i).overlap10() == at1000.get(i).overlap10() ? 1 : 0;
      same100 += at100.get(i).overlap100() == at1000.get(i).overlap100() ? 1 : 0;
    }
    // two kernels may order a near-tie at the 10th or 100th place differently; nothing else may differ
    assertThat(same10).isGreaterThanOrEqualTo(n * 99 / 100);
    assertThat(same100).isGreaterThanOrEqualTo(n * 99 / 100);
  }

  @Test
  void onlyOneHundredOrOneThousand() {
    assertThatThrownBy(() -> ShiftSettings.defaults().withMaxOverlapK(10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("100 or 1000");
  }

  private static EmbeddingSpace gaussian(int n, int dim, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] words = new String[n];
    float[] m = new float[n * dim];
    for (int i = 0; i < n; i++) {
      words[i] = "w" + i;
      for (int c = 0; c < dim; c++) {
        m[i * dim + c] = (float) random.nextGaussian();
      }
    }
    return new EmbeddingSpace(new Vocabulary(words), dim, m);
  }
}
