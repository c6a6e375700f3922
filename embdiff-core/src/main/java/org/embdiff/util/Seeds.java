package org.embdiff.util;

import java.nio.charset.StandardCharsets;

/**
 * Seeds of independent random streams derived by hashing (root seed, stream name, indices), so a
 * stream's numbers depend only on its own coordinates: adding a stream, a replicate or a thread
 * changes no other stream (unlike {@code seed + 1} or the order of {@code split()} calls).
 */
public final class Seeds {
  private Seeds() {}

  /** The seed of stream {@code name} under {@code root}: the name's bytes folded in with the SplitMix64 finaliser. */
  public static long of(long root, String name) {
    long h = mix(root ^ 0x9E3779B97F4A7C15L);
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h = mix(h ^ (b & 0xFF));
    }
    return h;
  }

  /** The seed of stream {@code name} at {@code indices} under {@code root} (SplitMix64 finaliser chained over the parts). */
  public static long derive(long root, String name, long... indices) {
    long h = mix(of(root, name) ^ indices.length);
    for (long i : indices) {
      h = mix(h ^ mix(i + 0x632BE59BD9B4E019L));
    }
    return h;
  }

  /** The SplitMix64 output function (Steele, Lea & Flood 2014). */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
