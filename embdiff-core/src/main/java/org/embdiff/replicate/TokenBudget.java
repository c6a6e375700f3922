package org.embdiff.replicate;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.embdiff.train.TokenCorpus;
import org.embdiff.util.Seeds;

/**
 * Two corpora cut to one token budget, so that neither side's spaces are better trained for
 * having more text: the budget is the smaller corpus's token count (or {@code maxTokens} when
 * smaller), and a corpus above it is subsampled by document (a seeded random order of its
 * documents, taken until the budget is reached, then put back in corpus order); both then get
 * the same vocabulary rule.
 *
 * @param a side A's corpus within the budget, vocabulary rule applied
 * @param b side B's corpus within the budget, vocabulary rule applied
 * @param budget the token budget
 * @param sideA what was kept of A
 * @param sideB what was kept of B
 */
public record TokenBudget(TokenCorpus a, TokenCorpus b, long budget, Kept sideA, Kept sideB) {

  /**
   * What was kept of one corpus.
   *
   * @param documents documents kept
   * @param documentsTotal documents in the corpus
   * @param tokens tokens kept (before the vocabulary rule)
   * @param tokensTotal tokens in the corpus
   */
  public record Kept(int documents, int documentsTotal, long tokens, long tokensTotal) {
    /** Whether the corpus was subsampled. */
    public boolean subsampled() {
      return documents < documentsTotal;
    }
  }

  /**
   * Cuts {@code a} and {@code b} (every token kept, i.e. read with min-count 1) to one budget and
   * applies {@code minCount}.
   */
  public static TokenBudget of(TokenCorpus a, TokenCorpus b, long maxTokens, long minCount, long seed) {
    long budget = Math.min(a.size(), b.size());
    if (maxTokens > 0) {
      budget = Math.min(budget, maxTokens);
    }
    int[] linesA = cut(a, budget, Seeds.derive(seed, "token-budget", 0));
    int[] linesB = cut(b, budget, Seeds.derive(seed, "token-budget", 1));
    TokenCorpus ca = a.sample(linesA, minCount);
    TokenCorpus cb = b.sample(linesB, minCount);
    return new TokenBudget(ca, cb, budget, kept(a, linesA), kept(b, linesB));
  }

  private static Kept kept(TokenCorpus c, int[] lines) {
    long tokens = 0;
    for (int l : lines) {
      tokens += c.lineEnd(l) - c.lineStart(l);
    }
    return new Kept(lines.length, c.lines(), tokens, c.size());
  }

  /** Documents of {@code c} in a seeded random order until {@code budget} tokens, in corpus order. */
  private static int[] cut(TokenCorpus c, long budget, long seed) {
    int n = c.lines();
    if (c.size() <= budget) {
      int[] all = new int[n];
      Arrays.setAll(all, i -> i);
      return all;
    }
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    long tokens = 0;
    int k = 0;
    while (k < n && tokens < budget) {
      long len = c.lineEnd(order[k]) - c.lineStart(order[k]);
      // stop short rather than overshoot when the last document would take the side further from the budget
      if (tokens + len > budget && budget - tokens < tokens + len - budget) {
        break;
      }
      tokens += len;
      k++;
    }
    int[] kept = Arrays.copyOf(order, k);
    Arrays.sort(kept);
    return kept;
  }
}
