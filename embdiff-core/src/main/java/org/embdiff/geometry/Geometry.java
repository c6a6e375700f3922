package org.embdiff.geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.embdiff.eval.Summary;
import org.embdiff.inference.Bootstrap;
import org.embdiff.inference.Correlation;
import org.embdiff.inference.Interval;
import org.embdiff.util.Seeds;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.NearestNeighbors;
import org.embdiff.vec.VectorUtil;

/** Isotropy, norm vs frequency and hubness of one embedding space. */
public final class Geometry {
  // rows per parallel task of the O(n d^2) loops
  private static final int ROW_BLOCK = 8_192;

  private Geometry() {}

  /** Measures {@code space}. */
  public static GeometryResult analyze(EmbeddingSpace space, GeometrySettings settings) {
    int n = space.size(), d = space.dim();
    if (n < 2) {
      throw new IllegalArgumentException("geometry needs at least 2 words, got " + n);
    }
    EmbeddingSpace unit = space.unitNormalized();
    // mean cosine of random distinct pairs
    SplittableRandom random = new SplittableRandom(Seeds.derive(settings.seed(), "random-pairs"));
    double[] cos = new double[settings.randomPairs()];
    float[] um = unit.matrix();
    for (int p = 0; p < cos.length; p++) {
      int i = random.nextInt(n);
      int j = random.nextInt(n - 1);
      if (j >= i) {
        j++;
      }
      cos[p] = VectorUtil.dot(um, i * d, um, j * d, d);
    }
    Interval meanCos = Bootstrap.mean(cos, new Bootstrap.Settings(settings.bootstrapResamples(), 0.95, Bootstrap.Method.PERCENTILE),
        new SplittableRandom(Seeds.derive(settings.seed(), "random-pairs-bootstrap")));
    // norms vs rank
    double[] norms = new double[n], ranks = new double[n];
    for (int r = 0; r < n; r++) {
      norms[r] = space.norm(r);
      ranks[r] = r + 1;
    }
    double[] partition = partitionRatios(space);
    // hubness over the most frequent words
    int m = Math.min(settings.hubnessWords(), n);
    int k = Math.min(settings.hubnessK(), m - 1);
    NearestNeighbors nn = new NearestNeighbors(unit);
    int[] occurrences = new int[m];
    int chunk = 1024;
    for (int from = 0; from < m; from += chunk) {
      int to = Math.min(m, from + chunk);
      float[][] q = new float[to - from][];
      int[][] ex = new int[to - from][];
      for (int i = from; i < to; i++) {
        q[i - from] = unit.vector(i);
        ex[i - from] = new int[] {i};
      }
      for (int[] list : nn.searchRows(q, ex, k, m, null)) {
        for (int r : list) {
          occurrences[r]++;
        }
      }
    }
    double mean = (double) k, m2 = 0, m3 = 0;
    int zero = 0;
    for (int c : occurrences) {
      double dev = c - mean;
      m2 += dev * dev;
      m3 += dev * dev * dev;
      zero += c == 0 ? 1 : 0;
    }
    m2 /= m;
    m3 /= m;
    // population skewness of N_k (its mean is exactly k)
    double skew = m2 == 0 ? 0 : m3 / Math.pow(m2, 1.5);
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> Integer.compare(occurrences[y], occurrences[x]));
    List<GeometryResult.Hub> hubs = new ArrayList<>();
    for (int i = 0; i < Math.min(20, m); i++) {
      hubs.add(new GeometryResult.Hub(space.word(order[i]), occurrences[order[i]]));
    }
    return new GeometryResult(n, d, meanCos, partition[0], partition[1], Summary.of(norms), Correlation.spearman(norms, ranks),
        k, m, skew, (double) zero / m, hubs);
  }

  /**
   * Mu & Viswanath (2018), "All-but-the-top", section 2: I(W) = min_c Z(c) / max_c Z(c) with
   * Z(c) = sum_w exp(c . v_w), c over the unit eigenvectors of W^T W. An eigenvector's sign is
   * arbitrary, so both u and -u are taken (which makes the result independent of the solver).
   * Returns {uncentred, centred (covariance eigenvectors)}.
   */
  static double[] partitionRatios(EmbeddingSpace space) {
    int n = space.size(), d = space.dim();
    float[] m = space.matrix();
    double[] mean = org.embdiff.linalg.CentredPca.meanRow(space);
    DMatrixRMaj gram = new DMatrixRMaj(d, d), cov = new DMatrixRMaj(d, d);
    // upper triangles of fixed row blocks in parallel, added in block order (the same sum for any thread count)
    for (double[] part : perBlock(n, block -> {
      double[] sum = new double[d * d];
      for (int r = block * ROW_BLOCK, end = Math.min(n, r + ROW_BLOCK); r < end; r++) {
        int base = r * d;
        for (int i = 0; i < d; i++) {
          double xi = m[base + i];
          for (int j = i; j < d; j++) {
            sum[i * d + j] += xi * m[base + j];
          }
        }
      }
      return sum;
    })) {
      for (int i = 0; i < d * d; i++) {
        gram.data[i] += part[i];
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        double g = gram.data[i * d + j];
        gram.data[j * d + i] = g;
        double cv = (g - n * mean[i] * mean[j]) / Math.max(1, n - 1);
        cov.data[i * d + j] = cv;
        cov.data[j * d + i] = cv;
      }
    }
    return new double[] {ratio(space, org.embdiff.linalg.SymmetricEigen.decompose(gram)), ratio(space, org.embdiff.linalg.SymmetricEigen.decompose(cov))};
  }

  private static double ratio(EmbeddingSpace space, double[][] eig) {
    int n = space.size(), d = space.dim();
    float[] m = space.matrix();
    // eigenvectors as the rows of a d x d matrix read along rows: each dot product sums over i in
    // ascending order as c . v would, and the loop over the eigenvectors vectorises
    double[] ct = new double[d * d];
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < d; i++) {
        ct[i * d + j] = eig[j + 1][i];
      }
    }
    double[] zPlus = new double[d], zMinus = new double[d];
    for (double[] part : perBlock(n, block -> {
      double[] z = new double[2 * d], dot = new double[d];
      for (int r = block * ROW_BLOCK, end = Math.min(n, r + ROW_BLOCK); r < end; r++) {
        java.util.Arrays.fill(dot, 0.0);
        for (int i = 0; i < d; i++) {
          double x = m[r * d + i];
          int o = i * d;
          for (int j = 0; j < d; j++) {
            dot[j] += ct[o + j] * x;
          }
        }
        for (int j = 0; j < d; j++) {
          z[j] += Math.exp(dot[j]);
          z[d + j] += Math.exp(-dot[j]);
        }
      }
      return z;
    })) {
      for (int j = 0; j < d; j++) {
        zPlus[j] += part[j];
        zMinus[j] += part[d + j];
      }
    }
    double min = Double.POSITIVE_INFINITY, max = 0;
    for (int j = 0; j < d; j++) {
      min = Math.min(min, Math.min(zPlus[j], zMinus[j]));
      max = Math.max(max, Math.max(zPlus[j], zMinus[j]));
    }
    return min / max;
  }

  /** {@code work} of every fixed row block, computed on the caller's pool, in block order. */
  private static double[][] perBlock(int n, java.util.function.IntFunction<double[]> work) {
    double[][] out = new double[(n + ROW_BLOCK - 1) / ROW_BLOCK][];
    java.util.stream.IntStream.range(0, out.length).parallel().forEach(b -> out[b] = work.apply(b));
    return out;
  }
}
