package org.embdiff.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatisticsTest {
  @Test
  void studentTQuantilesMatchTables() {
    // table values: t_{0.975} for df 1, 2, 9, 30 and the normal limit
    assertThat(Statistics.studentTQuantile(0.975, 1)).isCloseTo(12.706, within(1e-3));
    assertThat(Statistics.studentTQuantile(0.975, 2)).isCloseTo(4.303, within(1e-3));
    assertThat(Statistics.studentTQuantile(0.975, 9)).isCloseTo(2.262, within(1e-3));
    assertThat(Statistics.studentTQuantile(0.975, 30)).isCloseTo(2.042, within(1e-3));
    assertThat(Statistics.normalQuantile(0.975)).isCloseTo(1.959964, within(1e-6));
    assertThat(Statistics.normalCdf(1.959964)).isCloseTo(0.975, within(1e-6));
  }

  @Test
  void tIntervalOfKnownSample() {
    Interval ci = Statistics.tInterval(new double[] {1, 2, 3, 4, 5}, 0.95);
    // mean 3, sd sqrt(2.5), t_{0.975,4} = 2.776
    assertThat(ci.estimate()).isEqualTo(3.0);
    assertThat(ci.hi() - 3).isCloseTo(2.776 * Math.sqrt(2.5) / Math.sqrt(5), within(2e-3));
  }

  @Test
  void spearmanUsesAverageRanks() {
    assertThat(Statistics.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 20, 30, 40})).isEqualTo(1.0);
    assertThat(Statistics.spearman(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1})).isEqualTo(-1.0);
    assertThat(Statistics.ranks(new double[] {5, 1, 5, 3})).containsExactly(3.5, 1, 3.5, 2);
  }

  @Test
  void wilcoxonSignedRankMatchesHandComputation() {
    // differences 1..10 all positive: W+ = 55, mu = 27.5, var = 96.25, z = (27.5 - 0.5) / 9.811 = 2.752
    double[] x = new double[10];
    double[] y = new double[10];
    for (int i = 0; i < 10; i++) {
      y[i] = i + 1;
    }
    Statistics.SignedRankTest t = Statistics.wilcoxonSignedRank(x, y);
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
    assertThat(Statistics.permutationTest(control, group, 2000, 1, Direction.GREATER)).isLessThan(0.001);
    assertThat(Statistics.permutationTest(control, group, 2000, 1, Direction.LESS)).isGreaterThan(0.99);
    Interval ci = Statistics.bootstrapMeanDifference(control, group, 1000, 5, 0.95);
    assertThat(ci.lo()).isGreaterThan(0.4);
    assertThat(ci.hi()).isLessThan(1.6);
  }

  @Test
  void spearmanBootstrapMatchesNaiveResampling() {
    java.util.Random r = new java.util.Random(5);
    int n = 57;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextInt(10);
      y[i] = x[i] + r.nextInt(5);
    }
    Interval fast = Statistics.spearmanBootstrap(x, y, 300, 11, 0.9);
    // the same draws, ranked the plain way
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    double[] stats = new double[300];
    for (int b = 0; b < 300; b++) {
      int[] count = new int[n];
      for (int i = 0; i < n; i++) {
        count[random.nextInt(n)]++;
      }
      double[] bx = new double[n];
      double[] by = new double[n];
      for (int j = 0, k = 0; j < n; j++) {
        for (int c = 0; c < count[j]; c++, k++) {
          bx[k] = x[j];
          by[k] = y[j];
        }
      }
      stats[b] = Statistics.spearman(bx, by);
    }
    assertThat(fast.lo()).isCloseTo(Statistics.quantile(stats, 0.05), within(1e-12));
    assertThat(fast.hi()).isCloseTo(Statistics.quantile(stats, 0.95), within(1e-12));
    assertThat(fast.estimate()).isCloseTo(Statistics.spearman(x, y), within(1e-15));
  }
}
