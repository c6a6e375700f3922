package org.embdiff.align;

import java.util.List;
import java.util.Map;
import org.embdiff.inference.Interval;

/**
 * The domain-shift analysis of two spaces (SPEC 4 and 10): alignment (if any), per-word measures,
 * summaries overall and per frequency band, and the most / least shifted words with neighbours.
 *
 * @param alignment the alignment of B onto A, or null when run without one (then no Delta_w exists)
 * @param shared shared vocabulary summary
 * @param rankSourceA where A's frequency ranks come from
 * @param rankSourceB where B's frequency ranks come from
 * @param rankedBy the measure the lists are sorted by
 * @param bandEdges upper rank bounds of the frequency bands; a word's summary band is the band of its rarer side
 * @param overall summary over all shared words
 * @param bands summaries per band (of the rarer side's rank)
 * @param mostShifted the most shifted presentable words
 * @param leastShifted the least shifted presentable words
 * @param mostShiftedPerBand per band, the most shifted presentable words
 * @param focus the words asked for, in the order asked (missing words are left out)
 * @param words every shared word, most frequent first
 */
public record ShiftAnalysis(AlignmentResult alignment, SharedVocabulary.Summary shared, String rankSourceA,
    String rankSourceB, ShiftMeasure rankedBy, List<Integer> bandEdges, BandSummary overall, List<BandSummary> bands,
    List<ShiftedWord> mostShifted, List<ShiftedWord> leastShifted, Map<String, List<ShiftedWord>> mostShiftedPerBand,
    List<ShiftedWord> focus, List<WordShift> words) {

  /**
   * Summary of one band.
   *
   * @param band label, e.g. "1-1k"
   * @param words shared words in the band
   * @param deltaMean mean Delta_w with a bootstrap CI (null without alignment)
   * @param deltaMedian median Delta_w with a bootstrap CI (null without alignment)
   * @param overlap10Mean mean overlap at k = 10
   * @param overlap100Mean mean overlap at k = 100
   * @param secondOrderMean mean second-order distance
   */
  public record BandSummary(String band, int words, Interval deltaMean, Interval deltaMedian, double overlap10Mean,
      double overlap100Mean, double secondOrderMean) {}

  /**
   * A listed word with its neighbours in both spaces.
   *
   * @param shift its measures
   * @param score the value of the ranking measure
   * @param neighborsA top-10 neighbours in A (whole space)
   * @param neighborsB top-10 neighbours in B (whole space)
   */
  public record ShiftedWord(WordShift shift, double score, List<String> neighborsA, List<String> neighborsB) {}

  /** Delta_w of {@code word}; refuses when there is no alignment (an unaligned Delta_w is not a shift). */
  public double delta(String word) {
    if (alignment == null) {
      throw new IllegalStateException(DomainShift.UNALIGNED_MESSAGE);
    }
    for (WordShift w : words) {
      if (w.word().equals(word)) {
        return w.delta();
      }
    }
    throw new IllegalArgumentException("'" + word + "' is not in the shared vocabulary");
  }
}
