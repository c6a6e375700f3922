package org.embdiff.transfer;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import org.embdiff.stats.Counts;

/**
 * Divergence between two domains' unigram distributions, overall and per word, on the union of
 * the words both lists keep.
 *
 * <p>Smoothing: additive (Lidstone) with pseudo-count {@code lambda} on the union support, P(w) =
 * (c(w) + lambda) / (N + lambda |V|), N = tokens kept by the list. KL is finite only with it. The
 * Jensen–Shannon divergence (Lin 1991) is computed on the unsmoothed relative frequencies (it is
 * bounded by 1 bit without smoothing). Everything is in bits.
 *
 * <p>Kept local until the corpus-statistics module's divergences land; the formulas are the same.
 */
public final class DomainDivergence {
  private final Object2IntOpenHashMap<String> index = new Object2IntOpenHashMap<>();
  private final double[] pa;
  private final double[] pb;
  private final Summary summary;

  /**
   * Overall divergences.
   *
   * @param lambda Lidstone pseudo-count
   * @param support words in the union of both lists
   * @param tokensA tokens kept by A's list
   * @param tokensB tokens kept by B's list
   * @param klAB D_KL(P_A || P_B), smoothed, bits
   * @param klBA D_KL(P_B || P_A), smoothed, bits
   * @param jsBits Jensen–Shannon divergence of the unsmoothed distributions, bits
   * @param truncated whether either list left out rare words (then all numbers are on the kept head)
   */
  public record Summary(double lambda, int support, long tokensA, long tokensB, double klAB, double klBA,
      double jsBits, boolean truncated) {}

  /** Builds the smoothed distributions of {@code a} and {@code b} on their union. */
  public DomainDivergence(Counts a, Counts b, double lambda) {
    if (!(lambda > 0)) {
      throw new IllegalArgumentException("smoothing pseudo-count must be > 0, got " + lambda);
    }
    Set<String> union = new LinkedHashSet<>();
    for (int i = 0; i < a.size(); i++) {
      union.add(a.word(i));
    }
    for (int i = 0; i < b.size(); i++) {
      union.add(b.word(i));
    }
    int v = union.size();
    index.defaultReturnValue(-1);
    pa = new double[v];
    pb = new double[v];
    double na = a.keptTokens();
    double nb = b.keptTokens();
    double klAB = 0;
    double klBA = 0;
    double js = 0;
    int i = 0;
    for (String w : union) {
      index.put(w, i);
      long ca = a.count(w);
      long cb = b.count(w);
      pa[i] = (ca + lambda) / (na + lambda * v);
      pb[i] = (cb + lambda) / (nb + lambda * v);
      klAB += pa[i] * log2(pa[i] / pb[i]);
      klBA += pb[i] * log2(pb[i] / pa[i]);
      double ra = ca / na;
      double rb = cb / nb;
      double m = (ra + rb) / 2;
      // JS = 1/2 KL(P||M) + 1/2 KL(Q||M); 0 log 0 = 0
      if (ra > 0) {
        js += 0.5 * ra * log2(ra / m);
      }
      if (rb > 0) {
        js += 0.5 * rb * log2(rb / m);
      }
      i++;
    }
    summary = new Summary(lambda, v, (long) na, (long) nb, klAB, klBA, js, a.truncated() || b.truncated());
  }

  /** The overall divergences. */
  public Summary summary() {
    return summary;
  }

  /**
   * The pointwise divergence |log2 P_A(w) / P_B(w)| (smoothed); for a word neither list has, the
   * smoothed ratio of the two pseudo-counts.
   */
  public double pointwise(String word) {
    int i = index.getInt(word);
    if (i < 0) {
      double v = pa.length;
      double ra = summary.lambda / (summary.tokensA + summary.lambda * v);
      double rb = summary.lambda / (summary.tokensB + summary.lambda * v);
      return Math.abs(log2(ra / rb));
    }
    return Math.abs(log2(pa[i] / pb[i]));
  }

  /** Smoothed P_A(w), or 0 when the word is outside the union support. */
  public double probabilityA(String word) {
    int i = index.getInt(word);
    return i < 0 ? 0 : pa[i];
  }

  /** Smoothed P_B(w), or 0 when the word is outside the union support. */
  public double probabilityB(String word) {
    int i = index.getInt(word);
    return i < 0 ? 0 : pb[i];
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
