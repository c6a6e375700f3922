package org.embdiff.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.embdiff.eval.AnalogySettings;
import org.embdiff.eval.PairSimilarityResult;
import org.embdiff.eval.WordPairEvaluator;
import org.embdiff.eval.WordPairSet;
import org.embdiff.inference.Bootstrap;
import org.embdiff.inference.Interval;
import org.embdiff.vec.EmbeddingSpace;

/**
 * SPEC 10 (first half), word similarity: Spearman and Pearson on every pair set per side with the
 * OOV share (gensim's {@code evaluate_word_pairs} settings), and the mean similarity s-bar over
 * the pairs both sides cover, with bootstrap intervals.
 */
final class SimilarityAnalysis implements Analysis {
  static final String ID = "similarity";
  static final String TITLE = "Word similarity benchmarks";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return TITLE;
  }

  @Override
  public Section run(CompareContext context) throws Exception {
    List<Path> files = context.settings().pairs();
    if (files.isEmpty()) {
      return Section.skipped(ID, TITLE, "no word-pair files given (--pairs FILE..., lines 'w1 w2 score')");
    }
    List<Side> sides = new ArrayList<>();
    for (Side s : List.of(context.a(), context.b())) {
      if (s.hasVectors()) {
        sides.add(s);
      }
    }
    if (sides.isEmpty()) {
      return Section.skipped(ID, TITLE, "needs vectors; neither side has any");
    }
    int restrict = AnalogySettings.DEFAULT_RESTRICT;
    List<String> names = sides.stream().map(Side::name).toList();
    List<String> benchmarks = new ArrayList<>();
    Map<String, List<PairSimilarityResult>> results = new LinkedHashMap<>();
    names.forEach(n -> results.put(n, new ArrayList<>()));
    List<WordPairSet> sets = new ArrayList<>();
    for (Path f : files) {
      WordPairSet set = WordPairSet.read(f);
      sets.add(set);
      benchmarks.add(set.name());
      for (Side s : sides) {
        results.get(s.name()).add(WordPairEvaluator.evaluate(s.vectors().space(), set, restrict, true));
      }
    }
    SectionView.Builder view = new SectionView.Builder(
        "Human similarity judgements of word pairs against the cosine of their vectors: Spearman's \u03c1 measures how "
            + "well a space orders pairs as people do. A side that lacks many words (OOV) is scored on fewer pairs. "
            + "s\u0304 is the mean cosine of the benchmark pairs both sides know: a space with a higher s\u0304 packs "
            + "words closer together.");
    List<List<Object>> rows = new ArrayList<>();
    List<Chart.Series> bars = new ArrayList<>();
    for (String n : names) {
      List<double[]> points = new ArrayList<>();
      List<PairSimilarityResult> rs = results.get(n);
      for (int i = 0; i < rs.size(); i++) {
        if (rs.get(i).found() > 3) {
          points.add(new double[] {i, rs.get(i).spearman()});
        }
      }
      bars.add(new Chart.Series(n, "bar", points, null));
    }
    for (int i = 0; i < benchmarks.size(); i++) {
      List<Object> row = new ArrayList<>();
      row.add(benchmarks.get(i));
      row.add(sets.get(i).pairs().size());
      for (String n : names) {
        PairSimilarityResult r = results.get(n).get(i);
        double[] ci = ViewMath.spearmanInterval(r.spearman(), r.found());
        row.add(r.found());
        row.add(r.oovPercent());
        row.add(finite(r.spearman()));
        row.add(finite(ci[0]));
        row.add(finite(ci[1]));
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
    if (sides.size() == 2) {
      double[][] paired = sharedPairs(sets, sides.get(0).vectors().space(), sides.get(1).vectors().space(), restrict);
      long seed = context.settings().seed();
      Cell ea = meanCell(paired[0], seed);
      Cell eb = meanCell(paired[1], seed + 1);
      KeyTable.Builder key = new KeyTable.Builder("Mean similarity s\u0304 over the pairs both sides cover", names);
      key.row("s\u0304 (mean cosine)", paired[0].length + " distinct pairs; 95% bootstrap interval",
          ea, eb);
      double[] spearmanMean = new double[names.size()];
      for (int k = 0; k < names.size(); k++) {
        spearmanMean[k] = results.get(names.get(k)).stream().filter(r -> r.found() > 3).mapToDouble(PairSimilarityResult::spearman)
            .average().orElse(Double.NaN);
      }
      key.row("mean Spearman over benchmarks", "unweighted", Cell.of(spearmanMean[0]), Cell.of(spearmanMean[1]));
      view.keyTable(key.build());
      context.contributeClaims(c -> c.pairSimilarities(paired[0], paired[1]));
    }
    List<List<Object>> csv = new ArrayList<>();
    for (String n : names) {
      for (PairSimilarityResult r : results.get(n)) {
        for (PairSimilarityResult.PairScore p : r.scores()) {
          csv.add(Arrays.asList(n, r.benchmark(), p.w1(), p.w2(), p.gold(), p.cosine()));
        }
      }
    }
    context.addTable(new WordTable("similarity-pairs", List.of("side", "benchmark", "w1", "w2", "gold", "cosine"), csv));
    view.note("Lookup as gensim's evaluate_word_pairs: case-insensitive, the " + restrict + " most frequent words.");
    return Section.ok(ID, TITLE, view.build());
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  /** Cosines on A and B of the distinct pairs (case-folded) of all sets that both spaces know. */
  static double[][] sharedPairs(List<WordPairSet> sets, EmbeddingSpace a, EmbeddingSpace b, int restrict) {
    Map<String, WordPairSet.Pair> distinct = new LinkedHashMap<>();
    for (WordPairSet set : sets) {
      for (WordPairSet.Pair p : set.pairs()) {
        String w1 = p.w1().toLowerCase(Locale.ROOT);
        String w2 = p.w2().toLowerCase(Locale.ROOT);
        distinct.putIfAbsent(w1.compareTo(w2) <= 0 ? w1 + "\t" + w2 : w2 + "\t" + w1, new WordPairSet.Pair(w1, w2, p.score()));
      }
    }
    WordPairSet all = new WordPairSet("shared", new ArrayList<>(distinct.values()), 0, null);
    Map<String, Double> onA = new LinkedHashMap<>();
    for (PairSimilarityResult.PairScore s : WordPairEvaluator.evaluate(a, all, restrict, true).scores()) {
      onA.put(s.w1() + "\t" + s.w2(), s.cosine());
    }
    List<double[]> pairs = new ArrayList<>();
    for (PairSimilarityResult.PairScore s : WordPairEvaluator.evaluate(b, all, restrict, true).scores()) {
      Double ca = onA.get(s.w1() + "\t" + s.w2());
      if (ca != null) {
        pairs.add(new double[] {ca, s.cosine()});
      }
    }
    double[][] out = new double[2][pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      out[0][i] = pairs.get(i)[0];
      out[1][i] = pairs.get(i)[1];
    }
    return out;
  }

  private static Cell meanCell(double[] values, long seed) {
    if (values.length < 2) {
      return Cell.EMPTY;
    }
    Interval e = Bootstrap.mean(values, new Bootstrap.Settings(Bootstrap.MIN_RESAMPLES_95, 0.95, Bootstrap.Method.PERCENTILE),
        new SplittableRandom(seed));
    return Cell.of(e.estimate(), e.lower(), e.upper());
  }
}
