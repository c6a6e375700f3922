package org.embdiff.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.embdiff.compare.analyses.AnalogiesAnalysis;
import org.embdiff.eval.AnalogyResult;
import org.embdiff.eval.AnalogySettings;
import org.embdiff.inference.Interval;

/** The view of {@link AnalogiesAnalysis.Result}. */
final class AnalogiesView {
  private AnalogiesView() {}

  static SectionView of(AnalogiesAnalysis.Result r) {
    List<AnalogiesAnalysis.SideAnalogies> sides = r.sides();
    List<String> names = sides.stream().map(AnalogiesAnalysis.SideAnalogies::side).toList();
    SectionView.Builder view = new SectionView.Builder(
        "Analogy questions a : b :: c : ? (Paris : France :: Berlin : ?) answered by the nearest word to b \u2212 a + c. "
            + "Accuracy counts exact hits among the questions whose four words a side knows (coverage). Because the sides "
            + "cover different questions, compare them on the questions both answer. The error \u03b5 is the distance "
            + "between b \u2212 a + c and the right answer (unit vectors): larger \u03b5 means the relation is less linear.");
    KeyTable.Builder key = new KeyTable.Builder("Accuracy (95% Wilson interval)", names);
    key.row("3CosAdd accuracy", "answered questions", cells(sides, s -> accuracy(s.cosAddAccuracy())));
    key.row("3CosMul accuracy", "Levy & Goldberg 2014", cells(sides, s -> accuracy(s.cosMulAccuracy())));
    key.row("answered / questions", null, cells(sides, s -> Cell.of(s.cosAdd().answered(), "of " + s.cosAdd().questions())));
    key.row("coverage", null, cells(sides, s -> Cell.of(s.cosAdd().coverage())));
    key.row("mean \u03b5 (L2, unit vectors)", "answered questions", cells(sides, s -> Cell.of(s.cosAdd().epsL2().mean())));
    key.row("median rank of the right answer", "1 = best", cells(sides, s -> Cell.of(s.cosAdd().rank().median())));
    AnalogiesAnalysis.Common c = r.common();
    if (c != null) {
      key.row("3CosAdd accuracy on common questions", c.questions() + " questions both answer", accuracy(c.accuracyA()),
          accuracy(c.accuracyB()));
      key.row("mean \u03b5 on common questions", c.pairedQuestions() + " questions", Cell.of(c.meanEpsA()), Cell.of(c.meanEpsB()));
    }
    view.keyTable(key.build());
    List<String> sections = r.sections();
    List<Chart.Series> bars = new ArrayList<>();
    for (AnalogiesAnalysis.SideAnalogies s : sides) {
      List<double[]> points = new ArrayList<>();
      for (AnalogyResult.SectionAccuracy sa : s.cosAdd().sections()) {
        int i = sections.indexOf(sa.section());
        if (i >= 0 && sa.answered() > 0) {
          points.add(new double[] {i, sa.accuracy()});
        }
      }
      bars.add(new Chart.Series(s.side(), "bar", points, null));
    }
    view.chart(new Chart("analogy-sections", "bar", "3CosAdd accuracy per section", "section", "accuracy", false, false,
        bars, sections, null, "Sections a side cannot answer at all have no bar."));
    List<List<double[]>> hist = ViewMath.histograms(sides.stream().map(AnalogiesAnalysis.SideAnalogies::eps).toList(), 40);
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
      for (AnalogiesAnalysis.SideAnalogies s : sides) {
        AnalogyResult.SectionAccuracy sa = find(s.cosAdd(), section);
        AnalogyResult.SectionAccuracy sm = find(s.cosMul(), section);
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
    AnalogySettings add = r.settings();
    view.note("Settings as gensim's evaluate_word_analogies: " + add.restrictVocab() + " most frequent words as candidates, "
        + (add.caseInsensitive() ? "case-insensitive" : "case-sensitive") + ", question words excluded from answers; "
        + "3CosMul epsilon " + add.epsilon() + ".");
    return view.build();
  }

  private static AnalogyResult.SectionAccuracy find(AnalogyResult r, String section) {
    return r.sections().stream().filter(x -> x.section().equals(section)).findFirst().orElse(null);
  }

  private static Cell accuracy(Interval e) {
    return e == null ? Cell.text("none answered") : Cell.of(e.estimate(), e.lower(), e.upper());
  }

  private static Cell[] cells(List<AnalogiesAnalysis.SideAnalogies> sides, Function<AnalogiesAnalysis.SideAnalogies, Cell> f) {
    return sides.stream().map(f).toArray(Cell[]::new);
  }
}
