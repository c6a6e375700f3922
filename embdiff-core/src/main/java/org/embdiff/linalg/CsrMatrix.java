package org.embdiff.linalg;

import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;

/**
 * An immutable sparse matrix in compressed sparse row form.
 *
 * <p>Memory layout: the entries of row {@code r} are {@code colIndex[rowPtr[r] .. rowPtr[r+1])}
 * (0-based columns, any order) with {@code values} at the same positions; up to 2^31 - 1 entries.
 */
public final class CsrMatrix {
  private final int rows;
  private final int cols;
  private final int[] rowPtr;
  private final int[] colIndex;
  private final double[] values;

  /** Wraps the arrays without copying; the caller must not modify them afterwards. */
  public CsrMatrix(int rows, int cols, int[] rowPtr, int[] colIndex, double[] values) {
    if (rowPtr.length != rows + 1) {
      throw new IllegalArgumentException("rowPtr length " + rowPtr.length + " != rows + 1 = " + (rows + 1));
    }
    if (colIndex.length != values.length || rowPtr[rows] != values.length) {
      throw new IllegalArgumentException("colIndex " + colIndex.length + ", values " + values.length
          + " and rowPtr[rows] " + rowPtr[rows] + " must agree");
    }
    this.rows = rows;
    this.cols = cols;
    this.rowPtr = rowPtr;
    this.colIndex = colIndex;
    this.values = values;
  }

  /** Builds from coordinate triples (0-based), summing duplicates is not done: give each once. */
  public static CsrMatrix fromTriples(int rows, int cols, int[] r, int[] c, double[] v) {
    int[] ptr = new int[rows + 1];
    for (int x : r) {
      ptr[x + 1]++;
    }
    for (int i = 0; i < rows; i++) {
      ptr[i + 1] += ptr[i];
    }
    int[] pos = ptr.clone();
    int[] ci = new int[v.length];
    double[] vals = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      int at = pos[r[i]]++;
      ci[at] = c[i];
      vals[at] = v[i];
    }
    return new CsrMatrix(rows, cols, ptr, ci, vals);
  }

  /** Rows. */
  public int rows() {
    return rows;
  }

  /** Columns. */
  public int cols() {
    return cols;
  }

  /** Stored entries. */
  public int nnz() {
    return values.length;
  }

  /** Row pointer array (shared, read-only). */
  public int[] rowPtr() {
    return rowPtr;
  }

  /** Column indices (shared, read-only). */
  public int[] colIndex() {
    return colIndex;
  }

  /** Values (shared, read-only). */
  public double[] values() {
    return values;
  }

  /** Sum of the values of each row. */
  public double[] rowSums() {
    double[] s = new double[rows];
    for (int r = 0; r < rows; r++) {
      double acc = 0;
      for (int k = rowPtr[r]; k < rowPtr[r + 1]; k++) {
        acc += values[k];
      }
      s[r] = acc;
    }
    return s;
  }

  /** Sum of the values of each column. */
  public double[] colSums() {
    double[] s = new double[cols];
    for (int k = 0; k < values.length; k++) {
      s[colIndex[k]] += values[k];
    }
    return s;
  }

  /** ||A||_F^2 = sum of squared values. */
  public double frobeniusSquared() {
    double s = 0;
    for (double v : values) {
      s += v * v;
    }
    return s;
  }

  /** The same pattern with {@code f} applied to every value. */
  public CsrMatrix map(DoubleUnaryOperator f) {
    double[] v = new double[values.length];
    for (int k = 0; k < v.length; k++) {
      v[k] = f.applyAsDouble(values[k]);
    }
    return new CsrMatrix(rows, cols, rowPtr, colIndex, v);
  }

  /** Drops stored zeros (e.g. after a PPMI clip). */
  public CsrMatrix withoutZeros() {
    int[] ptr = new int[rows + 1];
    int n = 0;
    for (double v : values) {
      if (v != 0) {
        n++;
      }
    }
    int[] ci = new int[n];
    double[] vals = new double[n];
    int at = 0;
    for (int r = 0; r < rows; r++) {
      for (int k = rowPtr[r]; k < rowPtr[r + 1]; k++) {
        if (values[k] != 0) {
          ci[at] = colIndex[k];
          vals[at++] = values[k];
        }
      }
      ptr[r + 1] = at;
    }
    return new CsrMatrix(rows, cols, ptr, ci, vals);
  }

  /** The transpose, in CSR form (columns sorted within each row). */
  public CsrMatrix transpose() {
    int[] ptr = new int[cols + 1];
    for (int c : colIndex) {
      ptr[c + 1]++;
    }
    for (int i = 0; i < cols; i++) {
      ptr[i + 1] += ptr[i];
    }
    int[] pos = java.util.Arrays.copyOf(ptr, cols);
    int[] ci = new int[values.length];
    double[] v = new double[values.length];
    for (int r = 0; r < rows; r++) {
      for (int p = rowPtr[r]; p < rowPtr[r + 1]; p++) {
        int at = pos[colIndex[p]]++;
        ci[at] = r;
        v[at] = values[p];
      }
    }
    return new CsrMatrix(cols, rows, ptr, ci, v);
  }

  /**
   * out = A B, with B dense (cols x k, row-major); {@code out} (rows x k) is allocated when null.
   * Rows are computed in parallel (common fork-join pool) when the product is large.
   */
  public DMatrixRMaj multiply(DMatrixRMaj b, DMatrixRMaj out) {
    if (b.numRows != cols) {
      throw new IllegalArgumentException("A is " + rows + "x" + cols + " but B has " + b.numRows + " rows");
    }
    int k = b.numCols;
    if (out == null) {
      out = new DMatrixRMaj(rows, k);
    } else {
      out.reshape(rows, k);
    }
    double[] bd = b.data;
    double[] od = out.data;
    int blocks = (long) values.length * k > 1L << 22 ? Math.max(1, Math.min(rows, 64)) : 1;
    java.util.stream.IntStream stream = java.util.stream.IntStream.range(0, blocks);
    (blocks > 1 ? stream.parallel() : stream).forEach(blk -> {
      int from = (int) ((long) rows * blk / blocks);
      int to = (int) ((long) rows * (blk + 1) / blocks);
      for (int r = from; r < to; r++) {
        int o = r * k;
        java.util.Arrays.fill(od, o, o + k, 0);
        for (int p = rowPtr[r]; p < rowPtr[r + 1]; p++) {
          double v = values[p];
          int bo = colIndex[p] * k;
          for (int j = 0; j < k; j++) {
            od[o + j] += v * bd[bo + j];
          }
        }
      }
    });
    return out;
  }

  /** out = A^T B, with B dense (rows x k); {@code out} (cols x k) is allocated when null. */
  public DMatrixRMaj transposeMultiply(DMatrixRMaj b, DMatrixRMaj out) {
    if (b.numRows != rows) {
      throw new IllegalArgumentException("A^T is " + cols + "x" + rows + " but B has " + b.numRows + " rows");
    }
    int k = b.numCols;
    if (out == null) {
      out = new DMatrixRMaj(cols, k);
    } else {
      out.reshape(cols, k);
    }
    out.zero();
    double[] bd = b.data;
    double[] od = out.data;
    for (int r = 0; r < rows; r++) {
      int bo = r * k;
      for (int p = rowPtr[r]; p < rowPtr[r + 1]; p++) {
        double v = values[p];
        int o = colIndex[p] * k;
        for (int j = 0; j < k; j++) {
          od[o + j] += v * bd[bo + j];
        }
      }
    }
    return out;
  }

  /** The dense copy (for tests and small matrices). */
  public DMatrixRMaj toDense() {
    DMatrixRMaj d = new DMatrixRMaj(rows, cols);
    for (int r = 0; r < rows; r++) {
      for (int p = rowPtr[r]; p < rowPtr[r + 1]; p++) {
        d.add(r, colIndex[p], values[p]);
      }
    }
    return d;
  }
}
