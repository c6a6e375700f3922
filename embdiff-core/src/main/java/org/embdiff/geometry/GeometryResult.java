package org.embdiff.geometry;

import java.util.List;
import org.embdiff.eval.Summary;
import org.embdiff.inference.Interval;

/**
 * Geometry of one space (SPEC 3).
 *
 * @param words rows in the space
 * @param dim dimension
 * @param meanCosine mean cosine of random distinct word pairs with a bootstrap CI (0 for an
 *     isotropic space; Ethayarajh 2019 uses it as the anisotropy baseline)
 * @param partitionRatio Mu & Viswanath (2018) isotropy min_c Z(c) / max_c Z(c), Z(c) = sum_w exp(c . v_w)
 *     over raw vectors, c in the eigenvectors of W^T W and their negatives (1 = isotropic)
 * @param partitionRatioCentred the same with c in the eigenvectors of the covariance (centred W)
 * @param norms distribution of the raw vector norms
 * @param normRankSpearman Spearman correlation of the norm with the frequency rank (row order)
 * @param hubnessK k of the k-occurrence distribution
 * @param hubnessWords words over which hubness was measured
 * @param kOccurrenceSkewness skewness of N_k (Radovanović et al. 2010); large positive = hubs
 * @param antiHubShare share of words that are in nobody's k-NN list
 * @param hubs the words with the largest N_k
 */
public record GeometryResult(int words, int dim, Interval meanCosine, double partitionRatio, double partitionRatioCentred,
    Summary norms, double normRankSpearman, int hubnessK, int hubnessWords, double kOccurrenceSkewness, double antiHubShare,
    List<Hub> hubs) {
  /** Copies. */
  public GeometryResult {
    hubs = List.copyOf(hubs);
  }

  /** A word and how many k-NN lists it appears in. */
  public record Hub(String word, int occurrences) {}
}
