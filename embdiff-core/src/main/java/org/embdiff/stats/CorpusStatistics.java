package org.embdiff.stats;

import java.util.ArrayList;
import java.util.List;
import org.embdiff.inference.Claim;
import org.embdiff.inference.Direction;
import org.embdiff.inference.Intervals;
import org.embdiff.inference.Measurement;

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
   * @param bootstrap resamples for the Zipf and entropy CIs (0 = asymptotic intervals; >= 1,000 for 95%); each
   *     Zipf resample re-selects x_min
   * @param level CI level
   * @param seed random seed
   * @param divergence settings of the two-side comparison
   * @param commonTopN 0 for the common relative threshold, else the number of most frequent types
   *     kept on each side for the common-support comparison
   * @param alphaMargin the smallest difference of Zipf exponents of interest (claims inside it are no evidence)
   * @param entropyMarginBits the smallest entropy difference of interest, in bits
   * @param goodnessOfFitDraws synthetic data sets for Clauset's goodness-of-fit p-value (0 = not computed)
   */
  public record Settings(int bootstrap, double level, long seed, DomainDivergence.Settings divergence, int commonTopN,
      double alphaMargin, double entropyMarginBits, int goodnessOfFitDraws) {
    /** Validates. */
    public Settings {
      if (bootstrap < 0 || !(level > 0 && level < 1) || commonTopN < 0 || !(alphaMargin >= 0)
          || !(entropyMarginBits >= 0) || goodnessOfFitDraws < 0) {
        throw new IllegalArgumentException("bootstrap, commonTopN, margins and goodnessOfFitDraws must be >= 0 and "
            + "level in (0,1); got " + bootstrap + ", " + commonTopN + ", " + alphaMargin + ", " + entropyMarginBits
            + ", " + goodnessOfFitDraws + ", " + level);
      }
    }

    /** Default margins (alpha 0.05, entropy 0.1 bits) and {@value #DEFAULT_GOODNESS_OF_FIT_DRAWS} goodness-of-fit draws. */
    public Settings(int bootstrap, double level, long seed, DomainDivergence.Settings divergence, int commonTopN) {
      this(bootstrap, level, seed, divergence, commonTopN, DEFAULT_ALPHA_MARGIN, DEFAULT_ENTROPY_MARGIN_BITS,
          DEFAULT_GOODNESS_OF_FIT_DRAWS);
    }

    /** The same settings with another seed. */
    public Settings withSeed(long newSeed) {
      return new Settings(bootstrap, level, newSeed, divergence, commonTopN, alphaMargin, entropyMarginBits,
          goodnessOfFitDraws);
    }

    /** 1,000 resamples, 95%, the given seed, default divergence settings, common relative threshold. */
    public static Settings defaults(long seed) {
      return new Settings(1000, 0.95, seed, DomainDivergence.Settings.defaults(), 0);
    }

    // each resample re-selects x_min (Clauset, Shalizi & Newman 2009, sec. 3.4), so the interval carries its uncertainty
    ZipfEstimator zipf() {
      return new ZipfEstimator(new ZipfEstimator.Settings(bootstrap, level, 50, goodnessOfFitDraws, seed, true));
    }
  }

  /** Zipf exponents closer than this are no evidence of a difference (about the spread of alpha across corpora of one domain). */
  public static final double DEFAULT_ALPHA_MARGIN = 0.05;
  /** Synthetic data sets of Clauset's goodness-of-fit p-value by default (its standard error is at most 0.05). */
  public static final int DEFAULT_GOODNESS_OF_FIT_DRAWS = 100;
  /** Entropies closer than this (bits) are no evidence of a difference. */
  public static final double DEFAULT_ENTROPY_MARGIN_BITS = 0.1;

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
   * The count statistics on the harmonised vocabulary (see {@link VocabularyHarmoniser}), at an equal
   * number of top types on both sides.
   *
   * @param a side A harmonised (token classes of the raw counts)
   * @param b side B harmonised
   * @param topTypes types kept on each side (the smaller harmonised vocabulary)
   * @param entropyA side A's entropy on them
   * @param entropyB side B's entropy on them
   * @param zipfA side A's Zipf fit on the top {@code tailTypes} harmonised types
   * @param zipfB side B's Zipf fit on the same number of types
   * @param tailTypes the matched tail size (the smaller of the two free fits' tails)
   * @param divergence I(W;D), JS and KL on the harmonised top types
   */
  public record HarmonisedComparison(VocabularyHarmoniser.Harmonised a, VocabularyHarmoniser.Harmonised b, int topTypes,
      EntropyEstimate entropyA, EntropyEstimate entropyB, ZipfFit zipfA, ZipfFit zipfB, int tailTypes,
      DomainDivergence divergence) {}

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
   * @param harmonised the controlled comparison: harmonised vocabulary, equal top types, matched Zipf tails
   * @param claims tested claims, naive (raw lists) beside controlled (harmonised), Holm-adjusted
   */
  public record ComparisonReport(SideReport a, SideReport b, VocabularyOverlap overlap, DomainDivergence divergence,
      CommonSupport support, SideReport aOnSupport, SideReport bOnSupport, DomainDivergence divergenceOnSupport,
      HarmonisedComparison harmonised, List<Claim> claims) {}

  /** Describes one side. */
  public static SideReport describe(String name, Counts counts, Settings s) {
    try {
      return new SideReport(name, FrequencySummary.of(counts), HeapsFit.fit(counts, 30), s.zipf().fit(counts),
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
    // a support that keeps every type is the side itself: its description is not computed twice
    SideReport sa = ca.size() == a.size() ? ra : describe(nameA, ca, s);
    SideReport sb = cb.size() == b.size() ? rb : describe(nameB, cb, s);
    DomainDivergence onSupport = DomainDivergence.of(ca, cb, s.divergence());
    HarmonisedComparison h = harmonised(ra, rb, a, b, s);
    List<Claim> claims = new ArrayList<>();
    String zipfStatement = "alpha_" + nameA + " != alpha_" + nameB + " (rank-frequency exponent, MLE)";
    claims.add(Claim.of("stats.zipf-alpha-differs", zipfStatement, "the two sides' Zipf exponents differ by less than "
        + s.alphaMargin(), Direction.EITHER, s.alphaMargin(), 50,
        Measurement.naive(Intervals.difference(ra.zipf().alphaCi(), rb.zipf().alphaCi()), Math.min(ra.zipf().tailTypes(),
            rb.zipf().tailTypes())),
        h.zipfA() == null ? Measurement.missing("harmonised vocabulary", "the harmonised lists leave a matched tail of "
            + h.tailTypes() + " types, fewer than " + MIN_MATCHED_TAIL)
            : Measurement.controlled(Intervals.difference(h.zipfA().alphaCi(), h.zipfB().alphaCi()), h.tailTypes(),
                "harmonised vocabulary, matched tail of " + h.tailTypes() + " types"),
        "MOVER interval of the difference, normal p", Double.NaN));
    claims.add(entropyClaim(nameA, nameB, ra.entropy(), rb.entropy(), h, s));
    return new ComparisonReport(ra, rb, VocabularyOverlap.of(a, b, 10), full, support, sa, sb, onSupport, h,
        Claim.holmAdjusted(claims.stream().map(CorpusStatistics::withNormalP).toList()));
  }

  private static Claim entropyClaim(String nameA, String nameB, EntropyEstimate ra, EntropyEstimate rb,
      HarmonisedComparison h, Settings s) {
    String statement = "H_" + nameB + " > H_" + nameA + " (Miller–Madow, bits)";
    Measurement naive = ra.millerMadowCi() == null ? Measurement.missing("none", "entropy intervals were not computed "
        + "(bootstrap resamples set to 0)") : Measurement.naive(Intervals.difference(rb.millerMadowCi(),
        ra.millerMadowCi()), Math.min(ra.types(), rb.types()));
    Measurement controlled = h.entropyA().millerMadowCi() == null ? Measurement.missing("harmonised vocabulary",
        "entropy intervals were not computed") : Measurement.controlled(Intervals.difference(h.entropyB().millerMadowCi(),
        h.entropyA().millerMadowCi()), h.topTypes(), "harmonised vocabulary, top " + h.topTypes() + " types on both sides");
    return Claim.of("stats.entropy-b-greater", statement, "the entropies differ by less than " + s.entropyMarginBits()
        + " bits", Direction.GREATER, s.entropyMarginBits(), 50, naive, controlled,
        "MOVER interval of the difference, normal p", Double.NaN);
  }

  private static Claim withNormalP(Claim c) {
    Measurement m = c.deciding();
    double p = m.measured() ? Intervals.normalP(m.interval()) : Double.NaN;
    return Claim.of(c.id(), c.statement(), c.nullHypothesis(), c.expected(), c.margin(), c.minimumSize(), c.naive(),
        c.controlled(), c.test(), p);
  }

  private static final int MIN_MATCHED_TAIL = 2;

  /** The controlled comparison: both sides harmonised, entropy at equal top types, Zipf at matched tail sizes. */
  static HarmonisedComparison harmonised(SideReport ra, SideReport rb, Counts a, Counts b, Settings s) {
    VocabularyHarmoniser.Harmonised ha = VocabularyHarmoniser.of(a);
    VocabularyHarmoniser.Harmonised hb = VocabularyHarmoniser.of(b);
    int top = Math.min(ha.counts().size(), hb.counts().size());
    Counts ta = ha.counts().top(top);
    Counts tb = hb.counts().top(top);
    EntropyEstimate ea = EntropyEstimate.of(ta, s.bootstrap(), s.level(), s.seed());
    EntropyEstimate eb = EntropyEstimate.of(tb, s.bootstrap(), s.level(), s.seed() + 1);
    int tail = (int) Math.min(Math.min(ra.zipf().tailTypes(), rb.zipf().tailTypes()), top);
    ZipfEstimator fixed = s.zipf();
    // a matched tail needs at least two types on each side; tiny or fully collapsed lists have no controlled fit
    ZipfFit za = tail < MIN_MATCHED_TAIL ? null : fixed.fitTopTypes(ha.counts().counts(), tail);
    ZipfFit zb = tail < MIN_MATCHED_TAIL ? null : fixed.fitTopTypes(hb.counts().counts(), tail);
    return new HarmonisedComparison(ha, hb, top, ea, eb, za, zb, tail, DomainDivergence.of(ta, tb, s.divergence()));
  }
}
