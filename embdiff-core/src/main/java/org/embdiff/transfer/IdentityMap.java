package org.embdiff.transfer;

import java.util.List;
import org.embdiff.vec.EmbeddingSpace;

/**
 * The identity map, for two spaces that are already aligned into one space (e.g. by the alignment
 * module's Procrustes). Fitting it checks the dimensions and nothing else.
 */
public final class IdentityMap implements VectorMap {
  private final int dim;
  private final String description;

  private IdentityMap(int dim, String description) {
    this.dim = dim;
    this.description = description;
  }

  /**
   * A fitter that returns the identity for spaces of equal dimension.
   *
   * @param description how the spaces were aligned, for the report
   */
  public static VectorMap.Fitter fitter(String description) {
    return (EmbeddingSpace source, EmbeddingSpace target, List<String> anchors) -> {
      if (source.dim() != target.dim()) {
        throw new IllegalArgumentException("identity map needs equal dimensions, got " + source.dim() + " and " + target.dim());
      }
      return new IdentityMap(source.dim(), description);
    };
  }

  @Override
  public int sourceDim() {
    return dim;
  }

  @Override
  public int targetDim() {
    return dim;
  }

  @Override
  public void apply(float[] src, int srcOffset, float[] dst, int dstOffset) {
    System.arraycopy(src, srcOffset, dst, dstOffset, dim);
  }

  @Override
  public String description() {
    return description;
  }
}
