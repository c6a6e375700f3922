package org.embdiff.eval;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import org.embdiff.inference.Correlation;
import org.embdiff.vec.EmbeddingSpace;

/** Word-similarity benchmarks: Pearson and Spearman of cosines against human scores, with OOV share. */
public final class WordPairEvaluator {
  private WordPairEvaluator() {}

  /**
   * Evaluates {@code set} on {@code space} with gensim's semantics.
   *
   * @param restrictVocab only the first rows are looked up (gensim's default 300,000)
   * @param caseInsensitive upper-case the lookup; of several casings the first row wins
   */
  public static PairSimilarityResult evaluate(EmbeddingSpace space, WordPairSet set, int restrictVocab, boolean caseInsensitive) {
    if (restrictVocab < 1) {
      throw new IllegalArgumentException("restrictVocab must be >= 1, got " + restrictVocab);
    }
    EmbeddingSpace unit = space.unitNormalized();
    int n = Math.min(restrictVocab, unit.size());
    Object2IntOpenHashMap<String> lookup = AnalogyEvaluator.lookup(unit, n, caseInsensitive);
    List<PairSimilarityResult.PairScore> scores = new ArrayList<>();
    for (WordPairSet.Pair p : set.pairs()) {
      int r1 = lookup.getInt(AnalogyEvaluator.key(p.w1(), caseInsensitive));
      int r2 = lookup.getInt(AnalogyEvaluator.key(p.w2(), caseInsensitive));
      if (r1 >= 0 && r2 >= 0) {
        scores.add(new PairSimilarityResult.PairScore(p.w1(), p.w2(), p.score(), cosine(unit, r1, r2)));
      }
    }
    double[] gold = scores.stream().mapToDouble(PairSimilarityResult.PairScore::gold).toArray();
    double[] model = scores.stream().mapToDouble(PairSimilarityResult.PairScore::cosine).toArray();
    int total = set.pairs().size();
    return new PairSimilarityResult(set.name(), n, caseInsensitive, total, scores.size(),
        100.0 * (total - scores.size()) / total, Correlation.pearson(gold, model), Correlation.spearman(gold, model),
        set.invalidLines(), scores);
  }

  /** Cosine of two rows of a unit-normalised space, accumulated in double. */
  static double cosine(EmbeddingSpace unit, int r1, int r2) {
    int dim = unit.dim();
    float[] m = unit.matrix();
    double s = 0;
    for (int i = 0; i < dim; i++) {
      s += (double) m[r1 * dim + i] * m[r2 * dim + i];
    }
    return s;
  }
}
