package org.embdiff.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Size of a side's vocabulary.
 *
 * @param tokens tokens in the source (including words cut by a min-count or truncation)
 * @param keptTokens tokens of the kept types
 * @param types distinct types kept
 * @param hapaxTypes types seen once
 * @param hapaxShare hapax types / types
 * @param hapaxTokenShare hapax tokens / kept tokens
 * @param truncated whether rare words were left out (then hapax figures are about the kept list only)
 * @param minCount the smallest kept count
 * @param caveat what these numbers cannot see, or ""
 * @param how how they were computed
 */
public record FrequencySummary(long tokens, long keptTokens, int types, long hapaxTypes, double hapaxShare,
    double hapaxTokenShare, boolean truncated, long minCount, String caveat, Computation how) {

  /** Summarises {@code counts}. */
  public static FrequencySummary of(Counts counts) {
    long hapax = 0;
    for (int i = counts.size() - 1; i >= 0 && counts.count(i) == 1; i--) {
      hapax++;
    }
    long kept = counts.keptTokens();
    String caveat = counts.truncated()
        ? "truncated at count " + counts.minCount() + ": type count, hapax share, the Heaps curve, the entropy and the "
            + "Zipf tail describe the kept list, not the source; see the common-support comparison"
        : "";
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("hapax", "types with count 1");
    return new FrequencySummary(counts.totalTokens(), kept, counts.size(), hapax,
        counts.size() == 0 ? 0 : hapax / (double) counts.size(), kept == 0 ? 0 : hapax / (double) kept,
        counts.truncated(), counts.minCount(), caveat, Computation.exact("counting", p));
  }
}
