package org.embdiff.train;

import org.embdiff.vec.VectorUtil;

/**
 * The blocked vector operations of an SGNS step over one centre word's window (the rows of a
 * window's context words against the centre word and its shared noise words), chosen once per JVM:
 * the Vector API version ({@code PanamaSgnsKernel}, loaded by name) wherever {@link VectorUtil}
 * runs its Vector API kernels, else the scalar one. Rows are {@code d} floats at an offset into a
 * row-major matrix.
 */
interface SgnsKernel {
  /** {@code out[outOff + r] = x[xo..] . y[rows[r]..]} for r < count. */
  void dots(float[] x, int xo, float[] y, int[] rows, int count, float[] out, int outOff, int d);

  /**
   * {@code y[yo..] += sum_r g[gOff + r gStride] x[rows[r]..]} for r < count: reads and writes
   * {@code y} once.
   */
  void accumulate(float[] y, int yo, float[] x, int[] rows, int count, float[] g, int gOff, int gStride, int d);

  /** {@code y[yo..] += x[xo..]}. */
  void add(float[] y, int yo, float[] x, int xo, int d);

  /** The kernel for this JVM. */
  static SgnsKernel get() {
    return Holder.KERNEL;
  }

  /** Lazy holder: nothing touches the Vector API unless {@link VectorUtil} already chose it. */
  final class Holder {
    static final SgnsKernel KERNEL = choose();

    private Holder() {}

    private static SgnsKernel choose() {
      if (!VectorUtil.providerName().startsWith("vector-api")) {
        return new Scalar();
      }
      try {
        return (SgnsKernel) Class.forName("org.embdiff.train.PanamaSgnsKernel").getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
        return new Scalar();
      }
    }
  }

  /** Plain loops: the dot through {@link VectorUtil} (independent accumulators), the rest auto-vectorised by C2. */
  final class Scalar implements SgnsKernel {
    @Override
    public void dots(float[] x, int xo, float[] y, int[] rows, int count, float[] out, int outOff, int d) {
      for (int r = 0; r < count; r++) {
        out[outOff + r] = VectorUtil.dot(x, xo, y, rows[r], d);
      }
    }

    @Override
    public void accumulate(float[] y, int yo, float[] x, int[] rows, int count, float[] g, int gOff, int gStride, int d) {
      for (int r = 0; r < count; r++) {
        float gr = g[gOff + r * gStride];
        int xo = rows[r];
        for (int j = 0; j < d; j++) {
          y[yo + j] += gr * x[xo + j];
        }
      }
    }

    @Override
    public void add(float[] y, int yo, float[] x, int xo, int d) {
      for (int j = 0; j < d; j++) {
        y[yo + j] += x[xo + j];
      }
    }
  }
}
