package org.embdiff.compare;

import java.util.SplittableRandom;

/**
 * Random streams of a run: one root seed, and per analysis a seed derived from (root seed,
 * analysis id) alone, so adding an analysis, reordering them or changing the thread count changes
 * no other analysis's numbers. Sub-streams of an analysis are {@link org.embdiff.util.Seeds#derive}
 * of its seed.
 */
public final class Seeds {
  private Seeds() {}

  /** The seed of stream {@code id} under {@code root} ({@link org.embdiff.util.Seeds#of}). */
  public static long of(long root, String id) {
    return org.embdiff.util.Seeds.of(root, id);
  }

  /** A fresh generator for stream {@code id} under {@code root}. */
  public static SplittableRandom random(long root, String id) {
    return new SplittableRandom(of(root, id));
  }
}
