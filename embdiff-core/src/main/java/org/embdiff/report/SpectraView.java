package org.embdiff.report;

import java.util.ArrayList;
import java.util.List;
import org.embdiff.claims.SideEstimate;
import org.embdiff.compare.analyses.SpectraAnalysis;
import org.embdiff.linalg.Spectrum;

/** The view of {@link SpectraAnalysis.Result}. */
final class SpectraView {
  private SpectraView() {}

  static SectionView of(SpectraAnalysis.Result r) {
    SectionView.Builder view = new SectionView.Builder(
        "Singular values in decreasing order, divided by the largest, on log-log axes. A flatter curve (smaller decay "
            + "exponent, larger effective rank) spreads the signal over more dimensions: less structure, or more noise. "
            + "The PCA spectrum describes the vectors themselves; the co-occurrence spectra describe the corpus they "
            + "were (or would be) trained on.");
    List<Chart.Series> pca = new ArrayList<>();
    List<Chart.Series> cooc = new ArrayList<>();
    for (SpectraAnalysis.SideSpectrum s : r.spectra()) {
      switch (s.kind()) {
        case "PCA" -> pca.add(new Chart.Series(s.side(), "line", points(s.spectrum()), null));
        case "X" -> cooc.add(new Chart.Series(s.side() + " X", "line", points(s.spectrum()), null));
        case "log(1+X)" -> cooc.add(new Chart.Series(s.side() + " log(1+X)", "dashed", points(s.spectrum()), null));
        default -> cooc.add(new Chart.Series(s.side() + " " + s.kind(), "scatter", points(s.spectrum()), null));
      }
    }
    if (!pca.isEmpty()) {
      view.chart(Chart.xy("pca-spectrum", "PCA spectrum of the vectors", "component i", "\u03c3_i / \u03c3_1", true, true, pca,
          "Singular values of the column-centred embedding matrix."));
    }
    for (String s : r.tooSmall()) {
      view.note(s + ": the co-occurrence matrix is too small for a spectrum.");
    }
    if (!cooc.isEmpty()) {
      List<String> sizes = r.spectra().stream().filter(s -> s.kind().equals("X"))
          .map(s -> String.format(java.util.Locale.ROOT, "%s %,d \u00d7 %,d", s.side(), s.spectrum().rows(), s.spectrum().cols()))
          .toList();
      view.chart(Chart.xy("cooccurrence-spectra", "Co-occurrence spectra (top " + SpectraAnalysis.K + ")", "i",
          "\u03c3_i / \u03c3_1", true, true, cooc, String.format(java.util.Locale.ROOT, "Randomized SVD of the "
              + "co-occurrence matrices of the most frequent words (at most %,d; kept: %s).", r.coocWords(),
              String.join(", ", sizes))));
    }
    KeyTable.Builder key = new KeyTable.Builder("Spectrum summaries", List.of("decay exponent", "effective rank", "energy top 10"));
    for (SpectraAnalysis.SideSpectrum s : r.spectra()) {
      Spectrum sp = s.spectrum();
      key.row(sp.name(), sp.rows() + " \u00d7 " + sp.cols() + ", top " + sp.singularValues().length,
          Cell.of(sp.decayExponent()), Cell.of(sp.effectiveRank()), Cell.of(sp.energyTop10()));
    }
    view.keyTable(key.build());
    if (r.claimsNotMeasurable() != null) {
      view.note(r.claimsNotMeasurable());
    }
    SpectraAnalysis.Common c = r.common();
    if (c != null) {
      view.keyTable(new KeyTable.Builder("PCA spectra on the common top " + c.k() + " components (95% bootstrap over words)",
          List.of(r.sideA(), r.sideB()))
          .row("effective rank", "Roy & Vetterli 2007, over the top " + c.k(), cell(c.effectiveRankA()), cell(c.effectiveRankB()))
          .row("decay exponent \u03b3", "\u03c3_i \u221d i^\u2212\u03b3, least squares on log-log", cell(c.decayA()), cell(c.decayB()))
          .build());
      view.note("The claims use the PCA spectra on the top " + c.k() + " components of each side (the smaller dimension), "
          + "so spaces of different dimension are compared on the same number of values.");
    }
    return view.build();
  }

  private static Cell cell(SideEstimate e) {
    return Cell.of(e.value(), e.lo(), e.hi());
  }

  private static List<double[]> points(Spectrum s) {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < s.normalized().length; i++) {
      out.add(new double[] {i + 1, s.normalized()[i]});
    }
    return out;
  }
}
