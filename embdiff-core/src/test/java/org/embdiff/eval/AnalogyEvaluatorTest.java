package org.embdiff.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Neighbor;
import org.embdiff.vec.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AnalogyEvaluatorTest {
  @TempDir Path dir;

  private static EmbeddingSpace randomSpace(int n, int dim, long seed) {
    Random random = new Random(seed);
    String[] words = new String[n];
    float[] m = new float[n * dim];
    for (int i = 0; i < n; i++) {
      words[i] = "w" + i;
    }
    for (int i = 0; i < m.length; i++) {
      m[i] = (float) random.nextGaussian();
    }
    return new EmbeddingSpace(new Vocabulary(words), dim, m);
  }

  /** Brute force in double: best candidate and rank of d for one question. */
  private static int[] bruteForce(EmbeddingSpace unit, int n, int a, int b, int c, int d, AnalogyMethod method, double eps) {
    double[] scores = new double[n];
    for (int r = 0; r < n; r++) {
      double ca = WordPairEvaluator.cosine(unit, r, a), cb = WordPairEvaluator.cosine(unit, r, b), cc = WordPairEvaluator.cosine(unit, r, c);
      scores[r] = method == AnalogyMethod.COS_ADD ? cb + cc - ca : ((1 + cb) / 2) * ((1 + cc) / 2) / ((1 + ca) / 2 + eps);
    }
    int best = -1, above = 0;
    for (int r = 0; r < n; r++) {
      if (r == a || r == b || r == c) {
        continue;
      }
      if (best < 0 || scores[r] > scores[best]) {
        best = r;
      }
      if (scores[r] > scores[d]) {
        above++;
      }
    }
    return new int[] {best, above + 1};
  }

  @ParameterizedTest
  @EnumSource(AnalogyMethod.class)
  void batchedSearchEqualsBruteForce(AnalogyMethod method) throws IOException {
    EmbeddingSpace space = randomSpace(3001, 17, 11);
    Random random = new Random(5);
    StringBuilder file = new StringBuilder(": one\n");
    List<int[]> qs = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      if (i == 30) {
        file.append(": two\n");
      }
      int[] q = {random.nextInt(3001), random.nextInt(3001), random.nextInt(3001), random.nextInt(3001)};
      qs.add(q);
      file.append("w").append(q[0]).append(" W").append(q[1]).append(" w").append(q[2]).append(" w").append(q[3]).append('\n');
    }
    file.append("too few words\n");
    Path path = Files.writeString(dir.resolve("q.txt"), file);
    AnalogySet set = AnalogySet.read(path);
    assertThat(set.invalidLines()).isEqualTo(1);
    assertThat(set.sections()).containsExactly("one", "two");
    AnalogySettings settings = AnalogySettings.defaults().withMethod(method).withRestrictVocab(2500);
    AnalogyResult result = AnalogyEvaluator.evaluate(space, set, settings);
    EmbeddingSpace unit = space.unitNormalized();
    int answered = 0, correct = 0;
    for (int[] q : qs) {
      if (q[0] >= 2500 || q[1] >= 2500 || q[2] >= 2500 || q[3] >= 2500) {
        continue;
      }
      AnalogyResult.AnalogyOutcome o = result.outcomes().get(answered++);
      int[] expected = bruteForce(unit, 2500, q[0], q[1], q[2], q[3], method, 0.001);
      assertThat(o.predicted()).isEqualTo("w" + expected[0]);
      boolean distinct = q[3] != q[0] && q[3] != q[1] && q[3] != q[2];
      assertThat(o.rank()).isEqualTo(distinct ? expected[1] : -1);
      correct += expected[0] == q[3] ? 1 : 0;
    }
    assertThat(result.answered()).isEqualTo(answered).isLessThan(60);
    assertThat(result.questions()).isEqualTo(60);
    assertThat(result.correct()).isEqualTo(correct);
    assertThat(result.sections()).extracting(AnalogyResult.SectionAccuracy::questions).containsExactly(30, 30);
  }

  @Test
  void solvesAConstructedAnalogyAndReportsEpsilon() {
    // king - man + woman = queen exactly; a distractor close to king
    String[] words = {"man", "woman", "king", "queen", "prince", "Queen"};
    float[] m = {
        1, 0, 0, 0,
        0, 1, 0, 0,
        1, 0, 1, 0,
        0, 1, 1, 0,
        1, 0, 1, 0.2f,
        0, 1, 1, 0.01f};
    EmbeddingSpace space = new EmbeddingSpace(new Vocabulary(words), 4, m);
    List<Neighbor> answers = AnalogyEvaluator.answer(space, "man", "king", "woman", AnalogySettings.defaults(), 3);
    assertThat(answers.get(0).word()).isEqualTo("queen");
    assertThat(answers.get(1).word()).isEqualTo("Queen");
    assertThatThrownBy(() -> AnalogyEvaluator.answer(space, "man", "king", "girl", AnalogySettings.defaults(), 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'girl'");
  }

  @Test
  void caseInsensitiveLookupKeepsTheFirstCasingAndSkipsQuestionWordVariants() throws IOException {
    // "Paris" (row 0) is the first casing of PARIS; the answer "FRANCE"-variant of a question word is skipped
    String[] words = {"Paris", "France", "Berlin", "Germany", "paris", "germany"};
    float[] m = {
        1, 0, 0.1f, 0,
        1, 1, 0, 0,
        0, 0, 1, 0,
        0, 1, 1, 0.3f,
        1, 0, 0.1f, 0.01f,
        0, 1, 1, 0.2f};
    EmbeddingSpace space = new EmbeddingSpace(new Vocabulary(words), 4, m);
    Path path = Files.writeString(dir.resolve("q.txt"), ": capitals\nparis france berlin germany\n");
    AnalogyResult r = AnalogyEvaluator.evaluate(space, AnalogySet.read(path), AnalogySettings.defaults());
    assertThat(r.answered()).isEqualTo(1);
    assertThat(r.outcomes().get(0).predicted()).isIn("Germany", "germany");
    assertThat(r.accuracy()).isEqualTo(1.0);
    AnalogyResult exact = AnalogyEvaluator.evaluate(space, AnalogySet.read(path), AnalogySettings.defaults().withCaseInsensitive(false));
    assertThat(exact.answered()).isZero();
    assertThat(exact.accuracy()).isZero();
  }

  @Test
  void epsilonIsTheOffsetError() throws IOException {
    String[] words = {"a", "b", "c", "d", "e"};
    float[] m = {1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1};
    EmbeddingSpace space = new EmbeddingSpace(new Vocabulary(words), 3, m);
    Path path = Files.writeString(dir.resolve("q.txt"), ": s\na b c d\n");
    AnalogyResult.AnalogyOutcome o = AnalogyEvaluator.evaluate(space, AnalogySet.read(path), AnalogySettings.defaults()).outcomes().get(0);
    // b - a + c = (-1, 1, 1); d = (0, 1, 1)/sqrt(2)
    double s = Math.sqrt(0.5);
    assertThat(o.epsL2()).isCloseTo(Math.sqrt(1 + (1 - s) * (1 - s) * 2), within(1e-6));
    assertThat(o.epsCosine()).isCloseTo(1 - 2 * s / Math.sqrt(3), within(1e-6));
  }

  @Test
  void refusesAQuestionBeforeAnySection() throws IOException {
    Path path = Files.writeString(dir.resolve("bad.txt"), "a b c d\n");
    assertThatThrownBy(() -> AnalogySet.read(path)).isInstanceOf(IOException.class).hasMessageContaining("bad.txt:1");
  }
}
