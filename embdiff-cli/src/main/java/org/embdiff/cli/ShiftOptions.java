package org.embdiff.cli;

import org.embdiff.align.ShiftSettings;
import org.embdiff.compare.CompareSettings;
import picocli.CommandLine.Option;

/** {@code --overlap-k}: the largest neighbour-overlap k of the domain shift. */
public final class ShiftOptions {
  @Option(names = "--overlap-k", paramLabel = "K", converter = Ranges.OverlapK.class,
      description = "Largest neighbour-overlap k of the domain shift: 100 or 1000 (default: ${DEFAULT-VALUE}). "
          + "At 100 the overlap at 1000 is not computed and each side's all-pairs neighbour search keeps 100 "
          + "neighbours per word on the fused top-k kernel (the choice for spaces of a million words).")
  int maxOverlapK = 1000;

  /** {@code settings} with this largest k. */
  ShiftSettings apply(ShiftSettings settings) {
    return settings.withMaxOverlapK(maxOverlapK);
  }

  /** {@code settings} with this largest k in the shift analysis. */
  CompareSettings apply(CompareSettings settings) {
    return settings.withAnalyses(settings.analyses().withShift(apply(settings.analyses().shift())));
  }
}
