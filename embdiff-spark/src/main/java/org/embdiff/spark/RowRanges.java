package org.embdiff.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Contiguous ranges of co-occurrence rows (word ids 1..V), one per reduce partition, so that the
 * partitions in order hold the records in (word, context) order. Balanced by a bound on each
 * row's records: a word seen c times has at most min(V, c * contexts) distinct contexts.
 */
final class RowRanges implements Serializable {
  private static final long serialVersionUID = 1L;
  private final int[] lastRow;

  private RowRanges(int[] lastRow) {
    this.lastRow = lastRow;
  }

  /** About {@code parts} ranges of equal record bound, for words with {@code counts} (id order). */
  static RowRanges balanced(long[] counts, int contextsPerToken, int parts) {
    int v = counts.length;
    double[] weight = new double[v];
    double total = 0;
    for (int i = 0; i < v; i++) {
      weight[i] = Math.min((double) v, (double) counts[i] * contextsPerToken);
      total += weight[i];
    }
    int n = Math.max(1, Math.min(parts, v));
    int[] last = new int[n];
    int k = 0;
    double acc = 0;
    for (int i = 0; i < v && k < n - 1; i++) {
      acc += weight[i];
      if (acc >= total * (k + 1) / n) {
        last[k++] = i + 1;
      }
    }
    while (k < n) {
      last[k++] = v;
    }
    return new RowRanges(Arrays.stream(last).distinct().toArray());
  }

  /** Number of ranges (reduce partitions). */
  int count() {
    return lastRow.length;
  }

  /** The last row (1-based id) of range {@code p}. */
  int lastRow(int p) {
    return lastRow[p];
  }

  /** The range that holds {@code row}. */
  int rangeOf(int row) {
    int i = Arrays.binarySearch(lastRow, row);
    return i >= 0 ? i : -i - 1;
  }
}
