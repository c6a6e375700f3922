package org.embdiff.replicate;

import java.util.List;
import org.embdiff.align.ShiftMeasure;

/**
 * Settings of a replicate null.
 *
 * @param replicates spaces per side R (at least 3: the null spread of a word needs R within-side pairs)
 * @param minCount vocabulary rule applied to each bootstrap sample
 * @param rootSeed the run's root seed; every bootstrap and training seed is derived from (root, side, replicate)
 * @param measures the per-word measures given a null
 * @param fdr false-discovery rate of the significant-shift list (Benjamini-Hochberg)
 * @param overlapK largest neighbour-overlap k computed (10 and 100 are prefixes)
 * @param secondOrderK neighbours per side of the second-order distance
 */
public record ReplicateSettings(int replicates, long minCount, long rootSeed, List<ShiftMeasure> measures, double fdr,
    int overlapK, int secondOrderK) {
  /** The measures scored by default: Delta_w (centred Procrustes), cosine distance, overlap@10, overlap@100, second-order. */
  public static final List<ShiftMeasure> DEFAULT_MEASURES = List.of(ShiftMeasure.DELTA, ShiftMeasure.COSINE_DISTANCE,
      ShiftMeasure.OVERLAP_10, ShiftMeasure.OVERLAP_100, ShiftMeasure.SECOND_ORDER);

  /** Validates. */
  public ReplicateSettings {
    if (replicates < 3) {
      throw new IllegalArgumentException("replicates must be >= 3 (the null spread needs 3 within-side pairs), got "
          + replicates);
    }
    if (minCount < 1) {
      throw new IllegalArgumentException("min-count must be >= 1, got " + minCount);
    }
    measures = List.copyOf(measures);
    if (measures.isEmpty()) {
      throw new IllegalArgumentException("at least one measure is needed");
    }
    if (!(fdr > 0 && fdr < 1)) {
      throw new IllegalArgumentException("fdr must be in (0, 1), got " + fdr);
    }
    if (overlapK < 10 || secondOrderK < 1) {
      throw new IllegalArgumentException("overlapK must be >= 10 and secondOrderK >= 1, got " + overlapK + ", "
          + secondOrderK);
    }
  }

  /** R replicates, the default measures, q = 0.05, k up to 100, second-order k = 25. */
  public static ReplicateSettings of(int replicates, long minCount, long rootSeed) {
    return new ReplicateSettings(replicates, minCount, rootSeed, DEFAULT_MEASURES, 0.05, 100, 25);
  }
}
