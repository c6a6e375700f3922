package org.embdiff.vec;

import java.util.Objects;

/**
 * Dense float32 vector kernels: dot products, cosines, distances, norms and a batched block of
 * dot products (the inner kernel of {@link NearestNeighbors}).
 *
 * <p>This facade validates shapes (messages give both lengths) and delegates to a kernel
 * implementation chosen once per JVM: a tuned scalar one, or, on JDK 17+ started with {@code
 * --add-modules jdk.incubator.vector}, one on the Vector API. {@link #providerName()} says which;
 * {@code -Dembdiff.simd=auto|on|off} overrides. Results of the two may differ in the last bits
 * (different summation order), never more than a few float ulps times the length.
 */
public final class VectorUtil {
  private VectorUtil() {}

  /** Loaded on first use of a kernel, so the choice (and its log line) happens once. */
  private static final class Holder {
    static final VectorSupportSelector.Choice CHOICE = VectorSupportSelector.select();
  }

  static VectorUtilSupport support() {
    return Holder.CHOICE.support();
  }

  /** Short name of the kernels in use: {@code "scalar"} or e.g. {@code "vector-api-512bit"}. */
  public static String providerName() {
    return support().name();
  }

  /** {@link #providerName()} plus, for scalar, why the Vector API was not used and how to enable it. */
  public static String providerDescription() {
    VectorSupportSelector.Choice choice = Holder.CHOICE;
    return choice.note().isEmpty() ? choice.support().name() : choice.support().name() + " (" + choice.note() + ")";
  }

  /** Dot product {@code sum_i a[i] b[i]} of two equal-length vectors. */
  public static float dot(float[] a, float[] b) {
    checkSameLength(a, b);
    return support().dot(a, 0, b, 0, a.length);
  }

  /** Dot product of {@code a[aOffset..+length)} and {@code b[bOffset..+length)}. */
  public static float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
    Objects.checkFromIndexSize(aOffset, length, a.length);
    Objects.checkFromIndexSize(bOffset, length, b.length);
    return support().dot(a, aOffset, b, bOffset, length);
  }

  /**
   * Dot product of double rows {@code a[aOffset..+length)} and {@code b[bOffset..+length)} (the
   * GloVe trainer's parameters): four independent accumulators, summed left to right, as the float
   * kernel does per lane, so the add chain does not bound the loop.
   */
  public static double dot(double[] a, int aOffset, double[] b, int bOffset, int length) {
    Objects.checkFromIndexSize(aOffset, length, a.length);
    Objects.checkFromIndexSize(bOffset, length, b.length);
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < length; i += 4) {
      s0 += a[aOffset + i] * b[bOffset + i];
      s1 += a[aOffset + i + 1] * b[bOffset + i + 1];
      s2 += a[aOffset + i + 2] * b[bOffset + i + 2];
      s3 += a[aOffset + i + 3] * b[bOffset + i + 3];
    }
    for (; i < length; i++) {
      s0 += a[aOffset + i] * b[bOffset + i];
    }
    return s0 + s1 + s2 + s3;
  }

  /** Cosine similarity {@code a.b / (|a| |b|)}; 0 when either vector is zero. */
  public static float cosine(float[] a, float[] b) {
    checkSameLength(a, b);
    return support().cosine(a, 0, b, 0, a.length);
  }

  /** Cosine similarity of {@code a[aOffset..+length)} and {@code b[bOffset..+length)}. */
  public static float cosine(float[] a, int aOffset, float[] b, int bOffset, int length) {
    Objects.checkFromIndexSize(aOffset, length, a.length);
    Objects.checkFromIndexSize(bOffset, length, b.length);
    return support().cosine(a, aOffset, b, bOffset, length);
  }

  /** Squared Euclidean distance {@code sum_i (a[i] - b[i])^2}. */
  public static float squareDistance(float[] a, float[] b) {
    checkSameLength(a, b);
    return support().squareDistance(a, 0, b, 0, a.length);
  }

  /** Scales {@code v} to unit L2 norm in place and returns it; a zero vector is left as is. */
  public static float[] l2normalize(float[] v) {
    l2normalizeInPlace(v, 0, v.length);
    return v;
  }

  /** Scales {@code v[offset..+length)} to unit L2 norm in place; a zero slice is left as is. */
  public static void l2normalizeInPlace(float[] v, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, v.length);
    // the squared norm in double: runs once per row, so exactness beats speed here
    double sum = 0;
    for (int i = 0; i < length; i++) {
      sum += (double) v[offset + i] * v[offset + i];
    }
    if (sum == 0) {
      return;
    }
    float inv = (float) (1.0 / Math.sqrt(sum));
    for (int i = 0; i < length; i++) {
      v[offset + i] *= inv;
    }
  }

  /**
   * A block of the matrix product {@code Q M^T}, both row-major with {@code dim} columns:
   * {@code scores[q * rowCount + r] = dot(Q[queryFrom + q], M[rowFrom + r])} for {@code q <
   * queryCount}, {@code r < rowCount}. Blocks of a few hundred rows keep {@code M}'s block in
   * cache while every query of the block reuses it.
   *
   * @throws IllegalArgumentException when a range falls outside its matrix or {@code scores} is too short
   */
  public static void dotBlock(float[] queries, int queryFrom, int queryCount, float[] matrix, int rowFrom, int rowCount,
      int dim, float[] scores) {
    dotBlock(queries, queryFrom, queryCount, matrix, rowFrom, rowCount, dim, scores, null);
  }

  /**
   * {@link #dotBlock(float[], int, int, float[], int, int, int, float[])} with caller-owned working
   * memory: {@code scratch} of at least {@code rowCount * dim} floats, reused across calls to
   * avoid an allocation per block (null allocates when the kernels need it).
   */
  public static void dotBlock(float[] queries, int queryFrom, int queryCount, float[] matrix, int rowFrom, int rowCount,
      int dim, float[] scores, float[] scratch) {
    if (dim <= 0) {
      throw new IllegalArgumentException("dim must be positive, got " + dim);
    }
    checkRows("queries", queries, queryFrom, queryCount, dim);
    checkRows("matrix", matrix, rowFrom, rowCount, dim);
    if ((long) queryCount * rowCount > scores.length) {
      throw new IllegalArgumentException("scores length " + scores.length + " < queries " + queryCount + " x rows " + rowCount);
    }
    support().dotBlock(queries, queryFrom, queryCount, matrix, rowFrom, rowCount, dim, scores, scratch);
  }

  /** Rows per tile of {@link #dotInt8Tiles}. */
  public static final int INT8_TILE_ROWS = 16;

  /**
   * Dot products of float queries (row-major, {@code dim} columns) with int8 rows stored in tiles
   * of {@value #INT8_TILE_ROWS} rows, each tile column-major: {@code tiles[(t * dim + i) * 16 + j]}
   * is element i of row j of tile t. For {@code q < queryCount}, {@code t < tileCount},
   * {@code j < 16}: {@code scores[q * tileCount * 16 + t * 16 + j] = sum_i queries[(queryFrom + q)
   * * dim + i] * tiles[((tileFrom + t) * dim + i) * 16 + j]}. A quantised scan moves a quarter of
   * the bytes of a float one, and each converted tile column serves every query of the call.
   *
   * @throws IllegalArgumentException when a range falls outside its array or {@code scores} is too short
   */
  public static void dotInt8Tiles(float[] queries, int queryFrom, int queryCount, byte[] tiles, int tileFrom, int tileCount,
      int dim, float[] scores) {
    if (dim <= 0) {
      throw new IllegalArgumentException("dim must be positive, got " + dim);
    }
    checkRows("queries", queries, queryFrom, queryCount, dim);
    long tileBytes = (long) dim * INT8_TILE_ROWS;
    if (tileFrom < 0 || tileCount < 0 || (tileFrom + (long) tileCount) * tileBytes > tiles.length) {
      throw new IllegalArgumentException("tiles [" + tileFrom + ", " + ((long) tileFrom + tileCount) + ") x " + tileBytes
          + " bytes exceed its length " + tiles.length);
    }
    if ((long) queryCount * tileCount * INT8_TILE_ROWS > scores.length) {
      throw new IllegalArgumentException("scores length " + scores.length + " < queries " + queryCount + " x rows "
          + (long) tileCount * INT8_TILE_ROWS);
    }
    support().dotInt8Tiles(queries, queryFrom, queryCount, tiles, tileFrom, tileCount, dim, scores);
  }

  /**
   * {@code v[offset + i] = exp(v[offset + i])} for {@code i < length}, in place, in float (within a
   * few ulps of {@code (float) Math.exp}).
   *
   * @throws IllegalArgumentException when the range falls outside {@code v}
   */
  public static void expInPlace(float[] v, int offset, int length) {
    if (offset < 0 || length < 0 || (long) offset + length > v.length) {
      throw new IllegalArgumentException("range [" + offset + ", " + offset + " + " + length + ") outside an array of " + v.length);
    }
    support().expInPlace(v, offset, length);
  }

  /** Cosine from its three sums; shared by the implementations so zero vectors behave alike. */
  static float cosineFromSums(float dot, float aa, float bb) {
    if (aa == 0 || bb == 0) {
      return 0f;
    }
    // the product of the squared norms in double: avoids float overflow/underflow of aa * bb
    return (float) (dot / Math.sqrt((double) aa * (double) bb));
  }

  private static void checkSameLength(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vector dimensions differ: " + a.length + " != " + b.length);
    }
  }

  private static void checkRows(String what, float[] m, int from, int count, int dim) {
    if (from < 0 || count < 0 || (long) (from + (long) count) * dim > m.length) {
      throw new IllegalArgumentException(what + " rows [" + from + ", " + ((long) from + count) + ") x dim " + dim
          + " exceed its length " + m.length + " (= " + (m.length / dim) + " rows)");
    }
  }
}
