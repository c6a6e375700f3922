package org.embdiff.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.embdiff.eval.PairSimilarityResult;
import org.embdiff.eval.PairSimilarityResult.PairScore;
import org.junit.jupiter.api.Test;

class ClaimAdaptersTest {
  @Test
  void pairSimilaritiesJoinOnUnorderedLowerCasedPairsOnce() {
    PairSimilarityResult a = new PairSimilarityResult("x", 10, true, 3, 3, 0, 0, 0, 0, List.of(
        new PairScore("Tiger", "cat", 7, 0.5), new PairScore("car", "auto", 9, 0.8), new PairScore("a", "b", 1, 0.1)));
    PairSimilarityResult a2 = new PairSimilarityResult("y", 10, true, 1, 1, 0, 0, 0, 0, List.of(
        new PairScore("cat", "tiger", 7, 0.9)));
    PairSimilarityResult b = new PairSimilarityResult("x", 10, true, 2, 2, 0, 0, 0, 0, List.of(
        new PairScore("cat", "tiger", 7, 0.6), new PairScore("car", "auto", 9, 0.7)));
    ClaimAdapters.Paired p = ClaimAdapters.pairSimilarities(List.of(a, a2), List.of(b, b));
    assertThat(p.items()).isEqualTo(2);
    assertThat(p.a()).containsExactly(0.5, 0.8);
    assertThat(p.b()).containsExactly(0.6, 0.7);
  }
}
