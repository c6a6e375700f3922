package org.embdiff.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Vocabulary;
import org.junit.jupiter.api.Test;

class SpectraTest {
  @Test
  void summariesOfAKnownSpectrum() {
    // sigma = 4, 2, 1, 1: p = 0.5, 0.25, 0.125, 0.125
    Spectrum s = Spectrum.of("t", 4, 4, 16, 22, new double[] {4, 2, 1, 1}, "given");
    double h = -(0.5 * Math.log(0.5) + 0.25 * Math.log(0.25) + 2 * 0.125 * Math.log(0.125));
    assertThat(s.effectiveRank()).isCloseTo(Math.exp(h), within(1e-12));
    assertThat(s.normalized()).containsExactly(1, 0.5, 0.25, 0.25);
    assertThat(s.energyTop10()).isCloseTo(1.0, within(1e-12));
    // a pure power law sigma_i = i^-1.5 has decay exponent 1.5
    double[] p = new double[50];
    for (int i = 0; i < p.length; i++) {
      p[i] = Math.pow(i + 1, -1.5);
    }
    assertThat(Spectrum.of("p", 50, 50, 2500, 10, p, "given").decayExponent()).isCloseTo(1.5, within(1e-9));
  }

  @Test
  void pcaSpectrumEqualsSvdOfTheCentredMatrix() {
    int n = 300;
    int d = 17;
    Random rnd = new Random(3);
    float[] m = new float[n * d];
    String[] words = new String[n];
    for (int r = 0; r < n; r++) {
      words[r] = "w" + r;
      for (int b = 0; b < d; b++) {
        m[r * d + b] = (float) (rnd.nextGaussian() * (b + 1) + 3);
      }
    }
    EmbeddingSpace space = new EmbeddingSpace(new Vocabulary(words), d, m);
    Spectrum s = Spectra.pca("x", space, 10);
    DMatrixRMaj centred = new DMatrixRMaj(n, d);
    for (int b = 0; b < d; b++) {
      double mean = 0;
      for (int r = 0; r < n; r++) {
        mean += m[r * d + b];
      }
      mean /= n;
      for (int r = 0; r < n; r++) {
        centred.set(r, b, m[r * d + b] - mean);
      }
    }
    double[] exact = ExactSvd.top(centred, 10);
    for (int i = 0; i < 10; i++) {
      assertThat(s.singularValues()[i]).isCloseTo(exact[i], within(1e-6 * exact[0]));
    }
    assertThat(s.singularValues()).hasSize(10);
    // column b has standard deviation b + 1: the largest component is about 17 * sqrt(n)
    assertThat(s.singularValues()[0] / Math.sqrt(n)).isBetween(14.0, 20.0);
  }
}
