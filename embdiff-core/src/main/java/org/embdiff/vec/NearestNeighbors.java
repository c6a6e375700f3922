package org.embdiff.vec;

import it.unimi.dsi.fastutil.ints.IntSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Top-k cosine nearest neighbours over the unit-normalised view of an {@link EmbeddingSpace}.
 *
 * <p>Batched search scores blocks of queries against blocks of rows (a blocked matrix multiply:
 * each loaded row is reused by {@value #QUERY_BLOCK} queries) and keeps a bounded min-heap per
 * query; query blocks run in parallel on the common fork-join pool.
 */
public final class NearestNeighbors {
  /** Queries scored together against each row; 4 keeps the accumulators in registers. */
  static final int QUERY_BLOCK = 4;

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
   * @param exclude per query, rows never returned (e.g. analogy question words); may be null
   * @param k neighbours per query
   * @param restrict search only rows {@code [0, restrict)}, i.e. the most frequent words
   * @return per query, neighbours by descending similarity
   */
  public List<List<Neighbor>> search(float[][] queries, int[][] exclude, int k, int restrict) {
    int[][] rows = searchRows(queries, exclude, k, restrict, null);
    List<List<Neighbor>> out = new ArrayList<>(queries.length);
    for (int q = 0; q < queries.length; q++) {
      List<Neighbor> list = new ArrayList<>(rows[q].length);
      for (int r : rows[q]) {
        list.add(new Neighbor(r, unit.word(r), VectorUtil.dot(normalizedCopy(queries[q]), 0, unit.matrix(), r * unit.dim(), unit.dim())));
      }
      out.add(list);
    }
    return out;
  }

  /**
   * Batched top-k returning row indices only (descending similarity); the allocation-light form
   * for large batches. {@code scoresOut}, when non-null, receives the similarities.
   */
  public int[][] searchRows(float[][] queries, int[][] exclude, int k, int restrict, float[][] scoresOut) {
    int dim = unit.dim();
    int n = Math.min(restrict, unit.size());
    for (float[] q : queries) {
      if (q.length != dim) {
        throw new IllegalArgumentException("query dimension " + q.length + " != space dimension " + dim);
      }
    }
    float[][] normalized = new float[queries.length][];
    for (int q = 0; q < queries.length; q++) {
      normalized[q] = normalizedCopy(queries[q]);
    }
    int[][] result = new int[queries.length][];
    int blocks = (queries.length + QUERY_BLOCK - 1) / QUERY_BLOCK;
    float[] matrix = unit.matrix();
    IntStream.range(0, blocks).parallel().forEach(block -> {
      int from = block * QUERY_BLOCK;
      int to = Math.min(queries.length, from + QUERY_BLOCK);
      TopKHeap[] heaps = new TopKHeap[to - from];
      for (int q = from; q < to; q++) {
        heaps[q - from] = new TopKHeap(Math.min(k, n));
      }
      scoreBlock(normalized, from, to, matrix, dim, n, heaps, exclude);
      for (int q = from; q < to; q++) {
        TopKHeap heap = heaps[q - from];
        result[q] = heap.sortedRows();
        if (scoresOut != null) {
          scoresOut[q] = heap.sortedScores();
        }
      }
    });
    return result;
  }

  private static void scoreBlock(float[][] queries, int from, int to, float[] matrix, int dim, int n,
      TopKHeap[] heaps, int[][] exclude) {
    int count = to - from;
    float[] q0 = queries[from];
    float[] q1 = count > 1 ? queries[from + 1] : q0;
    float[] q2 = count > 2 ? queries[from + 2] : q0;
    float[] q3 = count > 3 ? queries[from + 3] : q0;
    for (int row = 0; row < n; row++) {
      int base = row * dim;
      // four queries share each loaded row element: one load, four multiply-adds
      float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (int i = 0; i < dim; i++) {
        float x = matrix[base + i];
        s0 += q0[i] * x;
        s1 += q1[i] * x;
        s2 += q2[i] * x;
        s3 += q3[i] * x;
      }
      heaps[0].offer(row, s0);
      if (count > 1) heaps[1].offer(row, s1);
      if (count > 2) heaps[2].offer(row, s2);
      if (count > 3) heaps[3].offer(row, s3);
    }
    if (exclude != null) {
      // exclusions are rare (a handful per query): filter after scoring
      for (int q = from; q < to; q++) {
        if (exclude[q] != null && exclude[q].length > 0) {
          heaps[q - from].removeRows(exclude[q], queries[q], matrix, dim, n);
        }
      }
    }
  }

  private static float[] normalizedCopy(float[] v) {
    return VectorUtil.l2normalize(v.clone());
  }

  /** A bounded min-heap of (row, score) keeping the k largest scores. */
  static final class TopKHeap {
    private final int capacity;
    private final int[] rows;
    private final float[] scores;
    private int size;
    private IntSet banned;

    TopKHeap(int capacity) {
      this.capacity = Math.max(capacity, 0);
      this.rows = new int[this.capacity];
      this.scores = new float[this.capacity];
    }

    void offer(int row, float score) {
      if (capacity == 0 || (banned != null && banned.contains(row))) {
        return;
      }
      if (size < capacity) {
        rows[size] = row;
        scores[size] = score;
        siftUp(size++);
      } else if (score > scores[0]) {
        rows[0] = row;
        scores[0] = score;
        siftDown(0);
      }
    }

    /** Drops banned rows and rescans so that the heap again holds the true top-k without them. */
    void removeRows(int[] bannedRows, float[] query, float[] matrix, int dim, int n) {
      boolean hit = false;
      for (int i = 0; i < size && !hit; i++) {
        for (int b : bannedRows) {
          if (rows[i] == b) {
            hit = true;
            break;
          }
        }
      }
      banned = new it.unimi.dsi.fastutil.ints.IntOpenHashSet(bannedRows);
      if (!hit) {
        return;
      }
      size = 0;
      for (int row = 0; row < n; row++) {
        offer(row, VectorUtil.dot(query, 0, matrix, row * dim, dim));
      }
    }

    int[] sortedRows() {
      Integer[] order = order();
      int[] out = new int[size];
      for (int i = 0; i < size; i++) {
        out[i] = rows[order[i]];
      }
      return out;
    }

    float[] sortedScores() {
      Integer[] order = order();
      float[] out = new float[size];
      for (int i = 0; i < size; i++) {
        out[i] = scores[order[i]];
      }
      return out;
    }

    private Integer[] order() {
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (x, y) -> {
        int c = Float.compare(scores[y], scores[x]);
        return c != 0 ? c : Integer.compare(rows[x], rows[y]);
      });
      return order;
    }

    private void siftUp(int i) {
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (less(i, parent)) {
          swap(i, parent);
          i = parent;
        } else {
          return;
        }
      }
    }

    private void siftDown(int i) {
      while (true) {
        int left = 2 * i + 1;
        if (left >= size) {
          return;
        }
        int smallest = left;
        int right = left + 1;
        if (right < size && less(right, left)) {
          smallest = right;
        }
        if (less(smallest, i)) {
          swap(i, smallest);
          i = smallest;
        } else {
          return;
        }
      }
    }

    // ties broken by row so that the lower row (more frequent word) wins, deterministically
    private boolean less(int a, int b) {
      return scores[a] < scores[b] || (scores[a] == scores[b] && rows[a] > rows[b]);
    }

    private void swap(int a, int b) {
      int r = rows[a];
      rows[a] = rows[b];
      rows[b] = r;
      float s = scores[a];
      scores[a] = scores[b];
      scores[b] = s;
    }
  }
}
