package org.embdiff.report;

import java.util.ArrayList;
import java.util.List;
import org.embdiff.stats.Counts;

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

  /** One counted source of one side. */
  private record Source(String label, String side, String kind, Counts counts) {}

  @Override
  public Section run(CompareContext context) {
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
    KeyTable.Builder basics = new KeyTable.Builder("Counts", columns);
    basics.row("tokens", "in the source (a frequency list counts only the listed words)",
        sources.stream().map(s -> Cell.of(s.counts().totalTokens())).toArray(Cell[]::new));
    basics.row("types", "distinct words kept", sources.stream().map(s -> Cell.of(s.counts().size())).toArray(Cell[]::new));
    basics.row("smallest count kept", "a list cut at count c has no words below c",
        sources.stream().map(s -> Cell.of(s.counts().minCount())).toArray(Cell[]::new));
    basics.row("hapax share", "types seen once / types; not defined for a truncated list",
        sources.stream().map(s -> hapaxShare(s.counts())).toArray(Cell[]::new));
    basics.row("top-10 share", "share of tokens in the 10 most frequent words",
        sources.stream().map(s -> Cell.of(topShare(s.counts(), 10))).toArray(Cell[]::new));
    view.keyTable(basics.build());
    List<Chart.Series> series = new ArrayList<>();
    List<List<Object>> rows = new ArrayList<>();
    for (Source s : sources) {
      series.add(new Chart.Series(s.label(), "line", curve(s.counts(), 160), null));
      Counts c = s.counts();
      for (int r = 0; r < c.size(); r++) {
        rows.add(List.of(s.side(), s.kind(), r + 1, c.word(r), c.count(r), (double) c.count(r) / c.totalTokens()));
      }
    }
    view.chart(Chart.xy("rank-frequency", "Rank-frequency (log-log)", "rank", "relative frequency", true, true,
        series, "Ranks are sampled on a log scale (160 points per curve)."));
    context.addTable(new WordTable("counts", List.of("side", "source", "rank", "word", "count", "relative_frequency"),
        rows));
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

  private static Cell hapaxShare(Counts c) {
    if (c.truncated() || c.size() == 0) {
      return Cell.text("n/a (truncated)");
    }
    long hapax = 0;
    for (int r = c.size() - 1; r >= 0 && c.count(r) == 1; r--) {
      hapax++;
    }
    return Cell.of((double) hapax / c.size());
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
