package org.embdiff.stats;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2LongMap;
import it.unimi.dsi.fastutil.objects.Object2LongMaps;
import java.util.Arrays;

/**
 * Word counts of one side, sorted by descending count (ties by word, so the order is
 * deterministic). Built from a corpus or read from a frequency list; the same object either way.
 *
 * @see CountsBuilder
 */
public final class Counts {
  private final String[] words;
  private final long[] counts;
  private final long totalTokens;
  private final boolean truncated;
  private final long minCountInSource;
  private final Object2IntOpenHashMap<String> rankByWord;

  /**
   * @param words words, sorted by descending count
   * @param counts their counts
   * @param totalTokens tokens in the source (at least the sum of counts; more when rare words were
   *     cut)
   * @param truncated whether the source left out words below some count (e.g. a list of words with
   *     count >= 200): tail estimates must then say so
   */
  public Counts(String[] words, long[] counts, long totalTokens, boolean truncated) {
    if (words.length != counts.length) {
      throw new IllegalArgumentException("words " + words.length + " != counts " + counts.length);
    }
    for (int i = 1; i < counts.length; i++) {
      if (counts[i] > counts[i - 1]) {
        throw new IllegalArgumentException("counts must be sorted descending; index " + i + " ('" + words[i]
            + "' " + counts[i] + ") > previous " + counts[i - 1]);
      }
    }
    this.words = words.clone();
    this.counts = counts.clone();
    long sum = Arrays.stream(counts).sum();
    this.totalTokens = Math.max(totalTokens, sum);
    this.truncated = truncated;
    this.minCountInSource = counts.length == 0 ? 0 : counts[counts.length - 1];
    this.rankByWord = new Object2IntOpenHashMap<>(words.length);
    rankByWord.defaultReturnValue(-1);
    for (int i = 0; i < words.length; i++) {
      rankByWord.putIfAbsent(words[i], i);
    }
  }

  /**
   * Sorts {@code counts} by descending count, then word, keeping the words with at least
   * {@code minCount} occurrences and at most {@code maxVocab} of them (0 = all).
   *
   * @param totalTokens tokens in the source (including any dropped)
   * @param alreadyTruncated whether words were already dropped before (a pruned table, a cut list)
   */
  public static Counts sorted(Object2LongMap<String> counts, long totalTokens, long minCount, int maxVocab,
      boolean alreadyTruncated) {
    String[] keys = new String[counts.size()];
    long[] vals = new long[counts.size()];
    int size = 0;
    for (Object2LongMap.Entry<String> e : Object2LongMaps.fastIterable(counts)) {
      if (e.getLongValue() >= minCount && e.getLongValue() > 0) {
        keys[size] = e.getKey();
        vals[size++] = e.getLongValue();
      }
    }
    // deterministic order (count desc, then word by UTF-16 order); parallel quicksort on both arrays
    it.unimi.dsi.fastutil.Arrays.parallelQuickSort(0, size, (x, y) -> {
      int c = Long.compare(vals[y], vals[x]);
      return c != 0 ? c : keys[x].compareTo(keys[y]);
    }, (x, y) -> {
      String k = keys[x];
      keys[x] = keys[y];
      keys[y] = k;
      long v = vals[x];
      vals[x] = vals[y];
      vals[y] = v;
    });
    int n = maxVocab > 0 ? Math.min(maxVocab, size) : size;
    String[] words = Arrays.copyOf(keys, n);
    long[] values = Arrays.copyOf(vals, n);
    return new Counts(words, values, totalTokens, alreadyTruncated || n < counts.size());
  }

  /** Number of distinct words (types) kept. */
  public int size() {
    return words.length;
  }

  /** Word at 0-based rank {@code rank}. */
  public String word(int rank) {
    return words[rank];
  }

  /** Count at 0-based rank {@code rank}. */
  public long count(int rank) {
    return counts[rank];
  }

  /** Count of {@code word}, 0 when absent. */
  public long count(String word) {
    int r = rankByWord.getInt(word);
    return r < 0 ? 0 : counts[r];
  }

  /** 0-based rank of {@code word}, -1 when absent. */
  public int rank(String word) {
    return rankByWord.getInt(word);
  }

  /** A copy of the counts in rank order. */
  public long[] counts() {
    return counts.clone();
  }

  /** A copy of the words in rank order. */
  public String[] words() {
    return words.clone();
  }

  /** Tokens in the source. */
  public long totalTokens() {
    return totalTokens;
  }

  /** Sum of the kept counts. */
  public long keptTokens() {
    long s = 0;
    for (long c : counts) {
      s += c;
    }
    return s;
  }

  /** Whether the source left out rare words (a truncated frequency list or a min-count). */
  public boolean truncated() {
    return truncated;
  }

  /** The smallest count kept. */
  public long minCount() {
    return minCountInSource;
  }

  /** The {@code n} most frequent words (all when {@code n >= size()}), marked truncated when shorter. */
  public Counts top(int n) {
    if (n >= words.length) {
      return this;
    }
    return new Counts(Arrays.copyOf(words, n), Arrays.copyOf(counts, n), totalTokens, true);
  }

  /** The words with at least {@code min} occurrences, marked truncated when any were dropped. */
  public Counts atLeast(long min) {
    int n = 0;
    while (n < counts.length && counts[n] >= min) {
      n++;
    }
    return top(n);
  }
}
