package org.embdiff.transfer;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.embdiff.vec.EmbeddingSpace;

/**
 * An affine least-squares map y = W^T x + b from a source space to a target space, fitted on anchor
 * words by the normal equations [X 1]^T [X 1] [W; b] = [X 1]^T Y (Mikolov, Le &amp; Sutskever 2013,
 * "Exploiting similarities among languages for machine translation", with an intercept). It works
 * across dimensions (25d -> 100d and back). A tiny ridge (1e-8 of the mean diagonal) keeps the
 * system positive definite; it is not applied to the intercept.
 */
public final class LeastSquaresMap implements VectorMap {
  private final int sourceDim;
  private final int targetDim;
  /** Row-major (sourceDim + 1) x targetDim: rows 0..sourceDim-1 are W, the last row is b. */
  private final double[] coefficients;
  private final String description;

  private LeastSquaresMap(int sourceDim, int targetDim, double[] coefficients, String description) {
    this.sourceDim = sourceDim;
    this.targetDim = targetDim;
    this.coefficients = coefficients;
    this.description = description;
  }

  /**
   * A {@link VectorMap.Fitter} producing this map. Its {@link VectorMap.Fitter#excluding} sums the
   * normal equations over all anchors once and subtracts the excluded words' terms per call, so
   * refitting without each split's test words costs O(excluded) instead of O(anchors).
   */
  public static VectorMap.Fitter fitter() {
    return new VectorMap.Fitter() {
      @Override
      public VectorMap fit(EmbeddingSpace source, EmbeddingSpace target, List<String> anchors) {
        return LeastSquaresMap.fit(source, target, anchors);
      }

      @Override
      public java.util.function.Function<java.util.Set<String>, VectorMap> excluding(EmbeddingSpace source,
          EmbeddingSpace target, List<String> anchors) {
        int p = source.dim() + 1;
        int q = target.dim();
        double[] xtx = new double[p * p];
        double[] xty = new double[p * q];
        accumulate(source, target, anchors, xtx, xty, 1);
        java.util.Set<String> anchorSet = new java.util.HashSet<>(anchors);
        return excluded -> {
          List<String> removed = excluded.stream().filter(anchorSet::contains).toList();
          double[] a = xtx.clone();
          double[] b = xty.clone();
          accumulate(source, target, removed, a, b, -1);
          return solve(source.dim(), q, a, b, anchors.size() - removed.size());
        };
      }
    };
  }

  /**
   * Fits the map on {@code anchors}.
   *
   * @throws IllegalArgumentException when an anchor is missing from a side or there are fewer
   *     anchors than source dimensions + 1
   */
  public static LeastSquaresMap fit(EmbeddingSpace source, EmbeddingSpace target, List<String> anchors) {
    int p = source.dim() + 1;
    int q = target.dim();
    double[] xtx = new double[p * p];
    double[] xty = new double[p * q];
    accumulate(source, target, anchors, xtx, xty, 1);
    return solve(source.dim(), q, xtx, xty, anchors.size());
  }

  /** Adds {@code sign} times the anchors' terms to the upper triangle of X^T X and to X^T Y. */
  private static void accumulate(EmbeddingSpace source, EmbeddingSpace target, List<String> anchors, double[] xtx,
      double[] xty, int sign) {
    int p = source.dim() + 1;
    int q = target.dim();
    double[] x = new double[p];
    float[] sm = source.matrix();
    float[] tm = target.matrix();
    for (String word : anchors) {
      int rs = source.indexOf(word);
      int rt = target.indexOf(word);
      if (rs < 0 || rt < 0) {
        throw new IllegalArgumentException("anchor '" + word + "' is missing from the " + (rs < 0 ? "source" : "target") + " space");
      }
      for (int i = 0; i < p - 1; i++) {
        x[i] = sign * sm[rs * source.dim() + i];
      }
      x[p - 1] = sign;
      int toff = rt * q;
      for (int i = 0; i < p; i++) {
        double xi = x[i];
        int row = i * p;
        double xs = sign * xi;
        for (int j = i; j < p; j++) {
          // (sign x_i)(sign x_j) * sign = sign x_i x_j
          xtx[row + j] += xs * x[j];
        }
        int yrow = i * q;
        for (int j = 0; j < q; j++) {
          xty[yrow + j] += xi * tm[toff + j];
        }
      }
    }
  }

  /** Solves the normal equations (upper triangle of {@code xtx} filled). */
  private static LeastSquaresMap solve(int sourceDim, int q, double[] xtxUpper, double[] xtyData, int anchors) {
    int p = sourceDim + 1;
    if (anchors < p) {
      throw new IllegalArgumentException("least-squares map " + sourceDim + " -> " + q + " needs at least " + p
          + " anchor words, got " + anchors);
    }
    DMatrixRMaj xtx = DMatrixRMaj.wrap(p, p, xtxUpper);
    DMatrixRMaj xty = DMatrixRMaj.wrap(p, q, xtyData);
    double trace = 0;
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < i; j++) {
        xtx.data[i * p + j] = xtx.data[j * p + i];
      }
      trace += xtx.data[i * p + i];
    }
    double ridge = 1e-8 * trace / p;
    for (int i = 0; i < p - 1; i++) {
      xtx.data[i * p + i] += ridge;
    }
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(p);
    if (!solver.setA(xtx)) {
      throw new IllegalArgumentException("least-squares map: the anchor vectors are degenerate (X^T X is singular)");
    }
    DMatrixRMaj w = new DMatrixRMaj(p, q);
    solver.solve(xty, w);
    for (double v : w.data) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("least-squares map: non-finite coefficient (degenerate anchors)");
      }
    }
    return new LeastSquaresMap(sourceDim, q, w.data.clone(),
        String.format(java.util.Locale.ROOT, "affine least squares, %d -> %d dims, %,d anchors", sourceDim, q, anchors));
  }

  @Override
  public int sourceDim() {
    return sourceDim;
  }

  @Override
  public int targetDim() {
    return targetDim;
  }

  @Override
  public void apply(float[] src, int srcOffset, float[] dst, int dstOffset) {
    int q = targetDim;
    double[] acc = new double[q];
    System.arraycopy(coefficients, sourceDim * q, acc, 0, q);
    for (int i = 0; i < sourceDim; i++) {
      double xi = src[srcOffset + i];
      int row = i * q;
      for (int j = 0; j < q; j++) {
        acc[j] += xi * coefficients[row + j];
      }
    }
    for (int j = 0; j < q; j++) {
      dst[dstOffset + j] = (float) acc[j];
    }
  }

  @Override
  public String description() {
    return description;
  }
}
