package org.embdiff.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.embdiff.util.ProgressListener;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Vocabulary;
import org.junit.jupiter.api.Test;

class AlignerTest {
  private static final double TIGHT = 1e-5;

  static EmbeddingSpace random(int n, int dim, long seed, String prefix) {
    Random random = new Random(seed);
    String[] words = new String[n];
    float[] m = new float[n * dim];
    for (int i = 0; i < n; i++) {
      words[i] = prefix + "word" + i;
    }
    for (int i = 0; i < m.length; i++) {
      m[i] = (float) random.nextGaussian();
    }
    return new EmbeddingSpace(new Vocabulary(words), dim, m);
  }

  /** A with its rows rotated by a random orthogonal matrix (and rescaled: alignment is on unit vectors). */
  static EmbeddingSpace rotated(EmbeddingSpace a, long seed) {
    int d = a.dim();
    Random random = new Random(seed);
    DMatrixRMaj g = new DMatrixRMaj(d, d);
    for (int i = 0; i < d * d; i++) {
      g.data[i] = random.nextGaussian();
    }
    QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(d, d);
    qr.decompose(g);
    DMatrixRMaj q = qr.getQ(null, false);
    float[] m = new float[a.size() * d];
    for (int r = 0; r < a.size(); r++) {
      double scale = 1 + r % 3;
      for (int c = 0; c < d; c++) {
        double s = 0;
        for (int k = 0; k < d; k++) {
          s += a.get(r, k) * q.get(k, c);
        }
        m[r * d + c] = (float) (scale * s);
      }
    }
    return new EmbeddingSpace(a.vocabulary(), d, m);
  }

  @Test
  void fourRowsAtOnceGiveTheSameProductsBitForBit() {
    Random random = new Random(11);
    int rows = 4, d = 37, k = 23;
    double[] x = new double[rows * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian();
    }
    DMatrixRMaj m = new DMatrixRMaj(d, k);
    for (int i = 0; i < m.data.length; i++) {
      m.data[i] = random.nextGaussian();
    }
    double[][] four = new double[4][k];
    Aligner.times4(x, 0, d, m, four);
    for (int r = 0; r < rows; r++) {
      double[] one = new double[k];
      Aligner.times(x, r * d, d, m, one);
      assertThat(four[r]).containsExactly(one);
    }
  }

  @Test
  void procrustesRecoversARotation() {
    EmbeddingSpace a = random(400, 12, 1, "");
    EmbeddingSpace b = rotated(a, 2);
    AlignmentResult r = Aligner.align(a, b, Aligner.Settings.defaults());
    assertThat(r.method()).isEqualTo(MapMethod.PROCRUSTES);
    assertThat(r.anchors().count()).isEqualTo(400);
    // Delta = sqrt(2 - 2 cos) amplifies float rounding: 1e-8 in the cosine is 1.4e-4 in Delta
    assertThat(r.diagnostics().residualRms()).isCloseTo(0, within(1e-3));
    assertThat(r.diagnostics().heldOutMeanCosine()).isCloseTo(1, within(TIGHT));
    assertThat(r.diagnostics().sharedMeanCosine()).isCloseTo(1, within(TIGHT));
    // both sides are centred before the map (Artetxe et al. 2018), so the target is A's centred unit vector
    float[] aligned = r.alignedB().vector("word7");
    float[] target = r.spaceA().vector("word7");
    for (int c = 0; c < 12; c++) {
      assertThat((double) aligned[c]).isCloseTo(target[c], within(1e-4));
    }
  }

  @Test
  void procrustesIsOrthogonalAndOptimalAgainstNoise() {
    EmbeddingSpace a = random(300, 8, 3, "");
    EmbeddingSpace noisy = random(300, 8, 4, "");
    float[] m = a.matrix().clone();
    for (int i = 0; i < m.length; i++) {
      m[i] += 0.3f * noisy.matrix()[i];
    }
    EmbeddingSpace b = rotated(new EmbeddingSpace(a.vocabulary(), 8, m), 5);
    AlignmentResult r = Aligner.align(a, b, Aligner.Settings.defaults());
    assertThat(r.diagnostics().sharedMeanCosine()).isBetween(0.9, 0.99);
    assertThat(r.diagnostics().heldOutMeanCosine()).isLessThanOrEqualTo(r.diagnostics().anchorMeanCosine() + 1e-9);
    assertThat(r.diagnostics().stabilitySpearmanMean()).isGreaterThan(0.95);
  }

  @Test
  void differentDimensionsNeedPcaOrLeastSquares() {
    EmbeddingSpace a = random(300, 20, 6, "");
    EmbeddingSpace b = random(300, 5, 7, "");
    assertThatThrownBy(() -> Aligner.align(a, b, Aligner.Settings.defaults().withMethod(MapMethod.PROCRUSTES)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("equal dimensions").hasMessageContaining("pca-procrustes");
    AlignmentResult pca = Aligner.align(a, b, Aligner.Settings.defaults());
    assertThat(pca.method()).isEqualTo(MapMethod.PCA_PROCRUSTES);
    assertThat(pca.dimAligned()).isEqualTo(5);
    assertThat(pca.explainedVarianceA()).isBetween(0.2, 0.6);
    assertThat(pca.alignedB().dim()).isEqualTo(5);
    AlignmentResult ls = Aligner.align(a, b, Aligner.Settings.defaults().withMethod(MapMethod.LSTSQ));
    assertThat(ls.dimAligned()).isEqualTo(20);
    assertThat(ls.alignedB().size()).isEqualTo(300);
  }

  @Test
  void leastSquaresRecoversALinearMapAcrossDimensions() {
    EmbeddingSpace b = random(200, 4, 8, "");
    // A = B W with W 4 x 6 (unit-normalised afterwards)
    Random random = new Random(9);
    double[][] w = new double[4][6];
    for (double[] row : w) {
      for (int j = 0; j < 6; j++) {
        row[j] = random.nextGaussian();
      }
    }
    EmbeddingSpace ub = b.unitNormalized();
    float[] m = new float[200 * 6];
    for (int r = 0; r < 200; r++) {
      for (int j = 0; j < 6; j++) {
        double s = 0;
        for (int k = 0; k < 4; k++) {
          s += ub.get(r, k) * w[k][j];
        }
        m[r * 6 + j] = (float) s;
      }
    }
    EmbeddingSpace a = new EmbeddingSpace(b.vocabulary(), 6, m);
    AlignmentResult r = Aligner.align(a, b, Aligner.Settings.defaults().withMethod(MapMethod.LSTSQ));
    // on unit vectors the map is no longer exactly linear, but it stays close
    assertThat(r.diagnostics().sharedMeanCosine()).isGreaterThan(0.95);
  }

  @Test
  void anchorPolicyExcludesStopWordsNumbersAndShortWords() {
    String[] words = {"the", "a", "2010", "<user>", "house", "river", "--", "hentai", "city"};
    Random random = new Random(1);
    float[] m = new float[words.length * 3];
    for (int i = 0; i < m.length; i++) {
      m[i] = (float) random.nextGaussian();
    }
    EmbeddingSpace a = new EmbeddingSpace(new Vocabulary(words), 3, m);
    AlignmentResult r = Aligner.align(a, a, Aligner.Settings.defaults());
    assertThat(r.anchors().words()).containsExactly("house", "river", "city");
    assertThat(r.anchors().excluded()).containsEntry(WordTag.STOP_WORD, 2).containsEntry(WordTag.NUMBER, 1)
        .containsEntry(WordTag.PSEUDO_TOKEN, 1).containsEntry(WordTag.JUNK, 1).containsEntry(WordTag.PUNCTUATION, 1);
    AlignmentResult given = Aligner.align(a, a, Aligner.Settings.defaults().withAnchors(AnchorPolicy.of(List.of("house", "city", "nope"))));
    assertThat(given.anchors().words()).containsExactly("house", "city");
    assertThat(given.anchors().missing()).containsExactly("nope");
  }

  @Test
  void maxWordsKeepsTheMostFrequentSharedWordsAndTheControlSkipsOnlyTheNeighbourMeasures() {
    EmbeddingSpace a = random(900, 12, 21, ""), b = random(700, 12, 22, "");
    ShiftSettings settings = ShiftSettings.defaults().withLists(5, List.of());
    ShiftAnalysis full = DomainShift.analyze(a, b, settings, ProgressListener.NONE);
    ShiftAnalysis capped = DomainShift.analyze(a, b, settings.withMaxWords(300), ProgressListener.NONE);
    assertThat(full.words()).hasSize(700);
    assertThat(capped.words()).hasSize(300);
    assertThat(capped.shared().shared()).isEqualTo(700);
    assertThat(capped.words().stream().map(WordShift::word).toList())
        .isEqualTo(full.words().subList(0, 300).stream().map(WordShift::word).toList());
    // overlap over the 300 words only: its neighbours are among them
    assertThat(capped.words().get(0).overlap10()).isBetween(0.0, 1.0);

    ShiftAnalysis control = DomainShift.analyze(a, b, settings.withoutNeighbourMeasures(), ProgressListener.NONE);
    for (int i = 0; i < full.words().size(); i++) {
      WordShift f = full.words().get(i), c = control.words().get(i);
      assertThat(c.delta()).isEqualTo(f.delta());
      assertThat(c.overlap10()).isNaN();
      assertThat(c.secondOrder()).isNaN();
    }
    assertThat(control.mostShifted().get(0).neighborsA()).isEmpty();
    assertThat(full.mostShifted().get(0).neighborsA()).isNotEmpty();
  }

  @Test
  void selfComparisonHasFullOverlapAndNoShift() {
    EmbeddingSpace a = random(1500, 10, 11, "");
    ShiftAnalysis s = DomainShift.analyze(a, a, ShiftSettings.defaults().withLists(5, List.of("word3", "missing")), ProgressListener.NONE);
    assertThat(s.words()).hasSize(1500);
    for (WordShift w : s.words()) {
      assertThat(w.overlap10()).isEqualTo(1.0);
      assertThat(w.overlap100()).isEqualTo(1.0);
      assertThat(w.overlap1000()).isEqualTo(1.0);
      assertThat(w.secondOrder()).isCloseTo(0, within(1e-6));
      assertThat(w.delta()).isCloseTo(0, within(1e-3));
    }
    assertThat(s.focus()).extracting(f -> f.shift().word()).containsExactly("word3");
    assertThat(s.bands()).extracting(ShiftAnalysis.BandSummary::band).containsExactly("1-1k", "1001-5k");
    assertThat(s.overall().deltaMean().estimate()).isCloseTo(0, within(1e-3));
  }

  @Test
  void anUnalignedDeltaIsRefused() {
    EmbeddingSpace a = random(50, 4, 12, "");
    assertThatThrownBy(() -> new ShiftSettings(null, ShiftMeasure.DELTA, 10, 5, List.of(), 1000, 25, 10, ShiftSettings.DEFAULT_BANDS, 100, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a shift");
    ShiftAnalysis s = DomainShift.analyze(a, a, ShiftSettings.defaults().withAlignment(null), ProgressListener.NONE);
    assertThat(s.rankedBy()).isEqualTo(ShiftMeasure.SECOND_ORDER);
    assertThat(s.alignment()).isNull();
    assertThat(s.words().get(0).delta()).isNull();
    assertThatThrownBy(() -> s.delta("word1")).isInstanceOf(IllegalStateException.class).hasMessageContaining("rotation");
    assertThatThrownBy(() -> s.words().get(0).value(ShiftMeasure.DELTA)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void tagsWords() {
    WordTags tags = WordTags.english();
    assertThat(tags.tags("<user>")).containsExactly(WordTag.PSEUDO_TOKEN);
    assertThat(tags.tags("3.5")).containsExactly(WordTag.NUMBER);
    assertThat(tags.tags("!!")).containsExactly(WordTag.PUNCTUATION, WordTag.SHORT);
    assertThat(tags.tags("x")).containsExactly(WordTag.SHORT);
    assertThat(tags.tags("The")).containsExactly(WordTag.STOP_WORD);
    assertThat(tags.tags("g8")).isEmpty();
    assertThat(tags.presentable("viral")).isTrue();
    assertThat(tags.presentable("xnxx")).isFalse();
  }
}
