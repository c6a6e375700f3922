package org.embdiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StatsCommandTest {
  @TempDir
  Path dir;

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

  /** ../shared/data, or skip. */
  static Path shared(String relative) {
    Path dir = Path.of("").toAbsolutePath();
    for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared").resolve("data").resolve(relative);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    Assumptions.assumeTrue(false, "skipped: needs ../shared/data/" + relative);
    return null;
  }

  private Path corpus(String name, String line, int repeat) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, (line + "\n").repeat(repeat));
    return p;
  }

  @Test
  void twoRealCorporaGiveEveryNumberAndFiles() throws Exception {
    Path wiki = shared("corpora/wiki/wikitext-2.valid.tokens.gz");
    Path tweets = shared("corpora/twitter/tweeteval/emotion");
    Path out = dir.resolve("out");
    Run r = run("stats", "--a", "wiki=tokenizer:whitespace," + wiki, "--b", "twitter=" + tweets, "--bootstrap", "1000",
        "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Zipf MLE    alpha = ", "x_min", "KS", "two-regime  alpha_head", "Miller-Madow",
        "I(W;D)", "Jensen-Shannon", "KL(wiki||twitter)", "most wiki-specific", "most twitter-specific",
        "common support", "tokenizer twitter", "tokenizer whitespace");
    // the emotion task's *_text.txt.gz files only (3 of them), not labels or mapping
    assertThat(r.out()).contains("corpus of 3 files");
    JsonNode json = new ObjectMapper().readTree(out.resolve("stats.json").toFile());
    JsonNode c = json.get("comparisons").get(0);
    double js = c.get("divergence").get("jensenShannonBits").asDouble();
    assertThat(js).isBetween(0.2, 1.0);
    assertThat(c.get("divergence").get("mutualInformationBits").asDouble()).isEqualTo(js, org.assertj.core.api.Assertions.within(1e-12));
    // the seed of the corpus comparison's own stream under --seed 42, as in compare
    assertThat(c.get("a").get("zipf").get("how").get("seed").asLong()).isEqualTo(org.embdiff.util.Seeds.of(42, "corpus comparison"));
    assertThat(c.get("overlap").get("pseudoTokensA").toString()).contains("<unk>");
    assertThat(c.get("a").get("zipf").get("alpha").asDouble())
        .isEqualTo(1 / (c.get("a").get("zipf").get("beta").asDouble() - 1), org.assertj.core.api.Assertions.within(1e-12));
    // SOURCES.md: WikiText-2 validation has 213,886 whitespace tokens
    assertThat(c.get("a").get("frequency").get("tokens").asLong()).isEqualTo(213_886L);
    assertThat(Files.readAllLines(out.resolve("words-wiki-twitter.csv")).get(0))
        .isEqualTo("word,pseudo_token,count_a,count_b,p_a,p_b,mi_bits,log_odds,z");
    assertThat(Files.readAllLines(out.resolve("vocab-wiki.txt")).get(0)).isEqualTo("the 12639");
    assertThat(Files.readAllLines(out.resolve("counts-twitter.csv")).get(0)).isEqualTo("rank,word,count,relative_frequency");
  }

  @Test
  void plainPathsAreDetectedAsListOrCorpusAndNamedAfterTheirFiles() throws Exception {
    StringBuilder list = new StringBuilder("# a list\n");
    for (int i = 1; i <= 300; i++) {
      list.append("w").append(i).append('\t').append(100_000 / i).append('\n');
    }
    Path freq = dir.resolve("mylist.tsv");
    Files.writeString(freq, list);
    Run r = run("stats", freq.toString(), "--bootstrap", "1000");
    Run two = run("stats", "a=" + freq, "b=freq:" + freq, "--bootstrap", "1000", "--common-support", "top:100");
    assertThat(two.code()).as(two.err()).isZero();
    assertThat(two.out()).contains("common support: top 100 types of each side", "100 vs 100 types",
        "I(W;D)      0.0000 bits");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("== mylist ==  frequency list", "caveat      truncated");
    // rank-frequency f(r) = 100000/r: alpha ~ 1
    assertThat(r.out()).containsPattern("log-log OLS alpha 1\\.0\\d");
  }

  @Test
  void badInputIsOneLineWithoutPartialOutput() throws Exception {
    Path bad = dir.resolve("bad.txt");
    Files.writeString(bad, "a 1\nb 2\n");
    Path out = dir.resolve("out");
    Run missing = run("stats", "--a", "wiki=" + dir.resolve("nope.txt"), "--out", out.toString());
    assertThat(missing.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(missing.err().strip().lines().count()).isEqualTo(1);
    assertThat(missing.err()).contains("nope.txt").doesNotContain("Exception");
    Path badList = dir.resolve("bad-list.txt");
    Files.writeString(badList, "a 1\nb x\n");
    Run parse = run("stats", "freq:" + badList, "--out", out.toString());
    assertThat(parse.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(parse.err()).contains("bad-list.txt:2");
    assertThat(Files.exists(out)).isFalse();
    Path corrupt = dir.resolve("corrupt.txt.gz");
    byte[] gz = new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3};
    Files.write(corrupt, gz);
    Run broken = run("stats", "corpus:" + corrupt);
    assertThat(broken.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(broken.err()).contains("corrupt.txt.gz");
    Run tiny = run("stats", "small=" + corpus("tiny.txt", "a b c", 3));
    assertThat(tiny.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(tiny.err()).contains("side 'small'", "too few");
    Run none = run("stats");
    assertThat(none.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(none.err()).contains("no sides given");
    Run tok = run("stats", corpus("c.txt", "a b c", 5).toString(), "--tokenizer", "bert");
    assertThat(tok.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(tok.err()).contains("unknown tokenizer 'bert'");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.filter(p -> p.getFileName().toString().endsWith(".tmp")).count()).isZero();
    }
  }
}
