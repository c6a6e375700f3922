package org.embdiff.vec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.embdiff.io.VectorReader;
import org.embdiff.testing.SharedData;
import org.junit.jupiter.api.Test;

class NearestNeighborsTest {
  @Test
  void batchedSearchEqualsBruteForce() {
    Random random = new Random(7);
    int n = 1037, dim = 13;
    float[] m = new float[n * dim];
    String[] words = new String[n];
    for (int i = 0; i < n; i++) {
      words[i] = "w" + i;
    }
    for (int i = 0; i < m.length; i++) {
      m[i] = (float) random.nextGaussian();
    }
    EmbeddingSpace space = new EmbeddingSpace(new Vocabulary(words), dim, m);
    NearestNeighbors nn = new NearestNeighbors(space);
    float[][] queries = new float[7][];
    for (int q = 0; q < queries.length; q++) {
      queries[q] = space.vector(q * 100);
    }
    int[][] exclude = new int[7][];
    for (int q = 0; q < 7; q++) {
      exclude[q] = new int[] {q * 100};
    }
    List<List<Neighbor>> got = nn.search(queries, exclude, 5, n);
    EmbeddingSpace unit = space.unitNormalized();
    for (int q = 0; q < queries.length; q++) {
      float[] query = unit.vector(q * 100);
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) order[i] = i;
      java.util.Arrays.sort(order, (a, b) -> Float.compare(VectorUtil.dot(query, unit.vector(b)), VectorUtil.dot(query, unit.vector(a))));
      int expected = 0;
      for (int i = 0; i < 5; i++) {
        if (order[expected] == q * 100) expected++;
        assertThat(got.get(q).get(i).row()).isEqualTo(order[expected]);
        expected++;
      }
    }
  }

  @Test
  void kingIsCloseToQueenInRealGlove() throws Exception {
    EmbeddingSpace space = VectorReader.load(SharedData.require("embeddings/glove.6B.100d.top50k.txt.gz")).space();
    assertThat(space.size()).isEqualTo(50_000);
    List<Neighbor> top = new NearestNeighbors(space).of("king", 10);
    assertThat(top).extracting(Neighbor::word).contains("queen");
  }
}
