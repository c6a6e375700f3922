package org.embdiff.stats;

import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One normalisation applied to both sides before count statistics are compared, so that a difference
 * is not an artefact of how each side was tokenised. Every token is lower-cased and put in one class:
 * placeholders and markup that only some tokenisers produce (mentions, URLs, hashtags, emoticons), numbers
 * (digits and the spelled digit words that text8-style normalisation produces: zero ... nine), punctuation
 * and symbols, other scripts, or words; a word is split into its a-z runs, as text8 does (Mahoney's
 * wikifil.pl: non-letters become spaces), so "don't" counts as "don" and "t" on both sides. The
 * harmonised counts keep the a-z words and one {@code <number>} type; the other classes are reported,
 * not compared (one side's tokeniser may not produce them at all).
 */
public final class VocabularyHarmoniser {
  private VocabularyHarmoniser() {}

  /** The token classes, in report order. */
  public enum TokenClass {
    /** a-z words (after splitting). */
    WORD,
    /** digits and digit words. */
    NUMBER,
    /** @user mentions and mention placeholders. */
    MENTION,
    /** URLs and URL placeholders. */
    URL,
    /** #hashtags. */
    HASHTAG,
    /** emoticons such as :) and <3. */
    EMOTICON,
    /** punctuation and symbols only. */
    PUNCTUATION,
    /** letters outside a-z (other scripts, accented words). */
    OTHER
  }

  /** The type every number maps to. */
  public static final String NUMBER_TYPE = "<number>";

  private static final Set<String> DIGIT_WORDS = Set.of("zero", "one", "two", "three", "four", "five", "six", "seven",
      "eight", "nine");
  private static final Pattern MENTION = Pattern.compile("@\\w+|<@?mention>|<user>|@user", Pattern.CASE_INSENSITIVE);
  private static final Pattern URL = Pattern.compile("(https?://|www\\.)\\S*|<url>|<link>", Pattern.CASE_INSENSITIVE);
  private static final Pattern HASHTAG = Pattern.compile("#\\w+|<hashtag>", Pattern.CASE_INSENSITIVE);
  private static final Pattern EMOTICON = Pattern.compile(
      "[:;=8xX][-o^']?[()\\[\\]dDpP/\\\\|*$@3]+|[()\\[\\]dDpP/\\\\|*]+[-o^']?[:;=]|<[/\\\\]?3+|\\^[_.-]?\\^|-_+-|o_o|<emoticon>",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9][0-9.,:/]*(st|nd|rd|th|s|k|m)?|<number>",
      Pattern.CASE_INSENSITIVE);

  /**
   * One side harmonised.
   *
   * @param counts the harmonised counts (a-z words and {@code <number>})
   * @param tokensByClass tokens per class before harmonisation (raw)
   * @param rawTokens tokens in the raw counts
   */
  public record Harmonised(@com.fasterxml.jackson.annotation.JsonIgnore Counts counts, Map<TokenClass, Long> tokensByClass,
      long rawTokens) {
    /** Copies the map. */
    public Harmonised {
      tokensByClass = Map.copyOf(tokensByClass);
    }

    /** The share of raw tokens in {@code c}. */
    public double share(TokenClass c) {
      return rawTokens == 0 ? 0 : tokensByClass.getOrDefault(c, 0L) / (double) rawTokens;
    }
  }

  /** The class of one raw token. */
  public static TokenClass classify(String token) {
    String t = token.toLowerCase(Locale.ROOT);
    if (MENTION.matcher(t).matches()) {
      return TokenClass.MENTION;
    }
    if (URL.matcher(t).matches()) {
      return TokenClass.URL;
    }
    if (HASHTAG.matcher(t).matches()) {
      return TokenClass.HASHTAG;
    }
    if (NUMBER.matcher(t).matches() || DIGIT_WORDS.contains(t)) {
      return TokenClass.NUMBER;
    }
    if (EMOTICON.matcher(token).matches()) {
      return TokenClass.EMOTICON;
    }
    boolean az = false;
    boolean otherLetter = false;
    for (int i = 0; i < t.length(); i++) {
      char ch = t.charAt(i);
      if (ch >= 'a' && ch <= 'z') {
        az = true;
      } else if (Character.isLetter(ch)) {
        otherLetter = true;
      }
    }
    if (az) {
      return TokenClass.WORD;
    }
    return otherLetter ? TokenClass.OTHER : TokenClass.PUNCTUATION;
  }

  /** The harmonised types a raw token contributes (its a-z runs, or {@code <number>}, or none). */
  public static List<String> harmonise(String token) {
    TokenClass c = classify(token);
    if (c == TokenClass.NUMBER) {
      return List.of(NUMBER_TYPE);
    }
    if (c != TokenClass.WORD) {
      return List.of();
    }
    String t = token.toLowerCase(Locale.ROOT);
    List<String> runs = new java.util.ArrayList<>(2);
    int start = -1;
    for (int i = 0; i <= t.length(); i++) {
      boolean letter = i < t.length() && t.charAt(i) >= 'a' && t.charAt(i) <= 'z';
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        String run = t.substring(start, i);
        runs.add(DIGIT_WORDS.contains(run) ? NUMBER_TYPE : run);
        start = -1;
      }
    }
    return runs;
  }

  /** Harmonises one side's counts. */
  public static Harmonised of(Counts raw) {
    Object2LongOpenHashMap<String> out = new Object2LongOpenHashMap<>(raw.size());
    Map<TokenClass, Long> byClass = new LinkedHashMap<>();
    for (TokenClass c : TokenClass.values()) {
      byClass.put(c, 0L);
    }
    long rawTokens = 0;
    for (int i = 0; i < raw.size(); i++) {
      String w = raw.word(i);
      long c = raw.count(i);
      rawTokens += c;
      byClass.merge(classify(w), c, Long::sum);
      for (String h : harmonise(w)) {
        out.addTo(h, c);
      }
    }
    long kept = out.values().longStream().sum();
    // a truncated list stays truncated: merging can only raise counts, so the cut is still unknown below it
    Counts counts = Counts.sorted(out, kept, 1, 0, raw.truncated());
    return new Harmonised(counts, byClass, rawTokens);
  }
}
