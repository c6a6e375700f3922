package org.embdiff.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.embdiff.io.SideSpec;
import org.embdiff.io.VectorFormatException;
import org.embdiff.text.Tokenizers;
import org.embdiff.util.ProgressListener;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareRunnerTest {
  @TempDir Path dir;

  private CompareRunner.Result run(SideSpec a, SideSpec b) throws Exception {
    CompareSettings settings = new CompareSettings(a, b, null, List.of(), List.of(), List.of("w1", "w2"), 42, 2, 20);
    return new CompareRunner(settings).run(ProgressListener.NONE);
  }

  private static Section section(Report r, String id) {
    return r.section(id).orElseThrow();
  }

  @Test
  void onlyVectorsOnEachSideSkipsTheCountAnalysesWithTheReason() throws Exception {
    Path va = ReportFixtures.vectors(dir, "a.txt", ReportFixtures.words(300), 8, 1);
    Path vb = ReportFixtures.vectors(dir, "b.txt", ReportFixtures.words(200), 5, 2);
    Report r = run(new SideSpec("wiki", va, List.of(), null), new SideSpec("twitter", vb, List.of(), null)).report();
    assertThat(section(r, "distributions").status()).isEqualTo("skipped");
    assertThat(section(r, "distributions").reason()).contains("corpus or a frequency list");
    Section vocab = section(r, "vocabulary");
    assertThat(vocab.isOk()).isTrue();
    KeyTable sizes = ((SectionView) vocab.data()).keyTables().get(0);
    assertThat(sizes.rows().get(2).cells().get(0).v()).isEqualTo(206.0);
    assertThat(((SectionView) vocab.data()).tables().get(0).rows().get(0).get(2).toString()).contains("<user> (pseudo-token)");
    assertThat(sizes.rows().get(2).cells().get(1).text()).isEqualTo("n/a");
    assertThat(r.header().inputs()).extracting(InputFingerprint::role).containsExactly("vectors", "vectors");
    assertThat(r.header().inputs().get(0).sha256()).isEqualTo(InputFingerprint.sha256(va)).hasSize(64);
    assertThat(r.header().inputs().get(0).dim()).isEqualTo(8);
    for (Section s : r.sections()) {
      assertThat(s.isOk() || !s.reason().isBlank()).isTrue();
    }
  }

  @Test
  void spectrumClaimsOnTinySpacesAreNotMeasurableWithTheMinimumNamed() throws Exception {
    Path va = ReportFixtures.vectors(dir, "a.txt", ReportFixtures.words(5), 4, 1);
    Path vb = ReportFixtures.vectors(dir, "b.txt", ReportFixtures.words(5), 4, 2);
    Report r = run(new SideSpec("wiki", va, List.of(), null), new SideSpec("twitter", vb, List.of(), null)).report();
    SectionView spectra = (SectionView) section(r, "spectra").data();
    assertThat(spectra.notes()).anyMatch(n -> n.contains("spectrum claims are not measurable")
        && n.contains("at least 5 dimensions and 100 words per side") && n.contains("wiki has 5 words x 4"));
    List<ClaimRow> rows = ((ClaimsView) r.claims().data()).rows();
    assertThat(rows.stream().filter(c -> c.id().contains("rank") || c.id().contains("decay")).toList()).hasSize(2)
        .allMatch(c -> c.verdict().equals("not measurable"));
  }

  @Test
  void onlyCorporaCountsTokensAndExplainsWhatNeedsVectors() throws Exception {
    Path ca = ReportFixtures.corpus(dir, "a.txt", 400, 12_000, 1);
    Path cb = ReportFixtures.corpus(dir, "b.txt", 300, 9_000, 2);
    CompareRunner.Result result = run(new SideSpec("wiki", null, List.of(ca), null), new SideSpec("twitter", null, List.of(cb), null));
    Report r = result.report();
    Section dist = section(r, "distributions");
    assertThat(dist.isOk()).isTrue();
    KeyTable counts = ((SectionView) dist.data()).keyTables().get(0);
    assertThat(counts.columns()).containsExactly("wiki corpus", "twitter corpus");
    // 12,000 word tokens plus the tokens of the markup on the last line, as the encyclopedic tokenizer splits them
    String markup = ReportFixtures.HOSTILE.get(0) + " " + ReportFixtures.HOSTILE.get(1);
    assertThat(counts.rows().get(0).cells().get(0).v()).isEqualTo(12_000.0 + Tokenizers.byName("wiki").tokens(markup).size());
    assertThat(result.tables()).extracting(WordTable::name).contains("counts");
    assertThat(r.header().inputs()).extracting(InputFingerprint::role).containsExactly("corpus", "corpus");
    assertThat(r.header().inputs().get(0).rows()).isEqualTo(1001);
  }

  @Test
  void onlyFrequencyListsMarksThemTruncated() throws Exception {
    Path fa = ReportFixtures.freq(dir, "a.tsv", 500);
    Path fb = ReportFixtures.freq(dir, "b.tsv", 400);
    Report r = run(new SideSpec("wiki", null, List.of(), fa), new SideSpec("twitter", null, List.of(), fb)).report();
    SectionView dist = (SectionView) section(r, "distributions").data();
    assertThat(dist.keyTables().get(0).rows().get(3).cells().get(0).text()).isEqualTo("n/a (truncated)");
    assertThat(dist.keyTables().get(1).rows()).filteredOn(row -> row.label().startsWith("Heaps"))
        .allMatch(row -> row.cells().stream().allMatch(c -> "n/a (truncated)".equals(c.text())));
    assertThat(dist.notes()).anyMatch(n -> n.contains("wiki list") && n.contains("leaves out words"));
    assertThat(dist.charts().get(0).series()).extracting(Chart.Series::name).containsExactly("wiki list", "twitter list",
        "wiki list MLE \u03b1=0.99", "wiki list two-regime", "twitter list MLE \u03b1=0.99", "twitter list two-regime");
    KeyTable fits = dist.keyTables().get(1);
    assertThat(fits.rows().get(0).label()).startsWith("Zipf");
    // counts 100000 / rank: a rank-frequency exponent of 1
    assertThat(fits.rows().get(0).cells().get(0).v()).isBetween(0.9, 1.1);
    Section divergence = section(r, "divergence");
    assertThat(divergence.isOk()).isTrue();
  }

  @Test
  void hostileTokensReachTheReportOnlyAsData() throws Exception {
    Path va = ReportFixtures.vectors(dir, "a.txt", ReportFixtures.words(50), 4, 1);
    Path vb = ReportFixtures.vectors(dir, "b.txt", ReportFixtures.words(40), 4, 2);
    Path fa = ReportFixtures.freq(dir, "a.tsv", 50);
    CompareRunner.Result result = run(new SideSpec("wiki", va, List.of(), fa), new SideSpec("twitter", vb, List.of(), null));
    Path out = dir.resolve("report");
    ReportWriter.write(result.report(), result.tables(), out);
    String html = Files.readString(out.resolve("index.html"));
    Document doc = Jsoup.parse(html);
    assertThat(doc.select("script")).hasSize(3);
    assertThat(doc.select("img, iframe, object, embed")).isEmpty();
    String json = doc.select("script").get(0).data();
    assertThat(json).doesNotContain("<").doesNotContain(">");
    JsonNode tree = ReportJson.readTree(json);
    assertThat(tree.toString()).contains("</script><script>alert(1)</script>", "<img/src=x/onerror=alert(1)>");
    assertThat(ReportJson.readTree(Files.readString(out.resolve("report.json"))).toString())
        .contains("<img/src=x/onerror=alert(1)>");
    assertThat(Files.readString(out.resolve("report.md"))).doesNotContain("<img").doesNotContain("</script");
    assertThat(Files.readAllLines(out.resolve("counts.csv")).get(0)).isEqualTo("side,source,rank,word,count,relative_frequency");
  }

  @Test
  void aMalformedInputAbortsWithFileAndLine() throws IOException {
    Path bad = dir.resolve("bad.txt");
    Files.writeString(bad, "a 1 2\nb 1\n");
    Path good = ReportFixtures.vectors(dir, "b.txt", ReportFixtures.words(10), 2, 2);
    assertThatThrownBy(() -> run(new SideSpec("wiki", bad, List.of(), null), new SideSpec("twitter", good, List.of(), null)))
        .isInstanceOf(VectorFormatException.class).hasMessageContaining("bad.txt:2");
  }

  @Test
  void anAnalysisThatThrowsBecomesAFailedSection() throws Exception {
    Path va = ReportFixtures.vectors(dir, "a.txt", ReportFixtures.words(10), 2, 1);
    Analysis boom = new Analysis() {
      @Override
      public String id() {
        return "boom";
      }

      @Override
      public String title() {
        return "Boom";
      }

      @Override
      public Section run(CompareContext context) {
        throw new IllegalStateException("went wrong on purpose");
      }
    };
    CompareSettings settings = new CompareSettings(new SideSpec("wiki", va, List.of(), null),
        new SideSpec("twitter", va, List.of(), null), null, List.of(), List.of(), null, 1, 1, 10);
    Report r = new CompareRunner(settings, List.of(boom), boom).run(ProgressListener.NONE).report();
    assertThat(r.sections().get(0).status()).isEqualTo("failed");
    assertThat(r.sections().get(0).reason()).isEqualTo("went wrong on purpose");
    assertThat(r.header().stages()).extracting(StageTiming::status).contains("failed", "ok");
  }
}
