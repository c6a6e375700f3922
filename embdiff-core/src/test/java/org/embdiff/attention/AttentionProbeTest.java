package org.embdiff.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.embdiff.attention.AttentionResult.Projection;
import org.embdiff.attention.AttentionResult.Representation;
import org.embdiff.io.VectorReader;
import org.embdiff.testing.BundledData;
import org.embdiff.util.ProgressListener;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Vocabulary;
import org.junit.jupiter.api.Test;

class AttentionProbeTest {
  @Test
  void identicalVectorsGiveUniformAttention() {
    int n = 7;
    int d = 5;
    double[] e = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < d; c++) {
        e[i * d + c] = 0.3 * (c + 1);
      }
    }
    double[] w = new double[n * n];
    SelfAttention.Stats st = SelfAttention.attend(e, e, n, d, d, w);
    assertThat(st.normalizedEntropy()).isCloseTo(1.0, within(1e-12));
    assertThat(st.maxWeight()).isCloseTo(1.0 / n, within(1e-12));
    for (double v : w) {
      assertThat(v).isCloseTo(1.0 / n, within(1e-12));
    }
  }

  @Test
  void oneDominantLogitGivesNearZeroEntropy() {
    // two orthogonal vectors of norm 100 in 4 dims: each token attends to itself with weight ~1
    double[] e = {100, 0, 0, 0, 0, 100, 0, 0};
    SelfAttention.Stats st = SelfAttention.attend(e, e, 2, 4, 4, null);
    assertThat(st.normalizedEntropy()).isLessThan(1e-6);
    assertThat(st.maxWeight()).isCloseTo(1.0, within(1e-9));
    assertThat(st.logitNorm()).isCloseTo(Math.sqrt(2) * 10_000 / 2, within(1e-6));
  }

  @Test
  void randomOrthogonalMatricesAreOrthogonal() {
    for (int d : new int[] {1, 3, 25, 100}) {
      double[] q = RandomOrthogonal.generate(d, 11);
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          double dot = 0;
          for (int k = 0; k < d; k++) {
            dot += q[k * d + i] * q[k * d + j];
          }
          assertThat(dot).isCloseTo(i == j ? 1 : 0, within(1e-10));
        }
      }
    }
  }

  @Test
  void realVectorsOnBundledSentences() throws Exception {
    EmbeddingSpace wiki = VectorReader.load(BundledData.path("embeddings/glove.6B.100d.twitter12k-vocab.txt.gz")).space();
    EmbeddingSpace twitter = VectorReader.load(BundledData.path("embeddings/glove.twitter.27B.25d.embedplyr12k.txt.gz")).space();
    AttentionSettings defaults = AttentionSettings.defaults(42);
    AttentionSettings settings = new AttentionSettings(5, 5, 40, defaults.noiseScales(), 2, 1, 1000, 0.95, 42);
    List<ProbeSentence> sentences = ProbeSentences.bundled();
    assertThat(sentences).hasSize(50);
    AttentionResult r = new AttentionProbe(settings).run("wiki", wiki, "twitter", twitter, sentences, "bundled",
        ProgressListener.NONE);
    assertThat(r.sentencesUsed()).isEqualTo(50);
    assertThat(r.commonDim()).isEqualTo(25);
    assertThat(r.comparisons()).hasSize(18);
    AttentionResult.Comparison nativeEntropy = r.comparisons().stream()
        .filter(c -> c.representation() == Representation.NATIVE && c.projection() == Projection.IDENTITY
            && c.metric().equals("normalizedEntropy")).findFirst().orElseThrow();
    // measured: the 25d Twitter vectors give sharper (lower-entropy) attention than the 100d wiki vectors
    assertThat(nativeEntropy.meanA()).isBetween(0.5, 1.0);
    assertThat(nativeEntropy.difference().hi()).isLessThan(0);
    assertThat(nativeEntropy.wilcoxon().pTwoSided()).isLessThan(0.01);
    assertThat(r.noise()).hasSize(4);
    for (AttentionResult.NoiseCurve curve : r.noise()) {
      if (!curve.variant().equals(AttentionResult.NoiseCurve.ADDITIVE)) {
        continue;
      }
      // the additive noise control: isotropic noise adds variance to the logits, so attention sharpens
      // (entropy falls); monotone along the grid, and the slope interval is below 0
      for (int k = 1; k < curve.entropy().size(); k++) {
        assertThat(curve.entropy().get(k)).isLessThan(curve.entropy().get(k - 1));
      }
      assertThat(curve.slope().hi()).isLessThan(0);
    }
    for (AttentionResult.NoiseCurve curve : r.noise()) {
      if (!curve.variant().equals(AttentionResult.NoiseCurve.NORM_PRESERVING)) {
        continue;
      }
      // the norm-preserving control (noise replaces signal at the same norm, random orthogonal W_Q,
      // W_K): measured, entropy still FALLS, it does not rise (wiki slope -0.011 [-0.012, -0.010],
      // twitter -0.156 [-0.166, -0.145]). Real vectors share a common direction that makes a token's
      // logits similar across keys; isotropic noise removes it, so the logits spread and attention
      // sharpens. Issue 6's "entropy rises with noise" is therefore not asserted: it is not what we measure.
      assertThat(curve.entropy().get(0)).isGreaterThan(curve.entropy().get(curve.entropy().size() - 1));
      assertThat(curve.slope().hi()).isLessThan(0);
    }
    AttentionResult.NoiseCurve npWiki = r.noise().stream()
        .filter(c -> c.side().equals("wiki") && c.variant().equals(AttentionResult.NoiseCurve.NORM_PRESERVING))
        .findFirst().orElseThrow();
    assertThat(npWiki.entropy().get(0)).isCloseTo(0.991, within(0.005));
    assertThat(npWiki.slope().estimate()).isBetween(-0.02, -0.005);
    assertThat(r.heatmaps()).hasSize(4);
    AttentionResult.Heatmap h = r.heatmaps().get(0);
    for (double[] row : h.weights()) {
      assertThat(java.util.Arrays.stream(row).sum()).isCloseTo(1.0, within(1e-9));
    }
  }

  @Test
  void tooFewSharedTokensIsAClearError() {
    EmbeddingSpace tiny = new EmbeddingSpace(new Vocabulary(new String[] {"a", "b"}), 2, new float[] {1, 0, 0, 1});
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AttentionProbe(AttentionSettings.defaults(1))
        .run("x", tiny, "y", tiny, ProbeSentences.bundled(), "bundled", ProgressListener.NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokens both sides know");
  }
}
