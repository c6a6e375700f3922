package org.embdiff.report;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embdiff.eval.AnalogyComparison;
import org.embdiff.eval.AnalogyEvaluator;
import org.embdiff.eval.AnalogyMethod;
import org.embdiff.eval.AnalogyResult;
import org.embdiff.eval.AnalogySet;
import org.embdiff.eval.AnalogySettings;

/**
 * SPEC 6, analogies: 3CosAdd and 3CosMul accuracy per side and section (gensim's settings:
 * restrict 300,000, case-insensitive, question words excluded), accuracy on the questions both
 * sides answer, and the error eps = ||(w_b - w_a + w_c) - w_d|| on unit vectors, paired over the
 * shared questions for the claims table.
 */
final class AnalogiesAnalysis implements Analysis {
  static final String ID = "analogies";
  static final String TITLE = "Analogies (linear structure)";

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
    return 6;
  }

  @Override
  public Section run(CompareContext context) throws Exception {
    if (context.settings().analogies() == null) {
      return Section.skipped(ID, TITLE, "no analogy file given (--analogies FILE in questions-words.txt format)");
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
    AnalogySet set = AnalogySet.read(context.settings().analogies());
    AnalogySettings add = AnalogySettings.defaults();
    Map<String, AnalogyResult> cosAdd = new LinkedHashMap<>();
    Map<String, AnalogyResult> cosMul = new LinkedHashMap<>();
    for (Side s : sides) {
      cosAdd.put(s.name(), AnalogyEvaluator.evaluate(s.vectors().space(), set, add));
      cosMul.put(s.name(), AnalogyEvaluator.evaluate(s.vectors().space(), set, add.withMethod(AnalogyMethod.COS_MUL)));
    }
    List<String> names = sides.stream().map(Side::name).toList();
    SectionView.Builder view = new SectionView.Builder(
        "Analogy questions a : b :: c : ? (Paris : France :: Berlin : ?) answered by the nearest word to b \u2212 a + c. "
            + "Accuracy counts exact hits among the questions whose four words a side knows (coverage). Because the sides "
            + "cover different questions, compare them on the questions both answer. The error \u03b5 is the distance "
            + "between b \u2212 a + c and the right answer (unit vectors): larger \u03b5 means the relation is less linear.");
    KeyTable.Builder key = new KeyTable.Builder("Accuracy (95% Wilson interval)", names);
    key.row("3CosAdd accuracy", "answered questions", cells(cosAdd, r -> accuracy(r.correct(), r.answered())));
    key.row("3CosMul accuracy", "Levy & Goldberg 2014", cells(cosMul, r -> accuracy(r.correct(), r.answered())));
    key.row("answered / questions", null, cells(cosAdd, r -> Cell.of(r.answered(), "of " + r.questions())));
    key.row("coverage", null, cells(cosAdd, r -> Cell.of(r.coverage())));
    key.row("mean \u03b5 (L2, unit vectors)", "answered questions", cells(cosAdd, r -> Cell.of(r.epsL2().mean())));
    key.row("median rank of the right answer", "1 = best", cells(cosAdd, r -> Cell.of(r.rank().median())));
    if (sides.size() == 2) {
      AnalogyComparison cmp = AnalogyComparison.of(cosAdd.get(names.get(0)), cosAdd.get(names.get(1)));
      key.row("3CosAdd accuracy on common questions", cmp.common() + " questions both answer",
          accuracy(cmp.correctA(), cmp.common()), accuracy(cmp.correctB(), cmp.common()));
      double[][] paired = pairedEps(cosAdd.get(names.get(0)), cosAdd.get(names.get(1)));
      key.row("mean \u03b5 on common questions", paired[0].length + " questions",
          Cell.of(ViewMath.mean(paired[0])), Cell.of(ViewMath.mean(paired[1])));
      context.contributeClaims(c -> c.analogyErrors(paired[0], paired[1]));
    }
    view.keyTable(key.build());

    List<String> sections = set.sections();
    List<Chart.Series> bars = new ArrayList<>();
    for (Map.Entry<String, AnalogyResult> e : cosAdd.entrySet()) {
      List<double[]> points = new ArrayList<>();
      for (AnalogyResult.SectionAccuracy sa : e.getValue().sections()) {
        int i = sections.indexOf(sa.section());
        if (i >= 0 && sa.answered() > 0) {
          points.add(new double[] {i, sa.accuracy()});
        }
      }
      bars.add(new Chart.Series(e.getKey(), "bar", points, null));
    }
    view.chart(new Chart("analogy-sections", "bar", "3CosAdd accuracy per section", "section", "accuracy", false, false,
        bars, sections, null, "Sections a side cannot answer at all have no bar."));
    List<double[]> eps = new ArrayList<>();
    for (AnalogyResult r : cosAdd.values()) {
      eps.add(r.outcomes().stream().mapToDouble(AnalogyResult.AnalogyOutcome::epsL2).toArray());
    }
    List<List<double[]>> hist = ViewMath.histograms(eps, 40);
    List<Chart.Series> epsSeries = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      epsSeries.add(new Chart.Series(names.get(i), "line", hist.get(i), null));
    }
    view.chart(Chart.xy("analogy-eps", "Distribution of \u03b5 (answered questions)", "\u03b5 = \u2016b \u2212 a + c \u2212 d\u2016 (unit vectors)",
        "share of questions", false, false, epsSeries, "Shared bins; each curve sums to 1."));

    List<List<Object>> sectionRows = new ArrayList<>();
    for (String section : sections) {
      List<Object> row = new ArrayList<>();
      row.add(section);
      for (String n : names) {
        AnalogyResult.SectionAccuracy sa = cosAdd.get(n).sections().stream().filter(x -> x.section().equals(section))
            .findFirst().orElse(null);
        AnalogyResult.SectionAccuracy sm = cosMul.get(n).sections().stream().filter(x -> x.section().equals(section))
            .findFirst().orElse(null);
        row.add(sa == null ? null : sa.answered());
        row.add(sa == null || sa.answered() == 0 ? null : sa.accuracy());
        row.add(sm == null || sm.answered() == 0 ? null : sm.accuracy());
      }
      sectionRows.add(row);
    }
    List<DataTable.Column> columns = new ArrayList<>();
    columns.add(new DataTable.Column("section", "section", "text"));
    for (String n : names) {
      columns.add(new DataTable.Column("answered_" + n, n + " answered", "number"));
      columns.add(new DataTable.Column("cosadd_" + n, n + " 3CosAdd", "number"));
      columns.add(new DataTable.Column("cosmul_" + n, n + " 3CosMul", "number"));
    }
    view.table(new DataTable("analogy-sections", "Accuracy per section", columns, sectionRows, true, null));
    view.note("Settings as gensim's evaluate_word_analogies: " + add.restrictVocab() + " most frequent words as candidates, "
        + (add.caseInsensitive() ? "case-insensitive" : "case-sensitive") + ", question words excluded from answers; "
        + "3CosMul epsilon " + add.epsilon() + ".");

    List<List<Object>> rows = new ArrayList<>();
    for (Map.Entry<String, AnalogyResult> e : cosAdd.entrySet()) {
      for (AnalogyResult.AnalogyOutcome o : e.getValue().outcomes()) {
        rows.add(Arrays.asList(e.getKey(), o.section(), o.line(), o.a(), o.b(), o.c(), o.expected(), o.predicted(),
            o.correct(), o.rank(), o.epsL2(), o.epsCosine()));
      }
    }
    context.addTable(new WordTable("analogies", List.of("side", "section", "line", "a", "b", "c", "expected", "predicted",
        "correct", "rank", "eps_l2", "eps_cosine"), rows));
    return Section.ok(ID, TITLE, view.build());
  }

  private static Cell accuracy(long correct, long answered) {
    if (answered == 0) {
      return Cell.text("none answered");
    }
    double[] ci = ViewMath.wilson(correct, answered);
    return Cell.of((double) correct / answered, ci[0], ci[1]);
  }

  private static Cell[] cells(Map<String, AnalogyResult> results, java.util.function.Function<AnalogyResult, Cell> f) {
    return results.values().stream().map(f).toArray(Cell[]::new);
  }

  /** eps of the questions both answered, matched by line, in line order. */
  static double[][] pairedEps(AnalogyResult a, AnalogyResult b) {
    Int2ObjectOpenHashMap<AnalogyResult.AnalogyOutcome> byLine = new Int2ObjectOpenHashMap<>();
    for (AnalogyResult.AnalogyOutcome o : b.outcomes()) {
      byLine.put(o.line(), o);
    }
    List<double[]> pairs = new ArrayList<>();
    for (AnalogyResult.AnalogyOutcome o : a.outcomes()) {
      AnalogyResult.AnalogyOutcome other = byLine.get(o.line());
      if (other != null) {
        pairs.add(new double[] {o.epsL2(), other.epsL2()});
      }
    }
    double[] xa = new double[pairs.size()];
    double[] xb = new double[pairs.size()];
    for (int i = 0; i < xa.length; i++) {
      xa[i] = pairs.get(i)[0];
      xb[i] = pairs.get(i)[1];
    }
    return new double[][] {xa, xb};
  }
}
