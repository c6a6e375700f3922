package org.embdiff.attention;

import java.util.List;

/**
 * Settings of the self-attention probe.
 *
 * @param projectionSeeds random orthogonal (W_Q, W_K) pairs (default 20)
 * @param minTokens sentences with fewer shared tokens are skipped (default 5)
 * @param maxTokens longer sentences are cut to their first {@code maxTokens} shared tokens (default 40)
 * @param noiseScales noise scales relative to the side's mean vector norm (default 0, 0.1, ..., 1.0)
 * @param noiseDraws noise draws averaged per scale and sentence (default 5)
 * @param heatmaps sentences per source whose attention matrices are kept (default 2)
 * @param resamples bootstrap resamples (default 2000)
 * @param level confidence level (default 0.95)
 * @param seed seed of the projections, the noise and the bootstrap
 */
public record AttentionSettings(int projectionSeeds, int minTokens, int maxTokens, List<Double> noiseScales,
    int noiseDraws, int heatmaps, int resamples, double level, long seed) {
  /** Validates every setting, naming the bad one. */
  public AttentionSettings {
    if (projectionSeeds < 1) {
      throw new IllegalArgumentException("projectionSeeds must be >= 1, got " + projectionSeeds);
    }
    if (minTokens < 2) {
      throw new IllegalArgumentException("minTokens must be >= 2 (entropy / log n), got " + minTokens);
    }
    if (maxTokens < minTokens) {
      throw new IllegalArgumentException("maxTokens " + maxTokens + " < minTokens " + minTokens);
    }
    noiseScales = List.copyOf(noiseScales);
    if (noiseScales.size() < 2 || noiseScales.stream().anyMatch(s -> !(s >= 0))) {
      throw new IllegalArgumentException("noiseScales needs at least 2 values >= 0, got " + noiseScales);
    }
    if (noiseDraws < 1) {
      throw new IllegalArgumentException("noiseDraws must be >= 1, got " + noiseDraws);
    }
    if (heatmaps < 0) {
      throw new IllegalArgumentException("heatmaps must be >= 0, got " + heatmaps);
    }
    if (resamples < org.embdiff.inference.Bootstrap.MIN_RESAMPLES_95) {
      throw new IllegalArgumentException("resamples must be >= " + org.embdiff.inference.Bootstrap.MIN_RESAMPLES_95
          + " (a 95% bootstrap interval), got " + resamples);
    }
    if (!(level > 0.5 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0.5, 1), got " + level);
    }
  }

  /** The defaults with {@code seed}. */
  public static AttentionSettings defaults(long seed) {
    List<Double> scales = new java.util.ArrayList<>();
    for (int i = 0; i <= 10; i++) {
      scales.add(i / 10.0);
    }
    return new AttentionSettings(20, 5, 40, scales, 5, 2, 2000, 0.95, seed);
  }
}
