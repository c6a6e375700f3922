package org.embdiff.transfer;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.embdiff.vec.VectorUtil;

/**
 * Multinomial (softmax) logistic regression on word vectors with an L2 penalty, fitted with
 * L-BFGS ({@link Lbfgs}; Nocedal &amp; Wright 2006, ch. 7). It minimises
 * {@code (1/n) sum_i -log p(y_i | x_i) + (1 / (2 C n)) ||W||^2}, which is LIBLINEAR's
 * {@code ||W||^2 / 2 + C sum_i loss_i} divided by {@code C n}, so C keeps LIBLINEAR's meaning;
 * the intercepts are not penalised. Features are standardised with the training rows' mean and
 * standard deviation; the same transform is applied to every row the model scores. Only the
 * classes present in the training labels get a column; the others have probability 0.
 *
 * <p>Memory layout of the coefficients: {@code w[k * (dim + 1) + j]} for fitted class k and
 * feature j, the intercept of class k at {@code j = dim}.
 */
public final class WordClassifier {
  private static final int MEMORY = 10;
  private static final int MAX_ITERATIONS = 1000;

  private final int dim;
  private final int classes;
  private final double[] mean;
  private final double[] scale;
  /** Fitted column k is class {@code present[k]}. */
  private final int[] present;
  private final double[] weights;
  private final int iterations;

  private WordClassifier(int dim, int classes, double[] mean, double[] scale, int[] present, double[] weights,
      int iterations) {
    this.dim = dim;
    this.classes = classes;
    this.mean = mean;
    this.scale = scale;
    this.present = present;
    this.weights = weights;
    this.iterations = iterations;
  }

  /**
   * Trains from zero coefficients on {@code rows} (row-major, {@code n x dim}) with integer labels
   * in {@code [0, classes)}.
   *
   * @param c inverse regularisation strength (LIBLINEAR's C)
   * @param eps stopping tolerance: ||gradient|| &lt;= eps ||gradient at W = 0|| (LIBLINEAR's test)
   */
  public static WordClassifier train(float[] rows, int dim, int[] labels, int classes, double c, double eps) {
    return train(rows, dim, labels, classes, c, eps, null);
  }

  /**
   * As {@link #train(float[], int, int[], int, double, double)}, starting L-BFGS from the
   * function {@code warmStart} computes (re-expressed in this training set's standardisation), or
   * from zero when it is null. The optimum does not depend on the start; the work to reach it does.
   */
  public static WordClassifier train(float[] rows, int dim, int[] labels, int classes, double c, double eps,
      WordClassifier warmStart) {
    int n = labels.length;
    if ((long) n * dim != rows.length) {
      throw new IllegalArgumentException("rows " + rows.length + " != labels " + n + " x dim " + dim);
    }
    if (n == 0) {
      throw new IllegalArgumentException("no training words");
    }
    if (!(c > 0) || !(eps > 0)) {
      throw new IllegalArgumentException("C and eps must be > 0, got " + c + ", " + eps);
    }
    double[] mean = new double[dim];
    double[] scale = new double[dim];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < dim; j++) {
        mean[j] += rows[i * dim + j];
      }
    }
    for (int j = 0; j < dim; j++) {
      mean[j] /= n;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < dim; j++) {
        double d = rows[i * dim + j] - mean[j];
        scale[j] += d * d;
      }
    }
    for (int j = 0; j < dim; j++) {
      double sd = Math.sqrt(scale[j] / Math.max(1, n - 1));
      // a constant feature is left unscaled rather than divided by 0
      scale[j] = sd > 0 ? 1 / sd : 1;
    }
    int[] columnOf = new int[classes];
    Arrays.fill(columnOf, -1);
    int k = 0;
    boolean[] seen = new boolean[classes];
    for (int label : labels) {
      if (label < 0 || label >= classes) {
        throw new IllegalArgumentException("label " + label + " outside [0, " + classes + ")");
      }
      seen[label] = true;
    }
    int[] present = new int[classes];
    for (int label = 0; label < classes; label++) {
      if (seen[label]) {
        columnOf[label] = k;
        present[k++] = label;
      }
    }
    present = Arrays.copyOf(present, k);
    int p = dim + 1;
    float[] x = new float[n * p];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < dim; j++) {
        x[i * p + j] = (float) ((rows[i * dim + j] - mean[j]) * scale[j]);
      }
      x[i * p + dim] = 1;
      y[i] = columnOf[labels[i]];
    }
    SoftmaxLoss loss = new SoftmaxLoss(x, y, n, p, k, 1 / (c * n));
    double[] zero = new double[p * k];
    double gradientAtZero = Lbfgs.norm(gradientAt(loss, zero));
    double[] start = warmStart == null ? zero : warmStart.startFor(mean, scale, present);
    Lbfgs.Result fit = new Lbfgs(MEMORY, MAX_ITERATIONS).minimize(loss, start, eps * gradientAtZero);
    return new WordClassifier(dim, classes, mean, scale, present, fit.x(), fit.iterations());
  }

  private static double[] gradientAt(SoftmaxLoss loss, double[] w) {
    double[] g = new double[w.length];
    loss.evaluate(w, g);
    return g;
  }

  /**
   * This model's logits re-expressed for features standardised with {@code mean2}, {@code scale2}
   * and the fitted classes {@code present2}: z = sum_j x'_j (s_j / s'_j) w_jk + b_k + sum_j (m'_j - m_j) s_j w_jk.
   */
  private double[] startFor(double[] mean2, double[] scale2, int[] present2) {
    int p = dim + 1;
    double[] w = new double[p * present2.length];
    for (int c2 = 0; c2 < present2.length; c2++) {
      int c1 = Arrays.binarySearch(present, present2[c2]);
      if (c1 < 0) {
        continue;
      }
      double bias = weights[c1 * p + dim];
      for (int j = 0; j < dim; j++) {
        double w1 = weights[c1 * p + j];
        w[c2 * p + j] = w1 * scale[j] / scale2[j];
        bias += (mean2[j] - mean[j]) * scale[j] * w1;
      }
      w[c2 * p + dim] = bias;
    }
    return w;
  }

  /**
   * Class probabilities of the vector {@code row[offset .. offset+dim)} into {@code out} (length
   * {@code classes}); classes unseen in training get probability 0.
   *
   * @return the most probable class (the smaller label on a tie)
   */
  public int predict(float[] row, int offset, double[] out) {
    int k = present.length;
    int p = dim + 1;
    double[] z = new double[k];
    for (int c = 0; c < k; c++) {
      double sum = weights[c * p + dim];
      for (int j = 0; j < dim; j++) {
        sum += (row[offset + j] - mean[j]) * scale[j] * weights[c * p + j];
      }
      z[c] = sum;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (int c = 0; c < k; c++) {
      z[c] = Math.exp(z[c] - max);
      sum += z[c];
    }
    Arrays.fill(out, 0);
    int best = -1;
    double bestP = -1;
    for (int c = 0; c < k; c++) {
      double prob = z[c] / sum;
      out[present[c]] = prob;
      // present is ascending, so a strict > keeps the smaller label on a tie
      if (prob > bestP) {
        bestP = prob;
        best = present[c];
      }
    }
    return best;
  }

  /** Number of classes. */
  public int classes() {
    return classes;
  }

  /** L-BFGS steps the fit took. */
  public int iterations() {
    return iterations;
  }

  /**
   * The outcome of choosing C.
   *
   * @param c the chosen C
   * @param grid the candidates
   * @param meanLoss mean held-out log loss (nats) per candidate, NaN for those after the path stopped
   * @param folds the folds used
   */
  public record CChoice(double c, double[] grid, double[] meanLoss, int folds) {}

  /**
   * Chooses C from {@code grid} by {@code folds}-fold cross-validation of the held-out log loss on
   * {@code rows} (the inner loop of a nested CV: pass only the outer training words). Candidates
   * are tried from strong to weak regularisation, each fold's fit warm-started from its fit at the
   * previous candidate (the first candidate's from the previous fold's); the path stops at the
   * first candidate whose loss is worse than its predecessor's (held-out loss is unimodal in C in
   * practice, and the weakly regularised fits are the slow ones). Ties go to the smaller C.
   */
  public static CChoice chooseC(float[] rows, int dim, int[] labels, int classes, double[] grid, int folds, long seed,
      double eps) {
    int n = labels.length;
    if (folds < 2 || folds > n) {
      throw new IllegalArgumentException("folds must be in [2, " + n + "], got " + folds);
    }
    if (grid.length == 0) {
      throw new IllegalArgumentException("empty grid of C values");
    }
    double[] sorted = grid.clone();
    Arrays.sort(sorted);
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    float[][] foldRows = new float[folds][];
    int[][] foldLabels = new int[folds][];
    for (int f = 0; f < folds; f++) {
      int from = (int) ((long) f * n / folds);
      int to = (int) ((long) (f + 1) * n / folds);
      boolean[] held = new boolean[n];
      for (int i = from; i < to; i++) {
        held[perm[i]] = true;
      }
      int trainCount = n - (to - from);
      foldRows[f] = new float[trainCount * dim];
      foldLabels[f] = new int[trainCount];
      for (int i = 0, t = 0; i < n; i++) {
        if (!held[i]) {
          System.arraycopy(rows, i * dim, foldRows[f], t * dim, dim);
          foldLabels[f][t++] = labels[i];
        }
      }
    }
    double[] meanLoss = new double[sorted.length];
    Arrays.fill(meanLoss, Double.NaN);
    double[] p = new double[classes];
    WordClassifier[] previous = new WordClassifier[folds];
    int best = 0;
    for (int g = 0; g < sorted.length; g++) {
      double loss = 0;
      for (int f = 0; f < folds; f++) {
        WordClassifier start = previous[f] != null ? previous[f] : f > 0 ? previous[f - 1] : null;
        WordClassifier model = train(foldRows[f], dim, foldLabels[f], classes, sorted[g], eps, start);
        previous[f] = model;
        int from = (int) ((long) f * n / folds);
        int to = (int) ((long) (f + 1) * n / folds);
        for (int i = from; i < to; i++) {
          int row = perm[i];
          model.predict(rows, row * dim, p);
          loss -= Math.log(Math.max(1e-15, p[labels[row]]));
        }
      }
      meanLoss[g] = loss / n;
      if (meanLoss[g] < meanLoss[best]) {
        best = g;
      } else if (g > 0) {
        break;
      }
    }
    return new CChoice(sorted[best], sorted, meanLoss, folds);
  }

  /**
   * The penalised mean cross-entropy of a softmax model and its gradient. Both matrix products run
   * in float on the {@link VectorUtil#dotBlock} kernels, with the loss and the gradient's sums of
   * the blocks in double: the logits Z = X W^T with X the standardised rows plus a column of ones,
   * and the gradient R^T X as (X^T)(R^T)^T, where R = P - Y is the residual.
   */
  private static final class SoftmaxLoss implements Lbfgs.Objective {
    /** n x p row-major, p = dim + 1, the last column 1. */
    private final float[] x;
    /** p x n row-major: X transposed. */
    private final float[] xt;
    private final int[] y;
    private final int n;
    private final int p;
    private final int k;
    private final double lambda;
    private final float[] wf;
    private final float[] z;
    private final float[] rt;
    private final float[] g;
    private final float[] scratch;

    SoftmaxLoss(float[] x, int[] y, int n, int p, int k, double lambda) {
      this.x = x;
      this.y = y;
      this.n = n;
      this.p = p;
      this.k = k;
      this.lambda = lambda;
      this.xt = new float[p * n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < p; j++) {
          xt[j * n + i] = x[i * p + j];
        }
      }
      this.wf = new float[k * p];
      this.z = new float[n * k];
      this.rt = new float[k * n];
      this.g = new float[p * k];
      this.scratch = new float[Math.max(k * p, k * n)];
    }

    @Override
    public double evaluate(double[] w, double[] gradient) {
      for (int t = 0; t < wf.length; t++) {
        wf[t] = (float) w[t];
      }
      VectorUtil.dotBlock(x, 0, n, wf, 0, k, p, z, scratch);
      // shift each row by its max (so exp cannot overflow), remember -log p(y) = log sum exp(z - max) - (z_y - max)
      double loss = 0;
      for (int i = 0; i < n; i++) {
        int o = i * k;
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          max = Math.max(max, z[o + c]);
        }
        for (int c = 0; c < k; c++) {
          z[o + c] -= max;
        }
        loss -= z[o + y[i]];
      }
      // one vectorised exp over the whole block, then each row normalised into the residual P - Y
      VectorUtil.expInPlace(z, 0, n * k);
      for (int i = 0; i < n; i++) {
        int o = i * k;
        double sum = 0;
        for (int c = 0; c < k; c++) {
          sum += z[o + c];
        }
        loss += Math.log(sum);
        float inv = (float) (1 / sum);
        for (int c = 0; c < k; c++) {
          rt[c * n + i] = z[o + c] * inv;
        }
        rt[y[i] * n + i] -= 1;
      }
      VectorUtil.dotBlock(xt, 0, p, rt, 0, k, n, g, scratch);
      double invN = 1.0 / n;
      double penalty = 0;
      for (int c = 0; c < k; c++) {
        for (int j = 0; j < p; j++) {
          int t = c * p + j;
          double gj = g[j * k + c] * invN;
          if (j < p - 1) {
            penalty += w[t] * w[t];
            gj += lambda * w[t];
          }
          gradient[t] = gj;
        }
      }
      return loss * invN + 0.5 * lambda * penalty;
    }
  }
}
