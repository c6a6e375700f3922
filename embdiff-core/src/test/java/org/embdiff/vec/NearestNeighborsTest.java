package org.embdiff.vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
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

  private static EmbeddingSpace gaussian(long seed, int n, int dim) {
    Random random = new Random(seed);
    float[] m = new float[n * dim];
    for (int i = 0; i < m.length; i++) {
      m[i] = (float) random.nextGaussian();
    }
    return new EmbeddingSpace(new Vocabulary(words("w", n)), dim, m);
  }

  private static String[] words(String prefix, int n) {
    String[] words = new String[n];
    for (int i = 0; i < n; i++) {
      words[i] = prefix + i;
    }
    return words;
  }

  /** Brute force in double: rows by descending score, ties to the lower row, excluded rows and rows >= restrict dropped. */
  private static int[] bruteForce(EmbeddingSpace unit, float[] query, int[] exclude, int k, int restrict) {
    double[] q = new double[query.length];
    double norm = 0;
    for (float x : query) norm += (double) x * x;
    for (int i = 0; i < q.length; i++) q[i] = query[i] / Math.sqrt(norm);
    int n = Math.min(restrict, unit.size());
    double[] scores = new double[n];
    for (int r = 0; r < n; r++) {
      double s = 0;
      for (int j = 0; j < q.length; j++) s += q[j] * unit.get(r, j);
      scores[r] = s;
    }
    return java.util.stream.IntStream.range(0, n).boxed()
        .filter(r -> exclude == null || Arrays.stream(exclude).noneMatch(e -> e == r))
        .sorted((a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : Integer.compare(a, b))
        .limit(k).mapToInt(Integer::intValue).toArray();
  }

  @Test
  void batchedRowsEqualBruteForceAcrossShapes() {
    // 1 and 3 queries split the rows (partial heaps merged); 37, 130 and 300 split the queries (the
    // Vector API's fused kernel: groups of 16 and of 64 queries, padded; row tails of 2,311 % 4)
    for (int queries : new int[] {1, 3, 37, 130, 300}) {
      for (int dim : new int[] {7, 100}) {
        EmbeddingSpace space = gaussian(11 + queries + dim, 2_311, dim);
        EmbeddingSpace unit = space.unitNormalized();
        NearestNeighbors nn = new NearestNeighbors(space);
        Random random = new Random(queries);
        float[][] q = new float[queries][];
        int[][] exclude = new int[queries][];
        for (int i = 0; i < queries; i++) {
          int row = random.nextInt(space.size());
          q[i] = space.vector(row);
          exclude[i] = i % 3 == 0 ? null : new int[] {row, random.nextInt(space.size())};
        }
        for (int restrict : new int[] {space.size(), 1_000}) {
          float[][] scores = new float[queries][];
          int[][] got = nn.searchRows(q, exclude, 17, restrict, scores);
          for (int i = 0; i < queries; i++) {
            int[] expected = bruteForce(unit, q[i], exclude[i], 17, restrict);
            assertThat(got[i]).as("queries=%d dim=%d restrict=%d query %d", queries, dim, restrict, i).containsExactly(expected);
            for (int j = 0; j < got[i].length; j++) {
              assertThat(scores[i][j]).isCloseTo(VectorUtil.dot(unit.vector(got[i][j]), VectorUtil.l2normalize(q[i].clone())),
                  org.assertj.core.data.Offset.offset(1e-5f));
            }
          }
        }
      }
    }
  }

  @Test
  void tiesGoToTheLowerRowAndMatchBruteForce() {
    // entries +-1 in 16 dims: unit entries +-0.25, every dot product is exact, so ties are exact
    Random random = new Random(5);
    int n = 600, dim = 16;
    float[] m = new float[n * dim];
    for (int i = 0; i < m.length; i++) {
      m[i] = random.nextInt(4) == 0 ? -1f : 1f;
    }
    EmbeddingSpace space = new EmbeddingSpace(new Vocabulary(words("t", n)), dim, m);
    NearestNeighbors nn = new NearestNeighbors(space);
    // 80 queries: one fused group of 64 and one of 16
    float[][] q = new float[80][];
    int[][] exclude = new int[80][];
    for (int i = 0; i < q.length; i++) {
      q[i] = space.vector(i * 7);
      exclude[i] = new int[] {i * 7};
    }
    int[][] got = nn.searchRows(q, exclude, 50, n, null);
    for (int i = 0; i < q.length; i++) {
      assertThat(got[i]).as("query %d", i).containsExactly(bruteForce(space.unitNormalized(), q[i], exclude[i], 50, n));
    }
  }

  @Test
  void kLargerThanTheSpaceReturnsEveryRowAndKZeroIsRejected() {
    EmbeddingSpace space = gaussian(3, 9, 5);
    NearestNeighbors nn = new NearestNeighbors(space);
    int[][] got = nn.searchRows(new float[][] {space.vector(2)}, new int[][] {{2}}, 100, 100, null);
    assertThat(got[0]).hasSize(8).doesNotContain(2).containsExactly(bruteForce(space.unitNormalized(), space.vector(2), new int[] {2}, 100, 100));
    assertThat(nn.searchRows(new float[0][], null, 3, 9, null)).isEmpty();
    assertThatThrownBy(() -> nn.searchRows(new float[][] {space.vector(0)}, null, 0, 9, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("k must be >= 1, got 0");
    assertThatThrownBy(() -> nn.searchRows(new float[][] {new float[4]}, null, 1, 9, null))
        .hasMessageContaining("dimension 4 != space dimension 5");
    assertThatThrownBy(() -> nn.allPairsTopK(space, 0)).hasMessage("k must be >= 1, got 0");
    assertThatThrownBy(() -> nn.allPairsTopK(gaussian(3, 9, 6), 2)).hasMessageContaining("6 != space dimension 5");
  }

  @Test
  void allPairsSelfComparisonEqualsSearchRowsWithoutSelf() {
    EmbeddingSpace space = gaussian(21, 1_503, 25);
    NearestNeighbors nn = new NearestNeighbors(space);
    float[][] scores = new float[space.size()][];
    int[][] all = nn.allPairsTopK(space, 30, space.size(), true, scores, org.embdiff.util.ProgressListener.NONE);
    assertThat(all).hasNumberOfRows(space.size());
    for (int q = 0; q < space.size(); q += 97) {
      assertThat(all[q]).as("query %d", q).doesNotContain(q)
          .containsExactly(bruteForce(space.unitNormalized(), space.vector(q), new int[] {q}, 30, space.size()));
      assertThat(scores[q][0]).isGreaterThanOrEqualTo(scores[q][29]);
    }
    // restrict to the first 500 rows, own word kept: each query in range finds itself first
    int[][] restricted = nn.allPairsTopK(space, 5, 500, false, null, org.embdiff.util.ProgressListener.NONE);
    assertThat(restricted[10][0]).isEqualTo(10);
    assertThat(Arrays.stream(restricted).flatMapToInt(Arrays::stream).max().getAsInt()).isLessThan(500);
  }

  @Test
  void allPairsAgainstAnotherSpaceExcludesTheSameWordByName() {
    EmbeddingSpace space = gaussian(8, 800, 13);
    // queries: rows 100..199 of the space, in reverse order, as their own space
    int[] pick = java.util.stream.IntStream.range(0, 100).map(i -> 199 - i).toArray();
    EmbeddingSpace queries = space.rows(pick);
    int[][] got = new NearestNeighbors(space).allPairsTopK(queries, 4);
    for (int i = 0; i < pick.length; i++) {
      assertThat(got[i]).doesNotContain(pick[i])
          .containsExactly(bruteForce(space.unitNormalized(), queries.vector(i), new int[] {pick[i]}, 4, 800));
    }
  }

  @Test
  void realGloveAllPairsAgreesWithOneWordSearch() throws Exception {
    EmbeddingSpace space = VectorReader.load(SharedData.require("embeddings/glove.6B.100d.top50k.txt.gz"),
        org.embdiff.io.LoadOptions.defaults().withLimit(3_000)).space();
    assertThat(space.size()).isEqualTo(3_000);
    NearestNeighbors nn = new NearestNeighbors(space);
    int[][] all = nn.allPairsTopK(space, 10);
    int king = space.indexOf("king");
    assertThat(Arrays.stream(all[king]).mapToObj(space::word)).contains("queen", "prince");
    // the batched all-pairs answer equals the one-word search
    assertThat(nn.of("king", 10)).extracting(Neighbor::row).containsExactly(Arrays.stream(all[king]).boxed().toArray(Integer[]::new));
  }
}
