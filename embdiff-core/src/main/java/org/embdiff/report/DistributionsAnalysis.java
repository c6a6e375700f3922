package org.embdiff.report;

import java.util.ArrayList;
import java.util.List;
import org.embdiff.claims.SideEstimate;
import org.embdiff.inference.Interval;
import org.embdiff.stats.CorpusStatistics;
import org.embdiff.stats.Counts;
import org.embdiff.stats.HeapsFit;
import org.embdiff.stats.RankFrequencyFit;
import org.embdiff.stats.ZipfFit;

/**
 * SPEC 1, word distributions: tokens, types, hapax share and the rank-frequency curve of each
 * side (log-spaced ranks, relative frequency), from a corpus or a frequency list.
 */
final class DistributionsAnalysis implements Analysis {
  static final String ID = "distributions";
  static final String TITLE = "Word distributions (Zipf)";

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

  /** One counted source of one side. */
  private record Source(String label, String side, String kind, Counts counts) {}

  @Override
  public Section run(CompareContext context) throws Exception {
    List<Source> sources = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Side s : List.of(context.a(), context.b())) {
      if (s.listCounts() != null) {
        sources.add(new Source(s.name() + " list", s.name(), "frequency list", s.listCounts()));
      }
      if (s.corpusCounts() != null) {
        sources.add(new Source(s.name() + " corpus", s.name(), "corpus", s.corpusCounts()));
      }
      if (!s.hasCounts()) {
        missing.add(s.name());
      }
    }
    if (sources.isEmpty()) {
      return Section.skipped(ID, TITLE, "needs a corpus or a frequency list on at least one side; neither side has one");
    }
    SectionView.Builder view = new SectionView.Builder(
        "Each curve plots a word's share of all tokens against its frequency rank, both on log scales. "
            + "A straight line is a power law f(r) \u221d r^-\u03b1 (Zipf); a steeper line means a few words dominate. "
            + "Social-media text typically has a heavier tail (more distinct rare forms) than encyclopedic text.");
    List<String> columns = sources.stream().map(Source::label).toList();
    CorpusStatistics.Settings settings = CorpusStatistics.Settings.defaults(context.settings().seed());
    List<CorpusStatistics.SideReport> reports = new ArrayList<>();
    for (Source s : sources) {
      reports.add(CorpusStatistics.describe(s.label(), s.counts(), settings));
    }
    KeyTable.Builder basics = new KeyTable.Builder("Counts", columns);
    basics.row("tokens", "in the source (a frequency list counts only the listed words)",
        reports.stream().map(r -> Cell.of(r.frequency().tokens())).toArray(Cell[]::new));
    basics.row("types", "distinct words kept", reports.stream().map(r -> Cell.of(r.frequency().types())).toArray(Cell[]::new));
    basics.row("smallest count kept", "a list cut at count c has no words below c",
        reports.stream().map(r -> Cell.of(r.frequency().minCount())).toArray(Cell[]::new));
    basics.row("hapax share", "types seen once / types; not defined for a truncated list",
        reports.stream().map(r -> r.frequency().truncated() ? Cell.text("n/a (truncated)") : Cell.of(r.frequency().hapaxShare()))
            .toArray(Cell[]::new));
    basics.row("top-10 share", "share of tokens in the 10 most frequent words",
        sources.stream().map(s -> Cell.of(topShare(s.counts(), 10))).toArray(Cell[]::new));
    view.keyTable(basics.build());
    KeyTable.Builder fits = new KeyTable.Builder("Power-law fits (95% bootstrap intervals)", columns);
    fits.row("Zipf \u03b1 (rank-frequency, MLE)", "\u03b1 = 1/(\u03b2 \u2212 1); Clauset, Shalizi & Newman 2009",
        reports.stream().map(r -> cell(r.zipf().alpha(), r.zipf().alphaCi())).toArray(Cell[]::new));
    fits.row("\u03b2 (frequency distribution, MLE)", "P(f) \u221d f^\u2212\u03b2 for f \u2265 x_min",
        reports.stream().map(r -> cell(r.zipf().beta(), r.zipf().betaCi())).toArray(Cell[]::new));
    fits.row("x_min (by KS distance)", "smallest count of the fitted tail",
        reports.stream().map(r -> Cell.of(r.zipf().xMin(), String.format(java.util.Locale.ROOT, "(tail of %,d types)", r.zipf().tailTypes()))).toArray(Cell[]::new));
    fits.row("KS distance", "fit quality of the tail (smaller is better)",
        reports.stream().map(r -> Cell.of(r.zipf().ks())).toArray(Cell[]::new));
    fits.row("two-regime \u03b1 head / tail", "break rank below",
        reports.stream().map(r -> new Cell(r.rankFrequency().alphaHead(), null, null,
            String.format(java.util.Locale.ROOT, "/ %.3f", r.rankFrequency().alphaTail()))).toArray(Cell[]::new));
    fits.row("break rank", null, reports.stream().map(r -> Cell.of(r.rankFrequency().breakRank())).toArray(Cell[]::new));
    fits.row("log-log OLS \u03b1 (comparison only)", "biased; no interval",
        reports.stream().map(r -> Cell.of(r.rankFrequency().olsAlpha())).toArray(Cell[]::new));
    fits.row("entropy H, Miller\u2013Madow (bits)", "plug-in + (K\u22121)/(2N ln 2)",
        reports.stream().map(r -> cell(r.entropy().millerMadowBits(), r.entropy().millerMadowCi())).toArray(Cell[]::new));
    fits.row("entropy H, plug-in (bits)", null,
        reports.stream().map(r -> cell(r.entropy().plugInBits(), r.entropy().plugInCi())).toArray(Cell[]::new));
    fits.row("Heaps exponent b", "V(n) = K n^b (type growth); not defined for a truncated list",
        reports.stream().map(r -> r.frequency().truncated() ? Cell.text("n/a (truncated)") : Cell.of(r.heaps().exponent()))
            .toArray(Cell[]::new));
    view.keyTable(fits.build());
    List<Chart.Series> series = new ArrayList<>();
    List<List<Object>> rows = new ArrayList<>();
    for (int k = 0; k < sources.size(); k++) {
      Source s = sources.get(k);
      series.add(new Chart.Series(s.label(), "line", curve(s.counts(), 160), null));
      Counts c = s.counts();
      for (int r = 0; r < c.size(); r++) {
        rows.add(List.of(s.side(), s.kind(), r + 1, c.word(r), c.count(r), (double) c.count(r) / c.totalTokens()));
      }
    }
    for (int k = 0; k < sources.size(); k++) {
      Source s = sources.get(k);
      if (!s.kind().equals(context.a().name().equals(s.side()) ? context.a().countsSource() : context.b().countsSource())) {
        continue;
      }
      series.add(new Chart.Series(s.label() + " MLE \u03b1=" + String.format(java.util.Locale.ROOT, "%.2f", reports.get(k).zipf().alpha()),
          "dashed", zipfLine(s.counts(), reports.get(k).zipf()), null));
      series.add(new Chart.Series(s.label() + " two-regime", "dashed", twoRegimeLine(s.counts(), reports.get(k).rankFrequency()), null));
    }
    view.chart(Chart.xy("rank-frequency", "Rank-frequency (log-log) with fitted power laws", "rank", "relative frequency", true, true,
        series, "Solid: data (160 log-spaced ranks per curve). Dashed: the MLE power law over its fitted range, and the "
            + "two-regime fit (head and tail slopes meeting at the break rank)."));
    List<Chart.Series> heaps = new ArrayList<>();
    for (int k = 0; k < sources.size(); k++) {
      HeapsFit h = reports.get(k).heaps();
      List<double[]> pts = new ArrayList<>();
      for (int i = 0; i < h.sampleN().length; i++) {
        pts.add(new double[] {h.sampleN()[i], h.sampleTypes()[i]});
      }
      heaps.add(new Chart.Series(sources.get(k).label(), "line", pts, null));
    }
    view.chart(Chart.xy("heaps", "Vocabulary growth (Heaps' law)", "tokens read", "distinct types", true, true, heaps,
        "Expected types after n tokens (sampling without replacement from the counts)."));
    context.addTable(new WordTable("counts", List.of("side", "source", "rank", "word", "count", "relative_frequency"),
        rows));
    if (context.a().hasCounts() && context.b().hasCounts()) {
      CorpusStatistics.ComparisonReport cmp = context.shared(DivergenceAnalysis.KEY, () -> CorpusStatistics.compare(
          context.a().name(), context.a().counts(), context.b().name(), context.b().counts(), settings));
      CorpusStatistics.CommonSupport sup = cmp.support();
      KeyTable.Builder common = new KeyTable.Builder("On a common support: " + sup.method(),
          List.of(context.a().name(), context.b().name()));
      common.row("types kept", "relative frequency \u2265 " + String.format(java.util.Locale.ROOT, "%.3g", sup.relativeThreshold()),
          Cell.of(sup.typesA()), Cell.of(sup.typesB()));
      common.row("Zipf \u03b1 (MLE)", null, cell(cmp.aOnSupport().zipf().alpha(), cmp.aOnSupport().zipf().alphaCi()),
          cell(cmp.bOnSupport().zipf().alpha(), cmp.bOnSupport().zipf().alphaCi()));
      common.row("entropy H, Miller\u2013Madow (bits)", null,
          cell(cmp.aOnSupport().entropy().millerMadowBits(), cmp.aOnSupport().entropy().millerMadowCi()),
          cell(cmp.bOnSupport().entropy().millerMadowBits(), cmp.bOnSupport().entropy().millerMadowCi()));
      view.keyTable(common.build());
      view.note("The claims compare \u03b1 and H on the common support (each side cut at the same relative frequency), "
          + "so that a difference is not an artefact of where each " + context.a().countsSource() + " was cut.");
      context.contributeClaims(c -> c.zipfAlpha(estimate(cmp.aOnSupport().zipf().alpha(), cmp.aOnSupport().zipf().alphaCi()),
          estimate(cmp.bOnSupport().zipf().alpha(), cmp.bOnSupport().zipf().alphaCi()))
          .entropy(estimate(cmp.aOnSupport().entropy().millerMadowBits(), cmp.aOnSupport().entropy().millerMadowCi()),
              estimate(cmp.bOnSupport().entropy().millerMadowBits(), cmp.bOnSupport().entropy().millerMadowCi())));
    }
    for (Source s : sources) {
      if (s.counts().truncated()) {
        view.note(s.label() + ": the " + s.kind() + " leaves out words with count below "
            + s.counts().minCount() + ", so tail estimates (hapax share, entropy, the Zipf tail) describe the listed words only.");
      }
    }
    for (String name : missing) {
      view.note(name + ": no corpus or frequency list, so this side has no word distribution.");
    }
    return Section.ok(ID, TITLE, view.build());
  }

  static Cell cell(double value, Interval ci) {
    return ci == null ? Cell.of(value) : Cell.of(value, ci.lower(), ci.upper());
  }

  static SideEstimate estimate(double value, Interval ci) {
    return ci == null ? SideEstimate.of(value, Double.NaN, Double.NaN, 0.95) : SideEstimate.of(value, ci.lower(), ci.upper(), ci.level());
  }

  /**
   * The MLE power law in rank form, f(r) \u221d r^\u2212\u03b1, drawn over the two decades of rank that end
   * at the fitted tail's last rank (where the frequency-distribution fit is decided), through the
   * observed point at x_min.
   */
  static List<double[]> zipfLine(Counts c, ZipfFit fit) {
    double n = c.totalTokens();
    double rMin = Math.max(1, fit.tailTypes());
    double yMin = fit.xMin() / n;
    double r0 = Math.max(1, rMin / 100);
    return List.of(new double[] {r0, yMin * Math.pow(r0 / rMin, -fit.alpha())}, new double[] {rMin, yMin});
  }

  /** The two-regime fit: head and tail slopes through the observed point at the break rank. */
  static List<double[]> twoRegimeLine(Counts c, RankFrequencyFit fit) {
    double n = c.totalTokens();
    long br = Math.max(1, Math.min(c.size(), fit.breakRank()));
    double yb = c.count((int) br - 1) / n;
    double last = c.size();
    return List.of(new double[] {1, yb * Math.pow(1.0 / br, -fit.alphaHead())}, new double[] {br, yb},
        new double[] {last, yb * Math.pow(last / br, -fit.alphaTail())});
  }

  private static double topShare(Counts c, int k) {
    long sum = 0;
    for (int r = 0; r < Math.min(k, c.size()); r++) {
      sum += c.count(r);
    }
    return (double) sum / c.totalTokens();
  }

  /** About {@code points} (rank, relative frequency) pairs at log-spaced ranks, always including rank 1 and the last. */
  static List<double[]> curve(Counts c, int points) {
    List<double[]> out = new ArrayList<>();
    int n = c.size();
    if (n == 0) {
      return out;
    }
    double total = c.totalTokens();
    int previous = 0;
    for (int i = 0; i < points; i++) {
      int rank = (int) Math.round(Math.exp(Math.log(n) * i / (points - 1.0)));
      rank = Math.max(1, Math.min(n, rank));
      if (rank != previous) {
        out.add(new double[] {rank, c.count(rank - 1) / total});
        previous = rank;
      }
    }
    return out;
  }
}
