package org.embdiff.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.embdiff.compare.AnalysisResult;
import org.embdiff.compare.CompareResult;
import org.embdiff.compare.CompareSettings;
import org.embdiff.compare.InputFingerprint;
import org.embdiff.compare.Status;
import org.embdiff.compare.WordTable;
import org.embdiff.compare.analyses.Analyses;
import org.embdiff.compare.analyses.DistributionsAnalysis;
import org.embdiff.compare.analyses.VocabularyAnalysis;
import org.embdiff.io.SideSpec;
import org.embdiff.io.VectorFormatException;
import org.embdiff.text.Tokenizers;
import org.embdiff.util.ProgressListener;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standard analyses on small inputs, asserted on their typed records and on the written folder. */
class CompareRunnerTest {
  @TempDir Path dir;

  private CompareResult run(SideSpec a, SideSpec b) throws Exception {
    CompareSettings settings = new CompareSettings(a, b, null, List.of(), List.of(), List.of("w1", "w2"), 42, 2, 20);
    return Analyses.runner(settings).run(ProgressListener.NONE);
  }

  private static AnalysisResult<?> result(CompareResult r, String id) {
    return r.result(id).orElseThrow();
  }

  @Test
  void onlyVectorsOnEachSideSkipsTheCountAnalysesWithTheReason() throws Exception {
    Path va = ReportFixtures.vectors(dir, "a.txt", ReportFixtures.words(300), 8, 1);
    Path vb = ReportFixtures.vectors(dir, "b.txt", ReportFixtures.words(200), 5, 2);
    CompareResult r = run(new SideSpec("wiki", va, List.of(), null), new SideSpec("twitter", vb, List.of(), null));
    assertThat(result(r, "distributions").status()).isEqualTo(Status.SKIPPED);
    assertThat(result(r, "distributions").reason()).contains("a corpus or a frequency list");
    VocabularyAnalysis.Result vocab = r.record(VocabularyAnalysis.Result.class).orElseThrow();
    assertThat(vocab.vectors().shared()).isEqualTo(206);
    assertThat(vocab.examples().get(0).words()).contains("<user> (pseudo-token)");
    assertThat(vocab.counts()).isNull();
    assertThat(r.header().inputs()).extracting(InputFingerprint::role).containsExactly("vectors", "vectors");
    assertThat(r.header().inputs().get(0).sha256()).isEqualTo(InputFingerprint.sha256(va)).hasSize(64);
    assertThat(r.header().inputs().get(0).dim()).isEqualTo(8);
    for (AnalysisResult<?> x : r.results()) {
      assertThat(x.isOk() || !x.reason().isBlank()).isTrue();
    }
    // a skipped analysis still lists its claims, as not measurable
    assertThat(result(r, "distributions").claims()).extracting(c -> c.id()).containsExactly("zipf.alpha.differs",
        "entropy.b-greater");
  }

  @Test
  void spectrumClaimsOnTinySpacesAreNotMeasurableWithTheMinimumNamed() throws Exception {
    Path va = ReportFixtures.vectors(dir, "a.txt", ReportFixtures.words(5), 4, 1);
    Path vb = ReportFixtures.vectors(dir, "b.txt", ReportFixtures.words(5), 4, 2);
    CompareResult r = run(new SideSpec("wiki", va, List.of(), null), new SideSpec("twitter", vb, List.of(), null));
    SectionView spectra = ReportViews.view(r.record(org.embdiff.compare.analyses.SpectraAnalysis.Result.class).orElseThrow());
    assertThat(spectra.notes()).anyMatch(n -> n.contains("spectrum claims are not measurable")
        && n.contains("at least 5 dimensions and 100 words per side") && n.contains("words x 4"));
    assertThat(r.claims().stream().filter(c -> c.id().contains("rank") || c.id().contains("decay")).toList()).hasSize(2)
        .allMatch(c -> c.verdict() == org.embdiff.claims.Verdict.NOT_MEASURABLE);
  }

  @Test
  void onlyCorporaCountsTokensAndExplainsWhatNeedsVectors() throws Exception {
    Path ca = ReportFixtures.corpus(dir, "a.txt", 400, 12_000, 1);
    Path cb = ReportFixtures.corpus(dir, "b.txt", 300, 9_000, 2);
    CompareResult r = run(new SideSpec("wiki", null, List.of(ca), null), new SideSpec("twitter", null, List.of(cb), null));
    DistributionsAnalysis.Result dist = r.record(DistributionsAnalysis.Result.class).orElseThrow();
    assertThat(dist.sources()).extracting(DistributionsAnalysis.Source::label).containsExactly("wiki corpus", "twitter corpus");
    // 12,000 word tokens plus the tokens of the markup on the last line, as the encyclopedic tokenizer splits them
    String markup = ReportFixtures.HOSTILE.get(0) + " " + ReportFixtures.HOSTILE.get(1);
    assertThat(dist.sources().get(0).report().frequency().tokens())
        .isEqualTo(12_000L + Tokenizers.byName("wiki").tokens(markup).size());
    assertThat(r.tables()).extracting(WordTable::name).contains("counts");
    assertThat(r.header().inputs()).extracting(InputFingerprint::role).containsExactly("corpus", "corpus");
    assertThat(r.header().inputs().get(0).rows()).isEqualTo(1001);
    assertThat(result(r, "shift").reason()).isEqualTo("needs vectors on both sides (wiki has none)");
  }

  @Test
  void onlyFrequencyListsMarksThemTruncated() throws Exception {
    Path fa = ReportFixtures.freq(dir, "a.tsv", 500);
    Path fb = ReportFixtures.freq(dir, "b.tsv", 400);
    CompareResult r = run(new SideSpec("wiki", null, List.of(), fa), new SideSpec("twitter", null, List.of(), fb));
    DistributionsAnalysis.Result dist = r.record(DistributionsAnalysis.Result.class).orElseThrow();
    assertThat(dist.sources()).allMatch(DistributionsAnalysis.Source::truncated);
    // counts 100000 / rank: a rank-frequency exponent of 1
    assertThat(dist.sources().get(0).report().zipf().alpha()).isBetween(0.9, 1.1);
    SectionView view = ReportViews.view(dist);
    assertThat(view.keyTables().get(0).rows().get(3).cells().get(0).text()).isEqualTo("n/a (truncated)");
    assertThat(view.keyTables().get(1).rows()).filteredOn(row -> row.label().startsWith("Heaps"))
        .allMatch(row -> row.cells().stream().allMatch(c -> "n/a (truncated)".equals(c.text())));
    assertThat(view.notes()).anyMatch(n -> n.contains("wiki list") && n.contains("leaves out words"));
    assertThat(view.charts().get(0).series()).extracting(Chart.Series::name).containsExactly("wiki list", "twitter list",
        "wiki list MLE \u03b1=0.99", "wiki list two-regime", "twitter list MLE \u03b1=0.99", "twitter list two-regime");
    assertThat(result(r, "divergence").isOk()).isTrue();
  }

  @Test
  void hostileTokensReachTheReportOnlyAsData() throws Exception {
    Path va = ReportFixtures.vectors(dir, "a.txt", ReportFixtures.words(50), 4, 1);
    Path vb = ReportFixtures.vectors(dir, "b.txt", ReportFixtures.words(40), 4, 2);
    Path fa = ReportFixtures.freq(dir, "a.tsv", 50);
    CompareResult result = run(new SideSpec("wiki", va, List.of(), fa), new SideSpec("twitter", vb, List.of(), null));
    Path out = dir.resolve("report");
    ReportWriter.write(Report.of(result), out);
    String html = Files.readString(out.resolve("index.html"));
    Document doc = Jsoup.parse(html);
    assertThat(doc.select("script")).hasSize(3);
    assertThat(doc.select("img, iframe, object, embed")).isEmpty();
    String json = doc.select("script").get(0).data();
    assertThat(json).doesNotContain("<").doesNotContain(">");
    assertThat(ReportJson.mapper().readTree(json).toString()).contains("</script><script>alert(1)</script>",
        "<img/src=x/onerror=alert(1)>");
    JsonNode report = ReportJson.readTree(Files.readString(out.resolve("report.json")));
    assertThat(report.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(report.toString()).contains("<img/src=x/onerror=alert(1)>");
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
}
