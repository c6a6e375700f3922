package org.embdiff.geometry;

import java.util.SplittableRandom;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.VectorUtil;

/**
 * A space's level for unrelated words: the mean cosine and the mean L2 distance of the unit vectors
 * of random distinct word pairs, with their standard errors (the pairs are independent draws). An
 * anisotropic space has a high random-pair cosine (Ethayarajh 2019), so cosines and distances of
 * two spaces are compared relative to these levels.
 *
 * @param pairs random pairs drawn
 * @param meanCosine mean cosine
 * @param seCosine its standard error
 * @param meanDistance mean ||u - v|| of the unit vectors
 * @param seDistance its standard error
 */
public record RandomPairBaseline(int pairs, double meanCosine, double seCosine, double meanDistance, double seDistance) {
  /** Pairs drawn by default. */
  public static final int DEFAULT_PAIRS = 10_000;

  /** The baseline of {@code space} over {@code pairs} random distinct pairs among its first {@code restrict} rows. */
  public static RandomPairBaseline of(EmbeddingSpace space, int pairs, int restrict, SplittableRandom random) {
    int n = Math.min(space.size(), restrict);
    if (n < 2) {
      throw new IllegalArgumentException("a random-pair baseline needs at least 2 words, got " + n);
    }
    int d = space.dim();
    float[] m = space.matrix();
    double sc = 0, scc = 0, sd = 0, sdd = 0;
    for (int p = 0; p < pairs; p++) {
      int i = random.nextInt(n);
      int j = random.nextInt(n - 1);
      j = j >= i ? j + 1 : j;
      double c = VectorUtil.cosine(m, i * d, m, j * d, d);
      double dist = Math.sqrt(Math.max(0, 2 - 2 * c));
      sc += c;
      scc += c * c;
      sd += dist;
      sdd += dist * dist;
    }
    double mc = sc / pairs;
    double md = sd / pairs;
    double vc = Math.max(0, (scc - pairs * mc * mc) / (pairs - 1));
    double vd = Math.max(0, (sdd - pairs * md * md) / (pairs - 1));
    return new RandomPairBaseline(pairs, mc, Math.sqrt(vc / pairs), md, Math.sqrt(vd / pairs));
  }
}
