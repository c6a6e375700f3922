package org.embdiff.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Vocabulary;
import org.junit.jupiter.api.Test;

/**
 * The grouped bootstrap of the PCA spectrum: its full-sample statistics are those of {@link Spectra#pca},
 * and its standard errors match those of resampling single words (each resample a full PCA).
 */
class SpectrumBootstrapTest {
  @Test
  void groupedResamplesGiveThePcaEstimateAndTheSpreadOfWordResamples() {
    int n = 3000;
    int d = 40;
    int k = 20;
    SplittableRandom random = new SplittableRandom(5);
    float[] m = new float[n * d];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < d; c++) {
        // a decaying spectrum with heavy-ish tails, so the statistics have a real sampling spread
        double g = random.nextGaussian() * Math.pow(c + 1, -0.7) * (random.nextDouble() < 0.05 ? 3 : 1);
        m[r * d + c] = (float) (g + 0.3);
      }
    }
    String[] words = new String[n];
    for (int i = 0; i < n; i++) {
      words[i] = "w" + i;
    }
    EmbeddingSpace space = new EmbeddingSpace(new Vocabulary(words), d, m);
    SpectrumBootstrap.Result grouped = SpectrumBootstrap.run(space, k, 1000, new SplittableRandom(1));
    Spectrum pca = SpectrumBootstrap.top(Spectra.pca("x", space, d), k);
    // the PCA sums blocked float products in double, the grouped scatter double products: they agree to ~1e-7 relative
    assertThat(grouped.effectiveRank()).isCloseTo(pca.effectiveRank(), within(1e-6 * pca.effectiveRank()));
    assertThat(grouped.decayExponent()).isCloseTo(pca.decayExponent(), within(1e-6 * Math.abs(pca.decayExponent())));

    int resamples = 300;
    double[] er = new double[resamples];
    double[] decay = new double[resamples];
    float[] sample = new float[n * d];
    SplittableRandom rows = new SplittableRandom(2);
    for (int r = 0; r < resamples; r++) {
      for (int i = 0; i < n; i++) {
        System.arraycopy(m, rows.nextInt(n) * d, sample, i * d, d);
      }
      Spectrum s = SpectrumBootstrap.top(Spectra.pca("r", new EmbeddingSpace(new Vocabulary(words), d, sample.clone()), d), k);
      er[r] = s.effectiveRank();
      decay[r] = s.decayExponent();
    }
    assertThat(sd(grouped.effectiveRankReplicates()) / sd(er)).isBetween(0.8, 1.25);
    assertThat(sd(grouped.decayExponentReplicates()) / sd(decay)).isBetween(0.8, 1.25);
  }

  private static double sd(double[] x) {
    double mean = java.util.Arrays.stream(x).average().orElseThrow();
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    return Math.sqrt(ss / (x.length - 1));
  }
}
