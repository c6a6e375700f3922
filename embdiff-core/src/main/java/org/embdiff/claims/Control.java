package org.embdiff.claims;

/** The named controls a claim can be re-measured under; {@link #label()} is the name reports show. */
public enum Control {
  /** Both sides' counts on one normalisation ({@code stats.VocabularyHarmoniser}). */
  HARMONISED_VOCABULARY("harmonised vocabulary"),
  /** Zipf fitted on the same number of top types on both sides. */
  MATCHED_TAIL("matched tail"),
  /** Entropy on corpora subsampled by document to the same number of tokens, lists at the same number of top types. */
  EQUAL_TOKEN_BUDGET("equal token budget"),
  /** Control words matched to the group's words by frequency rank, without replacement. */
  FREQUENCY_MATCHING("frequency matching"),
  /** Both sides centred and PCA-reduced to the smaller dimension; spectra at equal length. */
  COMMON_DIMENSION("common dimension"),
  /** The statistic divided by (or measured against) each space's mean over random word pairs. */
  RANDOM_PAIR_BASELINE("random-pair baseline"),
  /** Attention on unit-length rows at one temperature for both sides. */
  COMMON_TEMPERATURE("common temperature");

  private final String label;

  Control(String label) {
    this.label = label;
  }

  /** The name in reports. */
  public String label() {
    return label;
  }
}
