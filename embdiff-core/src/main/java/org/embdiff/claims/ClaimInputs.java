package org.embdiff.claims;

import org.embdiff.attention.AttentionResult;
import org.embdiff.transfer.TransferResult;

/**
 * Everything the claims builder can use; any field may be null (its claims are then NOT_MEASURABLE,
 * naming the field). Side B is the side the source document calls Twitter (the noisier domain).
 *
 * @param sideA name of side A ("wiki")
 * @param sideB name of side B ("twitter")
 * @param zipfAlphaA rank-frequency exponent alpha of A, with CI
 * @param zipfAlphaB the same for B
 * @param entropyA lexical entropy H of A in bits (on a common support), with CI
 * @param entropyB the same for B
 * @param cooccurrenceJs JS divergence of the two co-occurrence distributions on the shared vocabulary, with CI
 * @param cooccurrenceJsNull the same statistic between two halves of one side's corpus (the null level), with CI
 * @param domainWordShift Delta_w of the probe / domain words (aligned spaces)
 * @param controlWordShift Delta_w of random shared words (the comparison group)
 * @param domainWordMi per-word contributions to I(W;D) of the domain words, bits
 * @param otherWordMi per-word contributions of all other words, bits
 * @param analogyErrorA eps per analogy question on A, paired with B over the questions both cover
 * @param analogyErrorB eps per question on B, same order
 * @param transfer the transfer experiment
 * @param effectiveRankA effective rank of A's spectrum, with CI
 * @param effectiveRankB the same for B
 * @param decayExponentA spectral decay exponent of A, with CI
 * @param decayExponentB the same for B
 * @param attention the self-attention probe
 * @param pairSimilarityA sim(i, j) on A for each pair of the pair set P both sides cover
 * @param pairSimilarityB sim(i, j) on B, same order
 * @param shifts Delta_w over the shared vocabulary (for Delta-bar)
 * @param shiftNull the null level of Delta-bar (e.g. a space aligned with a retrained or resampled copy of itself), with CI
 */
public record ClaimInputs(String sideA, String sideB, SideEstimate zipfAlphaA, SideEstimate zipfAlphaB,
    SideEstimate entropyA, SideEstimate entropyB, SideEstimate cooccurrenceJs, SideEstimate cooccurrenceJsNull,
    double[] domainWordShift, double[] controlWordShift, double[] domainWordMi, double[] otherWordMi,
    double[] analogyErrorA, double[] analogyErrorB, TransferResult transfer, SideEstimate effectiveRankA,
    SideEstimate effectiveRankB, SideEstimate decayExponentA, SideEstimate decayExponentB, AttentionResult attention,
    double[] pairSimilarityA, double[] pairSimilarityB, double[] shifts, SideEstimate shiftNull) {

  /** No inputs at all for sides {@code a} and {@code b}: every claim is NOT_MEASURABLE. */
  public static ClaimInputs empty(String a, String b) {
    return builder(a, b).build();
  }

  /** A builder for sides {@code a} and {@code b}; unset inputs stay null. */
  public static Builder builder(String a, String b) {
    return new Builder(a, b);
  }

  /** Fluent construction of {@link ClaimInputs}; each setter takes both sides of one quantity. */
  public static final class Builder {
    private final String sideA;
    private final String sideB;
    private SideEstimate zipfAlphaA;
    private SideEstimate zipfAlphaB;
    private SideEstimate entropyA;
    private SideEstimate entropyB;
    private SideEstimate cooccurrenceJs;
    private SideEstimate cooccurrenceJsNull;
    private double[] domainWordShift;
    private double[] controlWordShift;
    private double[] domainWordMi;
    private double[] otherWordMi;
    private double[] analogyErrorA;
    private double[] analogyErrorB;
    private TransferResult transfer;
    private SideEstimate effectiveRankA;
    private SideEstimate effectiveRankB;
    private SideEstimate decayExponentA;
    private SideEstimate decayExponentB;
    private AttentionResult attention;
    private double[] pairSimilarityA;
    private double[] pairSimilarityB;
    private double[] shifts;
    private SideEstimate shiftNull;

    private Builder(String sideA, String sideB) {
      this.sideA = sideA;
      this.sideB = sideB;
    }

    /** Zipf rank-frequency exponents. */
    public Builder zipfAlpha(SideEstimate a, SideEstimate b) {
      zipfAlphaA = a;
      zipfAlphaB = b;
      return this;
    }

    /** Lexical entropies in bits. */
    public Builder entropy(SideEstimate a, SideEstimate b) {
      entropyA = a;
      entropyB = b;
      return this;
    }

    /** Co-occurrence JS between the sides and its split-half null level. */
    public Builder cooccurrenceJs(SideEstimate between, SideEstimate nullLevel) {
      cooccurrenceJs = between;
      cooccurrenceJsNull = nullLevel;
      return this;
    }

    /** Delta_w of domain words and of random shared control words. */
    public Builder domainShift(double[] domainWords, double[] controlWords) {
      domainWordShift = domainWords;
      controlWordShift = controlWords;
      return this;
    }

    /** Per-word I(W;D) contributions of domain words and of all other words. */
    public Builder mutualInformation(double[] domainWords, double[] otherWords) {
      domainWordMi = domainWords;
      otherWordMi = otherWords;
      return this;
    }

    /** Analogy errors eps, paired over the questions both sides cover. */
    public Builder analogyErrors(double[] a, double[] b) {
      analogyErrorA = a;
      analogyErrorB = b;
      return this;
    }

    /** The transfer experiment. */
    public Builder transfer(TransferResult result) {
      transfer = result;
      return this;
    }

    /** Effective ranks of the spectra. */
    public Builder effectiveRank(SideEstimate a, SideEstimate b) {
      effectiveRankA = a;
      effectiveRankB = b;
      return this;
    }

    /** Spectral decay exponents. */
    public Builder decayExponent(SideEstimate a, SideEstimate b) {
      decayExponentA = a;
      decayExponentB = b;
      return this;
    }

    /** The self-attention probe. */
    public Builder attention(AttentionResult result) {
      attention = result;
      return this;
    }

    /** Pair similarities for s-bar, paired over the pair set. */
    public Builder pairSimilarities(double[] a, double[] b) {
      pairSimilarityA = a;
      pairSimilarityB = b;
      return this;
    }

    /** Delta_w over the shared vocabulary and the null level of Delta-bar (may be null). */
    public Builder shifts(double[] all, SideEstimate nullLevel) {
      shifts = all;
      shiftNull = nullLevel;
      return this;
    }

    /** The inputs. */
    public ClaimInputs build() {
      return new ClaimInputs(sideA, sideB, zipfAlphaA, zipfAlphaB, entropyA, entropyB, cooccurrenceJs,
          cooccurrenceJsNull, domainWordShift, controlWordShift, domainWordMi, otherWordMi, analogyErrorA,
          analogyErrorB, transfer, effectiveRankA, effectiveRankB, decayExponentA, decayExponentB, attention,
          pairSimilarityA, pairSimilarityB, shifts, shiftNull);
    }
  }
}
