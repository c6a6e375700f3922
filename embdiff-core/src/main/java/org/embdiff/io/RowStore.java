package org.embdiff.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Growing storage for float rows that never copies a huge array to double it.
 *
 * <p>Memory layout: a first array sized for {@code expectedRows} (when the row count is known up
 * front, e.g. from a line count, it is exactly the final matrix and is returned without a copy),
 * then fixed chunks of about 16 MB. {@link #toMatrix} copies into one exact row-major array only
 * when the expectation was wrong, freeing each chunk as it goes.
 */
final class RowStore {
  private static final int CHUNK_FLOATS = 1 << 22;
  private final int dim;
  private final List<float[]> chunks = new ArrayList<>();
  private final int rowsPerChunk;
  private float[] current;
  private int currentRows;
  private int currentCapacity;
  private long rows;

  /**
   * @param dim values per row
   * @param expectedRows rows to allocate up front (0 when unknown)
   */
  RowStore(int dim, long expectedRows) throws IOException {
    this.dim = dim;
    this.rowsPerChunk = Math.max(1, CHUNK_FLOATS / dim);
    long first = expectedRows > 0 ? expectedRows : rowsPerChunk;
    if (first * dim > Integer.MAX_VALUE - 16) {
      first = (Integer.MAX_VALUE - 16) / dim;
    }
    newChunk((int) first);
  }

  private void newChunk(int capacityRows) throws IOException {
    current = allocate((long) capacityRows * dim);
    currentCapacity = capacityRows;
    currentRows = 0;
    chunks.add(current);
  }

  /** Rows stored. */
  long rows() {
    return rows;
  }

  /** Appends {@code count} rows from {@code src[offset...]}. */
  void add(float[] src, int offset, int count) throws IOException {
    while (count > 0) {
      if (currentRows == currentCapacity) {
        newChunk(rowsPerChunk);
      }
      int n = Math.min(count, currentCapacity - currentRows);
      System.arraycopy(src, offset, current, currentRows * dim, n * dim);
      currentRows += n;
      rows += n;
      offset += n * dim;
      count -= n;
    }
  }

  /** The rows as one row-major array. The store must not be used afterwards. */
  float[] toMatrix() throws IOException {
    if (rows * dim > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException(rows + " rows x " + dim + " dims exceed one Java array (2^31 floats)");
    }
    if (chunks.size() == 1 && current.length == rows * dim) {
      return current;
    }
    float[] out = allocate(rows * dim);
    int at = 0;
    for (int i = 0; i < chunks.size(); i++) {
      float[] chunk = chunks.get(i);
      int n = (int) Math.min(chunk.length, out.length - (long) at);
      System.arraycopy(chunk, 0, out, at, n);
      at += n;
      chunks.set(i, null); // free as we go
    }
    current = null;
    return out;
  }

  /**
   * Allocates {@code n} floats, turning an OutOfMemoryError into an IOException that says how much
   * was needed, how much the heap allows, and what to do.
   */
  static float[] allocate(long n) throws IOException {
    try {
      return new float[Math.toIntExact(n)];
    } catch (OutOfMemoryError e) {
      long needMb = n * 4 >> 20;
      long maxMb = Runtime.getRuntime().maxMemory() >> 20;
      throw new IOException("not enough memory while loading vectors: they need " + needMb + " MB in one array, the "
          + "Java heap allows at most " + maxMb + " MB; raise it, e.g. EMBDIFF_JAVA_OPTS=-Xmx"
          + Math.max(1, Math.max(2 * needMb + 1024, maxMb * 2) / 1024) + "g, or load fewer rows (a row limit or a vocabulary list)");
    }
  }
}
