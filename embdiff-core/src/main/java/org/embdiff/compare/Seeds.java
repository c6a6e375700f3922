package org.embdiff.compare;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Random streams of a run: one root seed, and per analysis a seed derived from (root seed,
 * analysis id) alone, so adding an analysis, reordering them or changing the thread count changes
 * no other analysis's numbers.
 */
public final class Seeds {
  private Seeds() {}

  /**
   * The seed of stream {@code id} under {@code root}: the bytes of the id folded into the root
   * with the SplitMix64 finaliser (Steele, Lea &amp; Flood 2014) after each byte.
   */
  public static long of(long root, String id) {
    long h = mix(root ^ 0x9E3779B97F4A7C15L);
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      h = mix(h ^ (b & 0xFF));
    }
    return h;
  }

  /** A fresh generator for stream {@code id} under {@code root}. */
  public static SplittableRandom random(long root, String id) {
    return new SplittableRandom(of(root, id));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
