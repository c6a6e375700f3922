package org.embdiff.inference;

import java.util.Arrays;

/**
 * Sample quantiles, one definition: Hyndman &amp; Fan (1996) type 7, linear interpolation between
 * order statistics at position p (n - 1) (numpy's and R's default).
 */
public final class Quantiles {
  private Quantiles() {}

  /** The {@code p}-quantile of an ascending array; NaN when empty. */
  public static double ofSorted(double[] sorted, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("quantile probability must be in [0, 1], got " + p);
    }
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    double h = p * (n - 1);
    int lo = (int) Math.floor(h);
    int hi = Math.min(n - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * The {@code p}-quantile of {@code values} (not modified): the two order statistics type 7 reads, found
   * by selection on a copy in the order {@link Arrays#sort(double[])} uses, so the value equals
   * {@code ofSorted} of a sorted copy.
   */
  public static double of(double[] values, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("quantile probability must be in [0, 1], got " + p);
    }
    int n = values.length;
    if (n == 0) {
      return Double.NaN;
    }
    if (n <= 32) {
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      return ofSorted(sorted, p);
    }
    double h = p * (n - 1);
    int lo = (int) Math.floor(h);
    int hi = Math.min(n - 1, lo + 1);
    double[] work = values.clone();
    select(work, lo);
    double low = work[lo];
    double high = low;
    if (hi > lo) {
      // after selecting lo, every later element is >= work[lo]: the next order statistic is their minimum
      high = work[hi];
      for (int i = hi + 1; i < n; i++) {
        if (Double.compare(work[i], high) < 0) {
          high = work[i];
        }
      }
    }
    return low + (h - lo) * (high - low);
  }

  // Hoare's selection (quickselect, median-of-three pivot): puts the k-th smallest (in Double.compare
  // order) at k, smaller ones before it and larger or equal ones after it
  private static void select(double[] a, int k) {
    int left = 0;
    int right = a.length - 1;
    while (right > left) {
      int mid = (left + right) >>> 1;
      if (Double.compare(a[mid], a[left]) < 0) {
        swap(a, mid, left);
      }
      if (Double.compare(a[right], a[left]) < 0) {
        swap(a, right, left);
      }
      if (Double.compare(a[right], a[mid]) < 0) {
        swap(a, right, mid);
      }
      double pivot = a[mid];
      int i = left;
      int j = right;
      while (i <= j) {
        while (Double.compare(a[i], pivot) < 0) {
          i++;
        }
        while (Double.compare(a[j], pivot) > 0) {
          j--;
        }
        if (i <= j) {
          swap(a, i, j);
          i++;
          j--;
        }
      }
      if (k <= j) {
        right = j;
      } else if (k >= i) {
        left = i;
      } else {
        return;
      }
    }
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  /** The median (of a copy; the input is not modified). */
  public static double median(double[] values) {
    return of(values, 0.5);
  }
}
