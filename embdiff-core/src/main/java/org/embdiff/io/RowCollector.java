package org.embdiff.io;

import it.unimi.dsi.fastutil.objects.ObjectOpenHashSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Vocabulary;

/**
 * Receives parsed rows in file order and keeps the ones the load wants: applies {@code --vocab},
 * drops duplicate words (first kept, counted) and stops at {@code --limit}.
 */
final class RowCollector {
  private final String source;
  private final boolean binary;
  private final Set<String> vocabulary;
  private final int limit;
  private final LoadWarnings warnings;
  private final List<String> words = new ArrayList<>();
  private ObjectOpenHashSet<String> seen;
  private RowStore store;
  private int dim = -1;
  private long hint;
  private long rowsRead;

  /**
   * @param source the file, for messages
   * @param binary whether locations are byte offsets (else lines)
   */
  RowCollector(Path source, boolean binary, LoadOptions options, LoadWarnings warnings) {
    this.source = source.toString();
    this.binary = binary;
    this.vocabulary = options.vocabulary();
    this.limit = options.limit();
    this.warnings = warnings;
  }

  /**
   * Fixes the dimension; {@code expectedRows} is a size hint (0 = unknown). Storage is allocated with
   * the first row, so a header that announces a huge dimension for a file without rows costs nothing.
   */
  void begin(int dim, long expectedRows) {
    this.dim = dim;
    long hint = expectedRows;
    if (limit > 0) {
      hint = hint > 0 ? Math.min(hint, limit) : limit;
    }
    if (vocabulary != null) {
      hint = hint > 0 ? Math.min(hint, vocabulary.size()) : vocabulary.size();
    }
    this.hint = hint;
  }

  /** The dimension, or -1 before {@link #begin}. */
  int dim() {
    return dim;
  }

  /** Whether {@code --limit} rows are kept already. */
  boolean full() {
    return limit > 0 && words.size() >= limit;
  }

  /** Data rows seen in the file so far (kept or not). */
  long rowsRead() {
    return rowsRead;
  }

  /** Rows kept. */
  int rowsKept() {
    return words.size();
  }

  /** A location for messages: {@code file:line} or {@code file (byte offset N)}. */
  String where(long location) {
    return binary ? source + " (byte offset " + location + ")" : source + ":" + location;
  }

  /**
   * Offers one row: {@code dim} values at {@code values[offset...]}.
   *
   * @param location 1-based line or byte offset, for the duplicate warning
   */
  void add(String word, float[] values, int offset, long location) throws java.io.IOException {
    rowsRead++;
    if (vocabulary != null && !vocabulary.contains(word)) {
      return;
    }
    if (store == null) {
      store = new RowStore(dim, hint);
      seen = new ObjectOpenHashSet<>((int) Math.min(Math.max(hint, 16), 1 << 26));
    }
    if (!seen.add(word)) {
      warnings.add(LoadWarnings.DUPLICATE, where(location) + " '" + Utf8.preview(word, 60) + "'");
      return;
    }
    store.add(values, offset, 1);
    words.add(word);
  }

  /** The space of the kept rows. */
  EmbeddingSpace build() throws java.io.IOException {
    if (words.isEmpty()) {
      String why = vocabulary != null && rowsRead > 0
          ? "none of the " + rowsRead + " rows is in the vocabulary list"
          : "no vectors found, expected at least one row";
      throw new VectorFormatException(why + " (" + source + ")");
    }
    String[] array = words.toArray(new String[0]);
    words.clear();
    seen = null;
    return new EmbeddingSpace(new Vocabulary(array), dim, store.toMatrix());
  }
}
