package org.embdiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box tests of {@code validate} and {@code shift --gold}: output, files, exit codes, one-line errors. */
class ValidateAndGoldCommandsTest {
  static final Path WIKI = Path.of("..", "data", "corpora", "enwiki-gensim-sample.plain.txt.gz");
  static final double[] LEVELS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

  @TempDir Path dir;

  @Test
  void validateWritesTheTableTheGoldAndAFrequencyBaselineAtChance() throws IOException {
    Path out = dir.resolve("val");
    CliRun r = CliRun.of("validate", WIKI.toString(), "--out", out.toString(), "--lines", "1500", "--dim", "10",
        "--epochs", "1", "--target-min-count", "15", "--strata", "1", "--threads", "1", "--seed", "3");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("22 scored words in 1 strata").contains("design swap");
    for (String m : List.of("delta", "delta z", "cosine", "overlap10", "overlap100", "second-order", "second-order z")) {
      assertThat(r.out()).contains("| " + m + " | ");
    }
    // counts are unchanged by the swap, so |log fA - log fB| is 0 for every word: rho 0 by construction
    assertThat(r.out()).contains("| frequency |log fA - log fB| | 0.000 | ").contains("| rarity -log fA | ");
    assertThat(r.out()).containsPattern("best: +\\S.*, Spearman -?\\d\\.\\d{3} vs ");
    List<String> gold = Files.readAllLines(out.resolve("gold.tsv"));
    assertThat(gold).hasSize(22);
    Map<Double, Integer> perLevel = new HashMap<>();
    for (String line : gold) {
      String[] f = line.split("\t");
      assertThat(f).hasSize(2);
      perLevel.merge(Double.parseDouble(f[1]), 1, Integer::sum);
    }
    for (double p : LEVELS) {
      assertThat(perLevel.get(p)).as("words at p = " + p).isEqualTo(2);
    }
    JsonNode json = new ObjectMapper().readTree(out.resolve("validation.json").toFile());
    assertThat(json.get("design").asText()).isEqualTo("SWAP");
    JsonNode partners = json.get("partners");
    partners.fields().forEachRemaining(e -> assertThat(partners.get(e.getValue().asText()).asText()).isEqualTo(e.getKey()));
    assertThat(Files.readString(out.resolve("validation.md"))).contains("injection swap").contains("| delta | ");
  }

  @Test
  void validateRejectsBadSettingsInOneLineAndWritesNothing() throws IOException {
    Path out = dir.resolve("none");
    Path tiny = dir.resolve("tiny.txt");
    Files.writeString(tiny, "the cat sat on the mat\nthe dog sat on the log\n");
    List<String[]> cases = List.of(
        new String[] {"validate", WIKI.toString(), "--out", out.toString(), "--design", "shuffle"},
        new String[] {"validate", WIKI.toString(), "--out", out.toString(), "--replicates", "2"},
        new String[] {"validate", tiny.toString(), "--out", out.toString(), "--min-count", "1"},
        new String[] {"validate", dir.resolve("absent.txt").toString(), "--out", out.toString()});
    List<String> expected = List.of("swap or replace", "replicates must be >= 3", "eligible words", "absent.txt");
    for (int i = 0; i < cases.size(); i++) {
      CliRun r = CliRun.of(cases.get(i));
      assertThat(r.exit()).as(String.join(" ", cases.get(i)) + ": " + r.err()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
      assertThat(r.err()).startsWith("embdiff: error: ").contains(expected.get(i)).doesNotContain("\tat ");
      assertThat(out).doesNotExist();
    }
    // an unknown measure is a value picocli refuses: a usage error naming the value and the choices
    CliRun unknown = CliRun.of("validate", WIKI.toString(), "--out", out.toString(), "--measure", "delta,nonsense");
    assertThat(unknown.exit()).as(unknown.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("nonsense").contains("delta, cosine").doesNotContain("\tat ");
    assertThat(out).doesNotExist();
  }

  /**
   * A random space A and a copy B where each gold word is rotated by theta = p pi/2 towards a
   * random orthogonal direction (every other word unchanged), so its cosine distance after
   * alignment is 1 - cos(theta), increasing in p: Delta_w and cosine must rank the gold exactly
   * up to the alignment's residual on the p = 0 words.
   */
  @Test
  void shiftGoldScoresEveryMeasureAgainstAKnownRotation() throws IOException {
    int n = 1200, d = 20;
    Random random = new Random(11);
    List<String> words = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      words.add("w" + (char) ('a' + i / 676) + (char) ('a' + i / 26 % 26) + (char) ('a' + i % 26) + "x");
    }
    float[][] a = new float[n][d];
    for (float[] row : a) {
      for (int j = 0; j < d; j++) {
        row[j] = (float) random.nextGaussian();
      }
    }
    float[][] b = new float[n][];
    for (int i = 0; i < n; i++) {
      b[i] = a[i].clone();
    }
    StringBuilder gold = new StringBuilder("# injected rotations\n");
    int w = 100;
    for (double p : LEVELS) {
      for (int rep = 0; rep < 2; rep++, w++) {
        b[w] = rotated(a[w], p * Math.PI / 2, random);
        gold.append(words.get(w)).append("_nn\t").append(p).append('\n');
      }
    }
    Path fa = write(dir.resolve("a.txt"), words, a);
    Path fb = write(dir.resolve("b.txt"), words, b);
    Path goldFile = dir.resolve("gold.tsv");
    Files.writeString(goldFile, gold);
    CliRun r = CliRun.of("shift", fa.toString(), fb.toString(), "--gold", goldFile.toString(), "--gold-strip-pos");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("gold: 22 words, 22 scored (0 not shared), 12 with gold >= 0.5, 2 with gold 0");
    Map<String, double[]> rows = goldRows(r.out());
    assertThat(rows).containsKeys("delta", "cosine", "overlap10", "overlap100", "second-order");
    assertThat(rows.get("delta")[0]).isGreaterThan(0.97);
    assertThat(rows.get("delta")[1]).isEqualTo(1.0);
    assertThat(rows.get("cosine")[0]).isEqualTo(rows.get("delta")[0]);

    CliRun unstripped = CliRun.of("shift", fa.toString(), fb.toString(), "--gold", goldFile.toString());
    assertThat(unstripped.exit()).as(unstripped.err()).isZero();
    assertThat(unstripped.out()).contains("gold: 22 words, 0 scored (22 not shared)");
  }

  @Test
  void shiftGoldRejectsAMalformedOrMissingFileInOneLineBeforeAnyWork() throws IOException {
    Path vectors = Path.of("..", "data", "embeddings", "glove.twitter.27B.25d.embedplyr12k.txt.gz");
    Path bad = dir.resolve("bad.tsv");
    Files.writeString(bad, "plane\t0.9\nbit\tmuch\n");
    Path empty = dir.resolve("empty.tsv");
    Files.writeString(empty, "# nothing\n\n");
    Map<Path, String> expected = Map.of(bad, "'much' is not a number: " + bad + ":2", empty, "has no entries",
        dir.resolve("absent.tsv"), "absent.tsv");
    for (var e : expected.entrySet()) {
      CliRun r = CliRun.of("shift", vectors.toString(), vectors.toString(), "--gold", e.getKey().toString());
      assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
      assertThat(r.err()).startsWith("embdiff: error: ").contains(e.getValue()).doesNotContain("\tat ");
      assertThat(r.out()).isEmpty();
    }
  }

  private static float[] rotated(float[] v, double theta, Random random) {
    int d = v.length;
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    double[] u = new double[d];
    double dot = 0;
    for (int j = 0; j < d; j++) {
      u[j] = random.nextGaussian();
      dot += u[j] * v[j] / norm;
    }
    double un = 0;
    for (int j = 0; j < d; j++) {
      u[j] -= dot * v[j] / norm;
      un += u[j] * u[j];
    }
    un = Math.sqrt(un);
    float[] out = new float[d];
    for (int j = 0; j < d; j++) {
      out[j] = (float) (Math.cos(theta) * v[j] + Math.sin(theta) * norm * u[j] / un);
    }
    return out;
  }

  private static Path write(Path file, List<String> words, float[][] m) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      sb.append(words.get(i));
      for (float x : m[i]) {
        sb.append(' ').append(String.format(Locale.ROOT, "%.6f", x));
      }
      sb.append('\n');
    }
    Files.writeString(file, sb);
    return file;
  }

  /** measure -> {Spearman, AP} from the gold table of {@code shift --gold}. */
  private static Map<String, double[]> goldRows(String out) {
    Map<String, double[]> rows = new HashMap<>();
    Matcher m = Pattern.compile("(?m)^  (\\S+) +(-?[\\d.]+|NaN) +(-?[\\d.]+|NaN)$").matcher(out.substring(out.indexOf("gold:")));
    while (m.find()) {
      rows.put(m.group(1), new double[] {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))});
    }
    return rows;
  }
}
