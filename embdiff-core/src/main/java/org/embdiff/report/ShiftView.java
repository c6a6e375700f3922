package org.embdiff.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.embdiff.align.AlignmentDiagnostics;
import org.embdiff.align.AlignmentResult;
import org.embdiff.align.ShiftAnalysis;
import org.embdiff.align.WordShift;
import org.embdiff.inference.Interval;

/** The view of {@link org.embdiff.compare.analyses.ShiftAnalysis.Result}. */
final class ShiftView {
  private ShiftView() {}

  static SectionView of(org.embdiff.compare.analyses.ShiftAnalysis.Result result) {
    String a = result.sideA();
    String b = result.sideB();
    ShiftAnalysis r = result.shift();
    AlignmentResult al = r.alignment();
    AlignmentDiagnostics d = al.diagnostics();
    SectionView.Builder view = new SectionView.Builder(
        "The " + b + " space is rotated onto the " + a + " space using frequent shared words as anchors; "
            + "then \u0394_w = \u2016A(w) \u2212 R\u00b7B(w)\u2016 (unit vectors, 0 to 2) says how far a word moved. "
            + "Neighbour overlap needs no alignment: the share of a word's 10 nearest neighbours the two spaces agree on. "
            + "Rare words drift more, so compare words within a frequency band. Click a table header to sort.");
    view.keyTable(new KeyTable.Builder("Alignment of " + b + " onto " + a, List.of("value"))
        .row("map", null, Cell.text(al.describe()))
        .row("anchors", al.anchors().policy(), Cell.of(al.anchors().count()))
        .row("residual (RMS, unit vectors)", "0 = perfect fit, \u221a2 = unrelated", Cell.of(d.residualRms()))
        .row("mean cosine on anchors", null, Cell.of(d.anchorMeanCosine()))
        .row("mean cosine on held-out anchors", d.folds() + "-fold cross-validation", Cell.of(d.heldOutMeanCosine()))
        .row("ranking stability (Spearman)", d.stabilityResamples() + " bootstrap resamples of the anchors; mean and min",
            new Cell(d.stabilitySpearmanMean(), null, null, String.format(Locale.ROOT, "min %.3f", d.stabilitySpearmanMin())))
        .build());
    KeyTable.Builder bands = new KeyTable.Builder("\u0394\u0304 by frequency band (95% bootstrap)",
        List.of("words", "mean \u0394", "median \u0394", "overlap@10"));
    bands.row("all shared words", r.rankSourceA() + " / " + r.rankSourceB(), Cell.of(r.overall().words()),
        est(r.overall().deltaMean()), est(r.overall().deltaMedian()), Cell.of(r.overall().overlap10Mean()));
    for (ShiftAnalysis.BandSummary band : r.bands()) {
      bands.row("rank " + band.band(), "band of the rarer side", Cell.of(band.words()), est(band.deltaMean()),
          est(band.deltaMedian()), Cell.of(band.overlap10Mean()));
    }
    view.keyTable(bands.build());
    double[] deltas = result.deltas();
    List<List<double[]>> hist = ViewMath.histograms(List.of(deltas), 40);
    view.chart(Chart.xy("shift-histogram", "Distribution of \u0394_w over the shared vocabulary", "\u0394_w", "share of words",
        false, false, List.of(new Chart.Series("all shared words", "bar", hist.get(0), null)), deltas.length + " words."));
    view.chart(Chart.xy("shift-vs-rank", "\u0394_w against frequency rank (rarer side)", "rank", "\u0394_w", true, false,
        List.of(new Chart.Series("words", "scatter", result.scatter(), result.scatterLabels())),
        "Every " + result.scatterStep() + "th shared word; hover for the word."));
    if (!r.focus().isEmpty()) {
      view.table(shiftTable("shift-probes", "Probe words (domain words chosen with --probe-words)", r.focus(), a, b));
    }
    List<ShiftAnalysis.ShiftedWord> frequent = new ArrayList<>();
    List<String> frequentBands = new ArrayList<>();
    for (Map.Entry<String, List<ShiftAnalysis.ShiftedWord>> e : r.mostShiftedPerBand().entrySet()) {
      if (frequentBands.size() < 2) {
        frequentBands.add(e.getKey());
        frequent.addAll(e.getValue());
      }
    }
    String measure = r.rankedBy().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    if (!frequent.isEmpty()) {
      view.table(shiftTable("shift", "Most shifted frequent words (rank bands " + String.join(", ", frequentBands) + "; by "
          + measure + ")", frequent, a, b));
    }
    view.table(shiftTable(frequent.isEmpty() ? "shift" : "shift-overall", "Most shifted words overall (by " + measure
        + "; rare words dominate)", r.mostShifted(), a, b));
    view.table(shiftTable("shift-least", "Least shifted words", r.leastShifted(), a, b));
    if (result.probeWordsFound() < 2) {
      view.note("The claim \"\u0394_w >> 0 for domain words\" needs at least 2 probe words in the shared vocabulary; found "
          + result.probeWordsFound() + ".");
    }
    view.note("Control group for the claims: " + result.controlWords() + " random presentable shared words (seeded), against the "
        + result.probeWordsFound() + " probe words found.");
    return view.build();
  }

  private static Cell est(Interval e) {
    return e == null ? Cell.EMPTY : Cell.of(e.estimate(), e.lower(), e.upper());
  }

  private static DataTable shiftTable(String id, String title, List<ShiftAnalysis.ShiftedWord> words, String a, String b) {
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
