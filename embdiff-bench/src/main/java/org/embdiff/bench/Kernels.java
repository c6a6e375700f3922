package org.embdiff.bench;

import java.util.Random;
import org.embdiff.vec.VectorUtil;

/** Shared set-up helpers for the benchmarks: seeded data and result checks. */
final class Kernels {
  private Kernels() {}

  static float[] gaussian(Random random, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return v;
  }

  /** Fails the trial unless the kernels in use start with {@code expected}. */
  static void requireProvider(String expected) {
    if (!VectorUtil.providerName().startsWith(expected)) {
      throw new IllegalStateException("this fork expects kernels '" + expected + "' but runs " + VectorUtil.providerDescription());
    }
  }

  static double dotReference(float[] a, int aOffset, float[] b, int bOffset, int length) {
    double sum = 0;
    for (int i = 0; i < length; i++) {
      sum += (double) a[aOffset + i] * b[bOffset + i];
    }
    return sum;
  }

  static double absDot(float[] a, int aOffset, float[] b, int bOffset, int length) {
    double sum = 0;
    for (int i = 0; i < length; i++) {
      sum += Math.abs((double) a[aOffset + i] * b[bOffset + i]);
    }
    return sum;
  }

  /** Float summation error bound: length x eps x sum of magnitudes. */
  static void check(String what, float got, double expected, double sumAbs, int length) {
    double tolerance = 2 * length * Math.ulp(1f) * sumAbs + 1e-30;
    if (!(Math.abs(got - expected) <= tolerance)) {
      throw new IllegalStateException(what + " = " + got + ", expected " + expected + " +- " + tolerance);
    }
  }
}
