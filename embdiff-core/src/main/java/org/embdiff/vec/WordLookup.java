package org.embdiff.vec;

/**
 * The one case policy for looking up a typed word: the exact form first; only when it is absent,
 * the same word in another case (the first such row, i.e. the most frequent casing), marked so
 * that the caller can say which word it used. Evaluations that must match gensim use gensim's
 * policy instead (case-insensitive throughout, see {@code eval.AnalogyEvaluator}).
 */
public final class WordLookup {
  private WordLookup() {}

  /**
   * How a typed word was found.
   *
   * @param typed the word as given
   * @param row its row in the space
   * @param word the word in that row (differs from {@code typed} only in case)
   * @param caseFolded whether the exact form was absent and another casing was taken
   */
  public record Match(String typed, int row, String word, boolean caseFolded) {}

  /**
   * Finds {@code typed} among the first {@code limit} rows of {@code space}: exactly, else
   * case-insensitively (first matching row); null when neither is there.
   */
  public static Match find(EmbeddingSpace space, String typed, int limit) {
    int n = Math.min(limit, space.size());
    int exact = space.indexOf(typed);
    if (exact >= 0 && exact < n) {
      return new Match(typed, exact, typed, false);
    }
    for (int row = 0; row < n; row++) {
      String w = space.word(row);
      if (w.equalsIgnoreCase(typed)) {
        return new Match(typed, row, w, true);
      }
    }
    return null;
  }

  /** {@link #find(EmbeddingSpace, String, int)} over the whole space. */
  public static Match find(EmbeddingSpace space, String typed) {
    return find(space, typed, space.size());
  }
}
