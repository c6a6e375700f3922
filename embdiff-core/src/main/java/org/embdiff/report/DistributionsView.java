package org.embdiff.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.embdiff.compare.analyses.DistributionsAnalysis;
import org.embdiff.stats.CorpusStatistics;
import org.embdiff.stats.HeapsFit;
import org.embdiff.inference.Interval;

/** The view of {@link DistributionsAnalysis.Result}. */
final class DistributionsView {
  private DistributionsView() {}

  static SectionView of(DistributionsAnalysis.Result r) {
    SectionView.Builder view = new SectionView.Builder(
        "Each curve plots a word's share of all tokens against its frequency rank, both on log scales. "
            + "A straight line is a power law f(r) \u221d r^-\u03b1 (Zipf); a steeper line means a few words dominate. "
            + "Social-media text typically has a heavier tail (more distinct rare forms) than encyclopedic text.");
    List<DistributionsAnalysis.Source> sources = r.sources();
    List<String> columns = sources.stream().map(DistributionsAnalysis.Source::label).toList();
    List<CorpusStatistics.SideReport> reports = sources.stream().map(DistributionsAnalysis.Source::report).toList();
    KeyTable.Builder basics = new KeyTable.Builder("Counts", columns);
    basics.row("tokens", "in the source (a frequency list counts only the listed words)",
        reports.stream().map(x -> Cell.of(x.frequency().tokens())).toArray(Cell[]::new));
    basics.row("types", "distinct words kept", reports.stream().map(x -> Cell.of(x.frequency().types())).toArray(Cell[]::new));
    basics.row("smallest count kept", "a list cut at count c has no words below c",
        reports.stream().map(x -> Cell.of(x.frequency().minCount())).toArray(Cell[]::new));
    basics.row("hapax share", "types seen once / types; not defined for a truncated list",
        reports.stream().map(x -> x.frequency().truncated() ? Cell.text("n/a (truncated)") : Cell.of(x.frequency().hapaxShare()))
            .toArray(Cell[]::new));
    basics.row("top-10 share", "share of tokens in the 10 most frequent words",
        sources.stream().map(s -> Cell.of(s.top10Share())).toArray(Cell[]::new));
    view.keyTable(basics.build());
    KeyTable.Builder fits = new KeyTable.Builder("Power-law fits (95% bootstrap intervals)", columns);
    fits.row("Zipf \u03b1 (rank-frequency, MLE)", "\u03b1 = 1/(\u03b2 \u2212 1); Clauset, Shalizi & Newman 2009",
        reports.stream().map(x -> cell(x.zipf().alpha(), x.zipf().alphaCi())).toArray(Cell[]::new));
    fits.row("\u03b2 (frequency distribution, MLE)", "P(f) \u221d f^\u2212\u03b2 for f \u2265 x_min",
        reports.stream().map(x -> cell(x.zipf().beta(), x.zipf().betaCi())).toArray(Cell[]::new));
    fits.row("x_min (by KS distance)", "smallest count of the fitted tail",
        reports.stream().map(x -> Cell.of(x.zipf().xMin(), String.format(Locale.ROOT, "(tail of %,d types)", x.zipf().tailTypes())))
            .toArray(Cell[]::new));
    fits.row("x_min, bootstrap range", "x_min re-selected in every resample (Clauset et al. 2009, sec. 3.4)",
        reports.stream().map(x -> x.zipf().xMinRange() == null ? Cell.text("n/a (x_min held fixed)")
            : cell(x.zipf().xMin(), x.zipf().xMinRange())).toArray(Cell[]::new));
    fits.row("KS distance", "fit quality of the tail (smaller is better)",
        reports.stream().map(x -> Cell.of(x.zipf().ks())).toArray(Cell[]::new));
    fits.row("goodness-of-fit p", "share of synthetic power-law data sets fitting worse (Clauset et al. 2009, sec. 4.1); "
        + "below 0.1 the power law is ruled out",
        reports.stream().map(x -> Double.isNaN(x.zipf().goodnessOfFitP()) ? Cell.text("n/a (not computed)")
            : Cell.of(x.zipf().goodnessOfFitP())).toArray(Cell[]::new));
    fits.row("two-regime \u03b1 head / tail", "break rank below",
        reports.stream().map(x -> new Cell(x.rankFrequency().alphaHead(), null, null,
            String.format(Locale.ROOT, "/ %.3f", x.rankFrequency().alphaTail()))).toArray(Cell[]::new));
    fits.row("break rank", null, reports.stream().map(x -> Cell.of(x.rankFrequency().breakRank())).toArray(Cell[]::new));
    fits.row("log-log OLS \u03b1 (comparison only)", "biased; no interval",
        reports.stream().map(x -> Cell.of(x.rankFrequency().olsAlpha())).toArray(Cell[]::new));
    fits.row("entropy H, Miller\u2013Madow (bits)", "plug-in + (K\u22121)/(2N ln 2)",
        reports.stream().map(x -> cell(x.entropy().millerMadowBits(), x.entropy().millerMadowCi())).toArray(Cell[]::new));
    fits.row("entropy H, plug-in (bits)", null,
        reports.stream().map(x -> cell(x.entropy().plugInBits(), x.entropy().plugInCi())).toArray(Cell[]::new));
    fits.row("Heaps exponent b", "V(n) = K n^b (type growth); not defined for a truncated list",
        reports.stream().map(x -> x.frequency().truncated() ? Cell.text("n/a (truncated)") : Cell.of(x.heaps().exponent()))
            .toArray(Cell[]::new));
    view.keyTable(fits.build());
    List<Chart.Series> series = new ArrayList<>();
    for (DistributionsAnalysis.Source s : sources) {
      series.add(new Chart.Series(s.label(), "line", s.curve(), null));
    }
    for (DistributionsAnalysis.Source s : sources) {
      if (!s.primary()) {
        continue;
      }
      series.add(new Chart.Series(s.label() + " MLE \u03b1=" + String.format(Locale.ROOT, "%.2f", s.report().zipf().alpha()),
          "dashed", s.zipfLine(), null));
      series.add(new Chart.Series(s.label() + " two-regime", "dashed", s.twoRegimeLine(), null));
    }
    view.chart(Chart.xy("rank-frequency", "Rank-frequency (log-log) with fitted power laws", "rank", "relative frequency", true, true,
        series, "Solid: data (160 log-spaced ranks per curve). Dashed: the MLE power law over its fitted range, and the "
            + "two-regime fit (head and tail slopes meeting at the break rank)."));
    List<Chart.Series> heaps = new ArrayList<>();
    for (DistributionsAnalysis.Source s : sources) {
      HeapsFit h = s.report().heaps();
      List<double[]> pts = new ArrayList<>();
      for (int i = 0; i < h.sampleN().length; i++) {
        pts.add(new double[] {h.sampleN()[i], h.sampleTypes()[i]});
      }
      heaps.add(new Chart.Series(s.label(), "line", pts, null));
    }
    view.chart(Chart.xy("heaps", "Vocabulary growth (Heaps' law)", "tokens read", "distinct types", true, true, heaps,
        "Expected types after n tokens (sampling without replacement from the counts)."));
    if (r.common() != null) {
      DistributionsAnalysis.Common c = r.common();
      CorpusStatistics.CommonSupport sup = c.support();
      KeyTable.Builder common = new KeyTable.Builder("On a common support: " + sup.method(), r.sides());
      common.row("types kept", "relative frequency \u2265 " + String.format(Locale.ROOT, "%.3g", sup.relativeThreshold()),
          Cell.of(sup.typesA()), Cell.of(sup.typesB()));
      common.row("Zipf \u03b1 (MLE)", null, cell(c.a().zipf().alpha(), c.a().zipf().alphaCi()),
          cell(c.b().zipf().alpha(), c.b().zipf().alphaCi()));
      common.row("entropy H, Miller\u2013Madow (bits)", null,
          cell(c.a().entropy().millerMadowBits(), c.a().entropy().millerMadowCi()),
          cell(c.b().entropy().millerMadowBits(), c.b().entropy().millerMadowCi()));
      view.keyTable(common.build());
      view.note("The claims compare \u03b1 and H on the common support (each side cut at the same relative frequency), "
          + "so that a difference is not an artefact of where each " + r.countsSources().get(0) + " was cut.");
    }
    for (DistributionsAnalysis.Source s : sources) {
      if (s.truncated()) {
        view.note(s.label() + ": the " + s.kind() + " leaves out words with count below "
            + s.minCount() + ", so tail estimates (hapax share, entropy, the Zipf tail) describe the listed words only.");
      }
    }
    for (String name : r.withoutCounts()) {
      view.note(name + ": no corpus or frequency list, so this side has no word distribution.");
    }
    return view.build();
  }

  static Cell cell(double value, Interval ci) {
    return ci == null ? Cell.of(value) : Cell.of(value, ci.lower(), ci.upper());
  }
}
