package org.embdiff.io;

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
  RowStore(int dim, long expectedRows) {
    this.dim = dim;
    this.rowsPerChunk = Math.max(1, CHUNK_FLOATS / dim);
    long first = expectedRows > 0 ? expectedRows : rowsPerChunk;
    if (first * dim > Integer.MAX_VALUE - 16) {
      first = (Integer.MAX_VALUE - 16) / dim;
    }
    newChunk((int) first);
  }

  private void newChunk(int capacityRows) {
    current = new float[capacityRows * dim];
    currentCapacity = capacityRows;
    currentRows = 0;
    chunks.add(current);
  }

  /** Rows stored. */
  long rows() {
    return rows;
  }

  /** Appends {@code count} rows from {@code src[offset...]}. */
  void add(float[] src, int offset, int count) {
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
  float[] toMatrix() {
    if (rows * dim > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException(rows + " rows x " + dim + " dims exceed one Java array (2^31 floats)");
    }
    if (chunks.size() == 1 && current.length == rows * dim) {
      return current;
    }
    float[] out = new float[(int) (rows * dim)];
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
}
