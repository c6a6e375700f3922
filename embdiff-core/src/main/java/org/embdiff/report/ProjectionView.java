package org.embdiff.report;

import java.util.List;
import java.util.Locale;
import org.embdiff.compare.analyses.ProjectionAnalysis;

/** The view of {@link ProjectionAnalysis.Result}. */
final class ProjectionView {
  private ProjectionView() {}

  static SectionView of(ProjectionAnalysis.Result r) {
    SectionView.Builder view = new SectionView.Builder(
        "Each word appears twice in the common space: where " + r.sideB() + " puts it (after alignment, the tail of the "
            + "arrow) and where " + r.sideA() + " puts it (the labelled head). Long arrows are words whose meaning or use "
            + "differs between the domains; the axes are the two principal components of these points only, with each side "
            + "centred on its own mean and scaled to the same spread, so that a global offset or a tighter space is not "
            + "drawn as movement.");
    view.chart(new Chart("projection", "arrows", "Probe and most shifted words: " + r.sideB() + " \u2192 " + r.sideA(), "PC 1",
        "PC 2", false, false, List.of(new Chart.Series(r.sideB() + " \u2192 " + r.sideA(), "scatter", r.arrows(), r.words())),
        null, null, String.format(Locale.ROOT, "PCA of the %d points keeps %.0f%% of their variance. Alignment: %s.",
            2 * r.words().size(), 100 * r.explainedVariance(), r.alignment())));
    return view.build();
  }
}
