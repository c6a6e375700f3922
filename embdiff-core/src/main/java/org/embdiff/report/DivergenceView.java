package org.embdiff.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.embdiff.compare.analyses.DivergenceAnalysis;
import org.embdiff.stats.DomainDivergence;
import org.embdiff.stats.WordContribution;

/** The view of {@link DivergenceAnalysis.Result}. */
final class DivergenceView {
  private DivergenceView() {}

  static SectionView of(DivergenceAnalysis.Result r) {
    String a = r.sideA();
    String b = r.sideB();
    DomainDivergence full = r.full();
    DomainDivergence sup = r.onSupport();
    SectionView.Builder view = new SectionView.Builder(
        "How much knowing a word tells you about which domain it came from. I(W;D) is the mutual information between "
            + "word and domain in bits (0 = identical distributions); each word contributes to it, and the words that "
            + "contribute most are the domain words. Jensen\u2013Shannon is the bounded (0\u20131 bit) divergence of the two "
            + "word distributions; KL needs smoothing to be finite. The scatter plots each word's log-odds z-score "
            + "(positive: typical of " + a + ") against its frequency.");
    view.keyTable(new KeyTable.Builder("Divergences of the word distributions (bits)", List.of("all listed words", "common support"))
        .row("I(W;D)", "P(d) = " + String.format(Locale.ROOT, "%.2f", full.priorA()) + " for " + a,
            Cell.of(full.mutualInformationBits()), Cell.of(sup.mutualInformationBits()))
        .row("Jensen\u2013Shannon", "primary divergence, \u2264 1 bit", Cell.of(full.jensenShannonBits()), Cell.of(sup.jensenShannonBits()))
        .row("KL(" + a + " \u2016 " + b + ")", "add-\u03bb smoothing, \u03bb = " + full.smoothingLambda(),
            Cell.of(full.klABBits()), Cell.of(sup.klABBits()))
        .row("KL(" + b + " \u2016 " + a + ")", "add-\u03bb smoothing, \u03bb = " + full.smoothingLambda(),
            Cell.of(full.klBABits()), Cell.of(sup.klBABits()))
        .row("words in the union", null, Cell.of(full.unionTypes()), Cell.of(sup.unionTypes()))
        .build());
    view.table(topTable("top-" + a, "Most " + a + "-specific words", full.topA(), a, b));
    view.table(topTable("top-" + b, "Most " + b + "-specific words", full.topB(), a, b));
    view.chart(new Chart("log-odds", "xy", "Log-odds z-score vs frequency", "log10(count in both)", "z (positive: " + a + ")",
        false, false, List.of(new Chart.Series("words", "scatter", r.scatter(), r.scatterLabels())), null, null,
        "The 300 words with the largest I(W;D) contribution, then every " + r.scatterStep() + "th word. Hover for the word."));
    if (r.domainWordsFound() < 2) {
      view.note("The claim about I(W;D) in domain words needs at least 2 probe words in both lists; found "
          + r.domainWordsFound() + ".");
    }
    view.note("Computed on each side's " + r.countsSources().get(0) + " / " + r.countsSources().get(1) + ". "
        + full.how().estimator() + ".");
    view.note("Common support: " + r.supportMethod() + "; a truncated list has no rare words, so its KL and MI describe the head only.");
    return view.build();
  }

  private static DataTable topTable(String id, String title, List<WordContribution> top, String a, String b) {
    List<List<Object>> rows = new ArrayList<>();
    for (WordContribution w : top) {
      rows.add(Arrays.asList(w.word(), w.z(), w.countA(), w.countB(), w.miBits()));
    }
    return new DataTable(id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-"), title, List.of(
        new DataTable.Column("word", "word", "text"), new DataTable.Column("z", "log-odds z", "number"),
        new DataTable.Column("count_a", "count " + a, "number"), new DataTable.Column("count_b", "count " + b, "number"),
        new DataTable.Column("mi", "I(W;D) bits", "number")), rows, true, null);
  }
}
