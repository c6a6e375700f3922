package org.embdiff.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BootstrapTest {

  @Test
  void bcaCoversTheMeanOfASkewedPopulationNearItsNominalRate() {
    // exponential(1), n = 30: the true mean is 1; 300 replications, Monte-Carlo sd of the rate ~0.013
    SplittableRandom random = new SplittableRandom(11);
    Bootstrap.Settings settings = new Bootstrap.Settings(1000, 0.95, Bootstrap.Method.BCA);
    int covered = 0;
    int studentCovered = 0;
    int reps = 300;
    for (int r = 0; r < reps; r++) {
      double[] x = new double[30];
      for (int i = 0; i < x.length; i++) {
        x[i] = -Math.log(1 - random.nextDouble());
      }
      covered += Bootstrap.mean(x, settings, random).contains(1) ? 1 : 0;
      studentCovered += Bootstrap.mean(x, settings.with(Bootstrap.Method.STUDENTIZED), random).contains(1) ? 1 : 0;
    }
    assertThat(covered / (double) reps).isBetween(0.89, 0.98);
    assertThat(studentCovered / (double) reps).isBetween(0.90, 0.99);
  }

  @Test
  void resamplingClustersWidensTheIntervalWhenItemsInAClusterAreAlike() {
    // 40 clusters of 10 near-identical items: the effective sample is 40, not 400
    SplittableRandom random = new SplittableRandom(3);
    double[] x = new double[400];
    int[] cluster = new int[400];
    for (int c = 0; c < 40; c++) {
      double level = random.nextGaussian();
      for (int k = 0; k < 10; k++) {
        x[c * 10 + k] = level + 0.01 * random.nextGaussian();
        cluster[c * 10 + k] = c;
      }
    }
    Bootstrap.Settings settings = Bootstrap.Settings.defaults().with(Bootstrap.Method.PERCENTILE);
    Statistic mean = Bootstrap.meanOf(x);
    Interval items = Bootstrap.interval(ResamplingUnits.independent(400, "items"), mean, settings, new SplittableRandom(1));
    Interval clusters = Bootstrap.interval(ResamplingUnits.clusters(cluster, "clusters"), mean, settings,
        new SplittableRandom(1));
    // the width scales with 1/sqrt(effective n): sqrt(400 / 40) ~ 3.2
    assertThat(clusters.width() / items.width()).isBetween(2.5, 4.0);
    assertThat(clusters.method()).contains("40 clusters");
  }

  @Test
  void twoSampleResamplingKeepsEachSidesSize() {
    double[] a = {1, 2, 3, 4, 5, 6, 7, 8};
    double[] b = {10, 10, 10};
    Interval d = Bootstrap.meanDifference(a, b, Bootstrap.Settings.defaults(), new SplittableRandom(5));
    assertThat(d.estimate()).isCloseTo(4.5 - 10, within(1e-12));
    // b is constant, so only a's sampling spread is in the interval: mean(a) ranges within [1, 8]
    assertThat(d.lower()).isGreaterThan(1 - 10.0);
    assertThat(d.upper()).isLessThan(8 - 10.0);
  }

  @Test
  void aNinetyFivePercentIntervalNeedsAThousandResamples() {
    assertThatThrownBy(() -> new Bootstrap.Settings(40, 0.95, Bootstrap.Method.BCA))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1000 resamples, got 40");
  }

  @Property(tries = 60)
  void everyBootstrapIntervalContainsItsEstimate(@ForAll @Size(min = 2, max = 25) double[] raw,
      @ForAll @IntRange(min = 0, max = 2) int method, @ForAll @DoubleRange(min = 0.5, max = 0.99) double level) {
    double[] x = java.util.Arrays.stream(raw).map(v -> Double.isFinite(v) ? Math.max(-1e6, Math.min(1e6, v)) : 0)
        .toArray();
    Bootstrap.Settings settings = new Bootstrap.Settings(1000, level, Bootstrap.Method.values()[method]);
    Interval i = Bootstrap.mean(x, settings, new SplittableRandom(7));
    assertThat(i.contains(i.estimate())).isTrue();
    Interval median = Bootstrap.interval(ResamplingUnits.independent(x.length, "values"),
        items -> Quantiles.median(java.util.Arrays.stream(items).mapToDouble(k -> x[k]).toArray()),
        settings.method() == Bootstrap.Method.STUDENTIZED ? settings.with(Bootstrap.Method.BCA) : settings,
        new SplittableRandom(7));
    assertThat(median.contains(median.estimate())).isTrue();
  }

  @Test
  void concurrentReplicatesAreTheSequentialOnesInOrderAcrossBlockBoundaries() {
    // 300 resamples span three draw blocks; a pool of 4 evaluates them out of order
    SplittableRandom values = new SplittableRandom(5);
    double[] x = new double[500];
    double[] y = new double[500];
    for (int i = 0; i < x.length; i++) {
      x[i] = values.nextGaussian();
      y[i] = x[i] + values.nextGaussian();
    }
    ResamplingUnits units = ResamplingUnits.independent(x.length, "items");
    Statistic rho = Correlation.spearmanOfItems(x, y);
    double[] sequential = Bootstrap.replicates(units, rho, 300, new SplittableRandom(9));
    java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(4);
    try {
      double[] concurrent = pool.submit(() -> Bootstrap.replicatesConcurrently(units, rho, 300, new SplittableRandom(9)))
          .join();
      assertThat(concurrent).containsExactly(sequential);
      Bootstrap.Settings settings = new Bootstrap.Settings(2000, 0.95, Bootstrap.Method.PERCENTILE);
      Interval a = Bootstrap.interval(units, rho, settings, new SplittableRandom(3));
      Interval b = pool.submit(() -> Bootstrap.intervalConcurrently(units, rho, settings, new SplittableRandom(3))).join();
      assertThat(new double[] {b.estimate(), b.lower(), b.upper()}).containsExactly(a.estimate(), a.lower(), a.upper());
    } finally {
      pool.shutdown();
    }
  }
}
