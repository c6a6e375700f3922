package org.embdiff.train;

/**
 * Settings of GloVe training, named as the Stanford {@code glove} tool's options.
 *
 * @param vectorSize dimension d ({@code -vector-size}, default 50)
 * @param iterations passes over the records ({@code -iter}, default 25)
 * @param eta initial AdaGrad learning rate ({@code -eta}, default 0.05)
 * @param alpha exponent of the weighting function ({@code -alpha}, default 0.75)
 * @param xMax cutoff of the weighting function ({@code -x-max}, default 100)
 * @param threads Hogwild worker threads ({@code -threads})
 * @param seed random seed of the initialisation ({@code -seed})
 * @param model output: 0 = word and context vectors with biases, 1 = word vectors, 2 = word +
 *     context vectors ({@code -model}, default 2)
 * @param gradClip word-vector gradients are clipped to [-gradClip, gradClip] ({@code -grad-clip},
 *     default 100)
 */
public record GloveOptions(
    int vectorSize, int iterations, double eta, double alpha, double xMax, int threads, long seed, int model,
    double gradClip) {

  /** Validates every setting, naming the parameter and the bad value. */
  public GloveOptions {
    if (vectorSize < 1 || vectorSize > 10_000) {
      throw new IllegalArgumentException("vector-size must be in 1..10000, got " + vectorSize);
    }
    if (iterations < 0) {
      throw new IllegalArgumentException("iter must be >= 0, got " + iterations);
    }
    if (!(eta > 0) || !Double.isFinite(eta)) {
      throw new IllegalArgumentException("eta must be > 0, got " + eta);
    }
    if (!(alpha > 0) || !Double.isFinite(alpha)) {
      throw new IllegalArgumentException("alpha must be > 0, got " + alpha);
    }
    if (!(xMax > 0) || !Double.isFinite(xMax)) {
      throw new IllegalArgumentException("x-max must be > 0, got " + xMax);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    if (!(gradClip > 0)) {
      throw new IllegalArgumentException("grad-clip must be > 0, got " + gradClip);
    }
    if (model < 0 || model > 2) {
      throw new IllegalArgumentException("model must be 0, 1 or 2, got " + model);
    }
  }

  /** The C tool's defaults (vector size 50, 25 iterations, eta 0.05, alpha 0.75, x_max 100, model 2,
   * gradient clip 100). */
  public static GloveOptions defaults() {
    return new GloveOptions(50, 25, 0.05, 0.75, 100, Runtime.getRuntime().availableProcessors(), 1, 2, 100);
  }
}
