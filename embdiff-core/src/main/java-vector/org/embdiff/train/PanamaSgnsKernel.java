package org.embdiff.train;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SgnsKernel} on the Vector API: the preferred species with fused multiply-adds, then
 * 128-bit steps, then scalar for the tail (100 = 6 x 16 + 4 on 512-bit hardware). The dots take
 * four rows at a time against one loaded {@code x}; the accumulation keeps each chunk of {@code y}
 * in a register over all rows. Loaded by name.
 */
final class PanamaSgnsKernel implements SgnsKernel {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> SMALL = FloatVector.SPECIES_128;
  private static final int LANES = SPECIES.length();
  private static final int SMALL_LANES = SMALL.length();

  /** Called reflectively by {@link SgnsKernel.Holder}. */
  PanamaSgnsKernel() {}

  @Override
  public void dots(float[] x, int xo, float[] y, int[] rows, int count, float[] out, int outOff, int d) {
    int wide = d - d % LANES;
    int r = 0;
    for (; r + 4 <= count; r += 4) {
      int y0 = rows[r], y1 = rows[r + 1], y2 = rows[r + 2], y3 = rows[r + 3];
      FloatVector a0 = FloatVector.zero(SPECIES), a1 = a0, a2 = a0, a3 = a0;
      for (int j = 0; j < wide; j += LANES) {
        FloatVector xv = FloatVector.fromArray(SPECIES, x, xo + j);
        a0 = FloatVector.fromArray(SPECIES, y, y0 + j).fma(xv, a0);
        a1 = FloatVector.fromArray(SPECIES, y, y1 + j).fma(xv, a1);
        a2 = FloatVector.fromArray(SPECIES, y, y2 + j).fma(xv, a2);
        a3 = FloatVector.fromArray(SPECIES, y, y3 + j).fma(xv, a3);
      }
      out[outOff + r] = a0.reduceLanes(VectorOperators.ADD) + tail(x, xo, y, y0, wide, d);
      out[outOff + r + 1] = a1.reduceLanes(VectorOperators.ADD) + tail(x, xo, y, y1, wide, d);
      out[outOff + r + 2] = a2.reduceLanes(VectorOperators.ADD) + tail(x, xo, y, y2, wide, d);
      out[outOff + r + 3] = a3.reduceLanes(VectorOperators.ADD) + tail(x, xo, y, y3, wide, d);
    }
    for (; r < count; r++) {
      int y0 = rows[r];
      FloatVector a0 = FloatVector.zero(SPECIES);
      for (int j = 0; j < wide; j += LANES) {
        a0 = FloatVector.fromArray(SPECIES, y, y0 + j).fma(FloatVector.fromArray(SPECIES, x, xo + j), a0);
      }
      out[outOff + r] = a0.reduceLanes(VectorOperators.ADD) + tail(x, xo, y, y0, wide, d);
    }
  }

  /** The dot over {@code [from, d)}: 128-bit steps, then scalar. */
  private static float tail(float[] x, int xo, float[] y, int yo, int from, int d) {
    int j = from;
    float sum = 0;
    if (j <= d - SMALL_LANES) {
      FloatVector acc = FloatVector.zero(SMALL);
      for (; j <= d - SMALL_LANES; j += SMALL_LANES) {
        acc = FloatVector.fromArray(SMALL, x, xo + j).fma(FloatVector.fromArray(SMALL, y, yo + j), acc);
      }
      sum = acc.reduceLanes(VectorOperators.ADD);
    }
    for (; j < d; j++) {
      sum = Math.fma(x[xo + j], y[yo + j], sum);
    }
    return sum;
  }

  @Override
  public void accumulate(float[] y, int yo, float[] x, int[] rows, int count, float[] g, int gOff, int gStride, int d) {
    int j = 0;
    for (; j <= d - LANES; j += LANES) {
      FloatVector acc = FloatVector.fromArray(SPECIES, y, yo + j);
      for (int r = 0; r < count; r++) {
        acc = FloatVector.fromArray(SPECIES, x, rows[r] + j).fma(FloatVector.broadcast(SPECIES, g[gOff + r * gStride]), acc);
      }
      acc.intoArray(y, yo + j);
    }
    for (; j <= d - SMALL_LANES; j += SMALL_LANES) {
      FloatVector acc = FloatVector.fromArray(SMALL, y, yo + j);
      for (int r = 0; r < count; r++) {
        acc = FloatVector.fromArray(SMALL, x, rows[r] + j).fma(FloatVector.broadcast(SMALL, g[gOff + r * gStride]), acc);
      }
      acc.intoArray(y, yo + j);
    }
    for (; j < d; j++) {
      float acc = y[yo + j];
      for (int r = 0; r < count; r++) {
        acc = Math.fma(g[gOff + r * gStride], x[rows[r] + j], acc);
      }
      y[yo + j] = acc;
    }
  }

  @Override
  public void add(float[] y, int yo, float[] x, int xo, int d) {
    int j = 0;
    for (; j <= d - LANES; j += LANES) {
      FloatVector.fromArray(SPECIES, y, yo + j).add(FloatVector.fromArray(SPECIES, x, xo + j)).intoArray(y, yo + j);
    }
    for (; j < d; j++) {
      y[yo + j] += x[xo + j];
    }
  }
}
