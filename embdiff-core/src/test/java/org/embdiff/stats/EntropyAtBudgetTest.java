package org.embdiff.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.embdiff.claims.Claim;
import org.embdiff.claims.ClaimRules;
import org.embdiff.claims.ClaimSettings;
import org.embdiff.claims.Control;
import org.embdiff.claims.Direction;
import org.embdiff.claims.SideEstimate;
import org.embdiff.claims.Verdict;
import org.embdiff.text.Tokenizers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two corpora drawn from one Zipfian source, one 15 times larger: the larger shows more types and a higher
 * entropy (the naive claim "H_b > H_a" is supported), while at an equal token budget there is no difference.
 */
class EntropyAtBudgetTest {
  @TempDir Path dir;

  private Path corpus(String name, int documents, long seed) throws Exception {
    int types = 50_000;
    double[] cdf = new double[types];
    double sum = 0;
    for (int i = 0; i < types; i++) {
      sum += 1.0 / (i + 1);
      cdf[i] = sum;
    }
    SplittableRandom random = new SplittableRandom(seed);
    Path p = dir.resolve(name);
    try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
      for (int d = 0; d < documents; d++) {
        int len = 8 + random.nextInt(12);
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < len; t++) {
          int id = java.util.Arrays.binarySearch(cdf, random.nextDouble() * sum);
          sb.append(word(id < 0 ? -id - 1 : id)).append(' ');
        }
        w.write(sb.append('\n').toString());
      }
    }
    return p;
  }

  private static String word(int id) {
    StringBuilder sb = new StringBuilder("q");
    do {
      sb.append((char) ('a' + id % 26));
      id /= 26;
    } while (id > 0);
    return sb.toString();
  }

  @Test
  void aLargerSampleOfTheSameSourceHasMoreEntropyButNotAtAnEqualBudget() throws Exception {
    Path small = corpus("a.txt", 4_000, 1);
    Path large = corpus("b.txt", 60_000, 2);
    var tokenizer = Tokenizers.byName("whitespace");
    CorpusCounter counter = new CorpusCounter(CorpusCounter.Options.defaults().withTokenizer(tokenizer));
    Counts ca = counter.count(List.of(small), org.embdiff.util.ProgressListener.NONE);
    Counts cb = counter.count(List.of(large), org.embdiff.util.ProgressListener.NONE);
    EntropyEstimate ea = EntropyEstimate.of(ca, 1000, 0.95, 3);
    EntropyEstimate eb = EntropyEstimate.of(cb, 1000, 0.95, 4);
    ClaimRules rules = new ClaimRules(ClaimSettings.defaults(5), "a", "b");
    Claim naive = rules.sidePair("entropy.b-greater", "H_b > H_a",
        SideEstimate.of(ea.millerMadowBits(), ea.millerMadowCi().lower(), ea.millerMadowCi().upper(), 0.95),
        SideEstimate.of(eb.millerMadowBits(), eb.millerMadowCi().lower(), eb.millerMadowCi().upper(), 0.95),
        Direction.GREATER, "m");
    assertThat(naive.naiveVerdict()).as(naive.reason()).isEqualTo(Verdict.SUPPORTED);

    EntropyAtBudget budget = EntropyAtBudget.of(List.of(small), tokenizer, List.of(large), tokenizer, 1000, 0.95, 6);
    assertThat(budget.tokensB()).isBetween(budget.budgetTokens(), budget.budgetTokens() + 20);
    assertThat(budget.documentsA()).isEqualTo(4_000);
    assertThat(budget.entropyA().contains(budget.entropyA().estimate())).isTrue();
    Claim controlled = naive.withControl(Control.EQUAL_TOKEN_BUDGET, "budget", ClaimRules.of(budget.difference()));
    assertThat(controlled.controlledVerdict()).as(controlled.reason()).isEqualTo(Verdict.NO_DIFFERENCE);
    assertThat(controlled.verdict()).isEqualTo(Verdict.CONFOUNDED);
    assertThat(controlled.changedBy()).isEqualTo("equal token budget");
  }
}
