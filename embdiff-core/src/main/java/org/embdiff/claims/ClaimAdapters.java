package org.embdiff.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.embdiff.eval.AnalogyResult;
import org.embdiff.eval.PairSimilarityResult;

/** Turns other analyses' results into the paired arrays {@link ClaimInputs} takes. */
public final class ClaimAdapters {
  private ClaimAdapters() {}

  /** Two aligned arrays: element i of {@code a} and of {@code b} belong to the same item. */
  public record Paired(double[] a, double[] b, int items) {}

  /**
   * eps (L2, unit vectors) of the analogy questions both sides answered, paired by the question's
   * line in the analogy file.
   */
  public static Paired analogyErrors(AnalogyResult a, AnalogyResult b) {
    Map<Integer, Double> byLine = new LinkedHashMap<>();
    for (AnalogyResult.AnalogyOutcome o : a.outcomes()) {
      byLine.put(o.line(), o.epsL2());
    }
    List<double[]> pairs = new ArrayList<>();
    for (AnalogyResult.AnalogyOutcome o : b.outcomes()) {
      Double ea = byLine.get(o.line());
      if (ea != null) {
        pairs.add(new double[] {ea, o.epsL2()});
      }
    }
    return split(pairs);
  }

  /**
   * Cosines of the word pairs both sides cover, paired by the (unordered, lower-cased) pair; a pair
   * listed in several results counts once (the first).
   */
  public static Paired pairSimilarities(List<PairSimilarityResult> a, List<PairSimilarityResult> b) {
    Map<String, Double> first = new LinkedHashMap<>();
    for (PairSimilarityResult r : a) {
      for (PairSimilarityResult.PairScore s : r.scores()) {
        first.putIfAbsent(key(s.w1(), s.w2()), s.cosine());
      }
    }
    Map<String, double[]> joined = new LinkedHashMap<>();
    for (PairSimilarityResult r : b) {
      for (PairSimilarityResult.PairScore s : r.scores()) {
        String k = key(s.w1(), s.w2());
        Double ca = first.get(k);
        if (ca != null) {
          joined.putIfAbsent(k, new double[] {ca, s.cosine()});
        }
      }
    }
    return split(new ArrayList<>(joined.values()));
  }

  private static String key(String w1, String w2) {
    String x = w1.toLowerCase(Locale.ROOT);
    String y = w2.toLowerCase(Locale.ROOT);
    return x.compareTo(y) <= 0 ? x + "\t" + y : y + "\t" + x;
  }

  private static Paired split(List<double[]> pairs) {
    double[] a = new double[pairs.size()];
    double[] b = new double[pairs.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = pairs.get(i)[0];
      b[i] = pairs.get(i)[1];
    }
    return new Paired(a, b, a.length);
  }
}
