package org.embdiff.align;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.embdiff.linalg.CentredPca;
import org.embdiff.inference.Correlation;
import org.embdiff.util.ProgressListener;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Vocabulary;

/**
 * Aligns space B onto space A on their shared vocabulary (SPEC 4): anchors by policy, unit-length
 * vectors, orthogonal Procrustes (after PCA when the dimensions differ) or a least-squares map,
 * with diagnostics: residual, held-out anchor cosines (k-fold) and the stability of the shift
 * ranking under bootstrap resamples of the anchors.
 */
public final class Aligner {
  // rows per parallel task of the per-word loops
  private static final int ROW_BLOCK = 1024;

  private Aligner() {}

  /**
   * Alignment settings.
   *
   * @param method the map, or null for the default (Procrustes for equal dimensions, else PCA + Procrustes)
   * @param anchors anchor policy
   * @param folds cross-validation folds for the held-out cosine (default 10)
   * @param stabilityResamples bootstrap resamples of the anchors for ranking stability (default 20)
   * @param seed seed of the fold split and the resamples
   * @param centre whether both sides are normalised as Artetxe, Labaka &amp; Agirre (2018, sec. 3.1) do before
   *     the map is fitted: unit length, mean-centred over the shared words, unit length again (default); without
   *     it, a side with a common direction (high random-pair cosine) is aligned on raw unit vectors
   */
  public record Settings(MapMethod method, AnchorPolicy anchors, int folds, int stabilityResamples, long seed,
      boolean centre) {
    /** Validates. */
    public Settings {
      if (anchors == null) {
        throw new IllegalArgumentException("anchors must not be null");
      }
      if (folds < 2) {
        throw new IllegalArgumentException("folds must be >= 2, got " + folds);
      }
      if (stabilityResamples < 0) {
        throw new IllegalArgumentException("stabilityResamples must be >= 0, got " + stabilityResamples);
      }
    }

    /** Centred (the default). */
    public Settings(MapMethod method, AnchorPolicy anchors, int folds, int stabilityResamples, long seed) {
      this(method, anchors, folds, stabilityResamples, seed, true);
    }

    /** Default map, default anchors, 10 folds, 20 resamples, seed 42, centred. */
    public static Settings defaults() {
      return new Settings(null, AnchorPolicy.defaults(), 10, 20, 42);
    }

    /** A copy with another map. */
    public Settings withMethod(MapMethod m) {
      return new Settings(m, anchors, folds, stabilityResamples, seed, centre);
    }

    /** A copy with other anchors. */
    public Settings withAnchors(AnchorPolicy a) {
      return new Settings(method, a, folds, stabilityResamples, seed, centre);
    }

    /** A copy with another seed. */
    public Settings withSeed(long s) {
      return new Settings(method, anchors, folds, stabilityResamples, s, centre);
    }

    /** A copy with centring on or off. */
    public Settings withCentring(boolean c) {
      return new Settings(method, anchors, folds, stabilityResamples, seed, c);
    }
  }

  /** Aligns B onto A. */
  public static AlignmentResult align(EmbeddingSpace a, EmbeddingSpace b, Settings settings) {
    return align(a, b, settings, ProgressListener.NONE);
  }

  /**
   * Aligns B onto A, reporting the map fits to {@code progress} (task unit "fits": the map, one
   * per fold and one per stability resample).
   */
  public static AlignmentResult align(EmbeddingSpace a, EmbeddingSpace b, Settings settings, ProgressListener progress) {
    return fit(a, b, SharedVocabulary.of(a, b, WordTags.english()), settings, WordTags.english(), progress).result();
  }

  /** The fitted alignment with the per-word arrays the shift analysis needs. */
  record Fitted(AlignmentResult result, SharedVocabulary shared, double[] delta, double[] cosine) {}

  static Fitted fit(EmbeddingSpace a, EmbeddingSpace b, SharedVocabulary shared, Settings settings, WordTags tags) {
    return fit(a, b, shared, settings, tags, ProgressListener.NONE);
  }

  static Fitted fit(EmbeddingSpace a, EmbeddingSpace b, SharedVocabulary shared, Settings settings, WordTags tags,
      ProgressListener progress) {
    int dimA = a.dim(), dimB = b.dim();
    MapMethod method = settings.method() != null ? settings.method() : MapMethod.defaultFor(dimA, dimB);
    if (method == MapMethod.PROCRUSTES && dimA != dimB) {
      throw new org.embdiff.util.InvalidSetting("alignment map", method.label(), "pca-procrustes (reduce the larger side "
          + "by PCA) or lstsq (least-squares linear map): orthogonal Procrustes needs equal dimensions, but A is " + dimA
          + "d and B is " + dimB + "d");
    }
    int n = shared.size();
    if (n < 2) {
      throw new IllegalArgumentException("the two spaces share " + n + " words; alignment needs at least 2 shared words");
    }
    EmbeddingSpace ua = a.unitNormalized(), ub = b.unitNormalized();
    DMatrixRMaj xa = rows(ua, shared.rowsA());
    DMatrixRMaj xb = rows(ub, shared.rowsB());
    double[] meanB = settings.centre() ? centreAndNormalise(xb) : null;
    if (settings.centre()) {
      centreAndNormalise(xa);
    }
    CentredPca pcaA = null, pcaB = null;
    if (method == MapMethod.PCA_PROCRUSTES && dimA > dimB) {
      pcaA = CentredPca.fit(xa, dimB);
      xa = projectAndNormalise(xa, pcaA);
    } else if (method == MapMethod.PCA_PROCRUSTES && dimB > dimA) {
      pcaB = CentredPca.fit(xb, dimA);
      xb = projectAndNormalise(xb, pcaB);
    }
    List<Anchors> anchorsOut = new ArrayList<>();
    int[] anchors = Anchors.select(shared, settings.anchors(), tags, anchorsOut);
    int minAnchors = method == MapMethod.LSTSQ ? xb.numCols : 2;
    if (anchors.length < minAnchors) {
      throw new org.embdiff.util.InvalidSetting("anchor words", anchors.length + " shared", "at least " + minAnchors
          + " shared anchor words for " + method.label() + " (give a longer anchor list)");
    }
    int folds = Math.min(settings.folds(), anchors.length);
    progress.start("fitting the " + method.label() + " map (the map, " + folds + " folds, "
        + settings.stabilityResamples() + " resamples)", 1 + folds + settings.stabilityResamples(), "fits");
    DMatrixRMaj m = fitMap(method, xa, xb, anchors);
    progress.advance(1);
    double[] cos = cosines(xa, xb, m);
    double[] delta = new double[n];
    for (int i = 0; i < n; i++) {
      delta[i] = Math.sqrt(Math.max(0, 2 - 2 * cos[i]));
    }
    // diagnostics
    double res = 0, anchorCos = 0;
    for (int i : anchors) {
      res += delta[i] * delta[i];
      anchorCos += cos[i];
    }
    double sharedCos = 0;
    for (double c : cos) {
      sharedCos += c;
    }
    SplittableRandom random = new SplittableRandom(settings.seed());
    int[] shuffled = anchors.clone();
    for (int i = shuffled.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = t;
    }
    double heldOut = 0;
    int heldOutCount = 0;
    for (int f = 0; f < folds; f++) {
      List<Integer> train = new ArrayList<>(), test = new ArrayList<>();
      for (int i = 0; i < shuffled.length; i++) {
        (i % folds == f ? test : train).add(shuffled[i]);
      }
      if (train.size() < minAnchors) {
        progress.advance(1);
        continue;
      }
      DMatrixRMaj mf = fitMap(method, xa, xb, train.stream().mapToInt(Integer::intValue).toArray());
      progress.advance(1);
      for (int i : test) {
        heldOut += cosine(xa, xb, mf, i, new double[mf.numCols]);
        heldOutCount++;
      }
    }
    double spearmanSum = 0, spearmanMin = Double.NaN;
    int resamples = settings.stabilityResamples();
    for (int r = 0; r < resamples; r++) {
      int[] draw = new int[anchors.length];
      for (int i = 0; i < draw.length; i++) {
        draw[i] = anchors[random.nextInt(anchors.length)];
      }
      double[] c = cosines(xa, xb, fitMap(method, xa, xb, draw));
      progress.advance(1);
      // Delta is monotone decreasing in the cosine, so ranking by -cos ranks by Delta
      double rho = Correlation.spearman(cos, c);
      spearmanSum += rho;
      spearmanMin = Double.isNaN(spearmanMin) ? rho : Math.min(spearmanMin, rho);
    }
    progress.finish();
    AlignmentDiagnostics diagnostics = new AlignmentDiagnostics(Math.sqrt(res / anchors.length), anchorCos / anchors.length,
        heldOutCount == 0 ? Double.NaN : heldOut / heldOutCount, folds, sharedCos / n,
        resamples == 0 ? Double.NaN : spearmanSum / resamples, spearmanMin, resamples);
    // the spaces: A's shared words in the common space, and every word of B mapped
    int dimOut = xa.numCols;
    String[] sharedWords = new String[n];
    float[] am = new float[n * dimOut];
    for (int i = 0; i < n; i++) {
      sharedWords[i] = shared.word(i);
      for (int c = 0; c < dimOut; c++) {
        am[i * dimOut + c] = (float) xa.get(i, c);
      }
    }
    float[] bm = new float[ub.size() * dimOut];
    CentredPca projectionB = pcaB;
    double[] centreB = meanB;
    IntStream.range(0, (ub.size() + ROW_BLOCK - 1) / ROW_BLOCK).parallel().forEach(block -> {
      double[] row = new double[dimB];
      for (int r = block * ROW_BLOCK, end = Math.min(ub.size(), r + ROW_BLOCK); r < end; r++) {
        for (int c = 0; c < dimB; c++) {
          row[c] = ub.get(r, c);
        }
        if (centreB != null) {
          for (int c = 0; c < dimB; c++) {
            row[c] -= centreB[c];
          }
          normalise(row);
        }
        double[] x = projectionB != null ? normalise(projectionB.project(row)) : row;
        double[] y = normalise(times(x, m));
        for (int c = 0; c < dimOut; c++) {
          bm[r * dimOut + c] = (float) y[c];
        }
      }
    });
    EmbeddingSpace spaceA = new EmbeddingSpace(new Vocabulary(sharedWords), dimOut, am);
    EmbeddingSpace alignedB = new EmbeddingSpace(ub.vocabulary(), dimOut, bm);
    AlignmentResult result = new AlignmentResult(method, dimA, dimB, dimOut, pcaA == null ? 1 : pcaA.explained(),
        pcaB == null ? 1 : pcaB.explained(), shared.summary(), anchorsOut.get(0), diagnostics, spaceA, alignedB);
    return new Fitted(result, shared, delta, cos);
  }

  private static DMatrixRMaj fitMap(MapMethod method, DMatrixRMaj xa, DMatrixRMaj xb, int[] anchors) {
    DMatrixRMaj ya = select(xa, anchors), yb = select(xb, anchors);
    return method == MapMethod.LSTSQ ? LinearMaps.leastSquares(yb, ya) : LinearMaps.procrustes(yb, ya);
  }

  // rows in blocks on the caller's pool; each value is computed as in a sequential loop, so the result is the same
  private static double[] cosines(DMatrixRMaj xa, DMatrixRMaj xb, DMatrixRMaj m) {
    double[] out = new double[xa.numRows];
    int blocks = (out.length + ROW_BLOCK - 1) / ROW_BLOCK;
    IntStream.range(0, blocks).parallel().forEach(block -> {
      double[][] y = new double[4][m.numCols];
      int i = block * ROW_BLOCK, end = Math.min(out.length, i + ROW_BLOCK);
      for (; i + 4 <= end; i += 4) {
        times4(xb.data, i * xb.numCols, xb.numCols, m, y);
        for (int r = 0; r < 4; r++) {
          out[i + r] = cosineOf(y[r], xa, i + r);
        }
      }
      for (; i < end; i++) {
        out[i] = cosine(xa, xb, m, i, y[0]);
      }
    });
    return out;
  }

  /**
   * {@link #times} of four consecutive rows of {@code length} values starting at {@code offset}, into
   * {@code y[0..3]}: each M row read once for the four (the same sums, in the same order, as four calls).
   */
  static void times4(double[] x, int offset, int length, DMatrixRMaj m, double[][] y) {
    int cols = m.numCols;
    double[] md = m.data;
    double[] y0 = y[0], y1 = y[1], y2 = y[2], y3 = y[3];
    java.util.Arrays.fill(y0, 0, cols, 0.0);
    java.util.Arrays.fill(y1, 0, cols, 0.0);
    java.util.Arrays.fill(y2, 0, cols, 0.0);
    java.util.Arrays.fill(y3, 0, cols, 0.0);
    for (int k = 0; k < length; k++) {
      double x0 = x[offset + k], x1 = x[offset + length + k], x2 = x[offset + 2 * length + k], x3 = x[offset + 3 * length + k];
      int row = k * cols;
      for (int c = 0; c < cols; c++) {
        double v = md[row + c];
        y0[c] += x0 * v;
        y1[c] += x1 * v;
        y2[c] += x2 * v;
        y3[c] += x3 * v;
      }
    }
  }

  /** cos(A(i), M B(i)); rows of xa are unit length. {@code y} is scratch of M's column count. */
  private static double cosine(DMatrixRMaj xa, DMatrixRMaj xb, DMatrixRMaj m, int i, double[] y) {
    times(xb.data, i * xb.numCols, xb.numCols, m, y);
    return cosineOf(y, xa, i);
  }

  // cos(A(i), y) for unit-length rows of xa
  private static double cosineOf(double[] y, DMatrixRMaj xa, int i) {
    double dot = 0, nn = 0;
    int a = i * xa.numCols;
    for (int c = 0; c < xa.numCols; c++) {
      dot += y[c] * xa.data[a + c];
      nn += y[c] * y[c];
    }
    return nn == 0 ? 0 : Math.max(-1, Math.min(1, dot / Math.sqrt(nn)));
  }

  private static double[] times(double[] x, DMatrixRMaj m) {
    double[] y = new double[m.numCols];
    times(x, 0, x.length, m, y);
    return y;
  }

  /**
   * {@code y = x[offset..+length) M}, M row-major. Each y[c] sums its terms in ascending k, as a
   * dot product of x with column c would; the loop runs along M's rows (axpy form) so that the JIT
   * vectorises it across c.
   */
  static void times(double[] x, int offset, int length, DMatrixRMaj m, double[] y) {
    int cols = m.numCols;
    double[] md = m.data;
    java.util.Arrays.fill(y, 0, cols, 0.0);
    for (int k = 0; k < length; k++) {
      double xk = x[offset + k];
      int row = k * cols;
      for (int c = 0; c < cols; c++) {
        y[c] += xk * md[row + c];
      }
    }
  }

  // Artetxe et al. (2018) sec. 3.1: subtract the mean row, then unit length again; returns the mean
  private static double[] centreAndNormalise(DMatrixRMaj x) {
    int d = x.numCols;
    double[] mean = new double[d];
    for (int r = 0; r < x.numRows; r++) {
      for (int c = 0; c < d; c++) {
        mean[c] += x.get(r, c);
      }
    }
    for (int c = 0; c < d; c++) {
      mean[c] /= Math.max(1, x.numRows);
    }
    double[] row = new double[d];
    for (int r = 0; r < x.numRows; r++) {
      for (int c = 0; c < d; c++) {
        row[c] = x.get(r, c) - mean[c];
      }
      normalise(row);
      System.arraycopy(row, 0, x.data, r * d, d);
    }
    return mean;
  }

  private static double[] normalise(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    if (s > 0) {
      double inv = 1 / Math.sqrt(s);
      for (int i = 0; i < v.length; i++) {
        v[i] *= inv;
      }
    }
    return v;
  }

  private static DMatrixRMaj rows(EmbeddingSpace unit, int[] rows) {
    int d = unit.dim();
    DMatrixRMaj x = new DMatrixRMaj(rows.length, d);
    for (int i = 0; i < rows.length; i++) {
      for (int c = 0; c < d; c++) {
        x.set(i, c, unit.get(rows[i], c));
      }
    }
    return x;
  }

  private static DMatrixRMaj select(DMatrixRMaj x, int[] rows) {
    DMatrixRMaj out = new DMatrixRMaj(rows.length, x.numCols);
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(x.data, rows[i] * x.numCols, out.data, i * x.numCols, x.numCols);
    }
    return out;
  }

  private static DMatrixRMaj projectAndNormalise(DMatrixRMaj x, CentredPca pca) {
    int k = pca.components().numCols;
    DMatrixRMaj out = new DMatrixRMaj(x.numRows, k);
    double[] row = new double[x.numCols];
    for (int i = 0; i < x.numRows; i++) {
      System.arraycopy(x.data, i * x.numCols, row, 0, x.numCols);
      double[] p = normalise(pca.project(row));
      System.arraycopy(p, 0, out.data, i * k, k);
    }
    return out;
  }
}
