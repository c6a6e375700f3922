package org.embdiff.vec;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Top-k cosine neighbours by a quantised scan with exact re-ranking, for answering single queries
 * on large spaces fast: the first {@code rows} rows of the unit-normalised space are stored as int8
 * (symmetric, one scale per row: max |x| / 127) in tiles of {@value VectorUtil#INT8_TILE_ROWS}
 * rows, so a scan reads a quarter of the bytes of a float one; a batch of queries is scored in one
 * pass ({@link VectorUtil#dotInt8Tiles}), the best {@code candidates} rows per query by the
 * quantised score are kept ({@link NearestNeighbors.TopK}), and those are scored again exactly in
 * float. The results are then exact top-k among the candidates; rows the quantised pass ranks below
 * the candidates are missed, which QuantizedNeighborsTest measures against {@link NearestNeighbors}.
 *
 * <p>Memory: {@code rows x dim} bytes plus one float per row, beside the float space searched.
 */
public final class QuantizedNeighbors {
  /** Tiles scored per kernel call: 256 rows, so the scores of a batch stay in the L1/L2 caches. */
  private static final int TILES_PER_BLOCK = 16;
  private static final int WIDTH = VectorUtil.INT8_TILE_ROWS;

  private final EmbeddingSpace unit;
  private final int rows;
  private final int dim;
  private final int tileCount;
  private final byte[] tiles;
  private final float[] scales;

  /**
   * Quantises the first {@code rows} rows (the most frequent words, when the space is ordered by
   * frequency) of {@code space}'s unit-normalised view.
   */
  public QuantizedNeighbors(EmbeddingSpace space, int rows) {
    if (rows < 1 || rows > space.size()) {
      throw new IllegalArgumentException("rows must be in [1, " + space.size() + "], got " + rows);
    }
    this.unit = space.unitNormalized();
    this.rows = rows;
    this.dim = unit.dim();
    this.tileCount = (rows + WIDTH - 1) / WIDTH;
    this.tiles = new byte[Math.multiplyExact(Math.multiplyExact(tileCount, WIDTH), dim)];
    this.scales = new float[tileCount * WIDTH];
    float[] m = unit.matrix();
    IntStream.range(0, tileCount).parallel().forEach(t -> {
      for (int j = 0; j < WIDTH && t * WIDTH + j < rows; j++) {
        int row = t * WIDTH + j;
        float max = 0;
        for (int i = 0; i < dim; i++) {
          max = Math.max(max, Math.abs(m[row * dim + i]));
        }
        float scale = max / 127f;
        scales[row] = scale;
        for (int i = 0; i < dim; i++) {
          tiles[(t * dim + i) * WIDTH + j] = scale == 0 ? 0 : (byte) Math.round(m[row * dim + i] / scale);
        }
      }
    });
  }

  /**
   * A re-ranking depth for top {@code k}: {@code 2k + 50} candidates gave recall >= 0.99 against
   * exact search on isotropic random 300d vectors and >= 0.995 on GloVe (QuantizedNeighborsTest).
   */
  public static int candidatesFor(int k) {
    return 2 * k + 50;
  }

  /** The unit-normalised space the exact scores come from. */
  public EmbeddingSpace space() {
    return unit;
  }

  /** Rows searched: {@code [0, rows)}. */
  public int rows() {
    return rows;
  }

  /**
   * Batched top-k over rows {@code [0, rows())}.
   *
   * @param queries query vectors of this space's dimension (any norm; normalised copies are scored)
   * @param exclude per query, rows never returned; may be null, as may each entry
   * @param k neighbours per query, at least 1
   * @param candidates rows per query kept by the quantised pass and re-scored exactly (at least k)
   * @param scoresOut when non-null (length {@code queries.length}), receives each query's exact similarities
   * @return per query, rows by descending exact similarity, ties to the lower row
   */
  public int[][] searchRows(float[][] queries, int[][] exclude, int k, int candidates, float[][] scoresOut) {
    return searchRows(queries, exclude, k, candidates, scoresOut, true);
  }

  /**
   * {@link #searchRows(float[][], int[][], int, int, float[][])} on the calling thread alone when
   * {@code parallel} is false: for servers that search several batches at once on their own
   * threads, where the fork-join hand-offs would cost more than they gain.
   */
  public int[][] searchRows(float[][] queries, int[][] exclude, int k, int candidates, float[][] scoresOut, boolean parallel) {
    if (k < 1 || candidates < k) {
      throw new IllegalArgumentException("need 1 <= k <= candidates, got k " + k + ", candidates " + candidates);
    }
    if (exclude != null && exclude.length != queries.length) {
      throw new IllegalArgumentException("exclude has " + exclude.length + " entries != queries " + queries.length);
    }
    if (scoresOut != null && scoresOut.length != queries.length) {
      throw new IllegalArgumentException("scoresOut has " + scoresOut.length + " entries != queries " + queries.length);
    }
    int m = queries.length;
    if (m == 0) {
      return new int[0][];
    }
    // zero queries pad the batch to 4 or a multiple of 8: the kernels' 4- and 8-query passes cost
    // about what one single-query pass does, so padding is cheaper than leftovers
    int padded = m <= 4 ? 4 : (m + 7) / 8 * 8;
    float[] packed = new float[Math.multiplyExact(padded, dim)];
    for (int q = 0; q < m; q++) {
      if (queries[q].length != dim) {
        throw new IllegalArgumentException("query " + q + " has dimension " + queries[q].length + " != space dimension " + dim);
      }
      System.arraycopy(queries[q], 0, packed, q * dim, dim);
      VectorUtil.l2normalizeInPlace(packed, q * dim, dim);
    }
    int capacity = Math.min(candidates, rows);
    int threads = Runtime.getRuntime().availableProcessors();
    // every task scores all queries of the batch against its share of the tiles (one pass over the bytes)
    int splits = parallel ? Math.max(1, Math.min(2 * threads, tileCount / TILES_PER_BLOCK)) : 1;
    int tilesPerSplit = (tileCount + splits - 1) / splits;
    NearestNeighbors.TopK[][] partial = new NearestNeighbors.TopK[splits][];
    IntStream tasks = IntStream.range(0, splits);
    (parallel ? tasks.parallel() : tasks).forEach(split -> {
      NearestNeighbors.TopK[] heaps = new NearestNeighbors.TopK[m];
      for (int q = 0; q < m; q++) {
        heaps[q] = new NearestNeighbors.TopK(capacity, exclude == null ? null : exclude[q]);
      }
      float[] scores = new float[padded * TILES_PER_BLOCK * WIDTH];
      int end = Math.min(tileCount, (split + 1) * tilesPerSplit);
      for (int t = split * tilesPerSplit; t < end; t += TILES_PER_BLOCK) {
        int count = Math.min(TILES_PER_BLOCK, end - t);
        int firstRow = t * WIDTH;
        int valid = Math.min(count * WIDTH, rows - firstRow);
        VectorUtil.dotInt8Tiles(packed, 0, padded, tiles, t, count, dim, scores);
        for (int q = 0; q < m; q++) {
          int o = q * count * WIDTH;
          for (int r = 0; r < valid; r++) {
            scores[o + r] *= scales[firstRow + r];
          }
          heaps[q].offerAll(scores, o, valid, firstRow);
        }
      }
      partial[split] = heaps;
    });
    int[][] result = new int[m][];
    float[] matrix = unit.matrix();
    for (int q = 0; q < m; q++) {
      NearestNeighbors.TopK merged = partial[0][q];
      for (int split = 1; split < splits; split++) {
        merged.mergeFrom(partial[split][q]);
      }
      int[] cands = merged.drainSorted(null);
      long[] keys = new long[cands.length];
      for (int c = 0; c < cands.length; c++) {
        keys[c] = NearestNeighbors.TopK.pack(VectorUtil.dot(packed, q * dim, matrix, cands[c] * dim, dim), cands[c]);
      }
      Arrays.sort(keys);
      int kept = Math.min(k, keys.length);
      result[q] = new int[kept];
      float[] exact = new float[kept];
      for (int c = 0; c < kept; c++) {
        result[q][c] = (int) keys[c];
        exact[c] = NearestNeighbors.TopK.unpackScore(keys[c]);
      }
      if (scoresOut != null) {
        scoresOut[q] = exact;
      }
    }
    return result;
  }
}
