package org.embdiff.train;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SgnsKernel} on the Vector API: the preferred species with fused multiply-adds, then
 * 128-bit steps, then scalar for the tail (100 = 6 x 16 + 4 on 512-bit hardware). Loaded by name.
 */
final class PanamaSgnsKernel implements SgnsKernel {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> SMALL = FloatVector.SPECIES_128;
  private static final int LANES = SPECIES.length();
  private static final int SMALL_LANES = SMALL.length();

  /** Called reflectively by {@link SgnsKernel.Holder}. */
  PanamaSgnsKernel() {}

  @Override
  public float dot(float[] a, int ao, float[] b, int bo, int d) {
    int j = 0;
    float sum = 0;
    if (d >= LANES) {
      FloatVector acc = FloatVector.zero(SPECIES);
      for (; j <= d - LANES; j += LANES) {
        acc = FloatVector.fromArray(SPECIES, a, ao + j).fma(FloatVector.fromArray(SPECIES, b, bo + j), acc);
      }
      sum = acc.reduceLanes(VectorOperators.ADD);
    }
    if (j <= d - SMALL_LANES) {
      FloatVector acc = FloatVector.zero(SMALL);
      for (; j <= d - SMALL_LANES; j += SMALL_LANES) {
        acc = FloatVector.fromArray(SMALL, a, ao + j).fma(FloatVector.fromArray(SMALL, b, bo + j), acc);
      }
      sum += acc.reduceLanes(VectorOperators.ADD);
    }
    for (; j < d; j++) {
      sum = Math.fma(a[ao + j], b[bo + j], sum);
    }
    return sum;
  }

  @Override
  public void update(float[] syn0, int l1, float[] syn1, int l2, float[] work, float g, int d) {
    int j = 0;
    FloatVector gv = FloatVector.broadcast(SPECIES, g);
    for (; j <= d - LANES; j += LANES) {
      FloatVector out = FloatVector.fromArray(SPECIES, syn1, l2 + j);
      out.fma(gv, FloatVector.fromArray(SPECIES, work, j)).intoArray(work, j);
      FloatVector.fromArray(SPECIES, syn0, l1 + j).fma(gv, out).intoArray(syn1, l2 + j);
    }
    FloatVector gs = FloatVector.broadcast(SMALL, g);
    for (; j <= d - SMALL_LANES; j += SMALL_LANES) {
      FloatVector out = FloatVector.fromArray(SMALL, syn1, l2 + j);
      out.fma(gs, FloatVector.fromArray(SMALL, work, j)).intoArray(work, j);
      FloatVector.fromArray(SMALL, syn0, l1 + j).fma(gs, out).intoArray(syn1, l2 + j);
    }
    for (; j < d; j++) {
      float out = syn1[l2 + j];
      work[j] = Math.fma(g, out, work[j]);
      syn1[l2 + j] = Math.fma(g, syn0[l1 + j], out);
    }
  }

  @Override
  public void add(float[] syn0, int l1, float[] work, int d) {
    int j = 0;
    for (; j <= d - LANES; j += LANES) {
      FloatVector.fromArray(SPECIES, syn0, l1 + j).add(FloatVector.fromArray(SPECIES, work, j)).intoArray(syn0, l1 + j);
    }
    for (; j < d; j++) {
      syn0[l1 + j] += work[j];
    }
  }
}
