package org.embdiff.compare.analyses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.embdiff.attention.AttentionProbe;
import org.embdiff.attention.AttentionResult;
import org.embdiff.attention.AttentionSettings;
import org.embdiff.attention.ProbeSentences;
import org.embdiff.claims.Claim;
import org.embdiff.claims.ClaimRules;
import org.embdiff.claims.ClaimSettings;
import org.embdiff.claims.Control;
import org.embdiff.claims.Direction;
import org.embdiff.claims.Verdict;
import org.embdiff.io.VectorReader;
import org.embdiff.testing.BundledData;
import org.embdiff.util.ProgressListener;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Vocabulary;
import org.junit.jupiter.api.Test;

/**
 * Constructed confounds the naive verdict falls for and the control catches: a space made anisotropic by a
 * common offset (random-pair baseline, for s-bar and eps), and a space whose vectors are only longer
 * (common temperature, for attention). In each, B carries the same word relations as A.
 */
class BaselineAndTemperatureControlsTest {
  private static final ClaimRules RULES = new ClaimRules(ClaimSettings.defaults(3), "a", "b");

  /** Gaussian vectors; row 2i+1 is row 2i mixed with noise (cosine about 0.3); B adds one common offset to every row. */
  private static EmbeddingSpace[] isotropicAndOffset(int n, int d, double offset) {
    SplittableRandom random = new SplittableRandom(11);
    float[] a = new float[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double z = random.nextGaussian();
        a[i * d + j] = (float) (i % 2 == 1 ? 0.3 * a[(i - 1) * d + j] + Math.sqrt(1 - 0.09) * z : z);
      }
    }
    float[] b = a.clone();
    double[] u = new double[d];
    for (int j = 0; j < d; j++) {
      u[j] = random.nextGaussian();
    }
    double norm = Math.sqrt(java.util.Arrays.stream(u).map(x -> x * x).sum());
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        b[i * d + j] += (float) (offset * Math.sqrt(d) * u[j] / norm);
      }
    }
    String[] words = new String[n];
    for (int i = 0; i < n; i++) {
      words[i] = "w" + i;
    }
    return new EmbeddingSpace[] {new EmbeddingSpace(new Vocabulary(words), d, a),
        new EmbeddingSpace(new Vocabulary(words.clone()), d, b)};
  }

  private static double cos(EmbeddingSpace s, int i, int j) {
    return org.embdiff.vec.VectorUtil.cosine(s.vector(i), s.vector(j));
  }

  private static float[] unit(EmbeddingSpace s, int i) {
    float[] v = s.vector(i).clone();
    org.embdiff.vec.VectorUtil.l2normalize(v);
    return v;
  }

  @Test
  void anAnisotropicOffsetRaisesSbarButNotRelativeToTheRandomPairBaseline() {
    EmbeddingSpace[] s = isotropicAndOffset(4000, 50, 0.6);
    int pairs = 1500;
    double[][] paired = new double[2][pairs];
    for (int p = 0; p < pairs; p++) {
      paired[0][p] = cos(s[0], 2 * p, 2 * p + 1);
      paired[1][p] = cos(s[1], 2 * p, 2 * p + 1);
    }
    Claim naive = RULES.paired("similarity.mean.differs", "s", paired[0], paired[1], Direction.DIFFERENT, "m");
    Claim controlled = naive.withControl(Control.RANDOM_PAIR_BASELINE, "relative",
        SimilarityAnalysis.baselineControl(RULES, paired, s[0], s[1], s[0].size(), new SplittableRandom(5)));
    assertThat(naive.naiveVerdict()).isEqualTo(Verdict.SUPPORTED);
    assertThat(controlled.controlledVerdict()).as(controlled.reason()).isEqualTo(Verdict.NO_DIFFERENCE);
    assertThat(controlled.verdict()).isEqualTo(Verdict.CONFOUNDED);
    assertThat(controlled.changedBy()).isEqualTo("random-pair baseline");
  }

  @Test
  void anAnisotropicOffsetShrinksEpsButNotRelativeToTheRandomPairDistance() {
    EmbeddingSpace[] s = isotropicAndOffset(4000, 50, 0.6);
    int questions = 1000;
    double[][] paired = new double[2][questions];
    for (int q = 0; q < questions; q++) {
      for (int side = 0; side < 2; side++) {
        float[] wa = unit(s[side], 4 * q);
        float[] wb = unit(s[side], 4 * q + 1);
        float[] wc = unit(s[side], 4 * q + 2);
        float[] wd = unit(s[side], 4 * q + 3);
        double ss = 0;
        for (int j = 0; j < wa.length; j++) {
          double e = wb[j] - wa[j] + wc[j] - wd[j];
          ss += e * e;
        }
        paired[side][q] = Math.sqrt(ss);
      }
    }
    Claim naive = RULES.paired("analogy.eps.b-greater", "s", paired[0], paired[1], Direction.GREATER, "m");
    Claim controlled = naive.withControl(Control.RANDOM_PAIR_BASELINE, "relative",
        AnalogiesAnalysis.baselineControl(RULES, paired, s[0], s[1], new SplittableRandom(5)));
    assertThat(naive.naiveVerdict()).isEqualTo(Verdict.CONTRADICTED);
    assertThat(controlled.controlledVerdict()).as(controlled.reason()).isEqualTo(Verdict.NO_DIFFERENCE);
    assertThat(controlled.changedBy()).isEqualTo("random-pair baseline");
  }

  @Test
  void longerVectorsSharpenRawAttentionButNotAtACommonTemperature() throws Exception {
    EmbeddingSpace twitter = VectorReader.load(BundledData.path("embeddings/glove.twitter.27B.25d.embedplyr12k.txt.gz"))
        .space().head(6000);
    float[] scaled = twitter.matrix().clone();
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] *= 2.5f;
    }
    String[] words = new String[twitter.size()];
    for (int i = 0; i < words.length; i++) {
      words[i] = twitter.word(i);
    }
    EmbeddingSpace longer = new EmbeddingSpace(new Vocabulary(words), twitter.dim(), scaled);
    AttentionSettings settings = new AttentionSettings(1, 5, 40, List.of(0.0, 0.5), 1, 0, 1000, 0.95, 42);
    AttentionResult r = new AttentionProbe(settings).run("a", twitter, "b", longer, ProbeSentences.bundled(), "bundled",
        ProgressListener.NONE);
    Claim claim = new AttentionAnalysis().claimsOf(r, "a", "b", 42).get(0);
    assertThat(claim.id()).endsWith("native");
    assertThat(claim.naiveVerdict()).isEqualTo(Verdict.CONTRADICTED);
    assertThat(claim.controlledVerdict()).as(claim.reason()).isEqualTo(Verdict.NO_DIFFERENCE);
    assertThat(claim.verdict()).isEqualTo(Verdict.CONFOUNDED);
    assertThat(claim.changedBy()).isEqualTo("common temperature");
  }
}
