package org.embdiff.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.embdiff.vec.EmbeddingSpace;
import org.junit.jupiter.api.Test;

class GloveOutputTest {
  @Test
  void modelsAndTheUnkRowFollowTheCTool() {
    GloveModel m = GloveModel.initialize(3, 2, 5);
    String[] words = {"a", "b", "c"};
    EmbeddingSpace all = GloveOutput.space(m, words, 0, false);
    assertThat(all.dim()).isEqualTo(6); // w, b, w~, b~
    assertThat(all.get(1, 2)).isEqualTo((float) m.wordBias(2));
    assertThat(all.get(1, 5)).isEqualTo((float) m.contextBias(2));
    EmbeddingSpace sum = GloveOutput.space(m, words, 2, true);
    assertThat(sum.size()).isEqualTo(4);
    assertThat(sum.word(3)).isEqualTo("<unk>");
    for (int b = 0; b < 2; b++) {
      double mean = (sum.get(0, b) + sum.get(1, b) + sum.get(2, b)) / 3.0;
      assertThat(sum.get(3, b)).isCloseTo((float) mean, within(1e-6f));
      assertThat(sum.get(0, b)).isCloseTo(m.wordVector(1)[b] + m.contextVector(1)[b], within(1e-6f));
    }
    // a corpus that has the word <unk> (wikitext) gets no second one
    EmbeddingSpace withUnkWord = GloveOutput.space(m, new String[] {"a", "<unk>", "c"}, 1, true);
    assertThat(withUnkWord.size()).isEqualTo(3);
  }
}
