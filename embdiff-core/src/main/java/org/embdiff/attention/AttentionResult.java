package org.embdiff.attention;

import java.util.List;
import org.embdiff.claims.Interval;

/**
 * The self-attention probe on both sides: per-sentence statistics, paired comparisons, the noise
 * control and heatmap data.
 *
 * @param sideA name of side A
 * @param sideB name of side B
 * @param dimA dimension of A's vectors
 * @param dimB dimension of B's vectors
 * @param commonDim the common dimension (the smaller one)
 * @param reduction how the larger side was reduced ("PCA of wiki 100 -> 25, 61.2% variance"), or "none"
 * @param sentenceSource "bundled" or the corpora used
 * @param sentencesUsed sentences with enough shared tokens
 * @param sentencesSkipped sentences with fewer than minTokens shared tokens
 * @param settings the settings used
 * @param measures per sentence, representation, projection and side
 * @param comparisons paired B - A comparisons
 * @param noise noise-control curves: per side an additive and a norm-preserving one (see {@link NoiseCurve#variant})
 * @param heatmaps attention matrices of a few sentences
 */
public record AttentionResult(String sideA, String sideB, int dimA, int dimB, int commonDim, String reduction,
    String sentenceSource, int sentencesUsed, int sentencesSkipped, AttentionSettings settings, List<Measure> measures,
    List<Comparison> comparisons, List<NoiseCurve> noise, List<Heatmap> heatmaps) {

  /** A metric id as the words a reader sees: normalizedEntropy -> normalised entropy. */
  public static String metricWords(String metric) {
    return switch (metric) {
      case "normalizedEntropy" -> "normalised entropy";
      case "maxWeight" -> "max weight";
      case "logitNorm" -> "logit norm";
      default -> metric;
    };
  }

  /** The representations compared. */
  public enum Representation {
    /** Each side's own vectors and dimension (1/sqrt(d) with its own d). */
    NATIVE,
    /** Both sides in the smaller dimension, the larger reduced by PCA. */
    COMMON_DIM,
    /**
     * Each side's own vectors at unit length, rescaled to length sqrt(d_c) (d_c the smaller dimension)
     * and attended with 1/sqrt(d_c): logits sqrt(d_c) cos(u, v), one temperature for both sides.
     */
    COMMON_TEMPERATURE
  }

  /** The projections of Q and K. */
  public enum Projection {
    /** Q = K = V = E. */
    IDENTITY,
    /** Q = E W_Q, K = E W_K with independent random orthogonal W (mean over the seeds). */
    RANDOM_ORTHOGONAL
  }

  /** One sentence under one representation, projection and side. */
  public record Measure(int sentence, String source, int tokens, Representation representation, Projection projection,
      String side, double normalizedEntropy, double maxWeight, double logitNorm) {}

  /**
   * A paired comparison on identical sentences: mean of B - A with a paired bootstrap interval and
   * the Wilcoxon signed-rank test.
   */
  public record Comparison(Representation representation, Projection projection, String metric, int sentences,
      double meanA, double meanB, Interval difference, org.embdiff.inference.Tests.SignedRankTest wilcoxon) {}

  /**
   * Mean normalised entropy (native dimension) as noise of growing scale enters every token vector,
   * in one of two variants ({@link #ADDITIVE} or {@link #NORM_PRESERVING}).
   *
   * @param side the side
   * @param meanNorm mean L2 norm of the side's vectors (whole vocabulary)
   * @param scales noise scales
   * @param entropy mean normalised entropy at each scale
   * @param slope OLS slope of entropy on scale, with a percentile bootstrap interval over sentences
   * @param variant which noise and attention: {@link #ADDITIVE} or {@link #NORM_PRESERVING}
   */
  public record NoiseCurve(String side, double meanNorm, List<Double> scales, List<Double> entropy, Interval slope,
      String variant) {
    /**
     * Gaussian noise added, per-coordinate sigma = scale * meanNorm / sqrt(d); Q = K = E. The noise
     * also inflates the norms (larger logits, sharper softmax).
     */
    public static final String ADDITIVE = "additive, Q=K=E";
    /**
     * Each token vector replaced by e' = sqrt(1 - s^2) e + s ||e|| n / ||n|| (n standard Gaussian,
     * s clamped to 1), so ||e'|| ~ ||e|| and s = 1 is pure noise at the same norm; Q = E'W_Q,
     * K = E'W_K with the probe's random orthogonal projections.
     */
    public static final String NORM_PRESERVING = "norm-preserving, random orthogonal projections";

    /** An {@link #ADDITIVE} curve. */
    public NoiseCurve(String side, double meanNorm, List<Double> scales, List<Double> entropy, Interval slope) {
      this(side, meanNorm, scales, entropy, slope, ADDITIVE);
    }
  }

  /** Attention weights of one sentence (Q = K = E, native dimension), rows = queries. */
  public record Heatmap(int sentence, String source, String side, List<String> tokens, double[][] weights) {}
}
