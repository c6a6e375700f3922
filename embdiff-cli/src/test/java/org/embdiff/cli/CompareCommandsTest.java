package org.embdiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Black-box tests of eval, analogy, align, shift and geometry on the bundled data. */
class CompareCommandsTest {
  private static final String WIKI = "../data/embeddings/glove.6B.100d.twitter12k-vocab.txt.gz";
  private static final String TWITTER = "../data/embeddings/glove.twitter.27B.25d.embedplyr12k.txt.gz";
  private static final String QUESTIONS = "../data/eval/questions-words.txt";

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cmd = Main.newCommandLine();
    StringWriter out = new StringWriter(), err = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void evalReproducesGensimOnTheTwitterVectorsAndWritesJsonAndCsv() throws IOException {
    Path out = dir.resolve("out");
    Run r = run("eval", TWITTER, "--analogies", QUESTIONS, "--pairs", "../data/eval/wordsim353.tsv", "../data/eval/simlex999.txt",
        "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("accuracy 0.1822 (1,123/6,163 answered").contains("0.4269").contains("0.1011");
    assertThat(Files.readString(out.resolve("eval.json"))).contains("\"accuracy\" : 0.182");
    List<String> csv = Files.readAllLines(out.resolve("word-pairs.csv"));
    assertThat(csv.get(0)).isEqualTo("file,benchmark,pairs,found,oovPercent,pearson,spearman");
    assertThat(csv).hasSize(3);
    assertThat(Files.readAllLines(out.resolve("analogy-questions-a.csv"))).hasSize(6_164);
  }

  @Test
  void evalOfTwoSpacesComparesOnCommonQuestionsAndPairs() {
    Run r = run("eval", WIKI, TWITTER, "--analogies", QUESTIONS, "--pairs", "../data/eval/wordsim353.tsv", "--method", "3cosmul");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("questions both answer: 6,163").contains("mean similarity s-bar over 282 pairs both cover");
  }

  @Test
  void analogyAnswersKingManWoman() {
    Run r = run("analogy", WIKI, "man", "king", "woman", "-k", "3");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().skip(1).findFirst().orElseThrow()).contains("queen");
    Run missing = run("analogy", WIKI, "man", "king", "zzzzqx");
    assertThat(missing.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(missing.err().strip()).startsWith("embdiff: error: 'zzzzqx' is not among").doesNotContain("\n");
  }

  @Test
  void alignWritesTheAlignedSpaceAndRefusesProcrustesAcrossDimensions() throws IOException {
    Path target = dir.resolve("twitter_aligned.vec");
    Run bad = run("align", WIKI, TWITTER, "-o", target.toString(), "--map", "procrustes");
    assertThat(bad.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(bad.err()).contains("equal dimensions").contains("pca-procrustes");
    assertThat(target).doesNotExist();
    Run ok = run("align", WIKI, TWITTER, "-o", target.toString(), "--limit", "3000");
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("A reduced by PCA to 25d").contains("held-out anchors (10-fold)");
    assertThat(Files.readAllLines(target).get(0)).isEqualTo("3000 25");
  }

  @Test
  void shiftPrintsDiagnosticsBandsAndNeighbours() throws IOException {
    Path out = dir.resolve("shift");
    Run r = run("shift", WIKI, TWITTER, "--limit", "2500", "--top", "5", "--words", "apple,nosuchword", "--out", out.toString(),
        "--freq-a", "../data/freq/enwiki_vocab_min200.top60k.txt.gz", "--freq-b", "../data/freq/twitter-ark-wordfreq.top60k.tsv.gz");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("shared vocabulary: 2,4").contains("anchors: 2,").contains("Spearman mean")
        .contains("most shifted (by Delta").contains("requested words:").contains("not shared: nosuchword")
        .contains("A from a frequency list, B from b frequency list");
    assertThat(Files.readAllLines(out.resolve("shift-words.csv")).get(0)).startsWith("word,rankA,rankB,bandA,bandB,delta");
  }

  @Test
  void anUnalignedDeltaIsAnErrorThatSaysWhy() {
    Run r = run("shift", WIKI, TWITTER, "--map", "none", "--limit", "500");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("not a shift").contains("rotation");
    Run free = run("shift", WIKI, TWITTER, "--map", "none", "--rank-by", "overlap10", "--limit", "500", "--top", "3");
    assertThat(free.code()).as(free.err()).isZero();
    assertThat(free.out()).contains("alignment: none").contains("by 1-ovl");
  }

  @Test
  void geometryReportsIsotropyAndHubness() {
    Run r = run("geometry", TWITTER, "--hubness-words", "1000");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("mean cosine of 10,000 random pairs: 0.35").contains("skewness of N_k");
  }

  @Test
  void aMalformedAnalogyFileIsOneLine() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.txt"), "a b c d\n");
    Run r = run("eval", TWITTER, "--analogies", bad.toString(), "--no-pairs");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err().strip()).contains("bad.txt:1").doesNotContain("\n");
  }
}
