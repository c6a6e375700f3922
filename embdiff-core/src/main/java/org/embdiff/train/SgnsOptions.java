package org.embdiff.train;

/**
 * Settings of skip-gram with negative sampling (Mikolov et al. 2013, "Distributed Representations
 * of Words and Phrases and their Compositionality"), named as word2vec's options; the defaults
 * are gensim's and word2vec's skip-gram defaults.
 *
 * @param dim vector size ({@code -size}, default 100)
 * @param window largest window ({@code -window}, default 5); each centre word draws its own in 1..window
 * @param negative noise words per context ({@code -negative}, default 5)
 * @param epochs passes over the corpus ({@code -iter}, default 5)
 * @param sample subsampling threshold t of frequent words ({@code -sample}, default 1e-3; 0 = none)
 * @param alpha initial learning rate ({@code -alpha}, default 0.025)
 * @param minAlpha final learning rate (gensim's {@code min_alpha}, default 1e-4)
 * @param threads Hogwild worker threads ({@code -threads})
 * @param seed random seed: with one thread, equal seeds give bitwise-equal vectors
 * @param sharedNoise draw the noise words once per window and share them among its context words
 *     (Ji et al. 2016; faster) instead of fresh noise words per (centre, context) pair as word2vec
 */
public record SgnsOptions(int dim, int window, int negative, int epochs, double sample, double alpha, double minAlpha,
    int threads, long seed, boolean sharedNoise) {

  /** Settings with noise words shared per window. */
  public SgnsOptions(int dim, int window, int negative, int epochs, double sample, double alpha, double minAlpha,
      int threads, long seed) {
    this(dim, window, negative, epochs, sample, alpha, minAlpha, threads, seed, true);
  }

  /** Validates every setting, naming the parameter and the bad value. */
  public SgnsOptions {
    if (dim < 1 || dim > 10_000) {
      throw new IllegalArgumentException("dim must be in 1..10000, got " + dim);
    }
    if (window < 1 || window > 1000) {
      throw new IllegalArgumentException("window must be in 1..1000, got " + window);
    }
    if (negative < 1 || negative > 1000) {
      throw new IllegalArgumentException("negative must be in 1..1000, got " + negative);
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
    }
    if (!(sample >= 0) || !Double.isFinite(sample)) {
      throw new IllegalArgumentException("sample must be >= 0, got " + sample);
    }
    if (!(alpha > 0) || !Double.isFinite(alpha)) {
      throw new IllegalArgumentException("alpha must be > 0, got " + alpha);
    }
    if (!(minAlpha >= 0) || minAlpha > alpha) {
      throw new IllegalArgumentException("min-alpha must be in [0, alpha = " + alpha + "], got " + minAlpha);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
  }

  /** word2vec/gensim skip-gram defaults: 100 dims, window 5, 5 negatives, 5 epochs, sample 1e-3, alpha 0.025. */
  public static SgnsOptions defaults() {
    return new SgnsOptions(100, 5, 5, 5, 1e-3, 0.025, 1e-4, Runtime.getRuntime().availableProcessors(), 1);
  }

  /** A copy with another seed. */
  public SgnsOptions withSeed(long s) {
    return new SgnsOptions(dim, window, negative, epochs, sample, alpha, minAlpha, threads, s, sharedNoise);
  }

  /** A copy with another thread count. */
  public SgnsOptions withThreads(int t) {
    return new SgnsOptions(dim, window, negative, epochs, sample, alpha, minAlpha, t, seed, sharedNoise);
  }

  /** A copy that draws noise words once per window ({@code true}) or per pair. */
  public SgnsOptions withSharedNoise(boolean shared) {
    return new SgnsOptions(dim, window, negative, epochs, sample, alpha, minAlpha, threads, seed, shared);
  }
}
