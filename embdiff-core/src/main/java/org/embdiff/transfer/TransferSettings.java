package org.embdiff.transfer;

/**
 * Settings of the cross-domain transfer experiment.
 *
 * @param splits random train/test splits of the labelled words (default 10)
 * @param testFraction share of the words held out per split (default 0.2)
 * @param c inverse L2 strength in LIBLINEAR's units ({@link WordClassifier}), or NaN (the default) to choose it
 *     once per task and direction by cross-validation on the first split's training words
 * @param eps stopping tolerance of the classifier fit, ||gradient|| &lt;= eps ||gradient at 0|| (default 1e-3)
 * @param minClassSize classes with fewer shared words are dropped (default 100; matters for the
 *     supersense task)
 * @param bins quantile bins of the pointwise divergence (default 5)
 * @param resamples bootstrap resamples for the Spearman interval (default 2000)
 * @param level confidence level (default 0.95)
 * @param smoothing Lidstone pseudo-count of the unigram distributions (default 0.5)
 * @param seed seed of the splits and the bootstrap
 */
public record TransferSettings(int splits, double testFraction, double c, double eps, int minClassSize, int bins,
    int resamples, double level, double smoothing, long seed) {
  /** Validates every setting, naming the bad one. */
  public TransferSettings {
    if (splits < 2) {
      throw new IllegalArgumentException("splits must be >= 2 (for an interval over splits), got " + splits);
    }
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
    }
    if (!(c > 0) && !Double.isNaN(c)) {
      throw new IllegalArgumentException("C must be > 0 (or NaN to choose it by cross-validation), got " + c);
    }
    if (!(eps > 0)) {
      throw new IllegalArgumentException("eps must be > 0, got " + eps);
    }
    if (minClassSize < 1) {
      throw new IllegalArgumentException("minClassSize must be >= 1, got " + minClassSize);
    }
    if (bins < 2) {
      throw new IllegalArgumentException("bins must be >= 2, got " + bins);
    }
    if (resamples < 100) {
      throw new IllegalArgumentException("resamples must be >= 100, got " + resamples);
    }
    if (!(level > 0.5 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0.5, 1), got " + level);
    }
    if (!(smoothing > 0)) {
      throw new IllegalArgumentException("smoothing must be > 0, got " + smoothing);
    }
  }

  /** The defaults with {@code seed}. */
  public static TransferSettings defaults(long seed) {
    return new TransferSettings(10, 0.2, Double.NaN, 1e-3, 100, 5, 2000, 0.95, 0.5, seed);
  }
}
