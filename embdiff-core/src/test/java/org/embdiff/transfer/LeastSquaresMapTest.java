package org.embdiff.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Vocabulary;
import org.junit.jupiter.api.Test;

class LeastSquaresMapTest {
  static EmbeddingSpace random(int n, int d, long seed) {
    Random r = new Random(seed);
    String[] words = new String[n];
    float[] m = new float[n * d];
    for (int i = 0; i < n; i++) {
      words[i] = "w" + i;
    }
    for (int i = 0; i < m.length; i++) {
      m[i] = (float) r.nextGaussian();
    }
    return new EmbeddingSpace(new Vocabulary(words), d, m);
  }

  @Test
  void recoversAnExactAffineMapAcrossDimensions() {
    EmbeddingSpace src = random(300, 4, 1);
    // target = fixed 4 -> 7 linear map plus an offset
    float[] t = new float[300 * 7];
    for (int i = 0; i < 300; i++) {
      for (int j = 0; j < 7; j++) {
        double v = 0.5 * j;
        for (int k = 0; k < 4; k++) {
          v += (k + 1) * (j - 3) * 0.1 * src.get(i, k);
        }
        t[i * 7 + j] = (float) v;
      }
    }
    EmbeddingSpace tgt = new EmbeddingSpace(src.vocabulary(), 7, t);
    LeastSquaresMap map = LeastSquaresMap.fit(src, tgt, src.vocabulary().words());
    float[] out = new float[7];
    map.apply(src.matrix(), 5 * 4, out, 0);
    for (int j = 0; j < 7; j++) {
      assertThat((double) out[j]).isCloseTo(tgt.get(5, j), within(1e-4));
    }
  }

  @Test
  void excludingDowndatesToTheSameMapAsRefitting() {
    EmbeddingSpace src = random(500, 6, 2);
    EmbeddingSpace tgt = random(500, 3, 3);
    List<String> anchors = src.vocabulary().words();
    Set<String> excluded = Set.of("w1", "w17", "w200", "w499", "not-an-anchor");
    VectorMap fast = LeastSquaresMap.fitter().excluding(src, tgt, anchors).apply(excluded);
    List<String> kept = new ArrayList<>(anchors);
    kept.removeAll(excluded);
    VectorMap slow = LeastSquaresMap.fit(src, tgt, kept);
    float[] a = new float[3];
    float[] b = new float[3];
    for (int row = 0; row < 20; row++) {
      fast.apply(src.matrix(), row * 6, a, 0);
      slow.apply(src.matrix(), row * 6, b, 0);
      for (int j = 0; j < 3; j++) {
        assertThat((double) a[j]).isCloseTo(b[j], within(1e-5));
      }
    }
    assertThat(fast.description()).contains("496 anchors");
  }

  @Test
  void tooFewAnchorsIsAClearError() {
    EmbeddingSpace src = random(5, 6, 2);
    assertThatThrownBy(() -> LeastSquaresMap.fit(src, src, src.vocabulary().words()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs at least 7 anchor words, got 5");
  }
}
