package org.embdiff.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.embdiff.inference.Decision;
import org.embdiff.inference.Direction;
import org.embdiff.inference.Intervals;
import org.embdiff.inference.Measurement;
import org.embdiff.inference.Verdict;
import org.embdiff.linalg.CentredPca;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Vocabulary;
import org.junit.jupiter.api.Test;

/**
 * The dimension confound: B is A itself, centred and projected to 25 of its 60 dimensions (no domain
 * difference at all). The naive random-pair cosine differs because A has a common direction and B
 * does not; reduced to a common dimension both sides are the same space up to rotation.
 */
class CommonDimensionTest {
  @Test
  void aSideAgainstItsOwnCentredPcaDiffersNaivelyButNotAtACommonDimension() {
    SplittableRandom random = new SplittableRandom(6);
    int n = 3000;
    int d = 60;
    String[] words = new String[n];
    float[] m = new float[n * d];
    for (int i = 0; i < n; i++) {
      words[i] = "w" + i;
      for (int c = 0; c < d; c++) {
        // a decaying spectrum plus a common offset (anisotropy)
        m[i * d + c] = (float) (random.nextGaussian() * Math.pow(c + 1, -0.7) + 0.4);
      }
    }
    EmbeddingSpace a = new EmbeddingSpace(new Vocabulary(words), d, m);
    EmbeddingSpace b = CentredPca.fit(a, 25).project(a);
    GeometrySettings s = new GeometrySettings(5000, 10, 1000, 1000, 3);
    double margin = 0.02;
    Measurement naive = Measurement.naive(Intervals.difference(Geometry.analyze(b, s).meanCosine(),
        Geometry.analyze(a, s).meanCosine()), n);
    CommonDimension common = CommonDimension.of(a, b);
    assertThat(common.dim()).isEqualTo(25);
    assertThat(common.explainedB()).isCloseTo(1.0, within(1e-9));
    Measurement controlled = Measurement.controlled(Intervals.difference(Geometry.analyze(common.b(), s).meanCosine(),
        Geometry.analyze(common.a(), s).meanCosine()), n, CommonDimension.control(25));
    Decision decision = Decision.decide(Direction.EITHER, margin, 30, naive, controlled, Double.NaN, 0.05);
    assertThat(decision.naive()).isEqualTo(Verdict.SUPPORTED);
    assertThat(decision.controlled()).isEqualTo(Verdict.NO_DIFFERENCE);
    assertThat(decision.verdict()).isEqualTo(Verdict.CONFOUNDED);
  }
}
