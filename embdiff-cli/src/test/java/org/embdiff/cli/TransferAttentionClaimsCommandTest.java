package org.embdiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TransferAttentionClaimsCommandTest {
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  static final String A = "wiki=vectors:" + ROOT.resolve("data/embeddings/glove.6B.100d.twitter12k-vocab.txt.gz")
      + ",freq:" + ROOT.resolve("data/freq/enwiki_vocab_min200.top60k.txt.gz");
  static final String B = "twitter=vectors:" + ROOT.resolve("data/embeddings/glove.twitter.27B.25d.embedplyr12k.txt.gz")
      + ",freq:" + ROOT.resolve("data/freq/twitter-ark-wordfreq.top60k.tsv.gz");

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.newCommandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void transferPrintsMetricsWithIntervalsAndWritesJson(@TempDir Path dir) throws Exception {
    Run r = run("transfer", "--a", A, "--b", B, "--tasks", "bing-liu", "--splits", "3", "--lexicons",
        ROOT.resolve("data/lexicons").toString(), "--out", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("task bing-liu: 1,108 words").contains("in-domain").contains("cross-domain")
        .contains("Spearman(divergence, cross loss)").contains("KL(wiki||twitter) = 2.883 bits");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("transfer.json").toFile());
    JsonNode wiki = json.get("tasks").get(0).get("directions").get(0);
    assertThat(wiki.get("trainSide").asText()).isEqualTo("wiki");
    assertThat(wiki.get("inDomain").get("accuracy").get("estimate").asDouble()).isGreaterThan(0.8);
    assertThat(wiki.get("splits")).hasSize(3);
  }

  @Test
  void transferInTheAlignmentModulesCommonSpace() {
    Run r = run("transfer", "--a", A, "--b", B, "--tasks", "bing-liu", "--splits", "2", "--map", "pca-procrustes",
        "--lexicons", ROOT.resolve("data/lexicons").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("reduced by PCA to 25d").contains("orthogonal Procrustes");
    Run bad = run("transfer", "--a", A, "--b", B, "--tasks", "bing-liu", "--map", "magic");
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("--map").contains("expected one of lstsq, procrustes, pca-procrustes, got 'magic'");
  }

  @Test
  void attentionRunsOnTheBundledSentences(@TempDir Path dir) throws Exception {
    Run r = run("attention", "--a", A, "--b", B, "--projections", "3", "--out", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("50 sentences").contains("PCA of wiki 100 -> 25").contains("noise control");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("attention.json").toFile());
    // 3 representations (native, common dimension, common temperature) x 2 projections x 3 metrics
    assertThat(json.get("comparisons")).hasSize(18);
    assertThat(json.get("heatmaps").get(0).get("weights").get(0).size())
        .isEqualTo(json.get("heatmaps").get(0).get("tokens").size());
  }

  @Test
  void claimsPrintsTheTableWithComputedVerdicts(@TempDir Path dir) throws Exception {
    Path questions = dir.resolve("questions.txt");
    Files.write(questions, Files.readAllLines(ROOT.resolve("data/eval/questions-words.txt")).subList(0, 600));
    Run r = run("claims", "--a", A, "--b", B, "--splits", "2", "--tasks", "bing-liu", "--analogies", questions.toString(),
        "--threads", "2",
        "--pairs", ROOT.resolve("data/eval/word-sim/EN-MEN-TR-3k.txt").toString(), "--out", dir.resolve("out").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("(supported|contradicted|no difference|inconclusive|confounded) +transfer.loss-increase.bing-liu.wiki-to-twitter")
        .containsPattern("(supported|contradicted|no difference|inconclusive|confounded) +entropy.b-greater")
        .containsPattern("not measurable +cooccurrence.js.differs").contains("missing: co-occurrence counts of both corpora")
        .containsPattern("(supported|contradicted|no difference|inconclusive|confounded) +attention.b-more-diffuse.native");
    assertThat(r.out()).containsPattern("(supported|contradicted|no difference|inconclusive|confounded) +analogy.eps.b-greater")
        .containsPattern("(supported|inconclusive|confounded) +similarity.mean.differs");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("out/claims.json").toFile());
    // the 16 claims of the pretrained comparison and the controlled comparison's shift.mean.controlled (not measurable here)
    assertThat(json.get("claims").size()).isEqualTo(17);
    assertThat(json.toString()).contains("shift.mean.controlled");
    assertThat(Files.exists(dir.resolve("out/transfer.json"))).isTrue();
  }

  @Test
  void missingVectorFileIsOneCleanLine() {
    Run r = run("transfer", "--a", "wiki=vectors:/nonexistent/v.txt", "--b", B, "--lexicons",
        ROOT.resolve("data/lexicons").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err().strip()).startsWith("embdiff: error:").contains("/nonexistent/v.txt").doesNotContain("\tat ");
  }

  @Test
  void badSideSpecAndMissingVectorsAreRefused() {
    Run bad = run("attention", "--a", "wiki=weights:x", "--b", B);
    assertThat(bad.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(bad.err()).contains("unknown input kind 'weights'");
    Run noVectors = run("attention", "--a", "wiki=freq:" + ROOT.resolve("data/freq/enwiki_vocab_min200.top60k.txt.gz"),
        "--b", B);
    assertThat(noVectors.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(noVectors.err()).contains("needs vectors on both sides (wiki has none)");
  }
}
