package org.embdiff.compare.analyses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.embdiff.claims.Claim;
import org.embdiff.claims.Verdict;
import org.embdiff.compare.AnalysisSettings;
import org.embdiff.compare.CompareResult;
import org.embdiff.compare.CompareSettings;
import org.embdiff.compare.Status;
import org.embdiff.io.SideSpec;
import org.embdiff.replicate.WordNull;
import org.embdiff.report.HtmlRenderer;
import org.embdiff.report.MarkdownRenderer;
import org.embdiff.report.Report;
import org.embdiff.report.ReportJson;
import org.embdiff.report.ReportViews;
import org.embdiff.testing.BundledData;
import org.embdiff.util.ProgressListener;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlledAnalysisTest {
  static final Path WIKI = BundledData.path("corpora/enwiki-gensim-sample.plain.txt.gz");
  static final Path TWEETS = BundledData.path("corpora/tweeteval-train-sample.txt.gz");

  @TempDir Path cache;

  private CompareResult run(Path corpusA, Path corpusB) throws Exception {
    return run(corpusA, corpusB, AnalysisSettings.Trainer.SGNS, 2);
  }

  private CompareResult run(Path corpusA, Path corpusB, AnalysisSettings.Trainer trainer, int epochs) throws Exception {
    AnalysisSettings.Controlled c = new AnalysisSettings.Controlled(trainer, 10, epochs, 5, 5, 3, 60_000, cache);
    CompareSettings s = new CompareSettings(new SideSpec("a", null, List.of(corpusA), null),
        new SideSpec("b", null, List.of(corpusB), null), null, List.of(), List.of(), List.of(), 7, 2, 50,
        AnalysisSettings.defaults().withControlled(c));
    return Analyses.runner(s, "controlled").run(ProgressListener.NONE);
  }

  private static ControlledAnalysis.Result record(CompareResult r) {
    var result = r.result("controlled").orElseThrow();
    assertThat(result.status()).as(result.reason()).isEqualTo(Status.OK);
    return (ControlledAnalysis.Result) result.record();
  }

  private static Claim claim(CompareResult r) {
    return r.claims().stream().filter(c -> c.id().equals("shift.mean.controlled")).findFirst().orElseThrow();
  }

  @Test
  void twoDomainsTrainedAlikeDifferBeyondTheirNullAndARerunReadsTheCache() throws Exception {
    CompareResult first = run(WIKI, TWEETS);
    ControlledAnalysis.Result r = record(first);
    // one token budget: both sides within one document of 60,000 tokens, both subsampled from larger corpora
    assertThat(r.budget()).isEqualTo(60_000);
    assertThat(r.keptA().subsampled()).isTrue();
    assertThat(r.keptB().subsampled()).isTrue();
    assertThat(Math.abs(r.keptA().tokens() - 60_000)).isLessThan(2_000);
    assertThat(Math.abs(r.keptB().tokens() - 60_000)).isLessThan(200);
    assertThat(r.spacesTrained()).isEqualTo(8);
    assertThat(r.nullValues()).hasSize(6);
    assertThat(r.deltaBar()).isGreaterThan(r.nullUpper());
    assertThat(claim(first).verdict()).isEqualTo(Verdict.SUPPORTED);
    assertThat(r.significant()).isPositive();

    ControlledAnalysis.Result again = record(run(WIKI, TWEETS));
    assertThat(again.spacesTrained()).isZero();
    assertThat(again.spacesCached()).isEqualTo(8);
    assertThat(again.deltaBar()).isEqualTo(r.deltaBar());
    assertThat(again.significant()).isEqualTo(r.significant());

    // the record keeps the whole Benjamini-Hochberg list, smallest q first, and both renderings list every word
    List<String> listed = r.mostSignificant().stream().map(WordNull::word).toList();
    assertThat(listed).hasSize(r.significant());
    assertThat(r.mostSignificant()).allMatch(w -> w.q() <= 0.05).isSortedAccordingTo(ControlledAnalysis.BY_Q);
    Report report = Report.of(first);
    Document html = Jsoup.parse(HtmlRenderer.render(report));
    JsonNode page = ReportJson.mapper().readTree(html.select("script[type=application/json]").first().data());
    List<String> shown = new ArrayList<>();
    for (JsonNode section : page.path("sections")) {
      for (JsonNode table : section.path("data").path("tables")) {
        if (table.path("id").asText().equals("controlled-significant")) {
          table.path("rows").forEach(row -> shown.add(row.get(0).asText()));
        }
      }
    }
    assertThat(shown).containsExactlyElementsOf(listed);
    String md = MarkdownRenderer.render(ReportViews.page(report));
    for (String w : listed) {
      assertThat(md).contains("| " + MarkdownRenderer.escape(w) + " |");
    }
  }

  /**
   * The GloVe path (corpus written out, co-occurrences counted and shuffled, GloVe trained, W + W~):
   * the two domains' Delta-bar is measured against its null, and a rerun trains nothing. At this size
   * (10 dims, 2 iterations, 60k tokens) GloVe's spaces are far from converged and Delta-bar need not
   * clear its null, so only what holds by construction is asserted.
   */
  @Test
  void gloveSpacesTrainedAlikeMakeTheMeanShiftMeasurableAndARerunReadsTheCache() throws Exception {
    CompareResult first = run(WIKI, TWEETS, AnalysisSettings.Trainer.GLOVE, 2);
    ControlledAnalysis.Result r = record(first);
    assertThat(r.trainer()).startsWith("glove");
    assertThat(r.spacesTrained()).isEqualTo(8);
    assertThat(r.spacesCached()).isZero();
    assertThat(r.nullValues()).hasSize(6);
    assertThat(Arrays.stream(r.nullValues()).allMatch(Double::isFinite)).isTrue();
    assertThat(r.nullLower()).isLessThan(r.nullUpper());
    assertThat(Double.isFinite(r.deltaBar())).isTrue();
    assertThat(claim(first).verdict()).isNotEqualTo(Verdict.NOT_MEASURABLE);

    CompareResult second = run(WIKI, TWEETS, AnalysisSettings.Trainer.GLOVE, 2);
    ControlledAnalysis.Result again = record(second);
    assertThat(again.spacesTrained()).isZero();
    assertThat(again.spacesCached()).isEqualTo(8);
    assertThat(again.deltaBar()).isEqualTo(r.deltaBar());
    assertThat(again.nullValues()).containsExactly(r.nullValues());
    assertThat(claim(second).verdict()).isEqualTo(claim(first).verdict());
  }

  /** One corpus on both sides: the whole-budget spaces differ by their seeds only, so Delta-bar stays at or below its null. */
  @Test
  void oneDomainAgainstItselfStaysWithinItsNull() throws Exception {
    CompareResult same = run(WIKI, WIKI);
    ControlledAnalysis.Result r = record(same);
    assertThat(claim(same).verdict()).isNotEqualTo(Verdict.SUPPORTED);
    assertThat(r.deltaBar()).isLessThan(r.nullUpper());
    assertThat(r.significant()).isLessThanOrEqualTo((int) Math.ceil(0.05 * r.tested()));
  }
}
