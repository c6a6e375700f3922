package org.embdiff.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuantileSelectionTest {

  @Test
  void selectionGivesTheQuantileOfTheSortedCopyBitForBit() {
    // Quantiles.of selects instead of sorting; it must read the same order statistics as ofSorted
    SplittableRandom random = new SplittableRandom(5);
    double[] ps = {0, 0.025, 0.25, 0.5, 0.75, 0.975, 1};
    for (int trial = 0; trial < 500; trial++) {
      int n = 1 + random.nextInt(300);
      double[] v = new double[n];
      int distinct = 1 + random.nextInt(n + 1);
      for (int i = 0; i < n; i++) {
        int k = random.nextInt(40);
        v[i] = k == 0 ? -0.0 : k == 1 ? 0.0 : k == 2 ? Double.NaN : random.nextInt(distinct) * 0.37 - distinct / 5.0;
      }
      double[] before = v.clone();
      double[] sorted = v.clone();
      Arrays.sort(sorted);
      for (double p : ps) {
        assertThat(Double.doubleToLongBits(Quantiles.of(v, p))).as("n %d p %s", n, p)
            .isEqualTo(Double.doubleToLongBits(Quantiles.ofSorted(sorted, p)));
      }
      assertThat(v).as("input untouched").isEqualTo(before);
    }
  }

  @Test
  void drawsOfSingleItemUnitsMatchTheirClusterForm() {
    // independent units and one-item clusters are the same design: the same stream gives the same resample
    ResamplingUnits independent = ResamplingUnits.twoSamples(37, 12, "values");
    int[] label = new int[49];
    for (int i = 0; i < label.length; i++) {
      label[i] = i;
    }
    ResamplingUnits clusters = ResamplingUnits.clusters(label, "values");
    ResamplingUnits one = ResamplingUnits.independent(49, "values");
    SplittableRandom r1 = new SplittableRandom(9);
    SplittableRandom r2 = new SplittableRandom(9);
    for (int t = 0; t < 50; t++) {
      assertThat(one.draw(r1)).isEqualTo(clusters.draw(r2));
    }
    SplittableRandom r3 = new SplittableRandom(4);
    for (int t = 0; t < 50; t++) {
      int[] draw = independent.draw(r3);
      assertThat(draw).hasSize(49);
      assertThat(Arrays.stream(draw, 0, 37).allMatch(i -> i < 37)).isTrue();
      assertThat(Arrays.stream(draw, 37, 49).allMatch(i -> i >= 37)).isTrue();
    }
  }
}
