package org.embdiff.report;

import java.util.ArrayList;
import java.util.List;
import org.embdiff.compare.analyses.SimilarityAnalysis;
import org.embdiff.inference.Interval;
import org.embdiff.eval.PairSimilarityResult;

/** The view of {@link SimilarityAnalysis.Result}. */
final class SimilarityView {
  private SimilarityView() {}

  static SectionView of(SimilarityAnalysis.Result r) {
    List<String> names = r.sides().stream().map(SimilarityAnalysis.SideScores::side).toList();
    List<String> benchmarks = r.benchmarks().stream().map(SimilarityAnalysis.Benchmark::name).toList();
    SectionView.Builder view = new SectionView.Builder(
        "Human similarity judgements of word pairs against the cosine of their vectors: Spearman's \u03c1 measures how "
            + "well a space orders pairs as people do. A side that lacks many words (OOV) is scored on fewer pairs. "
            + "s\u0304 is the mean cosine of the benchmark pairs both sides know: a space with a higher s\u0304 packs "
            + "words closer together.");
    List<Chart.Series> bars = new ArrayList<>();
    for (SimilarityAnalysis.SideScores s : r.sides()) {
      List<double[]> points = new ArrayList<>();
      for (int i = 0; i < s.scores().size(); i++) {
        PairSimilarityResult x = s.scores().get(i).result();
        if (x.found() > 3) {
          points.add(new double[] {i, x.spearman()});
        }
      }
      bars.add(new Chart.Series(s.side(), "bar", points, null));
    }
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < benchmarks.size(); i++) {
      List<Object> row = new ArrayList<>();
      row.add(benchmarks.get(i));
      row.add(r.benchmarks().get(i).pairs());
      for (SimilarityAnalysis.SideScores s : r.sides()) {
        SimilarityAnalysis.Score score = s.scores().get(i);
        row.add(score.result().found());
        row.add(score.result().oovPercent());
        row.add(finite(score.result().spearman()));
        row.add(score.spearman() == null ? null : score.spearman().lower());
        row.add(score.spearman() == null ? null : score.spearman().upper());
      }
      rows.add(row);
    }
    List<DataTable.Column> columns = new ArrayList<>();
    columns.add(new DataTable.Column("benchmark", "benchmark", "text"));
    columns.add(new DataTable.Column("pairs", "pairs", "number"));
    for (String n : names) {
      columns.add(new DataTable.Column("found_" + n, n + " found", "number"));
      columns.add(new DataTable.Column("oov_" + n, n + " OOV %", "number"));
      columns.add(new DataTable.Column("spearman_" + n, n + " Spearman", "number"));
      columns.add(new DataTable.Column("lo_" + n, n + " 95% lo", "number"));
      columns.add(new DataTable.Column("hi_" + n, n + " 95% hi", "number"));
    }
    view.chart(new Chart("similarity-spearman", "bar", "Spearman \u03c1 per benchmark", "benchmark", "Spearman \u03c1", false,
        false, bars, benchmarks, null, "Only pairs a side knows are scored; see the OOV column."));
    view.table(new DataTable("similarity", "Benchmarks", columns, rows, true,
        "Intervals: Fisher z with variance 1.06/(n\u22123) (Fieller, Hartley & Pearson 1957)."));
    if (r.meanA() != null && r.meanB() != null) {
      Interval ea = r.meanA();
      Interval eb = r.meanB();
      view.keyTable(new KeyTable.Builder("Mean similarity s\u0304 over the pairs both sides cover", names)
          .row("s\u0304 (mean cosine)", r.sharedPairs() + " distinct pairs; 95% bootstrap interval",
              Cell.of(ea.estimate(), ea.lower(), ea.upper()), Cell.of(eb.estimate(), eb.lower(), eb.upper()))
          .row("mean Spearman over benchmarks", "unweighted", Cell.of(r.sides().get(0).meanSpearman()),
              Cell.of(r.sides().get(1).meanSpearman()))
          .build());
    }
    view.note("Lookup as gensim's evaluate_word_pairs: case-insensitive, the " + r.restrictVocab() + " most frequent words.");
    return view.build();
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
