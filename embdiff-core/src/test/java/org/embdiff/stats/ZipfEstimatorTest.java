package org.embdiff.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ZipfEstimatorTest {
  /** Devroye (1986, p. 551) rejection sampler for the zeta distribution P(x) ∝ x^-beta, x >= 1 (exact). */
  static long zeta(double beta, SplittableRandom rnd) {
    double b = Math.pow(2, beta - 1);
    while (true) {
      double u = 1 - rnd.nextDouble();
      double v = rnd.nextDouble();
      double x = Math.floor(Math.pow(u, -1 / (beta - 1)));
      if (x > 1e15) {
        continue;
      }
      double t = Math.pow(1 + 1 / x, beta - 1);
      if (v * x * (t - 1) / (b - 1) <= t / b) {
        return (long) x;
      }
    }
  }

  static long[] sample(double beta, int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    long[] x = new long[n];
    for (int i = 0; i < n; i++) {
      x[i] = zeta(beta, rnd);
    }
    return x;
  }

  @Test
  void hurwitzZetaMatchesKnownValues() {
    assertThat(Special.hurwitzZeta(2, 1)).isCloseTo(Math.PI * Math.PI / 6, within(1e-13));
    assertThat(Special.hurwitzZeta(3, 1)).isCloseTo(1.2020569031595942, within(1e-13));
    double tail = Math.PI * Math.PI / 6;
    for (int k = 1; k < 25; k++) {
      tail -= 1.0 / k / k;
    }
    assertThat(Special.hurwitzZeta(2, 25)).isCloseTo(tail, within(1e-13));
    assertThat(Special.hurwitzZeta(1.5, 1)).isCloseTo(2.6123753486854883, within(1e-12));
  }

  @Test
  void mleRecoversBetaWithinItsCiInAtLeast90PercentOfSeeds() {
    // property: beta in [1.5, 2.5], 40 seeded samples of 2,000 draws each, x_min known (1)
    ZipfEstimator est = new ZipfEstimator(new ZipfEstimator.Settings(1000, 0.95, 50, 0, 7, false));
    int covered = 0;
    int runs = 40;
    for (int seed = 0; seed < runs; seed++) {
      double beta = 1.5 + seed / (runs - 1.0);
      ZipfFit fit = est.fitFixedXMin(sample(beta, 2000, 1000 + seed), 1);
      assertThat(fit.xMin()).isEqualTo(1);
      assertThat(fit.alpha()).isCloseTo(1 / (fit.beta() - 1), within(1e-12));
      if (fit.betaCi().contains(beta)) {
        covered++;
      }
    }
    assertThat(covered).isGreaterThanOrEqualTo(36);
  }

  @Test
  void ksSearchFindsTheTailAboveANonPowerLawHead() {
    // tail from a zeta(2.0) law above 10, with a flat head below it that is not a power law
    SplittableRandom rnd = new SplittableRandom(3);
    long[] x = new long[12_000];
    int n = 0;
    while (n < 8000) {
      long v = zeta(2.0, rnd);
      if (v >= 10) {
        x[n++] = v;
      }
    }
    for (; n < x.length; n++) {
      x[n] = 1 + rnd.nextInt(9);
    }
    ZipfFit fit = new ZipfEstimator(new ZipfEstimator.Settings(1000, 0.95, 50, 40, 11, true)).fit(x, false);
    assertThat(fit.xMin()).isBetween(8L, 14L);
    assertThat(fit.beta()).isCloseTo(2.0, within(0.08));
    assertThat(fit.ks()).isLessThan(0.03);
    assertThat(fit.alphaCi().lower()).isLessThan(fit.alpha());
    assertThat(fit.alphaCi().upper()).isGreaterThan(fit.alpha());
    // the re-selected x_min stays near the head's edge, and a true power-law tail is not rejected
    assertThat(fit.xMinRange().lower()).isGreaterThanOrEqualTo(2);
    assertThat(fit.xMinRange().upper()).isLessThan(60);
    assertThat(fit.goodnessOfFitP()).isGreaterThan(0.1);
    assertThat(fit.how().seed()).isEqualTo(11L);
  }

  @Test
  void onLognormalDataTheLikelihoodRatiosFavourTheLognormalAndACutOff() {
    // ln x ~ N(3, 1.2): heavy-tailed but not a power law anywhere
    SplittableRandom rnd = new SplittableRandom(5);
    long[] x = new long[6000];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.max(1, Math.round(Math.exp(3 + 1.2 * rnd.nextGaussian())));
    }
    // the whole sample from x_min = 5, where the two laws differ most
    ZipfFit fit = new ZipfEstimator(new ZipfEstimator.Settings(0, 0.95, 50, 0, 5, false)).fitFixedXMin(x, 5);
    assertThat(fit.alternatives().vsLognormalStatistic()).isLessThan(0);
    assertThat(fit.alternatives().vsLognormalP()).isLessThan(0.01);
    assertThat(fit.alternatives().lognormalMu()).isCloseTo(3, within(0.3));
    assertThat(fit.alternatives().lognormalSigma()).isCloseTo(1.2, within(0.15));
    // a power law fitted to a lognormal tail needs a cut-off: the nested test says so
    assertThat(fit.alternatives().vsCutoffP()).isLessThan(0.1);
  }

  @Test
  void pruningTheKsScanFindsTheSameMinimumAsEvaluatingEveryCandidateFully() {
    SplittableRandom rnd = new SplittableRandom(8);
    long[] x = new long[3000];
    for (int i = 0; i < x.length; i++) {
      x[i] = i < 2000 ? zeta(1.8, rnd) : 1 + rnd.nextInt(30);
    }
    ZipfFit fit = new ZipfEstimator(new ZipfEstimator.Settings(0, 0.95, 50, 0, 1, false)).fit(x, false);
    ZipfEstimator.Histogram h = ZipfEstimator.Histogram.of(x);
    int best = -1;
    double bestKs = Double.POSITIVE_INFINITY;
    for (int i = 0; i < h.values.length && h.tailCount[i] >= 50; i++) {
      double d = ZipfEstimator.ks(h, i, ZipfEstimator.mle(h, i), Double.POSITIVE_INFINITY);
      if (d < bestKs) {
        bestKs = d;
        best = i;
      }
    }
    assertThat(fit.xMin()).isEqualTo(h.values[best]);
    // the scan's Newton starts from the previous candidate's root: the same root to about 1e-10
    assertThat(fit.ks()).isCloseTo(bestKs, within(1e-9));
  }

  /** The KS distance by its definition: every observed value and the value just before each, from scratch. */
  private static double ksByDefinition(ZipfEstimator.Histogram h, int xi, double beta) {
    double z0 = Special.hurwitzZeta(beta, h.values[xi]);
    double n = h.tailCount[xi];
    double below = 0;
    double d = 0;
    for (int j = xi; j < h.values.length; j++) {
      double cdfBefore = 1 - Special.hurwitzZeta(beta, h.values[j]) / z0; // P(X <= value - 1)
      d = Math.max(d, Math.abs(below - cdfBefore));
      below += h.freq[j] / n;
      d = Math.max(d, Math.abs(below - (1 - Special.hurwitzZeta(beta, h.values[j] + 1) / z0)));
    }
    return d;
  }

  @Test
  void theBoundedKsEvaluationIsTheMaximumOverEveryPosition() {
    // property over seeds and x_min candidates: branch and bound on the two monotone CDFs loses no position
    for (int seed = 0; seed < 6; seed++) {
      SplittableRandom rnd = new SplittableRandom(100 + seed);
      long[] x = new long[4000];
      for (int i = 0; i < x.length; i++) {
        x[i] = i < 2500 ? zeta(1.6 + 0.1 * seed, rnd) * (1 + seed % 3) : 1 + rnd.nextInt(40);
      }
      ZipfEstimator.Histogram h = ZipfEstimator.Histogram.of(x);
      for (int i = 0; i < h.values.length && h.tailCount[i] >= 50; i += 3) {
        double beta = ZipfEstimator.mle(h, i);
        assertThat(ZipfEstimator.ks(h, i, beta, Double.POSITIVE_INFINITY))
            .as("seed %d, x_min %d", seed, h.values[i]).isCloseTo(ksByDefinition(h, i, beta), within(1e-12));
      }
    }
  }

  @Test
  void twoRegimeFitFindsHeadTailAndBreak() {
    int types = 200_000;
    String[] w = new String[types];
    long[] c = new long[types];
    for (int r = 1; r <= types; r++) {
      double f = r <= 2000 ? 1e9 / r : 1e9 / 2000 * Math.pow(2000.0 / r, 2);
      w[r - 1] = "w" + r;
      c[r - 1] = Math.max(1, Math.round(f));
    }
    RankFrequencyFit fit = RankFrequencyFit.fit(new Counts(w, c, 0, false), 300);
    assertThat(fit.alphaHead()).isCloseTo(1.0, within(0.02));
    assertThat(fit.alphaTail()).isCloseTo(2.0, within(0.05));
    assertThat(fit.breakRank()).isBetween(1500L, 2700L);
    assertThat(fit.olsAlpha()).isBetween(1.0, 2.0);
  }
}
