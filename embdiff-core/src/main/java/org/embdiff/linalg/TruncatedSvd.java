package org.embdiff.linalg;

/**
 * The top singular values of a sparse matrix. Implementations: {@link ExactSvd} (dense, for small
 * matrices and tests) and {@link RandomizedSvd} (Halko, Martinsson & Tropp 2011).
 */
public interface TruncatedSvd {
  /**
   * The {@code k} largest singular values of {@code a}, sorted descending (fewer when
   * min(rows, cols) &lt; k). {@code a} is not modified.
   */
  double[] singularValues(CsrMatrix a, int k);

  /** A short description of the method and its settings, for provenance. */
  String describe();
}
