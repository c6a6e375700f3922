package org.embdiff.align;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.embdiff.vec.EmbeddingSpace;

/**
 * B aligned onto A.
 *
 * @param method the map used
 * @param dimA dimension of A
 * @param dimB dimension of B
 * @param dimAligned dimension of the common space (for pca-procrustes the smaller dimension; A is
 *     the reduced A when A was the larger side)
 * @param explainedVarianceA share of A's variance kept by its PCA (1 when A was not reduced)
 * @param explainedVarianceB share of B's variance kept by its PCA (1 when B was not reduced)
 * @param shared the shared vocabulary summary
 * @param anchors the anchors used
 * @param diagnostics fit quality and ranking stability
 * @param spaceA the shared words of A in the common space, unit length (not serialised)
 * @param alignedB every word of B mapped into the common space, unit length (not serialised)
 */
public record AlignmentResult(MapMethod method, int dimA, int dimB, int dimAligned, double explainedVarianceA,
    double explainedVarianceB, SharedVocabulary.Summary shared, Anchors anchors, AlignmentDiagnostics diagnostics,
    @JsonIgnore EmbeddingSpace spaceA, @JsonIgnore EmbeddingSpace alignedB) {

  /** One-line description of the map for reports. */
  public String describe() {
    return switch (method) {
      case PROCRUSTES -> "orthogonal Procrustes on unit vectors (" + dimA + "d)";
      case PCA_PROCRUSTES -> (dimA == dimB ? "" : (dimA > dimB ? "A" : "B") + " reduced by PCA to " + dimAligned + "d (kept "
          + String.format(java.util.Locale.ROOT, "%.1f%%", 100 * Math.min(explainedVarianceA, explainedVarianceB))
          + " of its variance), then ") + "orthogonal Procrustes on unit vectors";
      case LSTSQ -> "least-squares linear map " + dimB + "d -> " + dimA + "d (not orthogonal), outputs re-normalised";
    };
  }
}
