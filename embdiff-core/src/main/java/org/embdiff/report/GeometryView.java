package org.embdiff.report;

import java.util.ArrayList;
import java.util.List;
import org.embdiff.compare.analyses.GeometryAnalysis;
import org.embdiff.geometry.GeometryResult;

/** The view of {@link GeometryAnalysis.Result}. */
final class GeometryView {
  private GeometryView() {}

  static SectionView of(GeometryAnalysis.Result r) {
    SectionView.Builder view = new SectionView.Builder(
        "An isotropic space uses all directions equally: random word pairs have mean cosine near 0 and the partition "
            + "ratio is near 1. Frequent words often get longer vectors (norm vs rank). Hubs are words that are the "
            + "nearest neighbour of unusually many others (a skewed k-occurrence distribution), which hurts neighbour "
            + "search and analogies.");
    List<String> names = r.sides().stream().map(GeometryAnalysis.SideGeometry::side).toList();
    List<GeometryResult> results = r.sides().stream().map(GeometryAnalysis.SideGeometry::geometry).toList();
    KeyTable.Builder key = new KeyTable.Builder("Isotropy, norms and hubness", names);
    key.row("mean cosine of random pairs", "95% bootstrap", results.stream()
        .map(x -> Cell.of(x.meanCosine().estimate(), x.meanCosine().lower(), x.meanCosine().upper())).toArray(Cell[]::new));
    key.row("partition ratio min Z / max Z", "Mu & Viswanath 2018; 1 = isotropic",
        results.stream().map(x -> Cell.of(x.partitionRatio())).toArray(Cell[]::new));
    key.row("partition ratio, centred", null, results.stream().map(x -> Cell.of(x.partitionRatioCentred())).toArray(Cell[]::new));
    key.row("median vector norm", null, results.stream().map(x -> Cell.of(x.norms().median())).toArray(Cell[]::new));
    key.row("Spearman(norm, frequency rank)", "negative: frequent words are longer",
        results.stream().map(x -> Cell.of(x.normRankSpearman())).toArray(Cell[]::new));
    key.row("k-occurrence skewness", "hubness, k = " + results.get(0).hubnessK() + "; Radovanovi\u0107 et al. 2010",
        results.stream().map(x -> Cell.of(x.kOccurrenceSkewness())).toArray(Cell[]::new));
    key.row("anti-hub share", "words in nobody's k-NN list", results.stream().map(x -> Cell.of(x.antiHubShare())).toArray(Cell[]::new));
    view.keyTable(key.build());
    List<Chart.Series> norms = new ArrayList<>();
    for (GeometryAnalysis.SideGeometry s : r.sides()) {
      norms.add(new Chart.Series(s.side(), "scatter", s.normsByRank(), null));
    }
    view.chart(Chart.xy("norm-vs-rank", "Vector norm against frequency rank (row order)", "rank", "L2 norm", true, false, norms,
        "Every " + r.sides().get(0).normStep() + "th word."));
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      for (GeometryResult.Hub h : results.get(i).hubs()) {
        rows.add(List.of(names.get(i), h.word(), h.occurrences()));
      }
    }
    view.table(new DataTable("hubs", "The largest hubs", List.of(new DataTable.Column("side", "side", "text"),
        new DataTable.Column("word", "word", "text"), new DataTable.Column("occurrences", "in k-NN lists of", "number")),
        rows, true, null));
    return view.build();
  }
}
