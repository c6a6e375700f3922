package org.embdiff.eval;

import it.unimi.dsi.fastutil.ints.Int2BooleanOpenHashMap;

/**
 * Accuracy of two spaces on the questions both of them answered (SPEC 6: "accuracy on the
 * questions both sides cover"), so that a difference is not an artefact of coverage.
 *
 * @param common questions answered by both
 * @param correctA of those, correct in A
 * @param correctB of those, correct in B
 * @param accuracyA correctA / common
 * @param accuracyB correctB / common
 */
public record AnalogyComparison(int common, int correctA, int correctB, double accuracyA, double accuracyB) {
  /** Compares two results of the same benchmark file (questions matched by line number). */
  public static AnalogyComparison of(AnalogyResult a, AnalogyResult b) {
    if (!a.benchmark().equals(b.benchmark())) {
      throw new IllegalArgumentException("results are for different benchmarks: " + a.benchmark() + " vs " + b.benchmark());
    }
    Int2BooleanOpenHashMap inB = new Int2BooleanOpenHashMap();
    for (AnalogyResult.AnalogyOutcome o : b.outcomes()) {
      inB.put(o.line(), o.correct());
    }
    int common = 0, ca = 0, cb = 0;
    for (AnalogyResult.AnalogyOutcome o : a.outcomes()) {
      if (inB.containsKey(o.line())) {
        common++;
        ca += o.correct() ? 1 : 0;
        cb += inB.get(o.line()) ? 1 : 0;
      }
    }
    return new AnalogyComparison(common, ca, cb, common == 0 ? 0 : (double) ca / common, common == 0 ? 0 : (double) cb / common);
  }
}
