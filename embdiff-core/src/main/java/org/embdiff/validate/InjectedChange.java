package org.embdiff.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.embdiff.train.TokenCorpus;
import org.embdiff.util.Seeds;

/**
 * Synthetic semantic change with known truth, after Rosenfeld & Erk (2018) and Shoemark et al.
 * (2019): in a copy of a corpus, a share p of a donor word's occurrences is replaced by a target
 * word, so the target takes on the donor's contexts in proportion to p. Targets are drawn in
 * frequency strata (equal-count bins of the eligible words), one target per (stratum, p) with a
 * donor from the same stratum; p runs over {@code levels} (0, 0.1, ..., 1 by default). Targets
 * with p = 0 are controls; donors are changed too (they lose occurrences) and are scored as
 * neither.
 *
 * @param targets target -> share p of its donor's occurrences it received
 * @param donors target -> its donor
 * @param changed the corpus with the replacements made (vocabulary counted again)
 */
public record InjectedChange(Map<String, Double> targets, Map<String, String> donors, TokenCorpus changed) {

  /** The default grid p = 0, 0.1, ..., 1. */
  public static final double[] LEVELS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

  /** Words touched by the injection: targets and donors. */
  public Set<String> touched() {
    Set<String> s = new HashSet<>(targets.keySet());
    s.addAll(donors.values());
    return s;
  }

  /**
   * Injects change into a copy of {@code corpus}.
   *
   * @param strata frequency strata
   * @param minCount smallest count of an eligible target or donor
   * @param skipTop the most frequent words left out (function words)
   * @param seed root seed (target choice and which occurrences are replaced)
   * @param vocabularyMinCount the vocabulary rule of the changed corpus
   * @throws IllegalArgumentException when there are fewer than 2 eligible words per (stratum, level)
   */
  public static InjectedChange inject(TokenCorpus corpus, double[] levels, int strata, long minCount, int skipTop,
      long seed, long vocabularyMinCount) {
    List<Integer> eligible = new ArrayList<>();
    for (int id = skipTop; id < corpus.vocabularySize(); id++) {
      String w = corpus.word(id);
      if (corpus.count(id) >= minCount && w.length() >= 3 && w.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
        eligible.add(id);
      }
    }
    int perStratum = eligible.size() / strata;
    if (perStratum < 2 * levels.length) {
      throw new IllegalArgumentException("only " + eligible.size() + " eligible words (lower-case a-z, >= 3 letters, count >= "
          + minCount + ", below the top " + skipTop + "); " + strata + " strata x " + levels.length
          + " levels need at least " + 2 * levels.length * strata + ": use a larger corpus or fewer strata");
    }
    SplittableRandom pick = new SplittableRandom(Seeds.derive(seed, "inject-targets"));
    Map<String, Double> targets = new LinkedHashMap<>();
    Map<String, String> donors = new LinkedHashMap<>();
    int[] donorOf = new int[corpus.vocabularySize()];
    double[] share = new double[corpus.vocabularySize()];
    java.util.Arrays.fill(donorOf, -1);
    for (int s = 0; s < strata; s++) {
      List<Integer> bin = new ArrayList<>(eligible.subList(s * perStratum, (s + 1) * perStratum));
      for (int i = bin.size() - 1; i > 0; i--) {
        java.util.Collections.swap(bin, i, pick.nextInt(i + 1));
      }
      for (int l = 0; l < levels.length; l++) {
        int target = bin.get(2 * l), donor = bin.get(2 * l + 1);
        targets.put(corpus.word(target), levels[l]);
        donors.put(corpus.word(target), corpus.word(donor));
        donorOf[donor] = target;
        share[donor] = levels[l];
      }
    }
    int[] tokens = corpus.tokens();
    SplittableRandom replace = new SplittableRandom(Seeds.derive(seed, "inject-occurrences"));
    for (int i = 0; i < tokens.length; i++) {
      int t = donorOf[tokens[i]];
      if (t >= 0 && replace.nextDouble() < share[tokens[i]]) {
        tokens[i] = t;
      }
    }
    return new InjectedChange(targets, donors, corpus.withTokens(tokens, vocabularyMinCount));
  }
}
