package org.embdiff.compare;

import org.embdiff.io.LoadedVectors;
import org.embdiff.io.SideSpec;
import org.embdiff.stats.Counts;

/**
 * One loaded side of a comparison.
 *
 * @param name side name
 * @param spec what was given
 * @param vectors the vectors, or null when the side has none
 * @param corpusCounts word counts of the side's corpus, or null
 * @param listCounts word counts from the side's frequency list, or null
 */
public record Side(String name, SideSpec spec, LoadedVectors vectors, Counts corpusCounts, Counts listCounts) {
  /** Whether vectors are present. */
  public boolean hasVectors() {
    return vectors != null;
  }

  /** Whether counts are present (from a corpus or a frequency list). */
  public boolean hasCounts() {
    return counts() != null;
  }

  /** Whether a corpus is present. */
  public boolean hasCorpus() {
    return spec.hasCorpus();
  }

  /**
   * The counts that stand for the side's word distribution: the frequency list when given (it
   * usually summarises far more text than a corpus sample), else the corpus counts; null if neither.
   */
  public Counts counts() {
    return listCounts != null ? listCounts : corpusCounts;
  }

  /** "frequency list", "corpus" or null: where {@link #counts()} comes from. */
  public String countsSource() {
    return listCounts != null ? "frequency list" : corpusCounts != null ? "corpus" : null;
  }
}
