package org.embdiff.text;

import java.util.List;
import java.util.Locale;

/** Looks tokenizers up by name, for the command line and settings. */
public final class Tokenizers {
  private Tokenizers() {}

  /** The accepted names. */
  public static final List<String> NAMES = List.of("whitespace", "wiki", "twitter", "twitter+glove");

  /**
   * The tokenizer called {@code name}: {@code whitespace} (as is), {@code wiki} (PTB conventions,
   * lower-cased like glove.6B), {@code twitter} (entities, emoticons, emoji kept; lower-cased) or
   * {@code twitter+glove} (the Twitter tokenizer mapped to GloVe-Twitter's pseudo-tokens).
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static Tokenizer byName(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "whitespace", "ws", "plain" -> WhitespaceTokenizer.INSTANCE;
      case "wiki", "ptb", "encyclopedic" -> new WikiTokenizer();
      case "twitter", "tweet" -> new TwitterTokenizer(false);
      case "twitter+glove", "glove-twitter", "twitter-glove" -> new TwitterTokenizer(true);
      default -> throw new IllegalArgumentException("unknown tokenizer '" + name + "'; expected one of " + NAMES);
    };
  }

  /** {@code byName(name)}, switched to GloVe-Twitter pseudo-tokens when {@code gloveTwitterTokens}. */
  public static Tokenizer byName(String name, boolean gloveTwitterTokens) {
    Tokenizer t = byName(name);
    if (gloveTwitterTokens) {
      if (t instanceof TwitterTokenizer) {
        return new TwitterTokenizer(true);
      }
      throw new IllegalArgumentException("GloVe-Twitter pseudo-tokens need the twitter tokenizer, not '" + name + "'");
    }
    return t;
  }
}
