package org.embdiff.align;

import java.util.List;

/**
 * Settings of a domain-shift analysis.
 *
 * @param alignment how to align B onto A, or null for the alignment-free measures only
 * @param rankBy the measure the lists are sorted by; one that needs alignment is refused without it
 * @param top words in the most / least shifted lists
 * @param perBand words per frequency band list
 * @param focusWords words to report whatever their rank (e.g. apple, viral)
 * @param maxOverlapK largest neighbour-overlap k (1000; 10 and 100 are prefixes of the same lists)
 * @param secondOrderK neighbours per side for the second-order distance (25)
 * @param neighbors neighbours shown per listed word (10)
 * @param bandEdges upper 1-based rank bounds of the frequency bands, ascending
 * @param bootstrapResamples resamples for the Delta-bar CIs
 * @param seed seed for the bootstrap
 * @param maxWords the most frequent shared words analysed (by joint rank; the rest are counted in the
 *     vocabulary summary only): bounds the all-pairs neighbour search, which grows with its square
 * @param neighbourMeasures whether to compute the neighbour overlaps and the second-order distance
 *     (false: those fields are NaN; for runs that read only Delta_w, e.g. a control)
 */
public record ShiftSettings(Aligner.Settings alignment, ShiftMeasure rankBy, int top, int perBand, List<String> focusWords,
    int maxOverlapK, int secondOrderK, int neighbors, List<Integer> bandEdges, int bootstrapResamples, long seed,
    int maxWords, boolean neighbourMeasures) {
  /** The default band edges: 1k, 5k, 10k, 50k, 100k. */
  /** The default {@link #maxWords()}: 100,000 words, 2 x 10^10 dot products per side. */
  public static final int DEFAULT_MAX_WORDS = 100_000;

  public static final List<Integer> DEFAULT_BANDS = List.of(1_000, 5_000, 10_000, 50_000, 100_000);

  /** Validates. */
  public ShiftSettings {
    if (rankBy == null) {
      throw new IllegalArgumentException("rankBy must not be null");
    }
    if (alignment == null && rankBy.needsAlignment()) {
      throw new IllegalArgumentException(DomainShift.UNALIGNED_MESSAGE);
    }
    if (maxWords < 3) {
      throw new IllegalArgumentException("maxWords must be >= 3, got " + maxWords);
    }
    if (top < 1 || perBand < 0 || maxOverlapK < 10 || secondOrderK < 1 || neighbors < 1 || bootstrapResamples < 1) {
      throw new IllegalArgumentException("invalid shift settings: top " + top + ", perBand " + perBand + ", maxOverlapK "
          + maxOverlapK + " (>= 10), secondOrderK " + secondOrderK + ", neighbors " + neighbors + ", bootstrapResamples " + bootstrapResamples);
    }
    focusWords = focusWords == null ? List.of() : List.copyOf(focusWords);
    bandEdges = List.copyOf(bandEdges);
    for (int i = 1; i < bandEdges.size(); i++) {
      if (bandEdges.get(i) <= bandEdges.get(i - 1)) {
        throw new IllegalArgumentException("band edges must be ascending: " + bandEdges);
      }
    }
  }

  /** Settings over at most {@link #DEFAULT_MAX_WORDS} shared words, with the neighbour measures. */
  public ShiftSettings(Aligner.Settings alignment, ShiftMeasure rankBy, int top, int perBand, List<String> focusWords,
      int maxOverlapK, int secondOrderK, int neighbors, List<Integer> bandEdges, int bootstrapResamples, long seed) {
    this(alignment, rankBy, top, perBand, focusWords, maxOverlapK, secondOrderK, neighbors, bandEdges, bootstrapResamples, seed,
        DEFAULT_MAX_WORDS, true);
  }

  /** Default alignment, ranked by Delta_w, top 50, 10 per band. */
  public static ShiftSettings defaults() {
    return new ShiftSettings(Aligner.Settings.defaults(), ShiftMeasure.DELTA, 50, 10, List.of(), 1000, 25, 10, DEFAULT_BANDS, 1000, 42);
  }

  /** A copy with another alignment (null = none; the ranking switches to second-order if it needed one). */
  public ShiftSettings withAlignment(Aligner.Settings a) {
    ShiftMeasure by = a == null && rankBy.needsAlignment() ? ShiftMeasure.SECOND_ORDER : rankBy;
    return new ShiftSettings(a, by, top, perBand, focusWords, maxOverlapK, secondOrderK, neighbors, bandEdges, bootstrapResamples, seed, maxWords, neighbourMeasures);
  }

  /** A copy ranked by another measure. */
  public ShiftSettings withRankBy(ShiftMeasure m) {
    return new ShiftSettings(alignment, m, top, perBand, focusWords, maxOverlapK, secondOrderK, neighbors, bandEdges, bootstrapResamples, seed, maxWords, neighbourMeasures);
  }

  /** A copy with other list sizes and focus words. */
  public ShiftSettings withLists(int newTop, List<String> focus) {
    return new ShiftSettings(alignment, rankBy, newTop, perBand, focus, maxOverlapK, secondOrderK, neighbors, bandEdges, bootstrapResamples, seed, maxWords, neighbourMeasures);
  }

  /** A copy with another seed (bootstrap and alignment). */
  public ShiftSettings withSeed(long s) {
    return new ShiftSettings(alignment == null ? null : alignment.withSeed(s), rankBy, top, perBand, focusWords, maxOverlapK,
        secondOrderK, neighbors, bandEdges, bootstrapResamples, s, maxWords, neighbourMeasures);
  }

  /** A copy analysing at most {@code words} shared words. */
  public ShiftSettings withMaxWords(int words) {
    return new ShiftSettings(alignment, rankBy, top, perBand, focusWords, maxOverlapK, secondOrderK, neighbors, bandEdges,
        bootstrapResamples, seed, words, neighbourMeasures);
  }

  /**
   * A copy whose largest neighbour overlap is at {@code k} (100 or 1000); the overlap at 1000 is then
   * not computed. A search for k <= 128 neighbours runs on the fused top-k kernel; k = 1000 keeps the
   * blocked one.
   */
  public ShiftSettings withMaxOverlapK(int k) {
    if (k != 100 && k != 1000) {
      throw new IllegalArgumentException("largest neighbour-overlap k must be 100 or 1000, got " + k);
    }
    return new ShiftSettings(alignment, rankBy, top, perBand, focusWords, k, secondOrderK, neighbors, bandEdges,
        bootstrapResamples, seed, maxWords, neighbourMeasures);
  }

  /**
   * A copy without the neighbour measures, ranked by an alignment measure; unchanged without an
   * alignment (the neighbour measures are then the only ones).
   */
  public ShiftSettings withoutNeighbourMeasures() {
    if (alignment == null) {
      return this;
    }
    return new ShiftSettings(alignment, rankBy.needsAlignment() ? rankBy : ShiftMeasure.DELTA, top, perBand, focusWords,
        maxOverlapK, secondOrderK, neighbors, bandEdges, bootstrapResamples, seed, maxWords, false);
  }
}
