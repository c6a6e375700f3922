package org.embdiff.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;
import org.embdiff.align.AlignmentDiagnostics;
import org.embdiff.align.AlignmentResult;
import org.embdiff.align.DomainShift;
import org.embdiff.align.ShiftAnalysis;
import org.embdiff.align.ShiftSettings;
import org.embdiff.align.WordShift;
import org.embdiff.inference.Interval;
import org.embdiff.stats.Counts;
import org.embdiff.util.ProgressListener;

/**
 * SPEC 4, domain shift: B aligned onto A (Procrustes, or PCA + Procrustes for different
 * dimensions) on frequent shared anchors, then per shared word Delta_w, cosine distance,
 * neighbour overlap and the second-order distance; the most shifted words with their neighbours
 * in both spaces, Delta-bar per frequency band, and the alignment diagnostics.
 */
final class ShiftSection implements Analysis {
  static final String ID = "shift";
  static final String TITLE = "Domain shift";
  /** Random shared words compared with the probe words in the claims. */
  private static final int CONTROL_WORDS = 500;

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
    return 40;
  }

  /** The shift analysis of the run, computed once (shared with the projection). */
  static ShiftAnalysis shift(CompareContext context) throws Exception {
    return context.shared("shift", () -> {
      Side a = context.a();
      Side b = context.b();
      ShiftSettings settings = ShiftSettings.defaults().withSeed(context.settings().seed())
          .withLists(context.settings().topWords(), context.settings().probeWords());
      return DomainShift.analyze(a.vectors().space(), b.vectors().space(), settings, rank(a.counts()),
          a.hasCounts() ? a.name() + " " + a.countsSource() : "row order of " + a.name(), rank(b.counts()),
          b.hasCounts() ? b.name() + " " + b.countsSource() : "row order of " + b.name(), ProgressListener.NONE);
    });
  }

  private static ToIntFunction<String> rank(Counts counts) {
    return counts == null ? null : counts::rank;
  }

  @Override
  public Section run(CompareContext context) throws Exception {
    Side a = context.a();
    Side b = context.b();
    if (!a.hasVectors() || !b.hasVectors()) {
      return Section.skipped(ID, TITLE, "needs vectors on both sides (" + (a.hasVectors() ? b.name() : a.name())
          + " has none); a shift is measured between two aligned spaces");
    }
    ShiftAnalysis r = shift(context);
    AlignmentResult al = r.alignment();
    AlignmentDiagnostics d = al.diagnostics();
    SectionView.Builder view = new SectionView.Builder(
        "The " + b.name() + " space is rotated onto the " + a.name() + " space using frequent shared words as anchors; "
            + "then \u0394_w = \u2016A(w) \u2212 R\u00b7B(w)\u2016 (unit vectors, 0 to 2) says how far a word moved. "
            + "Neighbour overlap needs no alignment: the share of a word's 10 nearest neighbours the two spaces agree on. "
            + "Rare words drift more, so compare words within a frequency band. Click a table header to sort.");
    view.keyTable(new KeyTable.Builder("Alignment of " + b.name() + " onto " + a.name(), List.of("value"))
        .row("map", null, Cell.text(al.describe()))
        .row("anchors", al.anchors().policy(), Cell.of(al.anchors().count()))
        .row("residual (RMS, unit vectors)", "0 = perfect fit, \u221a2 = unrelated", Cell.of(d.residualRms()))
        .row("mean cosine on anchors", null, Cell.of(d.anchorMeanCosine()))
        .row("mean cosine on held-out anchors", d.folds() + "-fold cross-validation", Cell.of(d.heldOutMeanCosine()))
        .row("ranking stability (Spearman)", d.stabilityResamples() + " bootstrap resamples of the anchors; mean and min",
            new Cell(d.stabilitySpearmanMean(), null, null, String.format(java.util.Locale.ROOT, "min %.3f", d.stabilitySpearmanMin())))
        .build());
    KeyTable.Builder bands = new KeyTable.Builder("\u0394\u0304 by frequency band (95% bootstrap)", List.of("words", "mean \u0394", "median \u0394", "overlap@10"));
    bands.row("all shared words", r.rankSourceA() + " / " + r.rankSourceB(), Cell.of(r.overall().words()), est(r.overall().deltaMean()),
        est(r.overall().deltaMedian()), Cell.of(r.overall().overlap10Mean()));
    for (ShiftAnalysis.BandSummary band : r.bands()) {
      bands.row("rank " + band.band(), "band of the rarer side", Cell.of(band.words()), est(band.deltaMean()), est(band.deltaMedian()),
          Cell.of(band.overlap10Mean()));
    }
    view.keyTable(bands.build());
    double[] deltas = r.words().stream().filter(w -> w.delta() != null).mapToDouble(WordShift::delta).toArray();
    List<List<double[]>> hist = ViewMath.histograms(List.of(deltas), 40);
    view.chart(Chart.xy("shift-histogram", "Distribution of \u0394_w over the shared vocabulary", "\u0394_w", "share of words", false,
        false, List.of(new Chart.Series("all shared words", "bar", hist.get(0), null)), deltas.length + " words."));
    List<double[]> scatter = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    int step = Math.max(1, r.words().size() / 2500);
    for (int i = 0; i < r.words().size(); i += step) {
      WordShift w = r.words().get(i);
      if (w.delta() != null && w.presentable() && w.rankA() > 0 && w.rankB() > 0 && Math.max(w.rankA(), w.rankB()) < 100_000_000) {
        scatter.add(new double[] {Math.max(w.rankA(), w.rankB()), w.delta()});
        labels.add(w.word());
      }
    }
    view.chart(Chart.xy("shift-vs-rank", "\u0394_w against frequency rank (rarer side)", "rank", "\u0394_w", true, false,
        List.of(new Chart.Series("words", "scatter", scatter, labels)), "Every " + step + "th shared word; hover for the word."));
    if (!r.focus().isEmpty()) {
      view.table(shiftTable("shift-probes", "Probe words (domain words chosen with --probe-words)", r.focus(), a.name(), b.name(), false));
    }
    List<ShiftAnalysis.ShiftedWord> frequent = new ArrayList<>();
    List<String> frequentBands = new ArrayList<>();
    for (java.util.Map.Entry<String, List<ShiftAnalysis.ShiftedWord>> e : r.mostShiftedPerBand().entrySet()) {
      if (frequentBands.size() < 2) {
        frequentBands.add(e.getKey());
        frequent.addAll(e.getValue());
      }
    }
    String measure = r.rankedBy().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    if (!frequent.isEmpty()) {
      view.table(shiftTable("shift", "Most shifted frequent words (rank bands " + String.join(", ", frequentBands) + "; by "
          + measure + ")", frequent, a.name(), b.name(), true));
    }
    view.table(shiftTable(frequent.isEmpty() ? "shift" : "shift-overall", "Most shifted words overall (by " + measure
        + "; rare words dominate)", r.mostShifted(), a.name(), b.name(), true));
    view.table(shiftTable("shift-least", "Least shifted words", r.leastShifted(), a.name(), b.name(), false));
    List<List<Object>> rows = new ArrayList<>();
    for (WordShift w : r.words()) {
      rows.add(Arrays.asList(w.word(), w.rankA(), w.rankB(), w.bandA(), w.bandB(), w.delta(), w.cosineDistance(), w.overlap10(),
          w.overlap100(), w.overlap1000(), w.secondOrder(), w.presentable()));
    }
    context.addTable(new WordTable("shift", List.of("word", "rank_" + a.name(), "rank_" + b.name(), "band_" + a.name(),
        "band_" + b.name(), "delta", "cosine_distance", "overlap10", "overlap100", "overlap1000", "second_order", "presentable"), rows));
    Set<String> probes = new HashSet<>(context.settings().probeWords());
    double[] domain = r.words().stream().filter(w -> probes.contains(w.word()) && w.delta() != null).mapToDouble(WordShift::delta).toArray();
    List<WordShift> pool = r.words().stream().filter(w -> w.presentable() && !probes.contains(w.word()) && w.delta() != null).toList();
    SplittableRandom random = new SplittableRandom(context.settings().seed());
    double[] control = new double[Math.min(CONTROL_WORDS, pool.size())];
    for (int i = 0; i < control.length; i++) {
      control[i] = pool.get(random.nextInt(pool.size())).delta();
    }
    if (domain.length >= 2 && control.length >= 2) {
      context.contributeClaims(c -> c.domainShift(domain, control).shifts(deltas, null));
    } else {
      context.contributeClaims(c -> c.shifts(deltas, null));
      view.note("The claim \"\u0394_w >> 0 for domain words\" needs at least 2 probe words in the shared vocabulary; found "
          + domain.length + ".");
    }
    view.note("Control group for the claims: " + control.length + " random presentable shared words (seeded), against the "
        + domain.length + " probe words found.");
    return Section.ok(ID, TITLE, view.build());
  }

  private static Cell est(Interval e) {
    return e == null ? Cell.EMPTY : Cell.of(e.estimate(), e.lower(), e.upper());
  }

  private static DataTable shiftTable(String id, String title, List<ShiftAnalysis.ShiftedWord> words, String a, String b,
      boolean sortable) {
    List<List<Object>> rows = new ArrayList<>();
    for (ShiftAnalysis.ShiftedWord sw : words) {
      WordShift w = sw.shift();
      rows.add(Arrays.asList(w.word(), w.delta(), w.cosineDistance(), w.overlap10(), w.secondOrder(), w.rankA(), w.rankB(),
          sw.neighborsA(), sw.neighborsB()));
    }
    return new DataTable(id, title, List.of(new DataTable.Column("word", "word", "text"),
        new DataTable.Column("delta", "\u0394_w", "number"), new DataTable.Column("cosine_distance", "cos dist", "number"),
        new DataTable.Column("overlap10", "overlap@10", "number"), new DataTable.Column("second_order", "2nd order", "number"),
        new DataTable.Column("rank_a", "rank " + a, "number"), new DataTable.Column("rank_b", "rank " + b, "number"),
        new DataTable.Column("neighbours_a", "neighbours in " + a, "list"),
        new DataTable.Column("neighbours_b", "neighbours in " + b, "list")), rows, true, null);
  }
}
