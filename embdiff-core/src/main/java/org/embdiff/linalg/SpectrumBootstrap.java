package org.embdiff.linalg;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.embdiff.vec.EmbeddingSpace;

/**
 * Effective rank and decay exponent of the top {@code k} PCA singular values of an embedding
 * matrix, with bootstrap replicates over its words. The rows are centred and dealt into {@code groups}
 * random groups of (nearly) equal size, each group keeping its d x d Gram matrix and row sum; a
 * resample draws groups with replacement, so its centred scatter matrix is sum m_g G_g - s s^T / N,
 * and its singular values are the square roots of that d x d matrix's eigenvalues (EJML). A resample
 * costs groups x d^2 / 2 instead of rows x d^2 / 2. The groups are random, so they are i.i.d. and a
 * sum over resampled groups has, to first order, the variance of a sum over resampled words; the
 * spectrum is a smooth function of such sums (the scatter matrix).
 */
public final class SpectrumBootstrap {
  private SpectrumBootstrap() {}

  /** Groups the rows are dealt into (fewer when there are fewer rows). */
  public static final int GROUPS = 500;

  /**
   * The two statistics on the full matrix and on each resample.
   *
   * @param effectiveRank effective rank of the top k values
   * @param decayExponent decay exponent of the top k values
   * @param effectiveRankReplicates per resample
   * @param decayExponentReplicates per resample
   * @param groups random groups of words resampled
   */
  public record Result(double effectiveRank, double decayExponent, double[] effectiveRankReplicates,
      double[] decayExponentReplicates, int groups) {}

  /** Runs {@code resamples} resamples of {@code space}'s words drawn from {@code random}, in parallel (on the caller's pool). */
  public static Result run(EmbeddingSpace space, int k, int resamples, SplittableRandom random) {
    int n = space.size();
    int d = space.dim();
    float[] m = space.matrix();
    double[] mean = new double[d];
    for (int r = 0; r < n; r++) {
      for (int b = 0; b < d; b++) {
        mean[b] += m[r * d + b];
      }
    }
    for (int b = 0; b < d; b++) {
      mean[b] /= Math.max(1, n);
    }
    int groups = Math.min(GROUPS, n);
    int[] order = IntStream.range(0, n).toArray();
    SplittableRandom shuffle = random.split();
    for (int i = n - 1; i > 0; i--) {
      int j = shuffle.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int tri = d * (d + 1) / 2;
    double[][] gram = new double[groups][tri];
    double[][] sum = new double[groups][d];
    int[] count = new int[groups];
    IntStream.range(0, groups).parallel().forEach(g -> {
      double[] row = new double[d];
      double[] gg = gram[g];
      for (int p = g; p < n; p += groups) {
        int r = order[p];
        for (int b = 0; b < d; b++) {
          row[b] = m[r * d + b] - mean[b];
          sum[g][b] += row[b];
        }
        upperAdd(gg, row, d, 1);
        count[g]++;
      }
    });
    int[] ones = new int[groups];
    Arrays.fill(ones, 1);
    Spectrum full = spectrum(gram, sum, count, ones, d, k, n);
    SplittableRandom[] streams = new SplittableRandom[resamples];
    for (int r = 0; r < resamples; r++) {
      streams[r] = random.split();
    }
    double[] er = new double[resamples];
    double[] decay = new double[resamples];
    IntStream.range(0, resamples).parallel().forEach(r -> {
      int[] times = new int[groups];
      for (int i = 0; i < groups; i++) {
        times[streams[r].nextInt(groups)]++;
      }
      Spectrum s = spectrum(gram, sum, count, times, d, k, n);
      er[r] = s.effectiveRank();
      decay[r] = s.decayExponent();
    });
    return new Result(full.effectiveRank(), full.decayExponent(), er, decay, groups);
  }

  private static void upperAdd(double[] tri, double[] row, int d, double w) {
    int o = 0;
    for (int i = 0; i < d; i++) {
      double ri = w * row[i];
      for (int j = i; j < d; j++) {
        tri[o++] += ri * row[j];
      }
    }
  }

  // the centred scatter matrix of the groups taken times[g] times, and its top-k singular values
  private static Spectrum spectrum(double[][] gram, double[][] sum, int[] count, int[] times, int d, int k, int rows) {
    int tri = d * (d + 1) / 2;
    double[] acc = new double[tri];
    double[] s = new double[d];
    long total = 0;
    for (int g = 0; g < times.length; g++) {
      int t = times[g];
      if (t == 0) {
        continue;
      }
      double[] gg = gram[g];
      for (int i = 0; i < tri; i++) {
        acc[i] += t * gg[i];
      }
      for (int b = 0; b < d; b++) {
        s[b] += t * sum[g][b];
      }
      total += (long) t * count[g];
    }
    upperAdd(acc, s, d, -1.0 / Math.max(1, total));
    DMatrixRMaj scatter = new DMatrixRMaj(d, d);
    double trace = 0;
    int o = 0;
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        scatter.set(i, j, acc[o]);
        scatter.set(j, i, acc[o]);
        o++;
      }
      trace += scatter.get(i, i);
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false, true);
    if (!eig.decompose(scatter)) {
      throw new IllegalStateException("eigen-decomposition failed for a " + d + "x" + d + " resampled scatter matrix");
    }
    double[] ev = new double[d];
    for (int i = 0; i < d; i++) {
      ev[i] = Math.sqrt(Math.max(0, eig.getEigenvalue(i).real));
    }
    Arrays.sort(ev);
    int top = Math.min(k, d);
    double[] sigma = new double[top];
    for (int i = 0; i < top; i++) {
      sigma[i] = ev[d - 1 - i];
    }
    return Spectrum.of("resample", rows, d, (long) rows * d, trace, sigma, "PCA of a resampled scatter matrix");
  }

  /** The spectrum cut to its top {@code k} values (summaries recomputed on those). */
  public static Spectrum top(Spectrum s, int k) {
    double[] sigma = Arrays.copyOf(s.singularValues(), Math.min(k, s.singularValues().length));
    return Spectrum.of(s.name(), s.rows(), s.cols(), s.nnz(), s.frobeniusSquared(), sigma, s.method());
  }
}
