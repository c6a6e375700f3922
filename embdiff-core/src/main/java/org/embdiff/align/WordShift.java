package org.embdiff.align;

/**
 * The shift measures of one shared word.
 *
 * @param word the word
 * @param rankA 1-based frequency rank in A
 * @param rankB 1-based frequency rank in B
 * @param bandA frequency band in A
 * @param bandB frequency band in B
 * @param delta ||A(w) - M B(w)||_2 on unit vectors after alignment, or null without alignment
 * @param cosineDistance 1 - cos(A(w), M B(w)), or null without alignment
 * @param overlap10 |NN_10^A(w) ∩ NN_10^B(w)| / 10, neighbours within the shared vocabulary (Gonen et al. 2020)
 * @param overlap100 the same at k = 100
 * @param overlap1000 the same at k = 1000 (capped at shared size - 1)
 * @param secondOrder cosine distance between the word's similarity vectors to the union of its
 *     k = 25 neighbours in both spaces (Hamilton et al. 2016)
 * @param presentable false for junk, pseudo-tokens, numbers, punctuation and short words (kept out of the lists)
 */
public record WordShift(String word, int rankA, int rankB, String bandA, String bandB, Double delta, Double cosineDistance,
    double overlap10, double overlap100, double overlap1000, double secondOrder, boolean presentable) {

  /** The value of {@code measure} (larger = more shifted). */
  public double value(ShiftMeasure measure) {
    return switch (measure) {
      case DELTA -> require(delta);
      case COSINE_DISTANCE -> require(cosineDistance);
      case OVERLAP_10 -> 1 - overlap10;
      case OVERLAP_100 -> 1 - overlap100;
      case OVERLAP_1000 -> 1 - overlap1000;
      case SECOND_ORDER -> secondOrder;
    };
  }

  private double require(Double v) {
    if (v == null) {
      throw new IllegalStateException(DomainShift.UNALIGNED_MESSAGE);
    }
    return v;
  }
}
