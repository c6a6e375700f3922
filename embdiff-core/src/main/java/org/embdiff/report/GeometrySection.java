package org.embdiff.report;

import java.util.ArrayList;
import java.util.List;
import org.embdiff.geometry.Geometry;
import org.embdiff.geometry.GeometryResult;
import org.embdiff.geometry.GeometrySettings;
import org.embdiff.vec.EmbeddingSpace;

/**
 * SPEC 3, geometry of each space: isotropy (mean cosine of random pairs; Mu &amp; Viswanath's
 * partition-function ratio), vector norm against frequency rank, and hubness.
 */
final class GeometrySection implements Analysis {
  static final String ID = "geometry";
  static final String TITLE = "Geometry";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return TITLE;
  }

  @Override
  public int expectedCost() {
    return 8;
  }

  @Override
  public Section run(CompareContext context) throws Exception {
    List<Side> sides = new ArrayList<>();
    for (Side s : List.of(context.a(), context.b())) {
      if (s.hasVectors()) {
        sides.add(s);
      }
    }
    if (sides.isEmpty()) {
      return Section.skipped(ID, TITLE, "needs vectors on at least one side");
    }
    List<GeometryResult> results = new ArrayList<>();
    for (Side s : sides) {
      results.add(Geometry.analyze(s.vectors().space(), GeometrySettings.defaults().withSeed(context.settings().seed())));
    }
    SectionView.Builder view = new SectionView.Builder(
        "An isotropic space uses all directions equally: random word pairs have mean cosine near 0 and the partition "
            + "ratio is near 1. Frequent words often get longer vectors (norm vs rank). Hubs are words that are the "
            + "nearest neighbour of unusually many others (a skewed k-occurrence distribution), which hurts neighbour "
            + "search and analogies.");
    List<String> names = sides.stream().map(Side::name).toList();
    KeyTable.Builder key = new KeyTable.Builder("Isotropy, norms and hubness", names);
    key.row("mean cosine of random pairs", "95% bootstrap", results.stream()
        .map(r -> Cell.of(r.meanCosine().estimate(), r.meanCosine().lower(), r.meanCosine().upper())).toArray(Cell[]::new));
    key.row("partition ratio min Z / max Z", "Mu & Viswanath 2018; 1 = isotropic",
        results.stream().map(r -> Cell.of(r.partitionRatio())).toArray(Cell[]::new));
    key.row("partition ratio, centred", null, results.stream().map(r -> Cell.of(r.partitionRatioCentred())).toArray(Cell[]::new));
    key.row("median vector norm", null, results.stream().map(r -> Cell.of(r.norms().median())).toArray(Cell[]::new));
    key.row("Spearman(norm, frequency rank)", "negative: frequent words are longer",
        results.stream().map(r -> Cell.of(r.normRankSpearman())).toArray(Cell[]::new));
    key.row("k-occurrence skewness", "hubness, k = " + results.get(0).hubnessK() + "; Radovanovi\u0107 et al. 2010",
        results.stream().map(r -> Cell.of(r.kOccurrenceSkewness())).toArray(Cell[]::new));
    key.row("anti-hub share", "words in nobody's k-NN list", results.stream().map(r -> Cell.of(r.antiHubShare())).toArray(Cell[]::new));
    view.keyTable(key.build());
    List<Chart.Series> norms = new ArrayList<>();
    for (Side s : sides) {
      EmbeddingSpace space = s.vectors().space();
      List<double[]> pts = new ArrayList<>();
      int step = Math.max(1, space.size() / 1500);
      for (int r = 0; r < space.size(); r += step) {
        pts.add(new double[] {r + 1, space.norm(r)});
      }
      norms.add(new Chart.Series(s.name(), "scatter", pts, null));
    }
    view.chart(Chart.xy("norm-vs-rank", "Vector norm against frequency rank (row order)", "rank", "L2 norm", true, false, norms,
        "Every " + Math.max(1, sides.get(0).vectors().space().size() / 1500) + "th word."));
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      for (GeometryResult.Hub h : results.get(i).hubs()) {
        rows.add(List.of(names.get(i), h.word(), h.occurrences()));
      }
    }
    view.table(new DataTable("hubs", "The largest hubs", List.of(new DataTable.Column("side", "side", "text"),
        new DataTable.Column("word", "word", "text"), new DataTable.Column("occurrences", "in k-NN lists of", "number")),
        rows, true, null));
    return Section.ok(ID, TITLE, view.build());
  }
}
