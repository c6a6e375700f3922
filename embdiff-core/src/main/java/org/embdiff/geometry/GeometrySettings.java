package org.embdiff.geometry;

/**
 * Settings of the per-side geometry measures.
 *
 * @param randomPairs random word pairs for the mean-cosine isotropy (10,000)
 * @param hubnessK neighbours per word for the k-occurrence distribution (10)
 * @param hubnessWords the most frequent words over which hubness is measured (queries and
 *     candidates both; 10,000 keeps the all-pairs search to seconds)
 * @param bootstrapResamples resamples for the mean-cosine CI
 * @param seed seed of the pair sample and the bootstrap
 */
public record GeometrySettings(int randomPairs, int hubnessK, int hubnessWords, int bootstrapResamples, long seed) {
  /** Validates. */
  public GeometrySettings {
    if (randomPairs < 1 || hubnessK < 1 || hubnessWords < 2 || bootstrapResamples < 1) {
      throw new IllegalArgumentException("invalid geometry settings: randomPairs " + randomPairs + ", hubnessK " + hubnessK
          + ", hubnessWords " + hubnessWords + ", bootstrapResamples " + bootstrapResamples + " (all must be positive, hubnessWords >= 2)");
    }
  }

  /** 10,000 pairs, k = 10 over the 10,000 most frequent words, 1,000 resamples, seed 42. */
  public static GeometrySettings defaults() {
    return new GeometrySettings(10_000, 10, 10_000, 1000, 42);
  }

  /** A copy with another seed. */
  public GeometrySettings withSeed(long s) {
    return new GeometrySettings(randomPairs, hubnessK, hubnessWords, bootstrapResamples, s);
  }
}
