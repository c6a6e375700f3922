package org.embdiff.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.embdiff.vec.EmbeddingSpace;

/**
 * The words two spaces share (exact string match), ordered by joint frequency: ascending
 * max(rank in A, rank in B), i.e. a word is as frequent as it is on its rarer side. Ranks are the
 * row order of each file (frequency order for GloVe/word2vec) unless given.
 */
public final class SharedVocabulary {
  /** The 0-based rank given to a word the frequency list does not have (after every listed word). */
  public static final int UNRANKED = Integer.MAX_VALUE / 2;

  private final String[] words;
  private final int[] rowsA;
  private final int[] rowsB;
  private final int[] ranksA;
  private final int[] ranksB;
  private final Summary summary;

  /**
   * Summary for reports.
   *
   * @param sizeA words in A
   * @param sizeB words in B
   * @param shared words in both
   * @param onlyA words only in A
   * @param onlyB words only in B
   * @param examples the most frequent shared words
   * @param examplesOnlyA frequent words only in A
   * @param examplesOnlyB frequent words only in B
   * @param tagCounts shared words per tag
   * @param tagExamples a few shared words per tag
   */
  public record Summary(int sizeA, int sizeB, int shared, int onlyA, int onlyB, List<String> examples,
      List<String> examplesOnlyA, List<String> examplesOnlyB, Map<WordTag, Integer> tagCounts,
      Map<WordTag, List<String>> tagExamples) {}

  private SharedVocabulary(String[] words, int[] rowsA, int[] rowsB, int[] ranksA, int[] ranksB, Summary summary) {
    this.words = words;
    this.rowsA = rowsA;
    this.rowsB = rowsB;
    this.ranksA = ranksA;
    this.ranksB = ranksB;
    this.summary = summary;
  }

  /** Shared words of {@code a} and {@code b}, ranked by row order. */
  public static SharedVocabulary of(EmbeddingSpace a, EmbeddingSpace b, WordTags tags) {
    return of(a, b, null, null, tags);
  }

  /**
   * Shared words with explicit 0-based frequency ranks per side ({@code rankA.applyAsInt(word)},
   * -1 when unknown: then the row is used).
   */
  public static SharedVocabulary of(EmbeddingSpace a, EmbeddingSpace b, java.util.function.ToIntFunction<String> rankA,
      java.util.function.ToIntFunction<String> rankB, WordTags tags) {
    List<Integer> rows = new ArrayList<>();
    for (int r = 0; r < a.size(); r++) {
      if (b.contains(a.word(r))) {
        rows.add(r);
      }
    }
    int n = rows.size();
    Integer[] order = new Integer[n];
    int[] ra = new int[n], rb = new int[n], ka = new int[n], kb = new int[n];
    String[] w = new String[n];
    for (int i = 0; i < n; i++) {
      ra[i] = rows.get(i);
      w[i] = a.word(ra[i]);
      rb[i] = b.indexOf(w[i]);
      ka[i] = rank(rankA, w[i], ra[i]);
      kb[i] = rank(rankB, w[i], rb[i]);
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> {
      int c = Integer.compare(Math.max(ka[x], kb[x]), Math.max(ka[y], kb[y]));
      return c != 0 ? c : Integer.compare(ka[x] + kb[x], ka[y] + kb[y]);
    });
    String[] words = new String[n];
    int[] rowsA = new int[n], rowsB = new int[n], ranksA = new int[n], ranksB = new int[n];
    for (int i = 0; i < n; i++) {
      int o = order[i];
      words[i] = w[o];
      rowsA[i] = ra[o];
      rowsB[i] = rb[o];
      ranksA[i] = ka[o];
      ranksB[i] = kb[o];
    }
    Map<WordTag, Integer> counts = new EnumMap<>(WordTag.class);
    Map<WordTag, List<String>> examples = new EnumMap<>(WordTag.class);
    for (String word : words) {
      for (WordTag t : tags.tags(word)) {
        counts.merge(t, 1, Integer::sum);
        List<String> ex = examples.computeIfAbsent(t, k -> new ArrayList<>());
        if (ex.size() < 10) {
          ex.add(word);
        }
      }
    }
    List<String> onlyA = new ArrayList<>(), onlyB = new ArrayList<>();
    int countOnlyA = 0, countOnlyB = 0;
    for (int r = 0; r < a.size(); r++) {
      if (!b.contains(a.word(r)) && countOnlyA++ < 20) {
        onlyA.add(a.word(r));
      }
    }
    for (int r = 0; r < b.size(); r++) {
      if (!a.contains(b.word(r)) && countOnlyB++ < 20) {
        onlyB.add(b.word(r));
      }
    }
    Summary summary = new Summary(a.size(), b.size(), n, a.size() - n, b.size() - n,
        List.of(Arrays.copyOf(words, Math.min(20, n))), onlyA, onlyB, counts, examples);
    return new SharedVocabulary(words, rowsA, rowsB, ranksA, ranksB, summary);
  }

  private static int rank(java.util.function.ToIntFunction<String> ranks, String word, int row) {
    if (ranks == null) {
      return row;
    }
    int r = ranks.applyAsInt(word);
    return r >= 0 ? r : UNRANKED;
  }

  /**
   * The {@code m} most frequent shared words (a prefix of the joint order); the summary still
   * describes the whole shared vocabulary.
   */
  public SharedVocabulary top(int m) {
    if (m >= words.length) {
      return this;
    }
    return new SharedVocabulary(Arrays.copyOf(words, m), Arrays.copyOf(rowsA, m), Arrays.copyOf(rowsB, m),
        Arrays.copyOf(ranksA, m), Arrays.copyOf(ranksB, m), summary);
  }

  /** Number of shared words. */
  public int size() {
    return words.length;
  }

  /** The i-th shared word (joint frequency order). */
  public String word(int i) {
    return words[i];
  }

  /** Row of the i-th shared word in A. */
  public int rowA(int i) {
    return rowsA[i];
  }

  /** Row of the i-th shared word in B. */
  public int rowB(int i) {
    return rowsB[i];
  }

  /** 0-based frequency rank of the i-th shared word in A. */
  public int rankA(int i) {
    return ranksA[i];
  }

  /** 0-based frequency rank of the i-th shared word in B. */
  public int rankB(int i) {
    return ranksB[i];
  }

  /** The rows of all shared words in A, in shared order (a copy). */
  public int[] rowsA() {
    return rowsA.clone();
  }

  /** The rows of all shared words in B, in shared order (a copy). */
  public int[] rowsB() {
    return rowsB.clone();
  }

  /** Sizes, examples and tag counts. */
  public Summary summary() {
    return summary;
  }
}
