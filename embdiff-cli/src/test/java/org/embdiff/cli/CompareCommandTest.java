package org.embdiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
  @TempDir Path dir;

  private Path vectors(String name, int words, int dim, long seed) throws Exception {
    Random random = new Random(seed);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sb.append(i == 0 ? "<img/src=x/onerror=alert(1)>" : "w" + i);
      for (int d = 0; d < dim; d++) {
        sb.append(' ').append(String.format(Locale.ROOT, "%.4f", random.nextGaussian()));
      }
      sb.append('\n');
    }
    return Files.writeString(dir.resolve(name), sb);
  }

  private Path freq(String name, int words) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sb.append("w").append(i).append('\t').append(10_000 / (i + 1) + 1).append('\n');
    }
    return Files.writeString(dir.resolve(name), sb);
  }

  private Path corpus(String name, int lines) throws Exception {
    StringBuilder sb = new StringBuilder();
    Random random = new Random(name.hashCode());
    for (int i = 0; i < lines; i++) {
      for (int t = 0; t < 10; t++) {
        sb.append("w").append((int) Math.floor(Math.exp(random.nextDouble() * 5))).append(' ');
      }
      sb.append('\n');
    }
    return Files.writeString(dir.resolve(name), sb);
  }

  private JsonNode json(Path out) throws Exception {
    return new ObjectMapper().readTree(Files.readString(out.resolve("report.json")));
  }

  private static JsonNode section(JsonNode report, String id) {
    for (JsonNode s : report.path("results")) {
      if (s.path("id").asText().equals(id)) {
        return s;
      }
    }
    throw new AssertionError("no result " + id);
  }

  @Test
  void vectorsOnlyWithDefaultNamesWritesAReportWithSkipsExplained() throws Exception {
    Path out = dir.resolve("r1");
    CliRun run = CliRun.of("compare", "--a", "vectors:" + vectors("a.txt", 120, 6, 1), "--b", vectors("b.txt", 90, 4, 2).toString(),
        "--no-bundled-eval", "--out", out.toString(), "--threads", "2");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("Report: " + out.toAbsolutePath().resolve("index.html")).contains("Skipped or failed:")
        .contains("total (wall clock)");
    JsonNode report = json(out);
    assertThat(report.path("header").path("sideA").asText()).isEqualTo("wiki");
    assertThat(report.path("header").path("sideB").asText()).isEqualTo("twitter");
    assertThat(section(report, "distributions").path("status").asText()).isEqualTo("skipped");
    assertThat(section(report, "distributions").path("reason").asText()).contains("corpus or a frequency list");
    assertThat(section(report, "vocabulary").path("status").asText()).isEqualTo("ok");
    assertThat(section(report, "geometry").path("status").asText()).isEqualTo("ok");
    assertThat(section(report, "spectra").path("status").asText()).isEqualTo("ok");
    assertThat(section(report, "cooccurrence").path("reason").asText()).contains("needs a corpus");
    assertThat(section(report, "analogies").path("reason").asText()).contains("no analogy file");
    assertThat(report.path("schemaVersion").asInt()).isEqualTo(2);
    assertThat(report.path("claims").size()).isGreaterThanOrEqualTo(13);
    assertThat(section(report, "vocabulary").path("record").path("vectors").path("shared").asLong()).isEqualTo(90);
    assertThat(Files.readString(out.resolve("index.html"))).doesNotContain("<img/src");
  }

  @Test
  void corporaOnlyAndFrequencyListsOnlyBothWriteReports() throws Exception {
    Path out1 = dir.resolve("corpora");
    CliRun run1 = CliRun.of("compare", "--a", "news=corpus:" + corpus("a.txt", 300), "--b", "chat=corpus:" + corpus("b.txt", 200),
        "--no-bundled-eval", "--out", out1.toString());
    assertThat(run1.exit()).as(run1.err()).isZero();
    JsonNode r1 = json(out1);
    assertThat(r1.path("header").path("sideA").asText()).isEqualTo("news");
    assertThat(section(r1, "distributions").path("record").path("sources").get(0).path("report").path("frequency")
        .path("tokens").asLong()).isEqualTo(3000);
    assertThat(Files.exists(out1.resolve("counts.csv"))).isTrue();
    assertThat(section(r1, "cooccurrence").path("status").asText()).isEqualTo("ok");
    assertThat(section(r1, "shift").path("reason").asText()).contains("needs vectors on both sides");
    assertThat(section(r1, "transfer").path("reason").asText()).contains("needs vectors on both sides");

    Path out2 = dir.resolve("freq");
    CliRun run2 = CliRun.of("compare", "--a", "wiki=freq:" + freq("a.tsv", 500), "--b", "twitter=freq:" + freq("b.tsv", 300),
        "--no-bundled-eval", "--out", out2.toString());
    assertThat(run2.exit()).as(run2.err()).isZero();
    JsonNode r2 = json(out2);
    assertThat(section(r2, "vocabulary").path("record").path("counts").path("shared").asLong()).isEqualTo(300);
    assertThat(Files.readString(out2.resolve("report.md"))).contains("## Shared vocabulary").contains("| shared | n/a | 300 |");
    assertThat(section(r2, "divergence").path("status").asText()).isEqualTo("ok");
    assertThat(section(r2, "cooccurrence").path("reason").asText()).contains("needs a corpus");
    assertThat(section(r2, "geometry").path("reason").asText()).contains("needs vectors");
  }

  @Test
  void badInputIsOneLineAndExitCodeOne() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.txt"), "a 1 2\nb 1\n");
    Path out = dir.resolve("never");
    CliRun run = CliRun.of("compare", "--a", "vectors:" + bad, "--b", vectors("b.txt", 10, 2, 1).toString(),
        "--no-bundled-eval", "--out", out.toString());
    assertThat(run.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err().strip()).startsWith("embdiff: error:").contains("bad.txt:2").doesNotContain("\n");
    assertThat(Files.exists(out)).isFalse();

    CliRun missing = CliRun.of("compare", "--a", "vectors:" + dir.resolve("nope.txt"), "--b", bad.toString(), "--out", out.toString());
    assertThat(missing.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(missing.err()).contains("side 'wiki': no such file").contains("nope.txt");

    CliRun usage = CliRun.of("compare", "--a", "wiki=vectors:" + bad);
    assertThat(usage.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(usage.err()).contains("--b");

    CliRun kind = CliRun.of("compare", "--a", "wiki=vec:" + bad + ",bogus:x", "--b", bad.toString());
    assertThat(kind.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(kind.err()).contains("unknown input kind 'bogus'");
  }
}
