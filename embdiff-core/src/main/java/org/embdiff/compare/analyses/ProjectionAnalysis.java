package org.embdiff.compare.analyses;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.embdiff.align.AlignmentResult;
import org.embdiff.attention.PcaProjection;
import org.embdiff.compare.Analysis;
import org.embdiff.compare.AnalysisContext;
import org.embdiff.compare.AnalysisSkipped;
import org.embdiff.compare.Input;
import org.embdiff.compare.Outcome;
import org.embdiff.compare.Requirement;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Vocabulary;

/**
 * A 2D picture of the aligned space: the probe words and the most shifted words, each at its
 * position in B (aligned) and in A, after a PCA of those points (each side centred on its own
 * mean over them and scaled to the same spread, so a global offset or a tighter space is not
 * drawn as movement).
 */
public final class ProjectionAnalysis implements Analysis<ProjectionAnalysis.Result> {
  private static final int SHIFTED = 12;

  /**
   * The result.
   *
   * @param sideA name of A
   * @param sideB name of B
   * @param words the words drawn
   * @param arrows per word (x_B, y_B, x_A, y_A) in the first two principal components
   * @param explainedVariance share of the points' variance the two components keep
   * @param alignment the alignment, described
   */
  public record Result(String sideA, String sideB, List<String> words, List<double[]> arrows, double explainedVariance,
      String alignment) {}

  @Override
  public String id() {
    return "projection";
  }

  @Override
  public String title() {
    return "2D projection of the aligned space";
  }

  @Override
  public Class<Result> resultType() {
    return Result.class;
  }

  @Override
  public List<Requirement> requires() {
    return List.of(Requirement.onBothSides(Input.VECTORS));
  }

  @Override
  public Outcome<Result> run(AnalysisContext context) throws Exception {
    org.embdiff.align.ShiftAnalysis shift = context.shared(SharedWork.SHIFT);
    AlignmentResult al = shift.alignment();
    EmbeddingSpace sa = al.spaceA();
    EmbeddingSpace sb = al.alignedB();
    List<String> probes = context.settings().probeWords();
    Set<String> chosen = new LinkedHashSet<>();
    for (String w : probes) {
      if (sa.contains(w) && sb.contains(w)) {
        chosen.add(w);
      }
    }
    for (org.embdiff.align.ShiftAnalysis.ShiftedWord w : shift.mostShifted()) {
      if (chosen.size() >= probes.size() + SHIFTED) {
        break;
      }
      if (sa.contains(w.shift().word()) && sb.contains(w.shift().word())) {
        chosen.add(w.shift().word());
      }
    }
    if (chosen.size() < 2) {
      throw new AnalysisSkipped("fewer than 2 probe or shifted words are in both aligned spaces");
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
    return Outcome.of(new Result(context.a().name(), context.b().name(), words, arrows, pca.explainedVariance(),
        al.describe()));
  }
}
