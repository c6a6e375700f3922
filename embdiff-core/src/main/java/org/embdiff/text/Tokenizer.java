package org.embdiff.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of text (one document) into tokens. Implementations are immutable and
 * thread-safe; a token never spans lines.
 *
 * @see Tokenizers#byName(String)
 */
public interface Tokenizer {
  /** Receives tokens in order. */
  @FunctionalInterface
  interface Sink {
    /** One token (never empty). */
    void accept(String token);
  }

  /** Short name ("whitespace", "wiki", "twitter", "twitter+glove"). */
  String name();

  /** Feeds the tokens of {@code line} to {@code sink}. */
  void tokenize(String line, Sink sink);

  /**
   * Whether this tokenizer only splits on ASCII whitespace without changing the tokens, so a
   * counter may work on raw UTF-8 bytes instead of decoded lines.
   */
  default boolean isPlainWhitespace() {
    return false;
  }

  /** The tokens of {@code line} as a list. */
  default List<String> tokens(String line) {
    List<String> out = new ArrayList<>();
    tokenize(line, out::add);
    return out;
  }
}
