package org.embdiff.transfer;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * L2-regularised logistic regression on word vectors, trained with LIBLINEAR (Fan et al. 2008,
 * solver {@code L2R_LR}, a trust-region Newton method). Features are standardised with the
 * training rows' mean and standard deviation; the same transform is applied to every row the
 * model scores. Two classes: binary logistic regression (identical to the multinomial model).
 * More classes: LIBLINEAR's one-vs-rest logistic models with their probabilities normalised to
 * sum to 1 (LIBLINEAR has no softmax solver).
 */
public final class WordClassifier {
  static {
    Linear.disableDebugOutput();
  }

  private final Model model;
  private final int dim;
  private final double[] mean;
  private final double[] scale;
  private final int[] modelLabels;
  private final int classes;

  private WordClassifier(Model model, int dim, double[] mean, double[] scale, int classes) {
    this.model = model;
    this.dim = dim;
    this.mean = mean;
    this.scale = scale;
    this.modelLabels = model.getLabels();
    this.classes = classes;
  }

  /**
   * Trains on {@code rows} (row-major, {@code n x dim}) with integer labels in {@code [0, classes)}.
   *
   * @param c inverse regularisation strength (LIBLINEAR's C)
   * @param eps stopping tolerance (LIBLINEAR's default for L2R_LR is 0.01)
   */
  public static WordClassifier train(float[] rows, int dim, int[] labels, int classes, double c, double eps) {
    int n = labels.length;
    if (rows.length != n * dim) {
      throw new IllegalArgumentException("rows " + rows.length + " != labels " + n + " x dim " + dim);
    }
    if (n == 0) {
      throw new IllegalArgumentException("no training words");
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
    Problem problem = new Problem();
    problem.l = n;
    problem.n = dim + 1;
    problem.bias = 1;
    problem.x = new Feature[n][];
    problem.y = new double[n];
    for (int i = 0; i < n; i++) {
      problem.x[i] = features(rows, i * dim, dim, mean, scale);
      problem.y[i] = labels[i];
    }
    Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, c, eps));
    return new WordClassifier(model, dim, mean, scale, classes);
  }

  /**
   * Class probabilities of the vector {@code row[offset .. offset+dim)} into {@code out} (length
   * {@code classes}); classes unseen in training get probability 0.
   *
   * @return the most probable class
   */
  public int predict(float[] row, int offset, double[] out) {
    double[] raw = new double[modelLabels.length];
    Linear.predictProbability(model, features(row, offset, dim, mean, scale), raw);
    java.util.Arrays.fill(out, 0);
    int best = -1;
    double bestP = -1;
    for (int k = 0; k < modelLabels.length; k++) {
      int label = modelLabels[k];
      out[label] = raw[k];
      if (raw[k] > bestP || (raw[k] == bestP && label < best)) {
        bestP = raw[k];
        best = label;
      }
    }
    return best;
  }

  /** Number of classes. */
  public int classes() {
    return classes;
  }

  private static Feature[] features(float[] rows, int offset, int dim, double[] mean, double[] scale) {
    Feature[] x = new Feature[dim + 1];
    for (int j = 0; j < dim; j++) {
      x[j] = new FeatureNode(j + 1, (rows[offset + j] - mean[j]) * scale[j]);
    }
    // the bias feature, index dim + 1, as LIBLINEAR expects when problem.bias >= 0
    x[dim] = new FeatureNode(dim + 1, 1.0);
    return x;
  }
}
