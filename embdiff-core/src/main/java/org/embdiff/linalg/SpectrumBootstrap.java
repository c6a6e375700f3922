package org.embdiff.linalg;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.embdiff.vec.EmbeddingSpace;

/**
 * Effective rank and decay exponent of the top {@code k} PCA singular values of an embedding
 * matrix, with bootstrap replicates over its rows (words drawn with replacement).
 */
public final class SpectrumBootstrap {
  private SpectrumBootstrap() {}

  /**
   * The two statistics on the full matrix and on each resample.
   *
   * @param effectiveRank effective rank of the top k values
   * @param decayExponent decay exponent of the top k values
   * @param effectiveRankReplicates per resample
   * @param decayExponentReplicates per resample
   */
  public record Result(double effectiveRank, double decayExponent, double[] effectiveRankReplicates,
      double[] decayExponentReplicates) {}

  /** Runs {@code resamples} row resamples of {@code space} drawn from {@code random}. */
  public static Result run(EmbeddingSpace space, int k, int resamples, SplittableRandom random) {
    Spectrum full = top(Spectra.pca("full", space, space.dim()), k);
    int n = space.size();
    int d = space.dim();
    float[] m = space.matrix();
    double[] er = new double[resamples];
    double[] decay = new double[resamples];
    // a resample is a list of drawn rows: the PCA reads them in place, nothing is copied
    int[] drawn = new int[n];
    for (int r = 0; r < resamples; r++) {
      for (int i = 0; i < n; i++) {
        drawn[i] = random.nextInt(n);
      }
      Spectrum s = top(Spectra.pca("resample", m, d, drawn, n, d), k);
      er[r] = s.effectiveRank();
      decay[r] = s.decayExponent();
    }
    return new Result(full.effectiveRank(), full.decayExponent(), er, decay);
  }

  /** The spectrum cut to its top {@code k} values (summaries recomputed on those). */
  public static Spectrum top(Spectrum s, int k) {
    double[] sigma = Arrays.copyOf(s.singularValues(), Math.min(k, s.singularValues().length));
    return Spectrum.of(s.name(), s.rows(), s.cols(), s.nnz(), s.frobeniusSquared(), sigma, s.method());
  }
}
