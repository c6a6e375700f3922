package org.embdiff.align;

/** The per-word measure a shift ranking is sorted by. */
public enum ShiftMeasure {
  /** Delta_w = ||A(w) - M B(w)||_2 on unit vectors after alignment. */
  DELTA(true),
  /** 1 - cos(A(w), M B(w)) after alignment (a monotone function of Delta_w). */
  COSINE_DISTANCE(true),
  /** 1 - |NN_10^A(w) ∩ NN_10^B(w)| / 10 (Gonen et al. 2020); needs no alignment. */
  OVERLAP_10(false),
  /** 1 - overlap at k = 100. */
  OVERLAP_100(false),
  /** 1 - overlap at k = 1000. */
  OVERLAP_1000(false),
  /** Second-order local-neighbourhood distance, k = 25 (Hamilton et al. 2016); needs no alignment. */
  SECOND_ORDER(false);

  private final boolean needsAlignment;

  ShiftMeasure(boolean needsAlignment) {
    this.needsAlignment = needsAlignment;
  }

  /** Whether the measure is only defined after aligning B onto A. */
  public boolean needsAlignment() {
    return needsAlignment;
  }

  /** The user word: delta, cosine, overlap10, overlap100, overlap1000 or second-order. */
  @Override
  public String toString() {
    return switch (this) {
      case DELTA -> "delta";
      case COSINE_DISTANCE -> "cosine";
      case OVERLAP_10 -> "overlap10";
      case OVERLAP_100 -> "overlap100";
      case OVERLAP_1000 -> "overlap1000";
      case SECOND_ORDER -> "second-order";
    };
  }
}
