package org.embdiff.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.embdiff.stats.CorpusStatistics;
import org.embdiff.stats.DomainDivergence;
import org.embdiff.stats.WordContribution;

/**
 * SPEC 5, mutual information between word and domain: I(W;D) with per-word contributions, KL with
 * its smoothing, Jensen–Shannon, and the most domain-specific words of each side by the log-odds
 * ratio with an informative Dirichlet prior (Monroe, Colaresi &amp; Quinn 2008).
 */
final class DivergenceAnalysis implements Analysis {
  static final String ID = "divergence";
  static final String TITLE = "Mutual information and divergences";
  /** Shared key of the {@link CorpusStatistics#compare} result. */
  static final String KEY = "corpus-statistics";
  private static final int SCATTER_POINTS = 1500;

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
    return 5;
  }

  @Override
  public Section run(CompareContext context) throws Exception {
    Side a = context.a();
    Side b = context.b();
    if (!a.hasCounts() || !b.hasCounts()) {
      return Section.skipped(ID, TITLE, "needs a corpus or a frequency list on both sides ("
          + (a.hasCounts() ? b.name() : a.name()) + " has neither)");
    }
    CorpusStatistics.Settings settings = CorpusStatistics.Settings.defaults(context.settings().seed());
    CorpusStatistics.ComparisonReport cmp = context.shared(KEY,
        () -> CorpusStatistics.compare(a.name(), a.counts(), b.name(), b.counts(), settings));
    DomainDivergence full = cmp.divergence();
    DomainDivergence sup = cmp.divergenceOnSupport();
    SectionView.Builder view = new SectionView.Builder(
        "How much knowing a word tells you about which domain it came from. I(W;D) is the mutual information between "
            + "word and domain in bits (0 = identical distributions); each word contributes to it, and the words that "
            + "contribute most are the domain words. Jensen\u2013Shannon is the bounded (0\u20131 bit) divergence of the two "
            + "word distributions; KL needs smoothing to be finite. The scatter plots each word's log-odds z-score "
            + "(positive: typical of " + a.name() + ") against its frequency.");
    view.keyTable(new KeyTable.Builder("Divergences of the word distributions (bits)", List.of("all listed words", "common support"))
        .row("I(W;D)", "P(d) = " + String.format(Locale.ROOT, "%.2f", full.priorA()) + " for " + a.name(),
            Cell.of(full.mutualInformationBits()), Cell.of(sup.mutualInformationBits()))
        .row("Jensen\u2013Shannon", "primary divergence, \u2264 1 bit", Cell.of(full.jensenShannonBits()), Cell.of(sup.jensenShannonBits()))
        .row("KL(" + a.name() + " \u2016 " + b.name() + ")", "add-\u03bb smoothing, \u03bb = " + full.smoothingLambda(),
            Cell.of(full.klABBits()), Cell.of(sup.klABBits()))
        .row("KL(" + b.name() + " \u2016 " + a.name() + ")", "add-\u03bb smoothing, \u03bb = " + full.smoothingLambda(),
            Cell.of(full.klBABits()), Cell.of(sup.klBABits()))
        .row("words in the union", null, Cell.of(full.unionTypes()), Cell.of(sup.unionTypes()))
        .build());
    view.table(topTable("top-" + a.name(), "Most " + a.name() + "-specific words", full.topA(), a.name(), b.name()));
    view.table(topTable("top-" + b.name(), "Most " + b.name() + "-specific words", full.topB(), a.name(), b.name()));
    List<WordContribution> words = full.words();
    List<double[]> points = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    int step = Math.max(1, words.size() / SCATTER_POINTS);
    for (int i = 0; i < words.size(); i += i < 300 ? 1 : step) {
      WordContribution w = words.get(i);
      points.add(new double[] {Math.log10(Math.max(1, w.countA() + w.countB())), w.z()});
      labels.add(w.word());
    }
    view.chart(new Chart("log-odds", "xy", "Log-odds z-score vs frequency", "log10(count in both)", "z (positive: " + a.name() + ")",
        false, false, List.of(new Chart.Series("words", "scatter", points, labels)), null, null,
        "The 300 words with the largest I(W;D) contribution, then every " + step + "th word. Hover for the word."));
    Set<String> probes = new HashSet<>(context.settings().probeWords());
    double[] domain = words.stream().filter(w -> probes.contains(w.word())).mapToDouble(WordContribution::miBits).toArray();
    double[] other = words.stream().filter(w -> !probes.contains(w.word())).mapToDouble(WordContribution::miBits).toArray();
    if (domain.length >= 2) {
      context.contributeClaims(c -> c.mutualInformation(domain, other));
    } else {
      view.note("The claim about I(W;D) in domain words needs at least 2 probe words in both lists; found " + domain.length + ".");
    }
    List<List<Object>> rows = new ArrayList<>();
    for (WordContribution w : words) {
      rows.add(Arrays.asList(w.word(), w.countA(), w.countB(), w.pA(), w.pB(), w.miBits(), w.logOdds(), w.z(), w.pseudoToken()));
    }
    context.addTable(new WordTable("domain-words", List.of("word", "count_" + a.name(), "count_" + b.name(), "p_" + a.name(),
        "p_" + b.name(), "mi_bits", "log_odds", "z", "pseudo_token"), rows));
    view.note("Computed on each side's " + a.countsSource() + " / " + b.countsSource() + ". " + full.how().estimator() + ".");
    view.note("Common support: " + cmp.support().method() + "; a truncated list has no rare words, so its KL and MI describe the head only.");
    return Section.ok(ID, TITLE, view.build());
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
