package org.embdiff.replicate;

/**
 * One word's shift measured against its within-domain null.
 *
 * @param word the word
 * @param observed the measure between the whole-corpus spaces A and B
 * @param nullMean mean over the 2R within-domain pairs (A_r, A_r+1), (B_r, B_r+1)
 * @param nullSd their standard deviation (floored at a quarter of the median over words)
 * @param z (observed - nullMean) / nullSd
 * @param p empirical one-sided p-value of z against the pooled within-domain null z-scores
 * @param q Benjamini-Hochberg adjusted p-value
 * @param significant q <= the false-discovery rate
 */
public record WordNull(String word, double observed, double nullMean, double nullSd, double z, double p, double q,
    boolean significant) {}
