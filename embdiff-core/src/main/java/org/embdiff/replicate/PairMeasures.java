package org.embdiff.replicate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.embdiff.align.Aligner;
import org.embdiff.align.AnchorPolicy;
import org.embdiff.align.DomainShift;
import org.embdiff.align.MapMethod;
import org.embdiff.align.ShiftAnalysis;
import org.embdiff.align.ShiftMeasure;
import org.embdiff.align.ShiftSettings;
import org.embdiff.align.WordShift;
import org.embdiff.util.ProgressListener;
import org.embdiff.vec.EmbeddingSpace;

/**
 * The per-word shift measures of one pair of spaces: each space is mean-centred, then B is
 * aligned onto A by orthogonal Procrustes on unit vectors (centred Procrustes), and
 * {@link DomainShift} gives Delta_w, cosine distance, overlap@k and the second-order distance.
 *
 * @param values per word, the value of each measure in the order of {@code measures}
 * @param measures the measures held
 */
public record PairMeasures(Map<String, double[]> values, List<ShiftMeasure> measures) {

  public static PairMeasures compute(EmbeddingSpace a, EmbeddingSpace b, ReplicateSettings settings, long seed) {
    Aligner.Settings alignment = new Aligner.Settings(MapMethod.PROCRUSTES, AnchorPolicy.defaults(), 2, 0, seed);
    ShiftSettings shift = new ShiftSettings(alignment, ShiftMeasure.DELTA, 1, 0, List.of(), settings.overlapK(),
        settings.secondOrderK(), 1, ShiftSettings.DEFAULT_BANDS, 1000, seed);
    ShiftAnalysis analysis = DomainShift.analyze(centred(a), centred(b), shift, ProgressListener.NONE);
    List<ShiftMeasure> measures = settings.measures();
    Map<String, double[]> values = new HashMap<>(analysis.words().size() * 2);
    for (WordShift w : analysis.words()) {
      double[] v = new double[measures.size()];
      for (int m = 0; m < v.length; m++) {
        v[m] = w.value(measures.get(m));
      }
      values.put(w.word(), v);
    }
    return new PairMeasures(values, measures);
  }

  /** {@code space} minus its mean row. */
  static EmbeddingSpace centred(EmbeddingSpace space) {
    int d = space.dim(), n = space.size();
    float[] m = space.matrix().clone();
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += m[i * d + j];
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        m[i * d + j] -= (float) (mean[j] / n);
      }
    }
    return space.withMatrix(d, m);
  }
}
