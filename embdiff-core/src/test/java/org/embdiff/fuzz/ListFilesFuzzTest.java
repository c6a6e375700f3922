package org.embdiff.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;
import org.embdiff.cooc.ByteVocabulary;
import org.embdiff.eval.AnalogySet;
import org.embdiff.eval.WordPairSet;
import org.embdiff.stats.FrequencyListReader;
import org.embdiff.transfer.Lexicon;

/**
 * Fuzzes the line-oriented readers: frequency lists, Stanford {@code vocab.txt}, lexicons, analogy
 * and word-pair files. Regression inputs: {@code src/test/resources/org/embdiff/fuzz/ListFilesFuzzTestInputs/}.
 */
class ListFilesFuzzTest {
  @FuzzTest(maxDuration = "10s")
  void frequencyList(byte[] data) throws IOException {
    Path file = FuzzFiles.file("freq.txt");
    ParserContract.checkFile(file, data, () -> FrequencyListReader.looksLikeFrequencyList(file));
    ParserContract.check(file.getFileName().toString(), data.length, () -> {
      FrequencyListReader.Result r = FrequencyListReader.readDetailed(file);
      assertThat(r.duplicates()).isBetween(0L, r.lines());
      assertThat(r.counts().totalTokens()).isNotNegative();
    });
  }

  @FuzzTest(maxDuration = "10s")
  void stanfordVocabulary(byte[] data) throws IOException {
    Path file = FuzzFiles.file("vocab.txt");
    ParserContract.checkFile(file, data, () -> assertThat(ByteVocabulary.read(file).size()).isPositive());
  }

  @FuzzTest(maxDuration = "10s")
  void lexicons(byte[] data) throws IOException {
    Path file = FuzzFiles.file("lexicon.tsv");
    ParserContract.checkFile(file, data, () -> Lexicon.bingLiu(file));
    ParserContract.check(file.getFileName().toString(), data.length, () -> Lexicon.afinnSign(file));
    ParserContract.check(file.getFileName().toString(), data.length, () -> Lexicon.wordnetSupersense(file));
  }

  @FuzzTest(maxDuration = "10s")
  void analogies(byte[] data) throws IOException {
    Path file = FuzzFiles.file("questions-words.txt");
    ParserContract.checkFile(file, data, () -> {
      AnalogySet set = AnalogySet.read(file);
      assertThat(set.questions()).isNotEmpty();
      assertThat(set.sections()).contains(set.questions().get(0).section());
    });
  }

  @FuzzTest(maxDuration = "10s")
  void wordPairs(byte[] data) throws IOException {
    Path file = FuzzFiles.file("pairs.txt");
    ParserContract.checkFile(file, data, () -> {
      WordPairSet set = WordPairSet.read(file);
      assertThat(set.pairs()).isNotEmpty().allSatisfy(p -> assertThat(p.score()).isFinite());
    });
  }
}
