package org.embdiff.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.embdiff.inference.Bootstrap;
import org.embdiff.inference.Decision;
import org.embdiff.inference.Direction;
import org.embdiff.inference.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The frequency confound: Delta_w grows with rank and the probe words are frequent but shift no
 * more than words of their frequency. Against random words the probes seem to shift less; against
 * frequency-matched words they do not differ.
 */
class ProbeShiftTest {
  @Test
  void matchingOnFrequencyRemovesTheGapThatRankAloneMakes() {
    SplittableRandom random = new SplittableRandom(4);
    List<WordShift> words = new ArrayList<>();
    Set<String> probes = new HashSet<>();
    for (int r = 1; r <= 10_000; r++) {
      double delta = 0.3 + 0.08 * Math.log(r) + 0.02 * random.nextGaussian();
      String w = "w" + r;
      if (r % 40 == 0 && r <= 2000) {
        probes.add(w);
      }
      words.add(new WordShift(w, r, r, "", "", delta, delta, 0, 0, 0, 0, true));
    }
    ProbeShift s = ProbeShift.of(words, probes, 500, Bootstrap.Settings.defaults(), new SplittableRandom(1));
    assertThat(s.probesFound()).isEqualTo(50);
    Decision d = Decision.decide(Direction.GREATER, 0.02, 10, s.naive(), s.controlled(), Double.NaN, 0.05);
    assertThat(d.naive()).isEqualTo(Verdict.CONTRADICTED);
    assertThat(d.controlled()).isEqualTo(Verdict.NO_DIFFERENCE);
    assertThat(d.verdict()).isEqualTo(Verdict.CONFOUNDED);
  }

  @Test
  void nearestRankMatchingIsWithoutReplacement() {
    int[] match = org.embdiff.inference.FrequencyMatching.nearestRank(new int[] {10, 10, 10}, new int[] {9, 11, 500, 10},
        new SplittableRandom(2));
    assertThat(match).doesNotHaveDuplicates().containsExactlyInAnyOrder(0, 1, 3);
  }
}
