package org.embdiff.eval;

import java.util.List;

/**
 * Correlation of a space's cosine similarities with human judgements (gensim's
 * {@code evaluate_word_pairs}): pairs with a word outside the restricted vocabulary are skipped and
 * counted as OOV.
 *
 * @param benchmark pair file name
 * @param restrictVocab rows used for lookup
 * @param caseInsensitive whether lookup was upper-cased (first row of a casing wins)
 * @param pairs valid pairs in the file
 * @param found pairs with both words present
 * @param oovPercent 100 * (pairs - found) / pairs
 * @param pearson Pearson's r between gold scores and cosines, over found pairs
 * @param spearman Spearman's rho (average ranks for ties, as scipy)
 * @param invalidLines malformed lines skipped
 * @param scores per found pair: the words, the gold score and the cosine
 */
public record PairSimilarityResult(String benchmark, int restrictVocab, boolean caseInsensitive, int pairs, int found,
    double oovPercent, double pearson, double spearman, int invalidLines, List<PairScore> scores) {
  /** Copies the list. */
  public PairSimilarityResult {
    scores = List.copyOf(scores);
  }

  /** One found pair with the model's cosine. */
  public record PairScore(String w1, String w2, double gold, double cosine) {}
}
