package org.embdiff.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldScoresTest {
  @TempDir Path dir;

  @Test
  void averagePrecisionMatchesTheHandComputedValue() {
    // ranked: pos, neg, pos, neg -> AP = (1/1 + 2/3) / 2; the 0.3-gold word is neither class
    double ap = GoldScores.averagePrecision(new double[] {0.9, 0.8, 0.7, 0.1, 0.95}, new double[] {1, 0, 0.6, 0, 0.3});
    assertThat(ap).isCloseTo((1 + 2.0 / 3) / 2, within(1e-12));
    // a tie between a positive and a negative: the mean of AP 1 (positive first) and AP 1/2
    assertThat(GoldScores.averagePrecision(new double[] {1, 1}, new double[] {1, 0})).isCloseTo(0.75, within(1e-12));
    // a constant score over 2 positives and 3 negatives: the mean AP over all 10 placements of the positives
    double[] constant = {0, 0, 0, 0, 0};
    double[] gold = {1, 1, 0, 0, 0};
    assertThat(GoldScores.averagePrecision(constant, gold)).isCloseTo(meanApOverPlacements(5, 2), within(1e-12));
  }

  /** AP averaged over every choice of the positives' places among n ranks (brute force). */
  private static double meanApOverPlacements(int n, int positives) {
    double total = 0;
    int orders = 0;
    for (int mask = 0; mask < 1 << n; mask++) {
      if (Integer.bitCount(mask) != positives) {
        continue;
      }
      double sum = 0;
      int hits = 0;
      for (int i = 0; i < n; i++) {
        if ((mask >> i & 1) == 1) {
          hits++;
          sum += hits / (double) (i + 1);
        }
      }
      total += sum / positives;
      orders++;
    }
    return total / orders;
  }

  @Test
  void aConstantScoreHasSpearmanZero() {
    Map<String, Double> gold = new LinkedHashMap<>();
    Map<String, Double> scores = new LinkedHashMap<>();
    for (int i = 0; i <= 10; i++) {
      gold.put("w" + i, i / 10.0);
      scores.put("w" + i, 0.0);
    }
    assertThat(GoldScores.score("m", gold, scores).spearman()).isZero();
  }

  @Test
  void agreementOfAMonotoneScoreIsPerfect() {
    Map<String, Double> gold = new LinkedHashMap<>();
    Map<String, Double> scores = new LinkedHashMap<>();
    for (int i = 0; i <= 10; i++) {
      gold.put("w" + i, i / 10.0);
      scores.put("w" + i, Math.exp(i));
    }
    gold.put("absent", 1.0);
    GoldScores.Agreement a = GoldScores.score("m", gold, scores);
    assertThat(a.spearman()).isCloseTo(1, within(1e-12));
    assertThat(a.averagePrecision()).isCloseTo(1, within(1e-12));
    assertThat(a.words()).isEqualTo(11);
    assertThat(a.missing()).isEqualTo(1);
    assertThat(a.positives()).isEqualTo(6);
    assertThat(a.negatives()).isEqualTo(1);
  }

  @Test
  void readsSemEvalFilesWithPosSuffixesAndRejectsMalformedLines() throws IOException {
    Path f = dir.resolve("graded.txt");
    Files.writeString(f, "# comment\nattack_nn\t0.144\nbit_nn\t0.31\n\nplane_nn\t0.88\nword_with_under\t1\n");
    assertThat(GoldScores.read(f, true)).containsOnlyKeys("attack", "bit", "plane", "word_with");
    assertThat(GoldScores.read(f, false)).containsKey("attack_nn");
    Path bad = dir.resolve("bad.txt");
    Files.writeString(bad, "a\t1\nb x\n");
    assertThatThrownBy(() -> GoldScores.read(bad, false)).isInstanceOf(IOException.class)
        .hasMessageContaining("bad.txt:2").hasMessageContaining("'x' is not a number");
    Path twice = dir.resolve("twice.txt");
    Files.writeString(twice, "a_nn\t1\na_vb\t0\n");
    assertThatThrownBy(() -> GoldScores.read(twice, true)).hasMessageContaining("twice.txt:2").hasMessageContaining("twice");
  }
}
