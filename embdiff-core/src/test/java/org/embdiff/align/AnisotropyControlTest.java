package org.embdiff.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.embdiff.inference.Bootstrap;
import org.embdiff.inference.Decision;
import org.embdiff.inference.Direction;
import org.embdiff.inference.Interval;
import org.embdiff.inference.Measurement;
import org.embdiff.inference.Verdict;
import org.embdiff.util.ProgressListener;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Vocabulary;
import org.junit.jupiter.api.Test;

/**
 * The anisotropy confound: B is A rotated plus one common direction added to every word (a high
 * random-pair cosine, as GloVe's Twitter vectors have), so no word moved. Aligned on raw unit vectors
 * the common direction shows up as a shift of every word; aligned on centred unit vectors (Artetxe
 * et al. 2018) it does not.
 */
class AnisotropyControlTest {
  private static final double MARGIN = 0.1;

  @Test
  void centringBothSidesRemovesTheShiftACommonDirectionFakes() {
    // A: 19 random coordinates and a zero 20th; B: A's 19 coordinates rotated, and 2.0 in the 20th for every word
    EmbeddingSpace a19 = AlignerTest.random(1500, 19, 5, "");
    EmbeddingSpace r19 = AlignerTest.rotated(a19, 9);
    int n = a19.size();
    float[] ma = new float[n * 20];
    float[] mb = new float[n * 20];
    for (int w = 0; w < n; w++) {
      double na = 0;
      double nb = 0;
      for (int c = 0; c < 19; c++) {
        na += a19.get(w, c) * a19.get(w, c);
        nb += r19.get(w, c) * r19.get(w, c);
      }
      for (int c = 0; c < 19; c++) {
        ma[w * 20 + c] = (float) (a19.get(w, c) / Math.sqrt(na));
        mb[w * 20 + c] = (float) (r19.get(w, c) / Math.sqrt(nb));
      }
      mb[w * 20 + 19] = 2.0f;
    }
    String[] words = a19.vocabulary().words().toArray(new String[0]);
    EmbeddingSpace a = new EmbeddingSpace(new Vocabulary(words), 20, ma);
    EmbeddingSpace b = new EmbeddingSpace(new Vocabulary(words), 20, mb);
    Interval naive = meanDelta(a, b, false);
    Interval centred = meanDelta(a, b, true);
    assertThat(centred.estimate()).as("centred %s vs naive %s", centred, naive).isLessThan(naive.estimate() / 2);
    Decision d = Decision.decide(Direction.GREATER, MARGIN, 30, Measurement.naive(naive, 1500),
        Measurement.controlled(centred, 1500, "centred alignment"), Double.NaN, 0.05);
    assertThat(d.naive()).isEqualTo(Verdict.SUPPORTED);
    assertThat(d.controlled()).isIn(Verdict.NO_DIFFERENCE, Verdict.INCONCLUSIVE);
    assertThat(d.verdict()).isEqualTo(Verdict.CONFOUNDED);
  }

  private static Interval meanDelta(EmbeddingSpace a, EmbeddingSpace b, boolean centre) {
    Aligner.Fitted f = Aligner.fit(a, b, SharedVocabulary.of(a, b, WordTags.english()),
        Aligner.Settings.defaults().withCentring(centre), WordTags.english(), ProgressListener.NONE);
    return Bootstrap.mean(f.delta(), Bootstrap.Settings.defaults().with(Bootstrap.Method.PERCENTILE),
        new SplittableRandom(1));
  }
}
