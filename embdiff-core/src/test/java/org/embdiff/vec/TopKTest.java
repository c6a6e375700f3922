package org.embdiff.vec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The packed (score, row) keys and the bounded selection behind batched neighbours. */
class TopKTest {
  private static final float[] AWKWARD = {
    0f, -0f, 1f, -1f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE,
    Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0.5f, -0.5f, 1e-30f, -1e-30f, 0.99999994f
  };

  @Test
  void packedKeysOrderByDescendingScoreThenAscendingRow() {
    Random random = new Random(9);
    for (int i = 0; i < 20_000; i++) {
      float a = i < 225 ? AWKWARD[i % AWKWARD.length] : (float) random.nextGaussian();
      float b = i < 225 ? AWKWARD[i / AWKWARD.length] : random.nextBoolean() ? a : (float) random.nextGaussian();
      int ra = random.nextInt(Integer.MAX_VALUE), rb = random.nextInt(Integer.MAX_VALUE);
      long ka = NearestNeighbors.TopK.pack(a, ra), kb = NearestNeighbors.TopK.pack(b, rb);
      int expected = a != b ? Float.compare(b, a) : Integer.compare(ra, rb);
      assertThat(Long.signum(Long.compare(ka, kb))).as("%s/%d vs %s/%d", a, ra, b, rb).isEqualTo(Integer.signum(expected));
      assertThat(NearestNeighbors.TopK.unpackScore(ka)).isEqualTo(a + 0f); // -0 comes back as 0
      assertThat((int) ka).isEqualTo(ra);
    }
  }

  @Test
  void selectionKeepsTheBestAcrossManyCutsAndMerges() {
    Random random = new Random(4);
    for (int k : new int[] {1, 2, 7, 100, 1000}) {
      int n = 25_000;
      float[] scores = new float[n];
      for (int i = 0; i < n; i++) {
        // few distinct values: many exact ties across cuts
        scores[i] = random.nextInt(500) / 500f;
      }
      NearestNeighbors.TopK whole = new NearestNeighbors.TopK(k, new int[] {3, 17});
      whole.offerAll(scores, 0, n, 0);
      // the same rows offered as two halves to two lists, then merged (the few-queries path)
      NearestNeighbors.TopK left = new NearestNeighbors.TopK(k, new int[] {3, 17});
      NearestNeighbors.TopK right = new NearestNeighbors.TopK(k, new int[] {3, 17});
      left.offerAll(scores, 0, n / 2, 0);
      right.offerAll(scores, n / 2, n - n / 2, n / 2);
      right.mergeFrom(left);
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) order[i] = i;
      Arrays.sort(order, (x, y) -> scores[x] != scores[y] ? Float.compare(scores[y], scores[x]) : Integer.compare(x, y));
      int[] expected = Arrays.stream(order).mapToInt(Integer::intValue).filter(r -> r != 3 && r != 17).limit(k).toArray();
      float[] got = new float[whole.size()];
      assertThat(whole.drainSorted(got)).as("k=%d", k).containsExactly(expected);
      assertThat(got[0]).isEqualTo(scores[expected[0]]);
      assertThat(right.drainSorted(null)).as("merged k=%d", k).containsExactly(expected);
    }
  }

  @Test
  void nanRowsAreNeverReturnedAndZeroRowsAre() {
    float[] m = {1, 0, 0, 1, Float.NaN, 1, 0, 0, 0.5f, 0.5f};
    EmbeddingSpace space = new EmbeddingSpace(new Vocabulary(new String[] {"a", "b", "nan", "zero", "ab"}), 2, m);
    int[][] got = new NearestNeighbors(space).searchRows(new float[][] {{1, 0}}, null, 10, 5, null);
    // a (1.0), ab (0.707), b (0), zero (0, higher row): the NaN row is left out
    assertThat(got[0]).containsExactly(0, 4, 1, 3);
  }
}
