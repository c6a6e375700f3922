package org.embdiff.transfer;

import org.embdiff.vec.EmbeddingSpace;

/**
 * A map of vectors from one space (B) into another (A), so that a model trained on A's vectors can
 * be applied to B's. Implementations: {@link LeastSquaresMap}; the alignment module's Procrustes
 * result can be adapted to this interface.
 */
public interface VectorMap {
  /** Dimension of the vectors this map reads. */
  int sourceDim();

  /** Dimension of the vectors it writes. */
  int targetDim();

  /**
   * Maps {@code src[srcOffset .. srcOffset+sourceDim)} into {@code dst[dstOffset ..
   * dstOffset+targetDim)}.
   */
  void apply(float[] src, int srcOffset, float[] dst, int dstOffset);

  /** A human-readable description ("affine least squares, 25 -> 100, 9,000 anchors"). */
  String description();

  /** Maps every row of {@code space}; the result has the same words. */
  default EmbeddingSpace applyTo(EmbeddingSpace space) {
    if (space.dim() != sourceDim()) {
      throw new IllegalArgumentException("space has dim " + space.dim() + ", map expects " + sourceDim());
    }
    float[] in = space.matrix();
    float[] out = new float[space.size() * targetDim()];
    for (int r = 0; r < space.size(); r++) {
      apply(in, r * sourceDim(), out, r * targetDim());
    }
    return space.withMatrix(targetDim(), out);
  }

  /** Fits a map from a source space to a target space on anchor words both have. */
  @FunctionalInterface
  interface Fitter {
    /**
     * @param source the space whose vectors will be mapped (B)
     * @param target the space they are mapped into (A)
     * @param anchors words both spaces have, used to fit the map
     */
    VectorMap fit(EmbeddingSpace source, EmbeddingSpace target, java.util.List<String> anchors);

    /**
     * Fits maps on {@code anchors} minus a varying excluded set (e.g. each split's test words).
     * The default refits from scratch; implementations may precompute. The returned function must
     * be safe to call from several threads.
     */
    default java.util.function.Function<java.util.Set<String>, VectorMap> excluding(EmbeddingSpace source,
        EmbeddingSpace target, java.util.List<String> anchors) {
      return excluded -> fit(source, target, anchors.stream().filter(w -> !excluded.contains(w)).toList());
    }
  }
}
