package org.embdiff.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.embdiff.compare.analyses.ControlledAnalysis;
import org.embdiff.replicate.TokenBudget;
import org.embdiff.replicate.WordNull;

/** The view of {@link ControlledAnalysis.Result}: the headline numbers and every significantly shifted word. */
final class ControlledView {
  /** Id of the table of significantly shifted words. */
  static final String SIGNIFICANT = "controlled-significant";

  private ControlledView() {}

  static SectionView of(ControlledAnalysis.Result r) {
    String a = r.sideA();
    String b = r.sideB();
    SectionView.Builder view = new SectionView.Builder(
        "Both sides' corpora are cut to one token budget and each side's space is trained with the same trainer and "
            + "settings, so what differs is the domain. \u0394\u0304 (mean \u0394_w over the shared words) is set against "
            + "the \u0394\u0304 of spaces trained on bootstrap samples of one side's own documents: the within-domain null. "
            + "A word is significantly shifted when its \u0394_w exceeds its own null at a false-discovery rate of 5% "
            + "(Benjamini-Hochberg).");
    KeyTable.Builder key = new KeyTable.Builder("Spaces trained alike", List.of("value"));
    key.row("trainer", null, Cell.text(r.trainer()));
    key.row("token budget per side", null, Cell.of(r.budget()));
    key.row("kept of " + a, null, kept(r.keptA()));
    key.row("kept of " + b, null, kept(r.keptB()));
    key.row("vocabulary of " + a + " / " + b, null, Cell.text(String.format(Locale.ROOT, "%,d / %,d", r.vocabularyA(),
        r.vocabularyB())));
    key.row("shared words tested", null, Cell.of(r.tested()));
    key.row("\u0394\u0304 (" + a + " vs " + b + ")", null, Cell.of(r.deltaBar()));
    key.row("within-domain \u0394\u0304 (null level)", r.nullValues().length == 0 ? "no replicates: no null"
        : "mean of " + r.nullValues().length + " within-domain pairs; 95% prediction interval",
        Cell.of(r.nullLevel(), r.nullLower(), r.nullUpper()));
    key.row("significantly shifted words (q \u2264 0.05)", null, r.tested() == 0 ? Cell.EMPTY
        : Cell.of(r.significant(), String.format(Locale.ROOT, "(%.1f%% of tested)", 100 * r.significantShare())));
    key.row("spaces trained / read from the cache", null, Cell.text(r.spacesTrained() + " / " + r.spacesCached()));
    view.keyTable(key.build());
    if (r.nullValues().length > 0) {
      view.note("Within-domain \u0394\u0304 values: " + String.join(", ", Arrays.stream(r.nullValues())
          .mapToObj(v -> String.format(Locale.ROOT, "%.4f", v)).toList()) + ".");
    }
    if (!r.mostSignificant().isEmpty()) {
      view.summaryTable(significantTable(r.mostSignificant()));
    }
    return view.build();
  }

  private static Cell kept(TokenBudget.Kept k) {
    return Cell.of(k.tokens(), String.format(Locale.ROOT, "tokens of %,d; %,d of %,d documents%s", k.tokensTotal(),
        k.documents(), k.documentsTotal(), k.subsampled() ? " (subsampled)" : ""));
  }

  private static DataTable significantTable(List<WordNull> words) {
    List<List<Object>> rows = new ArrayList<>();
    for (WordNull w : words) {
      rows.add(Arrays.asList(w.word(), w.observed(), w.nullMean(), w.nullSd(), w.z(), w.q()));
    }
    return new DataTable(SIGNIFICANT, "Significantly shifted words (Benjamini-Hochberg, q \u2264 0.05), smallest q first",
        List.of(new DataTable.Column("word", "word", "text"), new DataTable.Column("delta", "\u0394_w", "number"),
            new DataTable.Column("null_mean", "null mean", "number"), new DataTable.Column("null_sd", "null sd", "number"),
            new DataTable.Column("z", "z", "number"), new DataTable.Column("q", "q", "number")),
        rows, true, "All " + words.size() + " words on the list; every tested word is in controlled-shift.csv.");
  }
}
