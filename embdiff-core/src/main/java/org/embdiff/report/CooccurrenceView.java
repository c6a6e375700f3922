package org.embdiff.report;

import java.util.List;
import org.embdiff.claims.SideEstimate;
import org.embdiff.compare.analyses.CooccurrenceAnalysis;

/** The view of {@link CooccurrenceAnalysis.Result}. */
final class CooccurrenceView {
  private CooccurrenceView() {}

  static SectionView of(CooccurrenceAnalysis.Result r) {
    SectionView.Builder view = new SectionView.Builder(
        "X_ij counts how often word j appears within 10 words of word i in the corpus, each occurrence weighted by "
            + "1/distance (as Stanford's cooccur, the input of GloVe). Density is the share of word pairs that ever "
            + "co-occur; the exponent describes how the X_ij values are distributed (the GloVe paper reports about 1.25). "
            + "A sparser matrix with a heavier tail means more idiosyncratic contexts.");
    List<CooccurrenceAnalysis.Matrix> m = r.matrices();
    KeyTable.Builder key = new KeyTable.Builder("Co-occurrence matrices", m.stream().map(CooccurrenceAnalysis.Matrix::side).toList());
    key.row("vocabulary (count \u2265 " + r.minCount() + ")", null, m.stream().map(x -> Cell.of(x.summary().vocabularySize())).toArray(Cell[]::new));
    key.row("tokens in the vocabulary", null, m.stream().map(x -> Cell.of(x.summary().vocabularyTokens())).toArray(Cell[]::new));
    key.row("non-zero X_ij (nnz)", null, m.stream().map(x -> Cell.of(x.summary().records())).toArray(Cell[]::new));
    key.row("density nnz / V\u00b2", null, m.stream().map(x -> Cell.of(x.summary().density())).toArray(Cell[]::new));
    key.row("sum of X_ij", null, m.stream().map(x -> Cell.of(x.summary().sum())).toArray(Cell[]::new));
    key.row("power-law exponent of X_ij (MLE)", "tail above x_min",
        m.stream().map(x -> x.summary().powerLaw() == null ? Cell.EMPTY : Cell.of(x.summary().powerLaw().alphaMle()))
            .toArray(Cell[]::new));
    key.row("power-law exponent (log-log, comparison)", null,
        m.stream().map(x -> x.summary().powerLaw() == null ? Cell.EMPTY : Cell.of(x.summary().powerLaw().alphaLogLog()))
            .toArray(Cell[]::new));
    view.keyTable(key.build());
    CooccurrenceAnalysis.Divergence js = r.js();
    if (js != null) {
      SideEstimate between = js.between();
      SideEstimate nullLevel = js.nullLevel();
      view.keyTable(new KeyTable.Builder("Jensen-Shannon divergence of the co-occurrence distributions (bits)", List.of("value"))
          .row("shared words used (rows and columns)", "count \u2265 " + r.minCount() + " in both corpora, most frequent",
              Cell.of(js.sharedWords()))
          .row("JS between the sides, whole corpora", null, Cell.of(js.full()))
          .row("JS between the sides, half-corpora", "mean of the 4 cross-side half pairs, over " + js.splits() + " splits",
              Cell.of(between.value(), between.lo(), between.hi()))
          .row("split-half JS, " + r.sideA(), "null level: two line-halves of one corpus", Cell.of(js.nullMeanA()))
          .row("split-half JS, " + r.sideB(), "null level: two line-halves of one corpus", Cell.of(js.nullMeanB()))
          .row("null level (larger split-half JS)", "used by the claim", Cell.of(nullLevel.value(), nullLevel.lo(), nullLevel.hi()))
          .build());
      view.note("JS: " + js.method() + ".");
    }
    for (String s : r.withoutCorpus()) {
      view.note(s + ": no corpus, so no co-occurrence matrix.");
    }
    view.note("Window 10, symmetric, weight 1/distance, windows do not cross lines; corpus tokenized as for the counts.");
    return view.build();
  }
}
