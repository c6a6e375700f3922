package org.embdiff.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SPEC analyses 1 (frequency, Zipf, entropy) and 5 (word–domain mutual information, divergences)
 * for one or two sides' {@link Counts}, from a corpus or a frequency list alike. Lists are often
 * truncated, so two sides are also compared on a common support: by default the same relative
 * count threshold (the coarser side's cut, applied to both), or the top N types of each side, so a
 * difference is not an artefact of where each list was cut.
 */
public final class CorpusStatistics {
  private CorpusStatistics() {}

  /**
   * Settings.
   *
   * @param bootstrap resamples for the Zipf and entropy CIs
   * @param level CI level
   * @param seed random seed
   * @param divergence settings of the two-side comparison
   * @param commonTopN 0 for the common relative threshold, else the number of most frequent types
   *     kept on each side for the common-support comparison
   */
  public record Settings(int bootstrap, double level, long seed, DomainDivergence.Settings divergence, int commonTopN) {
    /** Validates. */
    public Settings {
      if (bootstrap < 0 || !(level > 0 && level < 1) || commonTopN < 0) {
        throw new IllegalArgumentException("bootstrap and commonTopN must be >= 0 and level in (0,1); got " + bootstrap
            + ", " + commonTopN + ", " + level);
      }
    }

    /** 200 resamples, 95%, the given seed, default divergence settings, common relative threshold. */
    public static Settings defaults(long seed) {
      return new Settings(200, 0.95, seed, DomainDivergence.Settings.defaults(), 0);
    }
  }

  /**
   * Everything about one side.
   *
   * @param name side name
   * @param frequency tokens, types, hapax
   * @param heaps Heaps' law fit
   * @param zipf power-law MLE (beta and alpha)
   * @param rankFrequency OLS and two-regime fits
   * @param entropy lexical entropy
   */
  public record SideReport(String name, FrequencySummary frequency, HeapsFit heaps, ZipfFit zipf,
      RankFrequencyFit rankFrequency, EntropyEstimate entropy) {}

  /**
   * How the common support was chosen.
   *
   * @param method how it was chosen
   * @param relativeThreshold the relative frequency a word needs on its side (NaN for top N)
   * @param minCountA the count it means on A
   * @param minCountB the count it means on B
   * @param typesA A's types kept
   * @param typesB B's types kept
   */
  public record CommonSupport(String method, double relativeThreshold, long minCountA, long minCountB, int typesA,
      int typesB) {}

  /**
   * A claim of the SPEC tested on the estimates.
   *
   * @param claim what is claimed
   * @param verdict supported, contradicted or inconclusive
   * @param evidence the numbers behind the verdict
   */
  public record Claim(String claim, String verdict, String evidence) {}

  /**
   * Two sides compared.
   *
   * @param a side A
   * @param b side B
   * @param overlap shared and side-only vocabulary
   * @param divergence I(W;D), JS, KL and log-odds on the full lists
   * @param support the common support
   * @param aOnSupport side A restricted to the common support
   * @param bOnSupport side B restricted to it
   * @param divergenceOnSupport the divergences on the common support
   * @param claims tested claims
   */
  public record ComparisonReport(SideReport a, SideReport b, VocabularyOverlap overlap, DomainDivergence divergence,
      CommonSupport support, SideReport aOnSupport, SideReport bOnSupport, DomainDivergence divergenceOnSupport,
      List<Claim> claims) {}

  /** Describes one side. */
  public static SideReport describe(String name, Counts counts, Settings s) {
    ZipfEstimator zipf = new ZipfEstimator(s.bootstrap(), s.level(), s.seed(), 50, 120);
    try {
      return new SideReport(name, FrequencySummary.of(counts), HeapsFit.fit(counts, 30), zipf.fit(counts),
          RankFrequencyFit.fit(counts, 300), EntropyEstimate.of(counts, s.bootstrap(), s.level(), s.seed()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("side '" + name + "' (" + counts.size() + " types, " + counts.totalTokens()
          + " tokens): " + e.getMessage() + "; give a larger corpus or list", e);
    }
  }

  /** Compares side {@code a} with side {@code b}. */
  public static ComparisonReport compare(String nameA, Counts a, String nameB, Counts b, Settings s) {
    SideReport ra = describe(nameA, a, s);
    SideReport rb = describe(nameB, b, s);
    DomainDivergence full = DomainDivergence.of(a, b, s.divergence());
    Counts ca;
    Counts cb;
    CommonSupport support;
    if (s.commonTopN() > 0) {
      ca = a.top(s.commonTopN());
      cb = b.top(s.commonTopN());
      support = new CommonSupport("top " + s.commonTopN() + " types of each side", Double.NaN,
          ca.minCount(), cb.minCount(), ca.size(), cb.size());
    } else {
      // the larger of the two relative cuts, applied to both sides
      double tauA = a.minCount() / (double) a.totalTokens();
      double tauB = b.minCount() / (double) b.totalTokens();
      double tau = Math.max(tauA, tauB);
      long minA = Math.max(1, (long) Math.ceil(tau * a.totalTokens() - 1e-9));
      long minB = Math.max(1, (long) Math.ceil(tau * b.totalTokens() - 1e-9));
      ca = a.atLeast(minA);
      cb = b.atLeast(minB);
      support = new CommonSupport("same relative count threshold (the coarser side's cut)", tau, minA, minB,
          ca.size(), cb.size());
    }
    SideReport sa = describe(nameA, ca, s);
    SideReport sb = describe(nameB, cb, s);
    DomainDivergence onSupport = DomainDivergence.of(ca, cb, s.divergence());
    List<Claim> claims = new ArrayList<>();
    claims.add(differ("alpha_" + nameA + " != alpha_" + nameB + " (rank-frequency exponent, MLE)", ra.zipf(), rb.zipf()));
    claims.add(differ("alpha_" + nameA + " != alpha_" + nameB + " on the common support", sa.zipf(), sb.zipf()));
    claims.add(greater("H_" + nameB + " > H_" + nameA + " (Miller–Madow, bits)", rb.entropy(), ra.entropy()));
    claims.add(greater("H_" + nameB + " > H_" + nameA + " on the common support", sb.entropy(), sa.entropy()));
    return new ComparisonReport(ra, rb, VocabularyOverlap.of(a, b, 10), full, support, sa, sb, onSupport,
        List.copyOf(claims));
  }

  private static Claim differ(String claim, ZipfFit x, ZipfFit y) {
    String ev = String.format(Locale.ROOT, "%.3f [%.3f, %.3f] vs %.3f [%.3f, %.3f]", x.alpha(), x.alphaCi().low(),
        x.alphaCi().high(), y.alpha(), y.alphaCi().low(), y.alphaCi().high());
    return new Claim(claim, x.alphaCi().overlaps(y.alphaCi()) ? "inconclusive" : "supported", ev);
  }

  private static Claim greater(String claim, EntropyEstimate x, EntropyEstimate y) {
    Interval cx = x.millerMadowCi();
    Interval cy = y.millerMadowCi();
    String ev = cx == null ? String.format(Locale.ROOT, "%.4f vs %.4f (no CI)", x.millerMadowBits(), y.millerMadowBits())
        : String.format(Locale.ROOT, "%.4f [%.4f, %.4f] vs %.4f [%.4f, %.4f]", x.millerMadowBits(), cx.low(), cx.high(),
            y.millerMadowBits(), cy.low(), cy.high());
    String verdict;
    if (cx == null) {
      verdict = "inconclusive";
    } else if (cx.low() > cy.high()) {
      verdict = "supported";
    } else if (cx.high() < cy.low()) {
      verdict = "contradicted";
    } else {
      verdict = "inconclusive";
    }
    return new Claim(claim, verdict, ev);
  }
}
