package org.embdiff.stats;

import it.unimi.dsi.fastutil.objects.Object2LongMap;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.util.ArrayList;
import java.util.List;

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
    List<Object2LongMap.Entry<String>> entries = new ArrayList<>(counts.size());
    for (Object2LongMap.Entry<String> e : counts.object2LongEntrySet()) {
      if (e.getLongValue() >= minCount) {
        entries.add(e);
      }
    }
    entries.sort((x, y) -> {
      int c = Long.compare(y.getLongValue(), x.getLongValue());
      return c != 0 ? c : x.getKey().compareTo(y.getKey());
    });
    int n = maxVocab > 0 ? Math.min(maxVocab, entries.size()) : entries.size();
    String[] words = new String[n];
    long[] values = new long[n];
    for (int i = 0; i < n; i++) {
      words[i] = entries.get(i).getKey();
      values[i] = entries.get(i).getLongValue();
    }
    return new Counts(words, values, tokens, minCount > 1 || n < entries.size());
  }
}
