package org.embdiff.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TestsTest {
  @Test
  void tIntervalOfKnownSample() {
    Interval ci = Tests.tInterval(new double[] {1, 2, 3, 4, 5}, 0.95);
    // mean 3, sd sqrt(2.5), t_{0.975,4} = 2.776445 (scipy.stats.t.ppf(0.975, 4))
    assertThat(ci.estimate()).isEqualTo(3.0);
    assertThat(ci.upper() - 3).isCloseTo(2.776445 * Math.sqrt(2.5) / Math.sqrt(5), within(1e-5));
  }

  @Test
  void wilcoxonSignedRankMatchesHandComputation() {
    // differences 1..10 all positive: W+ = 55, mu = 27.5, var = 96.25, z = (27.5 - 0.5) / 9.811 = 2.752
    double[] x = new double[10];
    double[] y = new double[10];
    for (int i = 0; i < 10; i++) {
      y[i] = i + 1;
    }
    Tests.SignedRankTest t = Tests.signedRank(x, y);
    assertThat(t.wPlus()).isEqualTo(55);
    assertThat(t.z()).isCloseTo(2.752, within(1e-3));
    assertThat(t.pTwoSided()).isCloseTo(0.00592, within(2e-4));
  }

  @Test
  void permutationTestSeparatesShiftedGroups() {
    java.util.Random r = new java.util.Random(3);
    double[] control = new double[60];
    double[] group = new double[40];
    for (int i = 0; i < control.length; i++) {
      control[i] = r.nextGaussian();
    }
    for (int i = 0; i < group.length; i++) {
      group[i] = r.nextGaussian() + 1.0;
    }
    assertThat(Tests.permutation(control, group, 2000, new SplittableRandom(1), Direction.GREATER)).isLessThan(0.001);
    assertThat(Tests.permutation(control, group, 2000, new SplittableRandom(1), Direction.LESS)).isGreaterThan(0.99);
    assertThat(Tests.permutation(control, control.clone(), 2000, new SplittableRandom(1), Direction.EITHER))
        .isGreaterThan(0.9);
  }
}
