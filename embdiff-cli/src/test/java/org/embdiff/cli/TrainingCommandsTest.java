package org.embdiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.embdiff.io.VectorReader;
import org.embdiff.vec.EmbeddingSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Black-box tests of cooccur, shuffle, train glove and spectrum on the bundled tweets. */
class TrainingCommandsTest {
  static final Path TWEETS = Path.of("..", "data", "corpora", "tweeteval-train-sample.txt.gz");

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cmd = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void cooccurShuffleTrainSpectrumPipeline() throws Exception {
    Path x = dir.resolve("x.crec");
    Run c = run("cooccur", TWEETS.toString(), "--min-count", "5", "--window", "5", "-o", x.toString(), "--threads", "2",
        "--memory", "0.05", "--json", dir.resolve("c.json").toString());
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(c.out()).contains("records:").contains("power law:");
    Path vocab = dir.resolve("x.vocab.txt");
    assertThat(vocab).exists();
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("c.json").toFile()).get("summary");
    long records = summary.get("records").asLong();
    assertThat(records).isEqualTo(Files.size(x) / 16).isGreaterThan(100_000);
    assertThat(summary.get("tokens").asLong()).isEqualTo(541_322L);

    Path shuf = dir.resolve("x.shuf.crec");
    Run s = run("shuffle", x.toString(), "-o", shuf.toString(), "--seed", "3");
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(Files.size(shuf)).isEqualTo(Files.size(x));

    Path vec = dir.resolve("v.txt");
    Path ckpt = dir.resolve("glove.ckpt");
    Run t = run("train", "glove", "--input", shuf.toString(), "--vocab-file", vocab.toString(), "--vector-size", "10",
        "--iter", "2", "--threads", "1", "-o", vec.toString(), "--checkpoint", ckpt.toString(), "--diagnostic");
    assertThat(t.code()).as(t.err()).isZero();
    assertThat(t.out()).contains("iter: 001, cost: ").contains("iter: 002, cost: ").contains("log-count:");
    EmbeddingSpace space = VectorReader.load(vec).space();
    long words = Files.readAllLines(vocab).size();
    assertThat(space.size()).isEqualTo(words + 1); // with <unk>, as the C tool
    assertThat(space.dim()).isEqualTo(10);
    assertThat(space.word((int) words)).isEqualTo("<unk>");

    Run r = run("train", "glove", "--input", shuf.toString(), "--vocab-file", vocab.toString(), "--vector-size", "10",
        "--iter", "3", "--threads", "1", "-o", dir.resolve("v3.txt").toString(), "--resume", ckpt.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("resuming:    after iteration 2").contains("iter: 003").doesNotContain("iter: 001");

    Path json = dir.resolve("s.json");
    Run sp = run("spectrum", "--cooc", x.toString(), "--vocab-file", vocab.toString(), "--name", "tweets", "--vectors",
        vec.toString(), "-k", "8", "--max-words", "400", "--json", json.toString());
    assertThat(sp.code()).as(sp.err()).isZero();
    assertThat(sp.out()).contains("tweets X").contains("tweets log(1+X)").contains("tweets PPMI").contains("v.txt PCA");
    JsonNode spectra = new ObjectMapper().readTree(json.toFile()).get("spectra");
    assertThat(spectra).hasSize(4);
    assertThat(spectra.get(0).get("singularValues")).hasSize(8);
    assertThat(spectra.get(3).get("singularValues")).hasSize(8);
  }

  @Test
  void truncatedRecordsAreOneCleanLine() throws Exception {
    Path bad = dir.resolve("bad.crec");
    Files.write(bad, new byte[20]);
    Run s = run("shuffle", bad.toString(), "-o", dir.resolve("o.crec").toString());
    assertThat(s.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(s.err().strip()).startsWith("embdiff: error: truncated co-occurrence file").contains("bad.crec")
        .doesNotContain("\n").doesNotContain("Exception");
    assertThat(dir.resolve("o.crec")).doesNotExist();
  }

  @Test
  void inputWithoutVocabularyIsRefused() throws Exception {
    Path x = dir.resolve("x.crec");
    Files.write(x, new byte[16]);
    Run t = run("train", "glove", "--input", x.toString(), "-o", dir.resolve("v.txt").toString());
    assertThat(t.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(t.err()).contains("--vocab-file");
  }

  @Test
  void missingCorpusIsBadInput() {
    Run c = run("cooccur", dir.resolve("nope.txt").toString(), "-o", dir.resolve("x.crec").toString());
    assertThat(c.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(c.err()).contains("corpus not found").contains("nope.txt");
  }

  @Test
  void sgnsDrawsNoiseWordsPerPairByDefaultAsWord2vec() throws Exception {
    Path perPair = dir.resolve("pairs.txt"), shared = dir.resolve("shared.txt");
    Run d = run("train", "sgns", "--corpus", TWEETS.toString(), "-o", perPair.toString(), "--dim", "8", "--threads", "1",
        "--seed", "5", "--epochs", "1", "--min-count", "20");
    assertThat(d.code()).as(d.err()).isZero();
    assertThat(d.out()).contains("(per-pair noise)");
    Run s = run("train", "sgns", "--corpus", TWEETS.toString(), "-o", shared.toString(), "--dim", "8", "--threads", "1",
        "--seed", "5", "--epochs", "1", "--min-count", "20", "--noise", "shared");
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(s.out()).contains("(shared noise)");
    // the same seed, another step: other vectors
    assertThat(Files.readString(perPair)).isNotEqualTo(Files.readString(shared));
  }
}
