package org.embdiff.stats;

/**
 * One word's part in the difference between two sides.
 *
 * @param word the word
 * @param countA its count on side A
 * @param countB its count on side B
 * @param pA relative frequency on A (unsmoothed)
 * @param pB relative frequency on B (unsmoothed)
 * @param miBits its contribution to I(W;D) in bits: sum_d P(d) P(w|d) log2(P(w|d) / P(w))
 * @param logOdds log-odds ratio A vs B with the informative Dirichlet prior (Monroe et al. 2008)
 * @param z its z-score (positive: characteristic of A)
 * @param pseudoToken whether the word is a placeholder such as {@code <user>} or {@code <unk>}
 */
public record WordContribution(String word, long countA, long countB, double pA, double pB, double miBits,
    double logOdds, double z, boolean pseudoToken) {}
