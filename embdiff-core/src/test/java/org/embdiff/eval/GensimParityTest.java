package org.embdiff.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import org.embdiff.io.VectorReader;
import org.embdiff.testing.SharedData;
import org.embdiff.vec.EmbeddingSpace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parity table of issue 5: numbers measured with gensim 4 ({@code ../shared/peers/gensim_eval.py}:
 * {@code evaluate_word_analogies(restrict_vocab=len(kv), case_insensitive=True)} and
 * {@code evaluate_word_pairs(restrict_vocab=len(kv), case_insensitive=True)}).
 */
class GensimParityTest {
  private static final double TOLERANCE = 0.0005;

  @ParameterizedTest(name = "{0}: analogy {1} on {2}, WS353 {3} ({4}% OOV), SimLex {5}")
  @CsvSource({
      "glove.6B.100d.top50k.txt.gz,            0.6465, 17592, 0.5504, 1.1,  0.2988",
      "glove.twitter.27B.25d.embedplyr12k.txt.gz, 0.1822, 6163,  0.4269, 19.5, 0.1011",
      "glove.6B.100d.twitter12k-vocab.txt.gz,  0.6534, 6163,  0.5331, 19.5, 0.3212",
  })
  void reproducesGensim(String file, double accuracy, int answered, double ws353, double ws353Oov, double simlex)
      throws IOException {
    Path vectors = SharedData.require("embeddings/" + file);
    Path analogies = SharedData.require("eval/questions-words.txt");
    EmbeddingSpace space = VectorReader.load(vectors).space();
    AnalogyResult result = AnalogyEvaluator.evaluate(space, AnalogySet.read(analogies),
        AnalogySettings.defaults().withRestrictVocab(space.size()));
    assertThat(result.answered()).isEqualTo(answered);
    assertThat(result.questions()).isEqualTo(19_544);
    assertThat(result.accuracy()).isCloseTo(accuracy, within(TOLERANCE));

    PairSimilarityResult ws = WordPairEvaluator.evaluate(space, WordPairSet.read(SharedData.require("eval/wordsim353.tsv")),
        space.size(), true);
    assertThat(ws.spearman()).isCloseTo(ws353, within(TOLERANCE));
    assertThat(ws.oovPercent()).isCloseTo(ws353Oov, within(0.05));
    PairSimilarityResult sl = WordPairEvaluator.evaluate(space, WordPairSet.read(SharedData.require("eval/simlex999.txt")),
        space.size(), true);
    assertThat(sl.spearman()).isCloseTo(simlex, within(TOLERANCE));
  }

  private static EmbeddingSpace top50k;

  /** Every word-pair set of the shared data on the top-50k file, against gensim 4 (same run of gensim_eval.py). */
  @ParameterizedTest(name = "{0}: pearson {1} spearman {2} oov {3}%")
  @CsvSource({
      "eval/wordsim353.tsv, 0.5776, 0.5504, 1.1",
      "eval/simlex999.txt, 0.3274, 0.2988, 0.4",
      "eval/word-sim/EN-MC-30.txt, 0.7679, 0.7409, 3.3",
      "eval/word-sim/EN-MEN-TR-3k.txt, 0.6916, 0.6922, 2.5",
      "eval/word-sim/EN-MTurk-287.txt, 0.6860, 0.6320, 0.7",
      "eval/word-sim/EN-MTurk-771.txt, 0.5816, 0.5805, 0.0",
      "eval/word-sim/EN-RG-65.txt, 0.7426, 0.7336, 6.2",
      "eval/word-sim/EN-RW-STANFORD.txt, 0.4113, 0.4212, 67.6",
      "eval/word-sim/EN-SIMLEX-999.txt, 0.3274, 0.2988, 0.4",
      "eval/word-sim/EN-SimVerb-3500.txt, 0.1857, 0.1791, 5.1",
      "eval/word-sim/EN-VERB-143.txt, 0.4179, 0.3023, 0.0",
      "eval/word-sim/EN-WS-353-ALL.txt, 0.5776, 0.5504, 1.1",
      "eval/word-sim/EN-WS-353-REL.txt, 0.5429, 0.4964, 0.4",
      "eval/word-sim/EN-WS-353-SIM.txt, 0.6424, 0.6382, 1.5",
      "eval/word-sim/EN-YP-130.txt, 0.4873, 0.4792, 9.2",
  })
  void everyPairSetMatchesGensim(String file, double pearson, double spearman, double oov) throws IOException {
    Path pairs = SharedData.require(file);
    synchronized (GensimParityTest.class) {
      if (top50k == null) {
        top50k = VectorReader.load(SharedData.require("embeddings/glove.6B.100d.top50k.txt.gz")).space();
      }
    }
    PairSimilarityResult r = WordPairEvaluator.evaluate(top50k, WordPairSet.read(pairs), top50k.size(), true);
    assertThat(r.pearson()).isCloseTo(pearson, within(TOLERANCE));
    assertThat(r.spearman()).isCloseTo(spearman, within(TOLERANCE));
    assertThat(r.oovPercent()).isCloseTo(oov, within(0.05));
  }

  /**
   * The bundled GloVe 6B 100d subset against gensim on every bundled word-pair set and the analogy set,
   * with gensim's numbers from {@code gensim-bundled.txt} (written once by
   * {@code embdiff-bench/scripts/bundled_expectations.sh}, which names gensim's version): needs nothing
   * outside the repository, so it runs in any clone.
   */
  @org.junit.jupiter.api.Test
  void bundledSetsMatchGensimFromTheCheckedInNumbers() throws IOException {
    Path vectors = org.embdiff.testing.BundledData.path("embeddings/glove.6B.100d.twitter12k-vocab.txt.gz");
    EmbeddingSpace space = VectorReader.load(vectors).space();
    java.util.List<String> lines;
    try (var in = GensimParityTest.class.getResourceAsStream("gensim-bundled.txt")) {
      lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
          .filter(l -> !l.startsWith("#")).toList();
    }
    int pairSets = 0;
    for (String line : lines) {
      String[] f = line.split("\\s+");
      if (f[0].equals("analogy_acc")) {
        AnalogyResult r = AnalogyEvaluator.evaluate(space,
            AnalogySet.read(org.embdiff.testing.BundledData.path("eval/questions-words.txt")),
            AnalogySettings.defaults().withRestrictVocab(space.size()));
        assertThat(r.accuracy()).as("analogy accuracy").isCloseTo(Double.parseDouble(f[1]), within(TOLERANCE));
        assertThat(r.answered()).isEqualTo(Integer.parseInt(f[3]));
      } else if (f[0].equals("pairs")) {
        String name = f[1];
        Path file = name.startsWith("EN-") ? org.embdiff.testing.BundledData.path("eval/word-sim/" + name)
            : org.embdiff.testing.BundledData.path("eval/" + name);
        PairSimilarityResult r = WordPairEvaluator.evaluate(space, WordPairSet.read(file), space.size(), true);
        assertThat(r.pearson()).as(name + " pearson").isCloseTo(Double.parseDouble(f[3]), within(TOLERANCE));
        assertThat(r.spearman()).as(name + " spearman").isCloseTo(Double.parseDouble(f[5]), within(TOLERANCE));
        assertThat(r.oovPercent()).as(name + " OOV %").isCloseTo(Double.parseDouble(f[7]), within(0.05));
        pairSets++;
      }
    }
    assertThat(pairSets).isEqualTo(15);
  }
}
