package org.embdiff.claims;

/**
 * Settings of the claims statistics.
 *
 * @param resamples bootstrap resamples (default 2000)
 * @param permutations permutation-test permutations (default 10000)
 * @param level confidence level (default 0.95)
 * @param seed seed of the resampling
 */
public record ClaimSettings(int resamples, int permutations, double level, long seed) {
  /** Validates every setting, naming the bad one. */
  public ClaimSettings {
    if (resamples < 100) {
      throw new IllegalArgumentException("resamples must be >= 100, got " + resamples);
    }
    if (permutations < 100) {
      throw new IllegalArgumentException("permutations must be >= 100, got " + permutations);
    }
    if (!(level > 0.5 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0.5, 1), got " + level);
    }
  }

  /** The defaults with {@code seed}. */
  public static ClaimSettings defaults(long seed) {
    return new ClaimSettings(2000, 10_000, 0.95, seed);
  }
}
