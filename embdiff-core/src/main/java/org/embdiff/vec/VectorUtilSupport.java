package org.embdiff.vec;

/**
 * The kernels behind {@link VectorUtil}: one scalar implementation (what JDK 17 runs) and one on
 * the incubating Vector API, loaded by name. Implementations do no argument checking; the facade
 * validates shapes before calling them.
 */
interface VectorUtilSupport {
  /** Short name for {@code --version} and reports, e.g. {@code "scalar"}. */
  String name();

  /** {@code sum_i a[aOffset + i] * b[bOffset + i]} for {@code i < length}. */
  float dot(float[] a, int aOffset, float[] b, int bOffset, int length);

  /** {@code dot(a, b) / sqrt(dot(a, a) * dot(b, b))}, or 0 when either slice is zero. */
  float cosine(float[] a, int aOffset, float[] b, int bOffset, int length);

  /** {@code sum_i (a[aOffset + i] - b[bOffset + i])^2} for {@code i < length}. */
  float squareDistance(float[] a, int aOffset, float[] b, int bOffset, int length);

  /**
   * A block of the matrix product {@code Q M^T}: for {@code q < queryCount} and {@code r <
   * rowCount}, {@code scores[q * rowCount + r] = dot(queries row (queryFrom + q), matrix row
   * (rowFrom + r))}, both matrices row-major with {@code dim} columns. {@code scratch}, when
   * non-null and at least {@code rowCount * dim} long, is working memory the caller reuses across
   * calls (the Vector API kernels transpose the row block into it); null allocates when needed.
   */
  void dotBlock(float[] queries, int queryFrom, int queryCount, float[] matrix, int rowFrom, int rowCount,
      int dim, float[] scores, float[] scratch);

  /**
   * Fused scoring and selection: offers {@code dot(queries row (queryFrom + q), matrix row r)} to
   * {@code heaps[q]} for every {@code q < queryCount} and {@code r} in {@code [rowFrom, rowTo)},
   * rows in ascending order per query, without materialising the scores. Returns false when this
   * implementation has no fused kernel for the shape; the caller then scores blocks with
   * {@link #dotBlock} and offers them itself.
   */
  default boolean topK(float[] queries, int queryFrom, int queryCount, float[] matrix, int rowFrom, int rowTo, int dim,
      NearestNeighbors.TopK[] heaps) {
    return false;
  }

  /**
   * Dot products of float queries with int8 rows stored in tiles of {@link VectorUtil#INT8_TILE_ROWS}
   * rows, each tile column-major ({@code tiles[(t * dim + i) * 16 + j]} is element i of row j of
   * tile t): for {@code q < queryCount}, tile {@code t < tileCount}, {@code j < 16},
   * {@code scores[q * tileCount * 16 + t * 16 + j] = sum_i queries[(queryFrom + q) * dim + i] *
   * tiles[((tileFrom + t) * dim + i) * 16 + j]}.
   */
  void dotInt8Tiles(float[] queries, int queryFrom, int queryCount, byte[] tiles, int tileFrom, int tileCount, int dim,
      float[] scores);

  /** {@code v[offset + i] = exp(v[offset + i])} for {@code i < length}, in place (float, a few ulps). */
  void expInPlace(float[] v, int offset, int length);
}
