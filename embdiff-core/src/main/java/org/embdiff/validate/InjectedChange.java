package org.embdiff.validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.embdiff.train.TokenCorpus;
import org.embdiff.util.Seeds;

/**
 * Synthetic semantic change with known truth in a copy of a corpus (Rosenfeld & Erk 2018;
 * Shoemark et al. 2019), in one of two designs.
 *
 * <p>{@link Design#SWAP} (the default) keeps every word's count: words of the same frequency
 * stratum are paired with their neighbour in count order, and for a pair (u, v) at level p,
 * k = round(p min(c_u, c_v)) occurrences of u, drawn at random, become v and k occurrences of v
 * become u. Both words keep their counts and exchange a share p of their contexts, so frequency
 * carries no information about p (the confound Dubossarsky et al. 2017 warn of); both words are
 * scored with gold p.
 *
 * <p>{@link Design#REPLACE} is the pseudo-word design: each occurrence of the donor becomes the
 * target with probability p, so the target takes on the donor's contexts but also gains their
 * count; only the target is scored, the donor (which loses occurrences) is neither changed nor
 * unchanged.
 *
 * <p>In both, one pair per (stratum, p) and {@code pairsPerLevel}; strata are equal-size bins of
 * the eligible words by count; p = 0 pairs are controls.
 *
 * @param design the design
 * @param gold every scored word -> its injected share p
 * @param partners every scored word -> the word whose contexts it received
 * @param unscored words changed but not scored (the donors of REPLACE; empty for SWAP)
 * @param changed the corpus with the change made (vocabulary counted again)
 */
public record InjectedChange(Design design, Map<String, Double> gold, Map<String, String> partners, Set<String> unscored,
    TokenCorpus changed) {

  /** The default grid p = 0, 0.1, ..., 1. */
  public static final double[] LEVELS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

  /** How the change is injected. */
  public enum Design {
    /** Frequency-preserving exchange of a share p of two matched words' occurrences. */
    SWAP,
    /** A share p of a donor's occurrences replaced by the target (the target's count rises with p). */
    REPLACE;

    /** {@code swap} or {@code replace}. */
    public static Design parse(String s) {
      return switch (s.toLowerCase(java.util.Locale.ROOT)) {
        case "swap" -> SWAP;
        case "replace" -> REPLACE;
        default -> throw new IllegalArgumentException("unknown injection design '" + s + "', expected swap or replace");
      };
    }
  }

  /** Words touched by the injection: the scored words and the unscored ones. */
  public Set<String> touched() {
    Set<String> s = new HashSet<>(gold.keySet());
    s.addAll(unscored);
    return s;
  }

  /**
   * Injects change into a copy of {@code corpus}.
   *
   * @param strata frequency strata
   * @param pairsPerLevel pairs per (stratum, level)
   * @param minCount smallest count of an eligible word
   * @param skipTop the most frequent words left out (function words)
   * @param seed root seed (pairs chosen, levels given, occurrences changed)
   * @param vocabularyMinCount the vocabulary rule of the changed corpus
   * @throws IllegalArgumentException when a stratum has too few eligible words for its pairs
   */
  public static InjectedChange inject(TokenCorpus corpus, Design design, double[] levels, int strata, int pairsPerLevel,
      long minCount, int skipTop, long seed, long vocabularyMinCount) {
    List<Integer> eligible = new ArrayList<>();
    for (int id = skipTop; id < corpus.vocabularySize(); id++) {
      String w = corpus.word(id);
      if (corpus.count(id) >= minCount && w.length() >= 3 && w.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
        eligible.add(id);
      }
    }
    int perStratum = eligible.size() / strata;
    int pairsNeeded = levels.length * pairsPerLevel;
    if (perStratum / 2 < pairsNeeded) {
      throw new IllegalArgumentException("only " + eligible.size() + " eligible words (lower-case a-z, >= 3 letters, count >= "
          + minCount + ", below the top " + skipTop + "); " + strata + " strata x " + levels.length + " levels x "
          + pairsPerLevel + " pairs need at least " + 2 * pairsNeeded * strata
          + ": use a larger corpus, fewer strata or a lower target min-count");
    }
    SplittableRandom pick = new SplittableRandom(Seeds.derive(seed, "inject-targets"));
    int v = corpus.vocabularySize();
    // ids are in count order, so neighbours in a stratum's list have (nearly) the same count
    List<int[]> pairs = new ArrayList<>();
    List<Double> pairLevel = new ArrayList<>();
    for (int s = 0; s < strata; s++) {
      List<Integer> bin = new ArrayList<>(eligible.subList(s * perStratum, (s + 1) * perStratum));
      if (design == Design.REPLACE) {
        // the donor is any other word of the stratum
        shuffle(bin, pick);
      }
      List<int[]> candidates = new ArrayList<>();
      for (int i = 0; i + 1 < bin.size(); i += 2) {
        candidates.add(new int[] {bin.get(i), bin.get(i + 1)});
      }
      if (design == Design.SWAP) {
        shuffle(candidates, pick);
      }
      for (int l = 0; l < levels.length; l++) {
        for (int j = 0; j < pairsPerLevel; j++) {
          pairs.add(candidates.get(l * pairsPerLevel + j));
          pairLevel.add(levels[l]);
        }
      }
    }
    int[] tokens = corpus.tokens();
    SplittableRandom change = new SplittableRandom(Seeds.derive(seed, "inject-occurrences"));
    Map<String, Double> gold = new LinkedHashMap<>();
    Map<String, String> partners = new LinkedHashMap<>();
    Set<String> unscored = new HashSet<>();
    if (design == Design.REPLACE) {
      int[] targetOf = new int[v];
      double[] share = new double[v];
      Arrays.fill(targetOf, -1);
      for (int i = 0; i < pairs.size(); i++) {
        int target = pairs.get(i)[0], donor = pairs.get(i)[1];
        gold.put(corpus.word(target), pairLevel.get(i));
        partners.put(corpus.word(target), corpus.word(donor));
        unscored.add(corpus.word(donor));
        targetOf[donor] = target;
        share[donor] = pairLevel.get(i);
      }
      for (int i = 0; i < tokens.length; i++) {
        int t = targetOf[tokens[i]];
        if (t >= 0 && change.nextDouble() < share[tokens[i]]) {
          tokens[i] = t;
        }
      }
    } else {
      int[] slot = new int[v];
      Arrays.fill(slot, -1);
      for (int i = 0; i < pairs.size(); i++) {
        slot[pairs.get(i)[0]] = 2 * i;
        slot[pairs.get(i)[1]] = 2 * i + 1;
      }
      int[][] positions = new int[2 * pairs.size()][];
      int[] filled = new int[positions.length];
      for (int i = 0; i < pairs.size(); i++) {
        positions[2 * i] = new int[(int) corpus.count(pairs.get(i)[0])];
        positions[2 * i + 1] = new int[(int) corpus.count(pairs.get(i)[1])];
      }
      for (int i = 0; i < tokens.length; i++) {
        int s = slot[tokens[i]];
        if (s >= 0) {
          positions[s][filled[s]++] = i;
        }
      }
      for (int i = 0; i < pairs.size(); i++) {
        int u = pairs.get(i)[0], w = pairs.get(i)[1];
        double p = pairLevel.get(i);
        int k = (int) Math.round(p * Math.min(corpus.count(u), corpus.count(w)));
        int[] pu = positions[2 * i], pw = positions[2 * i + 1];
        chooseFirst(pu, k, change);
        chooseFirst(pw, k, change);
        for (int j = 0; j < k; j++) {
          tokens[pu[j]] = w;
          tokens[pw[j]] = u;
        }
        gold.put(corpus.word(u), p);
        gold.put(corpus.word(w), p);
        partners.put(corpus.word(u), corpus.word(w));
        partners.put(corpus.word(w), corpus.word(u));
      }
    }
    return new InjectedChange(design, gold, partners, Set.copyOf(unscored), corpus.withTokens(tokens, vocabularyMinCount));
  }

  /** Moves a uniform random {@code k}-subset of {@code a} to its first {@code k} places (partial Fisher-Yates). */
  private static void chooseFirst(int[] a, int k, SplittableRandom random) {
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(a.length - i);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private static <T> void shuffle(List<T> list, SplittableRandom random) {
    for (int i = list.size() - 1; i > 0; i--) {
      Collections.swap(list, i, random.nextInt(i + 1));
    }
  }
}
