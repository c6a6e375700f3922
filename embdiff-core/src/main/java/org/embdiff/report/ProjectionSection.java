package org.embdiff.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.embdiff.align.AlignmentResult;
import org.embdiff.align.ShiftAnalysis;
import org.embdiff.attention.PcaProjection;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Vocabulary;

/**
 * A 2D picture of the aligned space: the probe words and the most shifted words, each drawn at
 * its position in B (aligned) with an arrow to its position in A, after a PCA of those points.
 */
final class ProjectionSection implements Analysis {
  static final String ID = "projection";
  static final String TITLE = "2D projection of the aligned space";
  private static final int SHIFTED = 12;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return TITLE;
  }

  @Override
  public Section run(CompareContext context) throws Exception {
    Side a = context.a();
    Side b = context.b();
    if (!a.hasVectors() || !b.hasVectors()) {
      return Section.skipped(ID, TITLE, "needs vectors on both sides (" + (a.hasVectors() ? b.name() : a.name()) + " has none)");
    }
    ShiftAnalysis shift = ShiftSection.shift(context);
    AlignmentResult al = shift.alignment();
    EmbeddingSpace sa = al.spaceA();
    EmbeddingSpace sb = al.alignedB();
    Set<String> chosen = new LinkedHashSet<>();
    for (String w : context.settings().probeWords()) {
      if (sa.contains(w) && sb.contains(w)) {
        chosen.add(w);
      }
    }
    for (ShiftAnalysis.ShiftedWord w : shift.mostShifted()) {
      if (chosen.size() >= context.settings().probeWords().size() + SHIFTED) {
        break;
      }
      if (sa.contains(w.shift().word()) && sb.contains(w.shift().word())) {
        chosen.add(w.shift().word());
      }
    }
    if (chosen.size() < 2) {
      return Section.skipped(ID, TITLE, "fewer than 2 probe or shifted words are in both aligned spaces");
    }
    List<String> words = new ArrayList<>(chosen);
    int n = words.size();
    int d = sa.dim();
    float[] points = new float[2 * n * d];
    String[] names = new String[2 * n];
    for (int i = 0; i < n; i++) {
      sb.copyRow(sb.indexOf(words.get(i)), points, i * d);
      sa.copyRow(sa.indexOf(words.get(i)), points, (n + i) * d);
      names[i] = "b\u0000" + words.get(i);
      names[n + i] = "a\u0000" + words.get(i);
    }
    // each side centred on its own mean over these words: a global offset between the spaces is not a word's shift
    for (int side = 0; side < 2; side++) {
      for (int c = 0; c < d; c++) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
          mean += points[(side * n + i) * d + c];
        }
        mean /= n;
        for (int i = 0; i < n; i++) {
          points[(side * n + i) * d + c] -= (float) mean;
        }
      }
      // and scaled to the same spread (RMS distance from the mean): a space that is tighter overall is not drawn as
      // every word moving towards the centre
      double sq = 0;
      for (int i = side * n * d; i < (side + 1) * n * d; i++) {
        sq += (double) points[i] * points[i];
      }
      double rms = Math.sqrt(sq / n);
      for (int i = side * n * d; rms > 0 && i < (side + 1) * n * d; i++) {
        points[i] = (float) (points[i] / rms);
      }
    }
    PcaProjection pca = PcaProjection.fit(new EmbeddingSpace(new Vocabulary(names), d, points), 2);
    double[] rows = new double[2 * n * d];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = points[i];
    }
    double[] xy = pca.apply(rows, 2 * n);
    List<double[]> arrows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      arrows.add(new double[] {xy[2 * i], xy[2 * i + 1], xy[2 * (n + i)], xy[2 * (n + i) + 1]});
    }
    SectionView.Builder view = new SectionView.Builder(
        "Each word appears twice in the common space: where " + b.name() + " puts it (after alignment, the tail of the "
            + "arrow) and where " + a.name() + " puts it (the labelled head). Long arrows are words whose meaning or use "
            + "differs between the domains; the axes are the two principal components of these points only, with each side "
            + "centred on its own mean and scaled to the same spread, so that a global offset or a tighter space is not "
            + "drawn as movement.");
    view.chart(new Chart("projection", "arrows", "Probe and most shifted words: " + b.name() + " \u2192 " + a.name(), "PC 1",
        "PC 2", false, false, List.of(new Chart.Series(b.name() + " \u2192 " + a.name(), "scatter", arrows, words)), null, null,
        String.format(java.util.Locale.ROOT, "PCA of the %d points keeps %.0f%% of their variance. Alignment: %s.", 2 * n,
            100 * pca.explainedVariance(), al.describe())));
    return Section.ok(ID, TITLE, view.build());
  }
}
