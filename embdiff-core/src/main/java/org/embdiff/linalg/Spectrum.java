package org.embdiff.linalg;

/**
 * The top singular values of one matrix and summaries of their decay.
 *
 * @param name what the matrix is ("twitter X", "wiki PPMI", "glove.6B PCA")
 * @param rows rows of the matrix
 * @param cols columns
 * @param nnz stored non-zeros (rows x cols for dense)
 * @param frobeniusSquared ||A||_F^2 = the sum of all squared singular values
 * @param singularValues top-k, descending
 * @param normalized singularValues / singularValues[0]
 * @param decayExponent gamma of sigma_i ~ i^-gamma by least squares on log-log over the top k
 * @param effectiveRank exp of the Shannon entropy of p_i = sigma_i / sum sigma over the top k
 *     (Roy & Vetterli 2007; computed on the top k, so at most k)
 * @param energyTop10 sum of the 10 largest sigma^2 / ||A||_F^2; NaN when fewer than 10 values were
 *     computed and the matrix has more (the share is then unknown, not the share of fewer)
 * @param energyTop100 sum of the 100 largest sigma^2 / ||A||_F^2; NaN as for energyTop10
 * @param method how the values were computed
 */
public record Spectrum(
    String name,
    int rows,
    int cols,
    long nnz,
    double frobeniusSquared,
    double[] singularValues,
    double[] normalized,
    double decayExponent,
    double effectiveRank,
    double energyTop10,
    double energyTop100,
    String method) {

  /** Summarises {@code sigma} (descending) of a matrix with {@code frobeniusSquared}. */
  public static Spectrum of(String name, int rows, int cols, long nnz, double frobeniusSquared, double[] sigma,
      String method) {
    int k = sigma.length;
    double[] norm = new double[k];
    double total = 0;
    for (double s : sigma) {
      total += s;
    }
    double entropy = 0;
    for (int i = 0; i < k; i++) {
      norm[i] = sigma[0] > 0 ? sigma[i] / sigma[0] : 0;
      double p = total > 0 ? sigma[i] / total : 0;
      if (p > 0) {
        entropy -= p * Math.log(p);
      }
    }
    // least squares of ln sigma_i on ln i
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    int m = 0;
    for (int i = 0; i < k; i++) {
      if (sigma[i] > 0) {
        double x = Math.log(i + 1);
        double y = Math.log(sigma[i]);
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
        m++;
      }
    }
    double gamma = m < 2 ? Double.NaN : -(m * sxy - sx * sy) / (m * sxx - sx * sx);
    return new Spectrum(name, rows, cols, nnz, frobeniusSquared, sigma.clone(), norm, gamma,
        total > 0 ? Math.exp(entropy) : 0, energy(sigma, 10, frobeniusSquared, Math.min(rows, cols)), energy(sigma, 100, frobeniusSquared, Math.min(rows, cols)),
        method);
  }

  private static double energy(double[] sigma, int top, double fro, int rank) {
    if (sigma.length < top && sigma.length < rank) {
      return Double.NaN;
    }
    double e = 0;
    for (int i = 0; i < Math.min(top, sigma.length); i++) {
      e += sigma[i] * sigma[i];
    }
    return fro > 0 ? e / fro : Double.NaN;
  }
}
