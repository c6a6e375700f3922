package org.embdiff.vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.embdiff.io.VectorReader;
import org.embdiff.testing.BundledData;
import org.junit.jupiter.api.Test;

/** The int8 tile kernel against a double reference, and the quantised search's recall against exact search. */
class QuantizedNeighborsTest {
  @Test
  void int8TileKernelsMatchDoubleReference() {
    Random random = new Random(5);
    VectorUtilSupport simd = VectorSupportSelector.simdOrNull();
    for (VectorUtilSupport support : simd == null ? new VectorUtilSupport[] {ScalarVectorUtilSupport.INSTANCE}
        : new VectorUtilSupport[] {ScalarVectorUtilSupport.INSTANCE, simd}) {
      for (int dim : new int[] {1, 3, 25, 100, 301}) {
        for (int queries : new int[] {1, 2, 4, 5, 8, 9, 13, 17}) {
          int tileCount = 1 + random.nextInt(3);
          int tileFrom = random.nextInt(2);
          float[] q = new float[(queries + 1) * dim];
          for (int i = 0; i < q.length; i++) {
            q[i] = (float) random.nextGaussian();
          }
          byte[] tiles = new byte[(tileFrom + tileCount) * dim * 16];
          random.nextBytes(tiles);
          float[] scores = new float[queries * tileCount * 16];
          support.dotInt8Tiles(q, 1, queries, tiles, tileFrom, tileCount, dim, scores);
          for (int qq = 0; qq < queries; qq++) {
            for (int t = 0; t < tileCount; t++) {
              for (int j = 0; j < 16; j++) {
                double exact = 0, abs = 0;
                for (int i = 0; i < dim; i++) {
                  double p = (double) q[(1 + qq) * dim + i] * tiles[((tileFrom + t) * dim + i) * 16 + j];
                  exact += p;
                  abs += Math.abs(p);
                }
                assertThat((double) scores[qq * tileCount * 16 + t * 16 + j]).as("%s dim %d q %d/%d tile %d row %d",
                    support.name(), dim, qq, queries, t, j).isCloseTo(exact, Offset.offset(2 * dim * Math.ulp(1f) * abs + 1e-6));
              }
            }
          }
        }
      }
    }
  }

  @Test
  void facadeRefusesRangesOutsideTheArrays() {
    assertThatThrownBy(() -> VectorUtil.dotInt8Tiles(new float[10], 0, 2, new byte[16 * 5], 0, 2, 5, new float[64]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tiles [0, 2)");
    assertThatThrownBy(() -> VectorUtil.dotInt8Tiles(new float[10], 0, 2, new byte[16 * 5], 0, 1, 5, new float[31]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scores length 31");
  }

  /** Isotropic random vectors are the hard case: the top neighbours' similarities are barely above the rest. */
  @Test
  void recallOnRandomVectorsAgainstExactSearch() {
    Random random = new Random(11);
    int n = 8_000, dim = 300;
    float[] m = new float[n * dim];
    for (int i = 0; i < m.length; i++) {
      m[i] = (float) random.nextGaussian();
    }
    String[] words = new String[n];
    Arrays.setAll(words, i -> "w" + i);
    EmbeddingSpace space = new EmbeddingSpace(new Vocabulary(words), dim, m);
    assertRecall(space, 6_000, 0.99);
  }

  @Test
  void recallOnBundledGloveAgainstExactSearch() throws Exception {
    EmbeddingSpace glove = VectorReader.load(BundledData.path("embeddings/glove.6B.100d.twitter12k-vocab.txt.gz"),
        org.embdiff.io.LoadOptions.defaults().withLimit(6_000)).space();
    assertRecall(glove, 6_000, 0.995);
  }

  private static void assertRecall(EmbeddingSpace space, int rows, double minRecall) {
    QuantizedNeighbors quantised = new QuantizedNeighbors(space, rows);
    NearestNeighbors exact = new NearestNeighbors(space);
    Random random = new Random(3);
    int queries = 32;
    float[][] q = new float[queries][];
    int[][] exclude = new int[queries][];
    for (int i = 0; i < queries; i++) {
      int row = random.nextInt(space.size());
      q[i] = space.vector(row);
      exclude[i] = new int[] {row};
    }
    for (int k : new int[] {10, 100}) {
      float[][] approxScores = new float[queries][], exactScores = new float[queries][];
      int[][] approx = quantised.searchRows(q, exclude, k, QuantizedNeighbors.candidatesFor(k), approxScores);
      int[][] truth = exact.searchRows(q, exclude, k, rows, exactScores);
      long found = 0;
      for (int i = 0; i < queries; i++) {
        java.util.Set<Integer> want = new java.util.HashSet<>();
        Arrays.stream(truth[i]).forEach(want::add);
        found += Arrays.stream(approx[i]).filter(want::contains).count();
        for (int j = 0; j < approx[i].length; j++) {
          assertThat(approx[i][j]).isLessThan(rows).isNotEqualTo(exclude[i][0]);
          float cos = VectorUtil.cosine(q[i], space.vector(approx[i][j]));
          assertThat((double) approxScores[i][j]).as("exact re-ranked score").isCloseTo(cos, Offset.offset(1e-5));
          if (j > 0) {
            assertThat(approxScores[i][j]).isLessThanOrEqualTo(approxScores[i][j - 1]);
          }
        }
      }
      double recall = (double) found / (queries * (long) k);
      assertThat(recall).as("recall@%d over %d queries", k, queries).isGreaterThanOrEqualTo(minRecall);
    }
  }
}
