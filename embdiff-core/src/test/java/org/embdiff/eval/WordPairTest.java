package org.embdiff.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.embdiff.inference.Correlation;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordPairTest {
  @TempDir Path dir;

  @Test
  void readsCrlfCommentsTabsAndSpaces() throws IOException {
    Path p = Files.writeString(dir.resolve("p.txt"), "# comment\r\nold\tnew\t1.5\r\nbig large 9\r\n\r\nbroken line\r\n");
    WordPairSet set = WordPairSet.read(p);
    assertThat(set.pairs()).containsExactly(new WordPairSet.Pair("old", "new", 1.5), new WordPairSet.Pair("big", "large", 9));
    assertThat(set.invalidLines()).isEqualTo(1);
    assertThat(set.firstInvalid()).endsWith("p.txt:5");
  }

  @Test
  void refusesAFileWithoutPairs() throws IOException {
    Path p = Files.writeString(dir.resolve("empty.txt"), "# nothing\n");
    assertThatThrownBy(() -> WordPairSet.read(p)).isInstanceOf(IOException.class).hasMessageContaining("empty.txt");
  }

  @Test
  void spearmanUsesAverageRanksLikeScipy() {
    // scipy.stats.spearmanr([1, 2, 2, 3], [1, 3, 2, 4]) = 0.9486832980505139
    assertThat(Correlation.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 3, 2, 4})).isCloseTo(0.9486832980505139, within(1e-12));
    // scipy.stats.pearsonr([1, 2, 3, 5], [2, 1, 4, 4]).statistic = 0.7481900559272088
    assertThat(Correlation.pearson(new double[] {1, 2, 3, 5}, new double[] {2, 1, 4, 4})).isCloseTo(0.7481900559272088, within(1e-12));
  }

  @Test
  void countsOovAndCorrelatesCosines() throws IOException {
    EmbeddingSpace space = new EmbeddingSpace(new Vocabulary(new String[] {"a", "b", "c", "d"}), 2,
        new float[] {1, 0, 1, 0.1f, 0, 1, -1, 0.2f});
    Path p = Files.writeString(dir.resolve("p.txt"), "A\tb\t10\na\tc\t5\na\td\t0\na\tzzz\t3\n");
    PairSimilarityResult r = WordPairEvaluator.evaluate(space, WordPairSet.read(p), 300_000, true);
    assertThat(r.found()).isEqualTo(3);
    assertThat(r.oovPercent()).isCloseTo(25.0, within(1e-9));
    assertThat(r.spearman()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void meanSimilarityIsOverThePairsBothSidesCover() throws IOException {
    EmbeddingSpace a = new EmbeddingSpace(new Vocabulary(new String[] {"x", "y", "z"}), 2, new float[] {1, 0, 1, 0, 0, 1});
    EmbeddingSpace b = new EmbeddingSpace(new Vocabulary(new String[] {"x", "y"}), 2, new float[] {1, 0, 0, 1});
    Path p = Files.writeString(dir.resolve("p.txt"), "x y 1\ny x 1\nx z 1\n");
    MeanSimilarity one = MeanSimilarity.compute(a, b, java.util.List.of(WordPairSet.read(p)), 1000, 1);
    assertThat(one.pairs()).isEqualTo(1);
    assertThat(one.meanA()).as("one pair gives no interval").isNull();
    EmbeddingSpace b3 = new EmbeddingSpace(new Vocabulary(new String[] {"x", "y", "z"}), 2, new float[] {1, 0, 0, 1, 1, 0});
    MeanSimilarity m = MeanSimilarity.compute(a, b3, java.util.List.of(WordPairSet.read(p)), 1000, 1);
    assertThat(m.pairs()).isEqualTo(2);
    // pairs (x, y) and (x, z): cosines 1 and 0 in A, 0 and 1 in B
    assertThat(m.meanA().estimate()).isCloseTo(0.5, within(1e-9));
    assertThat(m.meanB().estimate()).isCloseTo(0.5, within(1e-9));
    assertThat(m.difference().estimate()).isCloseTo(0.0, within(1e-9));
  }
}
