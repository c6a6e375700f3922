package org.embdiff.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EntropyAndDivergenceTest {
  static Counts counts(long... c) {
    String[] w = new String[c.length];
    for (int i = 0; i < c.length; i++) {
      w[i] = "w" + i;
    }
    return new Counts(w, c, 0, false);
  }

  static Counts named(String[] w, long[] c) {
    return new Counts(w, c, 0, false);
  }

  @Test
  void entropyOfKnownDistributions() {
    long[] uniform = new long[1024];
    java.util.Arrays.fill(uniform, 100);
    EntropyEstimate u = EntropyEstimate.of(counts(uniform), 100, 0.95, 1);
    assertThat(u.plugInBits()).isCloseTo(10.0, within(1e-12));
    // Miller–Madow adds (K-1)/(2N ln 2)
    assertThat(u.millerMadowBits()).isCloseTo(10.0 + 1023 / (2.0 * 102_400 * Math.log(2)), within(1e-12));
    assertThat(u.plugInCi().contains(10.0)).isTrue();
    assertThat(u.plugInCi().upper() - u.plugInCi().lower()).isBetween(1e-4, 0.01);
    // p = (3/4, 1/4): H = 0.811278124459133 bits
    EntropyEstimate two = EntropyEstimate.of(counts(3000, 1000), 0, 0.95, 1);
    assertThat(two.plugInBits()).isCloseTo(0.8112781244591328, within(1e-12));
    assertThat(two.plugInCi()).isNull();
    assertThat(EntropyEstimate.of(counts(5), 0, 0.95, 1).plugInBits()).isEqualTo(0.0);
  }

  @Test
  void entropyCiCoversTheTruthForMultinomialSamples() {
    // sample 50,000 tokens from a Zipf(1) law over 200 types (well sampled); the normal bootstrap CI of
    // Miller–Madow should cover the true entropy in most seeds
    int k = 200;
    double[] p = new double[k];
    double z = 0;
    for (int i = 0; i < k; i++) {
      p[i] = 1.0 / (i + 1);
      z += p[i];
    }
    double truth = 0;
    double[] cdf = new double[k];
    double acc = 0;
    for (int i = 0; i < k; i++) {
      p[i] /= z;
      truth -= p[i] * Math.log(p[i]) / Math.log(2);
      acc += p[i];
      cdf[i] = acc;
    }
    int covered = 0;
    for (int seed = 0; seed < 20; seed++) {
      Random r = new Random(seed);
      long[] c = new long[k];
      for (int t = 0; t < 50_000; t++) {
        int i = java.util.Arrays.binarySearch(cdf, r.nextDouble());
        c[Math.min(k - 1, i < 0 ? -i - 1 : i)]++;
      }
      long[] sorted = java.util.Arrays.stream(c).filter(x -> x > 0).boxed().sorted(java.util.Collections.reverseOrder())
          .mapToLong(Long::longValue).toArray();
      EntropyEstimate e = EntropyEstimate.of(counts(sorted), 200, 0.95, seed);
      assertThat(e.millerMadowBits()).isGreaterThan(e.plugInBits());
      if (e.millerMadowCi().contains(truth)) {
        covered++;
      }
    }
    assertThat(covered).isGreaterThanOrEqualTo(14);
  }

  @Test
  void identicalSidesHaveZeroDivergence() {
    Counts a = counts(50, 30, 20, 5, 1);
    DomainDivergence d = DomainDivergence.of(a, a, DomainDivergence.Settings.defaults());
    assertThat(d.mutualInformationBits()).isCloseTo(0, within(1e-15));
    assertThat(d.jensenShannonBits()).isCloseTo(0, within(1e-15));
    assertThat(d.klABBits()).isCloseTo(0, within(1e-15));
    for (WordContribution w : d.words()) {
      assertThat(w.logOdds()).isCloseTo(0, within(1e-12));
    }
  }

  @Test
  void disjointSidesHaveJsOfOneBitAndMiEqualsJsAtEqualPriors() {
    Counts a = named(new String[] {"x", "y"}, new long[] {10, 5});
    Counts b = named(new String[] {"u", "v", "t"}, new long[] {7, 3, 1});
    DomainDivergence d = DomainDivergence.of(a, b, DomainDivergence.Settings.defaults());
    assertThat(d.jensenShannonBits()).isCloseTo(1.0, within(1e-12));
    assertThat(d.mutualInformationBits()).isCloseTo(1.0, within(1e-12));
    assertThat(d.topA().get(0).word()).isEqualTo("x");
    assertThat(d.topB().get(0).word()).isEqualTo("u");
    Random r = new Random(5);
    for (int t = 0; t < 50; t++) {
      long[] ca = new long[30];
      long[] cb = new long[30];
      for (int i = 0; i < 30; i++) {
        ca[i] = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(1000);
        cb[i] = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(1000);
      }
      DomainDivergence x = DomainDivergence.of(sortedCounts(ca), sortedCounts(cb), DomainDivergence.Settings.defaults());
      assertThat(x.jensenShannonBits()).isBetween(0.0, 1.0);
      assertThat(x.mutualInformationBits()).isCloseTo(x.jensenShannonBits(), within(1e-12));
      double sum = x.words().stream().mapToDouble(WordContribution::miBits).sum();
      assertThat(sum).isCloseTo(x.mutualInformationBits(), within(1e-12));
    }
  }

  private static Counts sortedCounts(long[] c) {
    Integer[] idx = new Integer[c.length];
    for (int i = 0; i < c.length; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, (x, y) -> Long.compare(c[y], c[x]));
    java.util.List<String> w = new java.util.ArrayList<>();
    java.util.List<Long> v = new java.util.ArrayList<>();
    for (int i : idx) {
      if (c[i] > 0) {
        w.add("w" + i);
        v.add(c[i]);
      }
    }
    return new Counts(w.toArray(String[]::new), v.stream().mapToLong(Long::longValue).toArray(), 0, false);
  }

  @Test
  void heapsCurveEndsAtTheTypeCountAndHasASublinearExponent() {
    long[] c = new long[5000];
    for (int i = 0; i < c.length; i++) {
      c[i] = Math.max(1, 100_000 / (i + 1));
    }
    HeapsFit h = HeapsFit.fit(counts(c), 30);
    assertThat(h.sampleTypes()[h.points() - 1]).isCloseTo(5000, within(1e-6));
    assertThat(h.exponent()).isBetween(0.3, 1.0);
    assertThat(h.r2()).isGreaterThan(0.9);
  }
}
