package org.embdiff.stats;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Information-theoretic difference between two sides' unigram distributions P_A and P_B over the
 * union vocabulary (relative frequencies of the kept counts).
 *
 * <ul>
 *   <li>I(W;D) = sum_{w,d} P(d) P(w|d) log2(P(w|d) / P(w)), P(w) = sum_d P(d) P(w|d), with P(A) = 1/2
 *       by default (corpus sizes are arbitrary) or proportional to the sides' token counts; per-word
 *       contributions sum to it. With P(A) = 1/2 it equals the Jensen–Shannon divergence.
 *   <li>JS(P_A, P_B) = 1/2 KL(P_A||M) + 1/2 KL(P_B||M), M = (P_A + P_B)/2 (Lin 1991), bits, in [0, 1].
 *   <li>KL(P_A||P_B) and KL(P_B||P_A) after add-lambda smoothing of both sides over the union
 *       vocabulary (KL is infinite otherwise): p(w) = (c(w) + lambda) / (N + lambda |V|).
 *   <li>Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, eq. 22):
 *       alpha_w = alpha0 (c_A(w) + c_B(w)) / (N_A + N_B), delta_w = ln((y_A + alpha_w) / (n_A + alpha0 - y_A
 *       - alpha_w)) - ln((y_B + alpha_w) / (n_B + alpha0 - y_B - alpha_w)), var = 1/(y_A + alpha_w) +
 *       1/(y_B + alpha_w), z = delta / sqrt(var).
 * </ul>
 *
 * @param mutualInformationBits I(W;D)
 * @param jensenShannonBits JS divergence
 * @param klABBits KL(P_A||P_B), smoothed
 * @param klBABits KL(P_B||P_A), smoothed
 * @param priorA P(D = A) used for I(W;D)
 * @param smoothingLambda lambda of the add-lambda smoothing for KL
 * @param priorStrength alpha0 of the log-odds prior
 * @param unionTypes |V|
 * @param words every union word's contribution, by descending MI contribution
 * @param topA the most A-specific words (highest z)
 * @param topB the most B-specific words (lowest z)
 * @param how estimator and parameters
 */
public record DomainDivergence(double mutualInformationBits, double jensenShannonBits, double klABBits,
    double klBABits, double priorA, double smoothingLambda, double priorStrength, int unionTypes,
    List<WordContribution> words, List<WordContribution> topA, List<WordContribution> topB, Computation how) {

  /**
   * Settings.
   *
   * @param priorA P(D = A) for I(W;D); NaN means proportional to the sides' kept tokens
   * @param smoothingLambda add-lambda for KL (> 0)
   * @param priorStrength alpha0 for the log-odds prior (> 0)
   * @param top how many domain-specific words per side
   */
  public record Settings(double priorA, double smoothingLambda, double priorStrength, int top) {
    /** Validates. */
    public Settings {
      if (!Double.isNaN(priorA) && (priorA <= 0 || priorA >= 1)) {
        throw new IllegalArgumentException("priorA must be in (0, 1) or NaN (proportional), got " + priorA);
      }
      if (!(smoothingLambda > 0)) {
        throw new IllegalArgumentException("smoothingLambda must be > 0, got " + smoothingLambda);
      }
      if (!(priorStrength > 0)) {
        throw new IllegalArgumentException("priorStrength must be > 0, got " + priorStrength);
      }
      if (top < 0) {
        throw new IllegalArgumentException("top must be >= 0, got " + top);
      }
    }

    /** P(A) = 1/2, lambda = 0.5, alpha0 = 10,000, top 20. */
    public static Settings defaults() {
      return new Settings(0.5, 0.5, 10_000, 20);
    }
  }

  /** Compares {@code a} with {@code b}. */
  public static DomainDivergence of(Counts a, Counts b, Settings s) {
    // union vocabulary: A's words, then B-only words
    Object2IntOpenHashMap<String> index = new Object2IntOpenHashMap<>(a.size() + b.size());
    index.defaultReturnValue(-1);
    List<String> words = new ArrayList<>(a.size() + b.size());
    for (int i = 0; i < a.size(); i++) {
      index.put(a.word(i), words.size());
      words.add(a.word(i));
    }
    for (int i = 0; i < b.size(); i++) {
      if (index.putIfAbsent(b.word(i), words.size()) == -1) {
        words.add(b.word(i));
      }
    }
    int v = words.size();
    long[] ca = new long[v];
    long[] cb = new long[v];
    for (int i = 0; i < a.size(); i++) {
      ca[i] += a.count(i);
    }
    for (int i = 0; i < b.size(); i++) {
      cb[index.getInt(b.word(i))] += b.count(i);
    }
    double na = Arrays.stream(ca).sum();
    double nb = Arrays.stream(cb).sum();
    if (na == 0 || nb == 0) {
      throw new IllegalArgumentException("a side has no tokens");
    }
    double pa = Double.isNaN(s.priorA()) ? na / (na + nb) : s.priorA();
    double pb = 1 - pa;
    double lambda = s.smoothingLambda();
    double a0 = s.priorStrength();
    double mi = 0;
    double js = 0;
    double klAB = 0;
    double klBA = 0;
    WordContribution[] contrib = new WordContribution[v];
    double ln2 = Math.log(2);
    for (int w = 0; w < v; w++) {
      double p = ca[w] / na;
      double q = cb[w] / nb;
      double pw = pa * p + pb * q;
      double c = 0;
      if (p > 0) {
        c += pa * p * Math.log(p / pw);
      }
      if (q > 0) {
        c += pb * q * Math.log(q / pw);
      }
      c /= ln2;
      mi += c;
      double m = 0.5 * (p + q);
      if (p > 0) {
        js += 0.5 * p * Math.log(p / m);
      }
      if (q > 0) {
        js += 0.5 * q * Math.log(q / m);
      }
      double ps = (ca[w] + lambda) / (na + lambda * v);
      double qs = (cb[w] + lambda) / (nb + lambda * v);
      klAB += ps * Math.log(ps / qs);
      klBA += qs * Math.log(qs / ps);
      // Monroe, Colaresi & Quinn 2008, eqs. 16 and 22: prior proportional to the pooled frequency
      double aw = a0 * (ca[w] + cb[w]) / (na + nb);
      double delta = Math.log((ca[w] + aw) / (na + a0 - ca[w] - aw)) - Math.log((cb[w] + aw) / (nb + a0 - cb[w] - aw));
      double var = 1 / (ca[w] + aw) + 1 / (cb[w] + aw);
      contrib[w] = new WordContribution(words.get(w), ca[w], cb[w], p, q, c, delta, delta / Math.sqrt(var),
          VocabularyOverlap.isPseudoToken(words.get(w)));
    }
    js /= ln2;
    klAB /= ln2;
    klBA /= ln2;
    // sort index permutations on primitive keys (no comparator chains over records)
    int[] byMi = identity(v);
    it.unimi.dsi.fastutil.ints.IntArrays.parallelQuickSort(byMi, (x, y) -> {
      int c = Double.compare(contrib[y].miBits(), contrib[x].miBits());
      return c != 0 ? c : contrib[x].word().compareTo(contrib[y].word());
    });
    int[] byZ = identity(v);
    it.unimi.dsi.fastutil.ints.IntArrays.parallelQuickSort(byZ, (x, y) -> {
      int c = Double.compare(contrib[y].z(), contrib[x].z());
      return c != 0 ? c : contrib[x].word().compareTo(contrib[y].word());
    });
    WordContribution[] sortedMi = new WordContribution[v];
    for (int i = 0; i < v; i++) {
      sortedMi[i] = contrib[byMi[i]];
    }
    int top = Math.min(s.top(), v);
    List<WordContribution> topA = new ArrayList<>();
    List<WordContribution> topB = new ArrayList<>();
    for (int i = 0; i < top; i++) {
      topA.add(contrib[byZ[i]]);
      topB.add(contrib[byZ[v - 1 - i]]);
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("priorA", pa);
    params.put("priorPolicy", Double.isNaN(s.priorA()) ? "proportional to kept tokens" : "fixed");
    params.put("klSmoothing", "add-" + lambda + " on both sides over the union vocabulary of " + v + " types");
    params.put("logOddsPrior", "informative Dirichlet, alpha0 = " + a0 + " x pooled relative frequency");
    params.put("base", 2);
    return new DomainDivergence(mi, js, klAB, klBA, pa, lambda, a0, v, List.of(sortedMi), List.copyOf(topA),
        List.copyOf(topB),
        Computation.exact("I(W;D), Jensen–Shannon (Lin 1991), smoothed KL, log-odds with informative Dirichlet prior "
            + "(Monroe, Colaresi & Quinn 2008)", params));
  }

  private static int[] identity(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    return p;
  }
}
