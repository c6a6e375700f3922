package org.embdiff.cooc;

/** LSD radix sort of non-negative longs on their low {@code bits} bits (11-bit digits). */
final class RadixSort {
  private static final int DIGIT = 11;
  private static final int BUCKETS = 1 << DIGIT;

  private RadixSort() {}

  /**
   * Sorts {@code a[0..n)} ascending using {@code tmp} (same length at least); returns the array
   * that holds the result ({@code a} or {@code tmp}).
   */
  static long[] sort(long[] a, long[] tmp, int n, int bits) {
    int[] count = new int[BUCKETS];
    long[] src = a;
    long[] dst = tmp;
    for (int shift = 0; shift < bits; shift += DIGIT) {
      java.util.Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[(int) (src[i] >>> shift) & (BUCKETS - 1)]++;
      }
      // a pass whose digit is the same everywhere moves nothing: skip it
      if (n == 0 || count[(int) (src[0] >>> shift) & (BUCKETS - 1)] == n) {
        continue;
      }
      int sum = 0;
      for (int d = 0; d < BUCKETS; d++) {
        int c = count[d];
        count[d] = sum;
        sum += c;
      }
      for (int i = 0; i < n; i++) {
        long v = src[i];
        dst[count[(int) (v >>> shift) & (BUCKETS - 1)]++] = v;
      }
      long[] t = src;
      src = dst;
      dst = t;
    }
    return src;
  }
}
