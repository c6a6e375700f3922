package org.embdiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every single-analysis command reports the numbers {@code compare} reports for the same inputs and
 * seed: the commands run the same analysis (or, for eval, stats and spectrum, the same
 * computations) on the same settings. Small seeded inputs, so the whole class runs in seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandsMatchCompareTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SEED = "11";

  private Path dir;
  private String sideA;
  private String sideB;
  private Path vectorsA;
  private Path vectorsB;
  private Path freqA;
  private Path freqB;
  private Path lexicons;
  private Path analogies;
  private Path pairs;
  private JsonNode report;

  @BeforeAll
  void compareOnce(@TempDir Path tmp) throws Exception {
    dir = tmp;
    Random random = new Random(3);
    vectorsA = vectors("a.txt", 400, 8, random);
    vectorsB = vectors("b.txt", 320, 6, random);
    freqA = freq("a.tsv", 400, 1.0);
    freqB = freq("b.tsv", 320, 1.2);
    Path corpusA = corpus("a-corpus.txt", 400, random);
    Path corpusB = corpus("b-corpus.txt", 320, random);
    lexicons = Files.createDirectories(dir.resolve("lexicons"));
    StringBuilder lex = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      lex.append('w').append(i).append('\t').append(i % 2 == 0 ? "positive" : "negative").append('\n');
    }
    Files.writeString(lexicons.resolve("bing-liu-opinion-lexicon.tsv"), lex);
    StringBuilder q = new StringBuilder(": section-one\n");
    for (int i = 0; i < 200; i++) {
      q.append("w").append(i).append(" w").append(i + 1).append(" w").append(i + 2).append(" w").append(i + 3).append('\n');
    }
    analogies = Files.writeString(dir.resolve("questions.txt"), q);
    StringBuilder p = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      p.append("w").append(i).append(" w").append(2 * i + 1).append(' ').append(i % 10).append('\n');
    }
    pairs = Files.writeString(dir.resolve("pairs.txt"), p);
    sideA = "wiki=vectors:" + vectorsA + ",freq:" + freqA + ",corpus:" + corpusA;
    sideB = "twitter=vectors:" + vectorsB + ",freq:" + freqB + ",corpus:" + corpusB;
    Path out = dir.resolve("report");
    CliRun run = CliRun.of("compare", "--a", sideA, "--b", sideB, "--no-bundled-eval", "--analogies", analogies.toString(),
        "--pairs", pairs.toString(), "--lexicons", lexicons.resolve("bing-liu-opinion-lexicon.tsv").toString(),
        "--seed", SEED, "--threads", "2", "--out", out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    report = JSON.readTree(out.resolve("report.json").toFile());
  }

  private Path vectors(String name, int words, int dim, Random random) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int w = 0; w < words; w++) {
      sb.append('w').append(w);
      for (int i = 0; i < dim; i++) {
        sb.append(' ').append(String.format(Locale.ROOT, "%.5f", random.nextGaussian() + (w % 2 == 0 ? 0.3 : -0.3)));
      }
      sb.append('\n');
    }
    return Files.writeString(dir.resolve(name), sb);
  }

  private Path freq(String name, int words, double exponent) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int w = 0; w < words; w++) {
      sb.append('w').append(w).append('\t').append((long) (1e6 / Math.pow(w + 1, exponent)) + 1).append('\n');
    }
    return Files.writeString(dir.resolve(name), sb);
  }

  private Path corpus(String name, int words, Random random) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int line = 0; line < 400; line++) {
      for (int t = 0; t < 12; t++) {
        sb.append('w').append((int) Math.floor(Math.exp(random.nextDouble() * Math.log(words)))).append(' ');
      }
      sb.append(".\n");
    }
    return Files.writeString(dir.resolve(name), sb);
  }

  private JsonNode record(String id) {
    for (JsonNode r : report.path("results")) {
      if (r.path("id").asText().equals(id)) {
        assertThat(r.path("status").asText()).as(id + ": " + r.path("reason").asText()).isEqualTo("ok");
        return r.path("record");
      }
    }
    throw new AssertionError("no result " + id);
  }

  private JsonNode command(String file, String... args) throws Exception {
    CliRun run = CliRun.of(args);
    assertThat(run.exit()).as(String.join(" ", args) + ": " + run.err()).isZero();
    return JSON.readTree(dir.resolve(file).toFile());
  }

  private Path outDir(String name) throws Exception {
    return Files.createDirectories(dir.resolve(name));
  }

  private static void sameInterval(JsonNode a, JsonNode b) {
    for (String f : new String[] {"estimate", "lo", "hi", "lower", "upper"}) {
      if (a.has(f)) {
        assertThat(b.path(f).asDouble()).as(f).isEqualTo(a.path(f).asDouble());
      }
    }
  }

  @Test
  void attention() throws Exception {
    Path out = outDir("attention");
    JsonNode cmd = command("attention/attention.json", "attention", "--a", sideA, "--b", sideB, "--seed", SEED,
        "--threads", "2", "--out", out.toString());
    JsonNode cmp = record("attention").path("attention");
    assertThat(cmd.path("sentencesUsed").asInt()).isEqualTo(cmp.path("sentencesUsed").asInt()).isPositive();
    assertThat(cmd.path("comparisons")).hasSize(cmp.path("comparisons").size());
    for (int i = 0; i < cmp.path("comparisons").size(); i++) {
      sameInterval(cmp.path("comparisons").get(i).path("difference"), cmd.path("comparisons").get(i).path("difference"));
    }
  }

  @Test
  void transfer() throws Exception {
    Path out = outDir("transfer");
    JsonNode cmd = command("transfer/transfer.json", "transfer", "--a", sideA, "--b", sideB, "--lexicons",
        lexicons.toString(), "--tasks", "bing-liu", "--seed", SEED, "--threads", "2", "--out", out.toString());
    JsonNode cmp = record("transfer").path("transfer");
    JsonNode dc = cmd.path("tasks").get(0).path("directions");
    JsonNode dr = cmp.path("tasks").get(0).path("directions");
    assertThat(dc).hasSize(2);
    for (int d = 0; d < 2; d++) {
      sameInterval(dr.get(d).path("lossIncrease"), dc.get(d).path("lossIncrease"));
      sameInterval(dr.get(d).path("crossDomain").path("accuracy"), dc.get(d).path("crossDomain").path("accuracy"));
    }
    assertThat(cmd.path("divergence").path("jsBits").asDouble()).isEqualTo(cmp.path("divergence").path("jsBits").asDouble());
  }

  @Test
  void geometry() throws Exception {
    Path out = outDir("geometry");
    JsonNode cmd = command("geometry/geometry.json", "geometry", vectorsA.toString(), "--seed", SEED, "--threads", "2",
        "--out", out.toString());
    JsonNode cmp = record("geometry").path("sides").get(0).path("geometry");
    sameInterval(cmp.path("meanCosine"), cmd.get(0).path("meanCosine"));
    assertThat(cmd.get(0).path("kOccurrenceSkewness").asDouble()).isEqualTo(cmp.path("kOccurrenceSkewness").asDouble());
    assertThat(cmd.get(0).path("partitionRatio").asDouble()).isEqualTo(cmp.path("partitionRatio").asDouble());
  }

  @Test
  void shift() throws Exception {
    Path out = outDir("shift");
    JsonNode cmd = command("shift/shift.json", "shift", vectorsA.toString(), vectorsB.toString(), "--freq-a",
        freqA.toString(), "--freq-b", freqB.toString(), "--seed", SEED, "--threads", "2", "--out", out.toString());
    JsonNode cmp = record("shift").path("shift");
    sameInterval(cmp.path("overall").path("deltaMean"), cmd.path("overall").path("deltaMean"));
    assertThat(cmd.path("overall").path("overlap10Mean").asDouble())
        .isEqualTo(cmp.path("overall").path("overlap10Mean").asDouble());
    assertThat(cmd.path("alignment").path("diagnostics").path("residualRms").asDouble())
        .isEqualTo(cmp.path("alignment").path("diagnostics").path("residualRms").asDouble());
    assertThat(cmd.path("mostShifted").get(0).path("shift").path("word").asText())
        .isEqualTo(cmp.path("mostShifted").get(0).path("shift").path("word").asText());
  }

  @Test
  void stats() throws Exception {
    Path out = outDir("stats");
    JsonNode cmd = command("stats/stats.json", "stats", "--a", "wiki=" + freqA, "--b", "twitter=" + freqB, "--seed", SEED,
        "--threads", "2", "--out", out.toString());
    JsonNode comparison = cmd.path("comparisons").get(0);
    JsonNode divergence = record("divergence").path("full");
    for (String f : new String[] {"mutualInformationBits", "jensenShannonBits", "klABBits", "klBABits"}) {
      assertThat(comparison.path("divergence").path(f).asDouble()).as(f).isEqualTo(divergence.path(f).asDouble());
    }
    // the common support's bootstraps run on the corpus comparison's stream in both
    JsonNode common = record("distributions").path("common");
    for (String side : new String[] {"a", "b"}) {
      JsonNode c = comparison.path(side + "OnSupport");
      JsonNode r = common.path(side);
      sameBounds(r.path("zipf").path("alphaCi"), c.path("zipf").path("alphaCi"));
      sameBounds(r.path("entropy").path("millerMadowCi"), c.path("entropy").path("millerMadowCi"));
    }
    // one side alone: the distributions analysis's description of that list, bootstrap included
    JsonNode one = command("stats-one/stats.json", "stats", "wiki=" + freqA, "--seed", SEED, "--threads", "2", "--out",
        outDir("stats-one").toString()).path("sides").get(0);
    JsonNode source = record("distributions").path("sources").get(0);
    assertThat(source.path("kind").asText()).isEqualTo("frequency list");
    assertThat(one.path("zipf").path("alpha").asDouble()).isEqualTo(source.path("report").path("zipf").path("alpha").asDouble());
    sameBounds(source.path("report").path("zipf").path("alphaCi"), one.path("zipf").path("alphaCi"));
    sameBounds(source.path("report").path("entropy").path("millerMadowCi"), one.path("entropy").path("millerMadowCi"));
  }

  private static void sameBounds(JsonNode expected, JsonNode actual) {
    assertThat(bound(expected, "lower", "low")).as("compare's interval " + expected).isFinite();
    assertThat(bound(actual, "lower", "low")).as("lower of " + actual).isEqualTo(bound(expected, "lower", "low"));
    assertThat(bound(actual, "upper", "high")).as("upper of " + actual).isEqualTo(bound(expected, "upper", "high"));
  }

  private static double bound(JsonNode interval, String name, String alias) {
    return (interval.has(name) ? interval.path(name) : interval.path(alias)).asDouble(Double.NaN);
  }

  @Test
  void eval() throws Exception {
    Path out = outDir("eval");
    JsonNode cmd = command("eval/eval.json", "eval", vectorsA.toString(), vectorsB.toString(), "--analogies",
        analogies.toString(), "--pairs", pairs.toString(), "--seed", SEED, "--threads", "2", "--out", out.toString());
    JsonNode analogiesRecord = record("analogies").path("sides");
    JsonNode similarity = record("similarity").path("sides");
    for (int s = 0; s < 2; s++) {
      assertThat(cmd.path("analogies").get(s).path("accuracy").asDouble())
          .isEqualTo(analogiesRecord.get(s).path("cosAdd").path("accuracy").asDouble());
      assertThat(cmd.path("analogies").get(s).path("answered").asInt())
          .isEqualTo(analogiesRecord.get(s).path("cosAdd").path("answered").asInt()).isPositive();
      assertThat(cmd.path("pairs").get(s).get(0).path("spearman").asDouble())
          .isEqualTo(similarity.get(s).path("scores").get(0).path("result").path("spearman").asDouble());
    }
    // s-bar over the pairs both cover, bootstraps on the similarity analysis's stream
    JsonNode sbar = cmd.path("meanSimilarity");
    assertThat(sbar.path("pairs").asInt()).isEqualTo(record("similarity").path("sharedPairs").asInt()).isPositive();
    sameBounds(record("similarity").path("meanA"), sbar.path("meanA"));
    sameBounds(record("similarity").path("meanB"), sbar.path("meanB"));
  }

  @Test
  void spectrum() throws Exception {
    Path json = dir.resolve("spectrum.json");
    CliRun run = CliRun.of("spectrum", "--vectors", vectorsA.toString(), "--vectors", vectorsB.toString(), "-k", "8",
        "--seed", SEED, "--json", json.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode cmd = JSON.readTree(json.toFile()).path("spectra").get(0);
    JsonNode cmp = record("spectra").path("spectra").get(0).path("spectrum");
    assertThat(record("spectra").path("spectra").get(0).path("kind").asText()).isEqualTo("PCA");
    for (int i = 0; i < 8; i++) {
      assertThat(cmd.path("singularValues").get(i).asDouble()).isEqualTo(cmp.path("singularValues").get(i).asDouble());
    }
    assertThat(cmd.path("effectiveRank").asDouble()).isEqualTo(cmp.path("effectiveRank").asDouble());
    // the common-components bootstrap runs on the spectra analysis's stream in both
    JsonNode both = JSON.readTree(json.toFile()).path("common");
    JsonNode common = record("spectra").path("common");
    assertThat(both.path("k").asInt()).isEqualTo(common.path("k").asInt()).isEqualTo(6);
    for (String f : new String[] {"effectiveRankA", "effectiveRankB", "decayA", "decayB"}) {
      assertThat(both.path(f).path("lo").asDouble()).as(f).isEqualTo(common.path(f).path("lo").asDouble());
      assertThat(both.path(f).path("hi").asDouble()).as(f).isEqualTo(common.path(f).path("hi").asDouble());
    }
  }
}
