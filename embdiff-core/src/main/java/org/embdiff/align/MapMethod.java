package org.embdiff.align;

/** How B is mapped onto A. */
public enum MapMethod {
  /** Orthogonal Procrustes (Schönemann 1966): R = U V^T from the SVD of B^T A; needs equal dimensions. */
  PROCRUSTES,
  /** Reduce the larger side to the smaller dimension by PCA, then orthogonal Procrustes. */
  PCA_PROCRUSTES,
  /** Least-squares linear map W = argmin ||B W - A||_F (Mikolov et al. 2013b); any dimensions, not orthogonal. */
  LSTSQ;

  /** PROCRUSTES for equal dimensions, PCA_PROCRUSTES otherwise. */
  public static MapMethod defaultFor(int dimA, int dimB) {
    return dimA == dimB ? PROCRUSTES : PCA_PROCRUSTES;
  }

  /** The user word: procrustes, pca-procrustes or lstsq. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  @Override
  public String toString() {
    return label();
  }
}
