package org.embdiff.linalg;

import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.embdiff.vec.EmbeddingSpace;

/**
 * Principal component analysis of a space's rows (Jolliffe 2002, ch. 1): the rows minus their mean,
 * projected onto the top-k eigenvectors of their covariance (descending eigenvalue).
 *
 * @param mean the mean row
 * @param components d x k, column j the j-th principal axis
 * @param explained the share of the total variance the k axes keep
 */
public record CentredPca(double[] mean, DMatrixRMaj components, double explained) {
  // rows per parallel task: a fixed split, so the covariance sums are the same for any number of threads
  private static final int COVARIANCE_BLOCK = 32_768;
  private static final int PROJECTION_BLOCK = 4_096;


  /** Fits the top {@code k} axes of {@code space}. */
  public static CentredPca fit(EmbeddingSpace space, int k) {
    int d = space.dim();
    if (k < 1 || k > d) {
      throw new IllegalArgumentException("PCA target dimension must be in [1, " + d + "], got " + k);
    }
    int n = space.size();
    float[] m = space.matrix();
    double[] mean = meanRow(space);
    DMatrixRMaj cov = new DMatrixRMaj(d, d);
    // upper triangles of fixed row blocks, computed in parallel and added in block order: the same sum for any thread count
    int blocks = (n + COVARIANCE_BLOCK - 1) / COVARIANCE_BLOCK;
    double[][] partial = new double[blocks][];
    IntStream.range(0, blocks).parallel().forEach(block -> {
      double[] sum = new double[d * d];
      double[] x = new double[d];
      for (int r = block * COVARIANCE_BLOCK, end = Math.min(n, r + COVARIANCE_BLOCK); r < end; r++) {
        for (int c = 0; c < d; c++) {
          x[c] = m[r * d + c] - mean[c];
        }
        for (int i = 0; i < d; i++) {
          double xi = x[i];
          int base = i * d;
          for (int j = i; j < d; j++) {
            sum[base + j] += xi * x[j];
          }
        }
      }
      partial[block] = sum;
    });
    for (double[] sum : partial) {
      for (int i = 0; i < d * d; i++) {
        cov.data[i] += sum[i];
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        cov.data[i * d + j] /= Math.max(1, n - 1);
        cov.data[j * d + i] = cov.data[i * d + j];
      }
    }
    return fromCovariance(mean, cov, k);
  }

  /** PCA of the rows of {@code x} (n x d) keeping {@code k} components. */
  public static CentredPca fit(DMatrixRMaj x, int k) {
    int n = x.numRows;
    int d = x.numCols;
    if (k < 1 || k > d) {
      throw new IllegalArgumentException("PCA target dimension must be in [1, " + d + "], got " + k);
    }
    double[] mean = new double[d];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < d; c++) {
        mean[c] += x.get(r, c);
      }
    }
    for (int c = 0; c < d; c++) {
      mean[c] /= Math.max(1, n);
    }
    DMatrixRMaj centred = x.copy();
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < d; c++) {
        centred.set(r, c, centred.get(r, c) - mean[c]);
      }
    }
    DMatrixRMaj cov = new DMatrixRMaj(d, d);
    org.ejml.dense.row.CommonOps_DDRM.multTransA(centred, centred, cov);
    org.ejml.dense.row.CommonOps_DDRM.scale(1.0 / Math.max(1, n - 1), cov);
    return fromCovariance(mean, cov, k);
  }

  private static CentredPca fromCovariance(double[] mean, DMatrixRMaj cov, int k) {
    int d = mean.length;
    double[][] eig = SymmetricEigen.decompose(cov);
    double total = 0;
    double kept = 0;
    for (int j = 0; j < d; j++) {
      total += Math.max(0, eig[0][j]);
    }
    DMatrixRMaj comps = new DMatrixRMaj(d, k);
    for (int j = 0; j < k; j++) {
      kept += Math.max(0, eig[0][j]);
      for (int i = 0; i < d; i++) {
        comps.set(i, j, eig[j + 1][i]);
      }
    }
    return new CentredPca(mean, comps, total == 0 ? 0 : kept / total);
  }

  /** One row centred and projected onto the components. */
  public double[] project(double[] row) {
    int d = mean.length;
    int k = components.numCols;
    double[] out = new double[k];
    double[] c = components.data;
    // each out[j] sums over i in ascending order; the loop along component rows vectorises across j
    for (int i = 0; i < d; i++) {
      double x = row[i] - mean[i];
      int o = i * k;
      for (int j = 0; j < k; j++) {
        out[j] += x * c[o + j];
      }
    }
    return out;
  }

  /** The mean of the space's rows (zeros for an empty space). */
  public static double[] meanRow(EmbeddingSpace space) {
    int n = space.size();
    int d = space.dim();
    float[] m = space.matrix();
    double[] mean = new double[d];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < d; c++) {
        mean[c] += m[r * d + c];
      }
    }
    for (int c = 0; c < d; c++) {
      mean[c] /= Math.max(1, n);
    }
    return mean;
  }

  /** The space's rows centred and projected: n x k, same vocabulary. */
  public EmbeddingSpace project(EmbeddingSpace space) {
    int d = space.dim();
    int k = components.numCols;
    float[] m = space.matrix();
    float[] out = new float[space.size() * k];
    double[] c = components.data;
    int n = space.size();
    IntStream.range(0, (n + PROJECTION_BLOCK - 1) / PROJECTION_BLOCK).parallel().forEach(block -> {
      double[] s = new double[k];
      for (int r = block * PROJECTION_BLOCK, end = Math.min(n, r + PROJECTION_BLOCK); r < end; r++) {
        // each s[j] sums over i in ascending order; the loop along component rows vectorises across j
        java.util.Arrays.fill(s, 0.0);
        for (int i = 0; i < d; i++) {
          double x = m[r * d + i] - mean[i];
          int o = i * k;
          for (int j = 0; j < k; j++) {
            s[j] += x * c[o + j];
          }
        }
        for (int j = 0; j < k; j++) {
          out[r * k + j] = (float) s[j];
        }
      }
    });
    return space.withMatrix(k, out);
  }
}
