package org.embdiff.eval;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.embdiff.inference.Bootstrap;
import org.embdiff.inference.Interval;
import org.embdiff.vec.EmbeddingSpace;

/**
 * SPEC 10: mean similarity s-bar = (1/|P|) sum_{(i,j) in P} cos(i, j) over a pair set P, per side,
 * with bootstrap CIs. P defaults to the distinct pairs of the given similarity sets that both
 * sides cover, so the two means are over the same pairs.
 *
 * @param sets names of the pair sets P was drawn from
 * @param pairs |P|
 * @param meanA s-bar in A
 * @param meanB s-bar in B
 * @param difference s-bar(A) - s-bar(B), paired bootstrap over P
 *     (the three intervals are null when fewer than 2 pairs are shared)
 */
public record MeanSimilarity(List<String> sets, int pairs, Interval meanA, Interval meanB, Interval difference) {
  /** Copies the list. */
  public MeanSimilarity {
    sets = List.copyOf(sets);
  }

  /** Computes s-bar on both sides over the pairs of {@code sets} both cover (case-insensitive, restrict = whole space). */
  public static MeanSimilarity compute(EmbeddingSpace a, EmbeddingSpace b, List<WordPairSet> sets, int resamples, long seed) {
    return compute(a, b, sets, Math.max(a.size(), b.size()), true, resamples, seed);
  }

  /**
   * Computes s-bar on both sides over the distinct pairs of {@code sets} both cover, looking words up
   * among the {@code restrict} most frequent as the pair evaluation does; the three bootstraps
   * resample the same pairs (one stream, {@code seed}).
   */
  public static MeanSimilarity compute(EmbeddingSpace a, EmbeddingSpace b, List<WordPairSet> sets, int restrict,
      boolean caseInsensitive, int resamples, long seed) {
    List<String> names = sets.stream().map(WordPairSet::name).toList();
    double[][] cosines = sharedCosines(a, b, sets, restrict, caseInsensitive);
    double[] sa = cosines[0];
    double[] sb = cosines[1];
    if (sa.length < 2) {
      return new MeanSimilarity(names, sa.length, null, null, null);
    }
    double[] diff = new double[sa.length];
    for (int i = 0; i < diff.length; i++) {
      diff[i] = sa[i] - sb[i];
    }
    Bootstrap.Settings boot = new Bootstrap.Settings(resamples, 0.95, Bootstrap.Method.PERCENTILE);
    return new MeanSimilarity(names, sa.length, Bootstrap.mean(sa, boot, new SplittableRandom(seed)),
        Bootstrap.mean(sb, boot, new SplittableRandom(seed)), Bootstrap.mean(diff, boot, new SplittableRandom(seed)));
  }

  /**
   * The cosines on A (row 0) and B (row 1) of the distinct pairs of {@code sets} that both spaces
   * know among their {@code restrict} most frequent words, in order of first appearance.
   */
  public static double[][] sharedCosines(EmbeddingSpace a, EmbeddingSpace b, List<WordPairSet> sets, int restrict,
      boolean caseInsensitive) {
    EmbeddingSpace ua = a.unitNormalized(), ub = b.unitNormalized();
    Object2IntOpenHashMap<String> la = AnalogyEvaluator.lookup(ua, Math.min(restrict, ua.size()), caseInsensitive);
    Object2IntOpenHashMap<String> lb = AnalogyEvaluator.lookup(ub, Math.min(restrict, ub.size()), caseInsensitive);
    Set<String> seen = new LinkedHashSet<>();
    List<double[]> values = new ArrayList<>();
    for (WordPairSet set : sets) {
      for (WordPairSet.Pair p : set.pairs()) {
        String k1 = AnalogyEvaluator.key(p.w1(), caseInsensitive), k2 = AnalogyEvaluator.key(p.w2(), caseInsensitive);
        String id = k1.compareTo(k2) <= 0 ? k1 + '\t' + k2 : k2 + '\t' + k1;
        int a1 = la.getInt(k1), a2 = la.getInt(k2), b1 = lb.getInt(k1), b2 = lb.getInt(k2);
        if (a1 < 0 || a2 < 0 || b1 < 0 || b2 < 0 || !seen.add(id)) {
          continue;
        }
        values.add(new double[] {WordPairEvaluator.cosine(ua, a1, a2), WordPairEvaluator.cosine(ub, b1, b2)});
      }
    }
    return new double[][] {values.stream().mapToDouble(v -> v[0]).toArray(), values.stream().mapToDouble(v -> v[1]).toArray()};
  }
}
