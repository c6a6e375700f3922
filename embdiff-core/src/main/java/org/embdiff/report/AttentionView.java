package org.embdiff.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.embdiff.attention.AttentionResult;
import org.embdiff.compare.analyses.AttentionAnalysis;

/** The view of {@link AttentionAnalysis.Result}. */
final class AttentionView {
  private AttentionView() {}

  static SectionView of(AttentionAnalysis.Result r) {
    return view(r.attention()).build();
  }

  static SectionView.Builder view(AttentionResult r) {
    SectionView.Builder view = new SectionView.Builder(
        "Each probe sentence is embedded with each side's vectors and fed to one self-attention head, "
            + "softmax(QK\u1d40/\u221ad). Normalised entropy 1 means every token attends to all others equally (diffuse); "
            + "0 means it attends to one token. Rows compare the sides on the same sentences (" + r.sideB() + " \u2212 "
            + r.sideA() + "). The noise curve adds Gaussian noise to the vectors: if noise makes attention more diffuse, "
            + "a noisier space should too.");
    KeyTable.Builder key = new KeyTable.Builder("Paired comparison on " + r.sentencesUsed() + " sentences",
        List.of(r.sideA(), r.sideB(), r.sideB() + " \u2212 " + r.sideA()));
    for (AttentionResult.Comparison c : r.comparisons()) {
      key.row(AttentionResult.metricWords(c.metric()) + " (" + label(c.representation()) + ", " + label(c.projection()) + ")",
          c.wilcoxon() == null ? null : String.format(Locale.ROOT, "Wilcoxon p = %.3g", c.wilcoxon().pTwoSided()),
          Cell.of(c.meanA()), Cell.of(c.meanB()), Cell.of(c.difference().estimate(), c.difference().lo(), c.difference().hi()));
    }
    view.keyTable(key.build());
    int k = 0;
    java.util.Set<String> sourcesShown = new java.util.HashSet<>();
    java.util.Set<Integer> sentencesShown = new java.util.HashSet<>();
    for (AttentionResult.Heatmap h : r.heatmaps()) {
      // one sentence per source, both sides side by side
      if (!sentencesShown.contains(h.sentence()) && !sourcesShown.add(h.source())) {
        continue;
      }
      sentencesShown.add(h.sentence());
      List<double[]> cells = new ArrayList<>();
      for (int i = 0; i < h.weights().length; i++) {
        for (int j = 0; j < h.weights()[i].length; j++) {
          cells.add(new double[] {j, i, h.weights()[i][j]});
        }
      }
      view.chart(new Chart("attention-heatmap-" + k++, "heatmap", h.side() + ": sentence " + h.sentence() + " (" + h.source() + ")",
          "attended token", "query token", false, false, List.of(new Chart.Series(h.side(), "scatter", cells, null)),
          h.tokens(), h.tokens(), "Rows: queries; columns: the tokens they attend to (weights sum to 1 per row)."));
    }
    List<Chart.Series> noise = new ArrayList<>();
    for (AttentionResult.NoiseCurve curve : r.noise()) {
      List<double[]> pts = new ArrayList<>();
      for (int i = 0; i < curve.scales().size(); i++) {
        pts.add(new double[] {curve.scales().get(i), curve.entropy().get(i)});
      }
      noise.add(new Chart.Series(curve.side() + " (" + curve.variant() + ")", "line", pts, null));
    }
    view.chart(Chart.xy("attention-noise", "Noise control: entropy as noise grows", "noise scale s",
        "mean normalised entropy", false, false, noise, "Each side's own dimension. Additive: Gaussian noise of scale "
            + "s \u00d7 mean vector norm added, Q = K = E (the noise also inflates the norms, so logits grow). "
            + "Norm-preserving: e' = \u221a(1\u2212s\u00b2) e + s \u2016e\u2016 n/\u2016n\u2016 (noise replaces signal at "
            + "the same norm), Q = E'W_Q, K = E'W_K with random orthogonal W."));
    view.note("Sentences: " + r.sentenceSource() + "; " + r.sentencesUsed() + " used, " + r.sentencesSkipped()
        + " skipped (fewer than " + r.settings().minTokens() + " tokens both sides know).");
    view.note("Common dimension " + r.commonDim() + ": " + r.reduction() + ". Random projections: "
        + r.settings().projectionSeeds() + " seeds.");
    return view;
  }

  private static String label(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
