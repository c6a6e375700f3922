package org.embdiff.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.WordLookup;

/** Word lookups of the small commands under the one case policy, announcing a case-folded match on stderr. */
final class WordLookups {
  private WordLookups() {}

  /**
   * The row of {@code typed} among the first {@code limit} rows, telling {@code err} when another
   * casing was used; -1 when the word is absent in every casing.
   */
  static WordLookup.Match find(EmbeddingSpace space, String typed, int limit, Path file, PrintWriter err) {
    WordLookup.Match m = WordLookup.find(space, typed, limit);
    if (m != null && m.caseFolded()) {
      err.println("embdiff: note: '" + typed + "' is not in " + file + "; using '" + m.word()
          + "' (the same word in another case)");
      err.flush();
    }
    return m;
  }

  /** The message for a word absent in every casing. */
  static String absent(String typed, Path file, int words) {
    return "'" + typed + "' is not in " + file + " (" + String.format("%,d", words) + " words), in any case";
  }
}
