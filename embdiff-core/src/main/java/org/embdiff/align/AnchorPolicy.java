package org.embdiff.align;

import java.util.List;

/**
 * Which shared words anchor the alignment.
 *
 * @param count the N most frequent eligible shared words (joint frequency order); all if fewer
 * @param excludeStopWords leave out function words (their neighbourhoods are syntactic and unstable)
 * @param explicit when non-null, exactly these words (those shared; the rest are reported missing)
 */
public record AnchorPolicy(int count, boolean excludeStopWords, List<String> explicit) {
  /** The default: 5,000 most frequent shared words, stop-words, pseudo-tokens, numbers and short words excluded. */
  public static final int DEFAULT_COUNT = 5_000;

  /** Validates. */
  public AnchorPolicy {
    if (count < 2) {
      throw new IllegalArgumentException("anchor count must be >= 2, got " + count);
    }
    explicit = explicit == null ? null : List.copyOf(explicit);
  }

  /** The default policy. */
  public static AnchorPolicy defaults() {
    return new AnchorPolicy(DEFAULT_COUNT, true, null);
  }

  /** Exactly the given words. */
  public static AnchorPolicy of(List<String> words) {
    return new AnchorPolicy(Math.max(2, words.size()), false, words);
  }

  /** One-line description for reports. */
  public String describe() {
    if (explicit != null) {
      return "given list of " + explicit.size() + " words";
    }
    return "the " + count + " most frequent shared words (joint rank = max of both sides), excluding "
        + (excludeStopWords ? "stop-words, " : "") + "pseudo-tokens, numbers, punctuation, words with fewer than 2 letters and junk";
  }
}
