package org.embdiff.stats;

import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;

/** Accumulates token counts, then sorts them into {@link Counts}. Not thread-safe. */
public final class CountsBuilder {
  private final Object2LongOpenHashMap<String> counts = new Object2LongOpenHashMap<>();
  private long tokens;

  /** Counts one occurrence of {@code token}. */
  public void add(String token) {
    counts.addTo(token, 1);
    tokens++;
  }

  /** Adds {@code n} occurrences of {@code token}. */
  public void add(String token, long n) {
    counts.addTo(token, n);
    tokens += n;
  }

  /** Tokens seen. */
  public long tokens() {
    return tokens;
  }

  /**
   * The counts with at least {@code minCount} occurrences, the {@code maxVocab} most frequent
   * (0 = no cap), sorted by descending count then word.
   */
  public Counts build(long minCount, int maxVocab) {
    return Counts.sorted(counts, tokens, minCount, maxVocab, false);
  }
}
