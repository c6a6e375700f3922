package org.embdiff.stats;

import java.util.function.ObjLongConsumer;
import org.embdiff.text.Tokenizer;

/**
 * Counts the tokens of blocks of whole lines (one document a line) for one tokenizer: the unit
 * of work of every counting engine, so the local threads and the Spark tasks apply the same token
 * rules. Not thread-safe: each thread or task owns one, and {@link #addAll} merges them.
 *
 * <p>The whitespace tokenizer counts UTF-8 byte slices (bytes 0..32 separate tokens; a String is
 * made once per distinct type, when {@link #forEachWord} decodes); other tokenizers decode each
 * line (a trailing CR dropped) and count Strings. A counter holding more than {@code maxTypes}
 * distinct tokens drops its rarest (word2vec's ReduceVocab) and counts what it dropped in
 * {@link #prunedTokens()}.
 */
public interface BlockCounter {
  /** A counter for {@code tokenizer} that keeps at most {@code maxTypes} distinct tokens. */
  static BlockCounter create(Tokenizer tokenizer, int maxTypes) {
    if (maxTypes < 2) {
      throw new IllegalArgumentException("maxTypes must be >= 2, got " + maxTypes);
    }
    return tokenizer.isPlainWhitespace() ? new ByteBlockCounter(maxTypes) : new LineBlockCounter(tokenizer, maxTypes);
  }

  /**
   * Counts the tokens of {@code block[from, to)}, which holds whole lines (for the whitespace
   * tokenizer, whole tokens suffice).
   */
  void add(byte[] block, int from, int to);

  /** Adds the counts (and the pruned totals) of {@code other}, a counter of the same kind. */
  void addAll(BlockCounter other);

  /**
   * Calls {@code action} with every distinct token, decoded as UTF-8, and its count. Byte strings
   * that decode alike (invalid UTF-8) come as separate calls; callers add them up.
   */
  void forEachWord(ObjLongConsumer<String> action);

  /** Tokens counted, including pruned ones. */
  long tokens();

  /** Occurrences dropped by the memory bound (0 when it was never reached). */
  long prunedTokens();
}
