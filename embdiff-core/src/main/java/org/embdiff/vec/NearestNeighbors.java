package org.embdiff.vec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.embdiff.util.ProgressListener;

/**
 * Top-k cosine nearest neighbours over the unit-normalised view of an {@link EmbeddingSpace}.
 *
 * <p>Batched search is a blocked matrix multiply fused with selection. Queries are split into
 * chunks of up to {@value #MAX_QUERY_CHUNK}, which run in parallel on the common fork-join pool;
 * a chunk walks the rows in blocks of ~128 KB (cache-resident while every query of the chunk is
 * scored against it by one {@link VectorUtil#dotBlock} call), and each query keeps its k best
 * rows behind an admission threshold ({@link TopK}), so most scores cost one comparison. With few
 * queries the rows are split too, and the partial top-k lists merged.
 *
 * <p>Ordering is deterministic: by descending similarity, ties to the lower row (the more
 * frequent word). Scores are float dot products of unit vectors; the kernels in use
 * ({@link VectorUtil#providerName()}) may change the last bits and so the order of near-ties.
 */
public final class NearestNeighbors {
  /** Most queries scored per task: 128 x 100 dims = 51 KB of queries beside a 128 KB row block. */
  static final int MAX_QUERY_CHUNK = 128;
  /** Chunks are multiples of 4 queries: the kernels share each loaded row between 4 queries. */
  private static final int GROUP = 4;
  /** Query groups of the fused kernel ({@link VectorUtilSupport#topK}): 4 vectors of 16 lanes. */
  private static final int FUSED_GROUP = 64;
  /** Most queries per task with the fused kernel (its row block is reused by every group of the task). */
  private static final int MAX_FUSED_CHUNK = 256;
  /**
   * Largest k for the fused kernel: it offers row by row to 64 interleaved heaps, which at k = 1000
   * (64 x 16 KB of buffers) no longer stay in cache; the blocked path offers one query's block at a
   * time (all-pairs top-1000 over 50k x 100: 27 GFLOP per CPU-second fused, ~36 blocked).
   */
  private static final int MAX_FUSED_K = 128;
  /** Target bytes of one row block. */
  private static final int ROW_BLOCK_BYTES = 128 * 1024;

  private final EmbeddingSpace unit;

  /** Searches {@code space} (normalised once here, cached by the space). */
  public NearestNeighbors(EmbeddingSpace space) {
    this.unit = space.unitNormalized();
  }

  /** The unit-normalised space searched. */
  public EmbeddingSpace space() {
    return unit;
  }

  /** Top {@code k} neighbours of {@code word}, excluding the word itself. */
  public List<Neighbor> of(String word, int k) {
    int row = unit.indexOf(word);
    if (row < 0) {
      throw new IllegalArgumentException("word not in vocabulary: '" + word + "'");
    }
    return search(new float[][] {unit.vector(row)}, new int[][] {{row}}, k, unit.size()).get(0);
  }

  /** Top {@code k} neighbours of an arbitrary vector (normalised here). */
  public List<Neighbor> of(float[] query, int k) {
    return search(new float[][] {query}, null, k, unit.size()).get(0);
  }

  /**
   * Batched top-k.
   *
   * @param queries query vectors (any norm; normalised copies are scored)
   * @param exclude per query, rows never returned (e.g. analogy question words); may be null, as may each entry
   * @param k neighbours per query, at least 1 (fewer come back when the space is smaller)
   * @param restrict search only rows {@code [0, restrict)}, i.e. the most frequent words
   * @return per query, neighbours by descending similarity
   */
  public List<List<Neighbor>> search(float[][] queries, int[][] exclude, int k, int restrict) {
    float[][] scores = new float[queries.length][];
    int[][] rows = searchRows(queries, exclude, k, restrict, scores);
    List<List<Neighbor>> out = new ArrayList<>(queries.length);
    for (int q = 0; q < queries.length; q++) {
      List<Neighbor> list = new ArrayList<>(rows[q].length);
      for (int i = 0; i < rows[q].length; i++) {
        list.add(new Neighbor(rows[q][i], unit.word(rows[q][i]), scores[q][i]));
      }
      out.add(list);
    }
    return out;
  }

  /**
   * Batched top-k returning row indices only (descending similarity, ties to the lower row); the
   * allocation-light form for large batches.
   *
   * @param queries query vectors of this space's dimension (any norm; normalised copies are scored)
   * @param exclude per query, rows never returned; may be null, as may each entry
   * @param k neighbours per query, at least 1
   * @param restrict search only rows {@code [0, restrict)}, at least 1
   * @param scoresOut when non-null (length {@code queries.length}), receives each query's similarities
   * @throws IllegalArgumentException on a dimension mismatch, {@code k < 1} or {@code restrict < 1}
   */
  public int[][] searchRows(float[][] queries, int[][] exclude, int k, int restrict, float[][] scoresOut) {
    int dim = unit.dim();
    float[] packed = new float[Math.multiplyExact(queries.length, dim)];
    for (int q = 0; q < queries.length; q++) {
      if (queries[q].length != dim) {
        throw new IllegalArgumentException("query " + q + " has dimension " + queries[q].length + " != space dimension " + dim);
      }
      System.arraycopy(queries[q], 0, packed, q * dim, dim);
      VectorUtil.l2normalizeInPlace(packed, q * dim, dim);
    }
    if (exclude != null && exclude.length != queries.length) {
      throw new IllegalArgumentException("exclude has " + exclude.length + " entries != queries " + queries.length);
    }
    return run(packed, queries.length, exclude, k, restrict, scoresOut, ProgressListener.NONE);
  }

  /**
   * All-pairs top-k: the {@code k} nearest rows of this space for every row of {@code
   * queriesSpace}, as one blocked matrix multiply. For nearest-neighbour overlap (Gonen et al.
   * 2020) call it on each of two spaces restricted to the shared vocabulary, with the space itself
   * as queries; lists are sorted, so the top 10 and top 100 are prefixes of one k = 1000 run.
   * Memory: the result holds {@code queries x k} ints (50,000 x 1,000 = 200 MB). Runs on the
   * common fork-join pool, or on the pool of the calling task (submit it to a {@code
   * ForkJoinPool(threads)} to bound the threads).
   *
   * @param queriesSpace the queries, one per row (this space itself, or another of the same dimension)
   * @param k neighbours per query, at least 1
   * @param restrict search only rows {@code [0, restrict)} of this space (its most frequent words)
   * @param excludeSameWord never return the row holding the query's own word (its own row for a self-comparison)
   * @param scoresOut when non-null (length = queries), receives each query's similarities
   * @param progress told the number of queries as chunks finish
   * @return per query row, neighbour rows of this space by descending similarity, ties to the lower row
   * @throws IllegalArgumentException on a dimension mismatch, {@code k < 1} or {@code restrict < 1}
   */
  public int[][] allPairsTopK(EmbeddingSpace queriesSpace, int k, int restrict, boolean excludeSameWord,
      float[][] scoresOut, ProgressListener progress) {
    if (queriesSpace.dim() != unit.dim()) {
      throw new IllegalArgumentException("query space dimension " + queriesSpace.dim() + " != space dimension " + unit.dim());
    }
    EmbeddingSpace queries = queriesSpace.unitNormalized();
    int[][] exclude = null;
    if (excludeSameWord) {
      exclude = new int[queries.size()][];
      boolean sameWords = queries.vocabulary() == unit.vocabulary();
      for (int q = 0; q < exclude.length; q++) {
        int row = sameWords ? q : unit.indexOf(queries.word(q));
        exclude[q] = row < 0 ? null : new int[] {row};
      }
    }
    return run(queries.matrix(), queries.size(), exclude, k, restrict, scoresOut, progress);
  }

  /** {@link #allPairsTopK(EmbeddingSpace, int, int, boolean, float[][], ProgressListener)} over all rows, excluding each query's own word. */
  public int[][] allPairsTopK(EmbeddingSpace queriesSpace, int k) {
    return allPairsTopK(queriesSpace, k, unit.size(), true, null, ProgressListener.NONE);
  }

  private int[][] run(float[] queries, int queryCount, int[][] exclude, int k, int restrict, float[][] scoresOut,
      ProgressListener progress) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    if (restrict < 1) {
      throw new IllegalArgumentException("restrict must be >= 1, got " + restrict);
    }
    if (scoresOut != null && scoresOut.length != queryCount) {
      throw new IllegalArgumentException("scoresOut has " + scoresOut.length + " entries != queries " + queryCount);
    }
    if (queryCount == 0) {
      return new int[0][];
    }
    int n = Math.min(restrict, unit.size());
    int dim = unit.dim();
    int capacity = Math.min(k, n);
    int threads = Runtime.getRuntime().availableProcessors();
    // about 4 tasks per thread for balance, in groups of 4, at most MAX_QUERY_CHUNK
    int chunk = queryCount >= FUSED_GROUP && capacity <= MAX_FUSED_K
        ? Math.min(MAX_FUSED_CHUNK, roundUp(ceilDiv(queryCount, threads * 4), FUSED_GROUP))
        : Math.max(GROUP, Math.min(MAX_QUERY_CHUNK, roundUp(ceilDiv(queryCount, threads * 4), GROUP)));
    int queryChunks = ceilDiv(queryCount, chunk);
    int rowBlock = Math.max(16, Math.min(1024, ROW_BLOCK_BYTES / (4 * dim)));
    // few queries: split the rows as well, so every thread has work (partial heaps merged below)
    int rowSplits = queryChunks >= threads * 2 ? 1 : Math.max(1, Math.min(ceilDiv(threads * 4, queryChunks), n / (4 * rowBlock)));
    int splitRows = roundUp(ceilDiv(n, rowSplits), rowBlock);
    int[][] result = new int[queryCount][];
    TopK[][] partial = new TopK[queryChunks * rowSplits][];
    progress.start("nearest neighbours", queryCount, "queries");
    IntStream.range(0, queryChunks * rowSplits).parallel().forEach(task -> {
      int c = task / rowSplits;
      int split = task % rowSplits;
      int from = c * chunk;
      int to = Math.min(queryCount, from + chunk);
      TopK[] heaps = new TopK[to - from];
      for (int q = from; q < to; q++) {
        heaps[q - from] = new TopK(capacity, exclude == null ? null : exclude[q]);
      }
      int rowEnd = Math.min(n, (split + 1) * splitRows);
      scoreChunk(queries, from, to, unit.matrix(), split * splitRows, rowEnd, dim, rowBlock, heaps);
      if (rowSplits == 1) {
        finish(heaps, from, result, scoresOut);
        progress.advance(to - from);
      } else {
        partial[task] = heaps;
      }
    });
    if (rowSplits > 1) {
      IntStream.range(0, queryChunks).parallel().forEach(c -> {
        TopK[] merged = partial[c * rowSplits];
        for (int split = 1; split < rowSplits; split++) {
          TopK[] other = partial[c * rowSplits + split];
          for (int i = 0; i < merged.length; i++) {
            merged[i].mergeFrom(other[i]);
          }
        }
        finish(merged, c * chunk, result, scoresOut);
        progress.advance(merged.length);
      });
    }
    progress.finish();
    return result;
  }

  private static void scoreChunk(float[] queries, int from, int to, float[] matrix, int rowStart, int rowEnd, int dim,
      int rowBlock, TopK[] heaps) {
    if (heaps.length > 0 && heaps[0].capacity() <= MAX_FUSED_K
        && VectorUtil.support().topK(queries, from, to - from, matrix, rowStart, rowEnd, dim, heaps)) {
      return;
    }
    float[] scores = new float[(to - from) * rowBlock];
    // working memory of the kernels (a transposed row block), reused for every block of the chunk
    float[] scratch = new float[rowBlock * dim];
    for (int rowFrom = rowStart; rowFrom < rowEnd; rowFrom += rowBlock) {
      int rowCount = Math.min(rowBlock, rowEnd - rowFrom);
      // the row block stays in cache while every query of the chunk is scored against it
      VectorUtil.support().dotBlock(queries, from, to - from, matrix, rowFrom, rowCount, dim, scores, scratch);
      for (int q = from; q < to; q++) {
        heaps[q - from].offerAll(scores, (q - from) * rowCount, rowCount, rowFrom);
      }
    }
  }

  private static void finish(TopK[] heaps, int from, int[][] result, float[][] scoresOut) {
    for (int i = 0; i < heaps.length; i++) {
      float[] scores = scoresOut == null ? null : new float[heaps[i].size()];
      result[from + i] = heaps[i].drainSorted(scores);
      if (scoresOut != null) {
        scoresOut[from + i] = scores;
      }
    }
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  private static int roundUp(int a, int multiple) {
    return ceilDiv(a, multiple) * multiple;
  }

  /**
   * The {@code capacity} best (row, score) pairs of one query: higher score first, ties to the
   * lower row. Each pair is packed into one long whose natural order is exactly that order
   * (inverted sortable score bits above, row below), so selection and sorting are primitive long
   * operations. Candidates above the admission threshold are appended to a buffer of twice the
   * capacity; a full buffer is cut back to the best {@code capacity} by quickselect, which raises
   * the threshold. Appends are sequential and amortised O(1), unlike heap sifts (log k cache
   * misses each at k = 1000).
   */
  public static final class TopK {
    private final int capacity;
    private final long[] keys;
    private final int[] excluded;
    private int size;
    // scores must beat this to enter; -inf until the buffer was first cut back
    private float threshold = Float.NEGATIVE_INFINITY;

    /** The best {@code capacity} rows, never one of {@code excluded} (may be null). */
    public TopK(int capacity, int[] excluded) {
      this.capacity = capacity;
      this.keys = new long[capacity + Math.max(capacity, 32)];
      this.excluded = excluded == null || excluded.length == 0 ? null : excluded;
    }

    /** Rows kept so far (at most the capacity). */
    public int size() {
      return Math.min(size, capacity);
    }

    int capacity() {
      return capacity;
    }

    /**
     * Offers {@code block[offset + i]} as the score of row {@code firstRow + i}. Rows arrive in
     * ascending order, so an equal score never displaces a kept one (the kept row is lower).
     */
    void offerAll(float[] block, int offset, int count, int firstRow) {
      // NaN never passes the comparison, so rows with NaN scores are never returned
      float t = threshold;
      for (int i = 0; i < count; i++) {
        float s = block[offset + i];
        if (s > t && !isExcluded(firstRow + i)) {
          keys[size++] = pack(s, firstRow + i);
          if (size == keys.length) {
            t = cut();
          }
        }
      }
    }

    /** Adds the entries of another heap (rows in any order, so equal scores are let in and ordered by row). */
    void mergeFrom(TopK other) {
      for (int i = 0; i < other.size; i++) {
        long key = other.keys[i];
        if (unpackScore(key) >= threshold) {
          keys[size++] = key;
          if (size == keys.length) {
            cut();
          }
        }
      }
    }

    /** Keeps the best {@code capacity} keys; returns the new threshold (the worst kept score). */
    private float cut() {
      select(keys, 0, size - 1, capacity - 1);
      size = capacity;
      // the largest kept key is the lowest kept score
      threshold = unpackScore(keys[capacity - 1]);
      return threshold;
    }

    private boolean isExcluded(int row) {
      if (excluded != null) {
        for (int e : excluded) {
          if (e == row) {
            return true;
          }
        }
      }
      return false;
    }

    /** Scores must beat this to enter (-inf until the buffer was first cut back). */
    float threshold() {
      return threshold;
    }

    /** Offers one score (rows in ascending order, as in {@link #offerAll}); returns the threshold after it. */
    public float offer(float s, int row) {
      if (s > threshold && !isExcluded(row)) {
        keys[size++] = pack(s, row);
        if (size == keys.length) {
          cut();
        }
      }
      return threshold;
    }

    /** The kept rows by descending score (ties: lower row first), their scores into {@code scoresOut} when given; empties it. */
    public int[] drainSorted(float[] scoresOut) {
      if (size > capacity) {
        cut();
      }
      Arrays.sort(keys, 0, size);
      int[] out = new int[size];
      for (int i = 0; i < size; i++) {
        out[i] = (int) keys[i];
        if (scoresOut != null) {
          scoresOut[i] = unpackScore(keys[i]);
        }
      }
      size = 0;
      return out;
    }

    // ascending key order = descending score, then ascending row
    static long pack(float score, int row) {
      int bits = Float.floatToRawIntBits(score + 0.0f); // + 0.0f turns -0.0 into 0.0
      int sortable = bits ^ ((bits >> 31) & 0x7fffffff); // int order = float order
      return ((long) ~sortable << 32) | (row & 0xffffffffL);
    }

    static float unpackScore(long key) {
      int sortable = ~(int) (key >>> 32);
      return Float.intBitsToFloat(sortable ^ ((sortable >> 31) & 0x7fffffff));
    }

    /** Quickselect (median of three): afterwards {@code a[nth]} is in sorted position, smaller keys before it. */
    private static void select(long[] a, int lo, int hi, int nth) {
      while (hi > lo) {
        int mid = (lo + hi) >>> 1;
        // order a[lo] <= a[mid] <= a[hi], then use a[mid] as the pivot
        if (a[mid] < a[lo]) swap(a, mid, lo);
        if (a[hi] < a[lo]) swap(a, hi, lo);
        if (a[hi] < a[mid]) swap(a, hi, mid);
        long pivot = a[mid];
        int i = lo, j = hi;
        while (i <= j) {
          while (a[i] < pivot) i++;
          while (a[j] > pivot) j--;
          if (i <= j) {
            swap(a, i++, j--);
          }
        }
        if (nth <= j) {
          hi = j;
        } else if (nth >= i) {
          lo = i;
        } else {
          return;
        }
      }
    }

    private static void swap(long[] a, int i, int j) {
      long t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
