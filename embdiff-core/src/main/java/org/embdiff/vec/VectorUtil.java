package org.embdiff.vec;

/**
 * Dense float vector kernels: dot products, cosines, norms. Inputs are float32; sums accumulate in
 * float with several independent accumulators (the JIT cannot reorder float additions, so
 * independent chains are what lets it pipeline them), which for the dimensions of word vectors
 * (25-300) keeps relative error below 1e-6.
 */
public final class VectorUtil {
  private VectorUtil() {}

  /** Dot product of two equal-length vectors. */
  public static float dot(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vector dimensions differ: " + a.length + " != " + b.length);
    }
    return dot(a, 0, b, 0, a.length);
  }

  /** Dot product of {@code a[aOffset..+length)} and {@code b[bOffset..+length)}. */
  public static float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
    float acc0 = 0, acc1 = 0, acc2 = 0, acc3 = 0;
    int i = 0;
    int upper = length & ~3;
    // four independent accumulators: breaks the add dependency chain
    for (; i < upper; i += 4) {
      acc0 += a[aOffset + i] * b[bOffset + i];
      acc1 += a[aOffset + i + 1] * b[bOffset + i + 1];
      acc2 += a[aOffset + i + 2] * b[bOffset + i + 2];
      acc3 += a[aOffset + i + 3] * b[bOffset + i + 3];
    }
    for (; i < length; i++) {
      acc0 += a[aOffset + i] * b[bOffset + i];
    }
    return (acc0 + acc1) + (acc2 + acc3);
  }

  /** Cosine similarity; 0 when either vector is zero. */
  public static float cosine(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vector dimensions differ: " + a.length + " != " + b.length);
    }
    double dot = 0, na = 0, nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    if (na == 0 || nb == 0) {
      return 0f;
    }
    return (float) (dot / Math.sqrt(na * nb));
  }

  /** Squared Euclidean distance. */
  public static float squareDistance(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vector dimensions differ: " + a.length + " != " + b.length);
    }
    float acc = 0;
    for (int i = 0; i < a.length; i++) {
      float d = a[i] - b[i];
      acc += d * d;
    }
    return acc;
  }

  /** Scales {@code v} to unit L2 norm in place and returns it; a zero vector is left as is. */
  public static float[] l2normalize(float[] v) {
    l2normalizeInPlace(v, 0, v.length);
    return v;
  }

  /** Scales {@code v[offset..+length)} to unit L2 norm in place; a zero slice is left as is. */
  public static void l2normalizeInPlace(float[] v, int offset, int length) {
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
}
