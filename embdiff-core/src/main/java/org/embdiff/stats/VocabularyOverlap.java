package org.embdiff.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Shared, A-only and B-only vocabulary, with placeholder pseudo-tokens ({@code <user>},
 * {@code <URL-bit.ly>}, {@code <unk>}) tagged so they are not mistaken for words.
 *
 * @param shared types on both sides
 * @param aOnly types only on A
 * @param bOnly types only on B
 * @param aTokenShareShared share of A's kept tokens that are shared types
 * @param bTokenShareShared share of B's kept tokens that are shared types
 * @param sharedExamples the most frequent shared types (by A's count)
 * @param aOnlyExamples the most frequent A-only types
 * @param bOnlyExamples the most frequent B-only types
 * @param pseudoTokensA A's pseudo-tokens (most frequent first)
 * @param pseudoTokensB B's pseudo-tokens
 */
public record VocabularyOverlap(int shared, int aOnly, int bOnly, double aTokenShareShared, double bTokenShareShared,
    List<String> sharedExamples, List<String> aOnlyExamples, List<String> bOnlyExamples, List<String> pseudoTokensA,
    List<String> pseudoTokensB) {
  private static final Pattern PSEUDO = Pattern.compile("<[^<>\\s]+>");

  /** Whether {@code word} is a placeholder such as {@code <user>}, {@code <@MENTION>} or {@code <unk>}. */
  public static boolean isPseudoToken(String word) {
    return word.length() > 2 && word.charAt(0) == '<' && word.charAt(word.length() - 1) == '>'
        && PSEUDO.matcher(word).matches();
  }

  /** Compares the vocabularies of {@code a} and {@code b}, listing up to {@code examples} of each kind. */
  public static VocabularyOverlap of(Counts a, Counts b, int examples) {
    int shared = 0;
    long aShared = 0;
    List<String> sharedEx = new ArrayList<>();
    List<String> aOnlyEx = new ArrayList<>();
    List<String> pseudoA = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      String w = a.word(i);
      if (b.rank(w) >= 0) {
        shared++;
        aShared += a.count(i);
        if (sharedEx.size() < examples) {
          sharedEx.add(w);
        }
      } else if (aOnlyEx.size() < examples) {
        aOnlyEx.add(w);
      }
      if (isPseudoToken(w) && pseudoA.size() < 100) {
        pseudoA.add(w);
      }
    }
    long bShared = 0;
    List<String> bOnlyEx = new ArrayList<>();
    List<String> pseudoB = new ArrayList<>();
    for (int i = 0; i < b.size(); i++) {
      String w = b.word(i);
      if (a.rank(w) >= 0) {
        bShared += b.count(i);
      } else if (bOnlyEx.size() < examples) {
        bOnlyEx.add(w);
      }
      if (isPseudoToken(w) && pseudoB.size() < 100) {
        pseudoB.add(w);
      }
    }
    long ka = a.keptTokens();
    long kb = b.keptTokens();
    return new VocabularyOverlap(shared, a.size() - shared, b.size() - shared, ka == 0 ? 0 : aShared / (double) ka,
        kb == 0 ? 0 : bShared / (double) kb, List.copyOf(sharedEx), List.copyOf(aOnlyEx), List.copyOf(bOnlyEx),
        List.copyOf(pseudoA), List.copyOf(pseudoB));
  }
}
