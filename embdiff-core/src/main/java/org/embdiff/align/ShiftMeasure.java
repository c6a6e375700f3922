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

  /** Parses {@code delta | cosine | overlap10 | overlap100 | overlap1000 | second-order}. */
  public static ShiftMeasure parse(String s) {
    return switch (s.toLowerCase(java.util.Locale.ROOT).replace("_", "").replace("-", "")) {
      case "delta" -> DELTA;
      case "cosine", "cosinedistance" -> COSINE_DISTANCE;
      case "overlap10", "overlap" -> OVERLAP_10;
      case "overlap100" -> OVERLAP_100;
      case "overlap1000" -> OVERLAP_1000;
      case "secondorder", "local" -> SECOND_ORDER;
      default -> throw new IllegalArgumentException("unknown shift measure '" + s
          + "': expected delta, cosine, overlap10, overlap100, overlap1000 or second-order");
    };
  }
}
